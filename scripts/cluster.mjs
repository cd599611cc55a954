#!/usr/bin/env node
// `npm run cluster`: two app instances on one PostgreSQL (DATABASE_URL), plus Redis when REDIS_URL is
// set, on ports PORT_A (3001) and PORT_B (3002), behind nothing but distinct ports. Logs of both go to this
// terminal; Ctrl-C stops both. Needs a production build (npm run build).
import { runOnPinnedNode } from "./lib/pinned-node.mjs";
import { startApp } from "./lib/server.mjs";

await runOnPinnedNode();

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl?.startsWith("postgres")) {
  console.error(
    "npm run cluster needs DATABASE_URL=postgresql://... (a PGlite folder can be opened by one process only).",
  );
  process.exit(2);
}
if (!process.env.AUTH_SECRET) {
  console.error("Set AUTH_SECRET (the same for every instance, so a browser session works on both).");
  process.exit(2);
}
const ports = [Number(process.env.PORT_A ?? 3001), Number(process.env.PORT_B ?? 3002)];
console.log(
  `starting ${ports.length} instances on ${databaseUrl.replace(/\/\/[^@]*@/, "//***@")}${process.env.REDIS_URL ? " with Redis" : " (no REDIS_URL: rate limits are per instance)"} ...`,
);
const instances = [];
for (const port of ports) {
  instances.push(
    await startApp({
      port,
      databaseUrl,
      env: {
        HOST: process.env.HOST ?? "127.0.0.1",
        APP_URL: process.env.APP_URL ?? `http://127.0.0.1:${port}`,
      },
      logs: true,
    }),
  );
  console.log(`instance up: http://127.0.0.1:${port} (health: /api/health)`);
}
const stop = async () => {
  console.log("stopping ...");
  await Promise.all(instances.map((instance) => instance.stop()));
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
