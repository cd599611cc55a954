// After joining with an invite the guild opens on the invite's channel and says, once, that you joined.
import {
  CLIENT_ADDRESS_HEADER,
  createGuild,
  expect,
  randomIp,
  randomName,
  registerUser,
  test,
  type TestUser,
} from "../fixtures";
import { createChannel } from "./guild-settings-helpers";
import type { Page } from "@playwright/test";

async function logInThenOpen(page: Page, user: TestUser, path: string) {
  await page.context().setExtraHTTPHeaders({ [CLIENT_ADDRESS_HEADER]: randomIp() });
  await page.goto(`/login?next=${encodeURIComponent(path)}`);
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL((url) => url.pathname === path);
}

test("Accept Invite opens the guild on the invite's channel and says you joined, once", async ({
  page,
  request,
}) => {
  const owner = await registerUser(request);
  const guild = await createGuild(request, owner, randomName("Harbor "));
  const lobbyId = await createChannel(request, owner, guild.id, "lobby");
  const created = await request.post(`/api/v1/channels/${lobbyId}/invites`, {
    headers: owner.headers,
    data: { max_age: 3600 },
  });
  const { code } = await created.json();
  const visitor = await registerUser(request);

  await logInThenOpen(page, visitor, `/invite/${code}`);
  await page.getByRole("button", { name: "Accept Invite" }).click();
  await page.waitForURL((url) => url.pathname === `/guilds/${guild.id}`);
  const joined = page.getByRole("status").filter({ hasText: `You joined ${guild.name}` });
  await expect(joined).toBeVisible();
  const channels = page.getByRole("navigation", { name: "Channels" });
  await expect(channels.getByRole("link", { name: "#lobby" })).toHaveAttribute("aria-current", "page");
  await expect(channels.getByRole("link", { name: "#general" })).not.toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 2, name: "lobby" })).toBeVisible();

  // Once: a reload (or coming back later) keeps the channel but not the greeting.
  await page.reload();
  await expect(channels.getByRole("link", { name: "#lobby" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 2, name: "lobby" })).toBeVisible();
  await expect(page.getByText(`You joined ${guild.name}`)).toHaveCount(0);

  // Another channel is a click away.
  await channels.getByRole("link", { name: "#general" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "general" })).toBeVisible();
  await expect(channels.getByRole("link", { name: "#general" })).toHaveAttribute("aria-current", "page");
});

test("a crafted link never greets someone who did not just join with an invite, but still opens the channel it names", async ({
  page,
  request,
  owner,
  guild,
}) => {
  const lobbyId = await createChannel(request, owner, guild.id, "lobby");
  await logInThenOpen(page, owner, `/guilds/${guild.id}`);
  await page.goto(`/guilds/${guild.id}?channel=${lobbyId}&joined=1`);
  await expect(page.getByRole("heading", { level: 2, name: "lobby" })).toBeVisible();
  await expect(page.getByText(`You joined ${guild.name}`)).toHaveCount(0);
});
