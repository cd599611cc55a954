// The "Pause invites" switch adds or removes its one feature in the database, so an instance admin changing
// another feature through PATCH /guilds/{id} at the same instant keeps their change, and the manager's pause
// neither fails nor undoes it. Several rounds, each a fresh guild, each the two writers fired together.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { createGuild, registerUser, type TestUser } from "../fixtures";
import { instanceAdmin } from "../support/members";
import { signInAt } from "./guild-settings-helpers";

const ROUNDS = Number(process.env.PAUSE_RACE_ROUNDS ?? 12);

type FeaturesEntry = { id: string; user_id: string; changes: { key: string; old_value: string[]; new_value: string[] }[] };

async function featureEntries(request: APIRequestContext, owner: TestUser, guildId: string): Promise<FeaturesEntry[]> {
  const response = await request.get(`/api/v1/guilds/${guildId}/audit-logs?action_type=1`, { headers: owner.headers });
  expect(response.status(), await response.text()).toBe(200);
  const entries = ((await response.json()).audit_log_entries as FeaturesEntry[]).filter((e) => e.changes?.some((c) => c.key === "features"));
  return entries.sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1)); // oldest first: the order the writes committed
}

test("pausing while an admin changes another feature: both changes survive", async ({ page, request }) => {
  test.setTimeout(60_000 + ROUNDS * 15_000);
  const owner = await registerUser(request);
  const admin = await instanceAdmin(request);
  const guild = await createGuild(request, owner);
  const path = `/guilds/${guild.id}/settings/invites`;
  await signInAt(page, owner, path);
  const toggle = page.getByRole("switch", { name: "Pause invites" });

  for (let round = 1; round <= ROUNDS; round++) {
    // Start from no features, and remember where the audit log stood.
    const reset = await request.patch(`/api/v1/guilds/${guild.id}`, { headers: admin.headers, data: { features: [] } });
    expect(reset.status(), await reset.text()).toBe(200);
    const seen = new Set((await featureEntries(request, owner, guild.id)).map((e) => e.id));
    await page.goto(path);
    await expect(toggle).toHaveAttribute("aria-checked", "false");

    const [, patched] = await Promise.all([
      toggle.click(),
      request.patch(`/api/v1/guilds/${guild.id}`, { headers: admin.headers, data: { features: ["VANITY_URL"] } }),
    ]);
    expect(patched.status(), await patched.text()).toBe(200);
    // The switch settles on "paused", or the form says why it could not pause.
    const refused = page.locator("form").filter({ has: toggle }).getByRole("alert");
    await expect(refused.or(toggle.and(page.locator('[aria-checked="true"]')))).toBeVisible();
    await expect(refused, `round ${round}: the pause was refused`).toHaveCount(0);

    const features = ((await (await request.get(`/api/v1/guilds/${guild.id}`, { headers: owner.headers })).json()).features as string[]).sort();
    const entries = (await featureEntries(request, owner, guild.id)).filter((e) => !seen.has(e.id));
    const pause = entries.find((e) => e.user_id === owner.id);
    const edit = entries.find((e) => e.user_id === admin.id);
    expect(pause, `round ${round}: the pause is in the audit log`).toBeTruthy();
    expect(edit, `round ${round}: the admin's change is in the audit log`).toBeTruthy();
    // The switch touched its own feature only.
    const pauseChange = pause!.changes.find((c) => c.key === "features")!;
    expect([...pauseChange.new_value].sort()).toEqual([...new Set([...pauseChange.old_value, "INVITES_DISABLED"])].sort());
    // The admin's feature is never undone by the switch; the pause survives unless the admin's whole list
    // was written after it (a PATCH sets the list it is given).
    const adminWroteLast = entries[entries.length - 1] === edit;
    console.log(`round ${round}: ${adminWroteLast ? "admin last" : "pause last"} ${JSON.stringify(pauseChange)}`);
    expect(features, `round ${round}`).toEqual(adminWroteLast ? ["VANITY_URL"] : ["INVITES_DISABLED", "VANITY_URL"]);
  }
});
