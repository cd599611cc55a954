import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { allowedMethods } from "./api-routes";

describe("allowedMethods", () => {
  it("lists every method of a path, whatever the parameter values", () => {
    assert.deepEqual(allowedMethods("/invites/abc123")?.sort(), ["DELETE", "GET", "PATCH", "POST"]);
    assert.deepEqual(allowedMethods("/guilds/123/vanity-url")?.sort(), ["GET", "PATCH"]);
    assert.deepEqual(allowedMethods("/users/@me")?.sort(), ["GET", "PATCH"]);
  });
  it("prefers a literal segment over a parameter in the same place", () => {
    assert.deepEqual(allowedMethods("/invites/abc123/target-users/bulk-add"), ["POST"]);
    assert.deepEqual(allowedMethods("/invites/abc123/target-users/123")?.sort(), ["DELETE", "PUT"]);
  });
  it("knows nothing of paths no route has", () => {
    assert.equal(allowedMethods("/nope"), null);
    assert.equal(allowedMethods("/invites/a/b"), null);
  });
});
