// The channel pickers of the invites page (the create dialog's and the filter's): each channel with its
// type's icon (a voice channel is never "#Lounge"), categories as groups, only channels an invite can
// target, in the order the guild page lists them.
import { expect, test, type TestUser } from "../fixtures";
import { expectAccessible, signInAt } from "./guild-settings-helpers";
import type { APIRequestContext, Locator } from "@playwright/test";

async function channel(
  request: APIRequestContext,
  owner: TestUser,
  guildId: string,
  data: { name: string; type?: number; parent_id?: string },
) {
  const response = await request.post(`/api/v1/guilds/${guildId}/channels`, { headers: owner.headers, data });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).id as string;
}

/** Each option's label and the group it sits in. */
async function optionsOf(select: Locator) {
  return select.locator("option").evaluateAll((options) =>
    options.map((option) => ({
      label: (option as HTMLOptionElement).label,
      group: option.closest("optgroup")?.label ?? null,
    })),
  );
}

// A guild whose positions interleave: creation order is general, Voice Channels, Lounge, rules, Info, announcements.
const GUILD_ORDER = [
  { label: "#general", group: null },
  { label: "#rules", group: null },
  { label: "Lounge (voice)", group: "Voice Channels" },
  { label: "#announcements", group: "Info" },
];

test("channel pickers show each channel's type with its icon, only invitable channels, in the guild's order", async ({
  page,
  request,
  owner,
  guild,
}) => {
  const voiceCategory = await channel(request, owner, guild.id, { name: "Voice Channels", type: 4 });
  const loungeId = await channel(request, owner, guild.id, {
    name: "Lounge",
    type: 2,
    parent_id: voiceCategory,
  });
  await channel(request, owner, guild.id, { name: "rules" });
  const info = await channel(request, owner, guild.id, { name: "Info", type: 4 });
  await channel(request, owner, guild.id, { name: "announcements", parent_id: info });
  const invite = await request.post(`/api/v1/channels/${loungeId}/invites`, {
    headers: owner.headers,
    data: {},
  });
  const { code } = await invite.json();

  // The guild page lists them in this order.
  await signInAt(page, owner, `/guilds/${guild.id}`);
  const listed = page.getByRole("navigation", { name: "Channels" }).getByRole("link");
  await expect(listed).toHaveText(["general", "rules", "Lounge", "announcements"]);

  await page.goto(`/guilds/${guild.id}/settings/invites`);
  const filter = page.getByRole("form", { name: "Filter invites" }).getByLabel("Channel");
  expect(await optionsOf(filter)).toEqual([{ label: "All channels", group: null }, ...GUILD_ORDER]);
  // The table shows the voice channel as one too.
  const row = page.locator(`tr[data-code="${code}"]`);
  await expect(row.locator('[data-channel-icon="voice"]')).toHaveCount(1);
  await expect(row).not.toContainText("#Lounge");

  await page.getByRole("link", { name: "Create invite" }).click();
  const dialog = page.getByTestId("create-invite-dialog");
  const picker = dialog.getByLabel("Channel");
  expect(await optionsOf(picker)).toEqual(GUILD_ORDER);
  // Opened, every choice shows its type's icon.
  await picker.click();
  for (const [name, icon] of [
    ["#general", "text"],
    ["#rules", "text"],
    ["Lounge (voice)", "voice"],
    ["#announcements", "text"],
  ] as const) {
    await expect(
      picker.getByRole("option", { name, exact: true }).locator(`svg[data-channel-icon="${icon}"]`),
      name,
    ).toBeVisible();
  }
  await page.screenshot({ path: "test-results/screenshots/channel-picker-open.png" });
  await picker.getByRole("option", { name: "Lounge (voice)", exact: true }).click();
  await expect(picker).toHaveValue(loungeId);
  await expect(picker.locator('[data-channel-icon="voice"]').first()).toBeVisible();
  await expectAccessible(page, "the create dialog with the channel picker");
  await dialog.getByRole("button", { name: "Create invite" }).click();
  await expect(dialog.getByTestId("created-invite")).toContainText("Invite created for Lounge");
});
