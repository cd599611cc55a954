// PUT /guilds/{id}/incident-actions: a timed pause of the guild's invites. Validation (ISO timestamps, at
// most 24 h ahead), who may set it, the incidents_data object on the guild, accepts refused while it runs,
// and the pause ending by itself: accepts, previews and landing pages (cached and kept ones included, read
// several times so that on PostgreSQL both instances answer) are joinable again once its time has passed.
import { guildWithRolesSchema, incidentsDataSchema } from "../../lib/openapi/responses";
import { expect, expectError, registerUser, test, type TestUser } from "../fixtures";
import { acceptInvite, anonymous, createInvite, getInvite } from "../support/invites";
import { memberWith, P } from "../support/members";
import type { APIRequestContext } from "@playwright/test";

const HOUR = 3600_000;
// Reads per URL form: enough for both instances behind the round-robin proxy to answer, few enough to fit a
// pause of a few seconds.
const READS = 3;

function putIncidents(
  request: APIRequestContext,
  user: TestUser,
  guildId: string,
  data: unknown,
  headers: Record<string, string> = {},
) {
  return request.put(`/api/v1/guilds/${guildId}/incident-actions`, {
    data,
    headers: { ...user.headers, ...headers },
  });
}

const isoIn = (ms: number) => new Date(Date.now() + ms).toISOString();

/** Resolves once the wall clock has passed `iso` (plus a margin for the server's clock reading). */
async function waitUntilPassed(iso: string, marginMs = 150) {
  const left = Date.parse(iso) + marginMs - Date.now();
  if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
}

async function landingPages(request: APIRequestContext, code: string) {
  const pages: string[] = [];
  for (let i = 0; i < READS; i++) {
    for (const path of [`/invite/${code}`, `/${code}`]) {
      const response = await request.get(path, { headers: anonymous(), maxRedirects: 0 });
      expect(response.status(), path).toBe(200);
      pages.push(await response.text());
    }
  }
  return pages;
}

async function previewFeatures(request: APIRequestContext, code: string) {
  const features: string[][] = [];
  for (let i = 0; i < READS; i++) {
    const response = await getInvite(request, code, anonymous(), "?with_counts=true");
    expect(response.status()).toBe(200);
    features.push((await response.json()).guild.features);
  }
  return features;
}

test.describe("incident actions: PUT /guilds/{id}/incident-actions", () => {
  test("sets and ends a pause; the guild object carries incidents_data; recorded as a guild update", async ({
    request,
    owner,
    guild,
  }) => {
    const fresh = guildWithRolesSchema.parse(
      await (await request.get(`/api/v1/guilds/${guild.id}`, { headers: owner.headers })).json(),
    );
    expect(fresh.incidents_data).toEqual({
      invites_disabled_until: null,
      dms_disabled_until: null,
      raid_detected_at: null,
      dm_spam_detected_at: null,
    });

    const until = isoIn(6 * HOUR);
    const dmsUntil = isoIn(HOUR);
    const response = await putIncidents(
      request,
      owner,
      guild.id,
      { invites_disabled_until: until, dms_disabled_until: dmsUntil },
      { "x-audit-log-reason": "raid" },
    );
    expect(response.status(), await response.text()).toBe(200);
    const incidents = incidentsDataSchema.parse(await response.json());
    expect(incidents).toEqual({
      invites_disabled_until: until,
      dms_disabled_until: dmsUntil,
      raid_detected_at: null,
      dm_spam_detected_at: null,
    });
    const shown = guildWithRolesSchema.parse(
      await (await request.get(`/api/v1/guilds/${guild.id}`, { headers: owner.headers })).json(),
    );
    expect(shown.incidents_data).toEqual(incidents);
    // The stored features stay as they were: the timed pause is not the INVITES_DISABLED feature.
    expect(shown.features).toEqual([]);

    // An offset is accepted and answered in UTC; a field left out of the PUT ends that action.
    const withOffset = new Date(Date.now() + 2 * HOUR);
    const local = `${new Date(withOffset.getTime() + 2 * HOUR).toISOString().slice(0, 19)}+02:00`;
    const moved = await putIncidents(request, owner, guild.id, { invites_disabled_until: local });
    expect(moved.status(), await moved.text()).toBe(200);
    expect(await moved.json()).toMatchObject({
      invites_disabled_until: `${withOffset.toISOString().slice(0, 19)}.000Z`,
      dms_disabled_until: null,
    });

    const ended = await putIncidents(request, owner, guild.id, {
      invites_disabled_until: null,
      dms_disabled_until: null,
    });
    expect(await ended.json()).toMatchObject({ invites_disabled_until: null, dms_disabled_until: null });

    const log = await (
      await request.get(`/api/v1/guilds/${guild.id}/audit-logs?action_type=1`, { headers: owner.headers })
    ).json();
    const keys = log.audit_log_entries.map((entry: { changes: { key: string }[] }) =>
      entry.changes.map((change) => change.key),
    );
    expect(keys).toEqual([
      ["invites_disabled_until"],
      ["invites_disabled_until", "dms_disabled_until"],
      ["invites_disabled_until", "dms_disabled_until"],
    ]);
    expect(log.audit_log_entries.at(-1)).toMatchObject({
      reason: "raid",
      user_id: owner.id,
      target_id: guild.id,
    });
  });

  test("validation: ISO timestamps with a zone, at most 24 hours ahead", async ({
    request,
    owner,
    guild,
  }) => {
    const tooFar = await expectError(
      await putIncidents(request, owner, guild.id, { invites_disabled_until: isoIn(24 * HOUR + 5 * 60_000) }),
      "INVALID_FORM_BODY",
      "invites_disabled_until",
    );
    expect(tooFar.errors[0].code).toBe("TIMESTAMP_TOO_FAR_IN_FUTURE");
    await expectError(
      await putIncidents(request, owner, guild.id, { dms_disabled_until: isoIn(25 * HOUR) }),
      "INVALID_FORM_BODY",
      "dms_disabled_until",
    );
    for (const bad of [
      "tomorrow",
      "2026-13-01T10:00:00Z",
      "2026-12-01 10:00:00",
      "2026-12-01T10:00:00",
      1764583200000,
      true,
      {},
    ]) {
      await expectError(
        await putIncidents(request, owner, guild.id, { invites_disabled_until: bad }),
        "INVALID_FORM_BODY",
        "invites_disabled_until",
      );
    }
    // Nothing was stored by the refused requests; just under the cap is fine.
    const guildNow = await (
      await request.get(`/api/v1/guilds/${guild.id}`, { headers: owner.headers })
    ).json();
    expect(guildNow.incidents_data.invites_disabled_until).toBeNull();
    const underCap = await putIncidents(request, owner, guild.id, {
      invites_disabled_until: isoIn(24 * HOUR - 60_000),
    });
    expect(underCap.status(), await underCap.text()).toBe(200);
  });

  test("MANAGE_GUILD only: plain members, strangers and anonymous callers are refused", async ({
    request,
    owner,
    guild,
  }) => {
    const plain = await memberWith(request, owner, guild.id, P.MANAGE_CHANNELS);
    const manager = await memberWith(request, owner, guild.id, P.MANAGE_GUILD);
    const stranger = await registerUser(request);
    const body = { invites_disabled_until: isoIn(HOUR) };
    await expectError(await putIncidents(request, plain, guild.id, body), "MISSING_PERMISSIONS");
    await expectError(await putIncidents(request, stranger, guild.id, body), "MISSING_ACCESS");
    await expectError(
      await request.put(`/api/v1/guilds/${guild.id}/incident-actions`, { data: body, headers: anonymous() }),
      "UNAUTHORIZED",
    );
    await expectError(await putIncidents(request, owner, "123456789012345678", body), "UNKNOWN_GUILD");
    const byManager = await putIncidents(request, manager, guild.id, body);
    expect(byManager.status(), await byManager.text()).toBe(200);
  });

  test("accepts are refused while the pause runs, and work again once it has passed, with nothing run in between", async ({
    request,
    owner,
    guild,
    channelId,
  }) => {
    const invite = await createInvite(request, owner, channelId, { max_age: 0 });
    const [early, late] = [await registerUser(request), await registerUser(request)];
    // Warm the caches (API preview, kept landing pages) before the pause: the pause must drop them.
    expect((await previewFeatures(request, invite.code)).flat()).not.toContain("INVITES_DISABLED");
    for (const html of await landingPages(request, invite.code)) expect(html).toContain("Log in to accept");

    const response = await putIncidents(request, owner, guild.id, { invites_disabled_until: isoIn(3000) });
    expect(response.status(), await response.text()).toBe(200);
    const until: string = (await response.json()).invites_disabled_until;

    await expectError(await acceptInvite(request, early, invite.code), "INVITES_DISABLED");
    await expectError(await acceptInvite(request, owner, invite.code), "INVITES_DISABLED"); // before membership, as the feature
    for (const features of await previewFeatures(request, invite.code))
      expect(features).toContain("INVITES_DISABLED");
    // Read twice over: the second round comes from pages kept while paused, which must not outlive the pause.
    for (const html of [
      ...(await landingPages(request, invite.code)),
      ...(await landingPages(request, invite.code)),
    ]) {
      expect(html).toContain("Invites paused");
      expect(html).toContain(`data-paused-until="${until}"`);
      expect(html).not.toContain("Log in to accept");
    }
    expect(
      Date.now(),
      "the paused reads finished before the pause ended (the window is too short for this machine)",
    ).toBeLessThan(Date.parse(until));

    await waitUntilPassed(until);
    for (const features of await previewFeatures(request, invite.code))
      expect(features).not.toContain("INVITES_DISABLED");
    for (const html of await landingPages(request, invite.code)) {
      expect(html).toContain("Log in to accept");
      expect(html).not.toContain("Invites paused");
    }
    const joined = await acceptInvite(request, late, invite.code);
    expect(joined.status(), await joined.text()).toBe(200);
    const guildNow = await (
      await request.get(`/api/v1/guilds/${guild.id}`, { headers: owner.headers })
    ).json();
    expect(guildNow.incidents_data.invites_disabled_until).toBeNull();
  });

  test("resuming early (null) lets joins in at once; the INVITES_DISABLED feature still pauses on its own", async ({
    request,
    owner,
    guild,
    channelId,
  }) => {
    const invite = await createInvite(request, owner, channelId, { max_age: 0 });
    const [first, second] = [await registerUser(request), await registerUser(request)];
    expect(
      (await putIncidents(request, owner, guild.id, { invites_disabled_until: isoIn(HOUR) })).status(),
    ).toBe(200);
    await expectError(await acceptInvite(request, first, invite.code), "INVITES_DISABLED");
    for (const html of await landingPages(request, invite.code)) expect(html).toContain("Invites paused");
    expect((await putIncidents(request, owner, guild.id, { invites_disabled_until: null })).status()).toBe(
      200,
    );
    for (const html of await landingPages(request, invite.code)) expect(html).toContain("Log in to accept");
    expect((await acceptInvite(request, first, invite.code)).status()).toBe(200);

    const feature = await request.patch(`/api/v1/guilds/${guild.id}`, {
      headers: owner.headers,
      data: { features: ["INVITES_DISABLED"] },
    });
    expect(feature.status()).toBe(200);
    await expectError(await acceptInvite(request, second, invite.code), "INVITES_DISABLED");
    for (const html of await landingPages(request, invite.code)) {
      expect(html).toContain("Invites paused");
      expect(html).not.toContain("data-paused-until");
    }
  });
});
