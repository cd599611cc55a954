// The account page, reached from the app header: change the password (this browser stays signed in, every
// other session ends) and log out everywhere (every session ends, this one included). Both are plain form
// posts, so they work without JavaScript too.
import { addressHeaders, expect, expectError, randomIp, test, type TestUser } from "../fixtures";
import { signInAt } from "./guild-settings-helpers";
import type { Browser, Page } from "@playwright/test";

const NEW_PASSWORD = "an-even-better-password";

/** Another browser, signed in as `user` on /guilds. */
async function otherBrowser(browser: Browser, user: TestUser, javaScriptEnabled: boolean): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signInAt(page, user, "/guilds");
  return page;
}

async function expectSignedOut(page: Page) {
  await page.goto("/guilds");
  await expect(page).toHaveURL(/\/login\?next=%2Fguilds$/);
}

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
    test.use({ javaScriptEnabled });

    test("change the password: errors in words, then this browser stays signed in and every other session ends", async ({
      page,
      browser,
      request,
      user,
    }) => {
      const elsewhere = await otherBrowser(browser, user, javaScriptEnabled);
      await signInAt(page, user, "/guilds");
      await page.getByRole("link", { name: "Account" }).click();
      await expect(page).toHaveURL(/\/account$/);
      await expect(page.getByTestId("account-identity")).toContainText(user.email);

      const form = page.getByRole("form", { name: "Change password" });
      await form.getByLabel("Current password").fill("not-my-password");
      await form.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
      await form.getByLabel("Confirm new password").fill(NEW_PASSWORD);
      await form.getByRole("button", { name: "Change password" }).click();
      await expect(page.locator("#field-password-error")).toHaveText("That is not your current password.");

      await form.getByLabel("Current password").fill(user.password);
      await form.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
      await form.getByLabel("Confirm new password").fill("something-else-entirely");
      await form.getByRole("button", { name: "Change password" }).click();
      await expect(page.locator("#field-confirm_password-error")).toHaveText(
        "The two new passwords are not the same.",
      );

      await form.getByLabel("Current password").fill(user.password);
      await form.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
      await form.getByLabel("Confirm new password").fill(NEW_PASSWORD);
      await form.getByRole("button", { name: "Change password" }).click();
      await expect(page.getByTestId("password-changed")).toContainText("Password changed");

      // This browser is still signed in; the other one and the API token are not.
      await page.goto("/guilds");
      await expect(page).toHaveURL(/\/guilds$/);
      await expectSignedOut(elsewhere);
      await expectError(await request.get("/api/v1/users/@me", { headers: user.headers }), "UNAUTHORIZED");
      const login = await request.post("/api/v1/auth/login", {
        data: { email: user.email, password: NEW_PASSWORD },
        headers: addressHeaders(randomIp()),
      });
      expect(login.status()).toBe(200);
      await elsewhere.context().close();
    });

    test("log out everywhere ends this browser's session, every other one and the API tokens", async ({
      page,
      browser,
      request,
      user,
    }) => {
      const elsewhere = await otherBrowser(browser, user, javaScriptEnabled);
      await signInAt(page, user, "/account");
      await page.getByRole("button", { name: "Log out everywhere" }).click();
      await expect(page).toHaveURL(/\/login$/);
      await expectSignedOut(page);
      await expectSignedOut(elsewhere);
      await expectError(await request.get("/api/v1/users/@me", { headers: user.headers }), "UNAUTHORIZED");
      await elsewhere.context().close();
    });
  });
}
