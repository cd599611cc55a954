// The analytics settings pages in Chromium: the guild's ranking and one invite's chart, totals and referrers,
// drawn from views and joins made through the real server; each chart's numbers are in its table too; axe
// finds nothing; phones don't scroll sideways (screenshots settings-analytics-*).
import { expect, randomIp, registerUser, test } from "../fixtures";
import { expectAccessible, shoot, signInAt } from "./guild-settings-helpers";
import { acceptInvite, createInvite } from "../support/invites";
import { memberWith } from "../support/members";

const BROWSER =
  "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36";

test("a manager reads the guild's invite ranking and one invite's views, joins and referrers", async ({
  page,
  request,
  owner,
  guild,
  channelId,
}) => {
  const [popular, quiet] = await Promise.all([
    createInvite(request, owner, channelId, { max_age: 0 }),
    createInvite(request, owner, channelId, { max_age: 0 }),
  ]);
  const referers = [
    "https://news.example.com/post",
    "https://news.example.com/other",
    "https://forum.example.org/t/1",
    "",
  ];
  for (const [i, referer] of referers.entries()) {
    const headers: Record<string, string> = {
      "x-test-client-address": randomIp(),
      "user-agent": BROWSER,
      ...(referer ? { referer } : {}),
    };
    expect(
      (await request.get(i % 2 ? `/${popular.code}` : `/invite/${popular.code}`, { headers })).status(),
    ).toBe(200);
  }
  expect(
    (
      await request.get(`/api/v1/invites/${quiet.code}`, {
        headers: { "x-test-client-address": randomIp(), "user-agent": BROWSER },
      })
    ).status(),
  ).toBe(200);
  const joiner = await registerUser(request);
  expect((await acceptInvite(request, joiner, popular.code)).status()).toBe(200);
  await expect
    .poll(
      async () =>
        (
          await (
            await request.get(`/api/v1/invites/${popular.code}/analytics`, { headers: owner.headers })
          ).json()
        ).totals,
      { timeout: 15_000 },
    )
    .toMatchObject({ views: 4, joins: 1 });

  await signInAt(page, owner, `/guilds/${guild.id}/settings/analytics`);
  await expect(page.getByRole("link", { name: "Analytics" })).toHaveAttribute("aria-current", "page");
  const ranking = page.getByTestId("invite-ranking");
  await expect(ranking.getByRole("row")).toHaveCount(3);
  await expect(ranking.getByRole("row").nth(1)).toContainText(popular.code);
  await expect(ranking.getByRole("row").nth(1)).toContainText("25%");
  await expect(page.getByRole("img", { name: /Views and joins of the top invites/ })).toBeVisible();
  await expectAccessible(page, "the guild's invite analytics");
  await shoot(page, "analytics-overview");

  await ranking.getByRole("link", { name: popular.code }).click();
  await expect(page.getByRole("heading", { name: `Invite ${popular.code}` })).toBeVisible();
  const totals = page.getByTestId("analytics-totals");
  await expect(totals.locator('[data-stat="Views"]')).toHaveText("4");
  await expect(totals.locator('[data-stat="Unique visitors"]')).toHaveText("4");
  await expect(totals.locator('[data-stat="Joins"]')).toHaveText("1");
  await expect(totals.locator('[data-stat="Conversion"]')).toHaveText("25%");
  await expect(page.getByTestId("referrers").getByRole("row").nth(1)).toContainText("news.example.com");
  await expect(page.getByTestId("referrers").getByRole("row").nth(1)).toContainText("2");

  // The chart's numbers as a table; the 24-hour range shows hours.
  await page.getByRole("link", { name: "24 hours" }).click();
  await expect(page).toHaveURL(/range=24h/);
  const chart = page.getByTestId("invite-analytics-chart");
  await chart.getByText("Show as table").click();
  await expect(chart.getByRole("columnheader", { name: "Hour" })).toBeVisible();
  const rows = chart.locator("tbody tr");
  const values = await rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => Number(td.textContent))),
  );
  expect(values.reduce((sum, [views]) => sum + (views ?? 0), 0)).toBe(4);
  expect(values.reduce((sum, [, joins]) => sum + (joins ?? 0), 0)).toBe(1);
  await expectAccessible(page, "an invite's analytics with its table open");
  await shoot(page, "analytics-invite");
});

test("a plain member is refused the analytics pages; an inviter sees their own invite's", async ({
  page,
  request,
  owner,
  guild,
  channelId,
}) => {
  const member = await memberWith(request, owner, guild.id);
  const ownersInvite = await createInvite(request, owner, channelId, { max_age: 0 });
  const own = await createInvite(request, member, channelId, { max_age: 0 });
  await signInAt(page, member, `/guilds/${guild.id}/settings/analytics/${own.code}`);
  await expect(page.getByRole("heading", { name: `Invite ${own.code}` })).toBeVisible();
  await expect(page.getByRole("link", { name: "Analytics" })).toHaveCount(0);
  for (const path of [
    `/guilds/${guild.id}/settings/analytics`,
    `/guilds/${guild.id}/settings/analytics/${ownersInvite.code}`,
  ]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
});

test("a manager opens an invite's analytics from its row in the invites table", async ({
  page,
  request,
  owner,
  guild,
  channelId,
}) => {
  const invite = await createInvite(request, owner, channelId, { max_age: 0 });
  const visit = await request.get(`/invite/${invite.code}`, {
    headers: { "x-test-client-address": randomIp(), "user-agent": BROWSER },
  });
  expect(visit.status()).toBe(200);

  await signInAt(page, owner, `/guilds/${guild.id}/settings/invites`);
  await page.getByRole("link", { name: `Analytics of ${invite.code}` }).click();
  await expect(page).toHaveURL(new RegExp(`/settings/analytics/${invite.code}$`));
  await expect(page.getByRole("heading", { name: `Invite ${invite.code}` })).toBeVisible();
  await expect
    .poll(
      async () => {
        await page.reload();
        return page.getByTestId("analytics-totals").locator('[data-stat="Views"]').textContent();
      },
      { timeout: 15_000 },
    )
    .toBe("1");
});
