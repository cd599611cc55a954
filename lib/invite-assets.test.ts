import assert from "node:assert/strict";
import { test } from "node:test";
import { guildBannerUrl, guildIconUrl, idHue, nameInitials, userAvatarUrl } from "./invite-assets";

test("asset URLs are built from well-formed hashes only", () => {
  assert.equal(guildIconUrl("123", "a1b2c3d4e5f6", 128, "https://cdn.test/"), "https://cdn.test/icons/123/a1b2c3d4e5f6.png?size=128");
  assert.equal(guildBannerUrl("123", "a_a1b2c3d4e5f6", 1024, "https://cdn.test"), "https://cdn.test/banners/123/a_a1b2c3d4e5f6.gif?size=1024");
  assert.equal(userAvatarUrl("9", null), null);
  assert.equal(guildIconUrl("123", "../../etc/passwd"), null);
  assert.equal(guildIconUrl("12x", "a1b2c3d4e5f6"), null);
});

test("initials take the first letter of the first two words", () => {
  assert.equal(nameInitials("Night Owls Book Club"), "NO");
  assert.equal(nameInitials("fluxer"), "F");
  assert.equal(nameInitials("  dev-tools "), "DT");
  assert.equal(nameInitials("   "), "?");
});

test("hues are stable and in range", () => {
  assert.equal(idHue("987654321098765432"), idHue("987654321098765432"));
  for (const id of ["1", "42", "987654321098765432"]) assert.ok(idHue(id) >= 0 && idHue(id) < 360);
});
