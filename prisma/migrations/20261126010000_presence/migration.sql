-- AlterTable
ALTER TABLE "guilds" ADD COLUMN     "presence_count" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "presence_connections" (
    "id" BIGINT NOT NULL,
    "user_id" BIGINT NOT NULL,
    "instance_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "presence_connections_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user_presences" (
    "user_id" BIGINT NOT NULL,
    "online_since" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "user_presences_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "guild_presence_deltas" (
    "id" BIGSERIAL NOT NULL,
    "guild_id" BIGINT NOT NULL,
    "delta" INTEGER NOT NULL,

    CONSTRAINT "guild_presence_deltas_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "temporary_member_removals" (
    "guild_id" BIGINT NOT NULL,
    "user_id" BIGINT NOT NULL,
    "remove_after" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "temporary_member_removals_pkey" PRIMARY KEY ("guild_id","user_id")
);

-- CreateTable
CREATE TABLE "gateway_event_payloads" (
    "id" BIGINT NOT NULL,
    "payload" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gateway_event_payloads_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "presence_connections_user_id_idx" ON "presence_connections"("user_id");

-- CreateIndex
CREATE INDEX "presence_connections_last_seen_at_idx" ON "presence_connections"("last_seen_at");

-- CreateIndex
CREATE INDEX "guild_presence_deltas_guild_id_idx" ON "guild_presence_deltas"("guild_id");

-- CreateIndex
CREATE INDEX "temporary_member_removals_user_id_idx" ON "temporary_member_removals"("user_id");

-- CreateIndex
CREATE INDEX "temporary_member_removals_remove_after_idx" ON "temporary_member_removals"("remove_after");

-- CreateIndex
CREATE INDEX "gateway_event_payloads_created_at_idx" ON "gateway_event_payloads"("created_at");

-- AddForeignKey
ALTER TABLE "presence_connections" ADD CONSTRAINT "presence_connections_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "user_presences" ADD CONSTRAINT "user_presences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Not expressible in schema.prisma (the Prisma CLI ignores triggers; `migrate diff` stays empty).
-- Every insert or delete of a member row, from any code path, moves the guild's online count when that user
-- is online (docs/presence.md). FOR SHARE on the user row waits for an online/offline transition of the same
-- user in flight (those hold FOR NO KEY UPDATE on it), so a join racing a transition is counted exactly once.
CREATE FUNCTION "presence_on_member_change"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
DECLARE
    member_user_id BIGINT;
    member_guild_id BIGINT;
    change INTEGER;
BEGIN
    IF TG_OP = 'INSERT' THEN
        member_user_id := NEW."user_id"; member_guild_id := NEW."guild_id"; change := 1;
    ELSE
        member_user_id := OLD."user_id"; member_guild_id := OLD."guild_id"; change := -1;
    END IF;
    PERFORM 1 FROM "users" WHERE "id" = member_user_id FOR SHARE;
    IF EXISTS (SELECT 1 FROM "user_presences" WHERE "user_id" = member_user_id) THEN
        INSERT INTO "guild_presence_deltas" ("guild_id", "delta") VALUES (member_guild_id, change);
    END IF;
    RETURN NULL;
END;
$$;

-- CreateTrigger
CREATE TRIGGER "members_presence_count" AFTER INSERT OR DELETE ON "members"
    FOR EACH ROW EXECUTE FUNCTION "presence_on_member_change"();
