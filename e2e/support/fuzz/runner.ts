// Cases, the runner and its checks.
import { BUCKETS, type Bucket, type Budget } from "./budget";
import { ERROR_CODES } from "../../../lib/errors";
import { CLIENT_ADDRESS_HEADER } from "../../fixtures";
import type { FuzzBody } from "./bodies";
import type { Rng } from "./rng";
import type { APIRequestContext } from "@playwright/test";

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

const BAD_TOKENS = [
  "Bearer",
  "Bearer ",
  "Bot",
  "Bot ",
  "flx_",
  "flx_short",
  `flx_${"a".repeat(300)}`,
  "Basic dXNlcjpwYXNz",
  "Bearer flxb_xxxxxxxxxxxxxxxx",
  "Bot flx_xxxxxxxxxxxxxxxxxxxx",
  "null",
  "undefined",
  "Bearer  flx_xxxxxxxxxxxxxxxxx",
  "Token flx_x",
  "%00",
  "flx_%zz%zz%zz%zz%zz",
];
const AUDIT_REASONS = ["%E0%A4%A", "%zz", "a".repeat(600), "%F0%9F%8E%89 ok", "reason\twith tab", ""];

export type Violation = { request: string; status: number | string; problem: string; response: string };

export type Stats = {
  requests: number;
  byStatus: Record<string, number>;
  byFamily: Record<string, Record<string, number>>;
  accountedCreates: string[];
};

function ipFor(rng: Rng): string {
  return `10.${rng.int(256)}.${rng.int(256)}.${1 + rng.int(254)}`;
}

function describeCase(fuzzCase: FuzzCase, headers: Record<string, string>): string {
  const text = fuzzCase.body ? new TextDecoder().decode(fuzzCase.body.bytes) : undefined;
  const bodyText =
    text === undefined
      ? ""
      : ` body(${fuzzCase.body?.contentType ?? "no type"}, ${text.length} chars)=${JSON.stringify(text.slice(0, 160))}`;
  const shown = Object.entries(headers)
    .filter(([name]) => name !== "authorization" || fuzzCase.caller === "bad-token")
    .map(([name, value]) => `${name}: ${value.slice(0, 60)}`)
    .join("; ");
  const path =
    fuzzCase.path.length > 300
      ? `${fuzzCase.path.slice(0, 300)}…(${fuzzCase.path.length} chars)`
      : fuzzCase.path;
  return `[${fuzzCase.family}] ${fuzzCase.caller} ${fuzzCase.method} /api/v1${path} {${shown}}${bodyText}`;
}

/** Checks one answer: never 5xx; every error is {code, message} with a known code and that code's status. */
export function checkAnswer(status: number, contentType: string, text: string): string | null {
  if (status >= 500) return `server error ${status}`;
  if (status < 400) return null;
  if (!contentType.includes("application/json"))
    return `error ${status} is not JSON (content-type "${contentType}")`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return `error ${status} body is not JSON`;
  }
  const envelope = parsed as { code?: unknown; message?: unknown };
  if (typeof envelope?.code !== "string" || !(envelope.code in ERROR_CODES))
    return `error ${status} has no known code`;
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
export async function runCases(
  request: APIRequestContext,
  cases: readonly FuzzCase[],
  budget: Budget,
  rng: Rng,
  concurrency = 20,
) {
  const stats: Stats = { requests: 0, byStatus: {}, byFamily: {}, accountedCreates: [] };
  const violations: Violation[] = [];
  const run = `${process.pid.toString(36)}${Date.now().toString(36)}`;
  for (let start = 0; start < cases.length; start += concurrency) {
    const batch = cases.slice(start, start + concurrency);
    const prepared = [];
    for (const fuzzCase of batch) {
      const headers: Record<string, string> = {
        [CLIENT_ADDRESS_HEADER]: ipFor(rng),
        "x-request-id": `fz-${run}-${++sentRequests}`,
        ...fuzzCase.headers,
      };
      if (fuzzCase.caller === "manager")
        headers.authorization = (await budget.take(fuzzCase.bucket ?? BUCKETS.get)).token;
      if (fuzzCase.caller === "bad-token") headers.authorization = rng.pick(BAD_TOKENS);
      if (fuzzCase.body?.contentType !== null && fuzzCase.body !== undefined)
        headers["content-type"] = fuzzCase.body.contentType;
      if (fuzzCase.method !== "GET" && rng.chance(0.15))
        headers["x-audit-log-reason"] = rng.pick(AUDIT_REASONS);
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
          problem =
            fuzzCase.method === "HEAD"
              ? status >= 500
                ? `server error ${status}`
                : null
              : checkAnswer(status, response.headers()["content-type"] ?? "", text);
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
        if (problem)
          violations.push({
            request: describeCase(fuzzCase, headers),
            status,
            problem,
            response: text.slice(0, 200),
          });
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
  if (stats.accountedCreates.length)
    lines.push(
      `  valid creates that slipped through the generator (accounted for): ${stats.accountedCreates.length}`,
    );
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
    .map(([key, list]) =>
      [
        `${list.length}× ${key}`,
        ...list.slice(0, limit).map((v) => `    ${v.request}\n      → ${v.status} ${v.response}`),
      ].join("\n"),
    )
    .join("\n");
}
