// A flood of sign-in attempts with unknown emails still costs a password hash each (so timing does not
// reveal which emails exist), and scrypt at the production cost takes ~170 ms and 16 MiB on Node's small
// thread pool. On an instance with the production settings (cost, one hash at a time, 8 waiting), the
// attempts past the queue are refused at once (503 with Retry-After, or the login page's "busy" code for
// Auth.js's callback), never a crash, and other visitors are still answered. Runs with the other floods,
// after every other suite, so it has the machine to itself.
import { expect, test } from "@playwright/test";
import { createGuild, expectError, randomName, registerUser } from "../fixtures";
import { apiLogin } from "../security/support/auth-flows";
import { startInstance, type Instance } from "../security/support/instance";

const ATTEMPTS = 64;

let instance: Instance;
test.beforeAll(async () => {
  // The production hashing settings; the address limit out of the way (one address here stands for a botnet's many).
  instance = await startInstance({
    INSECURE_TEST_PASSWORD_HASH_N: "",
    PASSWORD_HASH_QUEUE: "",
    PASSWORD_HASH_CONCURRENCY: "",
    SIGN_IN_ADDRESS_LIMIT: "1000",
  });
});
test.afterAll(async () => {
  await instance?.stop();
});

test("64 concurrent unknown-email sign-ins are shed past the hash queue, and an invite is still answered", async ({
  playwright,
}) => {
  test.setTimeout(120_000);
  const request = await playwright.request.newContext({ baseURL: instance.baseURL });
  try {
    const owner = await registerUser(request);
    const guild = await createGuild(request, owner);
    const created = await request.post(`/api/v1/channels/${guild.general_channel_id}/invites`, {
      headers: owner.headers,
      data: { max_age: 0 },
    });
    expect(created.status(), await created.text()).toBe(200);
    const { code } = (await created.json()) as { code: string };
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };

    // Half through Auth.js's callback, half through the API, all at once.
    const callbacks = Array.from({ length: ATTEMPTS / 2 }, () =>
      request.post("/api/auth/callback/credentials", {
        form: { csrfToken, email: `${randomName("nobody")}@e2e.test`, password: "wrong-password" },
        maxRedirects: 0,
      }),
    );
    const logins = Array.from({ length: ATTEMPTS / 2 }, () =>
      apiLogin(request, {
        email: `${randomName("nobody")}@e2e.test`,
        password: "wrong-password",
        ip: owner.ip,
      }),
    );

    const preview = await request.get(`/api/v1/invites/${code}?with_counts=true`, {
      headers: { "accept-encoding": "gzip" },
    });
    expect(preview.status(), await preview.text()).toBe(200);
    expect(await preview.json()).toMatchObject({ code, guild: { id: guild.id } });

    const callbackCodes = await Promise.all(
      callbacks.map(async (pending) => {
        const response = await pending;
        expect(response.status()).toBe(302);
        return new URL(response.headers()["location"]!, instance.baseURL).searchParams.get("code");
      }),
    );
    let shed = callbackCodes.filter((value) => value === "unavailable").length;
    expect(
      callbackCodes.every((value) => value === "credentials" || value === "unavailable"),
      callbackCodes.join(","),
    ).toBe(true);
    for (const pending of logins) {
      const response = await pending;
      if (response.status() === 401) continue;
      await expectError(response, "SERVICE_UNAVAILABLE");
      expect(Number(response.headers()["retry-after"])).toBeGreaterThanOrEqual(1);
      shed += 1;
    }
    expect(shed, "attempts refused past the queue").toBeGreaterThan(0);
    expect(instance.isRunning()).toBe(true);
    expect(instance.stderr()).not.toContain("unhandled error");

    // Once the flood has passed, signing in works as before.
    expect(
      (await apiLogin(request, { email: owner.email, password: owner.password, ip: owner.ip })).status(),
    ).toBe(200);
  } finally {
    await request.dispose();
  }
});
