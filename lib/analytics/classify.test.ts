import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { conversion, fillBuckets, HOUR_MS, DAY_MS } from "./buckets";
import { referrerHost, viewKindOf } from "./classify";

describe("viewKindOf", () => {
  it("tells link-preview fetchers from visitors and other robots", () => {
    for (const agent of [
      "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)",
      "Twitterbot/1.0",
      "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
      "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
      "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)",
      "TelegramBot (like TwitterBot)",
      "WhatsApp/2.23.20.0 A",
    ])
      assert.equal(viewKindOf(agent), "unfurl", agent);
    for (const agent of [
      "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
      "curl/8.5.0",
      "python-requests/2.31",
    ]) {
      assert.equal(viewKindOf(agent), "robot", agent);
    }
    for (const agent of [
      "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
      null,
    ])
      assert.equal(viewKindOf(agent), "visitor", String(agent));
  });
});

describe("referrerHost", () => {
  it("keeps the host name only, and nothing for our own pages, addresses or junk", () => {
    assert.equal(referrerHost("https://Reddit.com:8443/r/x?utm=1#y", "invites.example"), "reddit.com");
    assert.equal(referrerHost("https://invites.example/login", "invites.example"), null);
    assert.equal(referrerHost("http://192.168.1.20/page", "invites.example"), null);
    assert.equal(referrerHost("http://[::1]/page", "invites.example"), null);
    assert.equal(referrerHost("android-app://com.discord/", "invites.example"), null);
    assert.equal(referrerHost("not a url", "invites.example"), null);
    assert.equal(referrerHost(null, "invites.example"), null);
  });
});

describe("buckets", () => {
  it("fills every bucket of the range with zeros and adds hourly rows into days", () => {
    const day = Date.UTC(2026, 11, 1);
    const rows = [
      { start: day + HOUR_MS, views: 2, unique_visitors: 1, joins: 1, unfurls: 0 },
      { start: day + 5 * HOUR_MS, views: 3, unique_visitors: 2, joins: 0, unfurls: 4 },
      { start: day + DAY_MS + HOUR_MS, views: 1, unique_visitors: 1, joins: 0, unfurls: 0 },
    ];
    const hours = fillBuckets(rows, day, day + 6 * HOUR_MS, "hour");
    assert.equal(hours.length, 6);
    assert.deepEqual(
      hours.map((b) => b.views),
      [0, 2, 0, 0, 0, 3],
    );
    const days = fillBuckets(rows, day, day + 2 * DAY_MS, "day");
    assert.deepEqual(
      days.map((b) => [b.start, b.views, b.unique_visitors, b.unfurls]),
      [
        [new Date(day).toISOString(), 5, 3, 4],
        [new Date(day + DAY_MS).toISOString(), 1, 1, 0],
      ],
    );
  });

  it("gives joins per view, and no rate without views", () => {
    assert.equal(conversion(3, 1), 0.3333);
    assert.equal(conversion(0, 2), null);
  });
});
