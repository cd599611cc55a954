// The one code namespace on an in-memory database: a random draw that is a case variant of any code, or of a
// name a guild gave up less than 30 days ago, is drawn again; a vanity claim of such a name inserts nothing;
// lookups find random codes only as written and vanity codes in any case.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

process.env.DATABASE_URL = "pglite:memory";
process.env.LOG_LEVEL = "warn";

const { openDatabase } = await import("@/server/db");
const { nextSnowflake } = await import("@/lib/snowflake");
const { InviteType } = await import("@/lib/constants");
const { createGuild } = await import("@/server/guilds/create-guild");
const { eventBus } = await import("@/server/events/bus");
const { insertWithFreshCode } = await import("./insert-with-fresh-code");
const { findLiveInvite } = await import("./find-live-invite");
const { findCodeHolder } = await import("./find-code-holder");

describe("invite code namespace", () => {
  let database: Awaited<ReturnType<typeof openDatabase>>;
  const guilds: { id: bigint; channelId: bigint }[] = [];
  let ownerId: bigint;

  before(async () => {
    database = await openDatabase();
    ownerId = (
      await database.prisma.user.create({
        data: { id: nextSnowflake(), username: "owner", discriminator: 1 },
      })
    ).id;
    for (const name of ["A", "B"]) {
      const guild = await createGuild(ownerId, `Guild ${name}`);
      guilds.push({
        id: guild.id,
        channelId: (await database.prisma.channel.findFirstOrThrow({ where: { guildId: guild.id } })).id,
      });
    }
  });
  after(async () => {
    await eventBus().close();
    await database.close();
  });

  const randomRow = (guild: { id: bigint; channelId: bigint }) => ({
    type: InviteType.GUILD,
    guildId: guild.id,
    channelId: guild.channelId,
    inviterId: ownerId,
    createdAt: new Date(),
    maxAge: 0,
    maxUses: 0,
  });
  const vanityRow = (guild: { id: bigint; channelId: bigint }, code: string) => ({
    ...randomRow(guild),
    code,
    inviterId: null,
    isVanity: true,
  });
  /** Inserts a random invite drawing `codes` in turn; returns the code that went in. */
  const draw = (guild: { id: bigint; channelId: bigint }, ...codes: string[]) =>
    database.prisma.$transaction((tx) =>
      insertWithFreshCode(tx, randomRow(guild), () => codes.shift() ?? "exhausted"),
    );

  it("draws again when the code is a case variant of a vanity code or of another random code", async () => {
    await database.prisma.invite.create({ data: vanityRow(guilds[0]!, "vanityaa") });
    assert.equal(await draw(guilds[1]!, "VanityAA", "Fresh001"), "Fresh001");
    assert.equal(await draw(guilds[1]!, "rnd00001"), "rnd00001");
    assert.equal(await draw(guilds[0]!, "RND00001", "rNd00001", "Fresh002"), "Fresh002");
    assert.equal(
      await database.prisma.invite.count({ where: { code: { in: ["VanityAA", "RND00001", "rNd00001"] } } }),
      0,
    );
  });

  it("a vanity code can't be a case variant of a random code", async () => {
    await draw(guilds[0]!, "MiXeD123");
    const claim = await database.prisma.invite.createMany({
      data: [vanityRow(guilds[1]!, "mixed123")],
      skipDuplicates: true,
    });
    assert.equal(claim.count, 0);
    assert.deepEqual(await findCodeHolder(database.prisma, "mixed123"), {
      code: "MiXeD123",
      guildId: guilds[0]!.id,
      isVanity: false,
    });
  });

  it("a name a guild gave up is taken by no random draw and no other guild, in any case, until its lock ends", async () => {
    const lockedUntil = new Date(Date.now() + 30 * 24 * 3600 * 1000);
    await database.prisma.vanityCodeLock.create({
      data: { code: "givenup1", guildId: guilds[0]!.id, lockedUntil },
    });
    assert.equal(await draw(guilds[1]!, "GivenUp1", "givenup1", "Fresh003"), "Fresh003");
    assert.equal(
      (
        await database.prisma.invite.createMany({
          data: [vanityRow(guilds[1]!, "givenup1")],
          skipDuplicates: true,
        })
      ).count,
      0,
    );
    // The guild that gave it up may take it back.
    assert.equal(
      (
        await database.prisma.invite.createMany({
          data: [vanityRow(guilds[0]!, "givenup1")],
          skipDuplicates: true,
        })
      ).count,
      1,
    );

    await database.prisma.vanityCodeLock.create({
      data: { code: "expired1", guildId: guilds[0]!.id, lockedUntil: new Date(Date.now() - 1000) },
    });
    assert.equal(await draw(guilds[1]!, "Expired1"), "Expired1", "a lock that ended holds nothing");
  });

  it("finds random codes only as written and vanity codes in any case", async () => {
    await draw(guilds[0]!, "lower123");
    assert.equal((await findLiveInvite(database.prisma, "lower123"))?.code, "lower123");
    assert.equal(await findLiveInvite(database.prisma, "LOWER123"), null);
    assert.equal(await findLiveInvite(database.prisma, "Lower123"), null);
    assert.equal((await findLiveInvite(database.prisma, "VANITYaa"))?.code, "vanityaa");
    assert.equal((await findLiveInvite(database.prisma, "MiXeD123"))?.code, "MiXeD123");
    assert.equal(await findLiveInvite(database.prisma, "mixed123"), null);
  });
});
