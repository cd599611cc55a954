// Guild settings → Vanity URL: set, change and clear it, with the rules checked while typing (too short,
// bad characters, reserved, taken by another guild) and a preview of the link; a guild without the
// VANITY_URL feature gets an explanation and no form.
import { createGuild, expect, expectError, randomName, registerUser, test } from "../fixtures";
import { expectAccessible, setFeatures, shoot, signInAt } from "./guild-settings-helpers";

test("an owner sets, changes and clears the vanity URL, and sees every error state while typing", async ({
  page,
  request,
  baseURL,
}) => {
  const owner = await registerUser(request, { username: randomName("vanity") });
  const guild = await createGuild(request, owner);
  const rival = await registerUser(request);
  const rivalGuild = await createGuild(request, rival);
  await setFeatures(request, guild.id, ["VANITY_URL"]);
  await setFeatures(request, rivalGuild.id, ["VANITY_URL"]);
  const taken = randomName("taken-");
  const claimed = await request.patch(`/api/v1/guilds/${rivalGuild.id}/vanity-url`, {
    headers: rival.headers,
    data: { code: taken },
  });
  expect(claimed.status(), await claimed.text()).toBe(200);
  const first = randomName("raid-");
  const second = randomName("squad-");
  const path = `/guilds/${guild.id}/settings/vanity`;

  await signInAt(page, owner, path);
  await expect(
    page.getByRole("navigation", { name: "Guild settings" }).getByRole("link", { name: "Vanity URL" }),
  ).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("vanity-current")).toContainText("None yet");
  const field = page.getByLabel("Vanity code");
  const message = page.getByTestId("vanity-message");
  const preview = page.getByTestId("vanity-preview");
  const save = page.getByRole("button", { name: "Set vanity URL" });

  for (const [value, expected] of [
    ["ab", "Use 3 to 32 characters."],
    ["x".repeat(33), "Use 3 to 32 characters."],
    ["bad code!", "Use only letters a-z, digits 0-9 and hyphens, with no hyphen at the start or end."],
    ["-raid", "with no hyphen at the start or end"],
    ["login", "That word is reserved for the app's own pages. Pick another."],
    [taken, "That vanity URL is already taken. Pick another."],
  ] as const) {
    await field.fill(value);
    await expect(message, value).toContainText(expected);
    await expect(field).toHaveAttribute("aria-invalid", "true");
    await expect(save).toBeDisabled();
  }
  // The availability check answers "taken" and nothing about who holds it.
  const check = await page.request.get(`${path}/availability?code=${taken}`);
  expect(await check.json()).toEqual({ code: taken, status: "taken" });

  // Upper case is fine: it is saved lowercased, as the preview shows.
  await field.fill(first.toUpperCase());
  await expect(preview).toHaveText(`${baseURL}/${first}`);
  await expect(message).toHaveText(`“${first}” is available.`);
  await save.click();
  await expect(message).toHaveText(`Saved. Your vanity URL is now ${baseURL}/${first}`);
  await expect(page.getByTestId("vanity-current")).toContainText(`${baseURL}/${first}`);
  await expect(page.getByTestId("vanity-uses")).toHaveText("Used 0 times");
  let api = await request.get(`/api/v1/guilds/${guild.id}/vanity-url`, { headers: owner.headers });
  expect(await api.json()).toEqual({ code: first, uses: 0 });
  // Screenshot: the current link, and a taken code refused while typing.
  await field.fill(taken);
  await expect(message).toContainText("already taken");
  await shoot(page, "vanity");
  await expectAccessible(page, "the vanity page with an error");
  await field.fill(`${first}x`);
  await expect(message).toHaveText(`“${first}x” is available.`);
  await field.fill(first);
  await expect(message).toHaveText("This is your current vanity URL.");
  await expect(page.getByRole("button", { name: "Change vanity URL" })).toBeDisabled();

  // Change it: the old code stops working.
  await field.fill(second);
  await expect(message).toHaveText(`“${second}” is available.`);
  await page.getByRole("button", { name: "Change vanity URL" }).click();
  await expect(message).toHaveText(`Saved. Your vanity URL is now ${baseURL}/${second}`);
  await expect(page.getByTestId("vanity-current")).toContainText(`${baseURL}/${second}`);
  api = await request.get(`/api/v1/guilds/${guild.id}/vanity-url`, { headers: owner.headers });
  expect((await api.json()).code).toBe(second);
  await expectError(await request.get(`/api/v1/invites/${first}`), "UNKNOWN_INVITE");
  expect((await request.get(`/api/v1/invites/${second}`)).status()).toBe(200);

  // Clear it (after the confirmation).
  await page.getByRole("button", { name: "Remove vanity URL" }).click();
  await page
    .getByRole("dialog", { name: "Remove the vanity URL?" })
    .getByRole("button", { name: "Remove vanity URL" })
    .click();
  await expect(message).toContainText("Vanity URL removed.");
  await expect(page.getByTestId("vanity-current")).toContainText("None yet");
  await expect(field).toHaveValue("");
  api = await request.get(`/api/v1/guilds/${guild.id}/vanity-url`, { headers: owner.headers });
  expect(await api.json()).toEqual({ code: null, uses: 0 });

  // Each change is in the invites page's activity.
  await page
    .getByRole("navigation", { name: "Guild settings" })
    .getByRole("link", { name: "Invites" })
    .click();
  const items = page.getByTestId("invite-activity").locator("li");
  await expect(items.nth(0)).toContainText(`${owner.username} removed the vanity URL ${second}`);
  await expect(items.nth(1)).toContainText(
    `${owner.username} changed the vanity URL from ${first} to ${second}`,
  );
  await expect(items.nth(2)).toContainText(`${owner.username} set the vanity URL to ${first}`);
});

test("without the VANITY_URL feature the page explains it is unavailable and shows no form", async ({
  page,
  owner,
  guild,
}) => {
  await signInAt(page, owner, `/guilds/${guild.id}/settings/vanity`);
  await expect(page.getByTestId("vanity-unavailable")).toContainText(
    "Vanity URLs are not available for this guild",
  );
  await expect(page.getByLabel("Vanity code")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Set vanity URL" })).toHaveCount(0);
  await shoot(page, "vanity-unavailable");
  await expectAccessible(page, "the vanity page without the feature");
});

test("removing the vanity URL asks first and says the code stays reserved for 30 days", async ({
  page,
  request,
  baseURL,
  owner,
  guild,
}) => {
  await setFeatures(request, guild.id, ["VANITY_URL"]);
  const code = randomName("keep-");
  expect(
    (
      await request.patch(`/api/v1/guilds/${guild.id}/vanity-url`, { headers: owner.headers, data: { code } })
    ).status(),
  ).toBe(200);
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAt(page, owner, `/guilds/${guild.id}/settings/vanity`);

  await page.getByRole("button", { name: "Remove vanity URL" }).click();
  const dialog = page.getByRole("dialog", { name: "Remove the vanity URL?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText(`${baseURL}/${code} stops working at once`);
  await expect(dialog).toContainText(`${code} stays reserved for this guild for 30 days`);
  await expectAccessible(page, "the remove confirmation");
  // Cancel changes nothing.
  await dialog.getByRole("link", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect(
    await (await request.get(`/api/v1/guilds/${guild.id}/vanity-url`, { headers: owner.headers })).json(),
  ).toMatchObject({ code });

  await page.getByRole("button", { name: "Remove vanity URL" }).click();
  await dialog.getByRole("button", { name: "Remove vanity URL" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("vanity-message")).toContainText(
    "Vanity URL removed. It stays reserved for this guild for 30 days.",
  );
  await expect(page.getByTestId("vanity-current")).toContainText("None yet");
  expect(
    await (await request.get(`/api/v1/guilds/${guild.id}/vanity-url`, { headers: owner.headers })).json(),
  ).toMatchObject({ code: null });
});

test("the use count belongs to the guild's vanity URL: changing the code and back keeps counting", async ({
  page,
  request,
  owner,
  guild,
}) => {
  await setFeatures(request, guild.id, ["VANITY_URL"]);
  const [first, second] = [randomName("old-"), randomName("new-")];
  const setCode = async (code: string | null) => {
    const response = await request.patch(`/api/v1/guilds/${guild.id}/vanity-url`, {
      headers: owner.headers,
      data: { code },
    });
    expect(response.status(), await response.text()).toBe(200);
    return response.json();
  };
  const join = async (code: string) => {
    const user = await registerUser(request);
    expect((await request.post(`/api/v1/invites/${code}`, { headers: user.headers })).status()).toBe(200);
  };
  await setCode(first);
  await join(first);
  await join(first);
  expect(await setCode(second)).toEqual({ code: second, uses: 2 });
  await join(second);
  expect(await setCode(first)).toEqual({ code: first, uses: 3 });
  expect(
    await (await request.get(`/api/v1/guilds/${guild.id}/vanity-url`, { headers: owner.headers })).json(),
  ).toEqual({ code: first, uses: 3 });

  await signInAt(page, owner, `/guilds/${guild.id}/settings/vanity`);
  await expect(page.getByTestId("vanity-uses")).toContainText("Used 3 times");
  // Removing it and setting one again later still counts from there.
  await setCode(null);
  expect(
    await (await request.get(`/api/v1/guilds/${guild.id}/vanity-url`, { headers: owner.headers })).json(),
  ).toEqual({ code: null, uses: 3 });
  await setCode(second);
  await join(second);
  await page.reload();
  await expect(page.getByTestId("vanity-uses")).toContainText("Used 4 times");
});
