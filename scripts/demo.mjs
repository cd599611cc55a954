#!/usr/bin/env node
// `npm run demo`: one command from a fresh clone to a running app with demo data.
// 1. generate the Prisma client when it is missing; 2. build when there is no build or a source file is
// newer than it; 3. start the production server (scripts/start.mjs) on PORT (3000) with the embedded
// database in ./.data unless DATABASE_URL says otherwise. The server seeds the demo world on first start
// and prints the login; later runs print it again from .data/demo-login.txt. Runs on the Node.js that
// `npm install` put into node_modules (scripts/lib/pinned-node.mjs), and says which.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { runOnPinnedNode } from "./lib/pinned-node.mjs";

await runOnPinnedNode();
const root = process.cwd();
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const npx = process.platform === "win32" ? "npx.cmd" : "npx";

function run(command, args, title) {
  console.log(`\n> ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { stdio: "inherit", env: process.env });
  if (result.status !== 0) {
    console.error(`\n${title} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
  console.log(`> ${title}: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

// Newest modification time under the paths the build depends on (generated code and output excluded).
function newestSourceTime(entries) {
  let newest = 0;
  const visit = (full) => {
    if (!existsSync(full)) return;
    const stat = statSync(full);
    if (stat.isDirectory()) {
      const name = path.basename(full);
      if (name === "node_modules" || name === "generated" || name.startsWith(".")) return;
      for (const child of readdirSync(full)) visit(path.join(full, child));
    } else if (!/\.test\.tsx?$/.test(full)) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const entry of entries) visit(path.join(root, entry));
  return newest;
}

if (!existsSync(path.join(root, "node_modules", "next"))) {
  console.error("Dependencies are missing: run `npm install` first.");
  process.exit(1);
}

if (!existsSync(path.join(root, "server", "generated", "prisma"))) {
  run(npx, ["prisma", "generate"], "Generating the Prisma client");
}

const buildId = path.join(root, ".next", "BUILD_ID");
const sources = [
  "app",
  "components",
  "lib",
  "server",
  "public",
  "prisma/schema.prisma",
  "instrumentation.ts",
  "next.config.ts",
  "postcss.config.mjs",
  "tsconfig.json",
  "package.json",
];
if (!existsSync(buildId)) {
  run(npm, ["run", "build"], "Building the app (first run only, about a minute)");
} else if (newestSourceTime(sources) > statSync(buildId).mtimeMs) {
  run(npm, ["run", "build"], "Sources changed since the last build: rebuilding");
}

const port = process.env.PORT ?? "3000";
const login = path.join(root, ".data", "demo-login.txt");
if (!process.env.DATABASE_URL && existsSync(login)) {
  console.log(`\nDemo login (seeded on an earlier run):\n${readFileSync(login, "utf8")}`);
}
console.log(
  `> Starting on http://localhost:${port} on Node.js ${process.version} (database: ${process.env.DATABASE_URL ? "DATABASE_URL" : "embedded, in ./.data"}). Ctrl+C stops.\n`,
);

// DEMO_PRESENCE: part of the demo guild stays online, as in a living community (server/demo/presence-simulator.ts).
const env = { ...process.env, PORT: port, DEMO_PRESENCE: process.env.DEMO_PRESENCE ?? "1" };
const child = spawn(process.execPath, [path.join("scripts", "start.mjs"), "start"], {
  stdio: "inherit",
  env,
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
