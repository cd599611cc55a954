import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { afterLoginPath, inviteCodeOfPath, safeNextPath, sameSiteRedirect, withNextParam } from "./urls";

describe("safeNextPath", () => {
  it("keeps same-site relative paths with their query and hash", () => {
    assert.equal(safeNextPath("/guilds"), "/guilds");
    assert.equal(safeNextPath("/invite/AbCd1234?x=1#top"), "/invite/AbCd1234?x=1#top");
    assert.equal(safeNextPath("/guilds/../invite/x"), "/invite/x");
  });
  it("refuses anything that could leave the site", () => {
    const bad = [
      "//evil.com",
      "//evil.com/x",
      "https://evil.com",
      "http:/evil.com",
      "/\\evil.com",
      "\\\\evil.com",
      "/\t/evil.com",
      "/\n/evil.com",
      "javascript:alert(1)",
      "evil.com",
      "",
      " /guilds",
      null,
      42,
      ["/guilds"],
    ];
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

describe("inviteCodeOfPath", () => {
  it("finds the code of an invite landing path, either URL form, with or without a query", () => {
    assert.equal(inviteCodeOfPath("/invite/AbCd1234?accept=1"), "AbCd1234");
    assert.equal(inviteCodeOfPath("/invite/night-owls"), "night-owls");
    assert.equal(inviteCodeOfPath("/AbCd1234#top"), "AbCd1234");
    assert.equal(inviteCodeOfPath("/guilds/../invite/AbCd1234"), "AbCd1234");
  });
  it("ignores other pages, other sites and codes no invite can have", () => {
    const none = [
      "/guilds/1",
      "/",
      "/invite/",
      "/invite/a",
      "/invite/AbCd1234/x",
      "/invite/Ab%43d1234",
      "/invite/Ab_Cd",
      `/invite/${"a".repeat(33)}`,
      "https://evil.example/invite/AbCd1234",
      "//evil.example/AbCd1234",
      "/\\evil.example",
      "/login?next=/invite/AbCd1234",
      null,
      7,
    ];
    for (const value of none) assert.equal(inviteCodeOfPath(value), null, JSON.stringify(value));
  });
});

describe("sameSiteRedirect", () => {
  const base = "https://invites.example.org";
  it("keeps a path of this site, on the configured origin", () => {
    assert.equal(sameSiteRedirect("/guilds/1?tab=x#y", base), "https://invites.example.org/guilds/1?tab=x#y");
    assert.equal(
      sameSiteRedirect("https://invites.example.org/guilds", base),
      "https://invites.example.org/guilds",
    );
  });
  it("sends everything else to the site's root: other sites, malformed and script URLs, //host, login loops", () => {
    const bad = [
      "https://evil.example",
      "https://evil.example/guilds",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "http://[x",
      "http://invites.example.org:8080/",
      "/login",
      undefined,
      42,
    ];
    for (const value of bad)
      assert.equal(sameSiteRedirect(value, base), "https://invites.example.org/", JSON.stringify(value));
  });
  it("resolves a bare word against this site, so it stays here", () => {
    assert.equal(sameSiteRedirect("evil.example", base), "https://invites.example.org/evil.example");
    assert.equal(
      sameSiteRedirect("%2F%2Fevil.example", base),
      "https://invites.example.org/%2F%2Fevil.example",
    );
    assert.equal(sameSiteRedirect("", base), "https://invites.example.org/");
  });
});
