-- Member search (POST /guilds/{id}/members-search) and the settings Members view read members by guild in
-- join order, narrowed by join source, source invite code or inviter, and by text over usernames and
-- nicknames. Each of those reads gets an index here, so a search in a guild of 100,000 members touches the
-- rows it answers with (and, for its exact count, an index), not the whole guild.

-- Join sources follow Fluxer's numbering: 0 CREATOR, 1 INSTANT_INVITE, 2 VANITY_URL, 3 BOT_INVITE,
-- 4 ADMIN_FORCE_ADD, 6 DISCOVERY. Every direct add used to be recorded as 3; a person (not a bot) can only
-- have been added directly by an instance admin, so those rows become 4.
UPDATE "members" m SET "join_source_type" = 4
  FROM "users" u
 WHERE u."id" = m."user_id" AND m."join_source_type" = 3 AND NOT u."is_bot";

-- Newest (or oldest) members first, ties by user id: the default order of a search and of the Members view.
CREATE INDEX "members_guild_id_joined_at_user_id_idx" ON "members"("guild_id", "joined_at", "user_id");

-- The join-source filter, in join order.
CREATE INDEX "members_guild_id_join_source_type_joined_at_idx" ON "members"("guild_id", "join_source_type", "joined_at");

-- Who joined through a given code, newest first (codes are unique across guilds). Replaces the plain index
-- on the code, which this one serves as well.
DROP INDEX IF EXISTS "members_source_invite_code_idx";
CREATE INDEX "members_source_invite_code_joined_at_idx" ON "members"("source_invite_code", "joined_at");

-- The invite leaderboard: joins through ordinary invites per inviter, counted from the index alone for any
-- time window.
CREATE INDEX "members_guild_id_inviter_id_joined_at_idx" ON "members"("guild_id", "inviter_id", "joined_at") WHERE "join_source_type" = 1;

-- The bots among the users (few): the is_bot filter reads their ids from here.
CREATE INDEX "users_id_bot_idx" ON "users"("id") WHERE "is_bot";

-- A 4-digit search text also matches the discriminator exactly.
CREATE INDEX "users_discriminator_idx" ON "users"("discriminator");

-- Text search matches anywhere in a username or nickname (`ILIKE '%text%'`), which only a trigram index
-- answers without reading every row. pg_trgm ships with PostgreSQL (contrib) and is a trusted extension, so
-- the database owner may create it; PGlite loads it when the database is opened (server/db/pglite.ts). Where
-- it is missing, search still works, scanning the guild's members instead of using these two indexes.
DO $$
BEGIN
    BEGIN
        CREATE EXTENSION IF NOT EXISTS "pg_trgm";
    EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'pg_trgm is not available (%): member search will scan instead of using trigram indexes', SQLERRM;
    END;
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX "users_username_trgm_idx" ON "users" USING gin ("username" gin_trgm_ops)';
        EXECUTE 'CREATE INDEX "members_nick_trgm_idx" ON "members" USING gin ("nick" gin_trgm_ops) WHERE "nick" IS NOT NULL';
    END IF;
END
$$;
