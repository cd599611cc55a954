import { expect, test } from "../fixtures";
import { signInAt } from "./guild-settings-helpers";

test("the invites page shows an invite created through the API, and drops one revoked there, without a reload", async ({
  page,
  request,
  owner,
  guild,
}) => {
  await signInAt(page, owner, `/guilds/${guild.id}/settings/invites`);
  // The page says when its event stream is connected; events sent before that are not replayed.
  await expect(page.getByTestId("live-status")).toBeVisible({ timeout: 15_000 });
  // A marker that a full navigation or reload would wipe.
  await page.evaluate(() => ((window as unknown as { noReload: boolean }).noReload = true));

  const created = await request.post(`/api/v1/channels/${guild.general_channel_id}/invites`, {
    headers: owner.headers,
    data: { max_age: 3600, max_uses: 5 },
  });
  expect(created.status(), await created.text()).toBe(200);
  const { code } = await created.json();
  // (The code also shows in the activity list below, which keeps a record of the revoke: look in the table.)
  await expect(page.getByTestId("invite-table").getByText(code, { exact: true })).toBeVisible({
    timeout: 15_000,
  });

  const revoked = await request.delete(`/api/v1/invites/${code}`, { headers: owner.headers });
  expect(revoked.status()).toBe(200);
  await expect(page.getByTestId("invite-table").getByText(code, { exact: true })).toHaveCount(0, {
    timeout: 15_000,
  });
  await expect(page.getByTestId("no-invites")).toBeVisible();

  expect(await page.evaluate(() => (window as unknown as { noReload?: boolean }).noReload)).toBe(true);
});
