// The landing pages as a chat app's link unfurler sees them: plain HTTP, no JavaScript. Server-rendered
// content, Open Graph / Twitter tags, the PNG card, 404s for dead codes, and no state change on GET.
import { expect, randomName, registerUser, test } from "../fixtures";
import {
  acceptInvite,
  anonymous,
  createInvite,
  deleteInvite,
  inviteAsManager,
  randomCode,
} from "../support/invites";
import { shownName, shownViewer } from "../support/landing";
import type { APIRequestContext, APIResponse } from "@playwright/test";

const UNFURLERS = [
  "Discordbot/2.0",
  "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
  "TelegramBot (like TwitterBot)",
  "Mozilla/5.0 (compatible; Mastodon/4.3)",
];

/** The <head> of an HTML answer, and a reader for its meta tags (property= or name=). */
function readHead(html: string) {
  const head = /<head>([\s\S]*?)<\/head>/.exec(html)?.[1] ?? "";
  const meta = (key: string) => {
    const match = new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)"`).exec(head);
    return match
      ? match[1]!.replaceAll("&amp;", "&").replaceAll("&#x27;", "'").replaceAll("&quot;", '"')
      : null;
  };
  return { head, meta };
}

function page(
  request: APIRequestContext,
  path: string,
  headers: Record<string, string> = anonymous(),
): Promise<APIResponse> {
  return request.get(path, { headers, maxRedirects: 0 });
}

async function expectPng(request: APIRequestContext, url: string) {
  const image = await request.get(url, { headers: anonymous() });
  expect(image.status(), url).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
  const bytes = await image.body();
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.length).toBeGreaterThan(5_000);
}

test.describe("invite landing HTML (no JavaScript)", () => {
  test("both URL forms serve the guild, counts and unfurl tags in <head>; the og:image is a PNG", async ({
    request,
    baseURL,
    owner,
    guild,
    channelId,
  }) => {
    const invite = await createInvite(request, owner, channelId, { max_age: 0 });
    for (const path of [`/invite/${invite.code}`, `/${invite.code}`]) {
      const response = await page(request, path);
      expect(response.status(), path).toBe(200);
      expect(response.headers()["content-type"]).toContain("text/html");
      const html = await response.text();
      const { head, meta } = readHead(html);
      expect(html).toContain(guild.name);
      expect(html).toContain("1 Member");
      expect(html).toContain("0 Online");
      expect(html).toContain("Never expires");
      expect(html).toContain("Log in to accept");
      // Every viewer's variant is in the page; the signed-out one is the one shown.
      expect(shownViewer(html)).toBe("anonymous");
      expect(shownName(html)).toBe("");
      expect(head).toContain(`<title>${guild.name} · Fluxer</title>`);
      expect(meta("og:title")).toBe(guild.name);
      expect(meta("og:description")).toBe(
        `${owner.username} invited you to join ${guild.name} on Fluxer. 1 Member · 0 Online`,
      );
      expect(meta("og:url")).toBe(`${baseURL}/invite/${invite.code}`);
      expect(meta("og:site_name")).toBe("Fluxer");
      expect(meta("twitter:card")).toBe("summary_large_image");
      expect(meta("twitter:title")).toBe(guild.name);
      expect(meta("twitter:description")).toContain("1 Member");
      expect(meta("robots")).toBe("noindex, nofollow");
      const image = meta("og:image");
      expect(image).toMatch(new RegExp(`^${baseURL}${path}/opengraph-image`));
      expect(meta("twitter:image")).toBe(image);
      await expectPng(request, image!);
    }
  });

  test("link unfurlers get the tags in <head> as well", async ({ request, owner, guild, channelId }) => {
    const invite = await createInvite(request, owner, channelId);
    for (const agent of UNFURLERS) {
      const html = await (
        await page(request, `/${invite.code}`, { ...anonymous(), "user-agent": agent })
      ).text();
      expect(readHead(html).meta("og:title"), agent).toBe(guild.name);
      expect(readHead(html).meta("og:image"), agent).toContain("/opengraph-image");
    }
  });

  test("unknown, expired, used-up and revoked codes: the same Invite invalid page with status 404", async ({
    request,
    owner,
    channelId,
  }) => {
    const usedUp = await createInvite(request, owner, channelId, { max_uses: 1 });
    expect((await acceptInvite(request, await registerUser(request), usedUp.code)).status()).toBe(200);
    const revoked = await createInvite(request, owner, channelId);
    expect((await deleteInvite(request, owner, revoked.code)).status()).toBe(200);
    const expired = await createInvite(request, owner, channelId, { max_age: 1 });
    // Real time must pass for the 1 s max_age to run out.
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const headers = anonymous();
    for (const code of [randomCode(), usedUp.code, revoked.code, expired.code]) {
      for (const path of [`/invite/${code}`, `/${code}`]) {
        const response = await page(request, path, headers);
        expect(response.status(), path).toBe(404);
        const html = await response.text();
        expect(html, path).toContain("Invite invalid");
        expect(readHead(html).meta("og:title")).toBe("Invite invalid");
        expect(html).not.toContain(owner.username);
      }
    }
  });

  test("malformed codes and reserved names are 404 without a lookup; real routes are untouched", async ({
    request,
  }) => {
    const headers = anonymous();
    for (const path of [
      "/invite/a",
      "/invite/bad_code",
      "/invite/" + "x".repeat(33),
      "/invite/dash%20space",
      "/x",
      "/vanity",
      "/oauth2",
      "/invite/invite",
    ]) {
      expect((await page(request, path, headers)).status(), path).toBe(404);
    }
    expect((await page(request, "/favicon.ico", headers)).headers()["content-type"]).toMatch(/^image\//); // the app's icon, never a landing page
    expect((await page(request, "/api/health", headers)).status()).toBe(200);
    expect((await page(request, "/about", headers)).status()).toBe(200);
  });

  test("loading the pages and images leaves uses and version unchanged, signed in or not", async ({
    request,
    playwright,
    baseURL,
    owner,
    channelId,
  }) => {
    const invite = await createInvite(request, owner, channelId, { max_uses: 3 });
    const before = await inviteAsManager(request, owner, invite.code);
    // A signed-in browser session (cookie), as someone who could join: the page must still only preview.
    const stranger = await registerUser(request);
    const browser = await playwright.request.newContext({ baseURL, extraHTTPHeaders: anonymous() });
    const { csrfToken } = await (await browser.get("/api/auth/csrf")).json();
    const signIn = await browser.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: stranger.email, password: stranger.password },
      maxRedirects: 0,
    });
    expect(signIn.status()).toBe(302);
    const cookieless = anonymous();
    for (let round = 0; round < 5; round++) {
      for (const path of [`/invite/${invite.code}`, `/${invite.code}`, `/invite/${invite.code}?accept=1`]) {
        expect((await page(request, path, cookieless)).status()).toBe(200);
        const signedIn = await browser.get(path, { maxRedirects: 0 });
        expect(signedIn.status()).toBe(200);
        expect(shownViewer(await signedIn.text())).toBe("not-member");
      }
    }
    await browser.dispose();
    await expectPng(request, `/invite/${invite.code}/opengraph-image`);
    await expectPng(request, `/${invite.code}/opengraph-image`);
    const after = await inviteAsManager(request, owner, invite.code);
    expect(after.uses).toBe(0);
    expect(after.uses).toBe(before.uses);
    expect(after.version).toBe(before.version);
    expect(after.approximate_member_count).toBe(1);
  });

  test("a vanity code resolves at /{code} in any case", async ({ request, owner, guild, admin }) => {
    expect(
      (
        await request.patch(`/api/v1/guilds/${guild.id}`, {
          data: { features: ["VANITY_URL"] },
          headers: admin.headers,
        })
      ).status(),
    ).toBe(200);
    const code = `owls-${randomName("").slice(0, 6)}`;
    const set = await request.patch(`/api/v1/guilds/${guild.id}/vanity-url`, {
      data: { code },
      headers: owner.headers,
    });
    expect(set.status(), await set.text()).toBe(200);
    for (const path of [`/${code}`, `/${code.toUpperCase()}`, `/invite/${code}`]) {
      const response = await page(request, path);
      expect(response.status(), path).toBe(200);
      const html = await response.text();
      expect(html).toContain(guild.name);
      expect(readHead(html).meta("og:url")).toMatch(new RegExp(`/invite/${code}$`));
    }
  });

  test("the card image only draws what its bundled font has (no network fonts), names of any script included", async ({
    request,
    owner,
    guild,
  }) => {
    const renamed = await request.patch(`/api/v1/guilds/${guild.id}`, {
      data: { name: "東京 🦉 Night Owls" },
      headers: owner.headers,
    });
    expect(renamed.status(), await renamed.text()).toBe(200);
    const invite = await createInvite(request, owner, guild.general_channel_id!);
    const started = Date.now();
    await expectPng(request, `/invite/${invite.code}/opengraph-image`);
    expect(Date.now() - started).toBeLessThan(5_000);
    const html = await (await page(request, `/invite/${invite.code}`)).text();
    expect(readHead(html).meta("og:title")).toBe("東京 🦉 Night Owls");
  });

  test("guessing codes through the page is limited per IP like the API: then even real invites say Slow down", async ({
    request,
    owner,
    guild,
    channelId,
  }) => {
    const invite = await createInvite(request, owner, channelId);
    const guesser = anonymous();
    for (let guess = 0; guess < 30; guess++)
      expect((await page(request, `/${randomCode()}`, guesser)).status()).toBe(404);
    const blocked = await (await page(request, `/invite/${invite.code}`, guesser)).text();
    expect(blocked).toContain("Slow down");
    expect(blocked).not.toContain(guild.name);
    // The API agrees (same bucket), and everyone else is unaffected.
    expect((await request.get(`/api/v1/invites/${invite.code}`, { headers: guesser })).status()).toBe(429);
    expect(await (await page(request, `/invite/${invite.code}`)).text()).toContain(guild.name);
  });
});
