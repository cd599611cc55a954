#!/usr/bin/env node
// A minimal HTTP round-robin proxy for tests: `PROXY_PORT=3101 UPSTREAMS=127.0.0.1:3201,127.0.0.1:3202`.
// Every request (not every connection) goes to the next upstream, so one test's consecutive requests land
// on different app instances. Streams (server-sent events) are piped through unbuffered.
import http from "node:http";

const port = Number(process.env.PROXY_PORT ?? 3101);
const upstreams = (process.env.UPSTREAMS ?? "").split(",").filter(Boolean).map((entry) => {
  const [host, upstreamPort] = entry.split(":");
  return { host, port: Number(upstreamPort) };
});
if (upstreams.length === 0) {
  console.error("UPSTREAMS is empty");
  process.exit(2);
}
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
let next = 0;

http
  .createServer((request, response) => {
    const upstream = upstreams[next++ % upstreams.length];
    const forwarded = http.request(
      { host: upstream.host, port: upstream.port, method: request.method, path: request.url, headers: request.headers, agent },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forwarded.on("error", (error) => {
      if (!response.headersSent) response.writeHead(502, { "content-type": "application/json" });
      response.end(JSON.stringify({ code: "BAD_GATEWAY", message: error.message }));
    });
    response.on("close", () => forwarded.destroy());
    request.pipe(forwarded);
  })
  .listen(port, "127.0.0.1", () => console.log(`round-robin proxy on ${port} → ${upstreams.map((u) => `${u.host}:${u.port}`).join(", ")}`));
