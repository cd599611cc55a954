#!/usr/bin/env node
// The app's HTTP server: Next's own request handler (the same one `next start` uses) behind a Node server we
// configure ourselves, for what must be decided before any app code runs:
// - the client's address, from the TCP peer and TRUST_PROXY (lib/client-address.mjs), written to a
//   header the app reads and a client cannot set;
// - refusing requests over a per-instance bound before they cost a trip through Next;
// - answering landing views from the page kept for their invite, and anonymous lookups of cached invites,
//   before Next;
// - timeouts that close idle and slow connections (keep-alive longer than a reverse proxy's, so the proxy
//   never reuses a connection we are closing);
// - a clean shutdown on SIGTERM/SIGINT.
// Run by scripts/start.mjs (`npm start`, `npm run dev`), which sets the environment.
import http from "node:http";
import { CLIENT_ADDRESS_HEADER, parseTrustProxy, resolveClientAddress } from "../lib/client-address.mjs";

const dev = process.argv[2] === "dev";
process.env.NODE_ENV ??= dev ? "development" : "production";
const hostname = process.env.HOST ?? "0.0.0.0";
const port = Number(process.env.PORT ?? 3000);

let trustedHops;
try {
  trustedHops = parseTrustProxy(process.env.TRUST_PROXY);
} catch (error) {
  console.error(error.message);
  process.exit(2);
}

// next.config.ts is read with Node's own type stripping (what `next start --experimental-next-config-strip-types`
// asks for): otherwise Next compiles it with its native SWC binding, which then stays resident (~23 MB) for the
// server's whole life. Next falls back to compiling it if stripping fails.
process.env.__NEXT_NODE_NATIVE_TS_LOADER_ENABLED ??= "true";
const { default: next } = await import("next");
const app = next({ dev, dir: process.cwd(), hostname, port, turbopack: dev ? true : undefined });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((request, response) => {
  const address = resolveClientAddress(
    request.socket.remoteAddress,
    request.headers["x-forwarded-for"],
    trustedHops,
  );
  request.headers[CLIENT_ADDRESS_HEADER] = address;
  // Requests over a per-instance bound (event streams) are refused here, before routing: under a flood the
  // refusals then cost next to nothing. The app registers the check at boot (server/events/stream-gate.ts).
  const refusal = globalThis.__fluxerEarlyRefusal?.(request, address);
  if (refusal) {
    response.writeHead(refusal.status, refusal.headers);
    response.end(refusal.body);
    return;
  }
  // Anonymous GET /api/v1/invites/{code} of a cached invite is answered as the route would, without entering
  // Next; any other request to that path goes to Next unchanged (server/invites/invite-get-fast-path.ts).
  const inviteGet = globalThis.__fluxerInviteGet;
  if (inviteGet && request.method === "GET" && request.url.startsWith("/api/v1/invites/")) {
    inviteGet(request, response, address, () => handle(request, response));
    return;
  }
  // Landing views of a cached invite are answered from its kept page without entering Next; every other
  // request, and any landing view the app declines, goes to Next unchanged (server/landing/landing-fast-path.ts).
  const landingView = globalThis.__fluxerLandingView;
  if (landingView && (request.method === "GET" || request.method === "HEAD")) {
    landingView(request, response, address, () => handle(request, response));
    return;
  }
  handle(request, response);
});
// Idle keep-alive connections stay open longer than the 60 s most reverse proxies keep theirs, so a proxy never
// sends a request on a connection this side is closing; headers and bodies must arrive within the timeouts.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
server.requestTimeout = 120_000;

server.listen(port, hostname, () => {
  console.log(
    `▲ Next.js ${dev ? "dev" : "production"} server on http://${hostname === "0.0.0.0" ? "localhost" : hostname}:${port}` +
      (trustedHops ? ` (trusting ${trustedHops} proxy hop${trustedHops > 1 ? "s" : ""})` : ""),
  );
});

let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  // GET /api/ready answers 503 from now on (server/readiness.ts), so load balancers stop sending traffic.
  (globalThis.__fluxerLifecycle ??= { stopping: false }).stopping = true;
  // No new connections; open ones (event streams) get a moment to end, then go. What the app holds in memory
  // for the database (invite analytics' counts) is written first, within the same 3 s.
  const closed = new Promise((resolve) => server.close(resolve));
  const written = Promise.allSettled((globalThis.__fluxerBeforeExit ?? []).map((write) => write()));
  Promise.all([closed, written]).then(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => {
    server.closeAllConnections();
    process.exit(0);
  }, 3_000).unref();
  console.log(`${signal}: stopping`);
}
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));
