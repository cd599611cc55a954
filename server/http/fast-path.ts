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

/** The slots the HTTP server reads: anonymous invite lookups and landing views. */
type Slot = "__fluxerInviteGet" | "__fluxerLandingView";

export function registerFastPath(slot: Slot, handler: FastPathHandler) {
  (globalThis as Partial<Record<Slot, FastPathHandler>>)[slot] = handler;
}
