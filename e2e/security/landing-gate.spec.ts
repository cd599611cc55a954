// The landing pages are invite lookups: an address that used up the unknown-code limit gets a real 429 with
// Retry-After on every spelling of a landing URL, whether Next renders the page or the HTTP server answers
// from the page it keeps for the invite, and no internal route or header lets it around the gate.
import { existsSync, readdirSync, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { createInvite, ownerWithGuild } from "../support/invites";
import { startInstance, type Instance } from "./support/instance";

const randomCode = () => `zz${Math.random().toString(36).slice(2, 10)}`;
const FORGED = { "x-fluxer-landing-key": "AAAAAAAAAAAAAAAA" };

/** A GET of exactly this path, byte for byte (HTTP clients would normalize `//` and dot segments first). */
function rawGet(
  baseURL: string,
  rawPath: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const url = new URL(baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, method: "GET", path: rawPath, headers, agent: false },
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

function folderBytes(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir).reduce((sum, name) => {
    const full = path.join(dir, name);
    const stat = statSync(full);
    return sum + (stat.isDirectory() ? folderBytes(full) : stat.size);
  }, 0);
}

test.describe("the unknown-code gate of the landing pages", () => {
  let instance: Instance;
  let api: APIRequestContext;
  let code: string;
  const pagesServed = async () =>
    (
      (await (await api.get("/api/health")).json()) as {
        invite_preview_cache: { landing_pages: { served: number } };
      }
    ).invite_preview_cache.landing_pages.served;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    instance = await startInstance();
    api = await playwrightRequest.newContext({ baseURL: instance.baseURL, maxRedirects: 0 });
    const { owner, channelId } = await ownerWithGuild(api);
    code = (await createInvite(api, owner, channelId)).code;
    // Its page is kept and answered by the HTTP server before Next (once the event bus is up, the cache keeps it).
    await expect
      .poll(async () => (await api.get(`/invite/${code}`)).status() === 200 && (await pagesServed()) > 0, {
        timeout: 30_000,
      })
      .toBe(true);
    // This client guesses until it is blocked.
    for (let i = 0; i < 30; i++) expect((await api.get(`/invite/${randomCode()}`)).status()).toBe(404);
  });
  test.afterAll(async () => {
    await api?.dispose();
    await instance?.stop();
  });

  test("a blocked visitor gets 429 with Retry-After, not a 200 'Slow down' page", async () => {
    const response = await api.get(`/invite/${code}`);
    expect(response.status()).toBe(429);
    expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
    const html = await response.text();
    expect(html).toContain("Slow down");
    expect(html).not.toContain(code);
  });

  test("a kept page is behind the gate too: the view is refused before the page is served", async () => {
    const served = await pagesServed();
    for (const path of [`/invite/${code}`, `/${code}`]) {
      const response = await api.get(path);
      expect(response.status(), path).toBe(429);
      expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
      const html = await response.text();
      expect(html).toContain("Slow down");
      expect(html).not.toContain(code);
    }
    const head = await api.head(`/invite/${code}`);
    expect(head.status()).toBe(429);
    expect(await pagesServed()).toBe(served);
  });

  test("no spelling of a landing URL, and no internal header, gets around the gate", async () => {
    const spellings = [
      `/invite/${code}`,
      `/${code}`,
      `/INVITE/${code}`,
      `/invite/%${code.charCodeAt(0).toString(16)}${code.slice(1)}`,
      `/./invite/${code}`,
      `/invite/./${code}`,
      `/x/../invite/${code}`,
      `//invite/${code}`,
      `/invite/${code}/`,
      `/landing/invite/${code}/AAAAAAAAAAAAAAAA`,
      `/landing/short/${code}/AAAAAAAAAAAAAAAA`,
    ];
    for (const spelling of spellings) {
      const { status, body } = await rawGet(instance.baseURL, spelling, FORGED);
      // Redirects to the canonical spelling are fine: the redirect target is gated as well.
      expect([301, 307, 308, 400, 404, 429], `${spelling} → ${status}`).toContain(status);
      expect(body, spelling).not.toContain(`"${code}"`);
      expect(body, spelling).not.toContain("Accept Invite");
      expect(body, spelling).not.toContain("Log in to accept");
    }
  });

  test("guessing on through the old internal routes is refused, and grows no cache", async () => {
    const cacheDir = path.join(process.cwd(), ".next", "server", "route-cache");
    const before = folderBytes(cacheDir);
    const statuses = new Set<number>();
    for (let i = 0; i < 50; i++)
      statuses.add((await api.get(`/INVITE/${randomCode()}`, { headers: FORGED })).status());
    for (let i = 0; i < 50; i++)
      statuses.add((await api.get(`/invite/${randomCode()}`, { headers: FORGED })).status());
    for (let i = 0; i < 200; i++)
      await api.get(`/landing/invite/${randomCode()}/${"A".repeat(15)}${i % 10}`, { headers: FORGED });
    // Not one lookup answered: no 404 tells the guesser a code is dead, and no 200 shows one alive.
    expect([...statuses].filter((status) => status === 200)).toEqual([]);
    expect(statuses.has(429)).toBe(true);
    expect(folderBytes(cacheDir)).toBeLessThanOrEqual(before);
  });
});
