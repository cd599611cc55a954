#!/usr/bin/env node
// The reverse proxy in front of the app in the Playwright suite: `PROXY_PORT=3101 UPSTREAMS=127.0.0.1:3201,…`.
// It plays the production reverse proxy that TRUST_PROXY=1 describes, so the suite runs the documented
// trust setting:
// - It appends the client's address to X-Forwarded-For, as nginx's $proxy_add_x_forwarded_for does. Tests
//   simulate many clients: a request's `x-test-client-address` header (removed here) is the address this proxy
//   "saw"; without it, the real TCP peer. Entries a client wrote itself stay to the left, where the app ignores
//   them.
// - With several upstreams, every request (not every connection) goes to the next one, so one test's
//   consecutive requests land on different app instances. Streams (server-sent events) pass unbuffered.
// - Keep-alive is set so that neither side closes a connection the other is about to reuse: the client side
//   is kept longer than any test client idles, the upstream side shorter than the app keeps it (65 s), and a
//   request whose reused upstream connection was reset before any answer is sent again once.
import http from "node:http";

const port = Number(process.env.PROXY_PORT ?? 3101);
const upstreams = (process.env.UPSTREAMS ?? "")
  .split(",")
  .filter(Boolean)
  .map((entry) => {
    const [host, upstreamPort] = entry.split(":");
    return { host, port: Number(upstreamPort) };
  });
if (upstreams.length === 0) {
  console.error("UPSTREAMS is empty");
  process.exit(2);
}
const TEST_ADDRESS_HEADER = "x-test-client-address";
const agent = new http.Agent({ keepAlive: true, maxSockets: 256, timeout: 30_000 });
let next = 0;

function forwardedHeaders(request) {
  const headers = { ...request.headers };
  const simulated = headers[TEST_ADDRESS_HEADER];
  delete headers[TEST_ADDRESS_HEADER];
  const seen = typeof simulated === "string" && simulated ? simulated : request.socket.remoteAddress;
  headers["x-forwarded-for"] = headers["x-forwarded-for"] ? `${headers["x-forwarded-for"]}, ${seen}` : seen;
  return headers;
}

function send(request, response, body, headers, attempt) {
  const upstream = upstreams[next++ % upstreams.length];
  const forwarded = http.request(
    { host: upstream.host, port: upstream.port, method: request.method, path: request.url, headers, agent },
    (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    },
  );
  forwarded.on("error", (error) => {
    // A kept-alive connection the upstream closed just as we reused it: nothing reached the app, send again.
    if (forwarded.reusedSocket && error.code === "ECONNRESET" && !response.headersSent && attempt === 0) {
      send(request, response, body, headers, 1);
      return;
    }
    if (!response.headersSent) response.writeHead(502, { "content-type": "application/json" });
    response.end(JSON.stringify({ code: "BAD_GATEWAY", message: error.message }));
  });
  response.on("close", () => {
    if (!response.writableFinished) forwarded.destroy(); // the client went away mid-answer (a closed stream)
  });
  forwarded.end(body);
}

const server = http.createServer((request, response) => {
  // Bodies are small in tests: read whole, so a request can be sent again.
  const chunks = [];
  request.on("data", (chunk) => chunks.push(chunk));
  request.on("end", () => send(request, response, Buffer.concat(chunks), forwardedHeaders(request), 0));
});
server.keepAliveTimeout = 120_000;
server.headersTimeout = 121_000;
server.listen(port, "127.0.0.1", () =>
  console.log(`test proxy on ${port} → ${upstreams.map((u) => `${u.host}:${u.port}`).join(", ")}`),
);
