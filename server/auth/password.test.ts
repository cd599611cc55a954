// Password hashing: the production cost is one of OWASP's equal-strength scrypt settings, the test-only override
// can only lower it within bounds, hashes of other settings (weaker ones, and the earlier N=2^17 p=1) still
// verify and are replaced after a right password, and hashes run in bounded slots.
import assert from "node:assert/strict";
import { randomBytes, scryptSync } from "node:crypto";
import { afterEach, describe, it } from "node:test";
import { withHashSlot } from "./hash-slots";
import { hashPassword, needsRehash, parseStoredHash, verifyPassword } from "./password";
import { hashConcurrency, hashQueueLimit, PRODUCTION_SCRYPT, scryptParams } from "./password-settings";

const saved = { ...process.env };
afterEach(() => {
  for (const name of ["INSECURE_TEST_PASSWORD_HASH_N", "PASSWORD_HASH_CONCURRENCY", "PASSWORD_HASH_QUEUE"]) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe("scrypt cost", () => {
  it("is N=2^14, r=8, p=5 (16 MiB a hash) unless a test server lowers it", () => {
    assert.deepEqual(PRODUCTION_SCRYPT, { N: 16384, r: 8, p: 5, keyLength: 64 });
    assert.deepEqual(scryptParams({}), PRODUCTION_SCRYPT);
    assert.deepEqual(scryptParams({ INSECURE_TEST_PASSWORD_HASH_N: "" }), PRODUCTION_SCRYPT);
    assert.deepEqual(scryptParams({ INSECURE_TEST_PASSWORD_HASH_N: "16384" }), {
      N: 16384,
      r: 8,
      p: 1,
      keyLength: 64,
    });
  });

  it("refuses anything below 2^14, above the production cost or not a power of two", () => {
    for (const value of ["8192", "1024", "1", "0", "-16384", "20000", "262144", "131072", "32768", "lots"]) {
      assert.deepEqual(scryptParams({ INSECURE_TEST_PASSWORD_HASH_N: value }), PRODUCTION_SCRYPT, value);
    }
  });

  it("hashes with the production parameters by default", async () => {
    delete process.env.INSECURE_TEST_PASSWORD_HASH_N;
    const stored = await hashPassword("correct-horse-battery");
    assert.match(stored, /^scrypt\$16384\$8\$5\$[\w-]{22}\$[\w-]{86}$/);
    assert.equal((await verifyPassword("correct-horse-battery", stored)).isValid, true);
    assert.equal((await verifyPassword("wrong-horse-battery", stored)).isValid, false);
  });
});

describe("rehash on sign-in", () => {
  it("upgrades a hash made with N=2^14 after the right password, to the production cost", async () => {
    process.env.INSECURE_TEST_PASSWORD_HASH_N = "16384";
    const old = await hashPassword("correct-horse-battery");
    assert.equal(parseStoredHash(old)?.params.N, 16384);
    delete process.env.INSECURE_TEST_PASSWORD_HASH_N;

    assert.equal(needsRehash(old), true);
    const wrong = await verifyPassword("not-the-password", old);
    assert.deepEqual(wrong, { isValid: false, upgradedHash: null });
    const right = await verifyPassword("correct-horse-battery", old);
    assert.equal(right.isValid, true);
    assert.ok(right.upgradedHash);
    assert.deepEqual(parseStoredHash(right.upgradedHash)?.params, PRODUCTION_SCRYPT);
    assert.equal(needsRehash(right.upgradedHash), false);
    assert.deepEqual(await verifyPassword("correct-horse-battery", right.upgradedHash), {
      isValid: true,
      upgradedHash: null,
    });
  });

  it("checks a hash of the earlier production cost (N=2^17, p=1) and replaces it with the current one", async () => {
    delete process.env.INSECURE_TEST_PASSWORD_HASH_N;
    // Made as the earlier production setting stored them: `scrypt$N$r$p$salt$key`, a 64-byte key.
    const salt = randomBytes(16);
    const key = scryptSync("correct-horse-battery", salt, 64, {
      N: 131072,
      r: 8,
      p: 1,
      maxmem: 256 * 131072 * 8,
    });
    const earlier = `scrypt$131072$8$1$${salt.toString("base64url")}$${key.toString("base64url")}`;
    assert.equal(needsRehash(earlier), true);
    assert.deepEqual(await verifyPassword("wrong-horse-battery", earlier), {
      isValid: false,
      upgradedHash: null,
    });
    const right = await verifyPassword("correct-horse-battery", earlier);
    assert.equal(right.isValid, true);
    assert.deepEqual(parseStoredHash(right.upgradedHash)?.params, PRODUCTION_SCRYPT);
    assert.equal(needsRehash(right.upgradedHash!), false);
    assert.deepEqual(await verifyPassword("correct-horse-battery", right.upgradedHash), {
      isValid: true,
      upgradedHash: null,
    });
  });

  it("never downgrades: a production hash is kept on a test server", async () => {
    const strong = await hashPassword("correct-horse-battery");
    process.env.INSECURE_TEST_PASSWORD_HASH_N = "16384";
    assert.equal(needsRehash(strong), false);
    assert.deepEqual(await verifyPassword("correct-horse-battery", strong), {
      isValid: true,
      upgradedHash: null,
    });
  });

  it("treats a missing or foreign hash as a wrong password (after the same work)", async () => {
    process.env.INSECURE_TEST_PASSWORD_HASH_N = "16384";
    for (const stored of [
      null,
      undefined,
      "",
      "bcrypt$2b$10$abc",
      "scrypt$99999999$8$1$c2FsdA$a2V5",
      "scrypt$16384$8$1$c2FsdA$",
    ]) {
      assert.deepEqual(
        await verifyPassword("anything", stored),
        { isValid: false, upgradedHash: null },
        String(stored),
      );
    }
  });
});

describe("hash slots", () => {
  it("default to 1 running and 8 waiting, within bounds", () => {
    assert.equal(hashConcurrency({}), 1);
    assert.equal(hashQueueLimit({}), 8);
    assert.equal(hashConcurrency({ PASSWORD_HASH_CONCURRENCY: "0" }), 1);
    assert.equal(hashConcurrency({ PASSWORD_HASH_CONCURRENCY: "64" }), 16);
    assert.equal(hashQueueLimit({ PASSWORD_HASH_QUEUE: "-3" }), 0);
    assert.equal(hashQueueLimit({ PASSWORD_HASH_QUEUE: "x" }), 8);
  });

  it("run at most the concurrency at once, queue a bounded number, refuse the rest with 503 and Retry-After", async () => {
    process.env.PASSWORD_HASH_CONCURRENCY = "1";
    process.env.PASSWORD_HASH_QUEUE = "1";
    let running = 0;
    let peak = 0;
    const releases: (() => void)[] = [];
    const job = () =>
      withHashSlot(async () => {
        running += 1;
        peak = Math.max(peak, running);
        await new Promise<void>((resolve) => releases.push(resolve));
        running -= 1;
        return "done";
      });
    const first = job();
    const second = job();
    await new Promise((resolve) => setImmediate(resolve));
    await assert.rejects(
      job(),
      (error: { code?: string; status?: number; headers?: Record<string, string> }) => {
        assert.equal(error.code, "SERVICE_UNAVAILABLE");
        assert.equal(error.status, 503);
        assert.match(error.headers?.["Retry-After"] ?? "", /^[1-9]\d*$/);
        return true;
      },
    );
    assert.equal(releases.length, 1); // the second waits for the first
    releases.shift()!();
    assert.equal(await first, "done");
    await new Promise((resolve) => setImmediate(resolve));
    releases.shift()!();
    assert.equal(await second, "done");
    assert.equal(peak, 1);
    // Free again.
    const third = job();
    await new Promise((resolve) => setImmediate(resolve));
    releases.shift()!();
    assert.equal(await third, "done");
  });
});
