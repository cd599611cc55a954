import assert from "node:assert/strict";
import { describe, it } from "node:test";
import {
  byteToCodeChar,
  generateInviteCode,
  INVITE_CODE_ALPHABET,
  INVITE_CODE_LENGTH,
  isLookupCode,
  lookupCandidates,
  REJECTION_THRESHOLD,
} from "./invite-code";
import { isReservedCode } from "./reserved-codes";

describe("generateInviteCode", () => {
  it("makes 8 characters of A-Za-z0-9", () => {
    for (let i = 0; i < 200; i++) assert.match(generateInviteCode(), /^[A-Za-z0-9]{8}$/);
    assert.equal(INVITE_CODE_LENGTH, 8);
    assert.equal(INVITE_CODE_ALPHABET.length, 62);
  });

  it("rejects bytes 248-255 instead of folding them onto the alphabet", () => {
    assert.equal(REJECTION_THRESHOLD, 248);
    for (let byte = 248; byte <= 255; byte++) assert.equal(byteToCodeChar(byte), null, `byte ${byte}`);
    assert.equal(byteToCodeChar(0), "A");
    assert.equal(byteToCodeChar(61), "9");
    assert.equal(byteToCodeChar(62), "A");
    assert.equal(byteToCodeChar(247), "9");
    // A source that offers rejected bytes first: they never reach the code.
    let calls = 0;
    const source = (size: number) => {
      calls++;
      return calls === 1 ? new Uint8Array(size).fill(255) : new Uint8Array(size).fill(1);
    };
    assert.equal(generateInviteCode(source), "BBBBBBBB");
    assert.ok(calls >= 2);
  });

  it("maps every accepted byte value to each character exactly 4 times", () => {
    const counts = new Map<string, number>();
    for (let byte = 0; byte < 256; byte++) {
      const char = byteToCodeChar(byte);
      if (char !== null) counts.set(char, (counts.get(char) ?? 0) + 1);
    }
    assert.equal(counts.size, 62);
    for (const [char, count] of counts) assert.equal(count, 4, char);
  });

  it("draws characters roughly uniformly", () => {
    const counts = new Map<string, number>();
    const codes = 20_000;
    for (let i = 0; i < codes; i++)
      for (const char of generateInviteCode()) counts.set(char, (counts.get(char) ?? 0) + 1);
    const expected = (codes * INVITE_CODE_LENGTH) / 62; // about 2580 per character
    for (const char of INVITE_CODE_ALPHABET) {
      const count = counts.get(char) ?? 0;
      // ±15% is far outside random noise (σ ≈ 50) yet would catch modulo bias on the first characters (+25%).
      assert.ok(Math.abs(count - expected) < expected * 0.15, `${char}: ${count} vs ${expected.toFixed(0)}`);
    }
  });
});

describe("lookup codes", () => {
  it("accepts 2-32 of A-Za-z0-9 and hyphen only", () => {
    assert.ok(isLookupCode("ab"));
    assert.ok(isLookupCode("a".repeat(32)));
    assert.ok(isLookupCode("Fluxer-HQ"));
    assert.ok(!isLookupCode("a"));
    assert.ok(!isLookupCode("a".repeat(33)));
    assert.ok(!isLookupCode("bad code"));
    assert.ok(!isLookupCode("abc_def"));
    assert.ok(!isLookupCode("ünï"));
    assert.ok(!isLookupCode(""));
  });

  it("tries the exact code first, then the lowercased one", () => {
    assert.deepEqual(lookupCandidates("AbC12345"), ["AbC12345", "abc12345"]);
    assert.deepEqual(lookupCandidates("fluxer"), ["fluxer"]);
    assert.deepEqual(lookupCandidates("x"), []);
  });
});

describe("reserved codes", () => {
  it("reserves the app's top-level routes in any case", () => {
    for (const code of [
      "invite",
      "api",
      "login",
      "register",
      "guilds",
      "settings",
      "channels",
      "_next",
      "static",
      "favicon.ico",
      "API",
      " Login ",
    ]) {
      assert.ok(isReservedCode(code), code);
    }
    assert.ok(!isReservedCode("fluxer"));
  });
});
