import {
  CLIENT_ADDRESS_HEADER,
  expect,
  expectError,
  PASSWORD,
  randomIp,
  randomName,
  test,
} from "../fixtures";

test.describe("auth API", () => {
  test("register returns a token that identifies the user; login issues another; logout revokes", async ({
    request,
    user,
  }) => {
    expect(user.token).toMatch(/^flx_[A-Za-z0-9_-]{40,}$/);
    expect(user.id).toMatch(/^\d+$/);

    const me = await request.get("/api/v1/users/@me", { headers: user.headers });
    expect(me.status()).toBe(200);
    const body = await me.json();
    expect(body).toMatchObject({ id: user.id, username: user.username, email: user.email, bot: false });
    expect(typeof body.discriminator).toBe("number");
    expect(body).not.toHaveProperty("password_hash");

    // Bearer form works too.
    const bearer = await request.get("/api/v1/users/@me", {
      headers: { authorization: `Bearer ${user.token}`, [CLIENT_ADDRESS_HEADER]: user.ip },
    });
    expect(bearer.status()).toBe(200);

    const login = await request.post("/api/v1/auth/login", {
      data: { email: user.email.toUpperCase(), password: PASSWORD },
      headers: { [CLIENT_ADDRESS_HEADER]: user.ip },
    });
    expect(login.status()).toBe(200);
    const second = await login.json();
    expect(second.user_id).toBe(user.id);
    expect(second.token).not.toBe(user.token);

    const logout = await request.post("/api/v1/auth/logout", { headers: user.headers });
    expect(logout.status()).toBe(200);
    await expectError(await request.get("/api/v1/users/@me", { headers: user.headers }), "UNAUTHORIZED");
    const stillValid = await request.get("/api/v1/users/@me", {
      headers: { authorization: second.token, [CLIENT_ADDRESS_HEADER]: user.ip },
    });
    expect(stillValid.status()).toBe(200);
  });

  test("register rejects bad input with the field named, and a taken email", async ({ request, user }) => {
    const headers = { [CLIENT_ADDRESS_HEADER]: randomIp() };
    await expectError(
      await request.post("/api/v1/auth/register", {
        data: { username: "ok", email: "nope", password: PASSWORD },
        headers,
      }),
      "INVALID_FORM_BODY",
      "email",
    );
    await expectError(
      await request.post("/api/v1/auth/register", {
        data: { username: "ok", email: `${randomName()}@e2e.test`, password: "short" },
        headers,
      }),
      "INVALID_FORM_BODY",
      "password",
    );
    await expectError(
      await request.post("/api/v1/auth/register", {
        data: { email: `${randomName()}@e2e.test`, password: PASSWORD },
        headers,
      }),
      "INVALID_FORM_BODY",
      "username",
    );
    await expectError(
      await request.post("/api/v1/auth/register", {
        data: { username: "again", email: user.email, password: PASSWORD },
        headers,
      }),
      "EMAIL_ALREADY_REGISTERED",
    );
    await expectError(
      await request.post("/api/v1/auth/register", {
        data: "{not json",
        headers: { ...headers, "content-type": "application/json" },
      }),
      "INVALID_FORM_BODY",
    );
  });

  test("wrong password and unknown email are the same 401", async ({ request, user }) => {
    const headers = { [CLIENT_ADDRESS_HEADER]: user.ip };
    await expectError(
      await request.post("/api/v1/auth/login", {
        data: { email: user.email, password: "wrong-password" },
        headers,
      }),
      "UNAUTHORIZED",
    );
    await expectError(
      await request.post("/api/v1/auth/login", {
        data: { email: `${randomName()}@e2e.test`, password: PASSWORD },
        headers,
      }),
      "UNAUTHORIZED",
    );
  });

  test("protected routes answer 401 without or with bad credentials", async ({ request }) => {
    await expectError(await request.get("/api/v1/users/@me"), "UNAUTHORIZED");
    await expectError(
      await request.get("/api/v1/users/@me", { headers: { authorization: "flx_not-a-real-token-at-all" } }),
      "UNAUTHORIZED",
    );
    await expectError(
      await request.get("/api/v1/users/@me/guilds", {
        headers: { authorization: "Bot flxb_nope-nope-nope-nope" },
      }),
      "UNAUTHORIZED",
    );
  });

  test("unknown API paths are a JSON 404", async ({ request }) => {
    const response = await request.get("/api/v1/does-not-exist");
    expect(response.headers()["content-type"]).toContain("application/json");
    await expectError(response, "NOT_FOUND");
  });
});
