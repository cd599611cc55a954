// The member search query on an in-memory database: each filter, both sort orders and relevance, the exact
// total (also past the last page), what a direct add records as its join source, and the statistics PGlite
// needs for the planner to use the search's indexes.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Caller } from "@/server/auth/caller";

process.env.DATABASE_URL = "pglite:memory";
process.env.LOG_LEVEL = "warn";

const { openDatabase } = await import("@/server/db");
const { nextSnowflake, FLUXER_EPOCH } = await import("@/lib/snowflake");
const { JoinSourceType } = await import("@/lib/constants");
const { createGuild } = await import("@/server/guilds/create-guild");
const { addMember } = await import("@/server/members/add-member");
const { runMemberSearch, EMPTY_FILTER } = await import("./member-search-query");
const { eventBus } = await import("@/server/events/bus");
const { analyzeGrownTables } = await import("@/server/db/pglite-analyze");

const DESC = { by: "joinedAt", order: "desc" } as const;

describe("member search query", () => {
  let database: Awaited<ReturnType<typeof openDatabase>>;
  let owner: Caller;
  let guildId: bigint;
  const ids: Record<string, bigint> = {};
  const t0 = Date.UTC(2026, 0, 1) / 1000;

  async function user(
    name: string,
    options: { isBot?: boolean; isAdmin?: boolean; id?: bigint } = {},
  ): Promise<Caller> {
    const row = await database.prisma.user.create({
      data: {
        id: options.id ?? nextSnowflake(),
        username: name,
        discriminator: 42,
        isBot: options.isBot ?? false,
      },
    });
    return {
      id: row.id,
      username: name,
      discriminator: 42,
      email: null,
      avatarHash: null,
      isBot: row.isBot,
      isAdmin: options.isAdmin ?? false,
      via: "token",
    };
  }
  const search = (
    filter: Partial<typeof EMPTY_FILTER>,
    sort: { by: "joinedAt" | "relevance"; order: "asc" | "desc" } = DESC,
    limit = 25,
    offset = 0,
  ) => runMemberSearch(guildId, { ...EMPTY_FILTER, ...filter }, sort, limit, offset);
  const names = async (result: Promise<{ members: { username: string }[] }>) =>
    (await result).members.map((m) => m.username);

  before(async () => {
    database = await openDatabase();
    owner = await user("owner");
    guildId = (await createGuild(owner.id, "Search")).id;
    ids.owner = owner.id;
    // Members who joined a second apart, oldest first, with the sources a join records.
    const rows = [
      { name: "adaline", source: JoinSourceType.INSTANT_INVITE, code: "CodeAAAA", nick: null },
      { name: "bob", source: JoinSourceType.VANITY_URL, code: "search-hq", nick: "Adam" },
      { name: "carol_x", source: JoinSourceType.INSTANT_INVITE, code: "CodeBBBB", nick: null },
      { name: "ada", source: JoinSourceType.INSTANT_INVITE, code: "CodeAAAA", nick: null },
    ];
    for (const [i, row] of rows.entries()) {
      const person = await user(row.name);
      ids[row.name] = person.id;
      await database.prisma.member.create({
        data: {
          guildId,
          userId: person.id,
          nick: row.nick,
          joinedAt: new Date((t0 + i) * 1000),
          joinSourceType: row.source,
          sourceInviteCode: row.code,
          inviterId: owner.id,
        },
      });
    }
    await database.prisma.guild.update({
      where: { id: guildId },
      data: { memberCount: { increment: rows.length } },
    });
  });
  after(async () => {
    await eventBus().close();
    await database.close();
  });

  it("answers newest first with an exact total, and the total past the last page", async () => {
    assert.deepEqual(await names(search({})), ["owner", "ada", "carol_x", "bob", "adaline"]);
    const past = await search({}, DESC, 25, 100);
    assert.deepEqual(past, { members: [], total: 5 });
    assert.equal((await search({ joinedAtGte: 0 })).total, 5, "a filter that keeps everyone counts the same");
    assert.deepEqual(await names(search({}, { by: "joinedAt", order: "asc" }, 2, 0)), ["adaline", "bob"]);
  });

  it("matches text anywhere in a username or nickname, case-insensitively, and ids exactly", async () => {
    assert.deepEqual(await names(search({ text: "ADA" })), ["ada", "bob", "adaline"], "bob's nick is Adam");
    assert.deepEqual(
      await names(search({ text: "da" })),
      ["ada", "bob", "adaline"],
      "short text scans instead",
    );
    assert.deepEqual(await names(search({ text: "ol_" })), ["carol_x"], "_ is a character, not a wildcard");
    assert.deepEqual(await names(search({ text: "%" })), []);
    assert.deepEqual(await names(search({ text: ids.bob!.toString() })), ["bob"]);
    assert.deepEqual(await names(search({ text: "ada" }, { by: "joinedAt", order: "asc" })), [
      "adaline",
      "bob",
      "ada",
    ]);
    // The exact name first; then names that start with the text (bob's nick Adam, adaline) by descending id.
    assert.deepEqual(
      await names(search({ text: "ada" }, { by: "relevance", order: "asc" })),
      ["ada", "bob", "adaline"],
      "relevance ignores the order",
    );
    assert.deepEqual(await names(search({ text: "rol" }, { by: "relevance", order: "desc" })), ["carol_x"]);
  });

  it("filters by join time, join source, code, inviter, bot and account age", async () => {
    assert.deepEqual(await names(search({ joinedAtGte: t0 + 1, joinedAtLte: t0 + 2 })), ["carol_x", "bob"]);
    assert.deepEqual(
      await names(search({ joinSourceTypes: [JoinSourceType.VANITY_URL, JoinSourceType.CREATOR] })),
      ["owner", "bob"],
    );
    assert.deepEqual(await names(search({ sourceInviteCodes: ["CodeAAAA"] })), ["ada", "adaline"]);
    assert.deepEqual(
      await names(search({ sourceInviteCodes: ["codeaaaa"] })),
      [],
      "codes match in their own case",
    );
    assert.equal((await search({ inviterId: owner.id })).total, 4);
    assert.equal((await search({ isBot: true })).total, 0);
    const createdMs = Number((ids.carol_x! >> 22n) + FLUXER_EPOCH);
    const seconds = Math.floor(createdMs / 1000);
    const created = await names(search({ userCreatedAtGte: seconds, userCreatedAtLte: seconds }));
    assert.ok(created.includes("carol_x"), `${created.join(", ")} includes carol_x`);
    assert.deepEqual(
      await names(search({ userCreatedAtLte: 1_000_000_000 })),
      [],
      "before the snowflake epoch nobody was created",
    );
  });

  it("requires every listed role", async () => {
    const role = await database.prisma.role.create({ data: { id: nextSnowflake(), guildId, name: "mods" } });
    const other = await database.prisma.role.create({
      data: { id: nextSnowflake(), guildId, name: "other" },
    });
    await database.prisma.memberRole.createMany({
      data: [
        { guildId, userId: ids.bob!, roleId: role.id },
        { guildId, userId: ids.bob!, roleId: other.id },
        { guildId, userId: ids.ada!, roleId: role.id },
      ],
    });
    assert.deepEqual(await names(search({ roleIds: [role.id] })), ["ada", "bob"]);
    assert.deepEqual(await names(search({ roleIds: [role.id, other.id] })), ["bob"]);
    const bob = (await search({ roleIds: [other.id] })).members[0]!;
    assert.deepEqual(
      bob.role_ids,
      [role.id.toString(), other.id.toString()].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)),
    );
  });

  it("PGlite gathers planner statistics for a table once it has grown, and not again until it grows more", async () => {
    await database.prisma.$executeRawUnsafe(
      `INSERT INTO users (id, username, discriminator) SELECT 8000000000000000000 + g, 'filler' || g, 1 FROM generate_series(1, 5000) g`,
    );
    assert.ok((await analyzeGrownTables(database.prisma)).includes("users"));
    const [stats] = await database.prisma.$queryRawUnsafe<{ reltuples: number }[]>(
      `SELECT reltuples::int AS reltuples FROM pg_class WHERE relname = 'users'`,
    );
    assert.ok(stats!.reltuples >= 5000, `users counted: ${stats!.reltuples}`);
    assert.ok(!(await analyzeGrownTables(database.prisma)).includes("users"));
    await database.prisma.$executeRawUnsafe(`DELETE FROM users WHERE id > 8000000000000000000`);
  });

  it("records a bot added by a manager as a bot invite, and an admin's add as a force add", async () => {
    const bot = await user("support-bot", { isBot: true });
    await addMember(guildId, bot.id, owner, null);
    const person = await user("added-person");
    const admin = await user("instance-admin", { isAdmin: true });
    await addMember(guildId, person.id, admin, null);
    const adminBot = await user("admin-bot", { isBot: true });
    await addMember(guildId, adminBot.id, admin, null);
    const sources = await database.prisma.member.findMany({
      where: { guildId, userId: { in: [bot.id, person.id, adminBot.id] } },
    });
    const byUser = new Map(sources.map((m) => [m.userId, [m.joinSourceType, m.inviterId]]));
    assert.deepEqual(byUser.get(bot.id), [JoinSourceType.BOT_INVITE, owner.id]);
    assert.deepEqual(byUser.get(person.id), [JoinSourceType.ADMIN_FORCE_ADD, admin.id]);
    assert.deepEqual(
      byUser.get(adminBot.id),
      [JoinSourceType.ADMIN_FORCE_ADD, admin.id],
      "the admin doesn't manage this guild",
    );
    assert.deepEqual(await names(search({ isBot: true })), ["admin-bot", "support-bot"]);
  });
});
