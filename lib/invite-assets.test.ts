import assert from "node:assert/strict";
import { test } from "node:test";
import { guildSplashUrl, idHue, userAvatarUrl } from "./invite-assets";

test("splash and avatar hashes resolve like guild images; malformed or missing hashes give null", () => {
  assert.equal(guildSplashUrl("fluxer-banner"), "/demo/fluxer-banner.svg");
  assert.equal(userAvatarUrl(null), null);
  assert.equal(userAvatarUrl("../../etc/passwd"), null);
});

test("hues are stable and in range", () => {
  assert.equal(idHue("987654321098765432"), idHue("987654321098765432"));
  for (const id of ["1", "42", "987654321098765432"]) assert.ok(idHue(id) >= 0 && idHue(id) < 360);
});
