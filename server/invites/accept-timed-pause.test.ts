// accept_invite and the guild's timed pause, straight on the database function (every migration applied to
// an in-memory PGlite): refused while invites_disabled_until is ahead of now(), accepted once it has passed,
// with nothing run in between, and the indefinite pause still refusing on its own.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { PGlite } from "@electric-sql/pglite";
import { applyMigrations } from "@/server/db/migrate";

describe("accept_invite with a timed pause", () => {
  let pglite: PGlite;
  const accept = async (userId: number) =>
    (
      await pglite.query<{ outcome: string }>(
        `SELECT outcome FROM accept_invite('Pause123', ARRAY[${userId}]::bigint[], 100, 10, 1, 2, 10, NULL)`,
      )
    ).rows[0]?.outcome;

  before(async () => {
    pglite = new PGlite();
    await applyMigrations({
      exec: async (sql) => void (await pglite.exec(sql)),
      query: async <T>(sql: string, params: unknown[] = []) => (await pglite.query<T>(sql, params)).rows,
    });
    await pglite.exec(`
      INSERT INTO users (id, username, discriminator, is_bot) VALUES (1, 'owner', 1, false), (2, 'a', 1, false), (3, 'b', 1, false), (4, 'c', 1, false);
      INSERT INTO guilds (id, name, owner_id, member_count) VALUES (10, 'A', 1, 1);
      INSERT INTO channels (id, type, guild_id, name) VALUES (11, 0, 10, 'general');
      INSERT INTO roles (id, guild_id, name) VALUES (10, 10, '@everyone');
      INSERT INTO members (guild_id, user_id, temporary, join_source_type) VALUES (10, 1, false, 0);
      INSERT INTO invites (code, guild_id, channel_id, inviter_id) VALUES ('Pause123', 10, 11, 1);
    `);
  });
  after(async () => {
    await pglite.close();
  });

  it("refuses every user while the pause is ahead, before even looking at membership", async () => {
    await pglite.exec(`UPDATE guilds SET invites_disabled_until = now() + interval '1 hour' WHERE id = 10`);
    assert.equal(await accept(2), "paused");
    assert.equal(await accept(1), "paused"); // the owner, already a member: paused comes first, as for the feature
  });

  it("accepts once the time has passed, with nothing clearing it", async () => {
    await pglite.exec(`UPDATE guilds SET invites_disabled_until = now() - interval '1 second' WHERE id = 10`);
    assert.equal(await accept(3), "joined");
    const [guild] = (
      await pglite.query<{ invites_disabled_until: Date | null }>(
        `SELECT invites_disabled_until FROM guilds WHERE id = 10`,
      )
    ).rows;
    assert.ok(guild?.invites_disabled_until, "the stored time stays; it is simply in the past");
  });

  it("still refuses on the INVITES_DISABLED feature alone", async () => {
    await pglite.exec(
      `UPDATE guilds SET invites_disabled_until = NULL, features = ARRAY['INVITES_DISABLED'] WHERE id = 10`,
    );
    assert.equal(await accept(4), "paused");
  });
});
