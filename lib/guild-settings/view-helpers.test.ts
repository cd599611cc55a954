// The settings pages' pure helpers: wording of times and limits, the vanity rules in words, and links between
// the pages. (Absolute invite links need APP_URL, a server setting: server/config/app-url.test.ts.)
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { formatCountdown, formatMaxAge, formatRelative, formatUses } from "@/lib/guild-settings/format";
import {
  EXPIRE_OPTIONS,
  isExpireOption,
  isMaxUsesOption,
  MAX_USES_OPTIONS,
} from "@/lib/guild-settings/invite-options";
import {
  describePage,
  joinSourceLabel,
  membersSettingsPath,
  readMemberFilters,
} from "@/lib/guild-settings/members";
import { invitesSettingsPath } from "@/lib/guild-settings/paths";
import { checkVanityDraft, vanityMessage } from "@/lib/guild-settings/vanity-rules";
import { MAX_INVITE_AGE_SECONDS, MAX_INVITE_USES } from "@/lib/schemas/invites";

describe("invite options", () => {
  it("offer exactly the menus' choices, all inside the API's ranges", () => {
    assert.deepEqual(
      EXPIRE_OPTIONS.map((o) => o.value),
      [1800, 3600, 21600, 43200, 86400, 604800, 0],
    );
    assert.deepEqual(
      MAX_USES_OPTIONS.map((o) => o.value),
      [0, 1, 5, 10, 25, 50, 100],
    );
    assert.ok(
      EXPIRE_OPTIONS.every((o) => o.value <= MAX_INVITE_AGE_SECONDS) &&
        MAX_USES_OPTIONS.every((o) => o.value <= MAX_INVITE_USES),
    );
    assert.equal(isExpireOption(7200), false);
    assert.equal(isMaxUsesOption(3), false);
  });
});

describe("formatting", () => {
  it("counts down in the two largest units", () => {
    assert.equal(formatCountdown(0), "Expired");
    assert.equal(formatCountdown(-5000), "Expired");
    assert.equal(formatCountdown(65_000), "1m 05s");
    assert.equal(formatCountdown(1800_000), "30m 00s");
    assert.equal(formatCountdown(3 * 3600_000 + 7 * 60_000), "3h 07m");
    assert.equal(formatCountdown(604800_000 - 1000), "6d 23h");
  });

  it("says durations, uses and ages in words", () => {
    assert.equal(formatMaxAge(0), "never");
    assert.equal(formatMaxAge(86400), "1 day");
    assert.equal(formatMaxAge(7200), "2 hours");
    assert.equal(formatUses(3, 0), "3 / ∞");
    assert.equal(formatUses(1, 10), "1 / 10");
    const now = Date.parse("2026-11-26T12:00:00.000Z");
    assert.equal(formatRelative("2026-11-26T11:59:50.000Z", now), "just now");
    assert.equal(formatRelative("2026-11-26T11:55:00.000Z", now), "5 min ago");
    assert.equal(formatRelative("2026-11-25T12:00:00.000Z", now), "1 day ago");
    assert.equal(formatRelative("2026-11-01T12:00:00.000Z", now), "1 Nov 2026");
  });
});

describe("vanity rules in words", () => {
  it("names what is wrong with a draft, in the API's order of checks", () => {
    assert.equal(checkVanityDraft("ab").errorCode, "VANITY_URL_CODE_LENGTH_INVALID");
    assert.equal(checkVanityDraft("a".repeat(33)).errorCode, "VANITY_URL_CODE_LENGTH_INVALID");
    assert.equal(checkVanityDraft("bad code").errorCode, "VANITY_URL_INVALID_CHARACTERS");
    assert.equal(checkVanityDraft("-raid").errorCode, "VANITY_URL_INVALID_CHARACTERS");
    assert.equal(checkVanityDraft("raid-").errorCode, "VANITY_URL_INVALID_CHARACTERS");
    assert.equal(checkVanityDraft("Settings").errorCode, "VANITY_URL_RESERVED");
    assert.deepEqual(checkVanityDraft("  Weekend-Raiders "), {
      code: "weekend-raiders",
      errorCode: null,
      error: null,
    });
    assert.match(checkVanityDraft("ab").error ?? "", /3 to 32/);
  });

  it("has a sentence for every refusal of the API, and a fallback", () => {
    for (const code of [
      "VANITY_URL_CODE_ALREADY_TAKEN",
      "VANITY_URL_REQUIRES_FEATURE",
      "MAX_INVITES",
      "RATE_LIMITED",
      "MISSING_PERMISSIONS",
    ]) {
      assert.notEqual(vanityMessage(code), vanityMessage("SOMETHING_ELSE"), code);
    }
    assert.equal(vanityMessage("SOMETHING_ELSE", "fallback"), "fallback");
  });
});

describe("links", () => {
  it("keep only the query parameters that are set", () => {
    assert.equal(invitesSettingsPath("1"), "/guilds/1/settings/invites");
    assert.equal(
      invitesSettingsPath("1", { channel: "2", inviter: null, create: "1" }),
      "/guilds/1/settings/invites?channel=2&create=1",
    );
  });
});

describe("members view helpers", () => {
  it("reads only filters it knows, and leaves defaults out of links", () => {
    assert.deepEqual(readMemberFilters({ code: "Ab12cd34", source: "vanity", page: "3", period: "all" }), {
      code: "Ab12cd34",
      source: "vanity",
      page: 3,
      period: "all",
    });
    assert.deepEqual(readMemberFilters({ code: "no spaces!", source: "x", page: "-1", period: "1y" }), {
      code: null,
      source: null,
      page: 1,
      period: "7d",
    });
    assert.equal(
      membersSettingsPath("9", { code: "Ab12cd34", page: 1, period: "7d" }),
      "/guilds/9/settings/members?code=Ab12cd34",
    );
    assert.equal(
      membersSettingsPath("9", { source: "bot", page: 2, period: "24h" }),
      "/guilds/9/settings/members?source=bot&page=2&period=24h",
    );
  });
  it("words the page and the join sources", () => {
    assert.equal(describePage(2, 50, 230), "Showing 51–100 of 230 members");
    assert.equal(describePage(1, 0, 0), "No members match.");
    assert.equal(joinSourceLabel(2), "Vanity URL");
    assert.equal(joinSourceLabel(5), "Unknown");
  });
});
