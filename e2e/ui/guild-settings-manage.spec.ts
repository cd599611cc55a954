// Guild settings → Invites: revoking with a confirmation, pausing and resuming invites, and who may see
// the pages at all (plain members and outsiders never get a code in the HTML).
import { createGuild, expect, expectError, registerUser, test, type TestUser } from "../fixtures";
import { createChannel, expectAccessible, signInAt } from "./guild-settings-helpers";
import { memberWith, P } from "../support/members";

async function createInviteVia(
  request: Parameters<typeof registerUser>[0],
  user: TestUser,
  channelId: string,
  data: Record<string, unknown> = {},
) {
  const response = await request.post(`/api/v1/channels/${channelId}/invites`, {
    headers: user.headers,
    data,
  });
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()).code as string;
}

test("revoke asks for confirmation, then the invite is gone from the table and the API", async ({
  page,
  request,
  owner,
  guild,
}) => {
  const keep = await createInviteVia(request, owner, guild.general_channel_id!);
  const revoke = await createInviteVia(request, owner, guild.general_channel_id!, { max_uses: 5 });
  await signInAt(page, owner, `/guilds/${guild.id}/settings/invites`);

  const dialog = page.getByTestId("revoke-dialog");
  await page.getByRole("link", { name: `Revoke invite ${revoke}` }).click();
  await expect(dialog.getByRole("heading", { name: `Revoke invite ${revoke}?` })).toBeVisible();
  // Cancelling changes nothing.
  await dialog.getByRole("link", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect((await request.get(`/api/v1/invites/${revoke}`)).status()).toBe(200);

  await page.getByRole("link", { name: `Revoke invite ${revoke}` }).click();
  await dialog.getByLabel(/Reason/).fill("leaked in a raid server");
  await dialog.getByRole("button", { name: "Revoke invite" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Invite ${revoke} was revoked` })).toBeVisible();
  await expect(page.locator(`tr[data-code="${revoke}"]`)).toHaveCount(0);
  await expect(page.locator(`tr[data-code="${keep}"]`)).toHaveCount(1);
  await expectError(await request.get(`/api/v1/invites/${revoke}`), "UNKNOWN_INVITE");
  expect((await request.get(`/api/v1/invites/${keep}`)).status()).toBe(200);

  const activity = page.getByTestId("invite-activity");
  await expect(activity.locator("li").first()).toContainText(
    `${owner.username} revoked invite ${revoke} to #general`,
  );
  await expect(activity.locator("li").first()).toContainText("Reason: leaked in a raid server");
});

test("the revoke dialog is a dialog of its own: left-aligned on a wide screen, not part of the table", async ({
  page,
  request,
  owner,
  guild,
}) => {
  const code = await createInviteVia(request, owner, guild.general_channel_id!);
  await page.setViewportSize({ width: 1280, height: 900 });
  await signInAt(page, owner, `/guilds/${guild.id}/settings/invites`);
  await page.getByRole("link", { name: `Revoke invite ${code}` }).click();
  const dialog = page.getByRole("dialog", { name: `Revoke invite ${code}?` });
  await expect(dialog).toBeVisible();
  // The actions cell right-aligns its button; nothing of that may reach the dialog.
  expect(await dialog.evaluate((element) => element.closest("table"))).toBeNull();
  expect(await dialog.evaluate((element) => getComputedStyle(element).textAlign)).toMatch(/^(left|start)$/);
  const [dialogBox, textBox] = await Promise.all([
    dialog.boundingBox(),
    dialog.getByText("stops working immediately").boundingBox(),
  ]);
  expect(textBox!.x - dialogBox!.x, "the explanation starts at the dialog's left padding").toBeLessThan(32);
  await expect(dialog.getByRole("heading", { name: `Revoke invite ${code}?` })).toHaveCSS(
    "text-align",
    /^(left|start)$/,
  );
});

test("pausing invites refuses accepts with INVITES_DISABLED and shows a banner on both pages until resumed", async ({
  page,
  request,
  owner,
  guild,
}) => {
  const code = await createInviteVia(request, owner, guild.general_channel_id!);
  const [first, second] = await Promise.all([registerUser(request), registerUser(request)]);
  await signInAt(page, owner, `/guilds/${guild.id}/settings/invites`);

  const toggle = page.getByRole("switch", { name: "Pause invites" });
  const banner = page.getByTestId("invites-paused-banner");
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await expect(banner).toHaveCount(0);
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await expect(banner).toContainText("Invites are paused");
  await expectError(
    await request.post(`/api/v1/invites/${code}`, { headers: first.headers }),
    "INVITES_DISABLED",
  );
  const features = (
    await (await request.get(`/api/v1/guilds/${guild.id}`, { headers: owner.headers })).json()
  ).features;
  expect(features).toContain("INVITES_DISABLED");

  // The banner follows to the vanity URL page, and resumes from there too.
  await page
    .getByRole("navigation", { name: "Guild settings" })
    .getByRole("link", { name: "Vanity URL" })
    .click();
  await expect(page).toHaveURL(/\/settings\/vanity$/);
  await expect(banner).toBeVisible();
  await banner.getByRole("button", { name: "Resume invites" }).click();
  await expect(banner).toHaveCount(0);
  expect((await request.post(`/api/v1/invites/${code}`, { headers: first.headers })).status()).toBe(200);

  // Pause again from the switch, resume from the invites page's banner.
  await page
    .getByRole("navigation", { name: "Guild settings" })
    .getByRole("link", { name: "Invites" })
    .click();
  await toggle.click();
  await expect(banner).toBeVisible();
  await expectError(
    await request.post(`/api/v1/invites/${code}`, { headers: second.headers }),
    "INVITES_DISABLED",
  );
  await banner.getByRole("button", { name: "Resume invites" }).click();
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await expect(banner).toHaveCount(0);
  expect((await request.post(`/api/v1/invites/${code}`, { headers: second.headers })).status()).toBe(200);

  const activity = page.getByTestId("invite-activity");
  await expect(activity.locator("li").nth(0)).toContainText(`${owner.username} resumed invites`);
  await expect(activity.locator("li").nth(1)).toContainText(`${owner.username} paused invites`);
});

test("plain members and outsiders are refused both pages and never see a code", async ({ page, request }) => {
  const owner = await registerUser(request);
  const guild = await createGuild(request, owner);
  const codes = [
    await createInviteVia(request, owner, guild.general_channel_id!),
    await createInviteVia(request, owner, guild.general_channel_id!, { max_age: 0 }),
  ];
  const plain = await memberWith(request, owner, guild.id);
  const outsider = await registerUser(request);
  await createGuild(request, outsider); // a member of another guild
  const invitesPath = `/guilds/${guild.id}/settings/invites`;
  const vanityPath = `/guilds/${guild.id}/settings/vanity`;

  await signInAt(page, plain, invitesPath);
  for (const path of [invitesPath, vanityPath]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
    await expect(page.getByRole("heading", { name: "You can't manage this guild's invites" })).toBeVisible();
    if (path === invitesPath) await expectAccessible(page, "the 403 page");
    const html = await page.content();
    for (const code of codes) expect(html, `${path} as a plain member`).not.toContain(code);
  }
  const availability = await page.request.get(`${vanityPath}/availability?code=some-code`);
  expect(availability.status()).toBe(403);

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await signInAt(page, outsider, "/guilds");
  for (const path of [invitesPath, vanityPath, `/guilds/${guild.id}/settings`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    const html = await page.content();
    for (const code of codes) expect(html, `${path} as an outsider`).not.toContain(code);
    expect(html).not.toContain(guild.name);
  }

  // Signed out: the login page, coming back afterwards.
  const anonymous = await request.get(invitesPath, { maxRedirects: 0, headers: { cookie: "" } });
  expect(anonymous.headers().location).toBe(`/login?next=${encodeURIComponent(invitesPath)}`);
});

test("a channel manager sees and revokes only their channels' invites; MANAGE_GUILD sees all but revokes only what it may", async ({
  page,
  request,
  owner,
  guild,
}) => {
  const lobbyId = await createChannel(request, owner, guild.id, "lobby");
  const generalCode = await createInviteVia(request, owner, guild.general_channel_id!);
  const lobbyCode = await createInviteVia(request, owner, lobbyId);
  // MANAGE_CHANNELS on #lobby only, through a member overwrite.
  const channelManager = await memberWith(request, owner, guild.id);
  const overwrite = await request.put(`/api/v1/channels/${lobbyId}/permissions/${channelManager.id}`, {
    headers: owner.headers,
    data: { type: 1, allow: P.MANAGE_CHANNELS.toString() },
  });
  expect(overwrite.status(), await overwrite.text()).toBe(204);
  const guildManager = await memberWith(request, owner, guild.id, P.MANAGE_GUILD);
  const path = `/guilds/${guild.id}/settings/invites`;

  await signInAt(page, channelManager, path);
  await expect(page.getByText("Live invites of the channels you manage")).toBeVisible();
  await expect(page.getByTestId("invite-table").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByRole("link", { name: `Revoke invite ${lobbyCode}` })).toBeVisible();
  expect(await page.content()).not.toContain(generalCode);
  await expect(page.getByRole("switch", { name: "Pause invites" })).toHaveCount(0);
  await expect(
    page.getByRole("navigation", { name: "Guild settings" }).getByRole("link", { name: "Vanity URL" }),
  ).toHaveCount(0);
  await expect(page.getByTestId("invite-activity")).toHaveCount(0); // no VIEW_AUDIT_LOG
  // New invites can go to the channels whose invites this page shows them.
  await page.getByRole("link", { name: "Create invite" }).click();
  const channelChoice = page.getByTestId("create-invite-dialog").getByLabel("Channel");
  expect(await channelChoice.locator("option").allTextContents()).toEqual(["#lobby"]);
  expect((await page.goto(`/guilds/${guild.id}/settings/vanity`))?.status()).toBe(403);
  await page.goto(path);
  await page.getByRole("link", { name: `Revoke invite ${lobbyCode}` }).click();
  await page.getByTestId("revoke-dialog").getByRole("button", { name: "Revoke invite" }).click();
  await expect(page.getByText(`Invite ${lobbyCode} was revoked`)).toBeVisible();
  await expectError(await request.get(`/api/v1/invites/${lobbyCode}`), "UNKNOWN_INVITE");

  await page.getByRole("button", { name: "Log out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await signInAt(page, guildManager, path);
  await expect(page.locator(`tr[data-code="${generalCode}"]`)).toHaveCount(1);
  // DELETE /invites/{code} needs MANAGE_CHANNELS or being the inviter: no Revoke for someone else's invite.
  await expect(page.getByRole("link", { name: `Revoke invite ${generalCode}` })).toHaveCount(0);
  await expect(page.getByRole("switch", { name: "Pause invites" })).toBeVisible();
  await expect(page.getByTestId("invite-activity")).toContainText(`created invite ${generalCode}`);
});
