#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --engines=pglite,postgres] [-- --no-scale]`; BENCH_PORT (default 7300)
// moves the servers (the app on BENCH_PORT, the node:http floors on BENCH_PORT + 50 and + 51).
// Measures a production build on 127.0.0.1 with autocannon, per database engine, all in one run so the
// numbers compare as ratios: the constant-JSON route and a static page (the framework's ceiling), the
// invite lookup GET /api/v1/invites/{code}?with_counts=true, the landing page /invite/{code} signed out
// and signed in, a cold landing render (a different invite each request, one client), accepts per second
// with distinct users, the app server's peak RSS over its whole life, the same lookup served by a bare
// node:http server (the floor), and the lookup again with 1,000,000 invites and 100,000 members. Writes
// docs/benchmarks.md.
import autocannon from "autocannon";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freshDatabase } from "./lib/postgres.mjs";
import { largestRssMb, startApp, startProcess } from "./lib/server.mjs";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const scale = !args.includes("--no-scale");
const engineArg = args.find((a) => a.startsWith("--engines="))?.split("=")[1];
const pgBase = process.env.BENCH_POSTGRES_URL ?? process.env.TEST_POSTGRES_URL;
const engines = (engineArg ?? (pgBase ? "pglite,postgres" : "pglite")).split(",");
const DURATION = quick ? 4 : 10;
const WARMUP = quick ? 1 : 2; // seconds of load before each measurement (JIT, caches, connections), not counted
const CONNECTIONS = 16;
const PORT = Number(process.env.BENCH_PORT ?? 7300);
const FLOOR_PORT = PORT + 50;
const started = Date.now();
const log = (line) => console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

const baseEnv = {
  ...process.env,
  HOST: "127.0.0.1",
  SEED_DEMO: "0",
  AUTH_SECRET: "bench-secret-not-for-production-000000",
  // The documented switch that relaxes rate limits for local load tests (never on by default).
  RATE_LIMIT_SCALE: "1000000",
  NODE_ENV: "production",
};

if (!existsSync(".next/BUILD_ID")) {
  log("no production build: running npm run build");
  execFileSync("npm", ["run", "build", "--silent"], { stdio: "inherit" });
}

function fill(databaseUrl, options) {
  const out = execFileSync(
    process.execPath,
    ["--import", "tsx", "scripts/bench-fill.mts", "--invites", String(options.invites), "--members", String(options.members), "--users", String(options.users ?? 0)],
    // LOG_LEVEL=warn: the fill's stdout is its JSON answer alone (migration log lines are info).
    { env: { ...baseEnv, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" }, stdio: ["ignore", "pipe", "inherit"], maxBuffer: 64 * 1024 * 1024 },
  );
  return JSON.parse(out.toString());
}

/** The app server, with its peak RSS sampled over its whole life (start-up, warm-ups and every row). */
async function startNext(databaseUrl) {
  const server = await startApp({ port: PORT, databaseUrl, env: baseEnv });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, largestRssMb(server.pids()))), 250);
  const stop = server.stop;
  return { ...server, peakRss: () => peak, stop: async () => (clearInterval(sampler), stop()) };
}

function startFloor(databaseUrl, extraEnv = {}, port = FLOOR_PORT) {
  const env = { ...baseEnv, PORT: String(port), DATABASE_URL: databaseUrl, ...extraEnv };
  return startProcess(process.execPath, ["--import", "tsx", "scripts/bench-floor.mts"], env, `http://127.0.0.1:${port}/api/v1/invites/BenchCd1`);
}

async function load(name, options, server, { seconds = DURATION, quiet = false, warm = false } = {}) {
  if (!quiet) log(`${name}: ${options.amount ? `${options.amount} requests` : `${seconds} s`} with ${options.connections ?? CONNECTIONS} connection(s) ...`);
  if (!options.amount && !warm) await autocannon({ connections: CONNECTIONS, duration: WARMUP, ...options });
  let peakRss = 0;
  // The server process itself (next-server), not the launcher script that spawned it.
  const sampler = server ? setInterval(() => (peakRss = Math.max(peakRss, largestRssMb(server.pids()))), 250) : null;
  // A fixed number of requests (accepts: one per user) or a fixed duration.
  const result = await autocannon({ connections: CONNECTIONS, ...(options.amount ? {} : { duration: seconds }), ...options });
  if (sampler) clearInterval(sampler);
  const row = {
    name,
    rps: options.amount ? (result["2xx"] / (result.duration || 1)) : result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result["2xx"],
    bad: result.non2xx + result.errors + result.timeouts,
    rss: peakRss,
  };
  if (!quiet) log(`  ${row.rps.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ${row.ok} ok, ${row.bad} not ok${peakRss ? `, peak RSS ${peakRss.toFixed(0)} MB` : ""}`);
  return row;
}

/**
 * Two rows whose ratio is a target, measured alternately (A B A B A B A B, a quarter of the time each, after
 * a warm-up of both) so that a noisy moment of this shared machine lands on both rather than on one.
 */
async function pair(a, b, serverA, serverB = serverA) {
  log(`${a.name} vs ${b.name}: alternating, ${DURATION} s each in four parts ...`);
  await autocannon({ connections: CONNECTIONS, duration: WARMUP, ...a.options });
  await autocannon({ connections: CONNECTIONS, duration: WARMUP, ...b.options });
  const parts = { a: [], b: [] };
  const quarter = { seconds: DURATION / 4, quiet: true, warm: true };
  for (let round = 0; round < 4; round++) {
    parts.a.push(await load(a.name, a.options, serverA, quarter));
    parts.b.push(await load(b.name, b.options, serverB, quarter));
  }
  const merge = (name, rows) => ({
    name,
    rps: rows.reduce((sum, row) => sum + row.rps, 0) / rows.length,
    p50: Math.max(...rows.map((row) => row.p50)),
    p99: Math.max(...rows.map((row) => row.p99)),
    ok: rows.reduce((sum, row) => sum + row.ok, 0),
    bad: rows.reduce((sum, row) => sum + row.bad, 0),
    rss: Math.max(...rows.map((row) => row.rss)),
  });
  const rows = [merge(a.name, parts.a), merge(b.name, parts.b)];
  for (const row of rows) log(`  ${row.name}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ${row.ok} ok, ${row.bad} not ok, peak RSS ${row.rss.toFixed(0)} MB`);
  return rows;
}

/** A next-auth session cookie for a fresh user, signed in the way the login form does it. */
async function signedInCookie(base) {
  const email = `bench-${Date.now()}@bench.test`;
  const password = "bench-password-123";
  const registered = await fetch(`${base}/api/v1/auth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: `bench${Date.now() % 100000}`, email, password }),
  });
  if (registered.status !== 201) throw new Error(`register for the signed-in row: ${registered.status} ${await registered.text()}`);
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const csrfCookie = csrf.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const login = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  const session = login.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.includes("authjs.session-token="));
  if (!session) throw new Error(`sign-in for the signed-in row failed: ${login.status}`);
  return session;
}

async function benchEngine(engine) {
  const tmp = engine === "pglite" ? mkdtempSync(path.join(os.tmpdir(), "fluxer-bench-")) : null;
  const databaseUrl = engine === "pglite" ? `pglite:${tmp}` : await freshDatabase(pgBase, "fluxer_bench_");
  const label = engine === "pglite" ? "PGlite" : "PostgreSQL";
  log(`=== ${label}`);
  const acceptUsers = quick ? 300 : 1500;
  const data = fill(databaseUrl, { invites: 1000, members: 100, users: acceptUsers });
  const rows = {};

  let server = await startNext(databaseUrl);
  const base = `http://127.0.0.1:${PORT}`;
  const lookupPath = `/api/v1/invites/${data.code}?with_counts=true`;
  [rows.constant, rows.lookup] = await pair(
    { name: "constant JSON route", options: { url: `${base}/api/ping` } },
    { name: "invite GET", options: { url: `${base}${lookupPath}` } },
    server,
  );
  [rows.static, rows.landing] = await pair(
    { name: "static page", options: { url: `${base}/about` } },
    { name: "landing page (signed out)", options: { url: `${base}/invite/${data.code}` } },
    server,
  );
  // What a signed-in visitor costs: the page with their own button and name, measured against the same static page.
  const cookie = await signedInCookie(base);
  [rows.static2, rows.landingSignedIn] = await pair(
    { name: "static page (again)", options: { url: `${base}/about` } },
    { name: "landing page (signed in)", options: { url: `${base}/invite/${data.code}`, headers: { cookie } } },
    server,
  );
  // A view nothing has cached yet: each request a different invite, one client at a time (latency, not throughput).
  let cold = 0;
  rows.cold = await load(
    "landing page, cold (a different invite each view, 1 client)",
    { url: base, connections: 1, requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: `/invite/${data.otherCodes[cold++ % data.otherCodes.length]}` }) }] },
    server,
    { warm: true },
  );
  // Accepts: every request is a different user joining for real (one use counted, one member written).
  let next = 0;
  const tokens = data.userTokens;
  rows.accept = await load(
    "accept (distinct users)",
    {
      url: base,
      amount: tokens.length,
      requests: [{ method: "POST", path: `/api/v1/invites/${data.code}`, setupRequest: (request) => ({ ...request, headers: { ...request.headers, authorization: tokens[next++ % tokens.length] } }) }],
    },
    server,
  );
  rows.serverLife = { name: "app server, whole run (start-up, warm-ups, every row above)", rps: NaN, p50: "", p99: "", ok: "", bad: "", rss: server.peakRss() };
  await server.stop();

  const floor = await startFloor(databaseUrl);
  rows.floor = { ...(await load("invite GET, node:http floor (same cache)", { url: `http://127.0.0.1:${FLOOR_PORT}${lookupPath}` }, floor)), floor: true };
  await floor.stop();

  if (scale) {
    // A second database with 1,000,000 invites and 100,000 members. The database lookup itself (a node:http
    // floor with the cache off) is measured on both at once, alternately: the flatness target.
    log("scale: a second database with 1,000,000 invites and 100,000 members (this takes a while) ...");
    const largeUrl = engine === "pglite" ? `pglite:${mkdtempSync(path.join(os.tmpdir(), "fluxer-bench-large-"))}` : await freshDatabase(pgBase, "fluxer_benchl_");
    const large = fill(largeUrl, { invites: 1_000_000, members: 100_000 });
    const smallFloor = await startFloor(databaseUrl, { INVITE_CACHE: "off" });
    const largeFloor = await startFloor(largeUrl, { INVITE_CACHE: "off" }, FLOOR_PORT + 1);
    [rows.floorDb, rows.floorDbLarge] = (
      await pair(
        { name: "database lookup, node:http floor, cache off, 1k invites / 100 members", options: { url: `http://127.0.0.1:${FLOOR_PORT}${lookupPath}` } },
        { name: "database lookup, node:http floor, cache off, 1M invites / 100k members", options: { url: `http://127.0.0.1:${FLOOR_PORT + 1}/api/v1/invites/${large.code}?with_counts=true` } },
        smallFloor,
        largeFloor,
      )
    ).map((row) => ({ ...row, floor: true }));
    await smallFloor.stop();
    await largeFloor.stop();
    server = await startNext(largeUrl);
    rows.lookupLarge = await load("invite GET, 1M invites / 100k members", { url: `${base}/api/v1/invites/${large.code}?with_counts=true` }, server);
    rows.landingLarge = await load("landing page (signed out), 1M invites / 100k members", { url: `${base}/invite/${large.code}` }, server);
    rows.serverLifeLarge = { name: "app server on 1M invites, whole run", rps: NaN, p50: "", p99: "", ok: "", bad: "", rss: server.peakRss() };
    await server.stop();
    if (largeUrl.startsWith("pglite:")) rmSync(largeUrl.slice("pglite:".length), { recursive: true, force: true });
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  return { label, rows };
}

const results = [];
for (const engine of engines) results.push(await benchEngine(engine.trim()));

// Report.
const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "n/a");
const cpu = os.cpus()[0]?.model ?? "unknown CPU";
let md = `# Benchmarks\n\nMeasured by \`npm run bench${quick ? " -- --quick" : ""}\` on ${new Date().toISOString().slice(0, 10)}: ${os.cpus().length} cores (${cpu}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}.\n`;
md += `Production build (\`next start\`) on 127.0.0.1, autocannon with ${CONNECTIONS} connections for ${DURATION} s per row after ${WARMUP} s of warm-up, rate limits relaxed with \`RATE_LIMIT_SCALE\`. `;
md += `Rows compared as a target ratio are measured alternately (A B A B A B A B, a quarter of the time each). RSS is the server process's (next-server), sampled every 250 ms, per row under load and over the server's whole life; the launcher script adds about 45 MB. `;
md += `The load generator runs on the same 2 cores as the server, so absolute numbers are low; compare the ratios, which are measured in one run.\n\n`;
for (const { label, rows } of results) {
  md += `## ${label}\n\n| what | req/s | p50 ms | p99 ms | ok | not ok | peak server RSS MB |\n|---|---:|---:|---:|---:|---:|---:|\n`;
  for (const row of Object.values(rows)) md += `| ${row.name} | ${Number.isFinite(row.rps) ? fmt(row.rps) : ""} | ${row.p50} | ${row.p99} | ${row.ok} | ${row.bad} | ${row.rss ? fmt(row.rss) : ""} |\n`;
  const ratio = (a, b) => (a && b ? fmt(a.rps / b.rps, 2) : "n/a");
  md += `\n| ratio or figure | value | target |\n|---|---:|---|\n`;
  md += `| invite GET / constant JSON route | ${ratio(rows.lookup, rows.constant)} | ≥ 0.8 |\n`;
  md += `| landing page (signed out) / static page | ${ratio(rows.landing, rows.static)} | ≥ 0.6 |\n`;
  md += `| landing page (signed in) / static page (alternated with it) | ${ratio(rows.landingSignedIn, rows.static2)} | ≥ 0.3 |\n`;
  md += `| cold landing render, one client, p50 | ${rows.cold ? `${rows.cold.p50} ms` : "n/a"} | < 50 ms |\n`;
  md += `| invite GET / node:http floor (same cache) | ${ratio(rows.lookup, rows.floor)} | (Next costs ~1 ms CPU per request here) |\n`;
  if (rows.floorDb) md += `| invite GET / database lookup without the cache (floor) | ${ratio(rows.lookup, rows.floorDb)} | |\n`;
  if (rows.floorDbLarge) md += `| database lookup at 1M invites / at 1k invites (floor, cache off, alternated) | ${ratio(rows.floorDbLarge, rows.floorDb)} | within 0.8–1.2 |\n`;
  if (rows.lookupLarge) md += `| invite GET at 1M invites / at 1k invites (Next, cached; not alternated) | ${ratio(rows.lookupLarge, rows.lookup)} | |\n`;
  const peak = Math.max(...Object.values(rows).filter((r) => !r.floor).map((r) => r.rss || 0));
  md += `| peak RSS of the app server, whole run | ${fmt(peak)} MB | < 400 MB |\n\n`;
}
// Hand-written findings below the marker survive a new run.
const marker = "<!-- notes: kept across runs -->";
const previous = existsSync("docs/benchmarks.md") ? readFileSync("docs/benchmarks.md", "utf8") : "";
md += `${marker}${previous.includes(marker) ? previous.slice(previous.indexOf(marker) + marker.length) : "\n"}`;
writeFileSync("docs/benchmarks.md", md);
console.log(`\n${md}`);
log("written to docs/benchmarks.md");
