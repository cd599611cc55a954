// A private bot (bot_public: false) can be added to a guild by its application's owner only. Before, anyone
// with MANAGE_GUILD in any guild (every guild owner) could add anyone's bot and have it sit in their guild.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { expectError, registerUser, type TestUser } from "../fixtures";
import {
  createRole,
  giveRole,
  joinGuild,
  memberCount,
  memberWith,
  ownerWithGuild,
  P,
} from "../support/members";

async function createApplication(request: APIRequestContext, owner: TestUser, data: Record<string, unknown>) {
  const response = await request.post("/api/v1/applications", { headers: owner.headers, data });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as {
    id: string;
    name: string;
    bot_public: boolean;
    bot: { id: string };
    token: string;
  };
}

test.describe("bot_public", () => {
  test("a private bot can't be added by another guild's manager; its owner can add it", async ({
    request,
  }) => {
    const developer = await registerUser(request);
    const app = await createApplication(request, developer, { name: "Private Helper", bot_public: false });
    expect(app.bot_public).toBe(false);

    // Mallory owns a guild (every permission there) and tries to add the bot she does not own.
    const mallory = await ownerWithGuild(request);
    await expectError(
      await request.put(`/api/v1/guilds/${mallory.guild.id}/members/${app.bot.id}`, {
        headers: mallory.owner.headers,
      }),
      "BOT_IS_PRIVATE",
    );
    // A manager (MANAGE_GUILD, not the owner) of the same guild fares no better.
    const manager = await memberWith(request, mallory.owner, mallory.guild.id, P.MANAGE_GUILD);
    await expectError(
      await request.put(`/api/v1/guilds/${mallory.guild.id}/members/${app.bot.id}`, {
        headers: manager.headers,
      }),
      "BOT_IS_PRIVATE",
    );
    expect(await memberCount(request, mallory.owner, mallory.guild.id)).toBe(2);
    await expectError(
      await request.get(`/api/v1/guilds/${mallory.guild.id}`, {
        headers: { authorization: `Bot ${app.token}` },
      }),
      "MISSING_ACCESS",
    );

    // The developer adds it to a guild they manage.
    const own = await ownerWithGuild(request);
    const asManager = await memberWith(request, own.owner, own.guild.id, P.MANAGE_GUILD);
    await joinGuild(request, own.guild.id, developer);
    await expectError(
      await request.put(`/api/v1/guilds/${own.guild.id}/members/${app.bot.id}`, {
        headers: asManager.headers,
      }),
      "BOT_IS_PRIVATE",
    );
    // Owning the application is not enough on its own: the guild must let the developer add members.
    await expectError(
      await request.put(`/api/v1/guilds/${own.guild.id}/members/${app.bot.id}`, {
        headers: developer.headers,
      }),
      "MISSING_PERMISSIONS",
    );
    const role = await createRole(request, own.owner, own.guild.id, P.MANAGE_GUILD, "devs");
    await giveRole(request, own.owner, own.guild.id, developer.id, role.id);
    const added = await request.put(`/api/v1/guilds/${own.guild.id}/members/${app.bot.id}`, {
      headers: developer.headers,
    });
    expect(added.status(), await added.text()).toBe(201);
    expect(await added.json()).toMatchObject({ user: { id: app.bot.id, bot: true } });
  });

  test("bots are public by default, as on Discord: any manager may add them", async ({ request }) => {
    const developer = await registerUser(request);
    const app = await createApplication(request, developer, { name: "Public Helper" });
    expect(app.bot_public).toBe(true);
    const explicit = await createApplication(request, developer, { name: "Also Public", bot_public: true });
    expect(explicit.bot_public).toBe(true);
    const other = await ownerWithGuild(request);
    const added = await request.put(`/api/v1/guilds/${other.guild.id}/members/${app.bot.id}`, {
      headers: other.owner.headers,
    });
    expect(added.status(), await added.text()).toBe(201);
  });

  test("bot_public must be a boolean", async ({ request }) => {
    const developer = await registerUser(request);
    for (const value of ["false", 0, null, "no"]) {
      await expectError(
        await request.post("/api/v1/applications", {
          headers: developer.headers,
          data: { name: "Odd Bot", bot_public: value },
        }),
        "INVALID_FORM_BODY",
        "bot_public",
      );
    }
  });
});
