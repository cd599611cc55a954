// Browser sessions are 30-day signed cookies; log out everywhere and a password change must end all of
// them at once, and the user's API tokens with them. Each check is read several times in a row: on
// PostgreSQL the suite runs two instances behind a round-robin proxy, so the reads land on both, including
// the one that did not make the change (it learns of it over the event bus, with its cache of session
// versions already warm).
import { encode } from "next-auth/jwt";
import {
  addressHeaders,
  expect,
  expectError,
  randomIp,
  registerUser,
  test,
  type TestUser,
} from "../fixtures";
import { TEST_AUTH_SECRET } from "../support/server-env";
import { apiLogin, callbackSignIn } from "./support/auth-flows";
import type { APIRequestContext, PlaywrightWorkerArgs } from "@playwright/test";

const READS = 4;

/** A browser of its own (cookie jar and client address), signed in as `user` through Auth.js. */
async function signedInBrowser(
  playwright: PlaywrightWorkerArgs["playwright"],
  baseURL: string,
  user: TestUser,
): Promise<APIRequestContext> {
  const ip = randomIp();
  const browser = await playwright.request.newContext({ baseURL, extraHTTPHeaders: addressHeaders(ip) });
  expect(await callbackSignIn(browser, { email: user.email, password: user.password, ip })).toMatchObject({
    isSignedIn: true,
  });
  return browser;
}

/** The status of GET /users/@me, READS times in a row (with the browser's cookie, or a token). */
async function whoAmI(request: APIRequestContext, headers: Record<string, string> = {}): Promise<number[]> {
  const statuses = [];
  for (let i = 0; i < READS; i++)
    statuses.push((await request.get("/api/v1/users/@me", { headers })).status());
  return statuses;
}

const ALL_OK = Array(READS).fill(200);
const ALL_ENDED = Array(READS).fill(401);

test.describe("ending sessions", () => {
  test("log out everywhere ends every browser session and every user token, on every instance at once", async ({
    request,
    playwright,
    baseURL,
    user,
  }) => {
    const second = await apiLogin(request, { email: user.email, password: user.password, ip: user.ip });
    const secondToken = (await second.json()).token as string;
    const laptop = await signedInBrowser(playwright, baseURL!, user);
    const phone = await signedInBrowser(playwright, baseURL!, user);
    try {
      expect(await whoAmI(laptop)).toEqual(ALL_OK);
      expect(await whoAmI(phone)).toEqual(ALL_OK);

      // From the laptop's session (a cookie write: it needs our Origin).
      const ended = await laptop.post("/api/v1/auth/logout-all", {
        headers: { origin: new URL(baseURL!).origin },
      });
      expect(ended.status(), await ended.text()).toBe(204);

      expect(await whoAmI(phone)).toEqual(ALL_ENDED);
      expect(await whoAmI(laptop)).toEqual(ALL_ENDED);
      expect(await whoAmI(request, user.headers)).toEqual(ALL_ENDED);
      expect(await whoAmI(request, { authorization: secondToken, ...addressHeaders(user.ip) })).toEqual(
        ALL_ENDED,
      );
      const page = await phone.get("/guilds", { maxRedirects: 0 });
      expect(page.status()).toBe(307);
      expect(page.headers()["location"]).toMatch(/\/login\?next=%2Fguilds$/);

      // Signing in again works, and that new session is not ended by the old revocation.
      const again = await signedInBrowser(playwright, baseURL!, user);
      expect(await whoAmI(again)).toEqual(ALL_OK);
      await again.dispose();
    } finally {
      await laptop.dispose();
      await phone.dispose();
    }
  });

  test("a password change ends every session and token, and returns a fresh token that works", async ({
    request,
    playwright,
    baseURL,
    user,
  }) => {
    const browser = await signedInBrowser(playwright, baseURL!, user);
    try {
      expect(await whoAmI(browser)).toEqual(ALL_OK);
      const wrong = await request.patch("/api/v1/users/@me", {
        headers: user.headers,
        data: { password: "not-my-password", new_password: "a-brand-new-password" },
      });
      await expectError(wrong, "INVALID_FORM_BODY", "password");
      expect((await wrong.json()).errors[0].code).toBe("INVALID_PASSWORD");
      expect(await whoAmI(browser)).toEqual(ALL_OK);

      const changed = await request.patch("/api/v1/users/@me", {
        headers: user.headers,
        data: { password: user.password, new_password: "a-brand-new-password" },
      });
      expect(changed.status(), await changed.text()).toBe(200);
      const body = await changed.json();
      expect(body).toMatchObject({ id: user.id, email: user.email, username: user.username });
      expect(body.token).toMatch(/^flx_/);
      expect(body).not.toHaveProperty("password_hash");

      expect(await whoAmI(browser)).toEqual(ALL_ENDED);
      expect(await whoAmI(request, user.headers)).toEqual(ALL_ENDED);
      expect(await whoAmI(request, { authorization: body.token, ...addressHeaders(user.ip) })).toEqual(
        ALL_OK,
      );
      await expectError(
        await apiLogin(request, { email: user.email, password: user.password, ip: randomIp() }),
        "UNAUTHORIZED",
      );
      expect(
        (
          await apiLogin(request, { email: user.email, password: "a-brand-new-password", ip: randomIp() })
        ).status(),
      ).toBe(200);
    } finally {
      await browser.dispose();
    }
  });

  test("a session signed before sessions carried a version keeps working until the first log-out-everywhere", async ({
    request,
    playwright,
    baseURL,
    user,
  }) => {
    // What a browser signed in before this change holds: a session cookie with no version in it.
    const cookieName = "authjs.session-token";
    const legacy = await encode({
      token: { sub: user.id, name: user.username, email: user.email },
      secret: TEST_AUTH_SECRET,
      salt: cookieName,
    });
    const browser = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { cookie: `${cookieName}=${legacy}`, ...addressHeaders(randomIp()) },
    });
    try {
      expect(await whoAmI(browser)).toEqual(ALL_OK);
      expect((await request.post("/api/v1/auth/logout-all", { headers: user.headers })).status()).toBe(204);
      expect(await whoAmI(browser)).toEqual(ALL_ENDED);
    } finally {
      await browser.dispose();
    }
  });

  test("bots cannot end sessions or change a password, and their owner's log-out-everywhere leaves their tokens alone", async ({
    request,
  }) => {
    const owner = await registerUser(request);
    const app = await request.post("/api/v1/applications", {
      headers: owner.headers,
      data: { name: "Sessions bot" },
    });
    expect(app.status(), await app.text()).toBe(201);
    const bot = { authorization: `Bot ${(await app.json()).token}` };
    await expectError(await request.post("/api/v1/auth/logout-all", { headers: bot }), "ACCESS_DENIED");
    await expectError(
      await request.patch("/api/v1/users/@me", {
        headers: bot,
        data: { password: "x", new_password: "a-brand-new-password" },
      }),
      "ACCESS_DENIED",
    );
    expect((await request.post("/api/v1/auth/logout-all", { headers: owner.headers })).status()).toBe(204);
    expect(await whoAmI(request, bot)).toEqual(ALL_OK);
    expect(await whoAmI(request, owner.headers)).toEqual(ALL_ENDED);
  });
});
