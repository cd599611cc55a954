#!/usr/bin/env node
// Screenshots of the demo world for docs/screenshots/: login, guild list, the demo guild's page and its
// Members settings (settings-members-*) at a phone (390 px) and a desktop (1280 px) width, light, plus
// desktop dark, the demo invite's landing page signed out (landing-demo-390/1280, with the demo's members
// online), the register and login pages as its "Create an account" opens them (register-invite-*,
// login-invite-*), and the guild's invite analytics (analytics-*, analytics-invite-*). Run against `npm run demo`:
//   BASE_URL=http://localhost:3000 DEMO_PASSWORD=<printed password> node e2e/ui/capture-demo-screenshots.mjs
import { existsSync, mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";

const baseURL = process.env.BASE_URL ?? "http://localhost:3000";
const email = process.env.DEMO_EMAIL ?? "demo@fluxer.local";
const password = process.env.DEMO_PASSWORD;
const outDir = process.env.OUT_DIR ?? "docs/screenshots";
if (!password) throw new Error("Set DEMO_PASSWORD to the password the demo printed");
mkdirSync(outDir, { recursive: true });

const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const browser = await chromium.launch({
  executablePath: existsSync(executablePath) ? executablePath : undefined,
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
});

const shots = [
  { name: "mobile", viewport: { width: 390, height: 844 }, colorScheme: "light" },
  { name: "desktop", viewport: { width: 1280, height: 800 }, colorScheme: "light" },
  { name: "desktop-dark", viewport: { width: 1280, height: 800 }, colorScheme: "dark" },
];

for (const shot of shots) {
  const context = await browser.newContext({
    baseURL,
    viewport: shot.viewport,
    colorScheme: shot.colorScheme,
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  if (shot.colorScheme === "light") {
    // The landing page counts the demo's simulated members online (DEMO_PRESENCE): wait for them.
    await page.goto("/invite/fluxer");
    await page
      .getByTestId("invite-online")
      .filter({ hasText: /^[1-9]\d* Online$/ })
      .waitFor();
    await page.screenshot({
      path: `${outDir}/landing-demo-${shot.viewport.width}.png`,
      fullPage: true,
      animations: "disabled",
    });
  }
  // The sign-in pages as the demo invite's "Create an account" opens them: the invite's card on top.
  await page.goto("/invite/fluxer");
  await page.getByRole("button", { name: "Create an account" }).click();
  await page.waitForURL("**/register?next=*");
  await page.getByRole("region", { name: "Your invite" }).waitFor();
  await page.screenshot({ path: `${outDir}/register-invite-${shot.name}.png`, fullPage: true });
  await page.getByRole("link", { name: "Log in" }).click();
  await page.waitForURL("**/login?next=*");
  await page.getByRole("region", { name: "Your invite" }).waitFor();
  await page.screenshot({ path: `${outDir}/login-invite-${shot.name}.png`, fullPage: true });
  await page.goto("/login");
  await page.screenshot({ path: `${outDir}/login-${shot.name}.png`, fullPage: true });
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await page.waitForURL("**/guilds");
  await page.screenshot({ path: `${outDir}/guilds-${shot.name}.png`, fullPage: true });
  await page.getByRole("link", { name: /Fluxer Community/ }).click();
  await page.getByRole("heading", { name: "Fluxer Community" }).waitFor();
  await page.screenshot({ path: `${outDir}/guild-${shot.name}.png` });
  // The demo guild's Members settings: who joined through which invite, and the invite leaderboard.
  const guildId = new URL(page.url()).pathname.split("/")[2];
  await page.goto(`/guilds/${guildId}/settings/members?period=all`);
  await page.getByTestId("member-table").waitFor();
  await page.screenshot({ path: `${outDir}/settings-members-${shot.name}.png`, fullPage: true });
  // The guild's invite analytics (the views above counted too), and the demo invite's own.
  await page.goto(`/guilds/${guildId}/settings/analytics?range=30d`);
  await page.getByTestId("invite-ranking").waitFor();
  await page.screenshot({ path: `${outDir}/analytics-${shot.name}.png`, fullPage: true });
  await page.getByTestId("invite-ranking").getByRole("link").first().click();
  await page.getByTestId("analytics-totals").waitFor();
  await page.screenshot({ path: `${outDir}/analytics-invite-${shot.name}.png`, fullPage: true });
  await context.close();
  console.log(`captured ${shot.name}`);
}
await browser.close();
