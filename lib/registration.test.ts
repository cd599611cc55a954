import assert from "node:assert/strict";
import { test } from "node:test";
import { inviteCodeFromInput, parseRegistrationMode } from "./registration";

void test("REGISTRATION: unset is open, the three modes in any case, anything else closed and reported", () => {
  assert.deepEqual(parseRegistrationMode(undefined), { mode: "open", isValid: true });
  assert.deepEqual(parseRegistrationMode("  "), { mode: "open", isValid: true });
  assert.deepEqual(parseRegistrationMode("open"), { mode: "open", isValid: true });
  assert.deepEqual(parseRegistrationMode(" Invite "), { mode: "invite", isValid: true });
  assert.deepEqual(parseRegistrationMode("CLOSED"), { mode: "closed", isValid: true });
  for (const typo of ["invites", "invite-only", "true", "0", "opne"])
    assert.deepEqual(parseRegistrationMode(typo), { mode: "closed", isValid: false }, typo);
});

void test("an invite code typed or pasted: the code, or the last segment of an invite link", () => {
  assert.equal(inviteCodeFromInput("  Xk3pQ9aZ "), "Xk3pQ9aZ");
  assert.equal(inviteCodeFromInput("https://chat.example.com/invite/Xk3pQ9aZ"), "Xk3pQ9aZ");
  assert.equal(inviteCodeFromInput("chat.example.com/Xk3pQ9aZ/"), "Xk3pQ9aZ");
  assert.equal(inviteCodeFromInput("https://chat.example.com/invite/Xk3pQ9aZ?accept=1#top"), "Xk3pQ9aZ");
  assert.equal(inviteCodeFromInput(""), null);
  assert.equal(inviteCodeFromInput("   "), null);
});
