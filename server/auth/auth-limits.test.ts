import assert from "node:assert/strict";
import { test } from "node:test";
import { accountKey, authLimits } from "./auth-limits";

test("sign-in limits: Fluxer's numbers by default, changed within bounds by the SIGN_IN_* variables", () => {
  const defaults = authLimits({});
  assert.deepEqual(defaults.address, { bucket: "auth:login", limit: 10, windowSeconds: 1800 });
  assert.deepEqual(defaults.account, { bucket: "auth:login:account", limit: 5, windowSeconds: 900 });
  const tuned = authLimits({
    SIGN_IN_ADDRESS_LIMIT: "3",
    SIGN_IN_ADDRESS_WINDOW_SECONDS: "2",
    SIGN_IN_ACCOUNT_LIMIT: "0",
    SIGN_IN_ACCOUNT_WINDOW_SECONDS: "nope",
  });
  assert.deepEqual(tuned.address, { bucket: "auth:login", limit: 3, windowSeconds: 2 });
  assert.deepEqual(tuned.account, { bucket: "auth:login:account", limit: 1, windowSeconds: 900 });
  assert.equal(authLimits({ SIGN_IN_ACCOUNT_WINDOW_SECONDS: "9999999" }).account.windowSeconds, 86400);
});

test("an account is counted by its normalized email, and the key does not hold the email", () => {
  assert.equal(accountKey("Someone@Example.org "), accountKey("someone@example.org"));
  assert.notEqual(accountKey("a@example.org"), accountKey("b@example.org"));
  assert.doesNotMatch(accountKey("someone@example.org"), /someone|example/);
});
