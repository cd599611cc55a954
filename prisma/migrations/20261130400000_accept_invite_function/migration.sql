-- Accepting an invite in one statement (server/invites/accept-invite.ts calls it; both engines run it).
--
-- A link posted to a large audience brings hundreds of joins per second to one guild, and every join must
-- hold that guild's row (and the invite's) while it counts the use and writes the member. Held across an
-- interactive transaction, those locks last many client round trips and the joins queue behind each other;
-- here they last for the few writes at the end of one function call and its commit.
--
-- What it does, in the order the accept's rules are checked:
--   1. Without locks: find the live invite (the code as sent, else lowercased, so vanity codes resolve in any
--      case) with everything its answer shows, then the refusals that need no lock: invites paused, already
--      a member (answered with the invite, no use counted), banned, the user's guild cap. Most refusals and
--      every re-accept end here without waiting behind the joins in flight.
--   2. Lock the guild (the order every writer follows: guild or channel, then invite, then user), and check
--      again what may have changed meanwhile: paused, already a member (a double click), banned.
--   3. Count the use with a conditional UPDATE (still live: not expired, under max_uses) that bumps version;
--      no row means the invite lapsed or was deleted meanwhile.
--   4. Lock the user and check the guild cap again (a user's joins to different guilds are serialised here).
--   5. Insert the member with its join source (ON CONFLICT DO NOTHING), raise member_count.
-- For a group DM the channel is locked instead of a guild and the recipient cap is checked.
--
-- Outcomes: unknown, paused, already, banned, max_guilds, max_recipients, joined. A race found after the use
-- was counted (the cap reached by a concurrent join of the same user; a member row inserted by a path that
-- does not take the guild lock) raises instead, which rolls the counted use back with everything else:
-- 'accept_invite: max_guilds' or 'accept_invite: retry' (calling again then answers 'already').
--
-- Besides the outcome, each row carries what the answer shows (the invite after the counted use, its guild,
-- channel, inviter, counts) and what deciding whether the caller may see the invite's metadata needs (the
-- @everyone role's permissions, the caller's roles, the channel's overwrites): the accept needs no other
-- query. Not expressible in schema.prisma; `migrate diff` stays empty.
CREATE FUNCTION "accept_invite"(
    p_code TEXT,
    p_user_id BIGINT,
    p_max_guilds INTEGER,
    p_max_recipients INTEGER,
    p_invite_source INTEGER,
    p_vanity_source INTEGER
)
RETURNS TABLE (
    "outcome" TEXT,
    "code" TEXT,
    "type" INTEGER,
    "guild_id" BIGINT,
    "channel_id" BIGINT,
    "inviter_id" BIGINT,
    "created_at" TIMESTAMPTZ(3),
    "expires_at" TIMESTAMPTZ(3),
    "uses" INTEGER,
    "max_uses" INTEGER,
    "max_age" INTEGER,
    "temporary" BOOLEAN,
    "is_vanity" BOOLEAN,
    "version" INTEGER,
    "guild_name" TEXT,
    "guild_icon_hash" TEXT,
    "guild_banner_hash" TEXT,
    "guild_splash_hash" TEXT,
    "guild_features" TEXT[],
    "guild_owner_id" BIGINT,
    "member_count" INTEGER,
    "presence_count" INTEGER,
    "channel_name" TEXT,
    "channel_type" INTEGER,
    "channel_owner_id" BIGINT,
    "recipients" TEXT[],
    "inviter_username" TEXT,
    "inviter_discriminator" INTEGER,
    "inviter_avatar_hash" TEXT,
    "inviter_is_bot" BOOLEAN,
    "joined_at" TIMESTAMPTZ(3),
    "everyone_permissions" BIGINT,
    "role_ids" BIGINT[],
    "role_permissions" BIGINT[],
    "overwrites" JSONB
)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_code TEXT;
    v_guild_id BIGINT;
    v_channel_id BIGINT;
    v_temporary BOOLEAN;
    v_is_vanity BOOLEAN;
    v_inviter_id BIGINT;
BEGIN
    -- 1. The live invite as found, with its guild, channel and inviter; no lock taken.
    SELECT i."code", i."type", i."guild_id", i."channel_id", i."inviter_id", i."created_at", i."expires_at",
           i."uses", i."max_uses", i."max_age", i."temporary", i."is_vanity", i."version",
           g."name", g."icon_hash", g."banner_hash", g."splash_hash", g."features", g."owner_id", g."member_count",
           c."name", c."type", c."owner_id",
           u."username", u."discriminator", u."avatar_hash", u."is_bot"
      INTO "code", "type", "guild_id", "channel_id", "inviter_id", "created_at", "expires_at",
           "uses", "max_uses", "max_age", "temporary", "is_vanity", "version",
           "guild_name", "guild_icon_hash", "guild_banner_hash", "guild_splash_hash", "guild_features", "guild_owner_id", "member_count",
           "channel_name", "channel_type", "channel_owner_id",
           "inviter_username", "inviter_discriminator", "inviter_avatar_hash", "inviter_is_bot"
      FROM "invites" i
      JOIN "channels" c ON c."id" = i."channel_id"
      LEFT JOIN "guilds" g ON g."id" = i."guild_id"
      LEFT JOIN "users" u ON u."id" = i."inviter_id"
     WHERE i."code" IN (p_code, lower(p_code))
       AND (i."expires_at" IS NULL OR i."expires_at" > now())
       AND (i."max_uses" = 0 OR i."uses" < i."max_uses")
     ORDER BY i."code" = p_code DESC
     LIMIT 1;
    IF NOT FOUND THEN
        "outcome" := 'unknown';
        RETURN NEXT;
        RETURN;
    END IF;
    v_code := "code";
    v_guild_id := "guild_id";
    v_channel_id := "channel_id";
    v_inviter_id := "inviter_id";
    "role_ids" := '{}';
    "role_permissions" := '{}';

    IF v_guild_id IS NOT NULL THEN
        IF "guild_name" IS NULL THEN -- the guild was deleted meanwhile
            "outcome" := 'unknown';
            RETURN NEXT;
            RETURN;
        END IF;
        IF 'INVITES_DISABLED' = ANY("guild_features") THEN
            "outcome" := 'paused';
            RETURN NEXT;
            RETURN;
        END IF;
        -- Whether the caller may see the invite's metadata is decided from these (unless they are its inviter).
        IF v_inviter_id IS DISTINCT FROM p_user_id THEN
            SELECT r."permissions" INTO "everyone_permissions" FROM "roles" r WHERE r."id" = v_guild_id;
            SELECT jsonb_agg(jsonb_build_object('target_id', o."target_id"::text, 'type', o."type", 'allow', o."allow"::text, 'deny', o."deny"::text))
              INTO "overwrites" FROM "permission_overwrites" o WHERE o."channel_id" = v_channel_id;
        END IF;
        IF EXISTS (SELECT 1 FROM "members" m WHERE m."guild_id" = v_guild_id AND m."user_id" = p_user_id) THEN
            SELECT coalesce(array_agg(r."id" ORDER BY r."id"), '{}'), coalesce(array_agg(r."permissions" ORDER BY r."id"), '{}')
              INTO "role_ids", "role_permissions"
              FROM "member_roles" mr JOIN "roles" r ON r."id" = mr."role_id"
             WHERE mr."guild_id" = v_guild_id AND mr."user_id" = p_user_id;
            "presence_count" := (SELECT GREATEST(0, g."presence_count" + COALESCE((SELECT SUM(d."delta") FROM "guild_presence_deltas" d WHERE d."guild_id" = g."id"), 0))::int
                                   FROM "guilds" g WHERE g."id" = v_guild_id);
            "outcome" := 'already';
            RETURN NEXT;
            RETURN;
        END IF;
        IF EXISTS (SELECT 1 FROM "bans" b WHERE b."guild_id" = v_guild_id AND b."user_id" = p_user_id) THEN
            "outcome" := 'banned';
            RETURN NEXT;
            RETURN;
        END IF;
        IF (SELECT count(*) FROM "members" m WHERE m."user_id" = p_user_id) >= p_max_guilds THEN
            "outcome" := 'max_guilds';
            RETURN NEXT;
            RETURN;
        END IF;

        -- 2. The guild's lock: joins of this guild, bans and removals take their turn here. Each statement
        -- below sees what committed before it, so what was checked above is checked again.
        SELECT g."features" INTO "guild_features" FROM "guilds" g WHERE g."id" = v_guild_id FOR NO KEY UPDATE;
        IF NOT FOUND THEN
            "outcome" := 'unknown';
            RETURN NEXT;
            RETURN;
        END IF;
        IF 'INVITES_DISABLED' = ANY("guild_features") THEN
            "outcome" := 'paused';
            RETURN NEXT;
            RETURN;
        END IF;
        IF EXISTS (SELECT 1 FROM "members" m WHERE m."guild_id" = v_guild_id AND m."user_id" = p_user_id) THEN
            "outcome" := 'already'; -- a concurrent accept of the same user got in first (no roles yet)
        ELSIF EXISTS (SELECT 1 FROM "bans" b WHERE b."guild_id" = v_guild_id AND b."user_id" = p_user_id) THEN
            "outcome" := 'banned';
            RETURN NEXT;
            RETURN;
        END IF;
    ELSE
        IF EXISTS (SELECT 1 FROM "channel_recipients" cr WHERE cr."channel_id" = v_channel_id AND cr."user_id" = p_user_id) THEN
            "outcome" := 'already';
        ELSE
            -- 2. The group DM's lock: its joins take their turn here.
            PERFORM 1 FROM "channels" c WHERE c."id" = v_channel_id FOR NO KEY UPDATE;
            IF NOT FOUND THEN
                "outcome" := 'unknown';
                RETURN NEXT;
                RETURN;
            END IF;
            IF EXISTS (SELECT 1 FROM "channel_recipients" cr WHERE cr."channel_id" = v_channel_id AND cr."user_id" = p_user_id) THEN
                "outcome" := 'already';
            ELSIF (SELECT count(*) FROM "channel_recipients" cr WHERE cr."channel_id" = v_channel_id) >= p_max_recipients THEN
                "outcome" := 'max_recipients';
                RETURN NEXT;
                RETURN;
            END IF;
        END IF;
    END IF;

    IF "outcome" IS NULL THEN
        -- 3. Count the use: only while the invite is still live. An edit made meanwhile is what counts.
        UPDATE "invites" i SET "uses" = i."uses" + 1, "version" = i."version" + 1
         WHERE i."code" = v_code
           AND (i."expires_at" IS NULL OR i."expires_at" > now())
           AND (i."max_uses" = 0 OR i."uses" < i."max_uses")
        RETURNING i."uses", i."version", i."max_uses", i."max_age", i."expires_at", i."temporary", i."is_vanity"
             INTO "uses", "version", "max_uses", "max_age", "expires_at", v_temporary, v_is_vanity;
        IF NOT FOUND THEN
            "outcome" := 'unknown';
            RETURN NEXT;
            RETURN;
        END IF;
        "temporary" := v_temporary;

        IF v_guild_id IS NOT NULL THEN
            -- 4. The user's lock: their joins to other guilds wait here, so the cap holds.
            PERFORM 1 FROM "users" u WHERE u."id" = p_user_id FOR NO KEY UPDATE;
            IF (SELECT count(*) FROM "members" m WHERE m."user_id" = p_user_id) >= p_max_guilds THEN
                RAISE EXCEPTION 'accept_invite: max_guilds';
            END IF;
            -- 5. The member, with where they came from, and the guild's count.
            INSERT INTO "members" ("guild_id", "user_id", "joined_at", "temporary", "join_source_type", "source_invite_code", "inviter_id")
            VALUES (v_guild_id, p_user_id, now(), v_temporary, CASE WHEN v_is_vanity THEN p_vanity_source ELSE p_invite_source END, v_code, v_inviter_id)
            ON CONFLICT DO NOTHING
            RETURNING "joined_at" INTO "joined_at";
            IF NOT FOUND THEN
                RAISE EXCEPTION 'accept_invite: retry';
            END IF;
            UPDATE "guilds" g SET "member_count" = g."member_count" + 1 WHERE g."id" = v_guild_id RETURNING g."member_count" INTO "member_count";
        ELSE
            INSERT INTO "channel_recipients" ("channel_id", "user_id", "added_at") VALUES (v_channel_id, p_user_id, now()) ON CONFLICT DO NOTHING;
            IF NOT FOUND THEN
                RAISE EXCEPTION 'accept_invite: retry';
            END IF;
        END IF;
        "outcome" := 'joined';
    END IF;

    IF v_guild_id IS NOT NULL THEN
        -- Online members, the joiner included when they are connected (the members trigger counted them).
        "presence_count" := (SELECT GREATEST(0, g."presence_count" + COALESCE((SELECT SUM(d."delta") FROM "guild_presence_deltas" d WHERE d."guild_id" = g."id"), 0))::int
                               FROM "guilds" g WHERE g."id" = v_guild_id);
    ELSE
        "recipients" := ARRAY(SELECT u."username" FROM "channel_recipients" cr JOIN "users" u ON u."id" = cr."user_id"
                               WHERE cr."channel_id" = v_channel_id ORDER BY cr."added_at", cr."user_id");
        "presence_count" := (SELECT count(*)::int FROM "channel_recipients" cr JOIN "user_presences" p ON p."user_id" = cr."user_id"
                              WHERE cr."channel_id" = v_channel_id);
    END IF;
    RETURN NEXT;
END;
$$;
