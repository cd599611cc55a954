// Password guessing against every way to sign in: Auth.js's own credentials callback, the login form and
// POST /api/v1/auth/login share one table of limits and one set of counters. Per client address: 10
// attempts (any accounts) in 30 minutes. Per account: 5 failed attempts (from any addresses) in 15 minutes,
// after which even the right password is refused until the window has passed.
import {
  addressHeaders,
  expect,
  expectError,
  randomIp,
  randomName,
  registerUser,
  test,
  type TestUser,
} from "../fixtures";
import { apiLogin, callbackSignIn } from "./support/auth-flows";
import { startInstance, type Instance } from "./support/instance";
import type { APIRequestContext, Page } from "@playwright/test";

const ADDRESS_LIMIT = 10;
const ACCOUNT_LIMIT = 5;

function unknownEmail(): string {
  return `${randomName("nobody")}@e2e.test`;
}

/** The login form from `ip`: what a person sees after submitting. */
async function formLogin(page: Page, user: { email: string; password: string }, ip: string) {
  await page.context().setExtraHTTPHeaders(addressHeaders(ip));
  await page.goto("/login");
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
}

async function expectApiRefused(request: APIRequestContext, user: TestUser, ip: string, bucket: string) {
  const refused = await apiLogin(request, { email: user.email, password: user.password, ip });
  const body = await expectError(refused, "RATE_LIMITED");
  expect(body.retry_after).toBeGreaterThan(0);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
  expect(refused.headers()["x-ratelimit-bucket"]).toBe(bucket);
}

test.describe("sign-in throttles", () => {
  test("100 wrong passwords through the Auth.js callback, then the right one: refused", async ({
    request,
    user,
  }) => {
    const ip = randomIp();
    const answers = [];
    for (let i = 0; i < 100; i++)
      answers.push(await callbackSignIn(request, { email: user.email, password: `wrong-${i}-password`, ip }));
    // Never a server error, never a session: wrong at first, then refused.
    expect(answers.every((answer) => answer.status === 302 && !answer.isSignedIn)).toBe(true);
    expect(answers.slice(0, ACCOUNT_LIMIT).map((answer) => answer.code)).toEqual(
      Array(ACCOUNT_LIMIT).fill("credentials"),
    );
    // Refused without a hash from then on: first by the account's limit, from the 11th by the address's.
    expect(answers.slice(ACCOUNT_LIMIT).every((answer) => answer.code === "rate_limited")).toBe(true);

    const right = await callbackSignIn(request, { email: user.email, password: user.password, ip });
    expect(right).toMatchObject({ status: 302, code: "rate_limited", isSignedIn: false });
    expect(new URL(right.location).pathname).toBe("/login");
  });

  test("per client address: after 10 attempts on any accounts, the right password from that address is refused on every way in", async ({
    request,
    page,
    user,
  }) => {
    const ip = randomIp();
    // The counters are shared: half the attempts through the callback, half through the API.
    for (let i = 0; i < ADDRESS_LIMIT / 2; i++) {
      expect(
        (await callbackSignIn(request, { email: unknownEmail(), password: "wrong-password", ip })).code,
      ).toBe("credentials");
      await expectError(
        await apiLogin(request, { email: unknownEmail(), password: "wrong-password", ip }),
        "UNAUTHORIZED",
      );
    }
    expect(await callbackSignIn(request, { email: user.email, password: user.password, ip })).toMatchObject({
      code: "rate_limited",
      isSignedIn: false,
    });
    await expectApiRefused(request, user, ip, "auth:login");
    await formLogin(page, user, ip);
    await expect(page.locator("form [role=alert]")).toContainText("Too many attempts");
    await expect(page).toHaveURL(/\/login/);

    // The account itself is not locked: from another address the right password works.
    expect(
      await callbackSignIn(request, { email: user.email, password: user.password, ip: randomIp() }),
    ).toMatchObject({ isSignedIn: true, code: null });
    expect(
      (await apiLogin(request, { email: user.email, password: user.password, ip: randomIp() })).status(),
    ).toBe(200);
  });

  test("per account: after 5 failures from different addresses, the right password is refused from anywhere, in words on the form", async ({
    request,
    page,
    user,
  }) => {
    const other = await registerUser(request);
    const used: string[] = [];
    for (let i = 0; i < ACCOUNT_LIMIT; i++) {
      const ip = randomIp();
      used.push(ip);
      if (i % 2 === 0)
        expect(
          (await callbackSignIn(request, { email: user.email, password: `guess-${i}-password`, ip })).code,
        ).toBe("credentials");
      else
        await expectError(
          await apiLogin(request, { email: user.email.toUpperCase(), password: `guess-${i}-password`, ip }),
          "UNAUTHORIZED",
        );
    }
    const refused = await callbackSignIn(request, {
      email: user.email,
      password: user.password,
      ip: randomIp(),
    });
    expect(refused).toMatchObject({ code: "rate_limited", isSignedIn: false });
    await expectApiRefused(request, user, randomIp(), "auth:login:account");
    await formLogin(page, user, randomIp());
    await expect(page.locator("form [role=alert]")).toContainText("Too many attempts");
    await expect(page).toHaveURL(/\/login/);
    // Where Auth.js's callback sent the refused browser says it in words too.
    await page.goto(new URL(refused.location).pathname + new URL(refused.location).search);
    await expect(page.locator("form [role=alert]")).toContainText("Too many attempts");

    // The addresses are not: another account signs in from one of them.
    expect(
      await callbackSignIn(request, { email: other.email, password: other.password, ip: used[0]! }),
    ).toMatchObject({ isSignedIn: true });
  });
});

test.describe("after the window", () => {
  let instance: Instance;
  test.beforeAll(async () => {
    // A short account window; the address limit out of the way (this instance sees every test request
    // come from one address).
    instance = await startInstance({ SIGN_IN_ACCOUNT_WINDOW_SECONDS: "3", SIGN_IN_ADDRESS_LIMIT: "1000" });
  });
  test.afterAll(async () => {
    await instance?.stop();
  });

  test("the right password works again once the account's window has passed", async ({ playwright }) => {
    const request = await playwright.request.newContext({ baseURL: instance.baseURL });
    try {
      const user = await registerUser(request);
      const ip = randomIp();
      for (let i = 0; i < ACCOUNT_LIMIT; i++)
        await expectError(
          await apiLogin(request, { email: user.email, password: `guess-${i}-password`, ip }),
          "UNAUTHORIZED",
        );
      const refused = await apiLogin(request, { email: user.email, password: user.password, ip });
      const body = await expectError(refused, "RATE_LIMITED");
      expect(body.retry_after).toBeLessThanOrEqual(3);
      expect(await callbackSignIn(request, { email: user.email, password: user.password, ip })).toMatchObject(
        { code: "rate_limited", isSignedIn: false },
      );

      // Wait as long as the server said to.
      await new Promise((resolve) =>
        setTimeout(resolve, Math.ceil(Number(refused.headers()["x-ratelimit-reset-after"]) * 1000) + 100),
      );
      expect((await apiLogin(request, { email: user.email, password: user.password, ip })).status()).toBe(
        200,
      );
      expect(await callbackSignIn(request, { email: user.email, password: user.password, ip })).toMatchObject(
        { isSignedIn: true },
      );
    } finally {
      await request.dispose();
    }
  });
});
