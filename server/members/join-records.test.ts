// What a join writes on an in-memory database: the member row records how they joined (never shown in the
// member object, but kept), and a temporary member who is not online is due for removal from the start.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import type { Caller } from "@/server/auth/caller";

process.env.DATABASE_URL = "pglite:memory";
process.env.LOG_LEVEL = "warn";
process.env.TEMP_MEMBER_GRACE_SECONDS = "10";

const { openDatabase } = await import("@/server/db");
const { nextSnowflake } = await import("@/lib/snowflake");
const { InviteType, JoinSourceType } = await import("@/lib/constants");
const { createInviteSchema } = await import("@/lib/schemas/invites");
const { createGuild } = await import("@/server/guilds/create-guild");
const { createInvite } = await import("@/server/invites/create-invite");
const { acceptInvite } = await import("@/server/invites/accept-invite");
const { eventBus } = await import("@/server/events/bus");

describe("what a join records", () => {
  let database: Awaited<ReturnType<typeof openDatabase>>;
  let owner: Caller;
  let guildId: bigint;
  let channelId: bigint;

  async function user(name: string): Promise<Caller> {
    const row = await database.prisma.user.create({
      data: { id: nextSnowflake(), username: name, discriminator: 1 },
    });
    return {
      id: row.id,
      username: row.username,
      discriminator: 1,
      email: null,
      avatarHash: null,
      isBot: false,
      isAdmin: false,
      via: "token",
    };
  }
  const member = (userId: bigint) =>
    database.prisma.member.findUniqueOrThrow({ where: { guildId_userId: { guildId, userId } } });
  const pendingRemoval = (userId: bigint) =>
    database.prisma.$queryRaw<{ seconds: number }[]>`
      SELECT extract(epoch FROM "remove_after" - now())::float AS seconds FROM "temporary_member_removals" WHERE "guild_id" = ${guildId} AND "user_id" = ${userId}`;

  before(async () => {
    database = await openDatabase();
    owner = await user("owner");
    guildId = (await createGuild(owner.id, "Joins")).id;
    channelId = (await database.prisma.channel.findFirstOrThrow({ where: { guildId } })).id;
  });
  after(async () => {
    await eventBus().close();
    await database.close();
  });

  it("records the invite, the inviter and whether it was a vanity URL", async () => {
    const invite = await createInvite(channelId, owner, createInviteSchema.parse({}), null);
    const viaInvite = await user("guest");
    await acceptInvite(invite.code, viaInvite);
    assert.deepEqual(
      (({ joinSourceType, sourceInviteCode, inviterId }) => ({
        joinSourceType,
        sourceInviteCode,
        inviterId,
      }))(await member(viaInvite.id)),
      { joinSourceType: JoinSourceType.INSTANT_INVITE, sourceInviteCode: invite.code, inviterId: owner.id },
    );

    await database.prisma.invite.create({
      data: { code: "joins-hq", type: InviteType.GUILD, guildId, channelId, isVanity: true },
    });
    const viaVanity = await user("visitor");
    await acceptInvite("JOINS-HQ", viaVanity);
    assert.deepEqual(
      (({ joinSourceType, sourceInviteCode, inviterId }) => ({
        joinSourceType,
        sourceInviteCode,
        inviterId,
      }))(await member(viaVanity.id)),
      { joinSourceType: JoinSourceType.VANITY_URL, sourceInviteCode: "joins-hq", inviterId: null },
    );
  });

  it("a temporary member who is not online is due for removal after the grace period; one online is not", async () => {
    const invite = await createInvite(
      channelId,
      owner,
      createInviteSchema.parse({ temporary: true, max_age: 0 }),
      null,
    );
    const offline = await user("offline");
    await acceptInvite(invite.code, offline);
    const [due] = await pendingRemoval(offline.id);
    assert.ok(due, "a removal is pending");
    assert.ok(due.seconds <= 10, `due at most the grace period after the join, not ${due.seconds} s`);

    const online = await user("online");
    await database.prisma.userPresence.create({ data: { userId: online.id } });
    await acceptInvite(invite.code, online);
    assert.deepEqual(await pendingRemoval(online.id), []);
    assert.equal((await member(online.id)).temporary, true);
  });
});
