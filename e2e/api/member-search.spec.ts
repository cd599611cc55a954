// POST /guilds/{id}/members-search through a running server: who may search, what only MANAGE_GUILD sees
// and filters by (how members joined), every filter, the orders, paging, bad input, the shared rate bucket,
// and the join source each way of joining records.
import { randomBytes } from "node:crypto";
import { JoinSourceType } from "../../lib/constants";
import { memberSearchResponseSchema } from "../../lib/openapi/responses";
import { FLUXER_EPOCH } from "../../lib/snowflake";
import { expect, expectError, registerUser, test } from "../fixtures";
import { acceptInvite, createInvite, ownerWithGuild } from "../support/invites";
import { createRole, giveRole, instanceAdmin, memberWith, P } from "../support/members";
import type { APIRequestContext, APIResponse } from "@playwright/test";

type SearchResult = ReturnType<typeof memberSearchResponseSchema.parse>;
type PlainMember = {
  user: { id: string; username: string; discriminator: number };
  joined_at: string;
  roles: string[];
};

function search(
  request: APIRequestContext,
  caller: { headers: Record<string, string> },
  guildId: string,
  body?: unknown,
) {
  return request.post(`/api/v1/guilds/${guildId}/members-search`, {
    headers: caller.headers,
    ...(body === undefined ? {} : { data: body }),
  });
}

/** A 200 answer, checked against the documented (strict) response schema. */
async function results(response: APIResponse): Promise<SearchResult> {
  const text = await response.text();
  expect(response.status(), text).toBe(200);
  return memberSearchResponseSchema.parse(JSON.parse(text));
}

const ids = (result: SearchResult) => result.members.map((m) => m.user_id);
const createdSeconds = (userId: string) => Math.floor(Number((BigInt(userId) >> 22n) + FLUXER_EPOCH) / 1000);

/** The documented order of a join-time sort: join time, then descending user id. */
function byJoin(members: PlainMember[], order: "asc" | "desc"): string[] {
  return [...members]
    .sort((a, b) => {
      const time = Date.parse(a.joined_at) - Date.parse(b.joined_at);
      if (time !== 0) return order === "asc" ? time : -time;
      return BigInt(b.user.id) > BigInt(a.user.id) ? 1 : -1;
    })
    .map((m) => m.user.id);
}

/**
 * A guild joined every way there is: the owner (creator), a person through an invite, one through the vanity
 * URL, a bot added by the owner, a person added by the instance admin, and two moderators (KICK_MEMBERS, and
 * MANAGE_GUILD) plus a plain member, each added by the admin.
 */
async function joinedEveryWay(request: APIRequestContext) {
  const { owner, guild, channelId } = await ownerWithGuild(request);
  const admin = await instanceAdmin(request);
  const features = await request.patch(`/api/v1/guilds/${guild.id}`, {
    headers: admin.headers,
    data: { features: ["VANITY_URL"] },
  });
  expect(features.status(), await features.text()).toBe(200);
  const vanity = `s-${randomBytes(5).toString("hex")}`;
  const setVanity = await request.patch(`/api/v1/guilds/${guild.id}/vanity-url`, {
    headers: owner.headers,
    data: { code: vanity },
  });
  expect(setVanity.status(), await setVanity.text()).toBe(200);

  const invite = await createInvite(request, owner, channelId, { max_age: 0 });
  const viaInvite = await registerUser(request, { username: `Zephyr${randomBytes(3).toString("hex")}` });
  expect((await acceptInvite(request, viaInvite, invite.code)).status()).toBe(200);
  const viaVanity = await registerUser(request);
  expect((await acceptInvite(request, viaVanity, vanity.toUpperCase())).status()).toBe(200);

  const app = await (
    await request.post("/api/v1/applications", { headers: owner.headers, data: { name: "searchbot" } })
  ).json();
  const botAdded = await request.put(`/api/v1/guilds/${guild.id}/members/${app.bot.id}`, {
    headers: owner.headers,
  });
  expect(botAdded.status(), await botAdded.text()).toBe(201);
  const forced = await registerUser(request);
  const forceAdded = await request.put(`/api/v1/guilds/${guild.id}/members/${forced.id}`, {
    headers: admin.headers,
  });
  expect(forceAdded.status(), await forceAdded.text()).toBe(201);

  const kicker = await memberWith(request, owner, guild.id, P.KICK_MEMBERS);
  const manager = await memberWith(request, owner, guild.id, P.MANAGE_GUILD);
  const plain = await memberWith(request, owner, guild.id);
  const list = await request.get(`/api/v1/guilds/${guild.id}/members?limit=1000`, { headers: owner.headers });
  expect(list.status()).toBe(200);
  const members = (await list.json()) as PlainMember[];
  return {
    owner,
    admin,
    guild,
    invite,
    vanity,
    viaInvite,
    viaVanity,
    bot: app.bot as { id: string },
    forced,
    kicker,
    manager,
    plain,
    members,
  };
}

/** A fresh such guild per test: several tests add members or roles of their own. */
const world = joinedEveryWay;

test.describe("member search: POST /guilds/{id}/members-search", () => {
  test("records how each member joined, and shows it to MANAGE_GUILD only", async ({ request }) => {
    const w = await world(request);
    const everyone = await results(await search(request, w.manager, w.guild.id, { limit: 100 }));
    const supplemental = (userId: string) => everyone.members.find((m) => m.user_id === userId)?.supplemental;
    expect(supplemental(w.owner.id)).toEqual({
      join_source_type: JoinSourceType.CREATOR,
      source_invite_code: null,
      inviter_id: null,
    });
    expect(supplemental(w.viaInvite.id)).toEqual({
      join_source_type: JoinSourceType.INSTANT_INVITE,
      source_invite_code: w.invite.code,
      inviter_id: w.owner.id,
    });
    expect(supplemental(w.viaVanity.id)).toEqual({
      join_source_type: JoinSourceType.VANITY_URL,
      source_invite_code: w.vanity,
      inviter_id: null,
    });
    expect(supplemental(w.bot.id)).toEqual({
      join_source_type: JoinSourceType.BOT_INVITE,
      source_invite_code: null,
      inviter_id: w.owner.id,
    });
    expect(supplemental(w.forced.id)).toEqual({
      join_source_type: JoinSourceType.ADMIN_FORCE_ADD,
      source_invite_code: null,
      inviter_id: w.admin.id,
    });
    expect(everyone.total_result_count).toBe(w.members.length);
    expect(everyone.indexing).toBe(false);

    // The owner has every permission, MANAGE_GUILD included.
    const byOwner = await results(
      await search(request, w.owner, w.guild.id, { source_invite_code: [w.invite.code] }),
    );
    expect(ids(byOwner)).toEqual([w.viaInvite.id]);

    // The plain member object keeps hiding it, from managers too.
    const one = await request.get(`/api/v1/guilds/${w.guild.id}/members/${w.viaInvite.id}`, {
      headers: w.manager.headers,
    });
    const body = await one.json();
    for (const field of ["supplemental", "join_source_type", "source_invite_code", "inviter_id"])
      expect(body).not.toHaveProperty(field);
  });

  test("moderators without MANAGE_GUILD search, but see no join source and can't filter by one", async ({
    request,
  }) => {
    const w = await world(request);
    const all = await results(await search(request, w.kicker, w.guild.id, { limit: 100 }));
    expect(all.total_result_count).toBe(w.members.length);
    for (const member of all.members)
      expect(member.supplemental).toEqual({
        join_source_type: null,
        source_invite_code: null,
        inviter_id: null,
      });
    expect(JSON.stringify(all)).not.toContain(w.invite.code);

    // The join-source filters are dropped: the same members as no filter at all.
    const bySource = await results(
      await search(request, w.kicker, w.guild.id, {
        limit: 100,
        join_source_type: [JoinSourceType.VANITY_URL],
      }),
    );
    expect(ids(bySource)).toEqual(ids(all));
    const byCode = await results(
      await search(request, w.kicker, w.guild.id, { limit: 100, source_invite_code: [w.invite.code] }),
    );
    expect(ids(byCode)).toEqual(ids(all));
    // The filters they may use still apply.
    expect(ids(await results(await search(request, w.kicker, w.guild.id, { is_bot: true })))).toEqual([
      w.bot.id,
    ]);

    // Each of the other qualifying permissions is enough on its own.
    for (const bit of [P.MANAGE_NICKNAMES, P.BAN_MEMBERS, P.MANAGE_ROLES, P.MODERATE_MEMBERS]) {
      const moderator = await memberWith(request, w.owner, w.guild.id, bit);
      const answer = await results(
        await search(request, moderator, w.guild.id, { query: w.viaInvite.username }),
      );
      expect(ids(answer), `permission ${bit}`).toEqual([w.viaInvite.id]);
      expect(answer.members[0]!.supplemental.join_source_type).toBeNull();
    }
  });

  test("members without a moderation permission and non-members get the same 403; an unknown guild is 404", async ({
    request,
  }) => {
    const w = await world(request);
    const stranger = await registerUser(request);
    await expectError(await search(request, w.plain, w.guild.id, {}), "MISSING_PERMISSIONS");
    await expectError(await search(request, stranger, w.guild.id, {}), "MISSING_PERMISSIONS");
    // CREATE_INSTANT_INVITE and VIEW_CHANNEL (what @everyone has) are not enough either.
    const inviter = await memberWith(
      request,
      w.owner,
      w.guild.id,
      P.CREATE_INSTANT_INVITE | P.VIEW_CHANNEL | P.MANAGE_CHANNELS,
    );
    await expectError(await search(request, inviter, w.guild.id, {}), "MISSING_PERMISSIONS");
    await expectError(await search(request, w.owner, "123456789012345678", {}), "UNKNOWN_GUILD");
    await expectError(await search(request, w.owner, "not-a-guild", {}), "UNKNOWN_GUILD");
    await expectError(
      await request.post(`/api/v1/guilds/${w.guild.id}/members-search`, { data: {} }),
      "UNAUTHORIZED",
    );
  });

  test("the result object is Fluxer's: flattened account, Unix-second join time, padded discriminator, roles", async ({
    request,
  }) => {
    const w = await world(request);
    const role = await createRole(request, w.owner, w.guild.id, 0n, "searchers");
    await giveRole(request, w.owner, w.guild.id, w.plain.id, role.id);
    const [member] = (
      await results(await search(request, w.manager, w.guild.id, { query: w.plain.username }))
    ).members;
    const plain = w.members.find((m) => m.user.id === w.plain.id)!;
    expect(member).toEqual({
      id: `${w.guild.id}_${w.plain.id}`,
      guild_id: w.guild.id,
      user_id: w.plain.id,
      username: w.plain.username,
      discriminator: String(plain.user.discriminator).padStart(4, "0"),
      global_name: null,
      nickname: null,
      role_ids: [role.id],
      joined_at: Math.floor(Date.parse(plain.joined_at) / 1000),
      supplemental: {
        join_source_type: JoinSourceType.ADMIN_FORCE_ADD,
        source_invite_code: null,
        inviter_id: w.admin.id,
      },
      is_bot: false,
    });
  });

  test("every filter narrows as documented", async ({ request }) => {
    const w = await world(request);
    const run = async (body: Record<string, unknown>) =>
      results(await search(request, w.manager, w.guild.id, { limit: 100, ...body }));
    const sorted = (list: string[]) => [...list].sort();

    // Text: anywhere in the username, any case; exactly the user id.
    const middle = w.viaInvite.username.slice(2, 8).toUpperCase();
    expect(ids(await run({ query: middle }))).toEqual([w.viaInvite.id]);
    expect(ids(await run({ query: `  ${w.viaInvite.username}  ` }))).toEqual([w.viaInvite.id]);
    expect(ids(await run({ query: w.forced.id }))).toEqual([w.forced.id]);
    expect((await run({ query: "   " })).total_result_count).toBe(w.members.length);
    expect((await run({ query: "no-such-name-anywhere" })).total_result_count).toBe(0);

    // Roles: every listed one must be held.
    const [first, second] = [
      await createRole(request, w.owner, w.guild.id, 0n, "first"),
      await createRole(request, w.owner, w.guild.id, 0n, "second"),
    ];
    await giveRole(request, w.owner, w.guild.id, w.viaInvite.id, first.id);
    await giveRole(request, w.owner, w.guild.id, w.viaVanity.id, first.id);
    await giveRole(request, w.owner, w.guild.id, w.viaVanity.id, second.id);
    expect(sorted(ids(await run({ role_ids: [first.id] })))).toEqual(
      sorted([w.viaInvite.id, w.viaVanity.id]),
    );
    expect(ids(await run({ role_ids: [first.id, second.id] }))).toEqual([w.viaVanity.id]);

    // Join time, both ends inclusive, in Unix seconds.
    const seconds = new Map(w.members.map((m) => [m.user.id, Math.floor(Date.parse(m.joined_at) / 1000)]));
    const pivot = seconds.get(w.viaVanity.id)!;
    const expectIn = (list: SearchResult, keep: (s: number) => boolean) =>
      expect(sorted(ids(list))).toEqual(sorted([...seconds].filter(([, s]) => keep(s)).map(([id]) => id)));
    expectIn(await run({ joined_at_gte: pivot, joined_at_lte: pivot }), (s) => s === pivot);
    expectIn(await run({ joined_at_gte: pivot }), (s) => s >= pivot);
    expectIn(await run({ joined_at_lte: pivot }), (s) => s <= pivot);

    // Join sources (several widen) and codes.
    expect(
      sorted(ids(await run({ join_source_type: [JoinSourceType.VANITY_URL, JoinSourceType.BOT_INVITE] }))),
    ).toEqual(sorted([w.viaVanity.id, w.bot.id]));
    expect(ids(await run({ join_source_type: [JoinSourceType.CREATOR] }))).toEqual([w.owner.id]);
    expect((await run({ join_source_type: [JoinSourceType.DISCOVERY] })).total_result_count).toBe(0);
    expect(sorted(ids(await run({ source_invite_code: [w.invite.code, w.vanity] })))).toEqual(
      sorted([w.viaInvite.id, w.viaVanity.id]),
    );

    // Bots, and account age read from the snowflake.
    expect(ids(await run({ is_bot: true }))).toEqual([w.bot.id]);
    expect((await run({ is_bot: false })).total_result_count).toBe(w.members.length - 1);
    const created = new Map(w.members.map((m) => [m.user.id, createdSeconds(m.user.id)]));
    const born = created.get(w.forced.id)!;
    expect(sorted(ids(await run({ user_created_at_gte: born })))).toEqual(
      sorted([...created].filter(([, s]) => s >= born).map(([id]) => id)),
    );
    expect(sorted(ids(await run({ user_created_at_lte: born })))).toEqual(
      sorted([...created].filter(([, s]) => s <= born).map(([id]) => id)),
    );

    // Filters combine.
    expect(ids(await run({ is_bot: false, join_source_type: [JoinSourceType.BOT_INVITE] }))).toEqual([]);
  });

  test("sorts by join time (newest first by default) or relevance, and pages with limit and offset", async ({
    request,
  }) => {
    const w = await world(request);
    const desc = byJoin(w.members, "desc");
    const run = async (body: Record<string, unknown>) =>
      results(await search(request, w.manager, w.guild.id, body));

    const first = await run({});
    expect(ids(first)).toEqual(desc.slice(0, 25));
    expect(first.page_result_count).toBe(first.members.length);
    expect(ids(await run({ sort_by: "joinedAt", sort_order: "asc", limit: 100 }))).toEqual(
      byJoin(w.members, "asc"),
    );
    expect(ids(await run({ sort_order: "desc", limit: 100 }))).toEqual(desc);

    // Relevance: the exact name first, whatever the order asked for.
    const exact = await run({
      query: w.viaInvite.username.toLowerCase(),
      sort_by: "relevance",
      sort_order: "asc",
    });
    expect(ids(exact)[0]).toBe(w.viaInvite.id);

    // Pages of 3 walk the whole order; past the end the page is empty and the total still exact.
    const pages: string[] = [];
    for (let offset = 0; offset < desc.length; offset += 3) {
      const page = await run({ limit: 3, offset });
      expect(page.total_result_count).toBe(desc.length);
      pages.push(...ids(page));
    }
    expect(pages).toEqual(desc);
    const beyond = await run({ limit: 3, offset: desc.length + 1000 });
    expect(beyond).toEqual({
      guild_id: w.guild.id,
      members: [],
      page_result_count: 0,
      total_result_count: desc.length,
      indexing: false,
    });
    expect((await run({ limit: 1 })).members).toHaveLength(1);
    expect((await run({ limit: 100 })).members).toHaveLength(desc.length);
  });

  test("bad input is a 400 that names the field; an empty body is a search with no filter", async ({
    request,
  }) => {
    const w = await world(request);
    const bad = async (body: unknown, field: string, code?: string) => {
      const error = await expectError(
        await search(request, w.manager, w.guild.id, body),
        "INVALID_FORM_BODY",
        field,
      );
      if (code) expect(error.errors.find((e: { path: string }) => e.path === field).code).toBe(code);
    };
    await bad({ limit: 0 }, "limit", "NUMBER_TOO_SMALL");
    await bad({ limit: 101 }, "limit", "NUMBER_TOO_LARGE");
    await bad({ limit: "25" }, "limit", "INVALID_TYPE");
    await bad({ limit: 2.5 }, "limit");
    await bad({ offset: -1 }, "offset", "NUMBER_TOO_SMALL");
    await bad({ query: "" }, "query", "STRING_TOO_SHORT");
    await bad({ query: null }, "query");
    await bad({ query: "x".repeat(101) }, "query", "STRING_TOO_LONG");
    await bad(
      { role_ids: Array.from({ length: 11 }, (_, i) => String(1000 + i)) },
      "role_ids",
      "ARRAY_TOO_LONG",
    );
    await bad({ role_ids: ["abc"] }, "role_ids.0", "INVALID_SNOWFLAKE");
    await bad({ join_source_type: [5] }, "join_source_type.0");
    await bad(
      { source_invite_code: Array.from({ length: 11 }, (_, i) => `code${i}`) },
      "source_invite_code",
      "ARRAY_TOO_LONG",
    );
    await bad({ is_bot: "true" }, "is_bot", "INVALID_TYPE");
    await bad({ joined_at_gte: "yesterday" }, "joined_at_gte", "INVALID_TYPE");
    await bad({ user_created_at_lte: -1 }, "user_created_at_lte", "NUMBER_TOO_SMALL");
    await bad({ sort_by: "username" }, "sort_by");
    await bad({ sort_order: "up" }, "sort_order");

    const notJson = await request.post(`/api/v1/guilds/${w.guild.id}/members-search`, {
      headers: { ...w.manager.headers, "content-type": "application/json" },
      data: Buffer.from("{not json"),
    });
    const error = await expectError(notJson, "INVALID_FORM_BODY", "body");
    expect(error.errors[0].code).toBe("INVALID_FORMAT");

    const get = await request.get(`/api/v1/guilds/${w.guild.id}/members-search`, {
      headers: w.manager.headers,
    });
    await expectError(get, "METHOD_NOT_ALLOWED");
    expect(get.headers()["allow"]).toBe("POST");

    const empty = await request.post(`/api/v1/guilds/${w.guild.id}/members-search`, {
      headers: w.manager.headers,
    });
    expect((await results(empty)).total_result_count).toBe(w.members.length);
    const blank = await request.post(`/api/v1/guilds/${w.guild.id}/members-search`, {
      headers: { ...w.manager.headers, "content-type": "application/json" },
      data: Buffer.from("  "),
    });
    expect((await results(blank)).total_result_count).toBe(w.members.length);
  });

  test("shares the guild:members bucket (40 per 10 s per caller and guild) with the member and ban reads", async ({
    request,
    owner,
    guild,
  }) => {
    const first = await search(request, owner, guild.id, {});
    expect(first.status()).toBe(200);
    expect(first.headers()["x-ratelimit-bucket"]).toBe(`guild:members:${guild.id}`);
    expect(first.headers()["x-ratelimit-limit"]).toBe("40");
    const remaining = Number(first.headers()["x-ratelimit-remaining"]);
    const list = await request.get(`/api/v1/guilds/${guild.id}/members`, { headers: owner.headers });
    expect(list.headers()["x-ratelimit-bucket"]).toBe(`guild:members:${guild.id}`);
    expect(Number(list.headers()["x-ratelimit-remaining"])).toBe(remaining - 1);
    const one = await request.get(`/api/v1/guilds/${guild.id}/members/${owner.id}`, {
      headers: owner.headers,
    });
    expect(Number(one.headers()["x-ratelimit-remaining"])).toBe(remaining - 2);
    const bans = await request.get(`/api/v1/guilds/${guild.id}/bans`, { headers: owner.headers });
    expect(Number(bans.headers()["x-ratelimit-remaining"])).toBe(remaining - 3);

    // Another guild has a bucket of its own.
    const other = await ownerWithGuild(request);
    const elsewhere = await search(request, owner, other.guild.id, {});
    expect(elsewhere.status()).toBe(403);
    expect(elsewhere.headers()["x-ratelimit-bucket"]).toBe(`guild:members:${other.guild.id}`);

    let last: APIResponse | undefined;
    for (let n = 4; n <= 40; n++) last = await search(request, owner, guild.id, {});
    expect(last!.status()).toBe(429);
    const limited = await last!.json();
    expect(limited).toMatchObject({ code: "RATE_LIMITED", global: false });
  });
});
