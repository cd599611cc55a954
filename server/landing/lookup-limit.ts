// The landing pages are invite lookups too, so they share the API's limit on unknown codes per client IP
// (server/invites/invite-rate-limits.ts): a page that answered "invalid" forever would let anyone enumerate codes by scraping
// HTML instead of calling GET /api/v1/invites/{code}. Same bucket and key as the API, so both count together.
import { headers } from "next/headers";
import { slowDownHtml } from "@/lib/slow-down";
import { clientIp } from "@/server/http/client-ip";
import { hit, isExhausted } from "@/server/http/rate-limit";
import { INVITE_RATE_LIMITS } from "@/server/invites/invite-rate-limits";

/** The client's address as the API's route wrapper sees it. */
export async function landingClientIp(): Promise<string> {
  return clientIp(new Request("http://landing.invalid/", { headers: await headers() }));
}

/** Seconds until this IP may look codes up again, or null while it may. */
export async function lookupBlockedFor(ip: string): Promise<number | null> {
  const exhausted = await isExhausted(INVITE_RATE_LIMITS.unknownCode, `ip:${ip}`);
  return exhausted ? Math.max(1, Math.ceil((exhausted.resetAtMs - Date.now()) / 1000)) : null;
}

/** Counts one lookup that found nothing. */
export async function countUnknownLookup(ip: string): Promise<void> {
  await hit(INVITE_RATE_LIMITS.unknownCode, `ip:${ip}`);
}

/**
 * The answer to a landing view from a blocked address: 429 with Retry-After and the small "Slow down" page (a
 * page can't set that status itself). The same from proxy.ts (views Next serves) and the HTTP server's fast path.
 */
export function slowDownAnswer(
  retryAfterSeconds: number,
  method: string | undefined,
): { status: 429; headers: Record<string, string>; body: string } {
  const headers = {
    "content-type": "text/html; charset=utf-8",
    "cache-control": "no-store",
    "retry-after": String(retryAfterSeconds),
  };
  return { status: 429, headers, body: method === "HEAD" ? "" : slowDownHtml(retryAfterSeconds) };
}
