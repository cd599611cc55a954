// Presence bookkeeping on an in-memory database: transitions count each user once, joins and leaves of
// online users move the count (members trigger), the fold keeps counts exact, stale rows are swept, and
// temporary members are removed only when still temporary, roleless and offline.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

process.env.DATABASE_URL = "pglite:memory";
process.env.TEMP_MEMBER_GRACE_SECONDS = "0";

const { openDatabase } = await import("@/server/db");
const { nextSnowflake } = await import("@/lib/snowflake");
const { createGuild } = await import("@/server/guilds/create-guild");
const { openPresenceConnection } = await import("./open-presence-connection");
const { closePresenceConnection } = await import("./close-presence-connection");
const { countOnlineMembers, countOnlineRecipients } = await import("./count-online-members");
const { foldPresenceDeltas } = await import("./fold-presence-deltas");
const { removeDueTemporaryMembers } = await import("./remove-temporary-members");
const { sweepStalePresence } = await import("./sweep-stale-presence");
const { refreshPresenceConnections } = await import("./refresh-presence-connections");

describe("presence", () => {
  let database: Awaited<ReturnType<typeof openDatabase>>;
  const log = console.log;
  before(async () => {
    console.log = () => {};
    database = await openDatabase();
    console.log = log;
  });
  after(async () => {
    await database.close();
  });

  async function user(name: string) {
    return database.prisma.user.create({ data: { id: nextSnowflake(), username: name, discriminator: 1 } });
  }
  async function join(guildId: bigint, userId: bigint, temporary = false) {
    await database.prisma.$transaction(async (tx) => {
      await tx.member.create({ data: { guildId, userId, temporary, joinSourceType: 1 } });
      await tx.guild.update({ where: { id: guildId }, data: { memberCount: { increment: 1 } } });
    });
  }
  const isMember = async (guildId: bigint, userId: bigint) =>
    (await database.prisma.member.findUnique({ where: { guildId_userId: { guildId, userId } } })) !== null;

  it("counts a user once however many connections, and follows joins and leaves while online", async () => {
    const owner = await user("owner");
    const guest = await user("guest");
    const guild = await createGuild(owner.id, "one");
    const other = await createGuild(owner.id, "two");
    await join(guild.id, guest.id);
    const [first, second] = [nextSnowflake(), nextSnowflake()];

    assert.deepEqual(await openPresenceConnection(guest.id, first), { wentOnline: true });
    assert.deepEqual(await openPresenceConnection(guest.id, second), { wentOnline: false });
    assert.equal(await countOnlineMembers(guild.id), 1);
    assert.equal(await countOnlineMembers(other.id), 0);

    await join(other.id, guest.id); // joining while online counts at once
    assert.equal(await countOnlineMembers(other.id), 1);
    await foldPresenceDeltas();
    assert.equal(
      (await database.prisma.guild.findUniqueOrThrow({ where: { id: other.id } })).presenceCount,
      1,
    );
    assert.equal(await database.prisma.guildPresenceDelta.count(), 0);

    assert.equal((await closePresenceConnection(guest.id, first)).wentOffline, false);
    assert.equal(await countOnlineMembers(guild.id), 1);
    await database.prisma.member.delete({
      where: { guildId_userId: { guildId: other.id, userId: guest.id } },
    });
    assert.equal(await countOnlineMembers(other.id), 0);
    assert.deepEqual(await closePresenceConnection(guest.id, second), {
      wentOffline: true,
      pendingRemovals: 0,
    });
    assert.equal(await countOnlineMembers(guild.id), 0);
    await foldPresenceDeltas();
    for (const id of [guild.id, other.id]) {
      assert.equal((await database.prisma.guild.findUniqueOrThrow({ where: { id } })).presenceCount, 0);
    }
    // Closing an already closed connection changes nothing.
    assert.deepEqual(await closePresenceConnection(guest.id, second), {
      wentOffline: false,
      pendingRemovals: 0,
    });
    assert.equal(await countOnlineMembers(guild.id), 0);
  });

  it("removes a temporary member after their last connection, but not one with a role or back online", async () => {
    const owner = await user("owner2");
    const guild = await createGuild(owner.id, "temp");
    const [plain, promoted, returning] = [
      await user("plain"),
      await user("promoted"),
      await user("returning"),
    ];
    const connections = new Map<bigint, bigint>();
    for (const member of [plain, promoted, returning]) {
      await join(guild.id, member.id, true);
      connections.set(member.id, nextSnowflake());
      await openPresenceConnection(member.id, connections.get(member.id)!);
    }
    const role = await database.prisma.role.create({
      data: { id: nextSnowflake(), guildId: guild.id, name: "r" },
    });
    await database.prisma.memberRole.create({
      data: { guildId: guild.id, userId: promoted.id, roleId: role.id },
    });
    for (const member of [plain, promoted, returning]) {
      assert.deepEqual(await closePresenceConnection(member.id, connections.get(member.id)!), {
        wentOffline: true,
        pendingRemovals: 1,
      });
    }
    await openPresenceConnection(returning.id, nextSnowflake()); // came back within the grace period

    const removed = await removeDueTemporaryMembers();
    assert.deepEqual(
      removed.map((r) => [r.guildId, r.user.id]),
      [[guild.id, plain.id]],
    );
    assert.equal(await isMember(guild.id, plain.id), false);
    assert.equal(await isMember(guild.id, promoted.id), true);
    assert.equal(await isMember(guild.id, returning.id), true);
    assert.equal((await database.prisma.guild.findUniqueOrThrow({ where: { id: guild.id } })).memberCount, 3);
    assert.deepEqual(await removeDueTemporaryMembers(), []); // nothing left to do, nothing counted twice
    assert.equal(await database.prisma.temporaryMemberRemoval.count({ where: { guildId: guild.id } }), 0);
    assert.equal(await countOnlineMembers(guild.id), 1);
  });

  it("counts the online recipients of a group DM", async () => {
    const [a, b] = [await user("dm-a"), await user("dm-b")];
    const channel = await database.prisma.channel.create({
      data: { id: nextSnowflake(), type: 3, ownerId: a.id },
    });
    await database.prisma.channelRecipient.createMany({
      data: [
        { channelId: channel.id, userId: a.id },
        { channelId: channel.id, userId: b.id },
      ],
    });
    assert.equal(await countOnlineRecipients(channel.id), 0);
    const connection = nextSnowflake();
    await openPresenceConnection(b.id, connection);
    assert.equal(await countOnlineRecipients(channel.id), 1);
    await closePresenceConnection(b.id, connection);
    assert.equal(await countOnlineRecipients(channel.id), 0);
  });

  it("sweeps connections that stopped heart-beating and re-registers a swept live one", async () => {
    const owner = await user("owner3");
    const guild = await createGuild(owner.id, "stale");
    const connection = nextSnowflake();
    await openPresenceConnection(owner.id, connection);
    assert.equal(await countOnlineMembers(guild.id), 1);
    assert.deepEqual(await refreshPresenceConnections([connection]), []);

    await database.prisma
      .$executeRaw`UPDATE "presence_connections" SET "last_seen_at" = now() - interval '2 minutes' WHERE "id" = ${connection}`;
    const swept = await sweepStalePresence();
    assert.deepEqual(
      swept.map((s) => s.userId),
      [owner.id],
    );
    assert.equal(await countOnlineMembers(guild.id), 0);
    assert.equal(await database.prisma.presenceConnection.count({ where: { id: connection } }), 0);

    // The instance was only stalled: its next heartbeat finds the row gone and registers it again.
    assert.deepEqual(await refreshPresenceConnections([connection]), [connection]);
    assert.deepEqual(await openPresenceConnection(owner.id, connection), { wentOnline: true });
    assert.equal(await countOnlineMembers(guild.id), 1);
  });
});
