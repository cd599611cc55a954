-- Timed pauses (PUT /guilds/{id}/incident-actions): until when invites (and DMs) are disabled. NULL: not
-- paused. A time in the past is a pause that has ended; nothing needs to clear it.
ALTER TABLE "guilds" ADD COLUMN "invites_disabled_until" TIMESTAMPTZ(3);
ALTER TABLE "guilds" ADD COLUMN "dms_disabled_until" TIMESTAMPTZ(3);
