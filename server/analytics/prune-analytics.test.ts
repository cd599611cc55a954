// The retention prune against a real (in-memory PGlite) database: only rows past the retention period go.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { seedGuild, useMemoryDatabase } from "@/server/db/test-database";

describe("pruneAnalytics", () => {
  useMemoryDatabase();

  it("deletes hourly buckets and referrers older than the retention period, and nothing newer", async () => {
    const { db } = await import("@/server/db");
    const { pruneAnalytics } = await import("./prune-analytics");
    const prisma = await db();
    const { ownerId, guildId, channelId } = await seedGuild(prisma, "prune");
    await prisma.invite.create({ data: { code: "pruneMe", guildId, channelId, inviterId: ownerId } });
    const now = Date.UTC(2026, 11, 1, 12);
    const daysAgo = (days: number) => new Date(now - days * 86_400_000);
    for (const days of [91, 90.5, 89, 1]) {
      await prisma.inviteAnalyticsBucket.create({
        data: { inviteCode: "pruneMe", bucketStart: daysAgo(days), views: 1 },
      });
      await prisma.inviteAnalyticsReferrer.create({
        data: { inviteCode: "pruneMe", bucketStart: daysAgo(days), host: "a.example", views: 1 },
      });
    }
    assert.equal(await pruneAnalytics(new Date(now), 90), 4);
    const left = await prisma.inviteAnalyticsBucket.findMany({ orderBy: { bucketStart: "asc" } });
    assert.deepEqual(
      left.map((row) => row.bucketStart.getTime()),
      [daysAgo(89).getTime(), daysAgo(1).getTime()],
    );
    assert.equal(await prisma.inviteAnalyticsReferrer.count(), 2);

    // Deleting the invite takes its analytics with it.
    await prisma.invite.delete({ where: { code: "pruneMe" } });
    assert.equal(await prisma.inviteAnalyticsBucket.count(), 0);
    assert.equal(await prisma.inviteAnalyticsReferrer.count(), 0);
  });
});
