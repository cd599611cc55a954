// The HTTP server in front of Next (scripts/http-server.mjs) asks these handlers first. Next loads the app's
// modules in its own bundles, so a handler reaches the server through a slot on globalThis that the server
// reads per request. `next()` hands the request to Next unchanged.
import type { IncomingMessage, ServerResponse } from "node:http";

export type FastPathHandler = (
  request: IncomingMessage,
  response: ServerResponse,
  address: string,
  next: () => void,
) => Promise<void>;

/** Headers Next's client router sends on its own requests (flight data, prefetches, server actions): Next
 * decides what those get, so a fast path hands them on. */
const ROUTER_HEADERS = [
  "rsc",
  "next-router-state-tree",
  "next-router-prefetch",
  "next-router-segment-prefetch",
  "next-action",
  "next-url",
];

export function isRouterRequest(request: IncomingMessage): boolean {
  return ROUTER_HEADERS.some((name) => request.headers[name] !== undefined);
}

/** The slots the HTTP server reads: anonymous invite lookups and landing views. */
type Slot = "__fluxerInviteGet" | "__fluxerLandingView";

export function registerFastPath(slot: Slot, handler: FastPathHandler) {
  (globalThis as Partial<Record<Slot, FastPathHandler>>)[slot] = handler;
}
