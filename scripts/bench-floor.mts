// The floor for `npm run bench`: the same invite lookup (the app's own getInvite use-case over the same
// database) served by a bare node:http server, with no framework in between.
import http from "node:http";
import { ApiError } from "../lib/errors";
import { openDatabase } from "../server/db/index";
import { getInvite } from "../server/invites/get-invite";

const port = Number(process.env.PORT ?? 3950);
await openDatabase();
const replacer = (_key: string, value: unknown) => (typeof value === "bigint" ? value.toString() : value);

async function answer(request: http.IncomingMessage, response: http.ServerResponse) {
  const url = new URL(request.url ?? "/", "http://floor");
  const match = /^\/api\/v1\/invites\/([^/]+)$/.exec(url.pathname);
  if (!match) {
    response.writeHead(404, { "content-type": "application/json" }).end('{"code":"NOT_FOUND"}');
    return;
  }
  try {
    const body = await getInvite(decodeURIComponent(match[1]!), null, {
      with_counts: url.searchParams.get("with_counts") === "true",
      with_expiration: false,
    });
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body, replacer));
  } catch (error) {
    const status = error instanceof ApiError ? error.status : 500;
    response
      .writeHead(status, { "content-type": "application/json" })
      .end(JSON.stringify({ code: (error as ApiError).code ?? "INTERNAL_SERVER_ERROR" }));
  }
}

const server = http.createServer((request, response) => void answer(request, response));
server.listen(port, "127.0.0.1", () => console.log(`floor listening on ${port}`));
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => server.close(() => process.exit(0)));
