// The client's address for per-address limits, as the HTTP server decided it (lib/client-address.mjs: the TCP
// peer, or the TRUST_PROXY-th X-Forwarded-For entry from the right). The server writes the header on every
// request, over anything a client sent, so nothing here reads a header a client controls.
import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address.mjs";
import { log } from "@/server/log";

let warned = false;

export function clientIp(request: Request): string {
  const address = request.headers.get(CLIENT_ADDRESS_HEADER);
  if (address) return address;
  // Only when the app runs without scripts/http-server.mjs (e.g. a bare `next start`): every client then
  // shares one address, which fails safe (limits hold for everybody at once) but is worth a line in the log.
  if (!warned) {
    warned = true;
    log.warn(
      "requests arrive without a client address: start the app with `npm start` (scripts/http-server.mjs)",
    );
  }
  return "unknown";
}
