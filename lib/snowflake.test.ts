import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { nextSnowflake, parseSnowflake, snowflakeTimestamp } from "./snowflake";

describe("snowflakes", () => {
  it("encode the creation time and never repeat within a millisecond", () => {
    const now = Date.UTC(2026, 2, 1, 10, 0, 0);
    const ids = Array.from({ length: 5000 }, () => nextSnowflake(now));
    assert.equal(new Set(ids).size, ids.length);
    assert.equal(snowflakeTimestamp(ids[0]!).getTime(), now);
    for (let i = 1; i < ids.length; i++) assert.ok(ids[i]! > ids[i - 1]!);
  });
  it("never repeat across copies of the module in one process (Next bundles it once per server layer)", async () => {
    // A query string makes the module loader evaluate the file again: a second copy, as Next's bundles hold.
    const load = (copy: string) =>
      import(`./snowflake.ts?copy=${copy}`) as Promise<typeof import("./snowflake")>;
    const copies = [await load("route-handlers"), await load("server-actions")];
    const now = Date.UTC(2026, 2, 1, 11, 0, 0);
    const ids = Array.from({ length: 200 }, (_, i) => copies[i % 2]!.nextSnowflake(now + Math.floor(i / 4)));
    assert.equal(new Set(ids).size, ids.length);
  });
  it("parse strings and safe integers, refuse everything else", () => {
    assert.equal(parseSnowflake("987654321098765432"), 987654321098765432n);
    assert.equal(parseSnowflake(42), 42n);
    assert.equal(parseSnowflake("9223372036854775807"), 2n ** 63n - 1n);
    for (const bad of [
      "",
      "abc",
      "-1",
      "1.5",
      "99999999999999999999999",
      "9223372036854775808",
      "18446744073709551615",
      1.5,
      -3,
      0,
      null,
      {},
      undefined,
    ]) {
      assert.equal(parseSnowflake(bad), null, JSON.stringify(bad) ?? "undefined");
    }
  });
});
