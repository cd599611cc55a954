// Auth.js's own endpoints (/api/auth/*) answer with redirects. Every one must point at APP_URL, whatever
// Host or X-Forwarded-Host a client sends, and a callbackUrl naming another site or no valid URL at all must
// become a path of this site: never an open redirect, never a 500.
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { registerUser } from "../fixtures";
import { callbackSignIn } from "./support/auth-flows";
import { startInstance, type Instance } from "./support/instance";

// The public address differs from the one the tests connect to, as behind a reverse proxy.
const APP_URL = "http://invites.example.test";
const FOREIGN = [
  "https://evil.example",
  "https://evil.example/guilds",
  "//evil.example",
  "/\\evil.example",
  "javascript:alert(1)",
  "http://[x",
  "evil.example",
];

let instance: Instance;
let request: APIRequestContext;
test.beforeAll(async ({ playwright }) => {
  // Only APP_URL is configured (the instance helper sets AUTH_URL, which the app must not need). Every
  // request comes from one address here, so its sign-in limit is out of the way.
  instance = await startInstance({ APP_URL, AUTH_URL: "", SIGN_IN_ADDRESS_LIMIT: "1000" });
  request = await playwright.request.newContext({ baseURL: instance.baseURL });
});
test.afterAll(async () => {
  await request?.dispose();
  await instance?.stop();
});

/** The redirect's target, resolved as a browser would (relative to APP_URL, where the browser is). */
function target(response: APIResponse): URL {
  expect(response.status(), `${response.url()} answered ${response.status()}`).toBe(302);
  return new URL(response.headers()["location"] ?? "", APP_URL);
}

function expectOnSite(url: URL) {
  expect(url.origin, url.href).toBe(APP_URL);
  const callbackUrl = url.searchParams.get("callbackUrl");
  if (callbackUrl !== null) expect(new URL(callbackUrl).origin, callbackUrl).toBe(APP_URL);
}

test("redirects are built on APP_URL, whatever Host or X-Forwarded-Host the client sends", async () => {
  const user = await registerUser(request);
  const headers = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };
  const signin = await request.get("/api/auth/signin", { headers, maxRedirects: 0 });
  expectOnSite(target(signin));
  for (const cookie of signin.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie"))
    expect(cookie.value).not.toContain("evil.example");

  const wrong = await callbackSignIn(request, { email: user.email, password: "wrong-password", ip: user.ip });
  expect(new URL(wrong.location).origin).toBe(APP_URL);
  expect(new URL(wrong.location).pathname).toBe("/login");
  const right = await callbackSignIn(request, {
    email: user.email,
    password: user.password,
    ip: user.ip,
    callbackUrl: "/guilds",
  });
  expect(right).toMatchObject({ isSignedIn: true, location: `${APP_URL}/guilds` });
});

test("a foreign or malformed callbackUrl becomes a path of this site, on every Auth.js endpoint, never a 500", async () => {
  const user = await registerUser(request);
  for (const callbackUrl of FOREIGN) {
    const signin = await request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`, {
      maxRedirects: 0,
    });
    expectOnSite(target(signin));

    const signedIn = await callbackSignIn(request, {
      email: user.email,
      password: user.password,
      ip: user.ip,
      callbackUrl,
    });
    expect(signedIn.isSignedIn, callbackUrl).toBe(true);
    expectOnSite(new URL(signedIn.location));

    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const signout = await request.post("/api/auth/signout", {
      form: { csrfToken, callbackUrl },
      maxRedirects: 0,
    });
    expectOnSite(target(signout));

    // A callback-URL cookie planted by someone else does not break the session endpoint.
    const session = await request.get("/api/auth/session", {
      headers: { cookie: `authjs.callback-url=${encodeURIComponent(callbackUrl)}` },
    });
    expect(session.status(), callbackUrl).toBe(200);
  }
  const errorPage = await request.get("/api/auth/error?error=Configuration", { maxRedirects: 0 });
  expectOnSite(target(errorPage));
});
