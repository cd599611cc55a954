// The parts of a request a view counter reads: the client address as the HTTP server decided it (never a
// header the client writes, see server/http/client-ip.ts), the User-Agent and the Referer.
import { clientIp } from "@/server/http/client-ip";
import type { ViewSource } from "./counters";
import type { IncomingMessage } from "node:http";

function firstValue(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** A Fetch API request (route handlers, and Next's headers() wrapped in one). */
export function viewSourceOf(request: Request, address = clientIp(request)): ViewSource {
  return { address, userAgent: request.headers.get("user-agent"), referer: request.headers.get("referer") };
}

/** A Node.js request as our HTTP server holds it, with the address it decided. */
export function viewSourceOfMessage(request: IncomingMessage, address: string): ViewSource {
  return {
    address,
    userAgent: firstValue(request.headers["user-agent"]),
    referer: firstValue(request.headers.referer),
  };
}
