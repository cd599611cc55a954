// Signing in to accept an invite, in Chromium: from the landing page's "Create an account" or "Log in to
// accept", the register and login pages show a small card of the invite (guild, inviter, counts) and keep it
// when the visitor switches between them; signing in brings them back to the invite, which joins them. A
// return path that isn't a live invite on this site shows the pages' usual text and no card.
import { mkdirSync } from "node:fs";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import {
  CLIENT_ADDRESS_HEADER,
  PASSWORD,
  randomIp,
  randomName,
  registerUser,
  type TestUser,
} from "../fixtures";
import { expectAccessible } from "./guild-settings-helpers";
import { acceptInvite, createInvite, deleteInvite } from "../support/invites";

const SHOTS = process.env.SCREENSHOT_DIR ?? "test-results/screenshots";

test.beforeEach(async ({ context }) => {
  // Own client address per test: sign-ins, registrations and unknown codes are limited per address.
  await context.setExtraHTTPHeaders({ [CLIENT_ADDRESS_HEADER]: randomIp() });
});

/** A guild with a second member (so the counts say something), its inviter, and a 7-day invite. */
async function guildWithInvite(request: APIRequestContext) {
  const inviter = await registerUser(request, { username: randomName("ann") });
  const name = `Night Owls ${randomName("")}`;
  const created = await request.post("/api/v1/guilds", { data: { name }, headers: inviter.headers });
  expect(created.status(), await created.text()).toBe(201);
  const guild = (await created.json()) as { id: string; name: string };
  const channels = (await (
    await request.get(`/api/v1/guilds/${guild.id}/channels`, { headers: inviter.headers })
  ).json()) as { id: string; name: string }[];
  const channelId = channels.find((channel) => channel.name === "general")!.id;
  const invite = (await createInvite(request, inviter, channelId, { max_age: 604800 })) as { code: string };
  const friend = await createInvite(request, inviter, channelId, { max_uses: 1 });
  expect((await acceptInvite(request, await registerUser(request), friend.code)).status()).toBe(200);
  return { inviter, guild, channelId, invite };
}

async function isMember(request: APIRequestContext, user: TestUser, guildId: string): Promise<boolean> {
  const response = await request.get("/api/v1/users/@me/guilds", { headers: user.headers });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { id: string }[]).some((guild) => guild.id === guildId);
}

/** The card names the guild and the inviter, with the counts as the landing page shows them. */
async function expectInviteCard(page: Page, guildName: string, inviterName: string) {
  const card = page.getByRole("region", { name: "Your invite" });
  await expect(card).toBeVisible();
  await expect(card.getByTestId("return-invite-name")).toHaveText(guildName);
  await expect(card.getByTestId("return-invite-inviter")).toHaveText(`${inviterName} invited you to join`);
  await expect(card.getByTestId("return-invite-counts")).toHaveText(/^\s*0 Online\s*2 Members\s*$/);
}

/** Every URL the page's main frame loads from now on, to check the way a flow took. */
function recordVisits(page: Page): string[] {
  const visits: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) visits.push(frame.url());
  });
  return visits;
}

async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
}

test("Create an account: the register page shows the invite, keeps it through Log in and back, and registering joins", async ({
  page,
  request,
}) => {
  const { inviter, guild, invite } = await guildWithInvite(request);
  await page.goto(`/invite/${invite.code}`);
  await page.getByRole("button", { name: "Create an account" }).click();
  await page.waitForURL((url) => url.pathname === "/register");
  await expectInviteCard(page, guild.name, inviter.username);
  await expect(page.getByText("Create an account to accept your invite.")).toBeVisible();
  await expect(page.getByText("Start a guild, invite your friends, join theirs.")).toHaveCount(0);
  await shoot(page, "register-invite");
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page, `the register page with an invite (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: "light" });

  // Switching to the login page and back keeps the invite.
  await page.getByRole("link", { name: "Log in" }).click();
  await page.waitForURL((url) => url.pathname === "/login");
  await expectInviteCard(page, guild.name, inviter.username);
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.waitForURL((url) => url.pathname === "/register");
  await expectInviteCard(page, guild.name, inviter.username);

  const username = randomName("new");
  const visits = recordVisits(page);
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Email", { exact: true }).fill(`${username}@e2e.test`);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();

  // Back on the invite, which accepts for the visitor who asked to join, then the guild says they joined.
  await page.waitForURL((url) => url.pathname === `/guilds/${guild.id}`);
  expect(
    visits
      .map((url) => new URL(url))
      .some((url) => url.pathname === `/invite/${invite.code}` && url.searchParams.get("accept") === "1"),
    visits.join("\n"),
  ).toBe(true);
  await expect(page.getByRole("status").filter({ hasText: `You joined ${guild.name}` })).toBeVisible();
  await expect(page.getByTestId("member-list")).toContainText(username);
});

test("Log in to accept: the login page shows the invite, and logging in joins", async ({ page, request }) => {
  const { inviter, guild, invite } = await guildWithInvite(request);
  const visitor = await registerUser(request, { username: randomName("bo") });
  await page.goto(`/${invite.code}`);
  await page.getByRole("button", { name: "Log in to accept" }).click();
  await page.waitForURL((url) => url.pathname === "/login");
  await expectInviteCard(page, guild.name, inviter.username);
  await expect(page.getByText("Log in to accept your invite.")).toBeVisible();
  await shoot(page, "login-invite");
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page, `the login page with an invite (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: "light" });

  // A wrong password keeps the card (the page answers the form in place).
  await page.getByLabel("Email", { exact: true }).fill(visitor.email);
  await page.getByLabel("Password", { exact: true }).fill("not-the-password");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.locator("form [role=alert]")).toHaveText(/Wrong email or password/);
  await expectInviteCard(page, guild.name, inviter.username);
  expect(await isMember(request, visitor, guild.id)).toBe(false);

  const visits = recordVisits(page);
  await page.getByLabel("Password", { exact: true }).fill(visitor.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL((url) => url.pathname === `/guilds/${guild.id}`);
  expect(
    visits.map((url) => new URL(url)).some((url) => url.pathname === `/invite/${invite.code}`),
    visits.join("\n"),
  ).toBe(true);
  await expect(page.getByRole("status").filter({ hasText: `You joined ${guild.name}` })).toBeVisible();
  expect(await isMember(request, visitor, guild.id)).toBe(true);
});

test("an unknown, revoked, expired or off-site invite in the return path shows the usual text and no card", async ({
  page,
  request,
}) => {
  const { inviter, guild, channelId, invite } = await guildWithInvite(request);
  // The same page with the live invite shows it: what the paths below must not do.
  await page.goto(`/login?next=${encodeURIComponent(`/invite/${invite.code}`)}`);
  await expectInviteCard(page, guild.name, inviter.username);

  const revoked = (await createInvite(request, inviter, channelId, {})) as { code: string };
  expect((await deleteInvite(request, inviter, revoked.code)).status()).toBe(200);
  const expiring = (await createInvite(request, inviter, channelId, { max_age: 1 })) as { code: string };
  // Real time must pass for the 1 s max_age to run out.
  await page.waitForTimeout(1200);

  const nexts = [
    "/invite/NoSuchCode1?accept=1",
    `/invite/${revoked.code}?accept=1`,
    `/${expiring.code}`,
    `https://evil.example/invite/${invite.code}?accept=1`,
    `//evil.example/invite/${invite.code}`,
    `/guilds/${invite.code}`,
  ];
  for (const next of nexts) {
    const register = await page.goto(`/register?next=${encodeURIComponent(next)}`);
    expect(register?.status(), next).toBe(200);
    await expect(page.getByText("Start a guild, invite your friends, join theirs."), next).toBeVisible();
    await expect(page.getByRole("region", { name: "Your invite" }), next).toHaveCount(0);
    const login = await page.goto(`/login?next=${encodeURIComponent(next)}`);
    expect(login?.status(), next).toBe(200);
    await expect(page.getByRole("heading", { name: "Welcome back" }), next).toBeVisible();
    await expect(page.getByText("Log in to accept your invite."), next).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Your invite" }), next).toHaveCount(0);
  }
  await expectAccessible(page, "the login page without an invite");
});
