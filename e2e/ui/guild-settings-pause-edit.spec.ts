// Guild settings → Invites: pausing for a while (a countdown, then Resume) with the landing page saying until
// when in the visitor's own time zone, and the Edit dialog, which tells the manager when someone else edited
// the invite first instead of overwriting that change.
import { mkdirSync } from "node:fs";
import {
  CLIENT_ADDRESS_HEADER,
  expect,
  expectError,
  randomIp,
  registerUser,
  test,
  type TestUser,
} from "../fixtures";
import { expectAccessible, shoot, signInAt } from "./guild-settings-helpers";

// The landing page's states go where invite-landing.spec.ts puts its own (docs/screenshots with LANDING_SCREENSHOTS=1).
const LANDING_SHOTS = process.env.LANDING_SCREENSHOTS ? "docs/screenshots" : "test-results/screenshots";

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
  return (await response.json()) as { code: string; version: number };
}

test("pause for 1 h: a banner with the end and a live countdown, the landing page in the visitor's zone, then Resume", async ({
  page,
  request,
  browser,
  baseURL,
  owner,
  guild,
}) => {
  const { code } = await createInviteVia(request, owner, guild.general_channel_id!, { max_age: 0 });
  const [visitor, joiner] = [await registerUser(request), await registerUser(request)];
  await signInAt(page, owner, `/guilds/${guild.id}/settings/invites`);

  const banner = page.getByTestId("invites-paused-banner");
  const toggle = page.getByRole("switch", { name: "Pause invites" });
  await expect(banner).toHaveCount(0);
  await page.getByRole("button", { name: "Pause for 1 h" }).click();
  await expect(banner).toContainText("Invites are paused until");
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  // Buttons to pause are gone while paused; the switch (and the banner) resume.
  await expect(page.getByRole("button", { name: "Pause for 1 h" })).toHaveCount(0);

  const incidents = (
    await (await request.get(`/api/v1/guilds/${guild.id}`, { headers: owner.headers })).json()
  ).incidents_data;
  const until = Date.parse(incidents.invites_disabled_until);
  expect(until - Date.now()).toBeGreaterThan(59 * 60_000);
  expect(until - Date.now()).toBeLessThanOrEqual(60 * 60_000);
  await expectError(
    await request.post(`/api/v1/invites/${code}`, { headers: visitor.headers }),
    "INVITES_DISABLED",
  );

  // The countdown ticks in the browser (59m 58s, 59m 57s, ...).
  const countdown = page.getByTestId("pause-countdown");
  await expect(countdown).toHaveText(/^59m \d\ds$/);
  const first = await countdown.textContent();
  await expect(countdown).not.toHaveText(first!);
  await expectAccessible(page, "the invites page during a timed pause");
  await shoot(page, "paused-for-a-while");

  // A visitor in Tokyo reads the end in Tokyo time; the HTML (shared by every visitor) says it in UTC.
  const tokyo = await browser.newContext({
    baseURL,
    timezoneId: "Asia/Tokyo",
    extraHTTPHeaders: { [CLIENT_ADDRESS_HEADER]: randomIp() },
  });
  try {
    const landing = await tokyo.newPage();
    const response = await landing.goto(`/invite/${code}`);
    expect(await response!.text()).toMatch(
      /<time[^>]*data-testid="invites-paused-until"[^>]*>\d{1,2} \w{3}, \d\d:\d\d UTC<\/time>/,
    );
    await expect(landing.getByRole("button", { name: "Invites paused" })).toBeDisabled();
    await expect(landing.getByTestId("invites-paused-until")).toHaveText(/GMT\+9$/);
    await expect(landing.getByTestId("invites-paused-until")).toHaveAttribute(
      "datetime",
      incidents.invites_disabled_until,
    );
    await expectAccessible(landing, "the landing page during a timed pause");
    mkdirSync(LANDING_SHOTS, { recursive: true });
    for (const width of [390, 1280]) {
      await landing.setViewportSize({ width, height: 900 });
      await landing.screenshot({
        path: `${LANDING_SHOTS}/landing-paused-until-${width}.png`,
        fullPage: true,
        animations: "disabled",
      });
    }
  } finally {
    await tokyo.close();
  }

  await banner.getByRole("button", { name: "Resume invites" }).click();
  await expect(banner).toHaveCount(0);
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await expect(page.getByRole("button", { name: "Pause for 1 h" })).toBeVisible();
  expect((await request.post(`/api/v1/invites/${code}`, { headers: joiner.headers })).status()).toBe(200);
  const after = (await (await request.get(`/api/v1/guilds/${guild.id}`, { headers: owner.headers })).json())
    .incidents_data;
  expect(after.invites_disabled_until).toBeNull();
});

test("edit an invite in a dialog; an edit someone else saved first is shown, never overwritten", async ({
  page,
  request,
  owner,
  guild,
}) => {
  const invite = await createInviteVia(request, owner, guild.general_channel_id!, {
    max_uses: 10,
    max_age: 0,
  });
  await signInAt(page, owner, `/guilds/${guild.id}/settings/invites`);
  const row = page.locator(`tr[data-code="${invite.code}"]`);
  const dialog = page.getByTestId("edit-dialog");

  await page.getByRole("button", { name: `Edit invite ${invite.code}` }).click();
  await expect(dialog.getByRole("heading", { name: `Edit invite ${invite.code}` })).toBeVisible();
  await dialog.getByLabel("Max uses").selectOption("25");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByTestId("invite-uses")).toHaveText("0 / 25");

  // Opened at version 2; another manager (here: the API) saves first.
  await page.getByRole("button", { name: `Edit invite ${invite.code}` }).click();
  await expect(dialog).toBeVisible();
  const other = await request.patch(`/api/v1/invites/${invite.code}`, {
    headers: owner.headers,
    data: { max_uses: 50, temporary: true, version: invite.version + 1 },
  });
  expect(other.status(), await other.text()).toBe(200);
  await dialog.getByLabel("Max uses").selectOption("5");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  const conflict = dialog.getByTestId("edit-conflict");
  await expect(conflict).toContainText("Someone else changed this invite");
  await expect(conflict).toContainText("50 uses");
  await expect(conflict).toContainText("temporary membership");
  // The form starts again from what is saved now; nothing of ours was written.
  await expect(dialog.getByLabel("Max uses")).toHaveValue("50");
  await expect(dialog.getByRole("switch", { name: /Temporary membership/ })).toBeChecked();
  const saved = await (
    await request.get(`/api/v1/invites/${invite.code}`, { headers: owner.headers })
  ).json();
  expect(saved).toMatchObject({ max_uses: 50, temporary: true, version: invite.version + 2 });
  await expectAccessible(page, "the edit dialog with a conflict");
  await shoot(page, "edit-conflict");

  // Deciding again, at the current version, saves.
  await dialog.getByLabel("Max uses").selectOption("100");
  await dialog.getByRole("button", { name: "Save changes" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByTestId("invite-uses")).toHaveText("0 / 100");
  await expect(row).toContainText("Temporary");
});
