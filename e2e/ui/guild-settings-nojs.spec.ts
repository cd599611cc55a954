// The settings pages without JavaScript: every form is a plain POST to a server action and every dialog
// opens from the URL (?create=1, ?revoke=CODE), so a guild admin on a locked-down browser still can
// create, share, revoke, filter, pause, and see the server's errors in words next to the field.
import { createGuild, expect, expectError, randomName, registerUser, test } from "../fixtures";
import { createChannel, guildInvites, setFeatures, signInAt } from "./guild-settings-helpers";

test.use({ javaScriptEnabled: false });

test("create, filter, revoke and pause work as plain forms", async ({ page, request, owner, guild }) => {
  const lobbyId = await createChannel(request, owner, guild.id, "lobby");
  const path = `/guilds/${guild.id}/settings/invites`;
  await signInAt(page, owner, path);

  await page.getByRole("link", { name: "Create invite" }).click();
  await expect(page).toHaveURL(new RegExp(`${path}\\?create=1$`));
  const dialog = page.getByTestId("create-invite-dialog");
  await dialog.getByLabel("Channel").selectOption({ label: "#lobby" });
  await dialog.getByLabel("Expire after").selectOption({ label: "12 hours" });
  await dialog.getByLabel("Max uses").selectOption({ label: "25 uses" });
  await dialog.getByRole("switch", { name: /Temporary membership/ }).check({ force: true });
  await dialog.getByRole("button", { name: "Create invite" }).click();
  const link = dialog.getByTestId("new-invite-link");
  await expect(link).toHaveText(/\/invite\/[A-Za-z0-9]{8}$/);
  await expect(dialog.getByTestId("invite-qr")).toBeVisible();
  const code = (await link.textContent())!.split("/").pop()!;
  expect((await guildInvites(request, owner, guild.id)).find((i) => i.code === code)).toMatchObject({
    channel_id: lobbyId,
    max_age: 43200,
    max_uses: 25,
    temporary: true,
  });
  await dialog.getByRole("link", { name: "Done" }).click();
  await expect(page).toHaveURL(new RegExp(`${path}$`));
  await expect(page.locator(`tr[data-code="${code}"]`)).toContainText("0 / 25");

  // Filters: a GET form with an Apply button.
  const other = (
    await (
      await request.post(`/api/v1/channels/${guild.general_channel_id}/invites`, {
        headers: owner.headers,
        data: {},
      })
    ).json()
  ).code;
  await page.reload();
  const filters = page.getByRole("form", { name: "Filter invites" });
  await filters.getByLabel("Channel").selectOption({ label: "#general" });
  await filters.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`channel=${guild.general_channel_id}`));
  await expect(page.getByTestId("invite-table").locator("tbody tr")).toHaveCount(1);
  await expect(page.locator(`tr[data-code="${other}"]`)).toHaveCount(1);
  await page.goto(path);

  // Revoke: the link opens the confirmation from the URL.
  await page.getByRole("link", { name: `Revoke invite ${code}` }).click();
  await expect(page).toHaveURL(new RegExp(`revoke=${code}`));
  await page.getByTestId("revoke-dialog").getByRole("button", { name: "Revoke invite" }).click();
  await expect(page.getByText(`Invite ${code} was revoked`)).toBeVisible();
  await expectError(await request.get(`/api/v1/invites/${code}`), "UNKNOWN_INVITE");

  // Pause and resume.
  await page.getByRole("switch", { name: "Pause invites" }).click();
  await expect(page.getByTestId("invites-paused-banner")).toBeVisible();
  await page.getByRole("button", { name: "Resume invites" }).click();
  await expect(page.getByTestId("invites-paused-banner")).toHaveCount(0);
  await expect(page.getByRole("switch", { name: "Pause invites" })).toHaveAttribute("aria-checked", "false");
});

test("the vanity form reports the server's errors next to the field", async ({
  page,
  request,
  baseURL,
  owner,
  guild,
}) => {
  const rival = await registerUser(request);
  const rivalGuild = await createGuild(request, rival);
  await setFeatures(request, guild.id, ["VANITY_URL"]);
  await setFeatures(request, rivalGuild.id, ["VANITY_URL"]);
  const taken = randomName("held-");
  expect(
    (
      await request.patch(`/api/v1/guilds/${rivalGuild.id}/vanity-url`, {
        headers: rival.headers,
        data: { code: taken },
      })
    ).status(),
  ).toBe(200);
  await signInAt(page, owner, `/guilds/${guild.id}/settings/vanity`);

  const field = page.getByLabel("Vanity code");
  const message = page.getByTestId("vanity-message");
  for (const [value, expected] of [
    ["ab", "Use 3 to 32 characters."],
    ["no spaces", "Use only letters a-z, digits 0-9 and hyphens"],
    ["register", "That word is reserved"],
    [taken, "That vanity URL is already taken. Pick another."],
  ] as const) {
    await field.fill(value);
    await page.getByRole("button", { name: "Set vanity URL" }).click();
    await expect(message, value).toContainText(expected);
    await expect(field).toHaveValue(value); // what was typed stays, to fix it
  }
  const mine = randomName("ours-");
  await field.fill(mine);
  await page.getByRole("button", { name: "Set vanity URL" }).click();
  await expect(message).toHaveText(`Saved. Your vanity URL is now ${baseURL}/${mine}`);
  await expect(page.getByTestId("vanity-current")).toContainText(`${baseURL}/${mine}`);
});
