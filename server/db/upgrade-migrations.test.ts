// What this branch's migrations do to a database that already holds rows: a database migrated up to the
// migration before them gets data only possible back then, then the rest is applied the way every
// instance applies it at start.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import { applyMigrations, type SqlRunner } from "./migrate";
import { pgliteExtensions } from "./pglite";

const ALL = path.join(process.cwd(), "prisma", "migrations");
const FIRST_NEW = "20261130200000_invite_code_namespace";

describe("upgrading a database with rows", () => {
  let pglite: PGlite;
  let runner: SqlRunner;
  let older: string;
  const query = async <T>(sql: string) => (await pglite.query<T>(sql)).rows;

  before(async () => {
    older = mkdtempSync(path.join(tmpdir(), "fluxer-migrations-"));
    for (const name of readdirSync(ALL).filter((n) => n < FIRST_NEW))
      cpSync(path.join(ALL, name), path.join(older, name), { recursive: true });
    pglite = new PGlite({ extensions: await pgliteExtensions() });
    runner = {
      exec: async (sql) => void (await pglite.exec(sql)),
      query: async <T>(sql: string, params: unknown[] = []) => (await pglite.query<T>(sql, params)).rows,
    };
    process.env.MIGRATIONS_DIR = older;
    await applyMigrations(runner);

    await pglite.exec(`
      INSERT INTO users (id, username, discriminator, is_bot) VALUES (1, 'owner', 1, false), (2, 'temp', 1, false), (3, 'kept', 1, false), (4, 'online', 1, false), (5, 'bot', 1, true);
      INSERT INTO applications (id, name, owner_id, bot_user_id) VALUES (30, 'app', 1, 5);
      INSERT INTO guilds (id, name, owner_id, member_count) VALUES (10, 'A', 1, 4), (20, 'B', 1, 1);
      INSERT INTO channels (id, type, guild_id, name) VALUES (11, 0, 10, 'general'), (21, 0, 20, 'general');
      INSERT INTO roles (id, guild_id, name) VALUES (10, 10, '@everyone'), (12, 10, 'kept'), (20, 20, '@everyone');
      INSERT INTO members (guild_id, user_id, temporary, join_source_type) VALUES
        (10, 1, false, 0), (10, 2, true, 1), (10, 3, true, 1), (10, 4, true, 1), (20, 1, false, 0);
      -- Direct adds were all recorded as 3: a bot by a manager, and a person (only an instance admin could).
      INSERT INTO members (guild_id, user_id, temporary, join_source_type) VALUES (20, 5, false, 3), (20, 2, false, 3);
      INSERT INTO member_roles (guild_id, user_id, role_id) VALUES (10, 3, 12);
      INSERT INTO user_presences (user_id) VALUES (4);
      -- Guild B took guild A's random code in lower case as its vanity code, after it existed.
      INSERT INTO invites (code, guild_id, channel_id, inviter_id, created_at) VALUES ('5zMjvK60', 10, 11, 1, now() - interval '2 days');
      INSERT INTO invites (code, guild_id, channel_id, created_at, is_vanity) VALUES ('5zmjvk60', 20, 21, now() - interval '1 day', true);
      -- Two random codes differing in case (one draw in 2^44): the older stays.
      INSERT INTO invites (code, guild_id, channel_id, inviter_id, created_at) VALUES ('QQww1234', 10, 11, 1, now() - interval '3 days'), ('qqWW1234', 10, 11, 1, now() - interval '1 hour');
      -- A lapsed (used-up) random code and a live vanity code in other case: the live one stays.
      INSERT INTO invites (code, guild_id, channel_id, inviter_id, created_at, uses, max_uses) VALUES ('LaPsed99', 10, 11, 1, now() - interval '5 days', 1, 1);
      INSERT INTO invites (code, guild_id, channel_id, created_at, is_vanity) VALUES ('lapsed99', 20, 21, now() - interval '1 day', true);
      INSERT INTO invites (code, guild_id, channel_id, inviter_id) VALUES ('Alone123', 10, 11, 1);
    `);
    process.env.MIGRATIONS_DIR = ALL;
    await applyMigrations(runner);
  });
  after(async () => {
    await pglite.close();
    rmSync(older, { recursive: true, force: true });
  });

  it("keeps one invite per code without case: the live one, then the oldest", async () => {
    const codes = (await query<{ code: string }>(`SELECT code FROM invites ORDER BY code`)).map(
      (r) => r.code,
    );
    assert.deepEqual(codes, ["5zMjvK60", "Alone123", "lapsed99", "QQww1234"].sort());
  });

  it("then refuses any new case variant", async () => {
    await assert.rejects(
      pglite.exec(`INSERT INTO invites (code, guild_id, channel_id) VALUES ('ALONE123', 10, 11)`),
      /invites_code_lower_key/,
    );
  });

  it("schedules the removal of temporary members who are offline and have no role", async () => {
    const due = await query<{ guild_id: bigint; user_id: bigint }>(
      `SELECT guild_id, user_id FROM temporary_member_removals`,
    );
    assert.deepEqual(
      due.map((r) => [Number(r.guild_id), Number(r.user_id)]),
      [[10, 2]],
    );
  });

  it("tells direct adds apart: a bot stays a bot invite, a person becomes an instance admin's add", async () => {
    const rows = await query<{ user_id: number; join_source_type: number }>(
      `SELECT user_id, join_source_type FROM members WHERE guild_id = 20 ORDER BY user_id`,
    );
    assert.deepEqual(
      rows.map((r) => [Number(r.user_id), r.join_source_type]),
      [
        [1, 0],
        [2, 4],
        [5, 3],
      ],
    );
  });

  it("makes existing applications public", async () => {
    assert.deepEqual(await query(`SELECT id, bot_public FROM applications`), [{ id: 30, bot_public: true }]);
  });
});
