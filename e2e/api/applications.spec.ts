import { expect, expectError, registerUser, test } from "../fixtures";
import { memberCount, memberWith, P } from "../support/members";

test.describe("applications and bots API", () => {
  test("creating an application makes a bot user and a bot token shown once", async ({ request }) => {
    const owner = await registerUser(request);
    const response = await request.post("/api/v1/applications", {
      headers: owner.headers,
      data: { name: "Helper Bot" },
    });
    expect(response.status(), await response.text()).toBe(201);
    const app = await response.json();
    expect(app).toMatchObject({ name: "Helper Bot", bot: { username: "Helper_Bot", bot: true } });
    expect(app.id).toMatch(/^\d+$/);
    expect(app.bot.id).toMatch(/^\d+$/);
    expect(typeof app.bot.discriminator).toBe("number");
    expect(app.token).toMatch(/^flxb_[A-Za-z0-9_-]{40,}$/);

    const me = await request.get("/api/v1/users/@me", { headers: { authorization: `Bot ${app.token}` } });
    expect(me.status()).toBe(200);
    expect(await me.json()).toMatchObject({ id: app.bot.id, bot: true, email: null });
    // A bot token is not a user token.
    await expectError(
      await request.get("/api/v1/users/@me", { headers: { authorization: app.token } }),
      "UNAUTHORIZED",
    );
    await expectError(
      await request.get("/api/v1/users/@me", { headers: { authorization: `Bearer ${app.token}` } }),
      "UNAUTHORIZED",
    );
  });

  test("a bot token works on guild routes once a manager adds the bot", async ({ request, owner, guild }) => {
    const app = await (
      await request.post("/api/v1/applications", { headers: owner.headers, data: { name: "guildbot" } })
    ).json();
    const bot = { authorization: `Bot ${app.token}` };
    await expectError(await request.get(`/api/v1/guilds/${guild.id}`, { headers: bot }), "MISSING_ACCESS");

    const plain = await memberWith(request, owner, guild.id);
    const stranger = await registerUser(request);
    const url = `/api/v1/guilds/${guild.id}/members/${app.bot.id}`;
    await expectError(await request.put(url, { headers: plain.headers }), "MISSING_PERMISSIONS");
    await expectError(await request.put(url, { headers: stranger.headers }), "MISSING_ACCESS");

    const manager = await memberWith(request, owner, guild.id, P.MANAGE_GUILD);
    const added = await request.put(url, {
      headers: { ...manager.headers, "x-audit-log-reason": "moderation bot" },
    });
    expect(added.status(), await added.text()).toBe(201);
    expect(await added.json()).toMatchObject({ user: { id: app.bot.id, bot: true }, roles: [] });
    expect((await request.put(url, { headers: owner.headers })).status()).toBe(204);
    expect(await memberCount(request, owner, guild.id)).toBe(4);

    const asBot = await request.get(`/api/v1/guilds/${guild.id}`, { headers: bot });
    expect(asBot.status()).toBe(200);
    expect((await asBot.json()).id).toBe(guild.id);
    const channels = await (
      await request.get(`/api/v1/guilds/${guild.id}/channels`, { headers: bot })
    ).json();
    expect(channels.map((c: { name: string }) => c.name)).toEqual(["general"]);
    // Without permissions the bot is an ordinary member.
    await expectError(
      await request.post(`/api/v1/guilds/${guild.id}/channels`, { headers: bot, data: { name: "botland" } }),
      "MISSING_PERMISSIONS",
    );

    const log = await (
      await request.get(`/api/v1/guilds/${guild.id}/audit-logs?action_type=28`, { headers: owner.headers })
    ).json();
    expect(log.audit_log_entries).toEqual([
      expect.objectContaining({
        action_type: 28,
        user_id: manager.id,
        target_id: app.bot.id,
        reason: "moderation bot",
      }),
    ]);
  });

  test("refuses anonymous callers, bots and bad names", async ({ request }) => {
    const owner = await registerUser(request);
    await expectError(
      await request.post("/api/v1/applications", { data: { name: "x-bot" } }),
      "UNAUTHORIZED",
    );
    await expectError(
      await request.post("/api/v1/applications", { headers: owner.headers, data: {} }),
      "INVALID_FORM_BODY",
      "name",
    );
    await expectError(
      await request.post("/api/v1/applications", { headers: owner.headers, data: { name: "x" } }),
      "INVALID_FORM_BODY",
      "name",
    );
    await expectError(
      await request.post("/api/v1/applications", { headers: owner.headers, data: { name: "y".repeat(33) } }),
      "INVALID_FORM_BODY",
      "name",
    );
    const app = await (
      await request.post("/api/v1/applications", { headers: owner.headers, data: { name: "!!" } })
    ).json();
    expect(app.bot.username).toMatch(/^[A-Za-z0-9_.-]{2,32}$/);
    await expectError(
      await request.post("/api/v1/applications", {
        headers: { authorization: `Bot ${app.token}` },
        data: { name: "child" },
      }),
      "ACCESS_DENIED",
    );
  });
});
