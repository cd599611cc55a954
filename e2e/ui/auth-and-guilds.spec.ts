// Browser flows of the signed-in app: register, log in and out, create a guild, the `?next=` return path,
// errors in words, and the 404 a non-member gets. Screenshots at phone and desktop widths go to
// test-results/screenshots/ (docs/screenshots/ holds the demo world's, see capture-demo-screenshots.mjs).
import { mkdirSync } from "node:fs";
import {
  CLIENT_ADDRESS_HEADER,
  createGuild,
  expect,
  PASSWORD,
  randomIp,
  randomName,
  registerUser,
  test,
} from "../fixtures";
import type { Page } from "@playwright/test";

const SHOTS = "test-results/screenshots";

test.beforeEach(async ({ context }) => {
  // Own client address per test: the login form is rate limited per address (server trusts XFF in tests).
  await context.setExtraHTTPHeaders({ [CLIENT_ADDRESS_HEADER]: randomIp() });
});

async function logIn(page: Page, email: string, password = PASSWORD) {
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
}

/** Screenshots at 390 and 1280 px; at each width the page must not scroll sideways. */
async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: width === 390 });
  }
}

test("register, create a guild, log out and back in", async ({ page }) => {
  const username = randomName("ui");
  const email = `${username}@e2e.test`;
  const guildName = `Guild ${randomName("g")}`;

  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await shoot(page, "login");
  await page.getByRole("link", { name: "Create an account" }).click();
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();

  await expect(page).toHaveURL(/\/guilds$/);
  await expect(page.getByTestId("current-user")).toContainText(username);
  await expect(page.getByText("No guilds yet")).toBeVisible();
  await shoot(page, "guilds-empty");

  await page.getByLabel("Guild name").fill(guildName);
  await page.getByRole("button", { name: "Create guild" }).click();
  await expect(page).toHaveURL(/\/guilds\/\d+$/);
  await expect(page.getByRole("heading", { level: 1, name: guildName })).toBeVisible();
  await expect(page.getByTestId("channel-list")).toContainText("general");
  await expect(page.getByLabel("#general")).toBeVisible();
  await expect(page.getByTestId("member-list")).toContainText(username);
  // The owner can manage the guild, so the settings link is offered.
  await expect(page.getByRole("link", { name: "Settings" })).toHaveAttribute("href", /\/settings\/invites$/);
  await shoot(page, "guild");

  await page.getByRole("link", { name: "My guilds", exact: true }).click();
  await expect(page.getByRole("link", { name: new RegExp(guildName) })).toBeVisible();
  await expect(page.getByText("Owner", { exact: true })).toBeVisible();
  await shoot(page, "guilds");

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/guilds");
  await expect(page).toHaveURL(/\/login\?next=%2Fguilds$/);

  await logIn(page, email);
  await expect(page).toHaveURL(/\/guilds$/);
  await page.getByRole("link", { name: new RegExp(guildName) }).click();
  await expect(page.getByRole("heading", { level: 1, name: guildName })).toBeVisible();
});

test("?next= brings the user back to the page they asked for; links keep it", async ({ page, request }) => {
  const owner = await registerUser(request);
  const guild = await createGuild(request, owner, `Next ${randomName("g")}`);

  await page.goto(`/guilds/${guild.id}`);
  await expect(page).toHaveURL(new RegExp(`/login\\?next=%2Fguilds%2F${guild.id}$`));
  await expect(page.getByRole("link", { name: "Create an account" })).toHaveAttribute(
    "href",
    `/register?next=%2Fguilds%2F${guild.id}`,
  );
  await logIn(page, owner.email);
  await expect(page).toHaveURL(new RegExp(`/guilds/${guild.id}$`));
  await expect(page.getByRole("heading", { level: 1, name: guild.name })).toBeVisible();

  // Already signed in: the login page forwards straight to `next`.
  await page.goto(`/login?next=${encodeURIComponent("/guilds")}`);
  await expect(page).toHaveURL(/\/guilds$/);

  // Registering keeps `next` too.
  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto(`/register?next=${encodeURIComponent("/guilds?from=invite")}`);
  await expect(page.getByRole("link", { name: "Log in" })).toHaveAttribute(
    "href",
    "/login?next=%2Fguilds%3Ffrom%3Dinvite",
  );
  const username = randomName("nx");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Email", { exact: true }).fill(`${username}@e2e.test`);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/guilds\?from=invite$/);
});

test("an external or protocol-relative next is ignored", async ({ page, baseURL, user }) => {
  for (const next of ["https://evil.example/steal", "//evil.example/steal", "/\\evil.example"]) {
    await page.goto(`/login?next=${encodeURIComponent(next)}`);
    await expect(page.getByRole("link", { name: "Create an account" })).toHaveAttribute("href", "/register");
    await logIn(page, user.email);
    await expect(page).toHaveURL(`${baseURL}/guilds`);
    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page).toHaveURL(/\/login$/);
  }
});

test("wrong password and invalid fields are explained in words", async ({ page, user }) => {
  await page.goto("/login");
  await logIn(page, user.email, "not-the-password");
  await expect(page.locator("form [role=alert]")).toHaveText(/Wrong email or password/);
  await expect(page).toHaveURL(/\/login$/);
  // The email stays filled in for the next try.
  await expect(page.getByLabel("Email", { exact: true })).toHaveValue(user.email);
  await shoot(page, "login-error");

  await page.getByLabel("Password", { exact: true }).fill("");
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.locator("#field-password-error")).toHaveText("Enter your password");

  await page.goto("/register");
  await page.getByLabel("Username").fill("x");
  await page.getByLabel("Email", { exact: true }).fill("not-an-email");
  await page.getByLabel("Password", { exact: true }).fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#field-username-error")).toContainText("2 to 32 characters");
  await expect(page.locator("#field-email-error")).toHaveText("Enter a valid email address");
  await expect(page.locator("#field-password-error")).toHaveText("Password must be at least 8 characters");
  await shoot(page, "register-errors");

  await page.getByLabel("Username").fill(randomName("dup"));
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#field-email-error")).toContainText("already exists");
});

test("a guild the viewer is not in is a 404 page without its data", async ({ page, request }) => {
  const owner = await registerUser(request);
  const guild = await createGuild(request, owner, `Private ${randomName("g")}`);
  const stranger = await registerUser(request);
  await page.goto("/login");
  await logIn(page, stranger.email);
  await expect(page).toHaveURL(/\/guilds$/);
  const response = await page.goto(`/guilds/${guild.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Guild not found" })).toBeVisible();
  await expect(page.locator("body")).not.toContainText(guild.name);
  expect((await page.goto("/guilds/123456789012345678"))?.status()).toBe(404);
  expect((await page.goto("/guilds/not-a-snowflake"))?.status()).toBe(404);
});

test("signed out, GET /guilds and a guild page redirect to /login with next", async ({ request }) => {
  const list = await request.get("/guilds", { maxRedirects: 0 });
  expect([303, 307]).toContain(list.status());
  expect(list.headers().location).toBe("/login?next=%2Fguilds");
  const guild = await request.get("/guilds/1234", { maxRedirects: 0 });
  expect(guild.headers().location).toBe("/login?next=%2Fguilds%2F1234");
  const home = await request.get("/", { maxRedirects: 0 });
  expect(home.headers().location).toBe("/login");
});
