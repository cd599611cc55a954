import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { afterLoginPath, safeNextPath, withNextParam } from "./urls";

describe("safeNextPath", () => {
  it("keeps same-site relative paths with their query and hash", () => {
    assert.equal(safeNextPath("/guilds"), "/guilds");
    assert.equal(safeNextPath("/invite/AbCd1234?x=1#top"), "/invite/AbCd1234?x=1#top");
    assert.equal(safeNextPath("/guilds/../invite/x"), "/invite/x");
  });
  it("refuses anything that could leave the site", () => {
    const bad = ["//evil.com", "//evil.com/x", "https://evil.com", "http:/evil.com", "/\\evil.com", "\\\\evil.com", "/\t/evil.com", "/\n/evil.com", "javascript:alert(1)", "evil.com", "", " /guilds", null, 42, ["/guilds"]];
    for (const value of bad) assert.equal(safeNextPath(value), null, JSON.stringify(value));
    // Encoded characters stay encoded in the path, so they cannot change the host.
    assert.equal(safeNextPath("/%2F%2Fevil.com"), "/%2F%2Fevil.com");
  });
  it("never returns to the login or register page", () => {
    assert.equal(safeNextPath("/login?next=/guilds"), null);
    assert.equal(safeNextPath("/register"), null);
  });
});

describe("login links", () => {
  it("carry a safe next and drop an unsafe one", () => {
    assert.equal(withNextParam("/login", "/invite/abc"), "/login?next=%2Finvite%2Fabc");
    assert.equal(withNextParam("/register", "https://evil.com"), "/register");
    assert.equal(afterLoginPath("//evil.com"), "/guilds");
    assert.equal(afterLoginPath("/guilds/1"), "/guilds/1");
  });
});
