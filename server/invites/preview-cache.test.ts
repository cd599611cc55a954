// The invite preview cache on an in-memory database: what it keeps, what it refuses to keep, and what makes
// it forget. Rows are changed behind its back here (straight SQL) to tell a cached answer from a fresh one.
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, it } from "node:test";

process.env.DATABASE_URL = "pglite:memory";
process.env.LOG_LEVEL = "warn";

const { openDatabase } = await import("@/server/db");
const { nextSnowflake } = await import("@/lib/snowflake");
const { InviteType } = await import("@/lib/constants");
const { createGuild } = await import("@/server/guilds/create-guild");
const { eventBus } = await import("@/server/events/bus");
const {
  loadPublicPreview,
  loadPublicEntry,
  onBusMessage,
  clearPreviewCache,
  previewCacheStats,
  cachedPreview,
} = await import("./preview-cache");

describe("invite preview cache", () => {
  let database: Awaited<ReturnType<typeof openDatabase>>;
  let guildId: bigint;
  let channelId: bigint;
  let ownerId: bigint;

  before(async () => {
    database = await openDatabase();
    const owner = await database.prisma.user.create({
      data: { id: nextSnowflake(), username: "owner", discriminator: 1 },
    });
    ownerId = owner.id;
    const guild = await createGuild(owner.id, "Cached Guild");
    guildId = guild.id;
    channelId = (await database.prisma.channel.findFirstOrThrow({ where: { guildId } })).id;
  });
  after(async () => {
    await eventBus().close();
    await database.close();
  });
  beforeEach(() => clearPreviewCache());

  let serial = 0;
  async function invite(
    data: {
      maxUses?: number;
      expiresAt?: Date | null;
      type?: number;
      code?: string;
      isVanity?: boolean;
    } = {},
  ) {
    const code = data.code ?? `pc${(serial++).toString().padStart(6, "0")}`;
    await database.prisma.invite.create({
      data: {
        code,
        type: data.type ?? InviteType.GUILD,
        guildId,
        channelId,
        inviterId: data.isVanity ? null : ownerId,
        createdAt: new Date(),
        maxAge: 0,
        maxUses: data.maxUses ?? 0,
        expiresAt: data.expiresAt ?? null,
        isVanity: data.isVanity ?? false,
      },
    });
    return code;
  }
  const renameGuild = (name: string) =>
    database.prisma.$executeRaw`UPDATE guilds SET name = ${name} WHERE id = ${guildId}`;

  it("answers an unlimited invite from memory until told it changed", async () => {
    const code = await invite();
    await renameGuild("Before");
    assert.equal((await loadPublicPreview(code))?.guild?.name, "Before");
    await renameGuild("After"); // behind the cache's back
    assert.equal((await loadPublicPreview(code))?.guild?.name, "Before", "served from the cache");
    onBusMessage({ type: "INVITE_PREVIEWS_STALE", guildId: guildId.toString(), data: {} });
    assert.equal((await loadPublicPreview(code))?.guild?.name, "After", "dropped by the guild's message");
  });

  it("forgets one code on INVITE_DELETE and a guild's codes on member changes", async () => {
    const [a, b] = [await invite(), await invite()];
    await loadPublicPreview(a);
    await loadPublicPreview(b);
    onBusMessage({ type: "INVITE_DELETE", guildId: guildId.toString(), data: { code: a } });
    assert.equal(cachedPreview(a), null);
    assert.notEqual(cachedPreview(b), null);
    onBusMessage({ type: "GUILD_MEMBER_ADD", guildId: guildId.toString(), data: {} });
    assert.equal(cachedPreview(b), null);
  });

  it("never keeps invites that can lapse on an accept, nor group DM invites", async () => {
    const limited = await invite({ maxUses: 5 });
    await loadPublicPreview(limited);
    assert.equal(cachedPreview(limited), null);
    const before = previewCacheStats().entries;
    const unlimited = await invite();
    await loadPublicPreview(unlimited);
    assert.equal(previewCacheStats().entries, before + 1);
  });

  it("stops serving an invite the moment it expires", async () => {
    const code = await invite({ expiresAt: new Date(Date.now() + 300) });
    assert.ok(await loadPublicPreview(code));
    assert.ok(cachedPreview(code));
    await new Promise((resolve) => setTimeout(resolve, 350));
    assert.equal(cachedPreview(code), null, "the cached entry lapsed with the invite");
    assert.equal(await loadPublicPreview(code), null, "and the database agrees");
  });

  it("shows a timed pause as INVITES_DISABLED, with its end, and stops the moment the pause ends", async () => {
    const code = await invite();
    // Long enough for the first load to finish inside the pause on a busy machine.
    const until = new Date(Date.now() + 2000);
    await database.prisma
      .$executeRaw`UPDATE guilds SET invites_disabled_until = ${until} WHERE id = ${guildId}`;
    try {
      const paused = await loadPublicEntry(code);
      assert.deepEqual(paused?.invite.guild?.features, ["INVITES_DISABLED"]);
      assert.equal(paused?.pausedUntil, until.toISOString());
      assert.ok(cachedPreview(code), "kept while paused");
      assert.ok(Date.now() < until.getTime(), "the paused reads finished inside the pause");
      await new Promise((resolve) => setTimeout(resolve, until.getTime() - Date.now() + 20));
      assert.equal(cachedPreview(code), null, "the entry (and any page kept on it) ended with the pause");
      const open = await loadPublicEntry(code);
      assert.deepEqual(open?.invite.guild?.features, []);
      assert.equal(open?.pausedUntil, null);
    } finally {
      await database.prisma
        .$executeRaw`UPDATE guilds SET invites_disabled_until = NULL WHERE id = ${guildId}`;
    }
  });

  it("does not store a load that raced with a drop", async () => {
    const code = await invite();
    await renameGuild("Old");
    const racing = loadPublicPreview(code); // reads, while...
    onBusMessage({ type: "INVITE_PREVIEWS_STALE", guildId: guildId.toString(), data: {} }); // ...a change lands
    assert.equal((await racing)?.guild?.name, "Old");
    assert.equal(cachedPreview(code), null, "the possibly stale answer was not kept");
  });

  it("keeps one entry per invite, under its own code, however a vanity code is spelled", async () => {
    const code = await invite({ code: "pcvanity", isVanity: true });
    const before = previewCacheStats().entries;
    for (const spelling of ["PCVanity", "pcVANITY", "PCVANITY", "pcvanity", "Pcvanity"])
      assert.equal((await loadPublicPreview(spelling))?.code, code);
    assert.equal(previewCacheStats().entries, before + 1);
    assert.ok(cachedPreview(code));
    assert.equal(cachedPreview("PCVanity"), null, "no entry under another spelling");
  });

  it("never answers a case variant of a random code from its entry, and stores no miss", async () => {
    const code = await invite({ code: "pclower1" });
    assert.ok(await loadPublicPreview(code));
    const before = previewCacheStats().entries;
    assert.equal(await loadPublicPreview("PCLOWER1"), null);
    assert.equal(await loadPublicPreview("pcunknown"), null);
    assert.equal(previewCacheStats().entries, before);
  });
});
