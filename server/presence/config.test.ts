import assert from "node:assert/strict";
import { test } from "node:test";
import { temporaryMemberGraceSeconds } from "./config";

test("TEMP_MEMBER_GRACE_SECONDS defaults to 10 and is clamped to 0-30", () => {
  assert.equal(temporaryMemberGraceSeconds(undefined), 10);
  assert.equal(temporaryMemberGraceSeconds(""), 10);
  assert.equal(temporaryMemberGraceSeconds("soon"), 10);
  assert.equal(temporaryMemberGraceSeconds("5"), 5);
  assert.equal(temporaryMemberGraceSeconds("2.6"), 3);
  assert.equal(temporaryMemberGraceSeconds("120"), 30);
  assert.equal(temporaryMemberGraceSeconds("-4"), 0);
});
