// Anonymous GET /api/v1/invites/{code} of a cached invite is answered by the HTTP server before Next
// (server/invites/invite-get-fast-path.ts). These tests hold it to the route's own answers: the same request
// with one query parameter the route ignores (`_=1`) or made signed-in goes through Next's route instead, and
// both must say the same thing, byte for byte where nothing differs by design (the date, a counter that moved
// by one). A private instance, so its counter of answers before Next (GET /api/health) is this file's alone;
// each visitor is a client address of its own (X-Forwarded-For through TRUST_PROXY=1).
import { randomBytes } from "node:crypto";
import http from "node:http";
import { gunzipSync } from "node:zlib";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { createGuild, registerUser, type TestUser } from "../fixtures";
import { startInstance, type Instance } from "../security/support/instance";
import { createInvite, randomCode } from "../support/invites";

const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";
const DISCORD = "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)";

type Answer = { status: number; headers: [string, string][]; body: string };

let visitors = 0;
/** A client address no other request of this file uses. */
function visitorIp(): string {
  visitors += 1;
  return `10.${randomBytes(1)[0]}.${Math.floor(visitors / 250)}.${(visitors % 250) + 1}`;
}

/** One GET as sent (no header a client library adds), the answer's headers in the order they came. */
function rawGet(baseURL: string, path: string, headers: Record<string, string>): Promise<Answer> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, method: "GET", path, headers, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const raw = Buffer.concat(chunks);
          const pairs: [string, string][] = [];
          for (let i = 0; i < response.rawHeaders.length; i += 2)
            pairs.push([response.rawHeaders[i]!, response.rawHeaders[i + 1]!]);
          const gzip = response.headers["content-encoding"] === "gzip";
          resolve({
            status: response.statusCode ?? 0,
            headers: pairs,
            body: (gzip ? gunzipSync(raw) : raw).toString("utf8"),
          });
        });
      },
    );
    request.on("error", reject);
    request.end();
  });
}

const header = (answer: Answer, name: string) =>
  answer.headers.find(([key]) => key.toLowerCase() === name)?.[1];

/**
 * `fast` and `route` are the same request's answers through the two paths, `route` made right after `fast` by
 * the same client: the same status, body and headers in the same order, apart from the date and the rate
 * limit's count, which moved by this one request, and its time left.
 */
function expectSameAnswer(fast: Answer, route: Answer) {
  expect(fast.status).toBe(route.status);
  expect(fast.body).toBe(route.body);
  expect(fast.headers.map(([name]) => name)).toEqual(route.headers.map(([name]) => name));
  for (const [name, value] of route.headers) {
    const key = name.toLowerCase();
    if (key === "date" || key === "x-ratelimit-reset-after" || key === "retry-after") continue;
    if (key === "x-ratelimit-remaining" && fast.status !== 429)
      expect(Number(value), name).toBe(Math.max(0, Number(header(fast, key)) - 1));
    else if (key === "x-ratelimit-reset")
      expect(Math.abs(Number(value) - Number(header(fast, key))), name).toBeLessThanOrEqual(1);
    else expect(value, name).toBe(header(fast, key));
  }
}

/** The query with the parameter the route ignores and the fast path never takes. */
const viaRoute = (query: string) => (query ? `${query}&_=1` : "?_=1");

test.describe.configure({ mode: "serial" });

test.describe("invite lookups answered before Next", () => {
  let instance: Instance;
  let api: APIRequestContext;
  let owner: TestUser;
  let guild: { id: string; name: string; general_channel_id: string | undefined };

  const answeredBeforeNext = async (): Promise<number> =>
    (
      (await (await api.get("/api/health")).json()) as {
        invite_preview_cache: { lookups_before_next: number };
      }
    ).invite_preview_cache.lookups_before_next;

  const get = (path: string, headers: Record<string, string> = {}) => rawGet(instance.baseURL, path, headers);

  /** A fresh unlimited invite, in the cache (an anonymous lookup stores it once the event bus is up). */
  async function cachedInvite(): Promise<string> {
    const { code } = (await createInvite(api, owner, guild.general_channel_id!, { max_age: 0 })) as {
      code: string;
    };
    await expect
      .poll(
        async () => {
          const before = await answeredBeforeNext();
          // A robot's lookup: no view is counted, so the analytics test counts only its own.
          const answer = await get(`/api/v1/invites/${code}`, {
            "x-forwarded-for": visitorIp(),
            "user-agent": "curl/8.5.0",
          });
          expect(answer.status).toBe(200);
          return (await answeredBeforeNext()) - before;
        },
        { timeout: 30_000 },
      )
      .toBe(1);
    return code;
  }

  test.beforeAll(async () => {
    instance = await startInstance({ TRUST_PROXY: "1", INVITE_CACHE_TTL_MS: "60000" });
    api = await playwrightRequest.newContext({ baseURL: instance.baseURL, maxRedirects: 0 });
    owner = await registerUser(api);
    guild = await createGuild(api, owner);
  });
  test.afterAll(async () => {
    await api?.dispose();
    await instance?.stop();
  });

  test("every query the route reads, plain and gzipped: the route's status, body, headers and rate limit", async () => {
    const code = await cachedInvite();
    for (const query of [
      "",
      "?with_counts=true",
      "?with_expiration=1",
      "?with_counts=true&with_expiration=true",
      "?with_expiration=false&with_counts=1",
    ]) {
      const encodings: Record<string, string>[] = [{}, { "accept-encoding": "gzip, deflate, br" }];
      for (const encoding of encodings) {
        const client = { "x-forwarded-for": visitorIp(), "user-agent": BROWSER, ...encoding };
        const before = await answeredBeforeNext();
        const fast = await get(`/api/v1/invites/${code}${query}`, client);
        expect(await answeredBeforeNext(), `${query} answered before Next`).toBe(before + 1);
        const route = await get(`/api/v1/invites/${code}${viaRoute(query)}`, client);
        expect(await answeredBeforeNext(), `${viaRoute(query)} went to Next`).toBe(before + 1);
        expect(fast.status).toBe(200);
        expectSameAnswer(fast, route);
        expect(header(fast, "content-encoding")).toBe("accept-encoding" in encoding ? "gzip" : undefined);
        // The same bucket: the next fast answer counts on from the route's.
        const again = await get(`/api/v1/invites/${code}${query}`, client);
        expect(Number(header(again, "x-ratelimit-remaining"))).toBe(
          Number(header(route, "x-ratelimit-remaining")) - 1,
        );
      }
    }
  });

  test("a signed-in caller sees the same preview through Next; callers and requests the route must read go there", async () => {
    const code = await cachedInvite();
    const other = await registerUser(api);
    const client = { "x-forwarded-for": visitorIp() };
    const fast = await get(`/api/v1/invites/${code}?with_counts=true`, client);
    const signedIn = await get(`/api/v1/invites/${code}?with_counts=true`, {
      ...client,
      authorization: other.token,
    });
    expect(signedIn.status).toBe(200);
    expect(JSON.parse(signedIn.body)).toEqual(JSON.parse(fast.body));

    const before = await answeredBeforeNext();
    const manager = await get(`/api/v1/invites/${code}`, { ...client, authorization: owner.token });
    expect(manager.status).toBe(200);
    expect(JSON.parse(manager.body)).toHaveProperty("uses", 0); // metadata: the route's answer for its inviter
    expect((await get(`/api/v1/invites/${code}`, { ...client, authorization: "Bot nope" })).status).toBe(401);
    const cookie = await get(`/api/v1/invites/${code}`, {
      ...client,
      cookie: "authjs.session-token=not-a-session",
    });
    expect(cookie.status).toBe(200);
    expect((await get(`/api/v1/invites/${code}?with_counts=yes`, client)).status).toBe(400);
    expect((await get(`/api/v1/invites/${code}?with_counts=1&with_counts=0`, client)).status).toBe(200);
    await get(`/api/v1/invites/${code}?with_counts=true`, { ...client, rsc: "1" }); // Next's own answer (a redirect)
    expect(
      (await get(`/api/v1/invites/${code}`, { ...client, "accept-encoding": "deflate;q=1, gzip;q=0.5" }))
        .status,
    ).toBe(200);
    expect((await get(`/api/v1/invites/${code.toUpperCase()}x`, client)).status).toBe(404);
    expect((await get(`/api/v1/invites/${randomCode()}`, client)).status).toBe(404);
    expect(await answeredBeforeNext(), "none of these was answered before Next").toBe(before);
  });

  test("an edit, a pause and a revoke show on the very next lookup; a revoked invite is the route's 404", async () => {
    const code = await cachedInvite();
    const client = { "x-forwarded-for": visitorIp() };
    const lookup = async (query = "") => {
      const answer = await get(`/api/v1/invites/${code}${query}`, client);
      return { status: answer.status, body: JSON.parse(answer.body) as Record<string, unknown> };
    };
    expect((await lookup("?with_expiration=true")).body.expires_at).toBeNull();

    const edited = await api.patch(`/api/v1/invites/${code}`, {
      headers: owner.headers,
      data: { max_age: 3600, version: 1 },
    });
    expect(edited.status(), await edited.text()).toBe(200);
    expect((await lookup("?with_expiration=true")).body.expires_at).not.toBeNull();

    const paused = await api.patch(`/api/v1/guilds/${guild.id}`, {
      headers: owner.headers,
      data: { features: ["INVITES_DISABLED"] },
    });
    expect(paused.status(), await paused.text()).toBe(200);
    expect((await lookup()).body.guild).toMatchObject({ features: ["INVITES_DISABLED"] });
    const resumed = await api.patch(`/api/v1/guilds/${guild.id}`, {
      headers: owner.headers,
      data: { features: [] },
    });
    expect(resumed.status(), await resumed.text()).toBe(200);
    expect((await lookup()).body.guild).toMatchObject({ features: [] });

    const before = await answeredBeforeNext();
    expect((await lookup()).status).toBe(200);
    expect(await answeredBeforeNext(), "cached again").toBe(before + 1);
    const revoked = await api.delete(`/api/v1/invites/${code}`, { headers: owner.headers });
    expect(revoked.status(), await revoked.text()).toBe(200);
    expect(await lookup()).toEqual({
      status: 404,
      body: { code: "UNKNOWN_INVITE", message: "Unknown Invite" },
    });
    expect(await answeredBeforeNext(), "the revoked invite went to Next").toBe(before + 1);
  });

  test("a client that probed unknown codes is refused before the cache, and the rate limit runs out on both paths alike", async () => {
    const code = await cachedInvite();
    const prober = { "x-forwarded-for": visitorIp() };
    let blocked = false;
    for (let i = 0; i < 40 && !blocked; i++) {
      const answer = await get(`/api/v1/invites/${randomCode()}`, prober);
      blocked = answer.status === 429;
      if (!blocked) expect(answer.status).toBe(404);
      await new Promise((resolve) => setTimeout(resolve, 25)); // stays under the per-second global limit
    }
    expect(blocked, "the unknown-code limit ran out").toBe(true);
    const before = await answeredBeforeNext();
    const fast = await get(`/api/v1/invites/${code}`, prober);
    const route = await get(`/api/v1/invites/${code}${viaRoute("")}`, prober);
    expect(await answeredBeforeNext()).toBe(before + 1);
    expect(fast.status).toBe(429);
    expect(JSON.parse(fast.body)).toMatchObject({ code: "RATE_LIMITED", global: false });
    expectSameAnswer(
      { ...fast, body: JSON.stringify({ ...JSON.parse(fast.body), retry_after: 0 }) },
      { ...route, body: JSON.stringify({ ...JSON.parse(route.body), retry_after: 0 }) },
    );

    // invites:get allows 100 lookups per address and window: the fast path and the route count them together.
    const client = { "x-forwarded-for": visitorIp() };
    let previous: Answer | null = null;
    let refused: Answer[] = [];
    for (let i = 0; i < 250 && refused.length < 2; i++) {
      const answer = await get(`/api/v1/invites/${code}${i % 2 ? viaRoute("") : ""}`, client);
      if (answer.status === 429) {
        refused.push(answer);
        continue;
      }
      expect(answer.status).toBe(200);
      if (previous && header(previous, "x-ratelimit-reset") === header(answer, "x-ratelimit-reset"))
        expect(Number(header(answer, "x-ratelimit-remaining"))).toBe(
          Number(header(previous, "x-ratelimit-remaining")) - 1,
        );
      if (refused.length > 0) refused = []; // a new window opened between two refusals
      previous = answer;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    expect(refused).toHaveLength(2);
    const [first, second] = refused as [Answer, Answer];
    expect(JSON.parse(first.body)).toMatchObject({ code: "RATE_LIMITED", global: false });
    expect(header(first, "x-ratelimit-bucket")).toBe("invites:get");
    const withoutRetry = (answer: Answer) => ({
      ...answer,
      body: JSON.stringify({ ...JSON.parse(answer.body), retry_after: 0 }),
    });
    expectSameAnswer(withoutRetry(first), withoutRetry(second));
  });

  test("views, unique visitors, unfurls and referrers are counted as the route counts them", async () => {
    const code = await cachedInvite();
    const before = await answeredBeforeNext();
    const one = { "x-forwarded-for": visitorIp(), "user-agent": BROWSER };
    for (let i = 0; i < 3; i++) expect((await get(`/api/v1/invites/${code}`, one)).status).toBe(200);
    const two = {
      "x-forwarded-for": visitorIp(),
      "user-agent": BROWSER,
      referer: "https://news.example.com/a",
    };
    expect((await get(`/api/v1/invites/${code}?with_counts=true`, two)).status).toBe(200);
    const bot = { "x-forwarded-for": visitorIp(), "user-agent": DISCORD };
    expect((await get(`/api/v1/invites/${code}`, bot)).status).toBe(200);
    expect(await answeredBeforeNext()).toBe(before + 5);
    await expect
      .poll(
        async () => {
          const response = await api.get(`/api/v1/invites/${code}/analytics`, { headers: owner.headers });
          const body = (await response.json()) as { totals: unknown; referrers: unknown };
          return { totals: body.totals, referrers: body.referrers };
        },
        { timeout: 15_000, intervals: [300, 500] },
      )
      .toMatchObject({
        totals: { views: 4, unique_visitors: 2, unfurls: 1 },
        referrers: [{ host: "news.example.com", views: 1 }],
      });
  });
});
