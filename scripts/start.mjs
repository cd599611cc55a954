#!/usr/bin/env node
// Starts the app's server (scripts/http-server.mjs, production `start` or `dev`) with what it needs in its environment:
// AUTH_SECRET (generated once and kept in .data/ when not set), APP_URL and PORT.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { runOnPinnedNode } from "./lib/pinned-node.mjs";

// On the project's Node.js, whoever started this (a shell's `node`, Playwright, a test): the server is its child.
await runOnPinnedNode();

const mode = process.argv[2] === "dev" ? "dev" : "start";
const port = process.env.PORT ?? "3000";
const env = { ...process.env, PORT: port };

if (!env.AUTH_SECRET) {
  const dir = path.join(process.cwd(), ".data");
  const file = path.join(dir, "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600 });
  }
  env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}
env.APP_URL ??= `http://localhost:${port}`;
// Auth.js's base URL is not set here: the app derives it from APP_URL itself (server/auth/next-auth.ts).
env.AUTH_TRUST_HOST ??= "true";

if (mode === "start" && !existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
  console.error("No production build found: run `npm run build` first (or `npm run demo`, which builds).");
  process.exit(1);
}

// V8 grows its heap far beyond what the server keeps alive when it is given room: under load the old space
// reached 200+ MB with 70 MB in use. A cap makes it collect instead (same throughput in the benchmark, RSS
// 275 instead of 440 MB; docs/benchmarks.md). The live heap is ~50-130 MB, so 320 leaves headroom; the
// embedded database (PGlite) lives in this process (~30 MB of WebAssembly memory resident, plus its code), so
// it gets 224 and a 4 MB semi-space instead of 8 to stay under 400 MB in all (the young generation is a few
// semi-spaces: ~10 MB less resident, the same throughput in the benchmark). Raise MAX_HEAP_MB for very many
// open event streams. Left alone when NODE_OPTIONS already sets a heap size.
const embedded = !process.env.DATABASE_URL || process.env.DATABASE_URL.startsWith("pglite:");
const heapMb = Number(process.env.MAX_HEAP_MB ?? (embedded ? 224 : 320));
const heapFlags =
  mode === "start" &&
  Number.isFinite(heapMb) &&
  heapMb > 0 &&
  !/max-old-space-size/.test(process.env.NODE_OPTIONS ?? "")
    ? [`--max-old-space-size=${heapMb}`, `--max-semi-space-size=${embedded ? 4 : 8}`]
    : [];

// V8 moves an allocation site's objects straight to the old space once enough of them have survived a young
// collection ("pretenuring"). Which sites get picked depends on what happened to survive during the first
// seconds of load, and a server that picked its request path's sites then runs a full collection several times
// a second: in the benchmark one fresh server in two served cached invite lookups at ~19,000 instead of ~33,000
// req/s, its GC helper threads taking half a core. Without pretenuring all 12 fresh servers ran at the fast rate.
const gcFlags = mode === "start" ? ["--no-allocation-site-pretenuring"] : [];

// glibc gives each thread that allocates an arena of its own (up to 8 per core: libuv's pool, V8's helpers, the
// hashing thread, PGlite's work), and memory freed in one is rarely handed back; two arenas keep the server's
// resident memory close to what it uses. glibc also raises the size from which it maps a block of its own (and
// unmaps it when freed) each time such a block is freed, so after start-up (files read whole, WebAssembly
// compiled) blocks of up to 32 MB land in the arenas and stay there once freed; a fixed 128 KB threshold, and
// trimming free memory above 128 KB at an arena's top, keep returning them: ~40 MB less resident memory from
// start-up on, measured with PGlite. Ignored by other C libraries; an operator's own values win.
const child = spawn(
  process.execPath,
  [...heapFlags, ...gcFlags, path.join("scripts", "http-server.mjs"), mode],
  {
    env: {
      ...env,
      HOST: env.HOST ?? "0.0.0.0",
      MALLOC_ARENA_MAX: env.MALLOC_ARENA_MAX ?? "2",
      MALLOC_MMAP_THRESHOLD_: env.MALLOC_MMAP_THRESHOLD_ ?? "131072",
      MALLOC_TRIM_THRESHOLD_: env.MALLOC_TRIM_THRESHOLD_ ?? "131072",
    },
    stdio: "inherit",
  },
);
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
