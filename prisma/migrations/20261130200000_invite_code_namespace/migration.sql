-- Random and vanity codes are one namespace compared without case: a vanity code may not be a case variant
-- of another invite's code (whoever retypes a link in lower case would land in another guild), and a random
-- draw that is a case variant of an existing code is refused like an exact duplicate and drawn again.
-- Lookups stay as they were: exact first (random codes are case-sensitive), then the lowercased code for
-- vanity codes only.

-- Rows that clash today (possible only before this index): per lowercased code one row keeps the name, the
-- others are deleted. The keeper is the live one (not expired, not used up), then the oldest: a vanity code
-- set as a case variant of an older random code is the hijack this forbids, and it goes. Members keep their
-- recorded source_invite_code (no foreign key).
WITH "ranked" AS (
    SELECT "code", row_number() OVER (
        PARTITION BY lower("code")
        ORDER BY (("expires_at" IS NULL OR "expires_at" > now()) AND ("max_uses" = 0 OR "uses" < "max_uses")) DESC,
                 "created_at", "code"
    ) AS "place"
    FROM "invites"
)
DELETE FROM "invites" WHERE "code" IN (SELECT "code" FROM "ranked" WHERE "place" > 1);

-- Not expressible in schema.prisma (an expression index; the Prisma CLI leaves it alone).
CREATE UNIQUE INDEX "invites_code_lower_key" ON "invites" (lower("code"));

-- Vanity codes are stored lowercased, and so are the names a guild gave up (the check below relies on it;
-- a lock written otherwise could never have matched a claim, so it is dropped).
DELETE FROM "vanity_code_locks" WHERE "code" <> lower("code");
ALTER TABLE "vanity_code_locks" ADD CONSTRAINT "vanity_code_locks_code_check" CHECK ("code" = lower("code"));

-- A name a guild gave up stays its own for 30 days (vanity_code_locks): no other guild's vanity and no random
-- draw may take it meanwhile, in any case. The row is skipped (RETURN NULL), exactly as ON CONFLICT DO
-- NOTHING skips a duplicate, so every writer already handles it: a random draw is drawn again, a vanity
-- claim answers "taken". The guild that gave the name up may take it back as its vanity code.
--
-- Every insert of a code and every delete of a vanity code first takes a transaction advisory lock on the
-- lowercased name. Giving a code up deletes the vanity row and writes its lock in one transaction; an insert
-- of the same name that starts meanwhile waits for that commit, and its check (a new statement, so a new
-- snapshot) then sees the lock. Without it, the insert would only wait on the unique index after its
-- check had already passed.
CREATE FUNCTION "invite_code_claim"() RETURNS TRIGGER LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM pg_advisory_xact_lock(72707370, hashtext(lower(OLD."code")));
        RETURN OLD;
    END IF;
    PERFORM pg_advisory_xact_lock(72707370, hashtext(lower(NEW."code")));
    IF EXISTS (
        SELECT 1 FROM "vanity_code_locks" l
        WHERE l."code" = lower(NEW."code") AND l."locked_until" > now()
          AND NOT (NEW."is_vanity" AND l."guild_id" = NEW."guild_id")
    ) THEN
        RETURN NULL;
    END IF;
    RETURN NEW;
END;
$$;

-- CreateTrigger
CREATE TRIGGER "invites_code_claim_insert" BEFORE INSERT ON "invites"
    FOR EACH ROW EXECUTE FUNCTION "invite_code_claim"();

-- CreateTrigger (vanity rows only: the purge of lapsed random invites deletes many rows at once)
CREATE TRIGGER "invites_code_claim_delete" BEFORE DELETE ON "invites"
    FOR EACH ROW WHEN (OLD."is_vanity") EXECUTE FUNCTION "invite_code_claim"();
