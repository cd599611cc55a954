// The signed-in header: the logo, the avatar and the buttons share one centre line at every width.
import { expect, test } from "../fixtures";
import { signInAt } from "./guild-settings-helpers";

test("the header's logo, avatar, Account and Log out are centred on one line", async ({ page, user }) => {
  await signInAt(page, user, "/guilds");
  const header = page.getByRole("banner");
  const parts = {
    logo: header.getByRole("link", { name: "Fluxer Invites: my guilds" }).locator("svg"),
    avatar: header.getByTestId("current-user").locator("span[aria-hidden]").first(),
    account: header.getByRole("link", { name: "Account" }),
    logout: header.getByRole("button", { name: "Log out" }),
  };
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    const centres: Record<string, number> = {};
    for (const [name, locator] of Object.entries(parts)) {
      const box = await locator.boundingBox();
      expect(box, `${name} at ${width}px`).not.toBeNull();
      centres[name] = box!.y + box!.height / 2;
    }
    for (const name of ["avatar", "account", "logout"]) {
      expect(
        Math.abs(centres[name]! - centres.logo!),
        `${name} vs logo at ${width}px: ${JSON.stringify(centres)}`,
      ).toBeLessThanOrEqual(1);
    }
  }
});

test("on a phone nothing in the header wraps onto a second line", async ({ page, user }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await signInAt(page, user, "/guilds");
  const header = page.getByRole("banner");
  for (const [name, locator] of [
    [
      "the app's name",
      header.getByRole("link", { name: "Fluxer Invites: my guilds" }).getByText("Fluxer Invites"),
    ],
    ["Account", header.getByRole("link", { name: "Account" })],
    ["Log out", header.getByRole("button", { name: "Log out" })],
  ] as const) {
    // The lines its visible text takes (text hidden for screen readers only has a 1 px box and doesn't count).
    const lines = await locator.evaluate((element) => {
      const tops = new Set<number>();
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if ((node.parentElement?.getBoundingClientRect().width ?? 0) <= 1) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) if (rect.width > 0) tops.add(Math.round(rect.top));
      }
      return tops.size;
    });
    expect(lines, `${name} on one line`).toBeLessThanOrEqual(1);
  }
});
