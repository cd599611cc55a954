import { ERROR_CODES } from "../../lib/errors";
import { expect, test } from "../fixtures";
import { signInAt } from "./guild-settings-helpers";

// Spec section 2: a write authenticated by the session cookie must come from the app's own Origin.
test("a cookie-authenticated write from a foreign Origin is refused with 403 INVALID_ORIGIN and changes nothing", async ({
  page,
  request,
  owner,
  guild,
}) => {
  await signInAt(page, owner, `/guilds/${guild.id}/settings/invites`);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.includes("authjs.session-token"))).toBe(true);

  const url = `/api/v1/channels/${guild.general_channel_id}/invites`;
  // page.request shares the browser's cookies; the Origin header is what a foreign site's form would send.
  const foreign = await page.request.post(url, {
    data: { max_age: 0 },
    headers: { origin: "https://evil.example" },
  });
  expect(foreign.status()).toBe(ERROR_CODES.INVALID_ORIGIN.status);
  expect((await foreign.json()).code).toBe("INVALID_ORIGIN");
  const noOrigin = await page.request.post(url, {
    data: { max_age: 0 },
    headers: { "sec-fetch-site": "cross-site" },
  });
  expect((await noOrigin.json()).code).toBe("INVALID_ORIGIN");

  const list = await request.get(`/api/v1/guilds/${guild.id}/invites`, { headers: owner.headers });
  expect(await list.json()).toEqual([]);

  // The same write from our own origin works (cookie session, no token).
  const own = await page.request.post(url, {
    data: { max_age: 0 },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(own.status(), await own.text()).toBe(200);
});
