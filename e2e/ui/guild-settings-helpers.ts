// Helpers of the guild settings browser tests (e2e/ui/guild-settings*.spec.ts): sign in through the
// login page, seed guilds, channels and invites through the real API.
import { mkdirSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { CLIENT_ADDRESS_HEADER, randomIp, type TestUser } from "../fixtures";
import { instanceAdmin } from "../support/members";

/** Where the settings screenshots go; `SCREENSHOT_DIR=docs/screenshots` refreshes the documented ones. */
export const SHOTS = process.env.SCREENSHOT_DIR ?? "test-results/screenshots";

/** Opens `path` signed out, lands on /login?next=..., signs in through the form and comes back to `path`. */
export async function signInAt(page: Page, user: TestUser, path: string) {
  await page.context().setExtraHTTPHeaders({ [CLIENT_ADDRESS_HEADER]: randomIp() });
  await page.goto(path);
  await expect(page).toHaveURL(/\/login\?next=/);
  await page.getByLabel("Email", { exact: true }).fill(user.email);
  await page.getByLabel("Password", { exact: true }).fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page).toHaveURL(new RegExp(`${path.replace(/[?]/g, "\\?")}$`));
}

export async function createChannel(
  request: APIRequestContext,
  owner: TestUser,
  guildId: string,
  name: string,
): Promise<string> {
  const response = await request.post(`/api/v1/guilds/${guildId}/channels`, {
    headers: owner.headers,
    data: { name, type: 0 },
  });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()).id;
}

/** The instance admin sets the guild's features (only admins may grant VANITY_URL). */
export async function setFeatures(request: APIRequestContext, guildId: string, features: string[]) {
  const admin = await instanceAdmin(request);
  const response = await request.patch(`/api/v1/guilds/${guildId}`, {
    headers: admin.headers,
    data: { features },
  });
  expect(response.status(), await response.text()).toBe(200);
}

export type ListedInvite = {
  code: string;
  channel_id: string;
  max_age: number;
  max_uses: number;
  temporary: boolean;
  uses: number;
  inviter_id: string | null;
};

/** GET /api/v1/guilds/{id}/invites with the manager's token. */
export async function guildInvites(
  request: APIRequestContext,
  manager: TestUser,
  guildId: string,
): Promise<ListedInvite[]> {
  const response = await request.get(`/api/v1/guilds/${guildId}/invites`, { headers: manager.headers });
  expect(response.status(), await response.text()).toBe(200);
  return response.json();
}

/** The QR symbol size a link of `length` bytes needs: smallest version 1-6 at level M (then L), 17 + 4v modules. */
export function expectedQrModules(length: number): number {
  const capacities = [
    [14, 26, 42, 62, 84, 106],
    [17, 32, 53, 78, 106, 134],
  ];
  for (const levels of capacities) {
    const version = levels.findIndex((capacity) => capacity >= length) + 1;
    if (version > 0) return 17 + 4 * version;
  }
  throw new Error(`a ${length}-byte link does not fit a version 6 QR code`);
}

/** Screenshots at 390 and 1280 px; at each width the page must not scroll sideways. */
export async function shoot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  mkdirSync(SHOTS, { recursive: true });
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    // The layout after the resize: two animation frames (resize observers and the paint after them).
    await page.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${name} scrolls sideways at ${width}px`).toBeLessThanOrEqual(0);
    await page.screenshot({
      path: `${SHOTS}/settings-${name}-${width}.png`,
      fullPage: options.fullPage ?? true,
    });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** No WCAG 2.1 A/AA violations on the page as it is now (open dialogs included). */
export async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} → ${v.nodes
        .map((n) => n.target.join(" "))
        .slice(0, 3)
        .join(", ")}`,
  );
  expect(summary, `accessibility of ${what}`).toEqual([]);
}
