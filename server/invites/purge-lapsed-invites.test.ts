// The purge against a real (in-memory PGlite) database: only rows dead for more than a day go.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { seedGuild, useMemoryDatabase } from "@/server/db/test-database";

describe("purgeLapsedInvites", () => {
  useMemoryDatabase();

  it("deletes invites expired or used up more than a day ago, and nothing else", async () => {
    const { db } = await import("@/server/db");
    const { purgeLapsedInvites } = await import("./purge-lapsed-invites");
    const prisma = await db();
    const { ownerId, guildId, channelId } = await seedGuild(prisma, "purge");
    const now = Date.now();
    const hours = (n: number) => new Date(now + n * 3600_000);
    const rows = {
      expiredLongAgo: { expiresAt: hours(-25), createdAt: hours(-48) },
      expiredRecently: { expiresAt: hours(-1), createdAt: hours(-3) },
      usedUpLongAgo: { maxUses: 2, uses: 2, createdAt: hours(-30) },
      usedUpRecently: { maxUses: 2, uses: 2, createdAt: hours(-2) },
      liveOld: { maxUses: 5, uses: 1, createdAt: hours(-100) },
      neverExpires: { createdAt: hours(-1000) },
      vanity: { isVanity: true, createdAt: hours(-1000) },
    };
    for (const [code, data] of Object.entries(rows)) {
      await prisma.invite.create({ data: { code, guildId, channelId, inviterId: ownerId, ...data } });
    }
    assert.equal(await purgeLapsedInvites(new Date(now)), 2);
    const left = (await prisma.invite.findMany({ select: { code: true } })).map((r) => r.code).sort();
    assert.deepEqual(left, ["expiredRecently", "liveOld", "neverExpires", "usedUpRecently", "vanity"]);
  });
});
