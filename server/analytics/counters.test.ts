// The in-memory counters: what a view counts as, today's unique visitors, and the hand-over to the flusher.
import assert from "node:assert/strict";
import { beforeEach, describe, it } from "node:test";
import { DAY_MS, HOUR_MS } from "@/lib/analytics/buckets";
import { analyticsMemoryStats, countJoin, countView, restorePending, takePending } from "./counters";

const browser =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
const noon = Date.UTC(2026, 11, 1, 12, 30);

describe("invite analytics counters", () => {
  beforeEach(() => takePending());

  it("counts views, today's unique visitors, unfurls and joins in the view's hour; other robots not at all", () => {
    for (const address of ["10.0.0.1", "10.0.0.2", "10.0.0.3"])
      countView("abc", { address, userAgent: browser, referer: null }, noon);
    countView("abc", { address: "10.0.0.1", userAgent: browser, referer: null }, noon + 60_000); // a repeat view
    countView("abc", { address: "10.0.0.1", userAgent: "Other browser", referer: null }, noon); // another device behind one address
    countView(
      "abc",
      { address: "10.0.0.9", userAgent: "Mozilla/5.0 (compatible; Discordbot/2.0)", referer: null },
      noon,
    );
    countView("abc", { address: "10.0.0.9", userAgent: "curl/8.5.0", referer: null }, noon);
    countJoin("abc", noon);
    const { buckets } = takePending();
    assert.deepEqual(buckets, [
      { code: "abc", start: Date.UTC(2026, 11, 1, 12), views: 5, uniques: 4, joins: 1, unfurls: 1 },
    ]);
  });

  it("counts a visitor again on another invite and on the next UTC day, once per day", () => {
    const visitor = { address: "10.1.1.1", userAgent: browser, referer: null };
    countView("one", visitor, noon);
    countView("two", visitor, noon);
    countView("one", visitor, noon + HOUR_MS);
    countView("one", visitor, noon + DAY_MS);
    countView("one", visitor, noon + DAY_MS + 1);
    const uniques = takePending().buckets.map((b) => [b.code, b.start, b.uniques]);
    assert.deepEqual(
      uniques.sort(),
      [
        ["one", Date.UTC(2026, 11, 1, 12), 1],
        ["one", Date.UTC(2026, 11, 1, 13), 0],
        ["one", Date.UTC(2026, 11, 2, 12), 1],
        ["two", Date.UTC(2026, 11, 1, 12), 1],
      ].sort(),
    );
  });

  it("keeps no address or user agent in memory, only salted hashes, and no hash in what it hands over", () => {
    countView(
      "priv",
      { address: "203.0.113.77", userAgent: browser, referer: "https://example.org/post" },
      noon,
    );
    const taken = JSON.stringify(takePending());
    assert.ok(!taken.includes("203.0.113.77"));
    assert.ok(!/[A-Za-z0-9_-]{22}/.test(taken.replace(/"(code|host)":"[^"]*"/g, "")), taken);
    assert.ok(analyticsMemoryStats().visitors_today >= 1);
  });

  it("keeps referring hosts per invite and hour, the many beyond twenty as (other)", () => {
    for (let i = 0; i < 25; i++)
      countView(
        "ref",
        { address: `10.2.0.${i}`, userAgent: browser, referer: `https://site${i}.example/x` },
        noon,
      );
    countView("ref", { address: "10.2.1.1", userAgent: browser, referer: "https://site0.example/y" }, noon);
    const { referrers } = takePending();
    assert.equal(referrers.length, 21);
    assert.equal(referrers.find((r) => r.host === "site0.example")?.views, 2);
    assert.equal(referrers.find((r) => r.host === "(other)")?.views, 5);
  });

  void it("resolves visitors and referring URLs in batches: each once per batch, however often it repeats", () => {
    const hour = Date.UTC(2026, 11, 1, 12);
    for (let i = 0; i < 50; i++)
      countView(
        "batch",
        { address: "10.3.0.1", userAgent: browser, referer: "https://a.example/x" },
        noon + i,
      );
    countView("batch", { address: "10.3.0.2", userAgent: browser, referer: "https://A.example/y" }, noon);
    // More distinct visitors than a batch holds: the batch is resolved on the spot, nothing is lost.
    for (let i = 0; i < 6_000; i++)
      countView("batch", { address: `10.4.${i >> 8}.${i & 255}`, userAgent: browser, referer: null }, noon);
    const { buckets, referrers } = takePending();
    assert.deepEqual(buckets, [
      { code: "batch", start: hour, views: 6_051, uniques: 6_002, joins: 0, unfurls: 0 },
    ]);
    assert.deepEqual(referrers, [{ code: "batch", start: hour, host: "a.example", views: 51 }]);
    countView("batch", { address: "10.3.0.1", userAgent: browser, referer: null }, noon + 1_000);
    assert.equal(takePending().buckets[0]?.uniques, 0, "seen in an earlier batch today");
  });

  it("puts back counts whose write failed, added to those counted meanwhile", () => {
    countJoin("back", noon);
    const taken = takePending();
    countJoin("back", noon);
    restorePending(taken);
    assert.equal(takePending().buckets[0]?.joins, 2);
  });
});
