#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --engines=pglite,postgres] [-- --no-scale]`; BENCH_PORT (default 7300)
// moves the servers (the app on BENCH_PORT, the node:http floors on BENCH_PORT + 50 and + 51, the app without
// invite analytics on BENCH_PORT + 52).
// Measures a production build on 127.0.0.1 with autocannon, per database engine, all in one run so the
// numbers compare as ratios: the constant-JSON route and a static page (the framework's ceiling), the
// invite lookup GET /api/v1/invites/{code}?with_counts=true, the landing page /invite/{code} signed out
// and signed in, a cold landing render (a different invite each request, one client), accepts per second
// with distinct users, the app server's peak RSS over its whole life, the same lookup served by a bare
// node:http server (the floor), and the lookup and member search with 1,000,000 invites and 100,000 members. Writes
// docs/benchmarks.md.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
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
const UNCOUNTED_PORT = PORT + 52;
const started = Date.now();
const log = (line) =>
  console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${line}`);

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
    [
      "--import",
      "tsx",
      "scripts/bench-fill.mts",
      "--invites",
      String(options.invites),
      "--members",
      String(options.members),
      "--users",
      String(options.users ?? 0),
    ],
    // LOG_LEVEL=warn: the fill's stdout is its JSON answer alone (migration log lines are info).
    {
      env: { ...baseEnv, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "inherit"],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(out.toString());
}

/** The app server, with its peak RSS sampled over its whole life (start-up, warm-ups and every row). */
async function startNext(databaseUrl) {
  const server = await startApp({ port: PORT, databaseUrl, env: baseEnv });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, largestRssMb(server.pids()))), 250);
  const stop = server.stop;
  return {
    ...server,
    peakRss: () => peak,
    memory: () => memoryOf(PORT),
    stop: async () => (clearInterval(sampler), stop()),
  };
}

/** Where the server's memory is now (GET /api/health): RSS, the JS heap, and what lives outside it (PGlite's WASM memory is in array buffers). */
async function memoryOf(port) {
  try {
    const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
    const m = health.memory_mb;
    return m
      ? `rss ${m.rss}, heap ${m.heap_used}/${m.heap_total}, external ${m.external} (array buffers ${m.array_buffers}) MB`
      : "";
  } catch {
    return "";
  }
}

function startFloor(databaseUrl, extraEnv = {}, port = FLOOR_PORT) {
  const env = { ...baseEnv, PORT: String(port), DATABASE_URL: databaseUrl, ...extraEnv };
  return startProcess(
    process.execPath,
    ["--import", "tsx", "scripts/bench-floor.mts"],
    env,
    `http://127.0.0.1:${port}/api/v1/invites/BenchCd1`,
  );
}

/**
 * autocannon, with the time from its start to the last answer: for a fixed number of requests autocannon
 * itself reports whole seconds and finishes on its next one-second tick, which would count idle time.
 */
async function runTimed(options) {
  const startedAt = performance.now();
  let lastAnswer = startedAt;
  const instance = autocannon(options);
  instance.on("response", () => (lastAnswer = performance.now()));
  const result = await instance;
  return { result, seconds: Math.max(0.001, (lastAnswer - startedAt) / 1000) };
}

async function load(name, options, server, { seconds = DURATION, quiet = false, warm = false } = {}) {
  if (!quiet)
    log(
      `${name}: ${options.amount ? `${options.amount} requests` : `${seconds} s`} with ${options.connections ?? CONNECTIONS} connection(s) ...`,
    );
  if (!options.amount && !warm) await autocannon({ connections: CONNECTIONS, duration: WARMUP, ...options });
  let peakRss = 0;
  // The server process itself (next-server), not the launcher script that spawned it.
  const sampler = server
    ? setInterval(() => (peakRss = Math.max(peakRss, largestRssMb(server.pids()))), 250)
    : null;
  // A fixed number of requests (accepts: one per user) or a fixed duration.
  const { result, seconds: elapsed } = await runTimed({
    connections: CONNECTIONS,
    ...(options.amount ? {} : { duration: seconds }),
    ...options,
  });
  if (sampler) clearInterval(sampler);
  const row = {
    name,
    rps: options.amount ? result["2xx"] / elapsed : result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result["2xx"],
    bad: result.non2xx + result.errors + result.timeouts,
    rss: peakRss,
  };
  if (!quiet)
    log(
      `  ${row.rps.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ${row.ok} ok, ${row.bad} not ok${peakRss ? `, peak RSS ${peakRss.toFixed(0)} MB` : ""}${server?.memory ? `; now ${await server.memory()}` : ""}`,
    );
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
  const rows = [mergeParts(a.name, parts.a), mergeParts(b.name, parts.b)];
  for (const row of rows)
    log(
      `  ${row.name}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ${row.ok} ok, ${row.bad} not ok, peak RSS ${row.rss.toFixed(0)} MB`,
    );
  if (serverA?.memory) log(`  memory now: ${await serverA.memory()}`);
  return rows;
}

/**
 * A flood of anonymous event-stream attempts from rotating loopback addresses (all of 127.0.0.0/8 is this
 * machine, so each is a real TCP peer), 100 in flight, against the instance's real stream bounds (they are
 * not relaxed by RATE_LIMIT_SCALE). Admitted streams stay open until the flood ends; refused ones are closed.
 */
function startStreamFlood(base, guildId) {
  const url = new URL(`/api/v1/gateway/events?guild_counts=${guildId}`, base);
  const statuses = {};
  const open = [];
  let attempts = 0;
  let flooding = true;
  const attempt = (n) =>
    new Promise((resolve) => {
      const block = 30 + Math.floor(n / 60000);
      const localAddress = `127.${block}.${Math.floor((n % 60000) / 250)}.${(n % 250) + 1}`;
      const request = http.get(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          agent: false,
          localAddress,
          headers: { accept: "text/event-stream" },
        },
        (response) => {
          const status = response.statusCode ?? 0;
          statuses[status] = (statuses[status] ?? 0) + 1;
          response.resume();
          if (status === 200) open.push(request);
          else response.on("end", () => request.destroy());
          resolve();
        },
      );
      request.on("error", (error) => {
        statuses[error.code ?? "error"] = (statuses[error.code ?? "error"] ?? 0) + 1;
        resolve();
      });
      request.setTimeout(30_000, () => request.destroy(new Error("timed out")));
    });
  const workers = Array.from({ length: 100 }, async () => {
    while (flooding) await attempt(attempts++);
  });
  return {
    statuses,
    attempts: () => attempts,
    stop: async () => {
      flooding = false;
      await Promise.all(workers);
      for (const request of open) request.destroy();
      open.length = 0;
    },
  };
}

/**
 * Invite lookups at a steady 100/s (open loop, latency rather than throughput) with and without a stream
 * flood running, alternated: what a flood of anonymous streams does to everyone else's requests.
 */
async function benchStreamFlood(base, lookupPath, server) {
  const guildId = (await (await fetch(`${base}${lookupPath}`)).json()).guild?.id;
  log("invite GET at 100/s, alone and during a flood of anonymous event streams, alternated ...");
  const probe = { url: `${base}${lookupPath}`, connections: 4, overallRate: 100 };
  const alone = [];
  const during = [];
  const floods = [];
  for (let round = 0; round < 2; round++) {
    alone.push(
      await load("invite GET at 100/s, alone", probe, server, {
        seconds: DURATION / 2,
        quiet: true,
        warm: true,
      }),
    );
    const flood = startStreamFlood(base, guildId);
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the flood under way before the probe starts
    during.push(
      await load("invite GET at 100/s, during a stream flood", probe, server, {
        seconds: DURATION / 2,
        quiet: true,
        warm: true,
      }),
    );
    await flood.stop();
    floods.push({ attempts: flood.attempts(), statuses: flood.statuses });
    await new Promise((resolve) => setTimeout(resolve, 2000)); // closed streams leave before the next round
  }
  const attempts = floods.reduce((sum, flood) => sum + flood.attempts, 0);
  const statuses = {};
  for (const flood of floods)
    for (const [status, count] of Object.entries(flood.statuses))
      statuses[status] = (statuses[status] ?? 0) + count;
  const rows = {
    floodProbeAlone: mergeParts("invite GET at 100/s, alone (alternated with the next row)", alone),
    floodProbe: mergeParts(
      `invite GET at 100/s, during a flood of ${attempts} anonymous stream attempts (${Object.entries(
        statuses,
      )
        .map(([status, count]) => `${count} × ${status}`)
        .join(", ")})`,
      during,
    ),
  };
  for (const row of Object.values(rows))
    log(
      `  ${row.name}: p50 ${row.p50} ms, p99 ${row.p99} ms, ${row.ok} ok, ${row.bad} not ok, peak RSS ${row.rss.toFixed(0)} MB`,
    );
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
  if (registered.status !== 201)
    throw new Error(`register for the signed-in row: ${registered.status} ${await registered.text()}`);
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = await csrf.json();
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const login = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  const session = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .find((c) => c.includes("authjs.session-token="));
  if (!session) throw new Error(`sign-in for the signed-in row failed: ${login.status}`);
  return session;
}

// --- Accepts at viral speed, and the writes around them (register, create invite).
const ACCEPT_CONNECTIONS = 32;
const OPEN_LOOP_RATE = 200; // accepts per second (autocannon --overallRate)
const OPEN_LOOP_CONNECTIONS = 10; // autocannon's default
const REGISTER_CONNECTIONS = 4; // the hash queue (PASSWORD_HASH_QUEUE, 8) never fills: no 503s in the row
const loadAverages = [];
const sampleLoad = () => loadAverages.push(os.loadavg()[0]);

/** Fresh users for the accept rows: each accepts once (a real join), so every row needs its own. */
function acceptUserCount() {
  const parts = acceptPartSizes();
  return 4 * parts.pair + parts.openLoop + 4 * parts.burst + parts.profile;
}

function acceptPartSizes() {
  return {
    pair: quick ? 400 : 1500,
    openLoop: OPEN_LOOP_RATE * DURATION,
    burst: quick ? 200 : 600,
    profile: quick ? 300 : 1000,
  };
}

function acceptUsers(tokens) {
  const sizes = acceptPartSizes();
  let at = 0;
  const take = (n) => tokens.slice(at, (at += n));
  return {
    pair: [take(sizes.pair), take(sizes.pair), take(sizes.pair), take(sizes.pair)],
    openLoop: take(sizes.openLoop),
    burst: [take(sizes.burst), take(sizes.burst), take(sizes.burst), take(sizes.burst)],
    profile: take(sizes.profile),
  };
}

/** autocannon options for one accept per token (POST /invites/{code}, each token once). */
function acceptOptions(base, code, tokens, extra = {}) {
  let next = 0;
  return {
    url: base,
    connections: ACCEPT_CONNECTIONS,
    amount: tokens.length,
    requests: [
      {
        method: "POST",
        path: `/api/v1/invites/${code}`,
        setupRequest: (request) => ({
          ...request,
          headers: { ...request.headers, authorization: tokens[next++] },
        }),
      },
    ],
    ...extra,
  };
}

/** One run of a fixed number of requests (runTimed says how it is timed). */
async function timedAmount(options) {
  const { result, seconds } = await runTimed(options);
  return {
    rps: result["2xx"] / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result["2xx"],
    bad: result.non2xx + result.errors + result.timeouts,
    seconds,
  };
}

/**
 * One row from the parts of a row measured in turns: the rate over the parts' own time when they were timed
 * (fixed numbers of requests), else their mean rate; the worst latencies; sums; the peak memory.
 */
function mergeParts(name, parts, rss = Math.max(0, ...parts.map((p) => p.rss ?? 0))) {
  const seconds = parts.reduce((sum, p) => sum + (p.seconds ?? 0), 0);
  const ok = parts.reduce((sum, p) => sum + p.ok, 0);
  return {
    name,
    rps: seconds ? ok / seconds : parts.reduce((sum, p) => sum + p.rps, 0) / parts.length,
    p50: Math.max(...parts.map((p) => p.p50)),
    p99: Math.max(...parts.map((p) => p.p99)),
    ok,
    bad: parts.reduce((sum, p) => sum + p.bad, 0),
    rss,
  };
}

/**
 * Accepts of one guild by distinct users, 32 at a time, alternated with the constant-JSON route (its ratio is
 * a target), then at a fixed 200 per second open-loop (latency when the arrivals don't wait for answers).
 */
async function benchAccepts(base, data, users, server) {
  log(
    `accepts: ${4 * users.pair[0].length} distinct users joining one guild, ${ACCEPT_CONNECTIONS} at a time, alternated with the constant JSON route ...`,
  );
  sampleLoad();
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, largestRssMb(server.pids()))), 250);
  await autocannon({ connections: CONNECTIONS, duration: WARMUP, url: `${base}/api/ping` });
  const accepts = [];
  const pings = [];
  for (const tokens of users.pair) {
    accepts.push(await timedAmount(acceptOptions(base, data.code, tokens)));
    const ping = await autocannon({
      connections: CONNECTIONS,
      duration: DURATION / 4,
      url: `${base}/api/ping`,
    });
    pings.push({
      rps: ping.requests.average,
      p50: ping.latency.p50,
      p99: ping.latency.p99,
      ok: ping["2xx"],
      bad: ping.non2xx + ping.errors + ping.timeouts,
    });
  }
  sampleLoad();
  const rows = {
    acceptPing: mergeParts("constant JSON route (alternated with accepts)", pings),
    accept: mergeParts(`accept (one guild, distinct users, ${ACCEPT_CONNECTIONS} concurrent)`, accepts),
  };
  log(
    `  accepts ${rows.accept.rps.toFixed(0)}/s (parts: ${accepts.map((a) => a.rps.toFixed(0)).join(", ")}), p99 ${rows.accept.p99} ms; constant route ${rows.acceptPing.rps.toFixed(0)}/s; ${rows.accept.bad} not ok`,
  );

  log(`accepts open-loop: ${OPEN_LOOP_RATE}/s for ${DURATION} s ...`);
  // autocannon's rate: each connection may send its share (rate / connections) per second, the counter reset
  // every second; with its default 10 connections, 20 per connection per second.
  const open = await timedAmount(
    acceptOptions(base, data.code, users.openLoop, {
      connections: OPEN_LOOP_CONNECTIONS,
      overallRate: OPEN_LOOP_RATE,
    }),
  );
  rows.acceptOpenLoop = mergeParts(
    `accept at ${OPEN_LOOP_RATE}/s (autocannon --overallRate, ${OPEN_LOOP_CONNECTIONS} connections)`,
    [open],
  );
  clearInterval(sampler);
  rows.accept.rss = rows.acceptOpenLoop.rss = peakRss;
  log(
    `  ${rows.acceptOpenLoop.rps.toFixed(0)}/s answered, p50 ${open.p50} ms, p99 ${open.p99} ms, ${open.bad} not ok`,
  );
  sampleLoad();
  return rows;
}

/** Registrations at the production password cost, and their effect on accepts and lookups running at the same time. */
async function benchAccountWrites(base, data, users, server) {
  const register = () => {
    let n = 0;
    const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
    return {
      url: base,
      connections: REGISTER_CONNECTIONS,
      requests: [
        {
          method: "POST",
          path: "/api/v1/auth/register",
          headers: { "content-type": "application/json" },
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({
              username: `reg${tag}${n}`,
              email: `reg-${tag}-${n++}@bench.test`,
              password: "bench-password-123",
            }),
          }),
        },
      ],
    };
  };
  const rows = {};
  sampleLoad();
  rows.register = await load(
    `register (production password cost, ${REGISTER_CONNECTIONS} at a time)`,
    { ...register(), connections: REGISTER_CONNECTIONS },
    server,
  );

  // A burst of registrations (the hash queue kept busy) against accepts and lookups, alternated with none.
  log("accepts and invite GETs with and without a registration burst running, alternated ...");
  const lookup = {
    url: `${base}/api/v1/invites/${data.code}?with_counts=true`,
    connections: CONNECTIONS,
    duration: DURATION / 4,
  };
  const parts = { accept: [], acceptBurst: [], lookup: [], lookupBurst: [] };
  for (let round = 0; round < 2; round++) {
    for (const burst of [false, true]) {
      const background = burst ? autocannon({ ...register(), duration: 3600 }) : null;
      if (background) await new Promise((r) => setTimeout(r, 500)); // the hash queue fills
      const accept = await timedAmount(
        acceptOptions(base, data.code, users.burst[round * 2 + (burst ? 1 : 0)]),
      );
      const get = await autocannon(lookup);
      background?.stop();
      if (background) await background;
      parts[burst ? "acceptBurst" : "accept"].push(accept);
      parts[burst ? "lookupBurst" : "lookup"].push({
        rps: get.requests.average,
        p50: get.latency.p50,
        p99: get.latency.p99,
        ok: get["2xx"],
        bad: get.non2xx + get.errors + get.timeouts,
      });
    }
  }
  rows.burstAccept = mergeParts("accept, alone (alternated with the next row)", parts.accept);
  rows.burstAcceptWith = mergeParts(
    `accept, during a registration burst (${REGISTER_CONNECTIONS} hashing at once)`,
    parts.acceptBurst,
  );
  rows.burstLookup = mergeParts("invite GET, alone (alternated with the next row)", parts.lookup);
  rows.burstLookupWith = mergeParts("invite GET, during a registration burst", parts.lookupBurst);
  for (const key of ["burstAccept", "burstAcceptWith", "burstLookup", "burstLookupWith"])
    log(
      `  ${rows[key].name}: ${rows[key].rps.toFixed(0)}/s, p99 ${rows[key].p99} ms, ${rows[key].bad} not ok`,
    );

  // Creating invites: a guild of its own (the bench guild is at its 1,000-invite limit), up to 900 of them.
  const guild = await (
    await fetch(`${base}/api/v1/guilds`, {
      method: "POST",
      headers: { authorization: data.ownerToken, "content-type": "application/json" },
      body: JSON.stringify({ name: "Bench Invites" }),
    })
  ).json();
  const channels = await (
    await fetch(`${base}/api/v1/guilds/${guild.id}/channels`, { headers: { authorization: data.ownerToken } })
  ).json();
  rows.createInvite = await load(
    "create invite (one channel, 900 invites)",
    {
      url: `${base}/api/v1/channels/${channels[0].id}/invites`,
      amount: 900,
      method: "POST",
      headers: { authorization: data.ownerToken, "content-type": "application/json" },
      body: JSON.stringify({ max_age: 0 }),
    },
    server,
  );
  rows.bulkTargets = await bulkAddTargets(base, data.ownerToken, channels[0].id);
  sampleLoad();
  return rows;
}

/**
 * A targeted invite's list filled in one request: POST /invites/{code}/target-users/bulk-add with 1,000 ids,
 * once per fresh invite, one at a time (what a manager's import does), timed end to end.
 */
async function bulkAddTargets(base, token, channelId, rounds = 10) {
  log(`bulk add of 1,000 targets: ${rounds} requests, one at a time ...`);
  const headers = { authorization: token, "content-type": "application/json" };
  const times = [];
  let bad = 0;
  for (let round = 0; round < rounds; round++) {
    const first = 1_000_000_000_000_000n + BigInt(round) * 10_000n;
    const ids = Array.from({ length: 1000 }, (_, i) => (first + BigInt(i)).toString());
    const invite = await (
      await fetch(`${base}/api/v1/channels/${channelId}/invites`, {
        method: "POST",
        headers,
        body: JSON.stringify({ max_age: 0, target_user_ids: [ids[0]] }),
      })
    ).json();
    const started = performance.now();
    const response = await fetch(`${base}/api/v1/invites/${invite.code}/target-users/bulk-add`, {
      method: "POST",
      headers,
      body: JSON.stringify({ user_ids: ids }),
    });
    times.push(performance.now() - started);
    if (response.status !== 204) bad += 1;
  }
  times.sort((a, b) => a - b);
  const at = (q) => Math.round(times[Math.min(times.length - 1, Math.floor(q * times.length))]);
  const row = {
    name: "bulk add of 1,000 targets to an invite (one request at a time)",
    rps: 1000 / (times.reduce((sum, t) => sum + t, 0) / times.length),
    p50: at(0.5),
    p99: at(0.99),
    ok: rounds - bad,
    bad,
    rss: 0,
  };
  log(`  p50 ${row.p50} ms, p99 ${row.p99} ms, ${bad} not ok`);
  return row;
}

/** Where an accept's time goes: scripts/bench-accept-profile.mts on the same database, the server stopped. */
function acceptProfile(databaseUrl, code, tokens) {
  log(`profile of ${tokens.length} accepts (in-process, every database operation timed) ...`);
  const file = path.join(os.tmpdir(), `fluxer-bench-tokens-${process.pid}.json`);
  writeFileSync(file, JSON.stringify(tokens));
  try {
    const out = execFileSync(
      process.execPath,
      [
        "--import",
        "tsx",
        "scripts/bench-accept-profile.mts",
        "--code",
        code,
        "--tokens",
        file,
        "--concurrency",
        String(ACCEPT_CONNECTIONS),
      ],
      {
        env: { ...baseEnv, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
        stdio: ["ignore", "pipe", "inherit"],
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return JSON.parse(out.toString());
  } finally {
    rmSync(file, { force: true });
  }
}

async function benchEngine(engine) {
  const tmp = engine === "pglite" ? mkdtempSync(path.join(os.tmpdir(), "fluxer-bench-")) : null;
  const databaseUrl = engine === "pglite" ? `pglite:${tmp}` : await freshDatabase(pgBase, "fluxer_bench_");
  const label = engine === "pglite" ? "PGlite" : "PostgreSQL";
  log(`=== ${label}`);
  const data = fill(databaseUrl, { invites: 1000, members: 100, users: acceptUserCount() });
  // The server without invite analytics needs a database of its own on PGlite (one process per folder): a copy.
  const uncountedTmp = tmp ? mkdtempSync(path.join(os.tmpdir(), "fluxer-bench-uncounted-")) : null;
  if (tmp && uncountedTmp) cpSync(tmp, uncountedTmp, { recursive: true });
  const rows = {};

  // What counting views costs (invite analytics): the two hot rows on two fresh servers started together, one
  // counting and one with ANALYTICS=off, alternated. Both have the same history (a long-lived server that has
  // served every other row would be compared with a fresh one), and each serves the invite from its own cache.
  // A server's speed still varies from one process to the next (what its JIT and GC settle on early), so this is
  // done with two such pairs, one after the other, and each row is the mean of its two servers.
  const base = `http://127.0.0.1:${PORT}`;
  const uncountedBase = `http://127.0.0.1:${UNCOUNTED_PORT}`;
  const lookupPath = `/api/v1/invites/${data.code}?with_counts=true`;
  const counting = { lookupCounted: [], lookupUncounted: [], landingCounted: [], landingUncounted: [] };
  for (let round = 0; round < 2; round++) {
    const counted = await startApp({ port: PORT, databaseUrl, env: baseEnv });
    const uncounted = await startApp({
      port: UNCOUNTED_PORT,
      databaseUrl: uncountedTmp ? `pglite:${uncountedTmp}` : databaseUrl,
      env: { ...baseEnv, ANALYTICS: "off" },
    });
    const [lookupCounted, lookupUncounted] = await pair(
      { name: "invite GET, with counting", options: { url: `${base}${lookupPath}` } },
      {
        name: "invite GET, without counting (ANALYTICS=off)",
        options: { url: `${uncountedBase}${lookupPath}` },
      },
      counted,
      uncounted,
    );
    const [landingCounted, landingUncounted] = await pair(
      { name: "landing page (signed out), with counting", options: { url: `${base}/invite/${data.code}` } },
      {
        name: "landing page (signed out), without counting (ANALYTICS=off)",
        options: { url: `${uncountedBase}/invite/${data.code}` },
      },
      counted,
      uncounted,
    );
    await Promise.all([counted.stop(), uncounted.stop()]);
    Object.entries({ lookupCounted, lookupUncounted, landingCounted, landingUncounted }).forEach(
      ([key, row]) => counting[key].push(row),
    );
  }
  for (const [key, parts] of Object.entries(counting)) rows[key] = mergeParts(parts[0].name, parts);
  if (uncountedTmp) rmSync(uncountedTmp, { recursive: true, force: true });

  let server = await startNext(databaseUrl);
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
    {
      name: "landing page (signed in)",
      options: { url: `${base}/invite/${data.code}`, headers: { cookie } },
    },
    server,
  );
  // A view nothing has cached yet: each request a different invite, one client at a time (latency, not throughput).
  let cold = 0;
  rows.cold = await load(
    "landing page, cold (a different invite each view, 1 client)",
    {
      url: base,
      connections: 1,
      requests: [
        {
          method: "GET",
          setupRequest: (request) => ({
            ...request,
            path: `/invite/${data.otherCodes[cold++ % data.otherCodes.length]}`,
          }),
        },
      ],
    },
    server,
    { warm: true },
  );
  Object.assign(rows, await benchStreamFlood(base, lookupPath, server));
  const users = acceptUsers(data.userTokens);
  Object.assign(rows, await benchAccepts(base, data, users, server));
  Object.assign(rows, await benchAccountWrites(base, data, users, server));
  rows.serverLife = {
    name: "app server, whole run (start-up, warm-ups, every row above)",
    rps: NaN,
    p50: "",
    p99: "",
    ok: "",
    bad: "",
    rss: server.peakRss(),
  };
  await server.stop();
  const profile = acceptProfile(databaseUrl, data.code, users.profile);

  const floor = await startFloor(databaseUrl);
  rows.floor = {
    ...(await load(
      "invite GET, node:http floor (same cache)",
      { url: `http://127.0.0.1:${FLOOR_PORT}${lookupPath}` },
      floor,
    )),
    floor: true,
  };
  await floor.stop();

  if (scale) {
    // A second database with 1,000,000 invites and 100,000 members. The database lookup itself (a node:http
    // floor with the cache off) is measured on both at once, alternately: the flatness target.
    log("scale: a second database with 1,000,000 invites and 100,000 members (this takes a while) ...");
    const largeUrl =
      engine === "pglite"
        ? `pglite:${mkdtempSync(path.join(os.tmpdir(), "fluxer-bench-large-"))}`
        : await freshDatabase(pgBase, "fluxer_benchl_");
    const large = fill(largeUrl, { invites: 1_000_000, members: 100_000 });
    const smallFloor = await startFloor(databaseUrl, { INVITE_CACHE: "off" });
    const largeFloor = await startFloor(largeUrl, { INVITE_CACHE: "off" }, FLOOR_PORT + 1);
    [rows.floorDb, rows.floorDbLarge] = (
      await pair(
        {
          name: "database lookup, node:http floor, cache off, 1k invites / 100 members",
          options: { url: `http://127.0.0.1:${FLOOR_PORT}${lookupPath}` },
        },
        {
          name: "database lookup, node:http floor, cache off, 1M invites / 100k members",
          options: {
            url: `http://127.0.0.1:${FLOOR_PORT + 1}/api/v1/invites/${large.code}?with_counts=true`,
          },
        },
        smallFloor,
        largeFloor,
      )
    ).map((row) => ({ ...row, floor: true }));
    await smallFloor.stop();
    await largeFloor.stop();
    server = await startNext(largeUrl);
    rows.lookupLarge = await load(
      "invite GET, 1M invites / 100k members",
      { url: `${base}/api/v1/invites/${large.code}?with_counts=true` },
      server,
    );
    rows.landingLarge = await load(
      "landing page (signed out), 1M invites / 100k members",
      { url: `${base}/invite/${large.code}` },
      server,
    );
    // Member search in the 100,000-member guild, latency first (one client): the default search (newest
    // first, exact total), and a name fragment with a join-source filter (a different fragment each request).
    const searchPath = `/api/v1/guilds/${large.guildId}/members-search`;
    const searchHeaders = { authorization: large.ownerToken, "content-type": "application/json" };
    rows.searchLarge = await load(
      "member search, newest first, 100k members (1 client)",
      { url: `${base}${searchPath}`, connections: 1, method: "POST", headers: searchHeaders, body: "{}" },
      server,
    );
    let fragment = 0;
    rows.searchTextLarge = await load(
      "member search, name fragment + join source, 100k members (1 client)",
      {
        url: base,
        connections: 1,
        requests: [
          {
            method: "POST",
            path: searchPath,
            headers: searchHeaders,
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({
                query: String((fragment++ * 7919) % 100000).padStart(5, "0"),
                join_source_type: [1, 2],
              }),
            }),
          },
        ],
      },
      server,
    );
    rows.serverLifeLarge = {
      name: "app server on 1M invites, whole run",
      rps: NaN,
      p50: "",
      p99: "",
      ok: "",
      bad: "",
      rss: server.peakRss(),
    };
    await server.stop();
    if (largeUrl.startsWith("pglite:"))
      rmSync(largeUrl.slice("pglite:".length), { recursive: true, force: true });
  }
  if (tmp) rmSync(tmp, { recursive: true, force: true });
  return { label, rows, profile };
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
md += `Load average of the machine (1 min) during the accept and register rows: ${loadAverages.map((l) => l.toFixed(1)).join(", ")}.\n\n`;
for (const { label, rows, profile } of results) {
  md += `## ${label}\n\n| what | req/s | p50 ms | p99 ms | ok | not ok | peak server RSS MB |\n|---|---:|---:|---:|---:|---:|---:|\n`;
  for (const row of Object.values(rows))
    md += `| ${row.name} | ${Number.isFinite(row.rps) ? fmt(row.rps) : ""} | ${row.p50} | ${row.p99} | ${row.ok} | ${row.bad} | ${row.rss ? fmt(row.rss) : ""} |\n`;
  const ratio = (a, b) => (a && b ? fmt(a.rps / b.rps, 2) : "n/a");
  md += `\n| ratio or figure | value | target |\n|---|---:|---|\n`;
  md += `| invite GET / constant JSON route | ${ratio(rows.lookup, rows.constant)} | ≥ 0.8 |\n`;
  md += `| landing page (signed out) / static page | ${ratio(rows.landing, rows.static)} | ≥ 0.6 |\n`;
  md += `| landing page (signed in) / static page (alternated with it) | ${ratio(rows.landingSignedIn, rows.static2)} | ≥ 0.3 |\n`;
  md += `| invite GET with counting / without (invite analytics, alternated) | ${ratio(rows.lookupCounted, rows.lookupUncounted)} | ≥ 0.95 |\n`;
  md += `| landing page (signed out) with counting / without (alternated) | ${ratio(rows.landingCounted, rows.landingUncounted)} | ≥ 0.95 |\n`;
  md += `| cold landing render, one client, p50 | ${rows.cold ? `${rows.cold.p50} ms` : "n/a"} | < 50 ms |\n`;
  if (rows.bulkTargets)
    md += `| 1,000-user bulk add to a targeted invite, p50 / p99 | ${rows.bulkTargets.p50} ms / ${rows.bulkTargets.p99} ms | < 1 s |\n`;
  if (rows.floodProbe)
    md += `| invite GET p99 during a stream flood (alone: ${rows.floodProbeAlone.p99} ms) | ${rows.floodProbe.p99} ms | < 200 ms |\n`;
  md += `| invite GET / node:http floor (same cache) | ${ratio(rows.lookup, rows.floor)} | (Next costs ~1 ms CPU per request here) |\n`;
  if (rows.floorDb)
    md += `| invite GET / database lookup without the cache (floor) | ${ratio(rows.lookup, rows.floorDb)} | |\n`;
  if (rows.floorDbLarge)
    md += `| database lookup at 1M invites / at 1k invites (floor, cache off, alternated) | ${ratio(rows.floorDbLarge, rows.floorDb)} | within 0.8–1.2 |\n`;
  if (rows.lookupLarge)
    md += `| invite GET at 1M invites / at 1k invites (Next, cached; not alternated) | ${ratio(rows.lookupLarge, rows.lookup)} | |\n`;
  if (rows.searchLarge)
    md += `| member search at 100k members, p50 (newest first / name fragment + join source) | ${rows.searchLarge.p50} ms / ${rows.searchTextLarge?.p50 ?? "n/a"} ms | < 50 ms |\n`;
  const peak = Math.max(
    ...Object.values(rows)
      .filter((r) => !r.floor)
      .map((r) => r.rss || 0),
  );
  md += `| peak RSS of the app server, whole run | ${fmt(peak)} MB | < 400 MB |\n\n`;
  md += acceptSection(rows, profile);
}
/** The accept targets and the profile of one engine, for docs/benchmarks.md. */
function acceptSection(rows, profile) {
  const ratio = (a, b) => (a && b ? fmt(a.rps / b.rps, 2) : "n/a");
  let text = `| accepts | value | target |\n|---|---:|---|\n`;
  text += `| accepts per second (one guild, distinct users, ${ACCEPT_CONNECTIONS} concurrent) | ${fmt(rows.accept?.rps)} | ≥ 300 PostgreSQL, ≥ 150 PGlite |\n`;
  text += `| accepts / constant JSON route (alternated) | ${ratio(rows.accept, rows.acceptPing)} | ≥ 0.3 |\n`;
  text += `| p99 at ${OPEN_LOOP_RATE} accepts/s open-loop | ${rows.acceptOpenLoop?.p99 ?? "n/a"} ms (${fmt(rows.acceptOpenLoop?.rps)}/s answered) | < 250 ms |\n`;
  text += `| accepts during a registration burst / alone (alternated) | ${ratio(rows.burstAcceptWith, rows.burstAccept)} | ≈ 1 |\n`;
  text += `| invite GET during a registration burst / alone (alternated) | ${ratio(rows.burstLookupWith, rows.burstLookup)} | ≈ 1 |\n\n`;
  if (profile) {
    text += `Where an accept's time goes (${profile.accepts} accepts in-process, ${profile.concurrency} at a time, ${fmt(profile.perSecond)}/s; wall time as the caller waits, pool and lock waits included):\n\n`;
    text += `| operation | per accept | mean ms |\n|---|---:|---:|\n`;
    for (const phase of profile.phases)
      text += `| **${phase.name}** | ${fmt(phase.perAccept, 2)} | ${fmt(phase.meanMs, 1)} |\n`;
    for (const op of profile.operations)
      text += `| ${op.name} | ${fmt(op.perAccept, 2)} | ${fmt(op.meanMs, 2)} |\n`;
    text += `\n`;
  }
  return text;
}

// Hand-written findings below the marker survive a new run.
const marker = "<!-- notes: kept across runs -->";
const previous = existsSync("docs/benchmarks.md") ? readFileSync("docs/benchmarks.md", "utf8") : "";
md += `${marker}${previous.includes(marker) ? previous.slice(previous.indexOf(marker) + marker.length) : "\n"}`;
writeFileSync("docs/benchmarks.md", md);
console.log(`\n${md}`);
log("written to docs/benchmarks.md");
