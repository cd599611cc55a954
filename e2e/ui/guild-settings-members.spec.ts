// Guild settings → Members in the browser: from an invite's uses to the members who joined with it (newest
// first), the join-source filter, paging through a guild of more than one page, and the invite
// leaderboard over 24 hours, 7 days and all time. Only MANAGE_GUILD sees the view: a channel manager gets
// neither the tab nor the links, and the 403 page when going there directly. Axe-clean throughout, with
// screenshots at 390 and 1280 px (see guild-settings-helpers.ts).
import { randomBytes } from "node:crypto";
import { createGuild, expect, registerUser, test, type TestUser } from "../fixtures";
import { expectAccessible, setFeatures, shoot, signInAt } from "./guild-settings-helpers";
import { acceptInvite, createInvite } from "../support/invites";
import { joinGuild, memberWith, P } from "../support/members";
import type { APIRequestContext } from "@playwright/test";

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
});

async function joinWith(request: APIRequestContext, code: string, username?: string): Promise<TestUser> {
  const user = await registerUser(request, username ? { username } : {});
  const response = await acceptInvite(request, user, code);
  expect(response.status(), await response.text()).toBe(200);
  return user;
}

test("a manager follows an invite's uses to who joined with it, filters by source, pages, and reads the leaderboard", async ({
  page,
  request,
}) => {
  const owner = await registerUser(request, { username: `owner${randomBytes(3).toString("hex")}` });
  const guild = await createGuild(request, owner);
  const channelId = guild.general_channel_id!;
  await setFeatures(request, guild.id, ["VANITY_URL"]);
  const vanity = `m-${randomBytes(5).toString("hex")}`;
  expect(
    (
      await request.patch(`/api/v1/guilds/${guild.id}/vanity-url`, {
        headers: owner.headers,
        data: { code: vanity },
      })
    ).status(),
  ).toBe(200);

  const popular = await createInvite(request, owner, channelId, { max_age: 0 });
  const quiet = await createInvite(request, owner, channelId, { max_age: 0 });
  const first = await joinWith(request, popular.code, `first${randomBytes(3).toString("hex")}`);
  const second = await joinWith(request, popular.code, `second${randomBytes(3).toString("hex")}`);
  await joinWith(request, quiet.code);
  const visitor = await joinWith(request, vanity, `visitor${randomBytes(3).toString("hex")}`);
  // A second inviter, with one join of their own.
  const helper = await memberWith(request, owner, guild.id);
  const helperInvite = await createInvite(request, helper, channelId, { max_age: 0 });
  await joinWith(request, helperInvite.code);

  await signInAt(page, owner, `/guilds/${guild.id}/settings/invites`);
  const nav = page.getByRole("navigation", { name: "Guild settings" });
  await expect(nav.getByRole("link", { name: "Members" })).toBeVisible();

  // The invite's uses lead to the members who joined with it, newest first.
  await page.getByRole("link", { name: `2 / ∞ uses: members who joined with ${popular.code}` }).click();
  await expect(page).toHaveURL(new RegExp(`/settings/members\\?code=${popular.code}$`));
  await expect(nav.getByRole("link", { name: "Members" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("member-code-filter")).toContainText(popular.code);
  const rows = page.getByTestId("member-table").locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute("data-user-id", second.id);
  await expect(rows.nth(1)).toHaveAttribute("data-user-id", first.id);
  await expect(rows.nth(0)).toContainText("Invite link");
  await expect(rows.nth(0)).toContainText(owner.username);
  await expect(page.getByTestId("member-page-status")).toHaveText("Showing 1–2 of 2 members");
  await expectAccessible(page, "the members who joined with one invite");

  // By join source: the vanity URL.
  await page.getByRole("link", { name: "Clear filters" }).click();
  await expect(page).toHaveURL(/\/settings\/members$/);
  await page.getByLabel("Joined through").selectOption({ label: "Vanity URL" });
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/source=vanity/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveAttribute("data-user-id", visitor.id);
  await expect(rows.first()).toContainText(vanity);
  // Its code links to the same view narrowed to that code.
  await rows.first().getByRole("link", { name: vanity }).click();
  await expect(page).toHaveURL(new RegExp(`code=${vanity}`));
  await expect(rows).toHaveCount(1);

  // The leaderboard: the owner's three invite joins, then the helper's one (the vanity join has no inviter).
  await page.goto(`/guilds/${guild.id}/settings/members`);
  const board = page.getByTestId("invite-leaderboard").locator("li");
  await expect(board).toHaveCount(2);
  await expect(board.nth(0)).toHaveAttribute("data-inviter-id", owner.id);
  await expect(board.nth(0).getByTestId("leaderboard-joins")).toHaveText("3 joins");
  await expect(board.nth(1)).toHaveAttribute("data-inviter-id", helper.id);
  await expect(board.nth(1).getByTestId("leaderboard-joins")).toHaveText("1 join");
  const periods = page.getByRole("navigation", { name: "Leaderboard period" });
  await expect(periods.getByRole("link", { name: "7 days" })).toHaveAttribute("aria-current", "page");
  for (const period of ["24 hours", "All time"]) {
    await periods.getByRole("link", { name: period }).click();
    await expect(periods.getByRole("link", { name: period })).toHaveAttribute("aria-current", "page");
    await expect(board.nth(0).getByTestId("leaderboard-joins")).toHaveText("3 joins");
  }
  await expectAccessible(page, "the members view with the leaderboard");

  // More than one page: 50 a page, newest first; Older and Newer walk them.
  for (let batch = 0; batch < 9; batch++) {
    await Promise.all(
      Array.from({ length: 5 }, async () => joinGuild(request, guild.id, await registerUser(request))),
    );
  }
  await page.goto(`/guilds/${guild.id}/settings/members`);
  const total = 1 + 4 + 1 + 1 + 45; // owner, invite joins, vanity join, helper, added now
  await expect(page.getByTestId("member-page-status")).toHaveText(`Showing 1–50 of ${total} members`);
  await expect(rows).toHaveCount(50);
  await expect(rows.last()).not.toHaveAttribute("data-user-id", owner.id);
  await page.getByRole("link", { name: "Older" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(page.getByTestId("member-page-status")).toHaveText(`Showing 51–${total} of ${total} members`);
  await expect(rows.last()).toHaveAttribute("data-user-id", owner.id);
  await expect(rows.last()).toContainText("Created the guild");
  await expect(page.getByRole("link", { name: "Older" })).toHaveCount(0);
  await page.getByRole("link", { name: "Newer" }).click();
  await expect(page.getByTestId("member-page-status")).toHaveText(`Showing 1–50 of ${total} members`);

  // Screenshot: the whole guild, and the leaderboard.
  await shoot(page, "members");
  await expectAccessible(page, "a full page of members");
});

test("only MANAGE_GUILD sees the members view: a channel manager gets no tab, no links and a 403", async ({
  page,
  request,
  owner,
  guild,
}) => {
  const invite = await createInvite(request, owner, guild.general_channel_id!, { max_age: 0 });
  await joinWith(request, invite.code);
  const channelManager = await memberWith(request, owner, guild.id, P.MANAGE_CHANNELS);

  await signInAt(page, channelManager, `/guilds/${guild.id}/settings/invites`);
  await expect(
    page.getByRole("navigation", { name: "Guild settings" }).getByRole("link", { name: "Members" }),
  ).toHaveCount(0);
  const uses = page.locator(`tr[data-code="${invite.code}"]`).getByTestId("invite-uses");
  await expect(uses).toHaveText("1 / ∞");
  await expect(
    page.locator(`tr[data-code="${invite.code}"]`).getByRole("link", { name: /members who joined/ }),
  ).toHaveCount(0);

  const response = await page.goto(`/guilds/${guild.id}/settings/members?code=${invite.code}`);
  expect(response?.status()).toBe(403);
  await expect(page.getByText(invite.code)).toHaveCount(0);
  await expectAccessible(page, "the members view refused");
});
