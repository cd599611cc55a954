// Password hashes run on a thread of their own whose CPU priority is lowered to PASSWORD_HASH_NICE (Linux:
// the thread's own nice value), and give the same keys as Node's scrypt.
import assert from "node:assert/strict";
import { scryptSync } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";

process.env.PASSWORD_HASH_NICE = "12";
const { hashNice, scryptOnHashThread } = await import("./hash-worker");

/** The nice values of this process's threads (field 19 of /proc/self/task/<tid>/stat). */
function threadNiceValues(): number[] {
  return readdirSync("/proc/self/task").map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[16]);
  });
}

describe("hashing threads", () => {
  it("reads PASSWORD_HASH_NICE clamped to 0-19, 10 by default", () => {
    assert.equal(hashNice({}), 10);
    assert.equal(hashNice({ PASSWORD_HASH_NICE: "0" }), 0);
    assert.equal(hashNice({ PASSWORD_HASH_NICE: "40" }), 19, "clamped");
    assert.equal(hashNice({ PASSWORD_HASH_NICE: "x" }), 10);
  });

  it(
    "derives the same key as Node's scrypt, on a thread running at the lowered priority",
    { skip: !existsSync("/proc/self/task") && "needs Linux's /proc" },
    async () => {
      const salt = Buffer.from("0123456789abcdef");
      const options = { N: 1024, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
      const before = threadNiceValues();
      assert.ok(!before.includes(12), "no thread of this process runs at nice 12 before the first hash");
      const key = await scryptOnHashThread("correct-horse-battery", salt, 32, options);
      assert.deepEqual(key, scryptSync("correct-horse-battery", salt, 32, options));
      assert.ok(threadNiceValues().includes(12), "the hashing thread lowered its own priority");
      assert.equal(
        threadNiceValues().filter((nice) => nice === 0).length >= 1,
        true,
        "the main thread keeps its priority",
      );
    },
  );
});
