// Fuzzing helpers for the invite API: a seeded PRNG, generators of malformed input, an oracle that tells
// whether the server would accept a body (so the fuzzer never sends a valid mutation on purpose), a
// client-side rate-limit budget that spreads requests over many managers, a batched runner that checks
// every answer, and snapshots of everything a request could change.
import { expect, type APIRequestContext } from "@playwright/test";
import { ERROR_CODES } from "../../lib/errors";
import { lookupCandidates } from "../../lib/invite-code";
import { Permissions } from "../../lib/permissions";
import { createInviteSchema } from "../../lib/schemas/invites";
import { updateVanitySchema } from "../../lib/schemas/vanity";
import { CLIENT_ADDRESS_HEADER, createGuild, registerUser, type TestUser } from "../fixtures";
import { acceptInvite, createInvite } from "./invites";
import { createRole, giveRole, instanceAdmin } from "./members";
import { RATE_LIMITS, inviteCreateRule, type RateLimitRule } from "../../lib/rate-limits";

// ---------------------------------------------------------------------------------------------------
// Seeded PRNG (mulberry32): the same seed gives the same cases, so a failure reproduces with FUZZ_SEED.

export type Rng = {
  float(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  text(length: number, alphabet: string): string;
};

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const float = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (maxExclusive: number) => Math.floor(float() * maxExclusive);
  return {
    float,
    int,
    pick: <T>(items: readonly T[]) => items[int(items.length)] as T,
    chance: (probability) => float() < probability,
    text: (length, alphabet) => Array.from({ length }, () => alphabet[int(alphabet.length)]).join(""),
  };
}

/** FUZZ_SEED (decimal or 0x hex) or a fixed default, so CI runs are reproducible. */
export function fuzzSeed(): number {
  const raw = process.env.FUZZ_SEED;
  const parsed = raw ? Number(raw) : NaN;
  return Number.isFinite(parsed) ? parsed >>> 0 : 0x5eed2026;
}

// ---------------------------------------------------------------------------------------------------
// Malformed values.

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const UNICODE = ["é", "ß", "中文", "🎉", "👩‍👩‍👧", "\u202e", "\u200b", "\u0301", "ｆｕｌｌ", "١٢٣", "\ud800", "\u0000", "\u001f", "\ufeff", "𝕏"];
const NUMBERS = [
  -1, -0.5, 0.5, 1.5, 86400.5, 604801, 604800.0001, 101, 100.5, -604800, 2 ** 31, 2 ** 32, 2 ** 53, 2 ** 53 + 2, 2 ** 63, 2 ** 64,
  -(2 ** 63), 1e21, 1e308, -1e308, 5e-324, Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER, 1e100,
];
const NANISH = ["NaN", "nan", "Infinity", "-Infinity", "1e309", "0x10", "0b101", "0o7", "1_000", " 5", "5 ", "5", "0", "", "null", "undefined", "true", "false", "[]", "{}", "86400", "1e3", "٣", "５"];
const NASTY_STRINGS = ["<script>alert(1)</script>", "'; DROP TABLE invites; --", "' OR '1'='1", "${7*7}", "{{7*7}}", "__proto__", "constructor", "../../etc/passwd", "%00", "%zz", "\\u0000", "a\nb", "\r\n\r\n"];

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
  for (let i = 0; i < depth; i++) value = rng.chance(0.5) ? [value] : { [rng.pick(["a", "max_age", "code", "$gt", "__proto__"])]: value };
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
      return rng.pick([{}, { $gt: 0 }, JSON.parse('{"__proto__":{"admin":true}}'), { toString: 1 }, { valueOf: "1" }]);
    case 7:
      return String(rng.pick(NUMBERS));
    default:
      return rng.pick([-1, 101, 604801, 1.5, "1", "0", "true", 0.1]);
  }
}

// ---------------------------------------------------------------------------------------------------
// Bodies: the bytes sent and the content type; the oracle says what the server would make of them.

export type FuzzBody = { bytes: Buffer; contentType: string | null };

const MAX_BODY_CHARS = 64 * 1024;

const RAW_TEXTS = [
  "{", "}", "[", "{\"max_age\":}", "{'max_age': 1}", "{\"max_age\": 1,}", "NaN", "undefined", "\u0000", "{\"a\":1}{\"b\":2}",
  "[]", "\"str\"", "123", "true", "null", "-", "{\"max_age\":1e999}", "{\"max_age\":1,\"max_age\":-1}", "{\"max_uses\":100,\"max_uses\":101}",
  "{\"code\":null,\"code\":\"-\"}", "{\"max_age\":0x10}", "{\"max_age\":+1}", "{\"max_age\":.5}", "{\"max_age\":01}", "{\"code\":\"\\ud800\"}",
  "{\"temporary\":tru}", "\ufeff{\"max_uses\":-1}", "//{}", "/*x*/{}", "{\"code\":\"a\" \"b\"}", "<xml/>", "max_age=1&max_uses=2",
];

const CONTENT_TYPES = [
  "application/json", "application/json; charset=utf-8", "APPLICATION/JSON", "text/plain", "text/json", "application/jsonx",
  "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml", "application/octet-stream", "", "*/*",
];

export function body(text: string, contentType: string | null): FuzzBody {
  return { bytes: Buffer.from(text, "utf8"), contentType };
}

/** A body for an object-shaped endpoint: corrupted fields, wrong top-level kinds, broken JSON, odd types. */
export function junkBody(rng: Rng, fields: readonly string[]): FuzzBody {
  const contentType = rng.chance(0.75) ? rng.pick(CONTENT_TYPES.slice(0, 2)) : rng.pick(CONTENT_TYPES);
  switch (rng.int(7)) {
    case 0:
    case 1:
    case 2: {
      // One to all fields corrupted, maybe with extra keys.
      const value: Record<string, unknown> = {};
      for (const field of fields) if (rng.chance(0.6)) value[field] = junkValue(rng);
      value[rng.pick(fields)] = junkValue(rng);
      if (rng.chance(0.2)) value[junkString(rng).slice(0, 40)] = junkValue(rng);
      return body(JSON.stringify(value), contentType);
    }
    case 3:
      return body(JSON.stringify(junkValue(rng)), contentType);
    case 4:
      return body(rng.pick(RAW_TEXTS), contentType);
    case 5: {
      // Too large (413) or deeply nested.
      const huge = rng.chance(0.5);
      return body(huge ? JSON.stringify({ [rng.pick(fields)]: rng.text(MAX_BODY_CHARS + rng.int(1024), ALNUM) }) : "[".repeat(5000) + "]".repeat(rng.int(2) * 5000), contentType);
    }
    default:
      return body(JSON.stringify({ [rng.pick(fields)]: junkValue(rng) }), rng.pick(CONTENT_TYPES));
  }
}

/** What the server's readJson would make of a body: the parsed value, or null when it answers 4xx first. */
export function serverView(fuzz: FuzzBody | undefined): { value: unknown } | null {
  if (!fuzz) return { value: {} };
  const text = new TextDecoder().decode(fuzz.bytes); // like Request.text(): UTF-8, a leading BOM dropped
  if (text.length > MAX_BODY_CHARS) return null;
  if (text.trim() === "") return { value: {} };
  if (fuzz.contentType && !fuzz.contentType.toLowerCase().includes("json")) return null;
  try {
    return { value: JSON.parse(text) };
  } catch {
    return null;
  }
}

export const isValidCreateBody = (fuzz: FuzzBody | undefined) => {
  const seen = serverView(fuzz);
  return seen !== null && createInviteSchema.safeParse(seen.value).success;
};

export const isValidVanityBody = (fuzz: FuzzBody | undefined) => {
  const seen = serverView(fuzz);
  return seen !== null && updateVanitySchema.safeParse(seen.value).success;
};

/** A body the oracle rejects (tries a few draws), or null when the generator kept producing valid ones. */
export function invalidBody(rng: Rng, fields: readonly string[], isValid: (fuzz: FuzzBody) => boolean): FuzzBody | null {
  for (let attempt = 0; attempt < 8; attempt++) {
    const candidate = junkBody(rng, fields);
    if (!isValid(candidate)) return candidate;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Query strings and path segments (raw: already URL-encoded, sometimes deliberately badly).

/** Percent-encodes text; lone surrogates (which encodeURIComponent refuses) become U+FFFD first. */
const encode = (text: string) => encodeURIComponent(text.toWellFormed());

const QUERY_VALUES = ["yes", "no", "TRUE", "True", "2", "-1", "1.0", "01", "", " true", "true ", "null", "undefined", "NaN", "%zz", "%E0%A4%A", "１"];

export function junkQuery(rng: Rng): string {
  const value = () => (rng.chance(0.7) ? encode(rng.pick(QUERY_VALUES)) : rng.chance(0.5) ? rng.pick(QUERY_VALUES) : encode(junkString(rng).slice(0, 3000)));
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
      return rng.pick(["?with_counts[]=1", "?with_counts[a]=1", "?__proto__=1", "?constructor=x", "?=", "?&&&", "?with_counts", "?limit=-1&after=x", "?max_age=-1"]);
    case 5:
      return `?${"a=1&".repeat(1 + rng.int(500))}with_counts=${value()}`;
    case 6:
      return `?${encode(junkString(rng).slice(0, 200))}=${value()}`;
    default:
      return "";
  }
}

const PERCENT_JUNK = ["%zz", "%", "%%", "%2", "%E0%A4%A", "%C0%AF", "%FF", "%uFFFD", "%25", "%252e%252e%252f", "%c0%ae%c0%ae%2f", "%ED%A0%80"];
const TRAVERSAL = ["..%2F..%2Fguilds", "%2e%2e%2f%2e%2e%2f", "..%5C..%5C", "....%2F%2F", "%2E%2E%2Fapi%2Fv1", "..%252f", "..%2F", "%2F", "%2F%2F", "a%2F..%2F..%2Fb", "..;", "..%00"];

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
      return rng.pick([`${real}%00`, `${real}%20`, `%20${real}`, `${real}x`, real.slice(0, -1), `${real}%0A`, encode(`${real}\u200b`), `${real}${real}`, `${real}%3F`, `${real}%23`, `${real}-`, `${real}%2F`]);
    case 6:
      return rng.pick([`${vanity.toUpperCase()}`, `${vanity}-`, `-${vanity}`, `${vanity}%00`, encode(vanity.replace(/^./, (c) => `${c}\u0301`))]);
    case 7:
      return rng.pick(["-", "--", "a-", "0", "*", "%2A", "null", "undefined", "NaN", "@me", "%40me", "~", "invite", "api"]);
    case 8:
      return `${rng.pick(PERCENT_JUNK)}${rng.text(rng.int(10), ALNUM)}`;
    default:
      return encode(rng.pick(NASTY_STRINGS));
  }
}

/** An id (raw path segment) that is no snowflake of ours, or a real one written oddly. */
export function junkId(rng: Rng, realId: string): string {
  return rng.pick([
    "0", "-1", "-0", "1.5", "1e18", "0x10", "abc", "%20", "%00", "+1", "%2B1", "%201", encode("１２３"), encode("١٢٣"),
    "9223372036854775807", "9223372036854775808", "18446744073709551615", "18446744073709551616", "9".repeat(100), "1".repeat(rng.int(3000) + 21),
    `0${realId}`, `${realId}0`, `${realId}%00`, `${realId}%20`, `${realId}.`, `${realId};`, "%zz", "%E0%A4%A", `${realId}%2F..%2F`, "null", "undefined",
    "NaN", "Infinity", "%5Bobject%20Object%5D", "@me", "%40me", String(2 ** 53 + 1), `-${realId}`, `${realId}n`,
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

// ---------------------------------------------------------------------------------------------------
// Client-side rate-limit budget: pick a manager that still has room in the bucket, so
// most requests reach validation instead of a 429.

export type Bucket = { key: string; limit: number; windowSeconds: number };

/** The server's own limits (lib/rate-limits.ts), as counters the client keeps. */
const asBucket = (rule: RateLimitRule): Bucket => ({ key: rule.bucket, limit: rule.limit, windowSeconds: rule.windowSeconds });

export const BUCKETS = {
  get: asBucket(RATE_LIMITS.invites.get),
  accept: asBucket(RATE_LIMITS.invites.accept),
  delete: asBucket(RATE_LIMITS.invites.delete),
  list: asBucket(RATE_LIMITS.invites.list),
  vanityGet: asBucket(RATE_LIMITS.invites.vanityGet),
  vanityUpdate: asBucket(RATE_LIMITS.invites.vanityUpdate),
  create: (channelSegment: string): Bucket => asBucket(inviteCreateRule(channelSegment)),
} as const;

const GLOBAL: Bucket = asBucket(RATE_LIMITS.global);
const SAFETY = 0.8; // use 80% of each limit: the server's windows start when it sees a request, not when we send it
const SLACK_MS = 1000;

export type Usage = { user: TestUser; bucket: Bucket; count: number };

export class Budget {
  private readonly sent = new Map<string, number[]>();
  /** `used`: requests the users already made in these buckets (setup), so they count against the windows. */
  constructor(private readonly users: readonly TestUser[], used: readonly Usage[] = []) {
    const now = Date.now();
    for (const { user, bucket, count } of used) for (let i = 0; i < count; i++) this.record(user, bucket, now);
  }

  private room(user: TestUser, bucket: Bucket, now: number): number {
    const key = `${user.id}|${bucket.key}`;
    const recent = (this.sent.get(key) ?? []).filter((at) => at > now - bucket.windowSeconds * 1000 - SLACK_MS);
    this.sent.set(key, recent);
    return Math.max(1, Math.floor(bucket.limit * SAFETY)) - recent.length;
  }

  private record(user: TestUser, bucket: Bucket, now: number) {
    const key = `${user.id}|${bucket.key}`;
    this.sent.set(key, [...(this.sent.get(key) ?? []), now]);
  }

  /** A manager with room in the bucket; waits for a 10 s window to roll over, else takes one anyway (a 429 then). */
  async take(bucket: Bucket): Promise<TestUser> {
    const deadline = Date.now() + (bucket.windowSeconds <= 10 ? (bucket.windowSeconds + 2) * 1000 : 0);
    for (;;) {
      const now = Date.now();
      let best: TestUser | undefined;
      let bestRoom = 0;
      for (const user of this.users) {
        const room = Math.min(this.room(user, bucket, now), this.room(user, GLOBAL, now));
        if (room > bestRoom) [best, bestRoom] = [user, room];
      }
      if (best || now >= deadline) {
        const chosen = best ?? this.users[0]!;
        this.record(chosen, bucket, now);
        this.record(chosen, GLOBAL, now);
        return chosen;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

// ---------------------------------------------------------------------------------------------------
// Cases, the runner and its checks.

export type Caller = "manager" | "anonymous" | "bad-token";

export type FuzzCase = {
  family: string;
  method: "GET" | "POST" | "DELETE" | "PATCH" | "PUT" | "HEAD" | "OPTIONS";
  path: string; // under /api/v1, raw (already encoded) with its query
  caller: Caller;
  bucket?: Bucket;
  body?: FuzzBody;
  headers?: Record<string, string>;
};

const BAD_TOKENS = ["Bearer", "Bearer ", "Bot", "Bot ", "flx_", "flx_short", `flx_${"a".repeat(300)}`, "Basic dXNlcjpwYXNz", "Bearer flxb_xxxxxxxxxxxxxxxx", "Bot flx_xxxxxxxxxxxxxxxxxxxx", "null", "undefined", "Bearer  flx_xxxxxxxxxxxxxxxxx", "Token flx_x", "%00", "flx_%zz%zz%zz%zz%zz"];
const AUDIT_REASONS = ["%E0%A4%A", "%zz", "a".repeat(600), "%F0%9F%8E%89 ok", "reason\twith tab", ""];

export type Violation = { request: string; status: number | string; problem: string; response: string };

export type Stats = { requests: number; byStatus: Record<string, number>; byFamily: Record<string, Record<string, number>>; accountedCreates: string[] };

function ipFor(rng: Rng): string {
  return `10.${rng.int(256)}.${rng.int(256)}.${1 + rng.int(254)}`;
}

function describeCase(fuzzCase: FuzzCase, headers: Record<string, string>): string {
  const text = fuzzCase.body ? new TextDecoder().decode(fuzzCase.body.bytes) : undefined;
  const bodyText = text === undefined ? "" : ` body(${fuzzCase.body?.contentType ?? "no type"}, ${text.length} chars)=${JSON.stringify(text.slice(0, 160))}`;
  const shown = Object.entries(headers)
    .filter(([name]) => name !== "authorization" || fuzzCase.caller === "bad-token")
    .map(([name, value]) => `${name}: ${value.slice(0, 60)}`)
    .join("; ");
  const path = fuzzCase.path.length > 300 ? `${fuzzCase.path.slice(0, 300)}…(${fuzzCase.path.length} chars)` : fuzzCase.path;
  return `[${fuzzCase.family}] ${fuzzCase.caller} ${fuzzCase.method} /api/v1${path} {${shown}}${bodyText}`;
}

/** Checks one answer: never 5xx; every error is {code, message} with a known code and that code's status. */
export function checkAnswer(status: number, contentType: string, text: string): string | null {
  if (status >= 500) return `server error ${status}`;
  if (status < 400) return null;
  if (!contentType.includes("application/json")) return `error ${status} is not JSON (content-type "${contentType}")`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return `error ${status} body is not JSON`;
  }
  const envelope = parsed as { code?: unknown; message?: unknown };
  if (typeof envelope?.code !== "string" || !(envelope.code in ERROR_CODES)) return `error ${status} has no known code`;
  if (typeof envelope.message !== "string") return `error ${status} has no message`;
  const expected = ERROR_CODES[envelope.code as keyof typeof ERROR_CODES].status;
  if (expected !== status) return `${envelope.code} answered with ${status}, the table says ${expected}`;
  return null;
}

let sentRequests = 0;

/**
 * Sends the cases in batches of `concurrency`, checks every answer and counts statuses. Each request carries
 * an `x-request-id` (`fz-<run>-<n>`) that the server writes on its log lines, so a bad answer in the report
 * can be found in the server's log (TEST_SERVER_LOGS=1) with its stack.
 */
export async function runCases(request: APIRequestContext, cases: readonly FuzzCase[], budget: Budget, rng: Rng, concurrency = 20) {
  const stats: Stats = { requests: 0, byStatus: {}, byFamily: {}, accountedCreates: [] };
  const violations: Violation[] = [];
  const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
  for (let start = 0; start < cases.length; start += concurrency) {
    const batch = cases.slice(start, start + concurrency);
    const prepared = [];
    for (const fuzzCase of batch) {
      const headers: Record<string, string> = { [CLIENT_ADDRESS_HEADER]: ipFor(rng), "x-request-id": `fz-${run}-${++sentRequests}`, ...fuzzCase.headers };
      if (fuzzCase.caller === "manager") headers.authorization = (await budget.take(fuzzCase.bucket ?? BUCKETS.get)).token;
      if (fuzzCase.caller === "bad-token") headers.authorization = rng.pick(BAD_TOKENS);
      if (fuzzCase.body?.contentType !== null && fuzzCase.body !== undefined) headers["content-type"] = fuzzCase.body.contentType;
      if (fuzzCase.method !== "GET" && rng.chance(0.15)) headers["x-audit-log-reason"] = rng.pick(AUDIT_REASONS);
      prepared.push({ fuzzCase, headers });
    }
    await Promise.all(
      prepared.map(async ({ fuzzCase, headers }) => {
        let status: number | string;
        let problem: string | null;
        let text = "";
        try {
          const response = await request.fetch(`/api/v1${fuzzCase.path}`, {
            method: fuzzCase.method,
            headers,
            data: fuzzCase.body?.bytes,
            maxRedirects: 0,
            timeout: 30_000,
          });
          status = response.status();
          text = fuzzCase.method === "HEAD" ? "" : await response.text();
          problem = fuzzCase.method === "HEAD" ? (status >= 500 ? `server error ${status}` : null) : checkAnswer(status, response.headers()["content-type"] ?? "", text);
          if (status === 200 && fuzzCase.method === "POST" && fuzzCase.family.startsWith("create")) {
            const code = (JSON.parse(text) as { code?: string }).code;
            if (code) stats.accountedCreates.push(code);
          }
        } catch (error) {
          status = "transport error";
          problem = `request failed: ${String((error as Error).message).split("\n")[0]}`;
        }
        stats.requests += 1;
        stats.byStatus[status] = (stats.byStatus[status] ?? 0) + 1;
        const family = (stats.byFamily[fuzzCase.family] ??= {});
        family[status] = (family[status] ?? 0) + 1;
        if (problem) violations.push({ request: describeCase(fuzzCase, headers), status, problem, response: text.slice(0, 200) });
      }),
    );
  }
  return { stats, violations };
}

/** One line per status and per family, for the test output. */
export function formatStats(title: string, stats: Stats): string {
  const rateLimited = stats.byStatus["429"] ?? 0;
  const lines = [
    `${title}: ${stats.requests} requests, ${stats.requests - rateLimited} answered with a non-429 (${((100 * (stats.requests - rateLimited)) / Math.max(1, stats.requests)).toFixed(1)}%)`,
    `  by status: ${JSON.stringify(stats.byStatus)}`,
    ...Object.entries(stats.byFamily).map(([family, counts]) => `  ${family}: ${JSON.stringify(counts)}`),
  ];
  if (stats.accountedCreates.length) lines.push(`  valid creates that slipped through the generator (accounted for): ${stats.accountedCreates.length}`);
  return lines.join("\n");
}

/** Violations grouped by problem and case family, with a few reproducible examples each (`limit` per group). */
export function formatViolations(violations: readonly Violation[], limit = 3): string {
  const groups = new Map<string, Violation[]>();
  for (const violation of violations) {
    const key = `${violation.problem} ← ${violation.request.slice(1, violation.request.indexOf("]"))}`;
    groups.set(key, [...(groups.get(key) ?? []), violation]);
  }
  return [...groups.entries()]
    .map(([key, list]) => [`${list.length}× ${key}`, ...list.slice(0, limit).map((v) => `    ${v.request}\n      → ${v.status} ${v.response}`)].join("\n"))
    .join("\n");
}

// ---------------------------------------------------------------------------------------------------
// The world under test and its snapshot.

export type FuzzWorld = {
  owner: TestUser;
  managers: TestUser[]; // the owner first
  guildId: string;
  channelId: string;
  codes: string[]; // live, non-vanity
  vanity: string;
  /** Rate-limited requests the setup made, for the Budget. */
  used: Usage[];
};

/** A guild with the VANITY_URL feature and a vanity code, some invites, and managers who joined by invite. */
export async function setupWorld(request: APIRequestContext, managerCount: number): Promise<FuzzWorld> {
  const owner = await registerUser(request);
  const guild = await createGuild(request, owner);
  const channelId = guild.general_channel_id as string;
  const admin = await instanceAdmin(request);
  const features = await request.patch(`/api/v1/guilds/${guild.id}`, { headers: admin.headers, data: { features: ["VANITY_URL"] } });
  expect(features.status(), await features.text()).toBe(200);
  const vanity = `fz${Math.random().toString(36).slice(2, 10)}`;
  const setVanity = await request.patch(`/api/v1/guilds/${guild.id}/vanity-url`, { headers: owner.headers, data: { code: vanity } });
  expect(setVanity.status(), await setVanity.text()).toBe(200);

  const join = await createInvite(request, owner, channelId, { max_uses: managerCount + 5, max_age: 0 });
  const managers = await Promise.all(Array.from({ length: managerCount }, () => registerUser(request)));
  for (const manager of managers) {
    const accepted = await acceptInvite(request, manager, join.code);
    expect(accepted.status(), await accepted.text()).toBe(200);
  }
  const role = await createRole(request, owner, guild.id, Permissions.MANAGE_GUILD | Permissions.MANAGE_CHANNELS, "fuzz-managers");
  for (const manager of managers) await giveRole(request, owner, guild.id, manager.id, role.id);

  const others = [
    await createInvite(request, owner, channelId, { max_uses: 5, max_age: 3600 }),
    await createInvite(request, owner, channelId, { temporary: true }),
    await createInvite(request, owner, channelId, { max_uses: 100, max_age: 604800 }),
    await createInvite(request, managers[0]!, channelId, { max_uses: 1, max_age: 60 * 60 * 24 * 3 }),
  ];
  const used: Usage[] = [
    { user: owner, bucket: BUCKETS.create(channelId), count: 4 },
    { user: owner, bucket: BUCKETS.vanityUpdate, count: 1 },
    { user: managers[0]!, bucket: BUCKETS.create(channelId), count: 1 },
    ...managers.map((user) => ({ user, bucket: BUCKETS.accept, count: 1 })),
  ];
  return { owner, managers: [owner, ...managers], guildId: guild.id, channelId, codes: [join.code, ...others.map((i) => i.code)], vanity, used };
}

export type Snapshot = {
  invites: { code: string; uses: number; version: number; max_uses: number; max_age: number; temporary: boolean }[];
  vanity: { code: string | null; uses: number; version: number | null };
  memberCount: number;
  members: string[];
  auditLog: string[];
};

async function ownerGet(request: APIRequestContext, world: FuzzWorld, path: string) {
  const response = await request.get(`/api/v1${path}`, { headers: { ...world.owner.headers, [CLIENT_ADDRESS_HEADER]: `10.250.${Math.floor(Math.random() * 250)}.1` } });
  expect(response.status(), `${path}: ${await response.text()}`).toBe(200);
  return response.json();
}

/** Everything a fuzz request could change: the guild's invites, its vanity code, members and audit log. */
export async function snapshot(request: APIRequestContext, world: FuzzWorld): Promise<Snapshot> {
  const invites = (await ownerGet(request, world, `/guilds/${world.guildId}/invites`)) as Snapshot["invites"];
  const vanity = (await ownerGet(request, world, `/guilds/${world.guildId}/vanity-url`)) as { code: string | null; uses: number };
  const vanityInvite = vanity.code ? await ownerGet(request, world, `/invites/${vanity.code}`) : null;
  const guild = await ownerGet(request, world, `/guilds/${world.guildId}`);
  const members = (await ownerGet(request, world, `/guilds/${world.guildId}/members?limit=1000`)) as { user: { id: string }; roles: string[]; temporary: boolean }[];
  const audit = (await ownerGet(request, world, `/guilds/${world.guildId}/audit-logs?limit=100`)) as { audit_log_entries: { id: string; action_type: number; target_id: string | null }[] };
  return {
    invites: invites
      .map(({ code, uses, version, max_uses, max_age, temporary }) => ({ code, uses, version, max_uses, max_age, temporary }))
      .sort((a, b) => a.code.localeCompare(b.code)),
    vanity: { code: vanity.code, uses: vanity.uses, version: vanityInvite?.version ?? null },
    memberCount: guild.member_count,
    members: members.map((m) => `${m.user.id} roles=${[...m.roles].sort().join(",")} temporary=${m.temporary}`).sort(),
    auditLog: audit.audit_log_entries.map((e) => `${e.id} ${e.action_type} ${e.target_id}`),
  };
}

/** The snapshot without the invites (and their audit entries) that valid creates were answered for. */
export function withoutAccounted(snap: Snapshot, accounted: readonly string[]): Snapshot {
  const skip = new Set(accounted);
  return {
    ...snap,
    invites: snap.invites.filter((invite) => !skip.has(invite.code)),
    auditLog: snap.auditLog.filter((line) => !(line.split(" ")[1] === "40" && skip.has(line.split(" ")[2] ?? ""))),
  };
}
