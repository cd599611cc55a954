// The "Pause invites" switch adds or removes its one feature in the database, so an instance admin changing
// other features through PATCH /guilds/{id} at the same instant keeps every change, and the manager's pause
// neither fails nor undoes one. Each round: the switch is clicked while the admin keeps changing another
// feature until the pause has landed; then the audit log (one entry per write, in commit order) must show
// no lost update: every write started from what the one before it left.
import { expect, test, type TestUser } from "../fixtures";
import { signInAt } from "./guild-settings-helpers";
import type { APIRequestContext } from "@playwright/test";

const ROUNDS = Number(process.env.PAUSE_RACE_ROUNDS ?? 10);
const ADMIN_LISTS = [["VANITY_URL"], ["VANITY_URL", "VERIFIED"]];

type FeaturesEntry = {
  id: string;
  user_id: string;
  changes: { key: string; old_value: string[]; new_value: string[] }[];
};

const sorted = (list: string[]) => [...list].sort();

/** The guild-update entries that changed features, oldest first (snowflake order: the order the writes committed). */
async function featureEntries(request: APIRequestContext, owner: TestUser, guildId: string) {
  const response = await request.get(`/api/v1/guilds/${guildId}/audit-logs?action_type=1&limit=100`, {
    headers: owner.headers,
  });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()).audit_log_entries as FeaturesEntry[])
    .filter((e) => e.changes?.some((c) => c.key === "features"))
    .map((e) => ({ id: e.id, userId: e.user_id, ...e.changes.find((c) => c.key === "features")! }))
    .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1));
}

test("pausing while an admin changes other features: no change is lost", async ({
  page,
  request,
  owner,
  guild,
  admin,
}) => {
  test.setTimeout(60_000 + ROUNDS * 20_000);
  const path = `/guilds/${guild.id}/settings/invites`;
  await signInAt(page, owner, path);
  const toggle = page.getByRole("switch", { name: "Pause invites" });
  const refused = page.locator("form").filter({ has: toggle }).getByRole("alert");

  for (let round = 1; round <= ROUNDS; round++) {
    const reset = await request.patch(`/api/v1/guilds/${guild.id}`, {
      headers: admin.headers,
      data: { features: [] },
    });
    expect(reset.status(), await reset.text()).toBe(200);
    const seen = new Set((await featureEntries(request, owner, guild.id)).map((e) => e.id));
    const fresh = async () => (await featureEntries(request, owner, guild.id)).filter((e) => !seen.has(e.id));
    await page.goto(path);
    await expect(toggle).toHaveAttribute("aria-checked", "false");

    // The admin writes one list, then the other, until the pause is recorded (or refused).
    let pauseLanded = false;
    const adminWrites: string[][] = [];
    const adminLoop = (async () => {
      for (let i = 0; !pauseLanded && i < 40; i++) {
        const features = ADMIN_LISTS[i % 2]!;
        const response = await request.patch(`/api/v1/guilds/${guild.id}`, {
          headers: admin.headers,
          data: { features },
        });
        if (response.status() === 429) {
          // The admin's identity is shared with other tests: wait out the global limit, as a client would.
          await new Promise((resolve) =>
            setTimeout(resolve, Number(response.headers()["retry-after"] ?? 1) * 1000),
          );
          continue;
        }
        expect(response.status(), await response.text()).toBe(200);
        adminWrites.push(features);
      }
    })();
    await toggle.click();
    await expect
      .poll(async () => (await refused.count()) > 0 || (await fresh()).some((e) => e.userId === owner.id), {
        timeout: 15_000,
      })
      .toBe(true);
    pauseLanded = true;
    await adminLoop;

    await expect(refused, `round ${round}: the pause was refused`).toHaveCount(0);
    const entries = await fresh();
    const pauses = entries.filter((e) => e.userId === owner.id);
    expect(pauses, `round ${round}: one pause`).toHaveLength(1);
    // The switch changed its own feature only.
    expect(sorted(pauses[0]!.new_value)).toEqual(sorted([...pauses[0]!.old_value, "INVITES_DISABLED"]));
    // No lost update: each write started from what the previous one left (the reset's list first).
    let state: string[] = [];
    for (const entry of entries) {
      expect(
        sorted(entry.old_value),
        `round ${round}: entry ${entry.id} by ${entry.userId === owner.id ? "the switch" : "the admin"}`,
      ).toEqual(state);
      state = sorted(entry.new_value);
    }
    // Both changes survive in the guild: the admin's last list, and the pause unless the admin wrote after it.
    const features = sorted(
      (await (await request.get(`/api/v1/guilds/${guild.id}`, { headers: owner.headers })).json()).features,
    );
    const lastAdmin = adminWrites[adminWrites.length - 1]!;
    const pauseWasLast = entries[entries.length - 1]!.userId === owner.id;
    expect(features, `round ${round}`).toEqual(state);
    expect(features).toEqual(sorted(pauseWasLast ? [...lastAdmin, "INVITES_DISABLED"] : lastAdmin));
  }
});
