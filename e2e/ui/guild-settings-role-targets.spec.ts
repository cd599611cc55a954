// Role invites and targeted invites in the browser: a manager picks roles (only those they may give are
// offered) and "Only for specific people" in the create dialog, the table shows who it is for and what it
// gives, the landing page tells the target which roles they get, and a signed-out target who opens the link
// sees the invalid-invite page, logs in from it and comes back to the invite. Axe on each screen; screenshots.
import { expect, test } from "@playwright/test";
import { CLIENT_ADDRESS_HEADER, createGuild, randomIp, registerUser } from "../fixtures";
import { expectAccessible, shoot, signInAt } from "./guild-settings-helpers";
import { createRole, memberWith, P } from "../support/members";

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("a role manager creates an invite for two people that gives a role; the table, the landing page and the join show it", async ({
  page,
  browser,
  request,
  baseURL,
}) => {
  const owner = await registerUser(request);
  const guild = await createGuild(request, owner);
  // New roles go in just above @everyone: "Moderators" (made first) ends up above the manager's role,
  // "Greeters" and "Admins" below it. The manager may give Greeters only (Admins has ADMINISTRATOR).
  await createRole(request, owner, guild.id, 0n, "Moderators");
  const manager = await memberWith(
    request,
    owner,
    guild.id,
    P.MANAGE_ROLES | P.MANAGE_GUILD | P.CREATE_INSTANT_INVITE,
  );
  await createRole(request, owner, guild.id, P.ADMINISTRATOR, "Admins");
  const greeters = await createRole(request, owner, guild.id, 0n, "Greeters");
  const [alice, bob] = await Promise.all([registerUser(request), registerUser(request)]);

  const path = `/guilds/${guild.id}/settings/invites`;
  await signInAt(page, manager, path);
  await page.getByRole("link", { name: "Create invite" }).click();
  const dialog = page.getByRole("dialog", { name: "Create invite" });
  await expect(dialog).toBeVisible();

  // Only the roles the manager may give are offered.
  const picker = dialog.getByRole("group", { name: /Give roles/ });
  await expect(picker.getByRole("checkbox")).toHaveCount(1);
  await expect(picker.getByRole("checkbox", { name: "Greeters" })).toBeVisible();
  await expect(dialog.getByText("Moderators")).toHaveCount(0);
  await expect(dialog.getByText("Admins")).toHaveCount(0);
  await picker.getByRole("checkbox", { name: "Greeters" }).check();

  // The people box appears with the switch; a name that matches nobody is refused with a clear message.
  const people = dialog.getByLabel("People", { exact: true });
  await expect(people).toBeHidden();
  await dialog.getByRole("checkbox", { name: /Only for specific people/ }).check();
  await expect(people).toBeVisible();
  await people.fill(`${alice.username}\nnobody-${Date.now()}`);
  await expectAccessible(page, "the create dialog with roles and people");
  await shoot(page, "create-invite-roles-targets", { fullPage: false });
  await dialog.getByRole("button", { name: "Create invite" }).click();
  await expect(dialog.getByText(/No account found for "nobody-/)).toBeVisible();
  // What was typed and ticked is still there.
  await expect(dialog.getByRole("checkbox", { name: "Greeters" })).toBeChecked();
  await expect(dialog.getByLabel("People", { exact: true })).toHaveValue(new RegExp(alice.username));

  await dialog.getByLabel("People", { exact: true }).fill(`${alice.username}, ${bob.id}`);
  await dialog.getByRole("button", { name: "Create invite" }).click();
  const link = dialog.getByTestId("new-invite-link");
  await expect(link).toHaveText(/\/invite\/[A-Za-z0-9]{8}$/);
  const url = (await link.textContent())!;
  const code = url.slice(url.lastIndexOf("/") + 1);
  await dialog.getByRole("link", { name: "Done" }).click();

  // The table says who it is for and what it gives.
  const row = page.locator(`tr[data-code="${code}"]`);
  await expect(row).toContainText("For 2 people");
  await expect(row).toContainText("Gives Greeters");
  await expectAccessible(page, "the invites table with a targeted role invite");
  await shoot(page, "invites-table-targeted");

  // Through the API: targeted, for exactly those two, giving Greeters.
  const invite = await (await request.get(`/api/v1/invites/${code}`, { headers: manager.headers })).json();
  expect(invite.flags).toBe(2);
  expect(invite.roles.map((r: { id: string }) => r.id)).toEqual([greeters.id]);
  const listed = await (
    await request.get(`/api/v1/invites/${code}/target-users`, { headers: manager.headers })
  ).json();
  expect([...listed].sort()).toEqual([alice.id, bob.id].sort());

  // Alice, signed out, opens the link: the invalid-invite page, with a way to log in that comes back here.
  const visitor = await browser.newContext({
    baseURL,
    extraHTTPHeaders: { [CLIENT_ADDRESS_HEADER]: randomIp() },
  });
  const tab = await visitor.newPage();
  await tab.setViewportSize({ width: 1280, height: 900 });
  const first = await tab.goto(`/invite/${code}`);
  expect(first?.status()).toBe(404);
  await expect(tab.getByRole("heading", { name: "Invite invalid" })).toBeVisible();
  await expect(tab.getByText(guild.name)).toHaveCount(0);
  const signIn = tab.getByRole("link", { name: "Log in to see it" });
  await expect(signIn).toHaveAttribute("href", `/login?next=${encodeURIComponent(`/invite/${code}`)}`);
  await expectAccessible(tab, "the invalid-invite page with its log-in link");
  await shoot(tab, "targeted-invite-signed-out");
  await signIn.click();
  await tab.getByLabel("Email", { exact: true }).fill(alice.email);
  await tab.getByLabel("Password", { exact: true }).fill(alice.password);
  await tab.getByRole("button", { name: "Log in" }).click();
  await expect(tab).toHaveURL(new RegExp(`/invite/${code}$`));

  // Signed in, she sees the invite and the role she will get, and joins with it.
  await expect(tab.getByRole("heading", { name: guild.name })).toBeVisible();
  await expect(tab.getByTestId("invite-roles")).toHaveText("You'll get the role Greeters");
  await expectAccessible(tab, "the landing page of a targeted role invite");
  await shoot(tab, "targeted-invite-landing");
  await tab.getByRole("button", { name: "Accept Invite" }).click();
  await expect(tab).toHaveURL(new RegExp(`/guilds/${guild.id}`));
  const member = await (
    await request.get(`/api/v1/guilds/${guild.id}/members/${alice.id}`, { headers: owner.headers })
  ).json();
  expect(member.roles).toEqual([greeters.id]);
  await visitor.close();
});

test("without MANAGE_ROLES the dialog offers no roles, and the people box still works", async ({
  page,
  request,
}) => {
  const owner = await registerUser(request);
  const guild = await createGuild(request, owner);
  await createRole(request, owner, guild.id, 0n, "Greeters");
  const manager = await memberWith(request, owner, guild.id, P.MANAGE_GUILD | P.CREATE_INSTANT_INVITE);
  const carol = await registerUser(request);
  await signInAt(page, manager, `/guilds/${guild.id}/settings/invites`);
  await page.getByRole("link", { name: "Create invite" }).click();
  const dialog = page.getByRole("dialog", { name: "Create invite" });
  await expect(dialog.getByRole("group", { name: /Give roles/ })).toHaveCount(0);
  await dialog.getByRole("checkbox", { name: /Only for specific people/ }).check();
  await dialog.getByLabel("People", { exact: true }).fill(carol.username);
  await dialog.getByRole("button", { name: "Create invite" }).click();
  const link = dialog.getByTestId("new-invite-link");
  await expect(link).toHaveText(/\/invite\/[A-Za-z0-9]{8}$/);
  const code = (await link.textContent())!.split("/").pop()!;
  await dialog.getByRole("link", { name: "Done" }).click();
  await expect(page.locator(`tr[data-code="${code}"]`)).toContainText("For 1 person");
});

test("the edit dialog changes the roles an invite gives, and leaves alone roles the editor can't give", async ({
  page,
  request,
}) => {
  const owner = await registerUser(request);
  const guild = await createGuild(request, owner);
  // As above: "Moderators" ends up above the manager's role, "Greeters" and "Helpers" below it.
  const moderators = await createRole(request, owner, guild.id, 0n, "Moderators");
  const manager = await memberWith(
    request,
    owner,
    guild.id,
    P.MANAGE_ROLES | P.MANAGE_GUILD | P.MANAGE_CHANNELS | P.CREATE_INSTANT_INVITE,
  );
  const greeters = await createRole(request, owner, guild.id, 0n, "Greeters");
  await createRole(request, owner, guild.id, 0n, "Helpers");
  const create = async (roleIds: string[]) => {
    const response = await request.post(`/api/v1/channels/${guild.general_channel_id}/invites`, {
      headers: owner.headers,
      data: { max_age: 0, role_ids: roleIds },
    });
    expect(response.status(), await response.text()).toBe(200);
    return (await response.json()) as { code: string };
  };
  const plain = await create([greeters.id]);
  const moderated = await create([moderators.id]);
  const rolesOf = async (code: string) =>
    (
      (await (await request.get(`/api/v1/invites/${code}`, { headers: owner.headers })).json()) as {
        roles: { name: string }[];
      }
    ).roles.map((role) => role.name);

  await signInAt(page, manager, `/guilds/${guild.id}/settings/invites`);
  const dialog = page.getByTestId("edit-dialog");
  await page.getByRole("button", { name: `Edit invite ${plain.code}` }).click();
  const picker = dialog.getByRole("group", { name: /Give roles/ });
  await expect(picker.getByRole("checkbox")).toHaveCount(2);
  await expect(picker.getByRole("checkbox", { name: "Greeters" })).toBeChecked();
  await expect(picker.getByRole("checkbox", { name: "Helpers" })).not.toBeChecked();
  await picker.getByRole("checkbox", { name: "Greeters" }).uncheck();
  await picker.getByRole("checkbox", { name: "Helpers" }).check();
  await expectAccessible(page, "the edit dialog with its roles");
  await shoot(page, "edit-invite-roles", { fullPage: false });
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator(`tr[data-code="${plain.code}"]`)).toContainText("Gives Helpers");
  expect(await rolesOf(plain.code)).toEqual(["Helpers"]);

  // An invite that gives a role above the manager's: no picker, a note, and an edit of its uses keeps it.
  await page.getByRole("button", { name: `Edit invite ${moderated.code}` }).click();
  await expect(dialog.getByRole("group", { name: /Give roles/ })).toHaveCount(0);
  await expect(dialog).toContainText("It gives roles you can't give");
  await dialog.getByLabel("Max uses").selectOption("25");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator(`tr[data-code="${moderated.code}"]`).getByTestId("invite-uses")).toHaveText(
    "0 / 25",
  );
  expect(await rolesOf(moderated.code)).toEqual(["Moderators"]);
});
