-- Role invites and targeted invites.
--
-- invite_roles: the roles an invite grants on accept (to a new member and to someone already in the guild).
-- A role's deletion takes its rows with it, so an invite never grants a role that no longer exists.
-- invite_target_users: the only users who may see or accept a targeted invite (flags bit 1 << 1, IS_TARGETED).
-- No foreign key to users: ids are kept as given, and an id with no account simply never matches.
-- The flag, not the list, makes an invite targeted: emptying the list leaves an invite nobody may use, never
-- one open to everyone.

ALTER TABLE "invites" ADD COLUMN "flags" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "invite_roles" (
    "invite_code" TEXT NOT NULL,
    "role_id" BIGINT NOT NULL,

    CONSTRAINT "invite_roles_pkey" PRIMARY KEY ("invite_code","role_id")
);

-- CreateTable
CREATE TABLE "invite_target_users" (
    "invite_code" TEXT NOT NULL,
    "user_id" BIGINT NOT NULL,

    CONSTRAINT "invite_target_users_pkey" PRIMARY KEY ("invite_code","user_id")
);

-- CreateIndex
CREATE INDEX "invite_roles_role_id_idx" ON "invite_roles"("role_id");

-- AddForeignKey
ALTER TABLE "invite_roles" ADD CONSTRAINT "invite_roles_invite_code_fkey" FOREIGN KEY ("invite_code") REFERENCES "invites"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invite_roles" ADD CONSTRAINT "invite_roles_role_id_fkey" FOREIGN KEY ("role_id") REFERENCES "roles"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "invite_target_users" ADD CONSTRAINT "invite_target_users_invite_code_fkey" FOREIGN KEY ("invite_code") REFERENCES "invites"("code") ON DELETE CASCADE ON UPDATE CASCADE;

-- accept_invite (migration 20261130400000_accept_invite_function says what it does and why; 20261201200100 added
-- the timed pause) learns both:
-- - a targeted invite answers 'unknown' to every user not on its list, whatever else holds (a pause included,
--   which would otherwise tell a stranger the code exists), counts nothing for them, and checks the list
--   under the invite's row lock, so a user removed before accepting is refused;
-- - the invite's roles are given to each user who joins and to each who is already a member (no use counted
--   for them, as before), in the same transaction; the GUILD_MEMBER_ADD it sends lists them.
-- It gains two result columns, "flags" and "role_ids" (the roles the user now holds from this invite); a function's
-- result type can't change in place, so it is dropped and created again with the same arguments in this
-- migration's transaction: callers see no moment without it, and `SELECT * FROM accept_invite(...)` keeps working.
DROP FUNCTION "accept_invite"(TEXT, BIGINT[], INTEGER, INTEGER, INTEGER, INTEGER, INTEGER, TEXT);
CREATE FUNCTION "accept_invite"(
    p_code TEXT,
    p_user_ids BIGINT[],
    p_max_guilds INTEGER,
    p_max_recipients INTEGER,
    p_invite_source INTEGER,
    p_vanity_source INTEGER,
    p_temporary_grace_seconds INTEGER,
    p_notify_channel TEXT
)
RETURNS TABLE (
    "user_id" BIGINT,
    "outcome" TEXT,
    "joined_at" TIMESTAMPTZ,
    "code" TEXT,
    "type" INTEGER,
    "guild_id" BIGINT,
    "channel_id" BIGINT,
    "inviter_id" BIGINT,
    "created_at" TIMESTAMPTZ,
    "expires_at" TIMESTAMPTZ,
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
    "everyone_permissions" BIGINT,
    "overwrites" JSONB,
    "flags" INTEGER,
    "role_ids" BIGINT[]
)
LANGUAGE plpgsql AS $$
#variable_conflict use_column
DECLARE
    v_code TEXT;
    v_guild_id BIGINT;
    v_channel_id BIGINT;
    v_inviter_id BIGINT;
    v_temporary BOOLEAN;
    v_source INTEGER;
    v_left INTEGER; -- uses left; NULL when unlimited
    v_joined INTEGER := 0;
    v_outcomes TEXT[] := '{}';
    v_joined_at TIMESTAMPTZ[] := '{}';
    v_shared TEXT; -- one outcome for every user
    v_paused_until TIMESTAMPTZ; -- the guild's timed pause; over once it is not after now()
    v_flags INTEGER := 0;
    v_is_targeted BOOLEAN := false;
    v_role_ids BIGINT[] := '{}';
    v_user BIGINT;
    v_at TIMESTAMPTZ;
    n INTEGER;
BEGIN
    -- 1. The live invite as found, with its guild, channel and inviter; no lock taken.
    SELECT i."code", i."type", i."guild_id", i."channel_id", i."inviter_id", i."created_at", i."expires_at",
           i."uses", i."max_uses", i."max_age", i."temporary", i."is_vanity", i."version",
           g."name", g."icon_hash", g."banner_hash", g."splash_hash", g."features", g."owner_id", g."member_count",
           c."name", c."type", c."owner_id",
           u."username", u."discriminator", u."avatar_hash", u."is_bot",
           (SELECT r."permissions" FROM "roles" r WHERE r."id" = i."guild_id"),
           (SELECT jsonb_agg(jsonb_build_object('target_id', o."target_id"::text, 'type', o."type", 'allow', o."allow"::text, 'deny', o."deny"::text))
              FROM "permission_overwrites" o WHERE o."channel_id" = i."channel_id"),
           g."invites_disabled_until", i."flags"
      INTO "code", "type", "guild_id", "channel_id", "inviter_id", "created_at", "expires_at",
           "uses", "max_uses", "max_age", "temporary", "is_vanity", "version",
           "guild_name", "guild_icon_hash", "guild_banner_hash", "guild_splash_hash", "guild_features", "guild_owner_id", "member_count",
           "channel_name", "channel_type", "channel_owner_id",
           "inviter_username", "inviter_discriminator", "inviter_avatar_hash", "inviter_is_bot",
           "everyone_permissions", "overwrites",
           v_paused_until, v_flags
      FROM "invites" i
      JOIN "channels" c ON c."id" = i."channel_id"
      LEFT JOIN "guilds" g ON g."id" = i."guild_id"
      LEFT JOIN "users" u ON u."id" = i."inviter_id"
     WHERE (i."code" = p_code OR (i."code" = lower(p_code) AND i."is_vanity"))
       AND (i."expires_at" IS NULL OR i."expires_at" > now())
       AND (i."max_uses" = 0 OR i."uses" < i."max_uses")
     ORDER BY i."code" = p_code DESC
     LIMIT 1;
    v_code := "code";
    v_guild_id := "guild_id";
    v_channel_id := "channel_id";
    v_inviter_id := "inviter_id";
    -- IS_TARGETED (1 << 1) never changes once the invite exists, so the unlocked read decides it.
    "flags" := coalesce(v_flags, 0);
    v_is_targeted := "flags" & 2 <> 0;

    IF v_code IS NULL OR (v_guild_id IS NOT NULL AND "guild_name" IS NULL) THEN
        v_shared := 'unknown';
    ELSIF v_guild_id IS NOT NULL AND ('INVITES_DISABLED' = ANY("guild_features") OR v_paused_until > now()) THEN
        v_shared := 'paused';
    ELSE
        -- 2. The locks, in the order every writer takes them.
        IF v_guild_id IS NOT NULL THEN
            SELECT g."features", g."invites_disabled_until" INTO "guild_features", v_paused_until FROM "guilds" g WHERE g."id" = v_guild_id FOR NO KEY UPDATE;
            IF NOT FOUND THEN
                v_shared := 'unknown';
            ELSIF 'INVITES_DISABLED' = ANY("guild_features") OR v_paused_until > now() THEN
                v_shared := 'paused';
            END IF;
        ELSE
            PERFORM 1 FROM "channels" c WHERE c."id" = v_channel_id FOR NO KEY UPDATE;
            IF NOT FOUND THEN
                v_shared := 'unknown';
            END IF;
        END IF;
        IF v_shared IS NULL THEN
            -- Still live, as it is now (an edit made meanwhile is what counts).
            SELECT i."max_uses", i."max_age", i."expires_at", i."temporary",
                   CASE WHEN i."max_uses" = 0 THEN NULL ELSE i."max_uses" - i."uses" END,
                   CASE WHEN i."is_vanity" THEN p_vanity_source ELSE p_invite_source END
              INTO "max_uses", "max_age", "expires_at", v_temporary, v_left, v_source
              FROM "invites" i
             WHERE i."code" = v_code
               AND (i."expires_at" IS NULL OR i."expires_at" > now())
               AND (i."max_uses" = 0 OR i."uses" < i."max_uses")
               FOR NO KEY UPDATE;
            IF NOT FOUND THEN
                v_shared := 'unknown';
            END IF;
        END IF;
    END IF;

    IF v_shared IS NULL THEN
        "temporary" := v_temporary;
        -- The roles the invite grants, as they are now (a deleted role went with its invite_roles row).
        IF v_guild_id IS NOT NULL THEN
            v_role_ids := ARRAY(SELECT ir."role_id" FROM "invite_roles" ir WHERE ir."invite_code" = v_code ORDER BY ir."role_id");
        END IF;
        -- Each user's joins to other guilds wait here, so the guild cap holds.
        PERFORM 1 FROM "users" u WHERE u."id" = ANY(p_user_ids) ORDER BY u."id" FOR NO KEY UPDATE;
        -- 3. Each user in turn.
        FOR n IN 1 .. coalesce(array_length(p_user_ids, 1), 0) LOOP
            v_user := p_user_ids[n];
            v_at := NULL;
            IF v_is_targeted AND NOT EXISTS (
                   SELECT 1 FROM "invite_target_users" t WHERE t."invite_code" = v_code AND t."user_id" = v_user) THEN
                -- Not (or no longer) on the list: as if the invite did not exist, and nothing is counted.
                v_outcomes := v_outcomes || 'unknown'::text;
            ELSIF v_guild_id IS NOT NULL THEN
                IF EXISTS (SELECT 1 FROM "members" m WHERE m."guild_id" = v_guild_id AND m."user_id" = v_user) THEN
                    v_outcomes := v_outcomes || 'already'::text;
                    -- A member already: no use counted, but the invite's roles are still theirs to have.
                    IF array_length(v_role_ids, 1) > 0 THEN
                        INSERT INTO "member_roles" ("guild_id", "user_id", "role_id")
                        SELECT v_guild_id, v_user, r FROM unnest(v_role_ids) AS r
                        ON CONFLICT DO NOTHING;
                    END IF;
                ELSIF EXISTS (SELECT 1 FROM "bans" b WHERE b."guild_id" = v_guild_id AND b."user_id" = v_user) THEN
                    v_outcomes := v_outcomes || 'banned'::text;
                ELSIF (SELECT count(*) FROM "members" m WHERE m."user_id" = v_user) >= p_max_guilds THEN
                    v_outcomes := v_outcomes || 'max_guilds'::text;
                ELSIF v_left IS NOT NULL AND v_left <= v_joined THEN
                    v_outcomes := v_outcomes || 'unknown'::text;
                ELSE
                    INSERT INTO "members" ("guild_id", "user_id", "joined_at", "temporary", "join_source_type", "source_invite_code", "inviter_id")
                    VALUES (v_guild_id, v_user, now(), v_temporary, v_source, v_code, v_inviter_id)
                    ON CONFLICT DO NOTHING
                    RETURNING "joined_at" INTO v_at;
                    IF v_at IS NULL THEN
                        v_outcomes := v_outcomes || 'already'::text;
                    ELSE
                        v_outcomes := v_outcomes || 'joined'::text;
                        v_joined := v_joined + 1;
                        IF array_length(v_role_ids, 1) > 0 THEN
                            INSERT INTO "member_roles" ("guild_id", "user_id", "role_id")
                            SELECT v_guild_id, v_user, r FROM unnest(v_role_ids) AS r
                            ON CONFLICT DO NOTHING;
                        END IF;
                        IF v_temporary THEN
                            INSERT INTO "temporary_member_removals" ("guild_id", "user_id", "remove_after")
                            SELECT v_guild_id, v_user, now() + (p_temporary_grace_seconds * interval '1 second')
                             WHERE NOT EXISTS (SELECT 1 FROM "user_presences" p WHERE p."user_id" = v_user)
                            ON CONFLICT ("guild_id", "user_id") DO UPDATE SET "remove_after" = EXCLUDED."remove_after";
                        END IF;
                        IF p_notify_channel IS NOT NULL THEN
                            PERFORM pg_notify(p_notify_channel, json_build_object(
                                'type', 'GUILD_MEMBER_ADD', 'guildId', v_guild_id::text, 'channelId', NULL, 'userId', v_user::text,
                                'data', json_build_object(
                                    'user', (SELECT json_build_object('id', u."id"::text, 'username', u."username", 'discriminator', u."discriminator", 'avatar_hash', u."avatar_hash")
                                               FROM "users" u WHERE u."id" = v_user),
                                    'nick', NULL, 'roles', to_json(v_role_ids::text[]),
                                    'joined_at', to_char(v_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                                    'temporary', v_temporary, 'guild_id', v_guild_id::text))::text);
                        END IF;
                    END IF;
                END IF;
            ELSE
                IF EXISTS (SELECT 1 FROM "channel_recipients" cr WHERE cr."channel_id" = v_channel_id AND cr."user_id" = v_user) THEN
                    v_outcomes := v_outcomes || 'already'::text;
                ELSIF (SELECT count(*) FROM "channel_recipients" cr WHERE cr."channel_id" = v_channel_id) >= p_max_recipients THEN
                    v_outcomes := v_outcomes || 'max_recipients'::text;
                ELSIF v_left IS NOT NULL AND v_left <= v_joined THEN
                    v_outcomes := v_outcomes || 'unknown'::text;
                ELSE
                    INSERT INTO "channel_recipients" ("channel_id", "user_id", "added_at") VALUES (v_channel_id, v_user, now())
                    ON CONFLICT DO NOTHING
                    RETURNING "added_at" INTO v_at;
                    IF v_at IS NULL THEN
                        v_outcomes := v_outcomes || 'already'::text;
                    ELSE
                        v_outcomes := v_outcomes || 'joined'::text;
                        v_joined := v_joined + 1;
                    END IF;
                END IF;
            END IF;
            v_joined_at := v_joined_at || v_at;
        END LOOP;

        -- 4. The uses of those who joined, and the guild's count.
        IF v_joined > 0 THEN
            UPDATE "invites" i SET "uses" = i."uses" + v_joined, "version" = i."version" + v_joined
             WHERE i."code" = v_code
            RETURNING i."uses", i."version" INTO "uses", "version";
            IF v_guild_id IS NOT NULL THEN
                UPDATE "guilds" g SET "member_count" = g."member_count" + v_joined WHERE g."id" = v_guild_id
                RETURNING g."member_count" INTO "member_count";
            END IF;
        ELSE
            SELECT i."uses", i."version" INTO "uses", "version" FROM "invites" i WHERE i."code" = v_code;
        END IF;
    END IF;

    IF v_shared IS NULL THEN
        IF v_guild_id IS NOT NULL THEN
            -- Online members, those who just joined included when connected (the members trigger counted them).
            "presence_count" := (SELECT GREATEST(0, g."presence_count" + COALESCE((SELECT SUM(d."delta") FROM "guild_presence_deltas" d WHERE d."guild_id" = g."id"), 0))::int
                                   FROM "guilds" g WHERE g."id" = v_guild_id);
        ELSE
            "recipients" := ARRAY(SELECT u."username" FROM "channel_recipients" cr JOIN "users" u ON u."id" = cr."user_id"
                                   WHERE cr."channel_id" = v_channel_id ORDER BY cr."added_at", cr."user_id");
            "presence_count" := (SELECT count(*)::int FROM "channel_recipients" cr JOIN "user_presences" p ON p."user_id" = cr."user_id"
                                  WHERE cr."channel_id" = v_channel_id);
        END IF;
    END IF;

    FOR n IN 1 .. coalesce(array_length(p_user_ids, 1), 0) LOOP
        "user_id" := p_user_ids[n];
        IF v_is_targeted AND v_shared IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM "invite_target_users" t WHERE t."invite_code" = v_code AND t."user_id" = p_user_ids[n]) THEN
            "outcome" := 'unknown';
        ELSE
            "outcome" := coalesce(v_shared, v_outcomes[n]);
        END IF;
        "joined_at" := v_joined_at[n];
        "role_ids" := CASE WHEN "outcome" IN ('joined', 'already') THEN v_role_ids ELSE '{}'::bigint[] END;
        RETURN NEXT;
    END LOOP;
END;
$$;
