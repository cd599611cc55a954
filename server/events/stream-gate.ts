// The event-stream bounds, checked by the HTTP server itself before a request enters Next (scripts/
// http-server.mjs calls the function registered here). Under a flood of stream attempts, a refusal then costs
// microseconds instead of a trip through routing and the route wrapper, so the requests that can still be
// served (invite lookups, pages) keep their latency. Only refusals are decided here; an admitted request goes
// on to the route, which reserves its slot (open-event-stream.ts) under the same bounds.
import { ERROR_CODES } from "@/lib/errors";
import { processState } from "@/lib/process-state";
import { SESSION_COOKIES } from "@/server/auth/caller";
import { resourceLimits } from "@/server/config/resource-limits";
import { streamSlotsHeldBy, streamSlotsInUse } from "./sessions";

export const EVENT_STREAM_PATH = "/api/v1/gateway/events";

export type EarlyRefusal = { status: number; headers: Record<string, string>; body: string };

type RequestHead = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };

function isAnonymous(headers: RequestHead["headers"]): boolean {
  if (headers.authorization !== undefined) return false;
  const cookie = String(headers.cookie ?? "");
  return !SESSION_COOKIES.some((name) => cookie.includes(`${name}=`));
}

// Stream opens that reach the route, as a token bucket refilled at MAX_EVENT_STREAM_OPENS_PER_SECOND: opening a
// stream costs real work (caller, rate limits, a database query, a presence row), so a burst of them, hostile or
// a thousand tabs reconnecting after a restart, is spread out instead of starving every other request.
const bucket = processState<{ tokens: number; refilledAt: number }>("__fluxerStreamOpenBucket", () => ({
  tokens: -1,
  refilledAt: 0,
}));

function takeOpenToken(ratePerSecond: number, now = performance.now()): boolean {
  if (bucket.tokens < 0) bucket.tokens = ratePerSecond;
  bucket.tokens = Math.min(ratePerSecond, bucket.tokens + ((now - bucket.refilledAt) / 1000) * ratePerSecond);
  bucket.refilledAt = now;
  if (bucket.tokens < 1) return false;
  bucket.tokens -= 1;
  return true;
}

function unavailable(retryAfterSeconds: number): EarlyRefusal {
  const body = {
    code: "SERVICE_UNAVAILABLE",
    message: "This server holds as many event streams as it can; try again later",
  };
  return {
    status: ERROR_CODES.SERVICE_UNAVAILABLE.status,
    headers: {
      "content-type": "application/json",
      "retry-after": String(retryAfterSeconds),
      "cache-control": "no-store",
    },
    body: JSON.stringify(body),
  };
}

/** A ready answer when this stream request is over a bound, else null (let it through). */
export function refuseStreamEarly(request: RequestHead, address: string): EarlyRefusal | null {
  const limits = resourceLimits();
  const inUse = streamSlotsInUse();
  const anonymous = isAnonymous(request.headers);
  if (inUse.total >= limits.eventStreams || (anonymous && inUse.anonymous >= limits.anonymousEventStreams))
    return unavailable(30);
  if (anonymous && streamSlotsHeldBy(`ip:${address}`) >= limits.eventStreamsPerAddress) {
    const body = {
      code: "RATE_LIMITED",
      message: "Too many open event streams",
      retry_after: 5,
      global: false,
    };
    return {
      status: ERROR_CODES.RATE_LIMITED.status,
      headers: {
        "content-type": "application/json",
        "retry-after": "5",
        "x-ratelimit-global": "false",
        "cache-control": "no-store",
      },
      body: JSON.stringify(body),
    };
  }
  if (!takeOpenToken(limits.eventStreamOpensPerSecond)) return unavailable(2);
  return null;
}

/** Makes the gate available to the HTTP server (same process, shared through globalThis). */
export function registerStreamGate() {
  (
    globalThis as { __fluxerEarlyRefusal?: (request: RequestHead, address: string) => EarlyRefusal | null }
  ).__fluxerEarlyRefusal = (request, address) =>
    request.method === "GET" &&
    request.url !== undefined &&
    (request.url === EVENT_STREAM_PATH || request.url.startsWith(`${EVENT_STREAM_PATH}?`))
      ? refuseStreamEarly(request, address)
      : null;
}
