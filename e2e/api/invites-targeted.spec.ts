// Targeted invites: only the users on the list may see or accept one; to everyone else (anonymous visitors,
// other users, link unfurlers) it answers exactly as an unknown code, and nothing is counted for them.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectError, registerUser, type TestUser } from "../fixtures";
import {
  acceptInvite,
  anonymous,
  createInvite,
  getInvite,
  memberCount,
  ownerWithGuild,
  postInvite,
  randomCode,
} from "../support/invites";
import { sessionCookie } from "../support/landing";
import { joinGuild, memberWith, P } from "../support/members";

const IS_TARGETED = 1 << 1;

/** A snowflake no account has (ids are kept as given). */
function strangerId(): string {
  return (BigInt(Date.now()) * 4194304n + BigInt(Math.floor(Math.random() * 4_000_000))).toString();
}

function targets(request: APIRequestContext, user: TestUser, code: string, query = "") {
  return request.get(`/api/v1/invites/${code}/target-users${query}`, { headers: user.headers });
}

async function targetIds(request: APIRequestContext, user: TestUser, code: string, query = "") {
  const response = await targets(request, user, code, query);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as string[];
}

function bulk(request: APIRequestContext, user: TestUser, code: string, op: "add" | "delete", ids: string[]) {
  return request.post(`/api/v1/invites/${code}/target-users/bulk-${op}`, {
    headers: user.headers,
    data: { user_ids: ids },
  });
}

async function analyticsTotals(request: APIRequestContext, user: TestUser, code: string) {
  // Counts reach the database every ANALYTICS_FLUSH_MS (200 ms in tests); wait for two flushes.
  await new Promise((resolve) => setTimeout(resolve, 600));
  const response = await request.get(`/api/v1/invites/${code}/analytics`, { headers: user.headers });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).totals as { views: number; joins: number };
}

test.describe("targeted invites", () => {
  test("only targets see and accept it; everyone else gets UNKNOWN_INVITE and counts nothing", async ({
    request,
  }) => {
    const { owner, channelId } = await ownerWithGuild(request);
    const [target, stranger] = await Promise.all([registerUser(request), registerUser(request)]);
    const invite = await createInvite(request, owner, channelId, {
      target_user_ids: [target.id, strangerId()],
    });
    expect(invite.flags & IS_TARGETED).toBe(IS_TARGETED);
    const before = await memberCount(request, (await createInvite(request, owner, channelId)).code);

    // Anonymous, with or without the query flags, and a signed-in stranger: as for a code that never existed.
    const unknownBody = await (await getInvite(request, randomCode())).json();
    for (const query of ["", "?with_counts=true&with_expiration=true"]) {
      const response = await getInvite(request, invite.code, anonymous(), query);
      expect(response.status()).toBe(404);
      expect(await response.json()).toEqual(unknownBody);
    }
    await expectError(await getInvite(request, invite.code, stranger.headers), "UNKNOWN_INVITE");
    await expectError(await acceptInvite(request, stranger, invite.code), "UNKNOWN_INVITE");

    // The target sees it (no metadata: not the inviter) and joins.
    const seen = await getInvite(request, invite.code, target.headers);
    expect(seen.status(), await seen.text()).toBe(200);
    expect(await seen.json()).not.toHaveProperty("uses");
    const accepted = await acceptInvite(request, target, invite.code);
    expect(accepted.status(), await accepted.text()).toBe(200);

    // The stranger's refusals counted nothing: one use, one join, and the target's view alone.
    const asOwner = await (await getInvite(request, invite.code, owner.headers)).json();
    expect(asOwner.uses).toBe(1);
    expect(await memberCount(request, (await createInvite(request, owner, channelId)).code)).toBe(before + 1);
    const totals = await analyticsTotals(request, owner, invite.code);
    expect(totals.joins).toBe(1);
    // The target's API preview and the owner's read are the only views.
    expect(totals.views).toBe(2);
  });

  test("a target removed before accepting is refused; one put back may join", async ({ request }) => {
    const { owner, channelId } = await ownerWithGuild(request);
    const target = await registerUser(request);
    const invite = await createInvite(request, owner, channelId, { target_user_ids: [target.id] });
    expect((await getInvite(request, invite.code, target.headers)).status()).toBe(200);

    const removed = await request.delete(`/api/v1/invites/${invite.code}/target-users/${target.id}`, {
      headers: owner.headers,
    });
    expect(removed.status(), await removed.text()).toBe(204);
    await expectError(await getInvite(request, invite.code, target.headers), "UNKNOWN_INVITE");
    await expectError(await acceptInvite(request, target, invite.code), "UNKNOWN_INVITE");
    expect((await (await getInvite(request, invite.code, owner.headers)).json()).uses).toBe(0);
    // An empty list leaves an invite nobody may use, never one open to everyone.
    await expectError(await getInvite(request, invite.code, anonymous()), "UNKNOWN_INVITE");
    expect(await targetIds(request, owner, invite.code)).toEqual([]);

    const put = await request.put(`/api/v1/invites/${invite.code}/target-users/${target.id}`, {
      headers: owner.headers,
    });
    expect(put.status(), await put.text()).toBe(204);
    expect((await acceptInvite(request, target, invite.code)).status()).toBe(200);
  });

  test("a paused guild's targeted invite is still unknown to a stranger", async ({ request }) => {
    const { owner, guild, channelId } = await ownerWithGuild(request);
    const [target, stranger] = await Promise.all([registerUser(request), registerUser(request)]);
    const invite = await createInvite(request, owner, channelId, { target_user_ids: [target.id] });
    const paused = await request.patch(`/api/v1/guilds/${guild.id}`, {
      headers: owner.headers,
      data: { features: ["INVITES_DISABLED"] },
    });
    expect(paused.status(), await paused.text()).toBe(200);
    await expectError(await acceptInvite(request, target, invite.code), "INVITES_DISABLED");
    await expectError(await acceptInvite(request, stranger, invite.code), "UNKNOWN_INVITE");
  });

  test("the list: who may manage it, pagination, ids without accounts, and refusals", async ({ request }) => {
    const { owner, guild, channelId } = await ownerWithGuild(request);
    const inviter = await memberWith(request, owner, guild.id, P.CREATE_INSTANT_INVITE);
    const guildManager = await memberWith(request, owner, guild.id, P.MANAGE_GUILD);
    const channelManager = await memberWith(request, owner, guild.id, P.MANAGE_CHANNELS);
    const target = await registerUser(request);
    const ghost = strangerId();
    const invite = await createInvite(request, inviter, channelId, { target_user_ids: [target.id, ghost] });
    const sorted = [target.id, ghost].sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1));

    // The inviter and MANAGE_GUILD read and change it.
    expect(await targetIds(request, inviter, invite.code)).toEqual(sorted);
    expect(await targetIds(request, guildManager, invite.code)).toEqual(sorted);
    expect(await targetIds(request, inviter, invite.code, "?limit=1")).toEqual([sorted[0]]);
    expect(await targetIds(request, inviter, invite.code, `?after=${sorted[0]}`)).toEqual([sorted[1]]);
    expect((await bulk(request, guildManager, invite.code, "delete", [ghost])).status()).toBe(204);
    expect(await targetIds(request, inviter, invite.code)).toEqual([target.id]);

    // MANAGE_CHANNELS sees the invite (it may revoke it, and lists it) but may not manage its list; a target
    // can see the invite but not manage it either; to a stranger it does not exist.
    expect((await getInvite(request, invite.code, channelManager.headers)).status()).toBe(200);
    await expectError(await targets(request, channelManager, invite.code), "MISSING_PERMISSIONS");
    await expectError(await targets(request, target, invite.code), "MISSING_PERMISSIONS");
    await expectError(await bulk(request, target, invite.code, "add", [ghost]), "MISSING_PERMISSIONS");
    const stranger = await registerUser(request);
    await expectError(await targets(request, stranger, invite.code), "UNKNOWN_INVITE");
    await expectError(
      await request.put(`/api/v1/invites/${invite.code}/target-users/${stranger.id}`, {
        headers: stranger.headers,
      }),
      "UNKNOWN_INVITE",
    );
    // Nor can the stranger revoke or edit it: 404, not 403, so no answer says the code is real.
    await expectError(
      await request.delete(`/api/v1/invites/${invite.code}`, { headers: stranger.headers }),
      "UNKNOWN_INVITE",
    );

    // Bad ids, empty and oversized bodies, and a list on an invite for everyone.
    await expectError(
      await request.put(`/api/v1/invites/${invite.code}/target-users/not-an-id`, {
        headers: inviter.headers,
      }),
      "INVALID_FORM_BODY",
      "user_id",
    );
    await expectError(await bulk(request, inviter, invite.code, "add", []), "INVALID_FORM_BODY", "user_ids");
    await expectError(
      await bulk(request, inviter, invite.code, "add", ["12", "x"]),
      "INVALID_FORM_BODY",
      "user_ids.1",
    );
    await expectError(
      await bulk(
        request,
        inviter,
        invite.code,
        "add",
        Array.from({ length: 1001 }, (_, i) => String(1000 + i)),
      ),
      "INVALID_FORM_BODY",
      "user_ids",
    );
    await expectError(
      await postInvite(request, inviter, channelId, { target_user_ids: [] }),
      "INVALID_FORM_BODY",
      "target_user_ids",
    );
    const open = await createInvite(request, inviter, channelId);
    expect(open.flags).toBe(0);
    expect(await targetIds(request, inviter, open.code)).toEqual([]);
    const notTargeted = await expectError(
      await bulk(request, inviter, open.code, "add", [target.id]),
      "INVALID_FORM_BODY",
      "user_ids",
    );
    expect(notTargeted.errors[0].code).toBe("INVITE_NOT_TARGETED");
    expect((await getInvite(request, open.code)).status()).toBe(200);
  });

  test("a 1,000-user bulk add in one request: all 1,000 are listed afterwards", async ({ request }) => {
    const { owner, channelId } = await ownerWithGuild(request);
    const base = BigInt(strangerId());
    const ids = Array.from({ length: 1000 }, (_, i) => (base + BigInt(i) * 7n).toString());
    const invite = await createInvite(request, owner, channelId, { target_user_ids: [ids[0]!] });
    const added = await bulk(request, owner, invite.code, "add", ids);
    expect(added.status(), await added.text()).toBe(204);
    const first = await targetIds(request, owner, invite.code, "?limit=1000");
    expect(first).toEqual(ids);
    // The list is full: one more is refused, and nothing is added.
    const full = await expectError(
      await bulk(request, owner, invite.code, "add", [(base - 1n).toString()]),
      "INVALID_FORM_BODY",
      "user_ids",
    );
    expect(full.errors[0].code).toBe("MAX_INVITE_TARGETS");
    expect(await targetIds(request, owner, invite.code, "?limit=1000")).toHaveLength(1000);
    expect(await targetIds(request, owner, invite.code, `?limit=1000&after=${ids[998]}`)).toEqual([ids[999]]);
  });

  test("list changes are in the audit log: who changed it, the ids that really changed, and the reason", async ({
    request,
  }) => {
    const { owner, guild, channelId } = await ownerWithGuild(request);
    const [first, second, third] = [strangerId(), strangerId(), strangerId()].sort((a, b) =>
      BigInt(a) < BigInt(b) ? -1 : 1,
    );
    const invite = await createInvite(request, owner, channelId, { target_user_ids: [first!] });
    type Entry = {
      user_id: string;
      target_id: string;
      reason?: string | null;
      changes: { key: string; old_value?: string[]; new_value?: string[] }[];
    };
    const targetChanges = async () => {
      const log = await request.get(`/api/v1/guilds/${guild.id}/audit-logs?action_type=41`, {
        headers: owner.headers,
      });
      expect(log.status(), await log.text()).toBe(200);
      return ((await log.json()).audit_log_entries as Entry[]).filter(
        (entry) => entry.target_id === invite.code && entry.changes[0]?.key.startsWith("target_user_ids"),
      );
    };
    // `first` is on the list already: only the two new ids are recorded, with the reason sent.
    const added = await request.post(`/api/v1/invites/${invite.code}/target-users/bulk-add`, {
      headers: { ...owner.headers, "x-audit-log-reason": "second wave" },
      data: { user_ids: [third, first, second] },
    });
    expect(added.status(), await added.text()).toBe(204);
    // A change that changes nothing (all present, or none on the list) records nothing.
    expect((await bulk(request, owner, invite.code, "add", [second!])).status()).toBe(204);
    expect((await bulk(request, owner, invite.code, "delete", [strangerId()])).status()).toBe(204);
    const removed = await request.delete(`/api/v1/invites/${invite.code}/target-users/${first}`, {
      headers: owner.headers,
    });
    expect(removed.status()).toBe(204);
    const entries = await targetChanges();
    expect(entries).toHaveLength(2);
    const [removal, addition] = entries; // newest first
    expect(addition).toMatchObject({
      user_id: owner.id,
      reason: "second wave",
      changes: [{ key: "target_user_ids_added", new_value: [second, third] }],
    });
    expect(removal).toMatchObject({
      user_id: owner.id,
      changes: [{ key: "target_user_ids_removed", old_value: [first] }],
    });
    expect(await targetIds(request, owner, invite.code)).toEqual([second, third]);
  });

  test("the landing page and its unfurl: the unknown-invite page for all but a signed-in target", async ({
    request,
    playwright,
    baseURL,
  }) => {
    const { owner, guild, channelId } = await ownerWithGuild(request);
    const [target, stranger] = await Promise.all([registerUser(request), registerUser(request)]);
    const invite = await createInvite(request, owner, channelId, { target_user_ids: [target.id] });

    for (const path of [`/invite/${invite.code}`, `/${invite.code}`]) {
      // Signed out (a visitor or a link unfurler): the same 404 page as a code that never existed.
      for (const headers of [anonymous(), { ...anonymous(), "user-agent": "Discordbot/2.0" }]) {
        const page = await request.get(path, { headers });
        expect(page.status()).toBe(404);
        const html = await page.text();
        expect(html).not.toContain(guild.name);
        expect(html).toContain("Invite invalid");
      }
    }
    // A stranger signed in: the same. The target signed in: the invite.
    const strangerPage = await request.get(`/invite/${invite.code}`, {
      headers: { ...anonymous(), cookie: await sessionCookie(playwright, baseURL!, stranger) },
    });
    expect(strangerPage.status()).toBe(404);
    expect(await strangerPage.text()).not.toContain(guild.name);
    const targetPage = await request.get(`/invite/${invite.code}`, {
      headers: { ...anonymous(), cookie: await sessionCookie(playwright, baseURL!, target) },
    });
    expect(targetPage.status()).toBe(200);
    expect(await targetPage.text()).toContain(guild.name);
    // The target's views left nothing behind for anyone else: signed out, it is still unknown, twice (a
    // second request would be answered from a kept page or a cached preview if either held it).
    for (let read = 0; read < 2; read++) {
      await expectError(await getInvite(request, invite.code, anonymous()), "UNKNOWN_INVITE");
      for (const path of [`/invite/${invite.code}`, `/${invite.code}`]) {
        const again = await request.get(path, { headers: anonymous() });
        expect(again.status()).toBe(404);
        expect(await again.text()).not.toContain(guild.name);
      }
    }

    // The unfurl image is the "invalid" card's, whoever asks.
    const image = await request.get(`/invite/${invite.code}/opengraph-image`, { headers: anonymous() });
    const unknownImage = await request.get(`/invite/${randomCode()}/opengraph-image`, {
      headers: anonymous(),
    });
    expect(image.status()).toBe(unknownImage.status());
  });

  test("a member of the guild who is not a target is refused too", async ({ request }) => {
    const { owner, guild, channelId } = await ownerWithGuild(request);
    const member = await registerUser(request);
    await joinGuild(request, guild.id, member);
    const invite = await createInvite(request, owner, channelId, { target_user_ids: [strangerId()] });
    await expectError(await getInvite(request, invite.code, member.headers), "UNKNOWN_INVITE");
    await expectError(await acceptInvite(request, member, invite.code), "UNKNOWN_INVITE");
  });
});
