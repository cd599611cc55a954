// Accessibility of the landing page in each state, light and dark: axe finds no WCAG A/AA violations
// (contrast included), the primary action is reachable by keyboard, and the page works at 320 px.
import AxeBuilder from "@axe-core/playwright";
import { CLIENT_ADDRESS_HEADER, expect, randomIp, registerUser, test } from "../fixtures";
import { createInvite } from "../support/invites";
import type { Page } from "@playwright/test";

async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`,
  );
  expect(summary, label).toEqual([]);
}

async function signIn(page: Page, user: { email: string; password: string }) {
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const response = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: user.email, password: user.password },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(302);
}

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ [CLIENT_ADDRESS_HEADER]: randomIp() });
});

test("anonymous, signed-in, temporary and invalid states pass axe in light and dark", async ({
  page,
  request,
  owner,
  channelId,
}) => {
  const invite = await createInvite(request, owner, channelId, { temporary: true });
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(`/invite/${invite.code}`);
    await expectNoViolations(page, `anonymous ${colorScheme}`);
    await page.goto("/invite/NoSuchInvite1");
    await expectNoViolations(page, `invalid ${colorScheme}`);
  }
  await signIn(page, await registerUser(request));
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(`/invite/${invite.code}?accept=1`);
    await expectNoViolations(page, `signed in ${colorScheme}`);
  }
});

test("keyboard: Tab reaches the primary action with a visible focus ring; 320 px needs no sideways scrolling", async ({
  page,
  request,
  owner,
  channelId,
}) => {
  const invite = await createInvite(request, owner, channelId);
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto(`/${invite.code}`);
  const login = page.getByRole("button", { name: "Log in to accept" });
  for (let press = 0; press < 5 && !(await login.evaluate((el) => el === document.activeElement)); press++)
    await page.keyboard.press("Tab");
  await expect(login).toBeFocused();
  const outline = await login.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).toBe("solid");
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBe(0);
});
