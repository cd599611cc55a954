// Invite analytics through a real server: views, unique visitors, unfurls, joins and referrers are counted
// wherever a view is served (a landing page rendered by Next or sent from a kept page, the API preview), reach
// the database in batches (every 200 ms on test servers), and are readable only by the invite's inviter and
// MANAGE_GUILD. On PostgreSQL the suite runs two instances behind a round-robin proxy: their counts must add up
// exactly. Tests wait on the totals they expect, never for a fixed time.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, expectError, randomIp, registerUser, test, type TestUser } from "../fixtures";
import { startInstance } from "../security/support/instance";
import { acceptInvite, anonymous, createInvite, getInvite, ownerWithGuild } from "../support/invites";
import { memberWith } from "../support/members";
import type { APIRequestContext } from "@playwright/test";

const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
const DISCORD = "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)";
const MANAGE_GUILD = 1n << 5n;
const instances = Number(process.env.TEST_INSTANCES ?? 1);
const onPostgres = (process.env.TEST_DATABASE_URL ?? "").startsWith("postgres");

type Totals = { views: number; unique_visitors: number; joins: number; unfurls: number };

/** A visitor: a client address of its own and a browser's user agent (plus whatever else is given). */
function visitor(extra: Record<string, string> = {}): Record<string, string> {
  return { ...anonymous(), "user-agent": BROWSER, ...extra };
}

async function analytics(request: APIRequestContext, user: TestUser, code: string, query = "") {
  const response = await request.get(`/api/v1/invites/${code}/analytics${query}`, { headers: user.headers });
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

/** Waits until the totals are `expected` (they lag by the flush interval), then checks they stay there. */
async function expectTotals(
  request: APIRequestContext,
  user: TestUser,
  code: string,
  expected: Partial<Totals>,
) {
  await expect
    .poll(async () => (await analytics(request, user, code)).totals, {
      timeout: 15_000,
      intervals: [300, 500],
    })
    .toMatchObject(expected);
  await new Promise((resolve) => setTimeout(resolve, 700)); // a few more flushes: nothing counted twice arrives late
  expect((await analytics(request, user, code)).totals).toMatchObject(expected);
}

async function view(request: APIRequestContext, url: string, headers: Record<string, string>) {
  const response = await request.get(url, { headers, maxRedirects: 0 });
  expect(response.status(), url).toBe(200);
}

test.describe("invite analytics", () => {
  test("three visitors and a link-preview bot: 3 views, 3 unique visitors, 1 unfurl; each accept is a join; referrers by host", async ({
    request,
    owner,
    channelId,
  }) => {
    const invite = await createInvite(request, owner, channelId, { max_age: 0 });
    // One visitor per way a view is served: the landing page (rendered by Next, or kept and sent before Next),
    // its short form, and the API preview.
    await view(
      request,
      `/invite/${invite.code}`,
      visitor({ referer: "https://news.example.com/post/1?utm=x" }),
    );
    await view(request, `/${invite.code}`, visitor({ referer: "https://news.example.com/other" }));
    expect(
      (
        await getInvite(
          request,
          invite.code,
          visitor({ referer: `https://chat.example.org/` }),
          "?with_counts=true",
        )
      ).status(),
    ).toBe(200);
    await view(request, `/invite/${invite.code}`, { ...anonymous(), "user-agent": DISCORD });
    await expectTotals(request, owner, invite.code, { views: 3, unique_visitors: 3, joins: 0, unfurls: 1 });

    const [first, second] = await Promise.all([registerUser(request), registerUser(request)]);
    for (const user of [first, second])
      expect((await acceptInvite(request, user, invite.code)).status()).toBe(200);
    expect((await acceptInvite(request, first, invite.code)).status()).toBe(200); // already a member: not a join
    await expectTotals(request, owner, invite.code, { views: 3, unique_visitors: 3, joins: 2, unfurls: 1 });

    const body = await analytics(request, owner, invite.code, "?granularity=day");
    expect(body.code).toBe(invite.code);
    expect(body.referrers).toEqual([
      { host: "news.example.com", views: 2 },
      { host: "chat.example.org", views: 1 },
    ]);
    // Every day of the default 30 is there, zeros included, and they add up to the totals.
    expect(body.buckets.length).toBeGreaterThanOrEqual(30);
    const sum = body.buckets.reduce((total: number, bucket: Totals) => total + bucket.views, 0);
    expect(sum).toBe(3);
    const today = body.buckets.at(-1);
    expect(today).toMatchObject({ views: 3, unique_visitors: 3, joins: 2, unfurls: 1 });
    expect(new Date(today.start).getUTCHours()).toBe(0);

    const hourly = await analytics(request, owner, invite.code, "?granularity=hour");
    // The last 24 hours touch 25 UTC hours, or 24 when now is exactly on the hour.
    expect([24, 25]).toContain(hourly.buckets.length);
  });

  test("a visitor's repeated views count once as a unique visitor that day", async ({ request }) => {
    test.skip(
      instances > 1,
      "unique visitors are counted per instance (docs/api.md): with two instances behind a round-robin proxy, a visitor seen by both counts on each",
    );
    const { owner, channelId } = await ownerWithGuild(request);
    const invite = await createInvite(request, owner, channelId, { max_age: 0 });
    const same = visitor();
    for (let i = 0; i < 3; i++) await view(request, `/invite/${invite.code}`, same);
    expect((await getInvite(request, invite.code, same)).status()).toBe(200);
    // The same address with another browser is another visitor.
    await view(request, `/invite/${invite.code}`, { ...same, "user-agent": `${BROWSER} Edg/126.0` });
    await expectTotals(request, owner, invite.code, { views: 5, unique_visitors: 2 });
  });

  test(`counts of many views add up exactly${instances > 1 ? ` across ${instances} instances` : ""}, from the landing pages and the API at once`, async ({
    request,
    owner,
    channelId,
  }) => {
    const invite = await createInvite(request, owner, channelId, { max_age: 0 });
    const LANDING = 24;
    const API = 24;
    const BOTS = 6;
    await Promise.all([
      ...Array.from({ length: LANDING }, (_, i) =>
        view(request, i % 2 ? `/invite/${invite.code}` : `/${invite.code}`, visitor()),
      ),
      ...Array.from({ length: API }, () =>
        getInvite(request, invite.code, visitor()).then((r) => expect(r.status()).toBe(200)),
      ),
      ...Array.from({ length: BOTS }, () =>
        view(request, `/invite/${invite.code}`, { ...anonymous(), "user-agent": "Twitterbot/1.0" }),
      ),
    ]);
    await expectTotals(request, owner, invite.code, {
      views: LANDING + API,
      unique_visitors: LANDING + API,
      unfurls: BOTS,
      joins: 0,
    });
  });

  test("who may read: the inviter and MANAGE_GUILD; a plain member and an outsider get 403, an unknown code 404", async ({
    request,
    owner,
    guild,
    channelId,
  }) => {
    const ownersInvite = await createInvite(request, owner, channelId, { max_age: 0 });
    const [plain, manager, outsider] = await Promise.all([
      memberWith(request, owner, guild.id),
      memberWith(request, owner, guild.id, MANAGE_GUILD),
      registerUser(request),
    ]);
    const plainInvite = await createInvite(request, plain, channelId, { max_age: 0 });

    await expectError(
      await request.get(`/api/v1/invites/${ownersInvite.code}/analytics`, { headers: plain.headers }),
      "MISSING_PERMISSIONS",
    );
    await expectError(
      await request.get(`/api/v1/invites/${ownersInvite.code}/analytics`, { headers: outsider.headers }),
      "MISSING_ACCESS",
    );
    await expectError(
      await request.get(`/api/v1/invites/${ownersInvite.code}/analytics`, { headers: anonymous() }),
      "UNAUTHORIZED",
    );
    await expectError(
      await request.get(`/api/v1/invites/nOsUcHc0de/analytics`, { headers: owner.headers }),
      "UNKNOWN_INVITE",
    );
    await expectError(
      await request.get(`/api/v1/invites/${ownersInvite.code}/analytics?granularity=week`, {
        headers: owner.headers,
      }),
      "INVALID_FORM_BODY",
      "granularity",
    );
    await expectError(
      await request.get(
        `/api/v1/invites/${ownersInvite.code}/analytics?from=2026-01-01T00:00:00Z&to=2026-12-01T00:00:00Z`,
        { headers: owner.headers },
      ),
      "INVALID_FORM_BODY",
      "from",
    );
    expect((await analytics(request, manager, ownersInvite.code)).code).toBe(ownersInvite.code);
    expect((await analytics(request, plain, plainInvite.code)).code).toBe(plainInvite.code); // their own invite

    await expectError(
      await request.get(`/api/v1/guilds/${guild.id}/invite-analytics`, { headers: plain.headers }),
      "MISSING_PERMISSIONS",
    );
    await expectError(
      await request.get(`/api/v1/guilds/${guild.id}/invite-analytics`, { headers: outsider.headers }),
      "MISSING_ACCESS",
    );
    const overview = await request.get(`/api/v1/guilds/${guild.id}/invite-analytics`, {
      headers: manager.headers,
    });
    expect(overview.status(), await overview.text()).toBe(200);
  });

  test("the guild overview ranks invites by joins, then conversion", async ({
    request,
    owner,
    guild,
    channelId,
  }) => {
    const [quiet, busy, popular] = await Promise.all(
      [0, 1, 2].map(() => createInvite(request, owner, channelId, { max_age: 0 })),
    );
    for (let i = 0; i < 4; i++) expect((await getInvite(request, busy.code, visitor())).status()).toBe(200);
    expect((await getInvite(request, popular.code, visitor())).status()).toBe(200);
    const joiners = await Promise.all([0, 1, 2].map(() => registerUser(request)));
    expect((await acceptInvite(request, joiners[0]!, busy.code)).status()).toBe(200);
    expect((await acceptInvite(request, joiners[1]!, popular.code)).status()).toBe(200);
    expect((await acceptInvite(request, joiners[2]!, popular.code)).status()).toBe(200);
    await expectTotals(request, owner, popular.code, { views: 1, joins: 2 });
    await expectTotals(request, owner, busy.code, { views: 4, joins: 1 });
    const response = await request.get(`/api/v1/guilds/${guild.id}/invite-analytics`, {
      headers: owner.headers,
    });
    expect(response.status(), await response.text()).toBe(200);
    expect((await response.json()).invites).toEqual([
      { code: popular.code, inviter_id: owner.id, views: 1, joins: 2, conversion: 2 },
      { code: busy.code, inviter_id: owner.id, views: 4, joins: 1, conversion: 0.25 },
      { code: quiet.code, inviter_id: owner.id, views: 0, joins: 0, conversion: null },
    ]);
  });

  test("nothing in the database holds a visitor's address, user agent or a hash of them", async ({
    request,
    playwright,
  }) => {
    test.setTimeout(180_000);
    // PostgreSQL: the suite's own database. PGlite: a private instance on a folder, read once it has stopped
    // (one process at a time may open a PGlite folder).
    const folder = onPostgres ? null : mkdtempSync(path.join(tmpdir(), "fluxer-analytics-"));
    const instance = folder
      ? await startInstance({ DATABASE_URL: `pglite:${folder}`, TRUST_PROXY: "1" })
      : null;
    const api = instance ? await playwright.request.newContext({ baseURL: instance.baseURL }) : request;
    // The private instance sits behind no proxy: the X-Forwarded-For a test writes is the one hop it trusts.
    const from = (ip: string): Record<string, string> =>
      instance ? { "x-forwarded-for": ip } : { "x-test-client-address": ip };
    const agent = `${BROWSER} marker-${randomIp().replace(/\./g, "")}`;
    const addresses = [randomIp(), randomIp(), randomIp()];
    try {
      const { owner, channelId } = await ownerWithGuild(api);
      const invite = await createInvite(api, owner, channelId, { max_age: 0 });
      for (const address of addresses) {
        await view(api, `/invite/${invite.code}`, {
          ...from(address),
          "user-agent": agent,
          referer: "https://refer.example.net/x",
        });
        expect((await getInvite(api, invite.code, { ...from(address), "user-agent": agent })).status()).toBe(
          200,
        );
      }
      await expectTotals(api, owner, invite.code, { views: 6 });
    } finally {
      if (instance) {
        await api.dispose();
        await instance.stop();
      }
    }
    const tables = await readAnalyticsTables(folder);
    try {
      expect(Object.keys(tables.columns).sort()).toEqual([
        "invite_analytics_buckets",
        "invite_analytics_referrers",
      ]);
      expect(tables.columns.invite_analytics_buckets).toEqual([
        "bucket_start",
        "invite_code",
        "joins",
        "unfurls",
        "unique_visitors",
        "views",
      ]);
      expect(tables.columns.invite_analytics_referrers).toEqual([
        "bucket_start",
        "host",
        "invite_code",
        "views",
      ]);
      expect(tables.rows.length).toBeGreaterThan(0);
      const dump = tables.rows.join("\n");
      for (const address of addresses) expect(dump).not.toContain(address);
      expect(dump).not.toContain("marker-");
      expect(dump).not.toMatch(/[0-9a-f]{64}/i);
      expect(dump).not.toMatch(/[A-Za-z0-9+/_-]{40,}/);
    } finally {
      if (folder) rmSync(folder, { recursive: true, force: true });
    }
  });
});

/** Every column name and every row (as JSON text) of the analytics tables. */
async function readAnalyticsTables(
  folder: string | null,
): Promise<{ columns: Record<string, string[]>; rows: string[] }> {
  const columnsSql = `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name LIKE 'invite\\_analytics%' ORDER BY table_name, column_name`;
  const rowsSql = (table: string) => `SELECT row_to_json(t)::text AS row FROM "${table}" t`;
  let query: (sql: string) => Promise<Record<string, string>[]>;
  let close: () => Promise<void>;
  if (folder) {
    const { PGlite } = await import("@electric-sql/pglite");
    const database = new PGlite(folder);
    query = async (sql) => (await database.query<Record<string, string>>(sql)).rows;
    close = () => database.close();
  } else {
    const { Client } = await import("pg");
    const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await client.connect();
    query = async (sql) => (await client.query(sql)).rows;
    close = () => client.end();
  }
  try {
    const columns: Record<string, string[]> = {};
    for (const row of await query(columnsSql)) (columns[row.table_name!] ??= []).push(row.column_name!);
    const rows: string[] = [];
    for (const table of Object.keys(columns))
      rows.push(...(await query(rowsSql(table))).map((row) => row.row!));
    return { columns, rows };
  } finally {
    await close();
  }
}
