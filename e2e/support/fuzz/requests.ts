// Query strings and path segments (raw: already URL-encoded, sometimes deliberately badly).
import { ALNUM, NASTY_STRINGS, junkString } from "./values";
import { lookupCandidates } from "../../../lib/invite-code";
import type { Rng } from "./rng";

/** Percent-encodes text; lone surrogates (which encodeURIComponent refuses) become U+FFFD first. */
const encode = (text: string) => encodeURIComponent(text.toWellFormed());

const QUERY_VALUES = [
  "yes",
  "no",
  "TRUE",
  "True",
  "2",
  "-1",
  "1.0",
  "01",
  "",
  " true",
  "true ",
  "null",
  "undefined",
  "NaN",
  "%zz",
  "%E0%A4%A",
  "１",
];

export function junkQuery(rng: Rng): string {
  const value = () =>
    rng.chance(0.7)
      ? encode(rng.pick(QUERY_VALUES))
      : rng.chance(0.5)
        ? rng.pick(QUERY_VALUES)
        : encode(junkString(rng).slice(0, 3000));
  switch (rng.int(8)) {
    case 0:
      return `?with_counts=${value()}`;
    case 1:
      return `?with_expiration=${value()}`;
    case 2:
      return `?with_counts=${value()}&with_expiration=${value()}`;
    case 3:
      return `?with_counts=1&with_counts=${value()}`;
    case 4:
      return rng.pick([
        "?with_counts[]=1",
        "?with_counts[a]=1",
        "?__proto__=1",
        "?constructor=x",
        "?=",
        "?&&&",
        "?with_counts",
        "?limit=-1&after=x",
        "?max_age=-1",
      ]);
    case 5:
      return `?${"a=1&".repeat(1 + rng.int(500))}with_counts=${value()}`;
    case 6:
      return `?${encode(junkString(rng).slice(0, 200))}=${value()}`;
    default:
      return "";
  }
}

const PERCENT_JUNK = [
  "%zz",
  "%",
  "%%",
  "%2",
  "%E0%A4%A",
  "%C0%AF",
  "%FF",
  "%uFFFD",
  "%25",
  "%252e%252e%252f",
  "%c0%ae%c0%ae%2f",
  "%ED%A0%80",
];
const TRAVERSAL = [
  "..%2F..%2Fguilds",
  "%2e%2e%2f%2e%2e%2f",
  "..%5C..%5C",
  "....%2F%2F",
  "%2E%2E%2Fapi%2Fv1",
  "..%252f",
  "..%2F",
  "%2F",
  "%2F%2F",
  "a%2F..%2F..%2Fb",
  "..;",
  "..%00",
];

/** A code (raw path segment) that is not a live invite's: wrong shapes, unicode, percent junk, traversal, near-misses of real codes. */
export function junkCode(rng: Rng, realCodes: readonly string[], vanity: string): string {
  const real = rng.pick(realCodes);
  switch (rng.int(10)) {
    case 0:
      return rng.text(rng.pick([1, 33, 40, 100, 2000]), ALNUM);
    case 1:
      return rng.text(8, ALNUM); // well-formed, unknown
    case 2:
      return encode(junkString(rng).slice(0, 1500)) || "%20";
    case 3:
      return rng.pick(PERCENT_JUNK);
    case 4:
      return rng.pick(TRAVERSAL);
    case 5:
      return rng.pick([
        `${real}%00`,
        `${real}%20`,
        `%20${real}`,
        `${real}x`,
        real.slice(0, -1),
        `${real}%0A`,
        encode(`${real}\u200b`),
        `${real}${real}`,
        `${real}%3F`,
        `${real}%23`,
        `${real}-`,
        `${real}%2F`,
      ]);
    case 6:
      return rng.pick([
        `${vanity.toUpperCase()}`,
        `${vanity}-`,
        `-${vanity}`,
        `${vanity}%00`,
        encode(vanity.replace(/^./, (c) => `${c}\u0301`)),
      ]);
    case 7:
      return rng.pick([
        "-",
        "--",
        "a-",
        "0",
        "*",
        "%2A",
        "null",
        "undefined",
        "NaN",
        "@me",
        "%40me",
        "~",
        "invite",
        "api",
      ]);
    case 8:
      return `${rng.pick(PERCENT_JUNK)}${rng.text(rng.int(10), ALNUM)}`;
    default:
      return encode(rng.pick(NASTY_STRINGS));
  }
}

/** An id (raw path segment) that is no snowflake of ours, or a real one written oddly. */
export function junkId(rng: Rng, realId: string): string {
  return rng.pick([
    "0",
    "-1",
    "-0",
    "1.5",
    "1e18",
    "0x10",
    "abc",
    "%20",
    "%00",
    "+1",
    "%2B1",
    "%201",
    encode("１２３"),
    encode("١٢٣"),
    "9223372036854775807",
    "9223372036854775808",
    "18446744073709551615",
    "18446744073709551616",
    "9".repeat(100),
    "1".repeat(rng.int(3000) + 21),
    `0${realId}`,
    `${realId}0`,
    `${realId}%00`,
    `${realId}%20`,
    `${realId}.`,
    `${realId};`,
    "%zz",
    "%E0%A4%A",
    `${realId}%2F..%2F`,
    "null",
    "undefined",
    "NaN",
    "Infinity",
    "%5Bobject%20Object%5D",
    "@me",
    "%40me",
    String(2 ** 53 + 1),
    `-${realId}`,
    `${realId}n`,
  ]);
}

/** Whether the server would look a code up as one of these live invites (exact, then lowercased). */
export function resolvesTo(rawSegment: string, codes: readonly string[]): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawSegment);
  } catch {
    return false;
  }
  return lookupCandidates(decoded).some((candidate) => codes.includes(candidate));
}
