// The demo world on an in-memory database: seeded once, counts right, and the guild page's view of it
// respects channel overwrites (a plain member does not see #moderators).
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

process.env.DATABASE_URL = "pglite:memory";
process.env.DEMO_PASSWORD = "demo-test-password";
process.env.APP_URL = "http://demo.test";

const { openDatabase } = await import("@/server/db");
const { seedDemoIfEmpty, DEMO_EMAIL, DEMO_GUILD_NAME } = await import("./seed-demo");
const { getGuildOverview } = await import("@/server/guilds/get-guild-overview");
const { verifyCredentials } = await import("@/server/users/verify-credentials");

describe("demo seed", () => {
  let database: Awaited<ReturnType<typeof openDatabase>>;
  const log = console.log;
  before(async () => {
    database = await openDatabase();
    console.log = () => {};
    await seedDemoIfEmpty(database.prisma);
    await seedDemoIfEmpty(database.prisma); // second call: no-op
    console.log = log;
  });
  after(async () => {
    console.log = log;
    await database.close();
  });

  it("creates one guild with ~300 members and a correct member_count, once", async () => {
    const prisma = database.prisma;
    const guilds = await prisma.guild.findMany();
    assert.equal(guilds.length, 1);
    const guild = guilds[0]!;
    assert.equal(guild.name, DEMO_GUILD_NAME);
    assert.deepEqual([...guild.features].sort(), ["BANNER", "VANITY_URL"]);
    assert.equal(guild.memberCount, await prisma.member.count({ where: { guildId: guild.id } }));
    assert.ok(guild.memberCount >= 300);
    assert.equal(await prisma.user.count({ where: { email: DEMO_EMAIL } }), 1);
  });

  it("lets the demo admin log in with the password and has live invites incl. the vanity code", async () => {
    assert.ok(await verifyCredentials(DEMO_EMAIL, "demo-test-password"));
    const invites = await database.prisma.invite.findMany();
    const vanity = invites.find((i) => i.isVanity);
    assert.equal(vanity?.code, "fluxer");
    assert.equal(vanity?.maxAge, 0);
    for (const invite of invites.filter((i) => !i.isVanity)) assert.match(invite.code, /^[A-Za-z0-9]{8}$/);
  });

  it("shows #moderators only to the roles allowed by its overwrites", async () => {
    const prisma = database.prisma;
    const guild = await prisma.guild.findFirstOrThrow();
    const plain = await prisma.member.findFirstOrThrow({
      where: { guildId: guild.id, roles: { none: {} }, userId: { not: guild.ownerId } },
    });
    const moderatorRole = await prisma.role.findFirstOrThrow({
      where: { guildId: guild.id, name: "Moderator" },
    });
    const moderator = await prisma.memberRole.findFirstOrThrow({
      where: { roleId: moderatorRole.id, userId: { not: guild.ownerId } },
    });
    const names = (overview: Awaited<ReturnType<typeof getGuildOverview>>) =>
      overview!.channelGroups.flatMap((g) => g.channels.map((c) => c.name));

    const plainView = await getGuildOverview(guild.id, plain.userId);
    assert.deepEqual(names(plainView), ["general", "announcements", "Lounge"]);
    assert.equal(plainView!.canManage, false);
    assert.equal(plainView!.members.length, 100);

    const moderatorView = await getGuildOverview(guild.id, moderator.userId);
    assert.ok(names(moderatorView).includes("moderators"));
    assert.equal(moderatorView!.canManage, true);

    const stranger = await prisma.user.create({ data: { id: 1n, username: "stranger", discriminator: 1 } });
    assert.equal(await getGuildOverview(guild.id, stranger.id), null);
    assert.equal(await getGuildOverview(999n, stranger.id), null);
  });
});
