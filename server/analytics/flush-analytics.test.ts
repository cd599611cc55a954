// The flush against a real (in-memory PGlite) database: counts add up across flushes (as across instances),
// an invite gone meanwhile doesn't lose the others' counts, and only counts and host names are stored.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { seedGuild, useMemoryDatabase } from "@/server/db/test-database";

describe("flushAnalytics", () => {
  useMemoryDatabase();

  async function seedInvites(codes: string[]) {
    const { db } = await import("@/server/db");
    const prisma = await db();
    const { ownerId, guildId, channelId } = await seedGuild(prisma, "flush");
    for (const code of codes)
      await prisma.invite.create({ data: { code, guildId, channelId, inviterId: ownerId } });
    return prisma;
  }

  it("adds every flush's counts to the hour's row, and drops only the counts of a deleted invite", async () => {
    const { countJoin, countView } = await import("./counters");
    const { flushAnalytics } = await import("./flush-analytics");
    const prisma = await seedInvites(["flushA", "flushB"]);
    const hour = Date.UTC(2026, 11, 1, 9);
    const browser = "Mozilla/5.0 (X11; Linux x86_64) Firefox/130.0";
    for (let round = 0; round < 3; round++) {
      countView(
        "flushA",
        { address: `198.51.100.${round}`, userAgent: browser, referer: "https://news.example/a" },
        hour + round,
      );
      countView(
        "flushA",
        { address: "198.51.100.50", userAgent: "Discordbot/2.0", referer: null },
        hour + round,
      );
      countJoin("flushA", hour + round);
      await flushAnalytics();
    }
    countView("flushB", { address: "198.51.100.9", userAgent: browser, referer: null }, hour);
    countView(
      "gone00",
      { address: "198.51.100.9", userAgent: browser, referer: "https://news.example/b" },
      hour,
    );
    await flushAnalytics();
    const rows = await prisma.inviteAnalyticsBucket.findMany({ orderBy: { inviteCode: "asc" } });
    assert.deepEqual(
      rows.map((r) => [r.inviteCode, r.bucketStart.getTime(), r.views, r.uniqueVisitors, r.joins, r.unfurls]),
      [
        ["flushA", hour, 3, 3, 3, 3],
        ["flushB", hour, 1, 1, 0, 0],
      ],
    );
    const referrers = await prisma.inviteAnalyticsReferrer.findMany();
    assert.deepEqual(
      referrers.map((r) => [r.inviteCode, r.host, r.views]),
      [["flushA", "news.example", 3]],
    );

    // Only counts, codes, hours and host names: no address, no hash.
    const dump = JSON.stringify([rows, referrers], (_, value: unknown) =>
      typeof value === "bigint" ? value.toString() : value,
    );
    assert.ok(!dump.includes("198.51.100"), dump);
    assert.ok(!/[0-9a-f]{64}|[A-Za-z0-9_-]{22,}/.test(dump.replace(/"\d{4}-[^"]*"/g, "")), dump);
  });
});
