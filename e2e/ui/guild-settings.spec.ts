// Guild settings → Invites in the browser: an owner creates invites with every option and finds them in
// the table and through the API, copies a link, sees its QR code, filters the table, and the countdown
// runs. Screenshots of the page and the dialog at 390 and 1280 px (see guild-settings-helpers.ts).
import { createGuild, expect, registerUser, test } from "../fixtures";
import {
  createChannel,
  expectAccessible,
  expectedQrModules,
  guildInvites,
  shoot,
  signInAt,
} from "./guild-settings-helpers";
import { memberWith } from "../support/members";
import type { Locator, Page } from "@playwright/test";

type Plan = {
  channel: string;
  expire: string;
  maxAge: number;
  uses: string;
  maxUses: number;
  temporary: boolean;
};

// Every "Expire after" and every "Max uses" choice once, temporary on and off, two channels.
const PLANS: Plan[] = [
  { channel: "#general", expire: "30 minutes", maxAge: 1800, uses: "1 use", maxUses: 1, temporary: true },
  { channel: "#general", expire: "1 hour", maxAge: 3600, uses: "5 uses", maxUses: 5, temporary: false },
  { channel: "#lobby", expire: "6 hours", maxAge: 21600, uses: "10 uses", maxUses: 10, temporary: false },
  { channel: "#general", expire: "12 hours", maxAge: 43200, uses: "25 uses", maxUses: 25, temporary: true },
  { channel: "#general", expire: "1 day", maxAge: 86400, uses: "50 uses", maxUses: 50, temporary: false },
  { channel: "#general", expire: "7 days", maxAge: 604800, uses: "100 uses", maxUses: 100, temporary: false },
  { channel: "#general", expire: "Never", maxAge: 0, uses: "No limit", maxUses: 0, temporary: false },
];

async function fillAndCreate(page: Page, dialog: Locator, plan: Plan): Promise<string> {
  await dialog.getByLabel("Channel").selectOption({ label: plan.channel });
  await dialog.getByLabel("Expire after").selectOption({ label: plan.expire });
  await dialog.getByLabel("Max uses").selectOption({ label: plan.uses });
  await dialog
    .getByRole("switch", { name: /Temporary membership/ })
    .setChecked(plan.temporary, { force: true });
  await dialog.getByRole("button", { name: "Create invite" }).click();
  const link = dialog.getByTestId("new-invite-link");
  await expect(link).toHaveText(/\/invite\/[A-Za-z0-9]{8}$/);
  const url = (await link.textContent())!;
  return url.slice(url.lastIndexOf("/") + 1);
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
});

test("an owner creates invites with every option, copies one, sees its QR code and finds them all in the table and the API", async ({
  page,
  context,
  request,
  baseURL,
  owner,
  guild,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseURL });
  const lobbyId = await createChannel(request, owner, guild.id, "lobby");
  const path = `/guilds/${guild.id}/settings/invites`;

  await signInAt(page, owner, path);
  await expect(page.getByRole("heading", { level: 1, name: "Guild settings" })).toBeVisible();
  await expect(
    page.getByRole("navigation", { name: "Guild settings" }).getByRole("link", { name: "Invites" }),
  ).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("no-invites")).toContainText("No live invites");

  const codes: string[] = [];
  const dialog = page.getByTestId("create-invite-dialog");
  for (const [index, plan] of PLANS.entries()) {
    if (index === 0) await page.getByRole("link", { name: "Create invite" }).click();
    else await dialog.getByRole("link", { name: "Create another" }).click();
    await expect(dialog).toBeVisible();
    const code = await fillAndCreate(page, dialog, plan);
    codes.push(code);

    if (index === 0) {
      const url = `${baseURL}/invite/${code}`;
      await expect(dialog.getByTestId("new-invite-link")).toHaveText(url);
      await expect(dialog.getByTestId("new-invite-link")).toHaveAttribute("href", url);
      await expect(dialog.getByTestId("created-invite")).toContainText("Temporary membership");
      // Copy puts the link on the clipboard and says so.
      await dialog.getByRole("button", { name: "Copy" }).click();
      await expect(dialog.getByRole("button", { name: "Copied!" })).toBeVisible();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
      // The QR code: an SVG whose symbol size fits the link's length, plus the 4-module quiet zone.
      const qr = dialog.getByTestId("invite-qr");
      await expect(qr).toBeVisible();
      const modules = expectedQrModules(Buffer.byteLength(url));
      await expect(qr).toHaveAttribute("viewBox", `0 0 ${modules + 8} ${modules + 8}`);
      await expect(qr).toHaveAttribute("data-qr-modules", String(modules));
      await expect(qr).toHaveAccessibleName(`QR code for ${url}`);
      expect(await qr.locator("path").getAttribute("d")).toMatch(/^M4 4h7v1h-7z/); // top-left finder
      const box = await qr.boundingBox();
      expect(box?.width).toBeGreaterThanOrEqual(150);
      // The table behind the dialog already has the new invite (no reload).
      await expect(page.locator(`tr[data-code="${code}"]`)).toHaveCount(1);
    }
  }
  await dialog.getByRole("link", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`${path}$`));

  // Newest first, one row per invite, each with its settings in words.
  const rows = page.getByTestId("invite-table").locator("tbody tr");
  await expect(rows).toHaveCount(PLANS.length);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-code")))).toEqual(
    [...codes].reverse(),
  );
  const firstRow = page.locator(`tr[data-code="${codes[0]}"]`);
  await expect(firstRow).toContainText("general");
  await expect(firstRow).toContainText(owner.username);
  await expect(firstRow.getByTestId("invite-uses")).toHaveText("0 / 1");
  await expect(firstRow.getByText("Temporary", { exact: true })).toBeVisible();
  await expect(page.locator(`tr[data-code="${codes[6]}"]`).getByTestId("invite-uses")).toHaveText("0 / ∞");
  await expect(page.locator(`tr[data-code="${codes[6]}"]`)).toContainText("Never");
  await expect(page.locator(`tr[data-code="${codes[2]}"]`)).toContainText("lobby");
  await expect(
    page.locator(`tr[data-code="${codes[1]}"]`).getByText("Temporary", { exact: true }),
  ).toHaveCount(0);
  // The expiry is a live countdown.
  const countdown = firstRow.getByTestId("invite-expiry");
  await expect(countdown).toHaveText(/^(29m \d\ds|30m 00s)$/);
  const before = await countdown.textContent();
  await expect(countdown).not.toHaveText(before ?? "");

  // The API agrees, option by option.
  const listed = await guildInvites(request, owner, guild.id);
  for (const [index, plan] of PLANS.entries()) {
    const invite = listed.find((i) => i.code === codes[index]);
    expect(invite, `invite ${codes[index]} in GET /guilds/{id}/invites`).toBeTruthy();
    expect(invite).toMatchObject({
      max_age: plan.maxAge,
      max_uses: plan.maxUses,
      temporary: plan.temporary,
      uses: 0,
      inviter_id: owner.id,
      channel_id: plan.channel === "#lobby" ? lobbyId : guild.general_channel_id,
    });
  }

  // Recent activity lists the creations, newest first.
  await expect(page.getByTestId("invite-activity").locator("li").first()).toContainText(
    `created invite ${codes[6]}`,
  );
  await expect(page.getByTestId("invite-activity")).toContainText(
    `created invite ${codes[0]} to #general (expires after 30 minutes, 1 use, temporary membership)`,
  );
});

test("the table filters by channel and by inviter through the URL", async ({ page, request }) => {
  const owner = await registerUser(request);
  const guild = await createGuild(request, owner);
  const lobbyId = await createChannel(request, owner, guild.id, "lobby");
  const member = await memberWith(request, owner, guild.id); // @everyone may create invites
  const post = async (user: typeof owner, channelId: string) => {
    const response = await request.post(`/api/v1/channels/${channelId}/invites`, {
      headers: user.headers,
      data: { max_age: 3600 },
    });
    expect(response.status(), await response.text()).toBe(200);
    return (await response.json()).code as string;
  };
  const ownerGeneral = await post(owner, guild.general_channel_id!);
  const ownerLobby = await post(owner, lobbyId);
  const memberGeneral = await post(member, guild.general_channel_id!);
  const path = `/guilds/${guild.id}/settings/invites`;

  await signInAt(page, owner, path);
  const rows = page.getByTestId("invite-table").locator("tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(page.locator(`tr[data-code="${memberGeneral}"]`)).toContainText(member.username);

  await page
    .getByRole("form", { name: "Filter invites" })
    .getByLabel("Channel")
    .selectOption({ label: "#lobby" });
  await expect(page).toHaveURL(new RegExp(`\\?channel=${lobbyId}$`));
  await expect(rows).toHaveCount(1);
  await expect(page.locator(`tr[data-code="${ownerLobby}"]`)).toBeVisible();

  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(rows).toHaveCount(3);
  await page
    .getByRole("form", { name: "Filter invites" })
    .getByLabel("Inviter")
    .selectOption({ label: member.username });
  await expect(page).toHaveURL(new RegExp(`\\?inviter=${member.id}$`));
  await expect(rows).toHaveCount(1);
  await expect(page.locator(`tr[data-code="${memberGeneral}"]`)).toBeVisible();

  // Both filters at once, straight from the URL (a shared link): no match, and a way back.
  await page.goto(`${path}?channel=${lobbyId}&inviter=${member.id}`);
  await expect(page.getByTestId("no-invites")).toContainText("No invite matches these filters");
  await page.getByRole("link", { name: "Show all invites" }).click();
  await expect(rows).toHaveCount(3);
  expect(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-code")))).toEqual([
    memberGeneral,
    ownerLobby,
    ownerGeneral,
  ]);
});

test("screenshots: the invites page and the create dialog with its QR code", async ({ page, request }) => {
  const owner = await registerUser(request, { username: "raidleader" });
  const guild = await createGuild(request, owner, "Weekend Raiders");
  const lobbyId = await createChannel(request, owner, guild.id, "lobby");
  const member = await memberWith(request, owner, guild.id);
  for (const [user, channelId, data] of [
    [owner, guild.general_channel_id!, { max_age: 604800, max_uses: 0 }],
    [member, lobbyId, { max_age: 3600, max_uses: 10, temporary: true }],
    [owner, lobbyId, { max_age: 0, max_uses: 0 }],
  ] as const) {
    const response = await request.post(`/api/v1/channels/${channelId}/invites`, {
      headers: { ...user.headers, "x-audit-log-reason": "for the weekend event" },
      data,
    });
    expect(response.status()).toBe(200);
  }
  await signInAt(page, owner, `/guilds/${guild.id}/settings/invites`);
  await expect(page.getByTestId("invite-table").locator("tbody tr")).toHaveCount(3);
  await shoot(page, "invites");
  await expectAccessible(page, "the invites page");

  await page.getByRole("link", { name: "Create invite" }).click();
  const dialog = page.getByTestId("create-invite-dialog");
  await shoot(page, "create-dialog", { fullPage: false });
  await expectAccessible(page, "the create dialog");
  await dialog.getByLabel("Expire after").selectOption({ label: "7 days" });
  await dialog.getByRole("button", { name: "Create invite" }).click();
  await expect(dialog.getByTestId("invite-qr")).toBeVisible();
  await shoot(page, "create-dialog-qr", { fullPage: false });
  await expectAccessible(page, "the new invite with its QR code");
  await dialog.getByRole("link", { name: "Done" }).click();

  const code = await page.getByTestId("invite-table").locator("tbody tr").first().getAttribute("data-code");
  await page.getByRole("link", { name: `Revoke invite ${code}` }).click();
  await expect(page.getByTestId("revoke-dialog")).toBeVisible();
  await expectAccessible(page, "the revoke confirmation");
});

test("on a phone the new invite's link shows its code in full, next to Copy", async ({
  page,
  request,
  owner,
  guild,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signInAt(page, owner, `/guilds/${guild.id}/settings/invites`);
  await page.getByRole("link", { name: "Create invite" }).click();
  const dialog = page.getByTestId("create-invite-dialog");
  await dialog.getByRole("button", { name: "Create invite" }).click();
  await expect(dialog.getByTestId("created-invite")).toBeVisible();
  const code = (await guildInvites(request, owner, guild.id))[0]!.code;
  // The code is text on the page (not the hidden end of a one-line field), whole and inside the dialog.
  const shown = dialog.getByText(code, { exact: true });
  await expect(shown).toBeVisible();
  const [codeBox, dialogBox] = await Promise.all([shown.boundingBox(), dialog.boundingBox()]);
  expect(codeBox!.x).toBeGreaterThanOrEqual(dialogBox!.x);
  expect(codeBox!.x + codeBox!.width).toBeLessThanOrEqual(dialogBox!.x + dialogBox!.width);
  expect(await shown.evaluate((element) => element.getClientRects().length), "the code on one line").toBe(1);
  await expect(dialog.getByRole("button", { name: "Copy" })).toBeVisible();
  await expectAccessible(page, "the new invite on a phone");
});
