import assert from "node:assert/strict";
import { test } from "node:test";
import { SIGN_IN_REFUSALS, signInErrorMessage } from "./messages";

test("the login page's ?error=&code= in words: known codes, a generic line otherwise, nothing without an error", () => {
  assert.equal(signInErrorMessage("CredentialsSignin", "rate_limited"), SIGN_IN_REFUSALS.rate_limited);
  assert.match(SIGN_IN_REFUSALS.rate_limited, /^Too many attempts/);
  assert.equal(signInErrorMessage("CredentialsSignin", "credentials"), SIGN_IN_REFUSALS.credentials);
  assert.equal(signInErrorMessage("Configuration", undefined), "Signing in failed. Try again.");
  for (const code of ["toString", "constructor", "__proto__", ["rate_limited"]]) {
    assert.equal(
      signInErrorMessage("CredentialsSignin", code),
      "Signing in failed. Try again.",
      String(code),
    );
  }
  assert.equal(signInErrorMessage(undefined, "rate_limited"), null);
  assert.equal(signInErrorMessage("", undefined), null);
});
