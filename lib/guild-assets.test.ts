import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { guildBannerUrl, guildIconUrl, initials } from "./guild-assets";

describe("guild assets", () => {
  it("map a hash to the shipped image and no hash to null", () => {
    assert.equal(guildIconUrl({ iconHash: "fluxer-icon", bannerHash: null }), "/demo/fluxer-icon.svg");
    assert.equal(
      guildBannerUrl({ icon_hash: null, banner_hash: "fluxer-banner" }),
      "/demo/fluxer-banner.svg",
    );
    assert.equal(guildIconUrl({ iconHash: null, bannerHash: null }), null);
    assert.equal(guildIconUrl({ iconHash: "../../etc/passwd", bannerHash: null }), null);
  });
  it("make initials", () => {
    assert.equal(initials("Fluxer Community"), "FC");
    assert.equal(initials("gaming"), "G");
    assert.equal(initials("  "), "?");
  });
});
