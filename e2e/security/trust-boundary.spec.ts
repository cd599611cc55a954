// Who a request comes from: the TCP peer, unless TRUST_PROXY names proxies we run. A client that writes
// X-Forwarded-For itself must not get a fresh allowance from any per-address limit.
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { addressHeaders, randomIp, registerUser } from "../fixtures";
import { createInvite, ownerWithGuild } from "../support/invites";
import { startInstance, type Instance } from "./support/instance";

const spoofed = () => ({ "x-forwarded-for": randomIp() });
const randomCode = () => `zz${Math.random().toString(36).slice(2, 10)}`;

test.describe("an instance with no proxy in front (TRUST_PROXY unset)", () => {
  let instance: Instance;
  let api: APIRequestContext;
  test.beforeAll(async () => {
    instance = await startInstance();
    api = await playwrightRequest.newContext({ baseURL: instance.baseURL });
  });
  test.afterAll(async () => {
    await api?.dispose();
    await instance?.stop();
  });

  test("a client blocked for guessing codes stays blocked whatever X-Forwarded-For it sends", async () => {
    const { owner, channelId } = await ownerWithGuild(api);
    const invite = await createInvite(api, owner, channelId);
    for (let i = 0; i < 30; i++)
      expect((await api.get(`/api/v1/invites/${randomCode()}`)).status()).toBe(404);
    expect((await api.get(`/api/v1/invites/${randomCode()}`)).status()).toBe(429);
    // 40 more guesses, each claiming another address: still the same client.
    const statuses = [];
    for (let i = 0; i < 40; i++)
      statuses.push((await api.get(`/api/v1/invites/${randomCode()}`, { headers: spoofed() })).status());
    expect(new Set(statuses)).toEqual(new Set([429]));
    // And the live invite stays out of reach with one forged header, through the API and the landing page.
    expect((await api.get(`/api/v1/invites/${invite.code}`, { headers: spoofed() })).status()).toBe(429);
    expect((await api.get(`/invite/${invite.code}`, { headers: spoofed() })).status()).toBe(429);
    expect(
      (
        await api.get(`/${invite.code}`, {
          headers: { "x-forwarded-for": "127.0.0.2", "x-real-ip": "127.0.0.3" },
        })
      ).status(),
    ).toBe(429);
  });

  test("login and register limits hold against rotating X-Forwarded-For", async () => {
    const user = await registerUser(api);
    const login = () =>
      api.post("/api/v1/auth/login", {
        data: { email: user.email, password: "wrong-password-123" },
        headers: spoofed(),
      });
    const loginStatuses = [];
    for (let i = 0; i < 14; i++) loginStatuses.push((await login()).status());
    expect(loginStatuses).toContain(429);
    expect(loginStatuses.at(-1)).toBe(429);

    const register = () =>
      api.post("/api/v1/auth/register", {
        data: {
          username: `u${randomIp().replace(/\./g, "")}`,
          email: `${randomCode()}@e2e.test`,
          password: "short",
        },
        headers: spoofed(),
      });
    const registerStatuses = [];
    for (let i = 0; i < 14; i++) registerStatuses.push((await register()).status());
    expect(registerStatuses.at(-1)).toBe(429);
  });
});

test.describe("behind the test proxy (TRUST_PROXY=1)", () => {
  test("X-Forwarded-For entries the client wrote are ignored: the proxy's entry is the address", async ({
    request,
  }) => {
    const address = randomIp();
    for (let i = 0; i < 30; i++) {
      // The client claims a new address each time; the proxy appends the one it saw.
      const response = await request.get(`/api/v1/invites/${randomCode()}`, {
        headers: { ...addressHeaders(address), "x-forwarded-for": randomIp() },
      });
      expect(response.status()).toBe(404);
    }
    const blocked = await request.get(`/api/v1/invites/${randomCode()}`, {
      headers: { ...addressHeaders(address), "x-forwarded-for": randomIp() },
    });
    expect(blocked.status()).toBe(429);
    // Another client (another address as the proxy saw it) is not affected.
    expect(
      (
        await request.get(`/api/v1/invites/${randomCode()}`, { headers: addressHeaders(randomIp()) })
      ).status(),
    ).toBe(404);
  });
});
