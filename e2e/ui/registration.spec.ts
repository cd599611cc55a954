// The register and login pages in each REGISTRATION mode, in Chromium. Invite-only and closed each run on a
// private instance (the mode is the whole instance's), open on the suite's own server. Invite-only: the form
// asks for the code, fills it in when the visitor comes from an invite's page, says by the field what is wrong
// with it, and opens the guild once the account is made. Closed: no form, and no link to one.
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import {
  expect,
  request as playwrightRequest,
  test,
  type APIRequestContext,
  type Browser,
  type Page,
} from "@playwright/test";
import { ACCEPT_MESSAGES, REGISTER_MESSAGES } from "../../lib/messages";
import { createGuild, PASSWORD, randomName, registerUser, type TestUser } from "../fixtures";
import { expectAccessible } from "./guild-settings-helpers";
import { startInstance, type Instance } from "../security/support/instance";
import { createInvite } from "../support/invites";

const SHOTS = process.env.SCREENSHOT_DIR ?? "test-results/screenshots";

async function shoot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
}

async function expectAccessibleBothSchemes(page: Page, what: string) {
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await expectAccessible(page, `${what} (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: "light" });
}

async function fillAccount(page: Page, username: string) {
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Email", { exact: true }).fill(`${username}@e2e.test`);
  await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
}

async function guildIdsOf(api: APIRequestContext, email: string): Promise<string[]> {
  const login = await api.post("/api/v1/auth/login", { data: { email, password: PASSWORD } });
  expect(login.status(), await login.text()).toBe(200);
  const { token } = (await login.json()) as { token: string };
  const guilds = await api.get("/api/v1/users/@me/guilds", { headers: { authorization: token } });
  return ((await guilds.json()) as { id: string }[]).map((g) => g.id);
}

/** A private instance in `mode`, its admin (registered without a code, as admins may) and an API client. */
async function privateInstance(mode: "invite" | "closed") {
  const adminEmail = `ui-reg-admin-${randomBytes(4).toString("hex")}@e2e.test`;
  const instance = await startInstance({
    REGISTRATION: mode,
    ADMIN_EMAILS: adminEmail,
    RATE_LIMIT_SCALE: "100",
  });
  const api = await playwrightRequest.newContext({ baseURL: instance.baseURL });
  const admin = await registerUser(api, { email: adminEmail, username: randomName("boss") });
  return { instance, api, admin };
}

/** A page in a context of its own on the instance (axe needs the page's context to be one it can open). */
async function pageOn(browser: Browser, instance: Instance): Promise<Page> {
  const context = await browser.newContext({ baseURL: instance.baseURL });
  return context.newPage();
}

test.describe("register page, invite-only instance", () => {
  test.describe.configure({ mode: "serial" });
  let instance: Instance;
  let api: APIRequestContext;
  let admin: TestUser;
  let guild: Awaited<ReturnType<typeof createGuild>>;

  test.beforeAll(async () => {
    ({ instance, api, admin } = await privateInstance("invite"));
    guild = await createGuild(api, admin, `Night Owls ${randomName("")}`);
  });
  test.afterAll(async () => {
    await api?.dispose();
    await instance?.stop();
  });

  test("from an invite's page: Create an account fills in the code, and registering opens the guild", async ({
    browser,
  }) => {
    const invite = (await createInvite(api, admin, guild.general_channel_id!, { max_age: 0 })) as {
      code: string;
    };
    const page = await pageOn(browser, instance);
    await page.goto(`/invite/${invite.code}`);
    await page.getByRole("button", { name: "Create an account" }).click();
    await page.waitForURL((url) => url.pathname === "/register");
    expect(new URL(page.url()).searchParams.get("invite")).toBe(invite.code);
    await expect(page.getByRole("region", { name: "Your invite" })).toContainText(guild.name);
    await expect(page.getByLabel("Invite code")).toHaveValue(invite.code);
    await shoot(page, "register-invite-only-prefilled");
    await expectAccessibleBothSchemes(page, "the invite-only register page, filled in from an invite");

    const username = randomName("owl");
    await fillAccount(page, username);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL((url) => url.pathname === `/guilds/${guild.id}`);
    await expect(page.getByRole("status").filter({ hasText: `You joined ${guild.name}` })).toBeVisible();
    await expect(page.getByTestId("member-list")).toContainText(username);
    await shoot(page, "register-invite-only-joined");
    expect(await guildIdsOf(api, `${username}@e2e.test`)).toEqual([guild.id]);
    await page.context().close();
  });

  test("straight to /register: the code is required, a dead one is named by its field, a pasted link works", async ({
    browser,
  }) => {
    const page = await pageOn(browser, instance);
    await page.goto("/register");
    await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
    await expect(page.getByText(REGISTER_MESSAGES.inviteOnly)).toBeVisible();
    const codeField = page.getByLabel("Invite code");
    await expect(codeField).toHaveValue("");
    await expect(codeField).toHaveAttribute("required", "");

    const username = randomName("lark");
    await fillAccount(page, username);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("An invite code is required to register here")).toBeVisible();
    await expect(codeField).toHaveAttribute("aria-invalid", "true");
    // What was typed stays (not the password).
    await expect(page.getByLabel("Username")).toHaveValue(username);

    await codeField.fill(`zz${randomBytes(4).toString("hex")}`);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText(ACCEPT_MESSAGES.UNKNOWN_INVITE!.text)).toBeVisible();
    await shoot(page, "register-invite-only-unknown-code");
    await expectAccessibleBothSchemes(page, "the invite-only register page with a refused code");

    // The whole link, as a person pastes it from a chat.
    const invite = (await createInvite(api, admin, guild.general_channel_id!, { max_uses: 1 })) as {
      code: string;
    };
    await codeField.fill(`${instance.baseURL}/invite/${invite.code}`);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL((url) => url.pathname === `/guilds/${guild.id}`);
    await expect(page.getByRole("status").filter({ hasText: `You joined ${guild.name}` })).toBeVisible();
    expect(await guildIdsOf(api, `${username}@e2e.test`)).toEqual([guild.id]);
    await page.context().close();
  });

  test("the login page still offers to create an account", async ({ browser }) => {
    const page = await pageOn(browser, instance);
    await page.goto("/login");
    await expect(page.getByRole("link", { name: "Create an account" })).toHaveAttribute("href", "/register");
    await page.context().close();
  });
});

test.describe("register page, closed instance", () => {
  let instance: Instance;
  let api: APIRequestContext;
  let admin: TestUser;

  test.beforeAll(async () => {
    ({ instance, api, admin } = await privateInstance("closed"));
  });
  test.afterAll(async () => {
    await api?.dispose();
    await instance?.stop();
  });

  test("says registration is closed with no form; the login and invite pages have no way to it; logging in works", async ({
    browser,
  }) => {
    const page = await pageOn(browser, instance);
    // An invite's page offers to log in to accept it, and no account to create.
    const guild = await createGuild(api, admin, `Closed Circle ${randomName("")}`);
    const invite = (await createInvite(api, admin, guild.general_channel_id!, { max_age: 0 })) as {
      code: string;
    };
    await page.goto(`/invite/${invite.code}`);
    await expect(page.getByRole("button", { name: "Log in to accept" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Create an account" })).toHaveCount(0);
    await shoot(page, "landing-closed");

    await page.goto("/register");
    await expect(page.getByRole("heading", { name: REGISTER_MESSAGES.closedTitle })).toBeVisible();
    await expect(page.getByText(REGISTER_MESSAGES.closed)).toBeVisible();
    await expect(page.getByRole("textbox")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Create account" })).toHaveCount(0);
    await shoot(page, "register-closed");
    await expectAccessibleBothSchemes(page, "the closed register page");

    await page.getByRole("link", { name: "Log in" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    await expect(page.getByRole("link", { name: "Create an account" })).toHaveCount(0);
    await expect(page.getByText("New here?")).toHaveCount(0);
    await shoot(page, "login-closed");
    await expectAccessibleBothSchemes(page, "the login page of a closed instance");
    await page.getByLabel("Email", { exact: true }).fill(admin.email);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL((url) => url.pathname === "/guilds");
    await page.context().close();
  });
});

test.describe("register page, open instance (the default)", () => {
  test("asks for no invite code", async ({ page }) => {
    await page.goto("/register");
    await expect(page.getByRole("heading", { name: "Create your account" })).toBeVisible();
    await expect(page.getByLabel("Username")).toBeVisible();
    await expect(page.getByLabel("Invite code")).toHaveCount(0);
  });
});
