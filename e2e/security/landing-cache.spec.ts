// The kept landing pages (server/landing/kept-landing-pages.ts): one anonymous render per invite, served by
// the HTTP server to every viewer with only the viewer's variant and name set per response. What an attacker
// would try against it: read someone else's name with a forged session, make or read a kept page through
// another spelling of the URL, or through a method, query or router header the page isn't kept for. A private
// instance, so its counters (GET /api/health: pages kept, views served from them) are this file's alone; a long
// cache TTL so nothing expires between steps; limits scaled up (every request here comes from one address).
import { randomBytes } from "node:crypto";
import http from "node:http";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { encode } from "next-auth/jwt";
import { createGuild, registerUser, type TestUser } from "../fixtures";
import { createInvite, memberViaInvite } from "../support/invites";
import { sessionCookie, shownName, shownViewer, visiblePage } from "../support/landing";
import { startInstance, type Instance } from "./support/instance";

type PageCounters = { kept: number; captured: number; served: number };

/** A request of exactly this path and method, byte for byte (HTTP clients would normalize `//` and dot segments). */
function rawRequest(
  baseURL: string,
  method: string,
  rawPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string }> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, method, path: rawPath, headers, agent: false },
      (response) => {
        let body = "";
        response.setEncoding("utf8");
        response.on("data", (chunk) => (body += chunk));
        response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      },
    );
    request.on("error", reject);
    request.end();
  });
}

test.describe.configure({ mode: "serial" });

test.describe("kept landing pages", () => {
  let instance: Instance;
  let api: APIRequestContext;
  let owner: TestUser;
  let guild: { id: string; name: string; general_channel_id: string | undefined };
  const adminEmail = `landing-admin-${randomBytes(4).toString("hex")}@e2e.test`;

  const counters = async (): Promise<PageCounters> =>
    (
      (await (await api.get("/api/health")).json()) as {
        invite_preview_cache: { landing_pages: PageCounters };
      }
    ).invite_preview_cache.landing_pages;

  /** A fresh invite whose page is kept (the cache stores entries once the instance's event bus is up). */
  async function keptInvite(): Promise<string> {
    const { code } = await createInvite(api, owner, guild.general_channel_id!, { max_age: 0 });
    await expect
      .poll(
        async () =>
          (await api.get(`/invite/${code}`)).status() === 200 &&
          (await counters()).kept > 0 &&
          (await api.get(`/invite/${code}`)).ok(),
        { timeout: 30_000 },
      )
      .toBe(true);
    const before = (await counters()).served;
    expect((await api.get(`/invite/${code}`)).status()).toBe(200);
    expect((await counters()).served, "the page is kept and served").toBe(before + 1);
    return code;
  }

  test.beforeAll(async () => {
    instance = await startInstance({
      ADMIN_EMAILS: adminEmail,
      INVITE_CACHE_TTL_MS: "60000",
      RATE_LIMIT_SCALE: "100",
    });
    api = await playwrightRequest.newContext({ baseURL: instance.baseURL, maxRedirects: 0 });
    owner = await registerUser(api);
    guild = await createGuild(api, owner);
  });
  test.afterAll(async () => {
    await api?.dispose();
    await instance?.stop();
  });

  test("a kept page is the page Next renders, for every viewer: the same HTML apart from Next's own bookkeeping", async ({
    playwright,
  }) => {
    const member = await memberViaInvite(api, owner, guild.general_channel_id!);
    const [outsider, banned] = await Promise.all([registerUser(api), registerUser(api)]);
    expect(
      (
        await api.put(`/api/v1/guilds/${guild.id}/bans/${banned.id}`, { data: {}, headers: owner.headers })
      ).status(),
    ).toBe(204);
    const cookieOf = async (user: TestUser) => ({
      cookie: await sessionCookie(playwright, instance.baseURL, user),
    });
    const viewers = [
      { kind: "anonymous", name: "", headers: {} as Record<string, string> },
      { kind: "member", name: member.username, headers: await cookieOf(member) },
      { kind: "not-member", name: outsider.username, headers: await cookieOf(outsider) },
      { kind: "banned", name: banned.username, headers: await cookieOf(banned) },
    ];
    // Wait for the event bus: until it is up the cache stores nothing, and every view is Next's own render.
    await keptInvite();
    for (const viewer of viewers) {
      for (const form of ["/invite/", "/"]) {
        const { code } = await createInvite(api, owner, guild.general_channel_id!, { max_age: 0 });
        const path = `${form}${code}`;
        const answers = [];
        const paths = [];
        // 1: the invite isn't cached yet, so Next renders it for this viewer. 2: Next renders it signed out and
        // it is kept, set for this viewer. 3: the kept page, gzipped. 4: the kept page, plain.
        for (const encoding of ["gzip", "gzip", "gzip", "identity"]) {
          const before = await counters();
          const response = await api.get(path, {
            headers: { ...viewer.headers, "accept-encoding": encoding },
          });
          const after = await counters();
          paths.push(
            after.captured > before.captured ? "captured" : after.served > before.served ? "kept" : "next",
          );
          expect(response.status()).toBe(200);
          answers.push({ html: await response.text(), headers: response.headers() });
        }
        const label = `${viewer.kind} on ${path}`;
        expect(paths, label).toEqual(["next", "captured", "kept", "kept"]);
        expect(answers[2]!.headers["content-encoding"], label).toBe("gzip");
        expect(answers[3]!.headers["content-encoding"], label).toBeUndefined();
        for (const answer of answers) {
          expect(shownViewer(answer.html), label).toBe(viewer.kind);
          expect(shownName(answer.html), label).toBe(viewer.name);
          expect(visiblePage(answer.html), label).toBe(visiblePage(answers[0]!.html));
          for (const header of ["content-type", "cache-control", "vary"])
            expect(answer.headers[header], `${label}: ${header}`).toBe(answers[0]!.headers[header]);
        }
      }
    }
  });

  test("a forged, tampered or misplaced session cookie never shows anyone's name", async ({ playwright }) => {
    const code = await keptInvite();
    const victim = await registerUser(api);
    const attacker = await registerUser(api);
    const victimCookie = await sessionCookie(playwright, instance.baseURL, victim);
    const attackerCookie = await sessionCookie(playwright, instance.baseURL, attacker);
    const [name, value] = [
      victimCookie.slice(0, victimCookie.indexOf("=")),
      victimCookie.slice(victimCookie.indexOf("=") + 1),
    ];
    const claims = { sub: victim.id, name: victim.username, email: victim.email, sv: 0 };
    const forgeries = {
      "signed with another secret": `${name}=${await encode({ token: claims, secret: "not-the-servers-secret-0123456789abcdef", salt: name })}`,
      tampered: `${name}=${value.slice(0, -6)}${value.slice(-6).split("").reverse().join("")}`,
      "under the secure cookie name on a plain-HTTP site": `__Secure-${victimCookie}`,
      garbage: `${name}=${"A".repeat(200)}`,
      "the attacker's session first, the victim's after it": `${attackerCookie}; ${victimCookie}`,
    };
    for (const [label, cookie] of Object.entries(forgeries)) {
      for (const path of [`/invite/${code}`, `/${code}`]) {
        const html = await (await api.get(path, { headers: { cookie } })).text();
        expect(html, label).not.toContain(victim.username);
        if (label.startsWith("the attacker's")) expect(shownName(html), label).toBe(attacker.username);
        else expect(shownViewer(html), label).toBe("anonymous");
      }
    }
    // The victim's own cookie shows the victim (the forgeries above were refused, not ignored by accident).
    expect(
      shownName(await (await api.get(`/invite/${code}`, { headers: { cookie: victimCookie } })).text()),
    ).toBe(victim.username);
  });

  test("a case variant or encoded spelling of the URL never makes a kept page nor gets one", async () => {
    const admin = await registerUser(api, { email: adminEmail });
    const guild2 = await createGuild(api, owner);
    expect(
      (
        await api.patch(`/api/v1/guilds/${guild2.id}`, {
          headers: admin.headers,
          data: { features: ["VANITY_URL"] },
        })
      ).status(),
    ).toBe(200);
    const vanity = `kept-${randomBytes(3).toString("hex").replace(/[0-9]/g, "x")}`;
    expect(
      (
        await api.patch(`/api/v1/guilds/${guild2.id}/vanity-url`, {
          headers: owner.headers,
          data: { code: vanity },
        })
      ).status(),
    ).toBe(200);
    const random = (await createInvite(api, owner, guild.general_channel_id!, { max_age: 0 })).code as string;
    const encodedFirst = (code: string) =>
      `%${code.charCodeAt(0).toString(16).toUpperCase()}${code.slice(1)}`;
    const spellings = (code: string) => [
      `/invite/${code.toUpperCase()}`,
      `/${code.toUpperCase()}`,
      `/INVITE/${code}`,
      `/invite/${encodedFirst(code)}`,
      `/${encodedFirst(code)}`,
      `/invite/${code}/`,
      `/${code}/`,
      `//invite/${code}`,
      `/./invite/${code}`,
      `/x/../invite/${code}`,
    ];
    // Before any page is kept: every spelling, twice (a second view is what would keep a page).
    let before = await counters();
    for (const code of [vanity, random])
      for (const spelling of spellings(code))
        for (let i = 0; i < 2; i++) await rawRequest(instance.baseURL, "GET", spelling);
    let after = await counters();
    expect(after.captured, "pages kept from other spellings").toBe(before.captured);
    expect(after.served).toBe(before.served);
    // Kept for the real spelling: the other spellings still never get it.
    for (const code of [vanity, random])
      for (let i = 0; i < 2; i++) expect((await api.get(`/invite/${code}`)).status()).toBe(200);
    before = await counters();
    expect(before.captured).toBeGreaterThanOrEqual(after.captured + 2);
    for (const code of [vanity, random])
      for (const spelling of spellings(code)) await rawRequest(instance.baseURL, "GET", spelling);
    after = await counters();
    expect(after.served, "views of other spellings answered from a kept page").toBe(before.served);
    expect(after.captured).toBe(before.captured);
  });

  test("HEAD, POST, query strings and router requests never make a kept page, and only HEAD reads one", async ({
    playwright,
  }) => {
    const { code } = await createInvite(api, owner, guild.general_channel_id!, { max_age: 0 });
    const before = await counters();
    for (let i = 0; i < 3; i++) expect((await api.head(`/invite/${code}`)).status()).toBe(200);
    for (const query of ["?accept=1", "?x=1", "?"])
      for (let i = 0; i < 2; i++)
        expect((await rawRequest(instance.baseURL, "GET", `/invite/${code}${query}`)).status).toBe(200);
    for (const headers of [
      { rsc: "1" },
      { rsc: "1", "next-router-prefetch": "1" },
      { "next-action": "0123456789abcdef" },
    ] as Record<string, string>[])
      await rawRequest(instance.baseURL, "GET", `/invite/${code}`, headers);
    for (let i = 0; i < 2; i++)
      await rawRequest(instance.baseURL, "POST", `/invite/${code}`, { "content-type": "text/plain" });
    let after = await counters();
    expect(after.captured, "pages kept from HEAD, POST, queries or router requests").toBe(before.captured);
    expect(after.served).toBe(before.served);

    // Once the page is kept: a HEAD is answered from it (headers only, as the GET's); the rest still go to Next.
    for (let i = 0; i < 2; i++) expect((await api.get(`/invite/${code}`)).status()).toBe(200);
    const get = await api.get(`/invite/${code}`, { headers: { "accept-encoding": "identity" } });
    const head = await rawRequest(instance.baseURL, "HEAD", `/invite/${code}`);
    expect(head).toEqual({ status: 200, body: "" });
    const served = (await counters()).served;
    const user = await registerUser(api);
    const cookie = await sessionCookie(playwright, instance.baseURL, user);
    const accept = await api.get(`/invite/${code}?accept=1`, { headers: { cookie } });
    expect(shownViewer(await accept.text())).toBe("not-member");
    for (const headers of [{ rsc: "1" }, { "next-router-prefetch": "1", rsc: "1" }] as Record<
      string,
      string
    >[]) {
      const flight = await rawRequest(instance.baseURL, "GET", `/invite/${code}`, headers);
      expect(flight.body).not.toContain("<!DOCTYPE html>");
    }
    await rawRequest(instance.baseURL, "POST", `/invite/${code}`, { "content-type": "text/plain" });
    after = await counters();
    expect(after.served, "answered from a kept page").toBe(served);
    expect(get.headers()["content-length"]).toBe(String(Buffer.byteLength(await get.text())));
  });
});
