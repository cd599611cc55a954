-- A temporary member who joined without ever opening an event stream had no "last connection" to end, so
-- nothing scheduled their removal. New joins schedule it themselves (server/presence/
-- schedule-temporary-member-removal.ts); this schedules the ones already in that state: temporary, no role,
-- not online and nothing pending. Due after 10 s (the default grace period), checked again at removal time.
INSERT INTO "temporary_member_removals" ("guild_id", "user_id", "remove_after")
SELECT m."guild_id", m."user_id", now() + interval '10 seconds'
FROM "members" m
WHERE m."temporary" = true
  AND NOT EXISTS (SELECT 1 FROM "member_roles" r WHERE r."guild_id" = m."guild_id" AND r."user_id" = m."user_id")
  AND NOT EXISTS (SELECT 1 FROM "user_presences" p WHERE p."user_id" = m."user_id")
ON CONFLICT ("guild_id", "user_id") DO NOTHING;
