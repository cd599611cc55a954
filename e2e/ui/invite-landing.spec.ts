// The invite landing page in Chromium, one test per viewer state, plus the sign-in round trip. Each test
// makes its own users, guild and invite through the API; the browser gets its own client IP.
import { mkdirSync } from "node:fs";
import path from "node:path";
import {
  CLIENT_ADDRESS_HEADER,
  expect,
  PASSWORD,
  randomIp,
  randomName,
  registerUser,
  test,
  type TestUser,
} from "../fixtures";
import { acceptInvite, createInvite } from "../support/invites";
import type { APIRequestContext, Page } from "@playwright/test";

// Screenshots of every state: into docs/screenshots with LANDING_SCREENSHOTS=1, else next to the test results.
const SHOTS = process.env.LANDING_SCREENSHOTS ? "docs/screenshots" : "test-results/screenshots";

async function snap(page: Page, state: string) {
  mkdirSync(SHOTS, { recursive: true });
  const original = page.viewportSize();
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 800 });
    await page.screenshot({
      path: path.join(SHOTS, `landing-${state}-${width}.png`),
      fullPage: true,
      animations: "disabled",
    });
  }
  if (original) await page.setViewportSize(original);
}

/** Signs the browser in through next-auth's credentials endpoint (what the login form posts). */
async function signIn(page: Page, user: TestUser) {
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password: user.password },
    maxRedirects: 0,
  });
  expect(response.status(), await response.text()).toBe(302);
  const cookies = await page.context().cookies();
  expect(cookies.some((cookie) => cookie.name.endsWith("authjs.session-token"))).toBe(true);
}

async function isMember(
  request: APIRequestContext,
  user: { headers: Record<string, string> },
  guildId: string,
): Promise<boolean> {
  const response = await request.get("/api/v1/users/@me/guilds", { headers: user.headers });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { id: string }[]).some((guild) => guild.id === guildId);
}

/** A guild named for the screenshots, its owner "alice", and a 7-day invite to #general. */
async function guildWithInvite(
  request: APIRequestContext,
  name = "Night Owls Book Club",
  body: Record<string, unknown> = { max_age: 604800 },
) {
  const owner = await registerUser(request, { username: "alice" });
  const created = await request.post("/api/v1/guilds", { data: { name }, headers: owner.headers });
  expect(created.status(), await created.text()).toBe(201);
  const guild = await created.json();
  const channels = await (
    await request.get(`/api/v1/guilds/${guild.id}/channels`, { headers: owner.headers })
  ).json();
  const channelId = (channels as { id: string; name: string }[]).find((c) => c.name === "general")!.id;
  const invite = await createInvite(request, owner, channelId, body);
  return {
    owner,
    guild: guild as { id: string; name: string },
    channelId,
    invite: invite as { code: string },
  };
}

test.beforeEach(async ({ context }) => {
  // Per-IP limits (unknown codes, global) of one test never touch another.
  await context.setExtraHTTPHeaders({ [CLIENT_ADDRESS_HEADER]: randomIp() });
});

test.describe("invite landing page", () => {
  test("anonymous: preview with inviter, channel, counts and expiry; Log in to accept leads to the login page", async ({
    page,
    request,
  }) => {
    const { guild, invite } = await guildWithInvite(request);
    const response = await page.goto(`/invite/${invite.code}`);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(`${guild.name} · Fluxer`);
    await expect(page.getByRole("heading", { level: 1, name: guild.name })).toBeVisible();
    await expect(page.getByTestId("invite-inviter")).toHaveText("alice invited you to join");
    await expect(page.getByTestId("invite-online")).toHaveText("0 Online");
    await expect(page.getByTestId("invite-members")).toHaveText("1 Member");
    await expect(page.getByTestId("invite-channel")).toHaveText("Opens in #general");
    await expect(page.getByTestId("invite-expiry")).toHaveText("Expires in 7 days");
    await expect(page.getByTestId("invite-temporary")).toHaveCount(0);
    await expect(page.getByTestId("invite-verified")).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Accept Invite" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "Create an account" })).toBeVisible();
    await snap(page, "anonymous");
    await page.emulateMedia({ colorScheme: "dark" });
    await snap(page, "anonymous-dark");

    await page.getByRole("button", { name: "Log in to accept" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    expect(new URL(page.url()).searchParams.get("next")).toBe(`/invite/${invite.code}?accept=1`);
  });

  test("the short link /{code} is the same page", async ({ page, request }) => {
    const { guild, invite } = await guildWithInvite(request, "Short Link Society");
    const response = await page.goto(`/${invite.code}`);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1, name: guild.name })).toBeVisible();
    await expect(page.getByRole("button", { name: "Log in to accept" })).toBeVisible();
  });

  test("signed in, not a member: Accept Invite joins and opens the guild", async ({ page, request }) => {
    const { guild, invite } = await guildWithInvite(request);
    const user = await registerUser(request, { username: "bob" });
    await signIn(page, user);
    await page.goto(`/invite/${invite.code}`);
    const accept = page.getByRole("button", { name: "Accept Invite" });
    await expect(accept).toBeVisible();
    await expect(page.getByText(`Signed in as ${user.username}`)).toBeVisible();
    await expect(page.getByRole("button", { name: "Log in to accept" })).toHaveCount(0);
    expect(await isMember(request, user, guild.id)).toBe(false);
    await snap(page, "signed-in");

    await accept.click();
    await page.waitForURL((url) => url.pathname === `/guilds/${guild.id}`);
    await expect(page.getByRole("heading", { name: guild.name })).toBeVisible();
    expect(await isMember(request, user, guild.id)).toBe(true);
  });

  test("already a member: Go to guild, no accept", async ({ page, request }) => {
    const { owner, guild, channelId, invite } = await guildWithInvite(request);
    const user = await registerUser(request, { username: "carol" });
    const other = await createInvite(request, owner, channelId, { max_uses: 1 });
    expect((await acceptInvite(request, user, other.code)).status()).toBe(200);
    await signIn(page, user);
    await page.goto(`/invite/${invite.code}`);
    const go = page.getByRole("link", { name: "Go to guild" });
    await expect(go).toHaveAttribute("href", `/guilds/${guild.id}`);
    await expect(page.getByText(`You're already a member of ${guild.name}.`)).toBeVisible();
    await expect(page.getByRole("button", { name: "Accept Invite" })).toHaveCount(0);
    await expect(page.getByTestId("invite-members")).toHaveText("2 Members");
    await snap(page, "member");
  });

  test("invites paused: a disabled Invites paused button, for visitors and signed-in users", async ({
    page,
    request,
  }) => {
    const { owner, guild, invite } = await guildWithInvite(request, "Quiet Library");
    const paused = await request.patch(`/api/v1/guilds/${guild.id}`, {
      data: { features: ["INVITES_DISABLED"] },
      headers: owner.headers,
    });
    expect(paused.status(), await paused.text()).toBe(200);
    await page.goto(`/invite/${invite.code}`);
    await expect(page.getByRole("button", { name: "Invites paused" })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Log in to accept" })).toHaveCount(0);

    await signIn(page, await registerUser(request, { username: "dave" }));
    await page.reload();
    await expect(page.getByRole("button", { name: "Invites paused" })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Accept Invite" })).toHaveCount(0);
    await expect(page.getByText("have paused invites for now")).toBeVisible();
    await snap(page, "paused");
  });

  test("banned: You can't join this guild", async ({ page, request }) => {
    const { owner, guild, invite } = await guildWithInvite(request);
    const user = await registerUser(request, { username: "mallory" });
    const ban = await request.put(`/api/v1/guilds/${guild.id}/bans/${user.id}`, {
      data: {},
      headers: owner.headers,
    });
    expect(ban.status(), await ban.text()).toBe(204);
    await signIn(page, user);
    await page.goto(`/invite/${invite.code}`);
    await expect(page.getByText("You can't join this guild")).toBeVisible();
    await expect(page.getByText(`You're banned from ${guild.name}.`)).toBeVisible();
    await expect(page.getByRole("button", { name: "Accept Invite" })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Go to guild" })).toHaveCount(0);
    await snap(page, "banned");
  });

  test("invalid: unknown, used-up and expired codes get the Invite invalid page with status 404", async ({
    page,
    request,
  }) => {
    const unknown = await page.goto("/invite/NoSuchCode1");
    expect(unknown?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Invite invalid" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Open Fluxer" })).toBeVisible();
    await snap(page, "invalid");

    const { owner, channelId } = await guildWithInvite(request);
    const usedUp = await createInvite(request, owner, channelId, { max_uses: 1 });
    expect((await acceptInvite(request, await registerUser(request), usedUp.code)).status()).toBe(200);
    expect((await page.goto(`/invite/${usedUp.code}`))?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Invite invalid" })).toBeVisible();

    const expiring = await createInvite(request, owner, channelId, { max_age: 1 });
    // Real time must pass for the 1 s max_age to run out.
    await page.waitForTimeout(1200);
    expect((await page.goto(`/${expiring.code}`))?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Invite invalid" })).toBeVisible();
  });

  test("temporary membership is stated plainly", async ({ page, request }) => {
    const { invite } = await guildWithInvite(request, "Drop-in Study Hall", { max_age: 0, temporary: true });
    await page.goto(`/invite/${invite.code}`);
    await expect(page.getByTestId("invite-temporary")).toContainText(
      "You'll be removed when you disconnect unless you're given a role",
    );
    await expect(page.getByTestId("invite-expiry")).toHaveText("Never expires");
    await snap(page, "temporary");
  });

  test("verified guilds show the badge", async ({ page, request, admin }) => {
    const { guild, invite } = await guildWithInvite(request, "Fluxer Community");
    const verified = await request.patch(`/api/v1/guilds/${guild.id}`, {
      data: { features: ["VERIFIED"] },
      headers: admin.headers,
    });
    expect(verified.status(), await verified.text()).toBe(200);
    await page.goto(`/invite/${invite.code}`);
    await expect(page.getByRole("img", { name: "Verified" })).toBeVisible();
    await snap(page, "verified");
  });

  test("group DM invite: inviter, group name and member count; accepting adds you to the group", async ({
    page,
    request,
  }) => {
    const alice = await registerUser(request, { username: "alice" });
    const bob = await registerUser(request, { username: "bob" });
    const created = await request.post("/api/v1/users/@me/channels", {
      data: { recipients: [bob.id], name: "Weekend Trip" },
      headers: alice.headers,
    });
    expect(created.status(), await created.text()).toBe(200);
    const channel = await created.json();
    const invite = await createInvite(request, alice, channel.id, {});
    const carol = await registerUser(request, { username: "carol" });
    await signIn(page, carol);
    await page.goto(`/invite/${invite.code}`);
    await expect(page.getByRole("heading", { level: 1, name: "Weekend Trip" })).toBeVisible();
    await expect(page.getByTestId("invite-inviter")).toHaveText("alice invited you to join a group DM");
    await expect(page.getByTestId("invite-members")).toHaveText("2 Members");
    await expect(page.getByTestId("invite-online")).toHaveCount(0);
    await expect(page.getByTestId("invite-recipients")).toContainText("alice");
    await expect(page.getByTestId("invite-recipients")).toContainText("bob");
    await snap(page, "group-dm");

    await page.getByRole("button", { name: "Accept Invite" }).click();
    await expect(page.getByRole("link", { name: "Open Fluxer" })).toBeVisible();
    await expect(page.getByText("You're already in this group.")).toBeVisible();
    await expect(page.getByTestId("invite-members")).toHaveText("3 Members");
    await expect(page.getByTestId("invite-recipients")).toContainText("carol");
  });

  test("an accept that fails (invite used up meanwhile) says why on the page", async ({ page, request }) => {
    const { owner, channelId } = await guildWithInvite(request);
    const invite = await createInvite(request, owner, channelId, { max_uses: 1 });
    await signIn(page, await registerUser(request, { username: "erin" }));
    await page.goto(`/invite/${invite.code}`);
    expect((await acceptInvite(request, await registerUser(request), invite.code)).status()).toBe(200);
    await page.getByRole("button", { name: "Accept Invite" }).click();
    const error = page.getByText(
      "This invite is no longer valid. It may have expired, been used up or been revoked.",
    );
    await expect(error).toBeVisible();
    await expect(error).toHaveAttribute("role", "alert");
    await expect(page.getByRole("button", { name: "Accept Invite" })).toBeDisabled();
    await snap(page, "accept-error");
  });

  test("counts refresh while the page is open", async ({ page, request }) => {
    const { owner, channelId, invite } = await guildWithInvite(request);
    await page.clock.install();
    await page.goto(`/invite/${invite.code}`);
    await expect(page.getByTestId("invite-members")).toHaveText("1 Member");
    const other = await createInvite(request, owner, channelId, { max_uses: 1 });
    expect((await acceptInvite(request, await registerUser(request), other.code)).status()).toBe(200);
    await page.clock.fastForward("00:31");
    await expect(page.getByTestId("invite-members")).toHaveText("2 Members");
  });
});

test.describe("sign-in round trip", () => {
  test("anonymous → Log in to accept → the login page → back on the invite, joined without another click", async ({
    page,
    request,
  }) => {
    const { guild, invite } = await guildWithInvite(request);
    const user = await registerUser(request, { username: "frank" });
    await page.goto(`/invite/${invite.code}`);
    await page.getByRole("button", { name: "Log in to accept" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    expect(new URL(page.url()).searchParams.get("next")).toBe(`/invite/${invite.code}?accept=1`);
    await page.getByLabel("Email", { exact: true }).fill(user.email);
    await page.getByLabel("Password", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL((url) => url.pathname === `/guilds/${guild.id}`);
    await expect(page.getByRole("heading", { name: guild.name })).toBeVisible();
    expect(await isMember(request, user, guild.id)).toBe(true);
  });

  test("a link already opened by many: the page everyone shares still signs you in and joins you", async ({
    page,
    request,
  }) => {
    const { guild, invite } = await guildWithInvite(request, "Viral Link Club");
    // Other visitors first: from the second view on, signed-out visitors get the cached page.
    for (let i = 0; i < 4; i++) {
      const view = await request.get(`/invite/${invite.code}`, {
        headers: { [CLIENT_ADDRESS_HEADER]: randomIp() },
      });
      expect(view.status()).toBe(200);
      expect(await view.text()).toContain("Viral Link Club");
    }
    const user = await registerUser(request, { username: "grace" });
    await page.goto(`/invite/${invite.code}`);
    await expect(page.getByRole("heading", { level: 1, name: guild.name })).toBeVisible();
    await expect(page.getByTestId("invite-members")).toHaveText("1 Member");
    await page.getByRole("button", { name: "Log in to accept" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    await page.getByLabel("Email", { exact: true }).fill(user.email);
    await page.getByLabel("Password", { exact: true }).fill(user.password);
    await page.getByRole("button", { name: "Log in" }).click();
    await page.waitForURL((url) => url.pathname === `/guilds/${guild.id}`);
    expect(await isMember(request, user, guild.id)).toBe(true);
    // Signed in now: the invite page is this visitor's own again, not the shared one.
    await page.goto(`/invite/${invite.code}`);
    await expect(page.getByRole("link", { name: "Go to guild" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Log in to accept" })).toHaveCount(0);
  });

  test("anonymous → Create an account (from the short link) → the register page → joined", async ({
    page,
    request,
  }) => {
    const { guild, invite } = await guildWithInvite(request);
    await page.goto(`/${invite.code}`);
    await page.getByRole("button", { name: "Create an account" }).click();
    await page.waitForURL((url) => url.pathname === "/register");
    expect(new URL(page.url()).searchParams.get("next")).toBe(`/invite/${invite.code}?accept=1`);
    const email = `${randomName("mail")}@e2e.test`;
    await page.getByLabel("Username", { exact: true }).fill("grace");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await page.getByRole("button", { name: "Create account" }).click();
    await page.waitForURL((url) => url.pathname === `/guilds/${guild.id}`);
    await expect(page.getByRole("heading", { name: guild.name })).toBeVisible();
    const login = await request.post("/api/v1/auth/login", {
      data: { email, password: PASSWORD },
      headers: { [CLIENT_ADDRESS_HEADER]: randomIp() },
    });
    const { token } = await login.json();
    expect(await isMember(request, { headers: { authorization: token } }, guild.id)).toBe(true);
  });

  test("signed in another way after Log in to accept (another tab): following next still completes the join", async ({
    page,
    request,
  }) => {
    const { guild, invite } = await guildWithInvite(request);
    const user = await registerUser(request, { username: "judy" });
    await page.goto(`/invite/${invite.code}`);
    await page.getByRole("button", { name: "Log in to accept" }).click();
    await page.waitForURL((url) => url.pathname === "/login");
    // Signing in some other way (another tab), then following `next`, completes the join just the same.
    await signIn(page, user);
    await page.goto(new URL(page.url()).searchParams.get("next")!);
    await page.waitForURL((url) => url.pathname === `/guilds/${guild.id}`);
    expect(await isMember(request, user, guild.id)).toBe(true);
  });

  test("a crafted ?accept=1 link alone never joins: the button is only focused", async ({
    page,
    request,
  }) => {
    const { guild, invite } = await guildWithInvite(request);
    const user = await registerUser(request, { username: "heidi" });
    await signIn(page, user);
    await page.goto(`/invite/${invite.code}?accept=1`);
    const accept = page.getByRole("button", { name: "Accept Invite" });
    await expect(accept).toBeFocused();
    // Nothing to wait for when nothing happens: time for a join the page must not send on its own.
    await page.waitForTimeout(1500);
    expect(page.url()).toContain(`/invite/${invite.code}`);
    expect(await isMember(request, user, guild.id)).toBe(false);
    await snap(page, "returning");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === `/guilds/${guild.id}`);
    expect(await isMember(request, user, guild.id)).toBe(true);
  });
});

test.describe("the page kept for everyone", () => {
  /** Views from other visitors first: the invite's page is then kept and set per viewer by the HTTP server. */
  async function viewedByOthers(request: APIRequestContext, code: string) {
    for (let i = 0; i < 4; i++)
      expect(
        (await request.get(`/invite/${code}`, { headers: { [CLIENT_ADDRESS_HEADER]: randomIp() } })).status(),
      ).toBe(200);
  }

  test("a member's view of the kept page is theirs after hydration and after Back from the guild", async ({
    page,
    request,
  }) => {
    const { owner, guild, channelId, invite } = await guildWithInvite(request, "Kept Page Society");
    const user = await registerUser(request, { username: "kim" });
    const other = await createInvite(request, owner, channelId, { max_uses: 1 });
    expect((await acceptInvite(request, user, other.code)).status()).toBe(200);
    await viewedByOthers(request, invite.code);
    await signIn(page, user);
    await page.goto(`/invite/${invite.code}`);
    const go = page.getByRole("link", { name: "Go to guild" });
    await expect(go).toBeVisible();
    await expect(page.getByRole("button", { name: "Log in to accept" })).toHaveCount(0);
    // Next keeps the page's render and mounts it again on Back: it must still be the member's page.
    await go.click();
    await page.waitForURL((url) => url.pathname === `/guilds/${guild.id}`);
    await page.goBack();
    await page.waitForURL(`**/invite/${invite.code}`);
    await expect(page.getByRole("link", { name: "Go to guild" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Log in to accept" })).toHaveCount(0);
    await expect(page.getByText(`You're already a member of ${guild.name}.`)).toBeVisible();
  });

  test("a signed-in visitor's view of the kept page: their name, Accept joins, and Not you? logs out", async ({
    page,
    request,
  }) => {
    const { guild, invite } = await guildWithInvite(request, "Kept Page Readers");
    const [lee, mia] = [
      await registerUser(request, { username: "lee" }),
      await registerUser(request, { username: "mia" }),
    ];
    await viewedByOthers(request, invite.code);
    await signIn(page, mia);
    await page.goto(`/invite/${invite.code}`);
    await expect(page.getByText(`Signed in as ${mia.username}`)).toBeVisible();
    await page.getByRole("button", { name: "Log out" }).click();
    await expect(page.getByRole("button", { name: "Log in to accept" })).toBeVisible();
    await expect(page.getByText("Signed in as")).toBeHidden();
    expect(new URL(page.url()).pathname).toBe(`/invite/${invite.code}`);

    await signIn(page, lee);
    await page.goto(`/invite/${invite.code}`);
    await expect(page.getByText(`Signed in as ${lee.username}`)).toBeVisible();
    await expect(page.getByText(mia.username)).toHaveCount(0);
    await page.getByRole("button", { name: "Accept Invite" }).click();
    // The guild opens on the invite's channel (`?channel=…`), so the path is what to wait for.
    await page.waitForURL((url) => url.pathname === `/guilds/${guild.id}`);
    expect(await isMember(request, lee, guild.id)).toBe(true);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the page renders and Accept Invite still works as a plain form post", async ({ page, request }) => {
    const { guild, invite } = await guildWithInvite(request);
    const user = await registerUser(request, { username: "ivan" });
    await page.goto(`/invite/${invite.code}`);
    await expect(page.getByRole("heading", { level: 1, name: guild.name })).toBeVisible();
    await signIn(page, user);
    await page.goto(`/invite/${invite.code}`);
    // Exactly one primary action is there for a browser without JavaScript (the others are display: none).
    await expect(page.getByRole("button", { name: "Log in to accept" })).toHaveCount(0);
    await expect(page.getByText(`Signed in as ${user.username}`)).toBeVisible();
    await page.getByRole("button", { name: "Accept Invite" }).click();
    await page.waitForURL((url) => url.pathname === `/guilds/${guild.id}`);
    expect(await isMember(request, user, guild.id)).toBe(true);
  });
});
