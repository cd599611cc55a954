// Malformed values.
import type { Rng } from "./rng";

export const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UNICODE = [
  "é",
  "ß",
  "中文",
  "🎉",
  "👩‍👩‍👧",
  "\u202e",
  "\u200b",
  "\u0301",
  "ｆｕｌｌ",
  "١٢٣",
  "\ud800",
  "\u0000",
  "\u001f",
  "\ufeff",
  "𝕏",
];
const NUMBERS = [
  -1,
  -0.5,
  0.5,
  1.5,
  86400.5,
  604801,
  604800.0001,
  101,
  100.5,
  -604800,
  2 ** 31,
  2 ** 32,
  2 ** 53,
  2 ** 53 + 2,
  2 ** 63,
  2 ** 64,
  -(2 ** 63),
  1e21,
  1e308,
  -1e308,
  5e-324,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  1e100,
];
const NANISH = [
  "NaN",
  "nan",
  "Infinity",
  "-Infinity",
  "1e309",
  "0x10",
  "0b101",
  "0o7",
  "1_000",
  " 5",
  "5 ",
  "5",
  "0",
  "",
  "null",
  "undefined",
  "true",
  "false",
  "[]",
  "{}",
  "86400",
  "1e3",
  "٣",
  "５",
];
export const NASTY_STRINGS = [
  "<script>alert(1)</script>",
  "'; DROP TABLE invites; --",
  "' OR '1'='1",
  "${7*7}",
  "{{7*7}}",
  "__proto__",
  "constructor",
  "../../etc/passwd",
  "%00",
  "%zz",
  "\\u0000",
  "a\nb",
  "\r\n\r\n",
];

/** A string from one of the awkward families, at most a few thousand characters. */
export function junkString(rng: Rng): string {
  switch (rng.int(5)) {
    case 0:
      return rng.pick(NANISH);
    case 1:
      return rng.pick(NASTY_STRINGS);
    case 2:
      return Array.from({ length: 1 + rng.int(6) }, () => rng.pick(UNICODE)).join("");
    case 3:
      return rng.text(1 + rng.int(4000), ALNUM + "-_ .");
    default:
      return rng.text(rng.int(40), ALNUM) + rng.pick(UNICODE);
  }
}

function nested(rng: Rng, depth: number): unknown {
  let value: unknown = rng.pick([1, "x", null, true, [], {}]);
  for (let i = 0; i < depth; i++)
    value = rng.chance(0.5) ? [value] : { [rng.pick(["a", "max_age", "code", "$gt", "__proto__"])]: value };
  return value;
}

/** Any JSON value of a wrong kind: numbers out of range or not integers, strings, objects, arrays, null. */
export function junkValue(rng: Rng): unknown {
  switch (rng.int(9)) {
    case 0:
    case 1:
      return rng.pick(NUMBERS);
    case 2:
      return junkString(rng);
    case 3:
      return rng.pick([null, true, false]);
    case 4:
      return nested(rng, 1 + rng.int(rng.chance(0.1) ? 300 : 6));
    case 5:
      return rng.pick([[], [1], [null], ["x", 2], [[[]]], [{ max_age: 1 }]]);
    case 6:
      return rng.pick([
        {},
        { $gt: 0 },
        JSON.parse('{"__proto__":{"admin":true}}'),
        { toString: 1 },
        { valueOf: "1" },
      ]);
    case 7:
      return String(rng.pick(NUMBERS));
    default:
      return rng.pick([-1, 101, 604801, 1.5, "1", "0", "true", 0.1]);
  }
}
