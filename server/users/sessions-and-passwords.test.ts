// On an in-memory database: a sign-in re-hashes a password stored with a weaker cost, the account throttle
// refuses even the right password once used up, and ending sessions raises the session version (seen at
// once by this instance's cache), revokes user tokens and, on a password change, hands out a fresh one.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";

process.env.DATABASE_URL = "pglite:memory";
process.env.LOG_LEVEL = "warn";
process.env.SIGN_IN_ACCOUNT_LIMIT = "2";

const { openDatabase } = await import("@/server/db");
const { hashPassword, parseStoredHash } = await import("@/server/auth/password");
const { currentSessionVersion, isSessionCurrent } = await import("@/server/auth/session-version");
const { findTokenUser, issueToken } = await import("@/server/auth/tokens");
const { createUserRow } = await import("./register-user");
const { verifyCredentials } = await import("./verify-credentials");
const { logOutEverywhere } = await import("./end-sessions");
const { changePassword } = await import("./change-password");

describe("sessions and passwords", () => {
  let database: Awaited<ReturnType<typeof openDatabase>>;
  before(async () => {
    database = await openDatabase();
  });
  after(async () => {
    await database.close();
  });

  async function newUser(email: string, passwordHash: string) {
    return createUserRow(database.prisma, {
      username: "someone",
      email,
      passwordHash,
      isBot: false,
    });
  }

  it("re-hashes a password stored with N=2^14 at the production cost on the next successful sign-in", async () => {
    process.env.INSECURE_TEST_PASSWORD_HASH_N = "16384";
    const user = await newUser("old-hash@unit.test", await hashPassword("correct-horse-battery"));
    delete process.env.INSECURE_TEST_PASSWORD_HASH_N;
    assert.equal(await verifyCredentials("old-hash@unit.test", "wrong-horse-battery"), null);
    let stored = (await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    assert.equal(parseStoredHash(stored)?.params.N, 16384, "a failed sign-in changes nothing");
    assert.equal((await verifyCredentials(" Old-Hash@Unit.test ", "correct-horse-battery"))?.id, user.id);
    stored = (await database.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash;
    assert.deepEqual(parseStoredHash(stored)?.params, { N: 16384, r: 8, p: 5, keyLength: 64 });
    assert.equal(
      (await verifyCredentials("old-hash@unit.test", "correct-horse-battery"))?.id,
      user.id,
      "the new hash verifies",
    );
  });

  it("refuses even the right password once the account has used up its failed attempts", async () => {
    process.env.INSECURE_TEST_PASSWORD_HASH_N = "16384";
    await newUser("locked@unit.test", await hashPassword("correct-horse-battery"));
    assert.equal(await verifyCredentials("locked@unit.test", "guess-1-xxxxxx"), null);
    assert.equal(await verifyCredentials("LOCKED@unit.test", "guess-2-xxxxxx"), null);
    await assert.rejects(verifyCredentials("locked@unit.test", "correct-horse-battery"), {
      code: "RATE_LIMITED",
    });
    delete process.env.INSECURE_TEST_PASSWORD_HASH_N;
  });

  it("treats sessions without a version as version 0, valid until the first raise", () => {
    assert.equal(isSessionCurrent(undefined, 0), true);
    assert.equal(isSessionCurrent(0, 0), true);
    assert.equal(isSessionCurrent(undefined, 1), false);
    assert.equal(isSessionCurrent(0, 1), false);
    assert.equal(isSessionCurrent(2, 2), true);
    assert.equal(isSessionCurrent("2", 2), false);
    assert.equal(isSessionCurrent(0, null), false, "a deleted user has no sessions");
  });

  it("log out everywhere raises the version (seen at once through the cache) and revokes user tokens", async () => {
    process.env.INSECURE_TEST_PASSWORD_HASH_N = "16384";
    const user = await newUser("everywhere@unit.test", await hashPassword("correct-horse-battery"));
    const token = await issueToken(user.id, "user");
    assert.equal(await currentSessionVersion(user.id), 0);
    assert.equal(await currentSessionVersion(user.id), 0); // cached
    await logOutEverywhere(user.id);
    assert.equal(await currentSessionVersion(user.id), 1);
    assert.equal(await findTokenUser({ kind: "user", token }), null);
    delete process.env.INSECURE_TEST_PASSWORD_HASH_N;
  });

  it("a password change needs the current password, ends every session and returns a working fresh token", async () => {
    process.env.INSECURE_TEST_PASSWORD_HASH_N = "16384";
    const user = await newUser("change@unit.test", await hashPassword("correct-horse-battery"));
    const before = await issueToken(user.id, "user");
    await assert.rejects(
      changePassword(user.id, { password: "not-it", new_password: "brand-new-password" }),
      (error: { code?: string; errors?: { path: string; code: string }[] }) => {
        assert.equal(error.code, "INVALID_FORM_BODY");
        assert.deepEqual(
          error.errors?.map((e) => [e.path, e.code]),
          [["password", "INVALID_PASSWORD"]],
        );
        return true;
      },
    );
    assert.equal(await currentSessionVersion(user.id), 0);
    const { token } = await changePassword(user.id, {
      password: "correct-horse-battery",
      new_password: "brand-new-password",
    });
    assert.equal(await currentSessionVersion(user.id), 1);
    assert.equal(await findTokenUser({ kind: "user", token: before }), null);
    assert.equal((await findTokenUser({ kind: "user", token }))?.id, user.id);
    assert.equal((await verifyCredentials("change@unit.test", "brand-new-password"))?.id, user.id);
    assert.equal(await verifyCredentials("change@unit.test", "correct-horse-battery"), null);
    delete process.env.INSECURE_TEST_PASSWORD_HASH_N;
  });
});
