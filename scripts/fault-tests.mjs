#!/usr/bin/env node
// Fault tests on PostgreSQL (run by `npm test` when TEST_POSTGRES_URL is set; alone: `node scripts/fault-tests.mjs`).
// 1. A storm of accepts on a max_uses invite, split across two app instances on one database; one instance
//    is killed with SIGKILL mid-storm. Afterwards exactly max_uses members joined, uses equals the members
//    with that source code, no duplicate members, member_count agrees with the member rows.
// 2. PostgreSQL stops for a few seconds: requests fail fast with a clean 503 JSON (no hang, no crash) and
//    succeed again once it is back.
// 3. With Redis, two instances enforce one rate limit together.
// 4. Invite analytics: an instance counting views is killed with SIGKILL; what reached the database is every
//    view but at most those of the last flush interval, and never more than were served.
// Prints its figures and a closing `N passed, N failed` line.
import { execFileSync } from "node:child_process";
import { randomBytes, randomInt } from "node:crypto";
import { runOnPinnedNode } from "./lib/pinned-node.mjs";
import { freshDatabase } from "./lib/postgres.mjs";
import { startApp, waitFor } from "./lib/server.mjs";

await runOnPinnedNode(); // the app instances below run on the project's Node.js too
console.log(`[faults] on Node.js ${process.version}`);

// A cluster of their own (scripts/pg-up.sh makes it), because these tests stop PostgreSQL.
const base = process.env.FAULT_POSTGRES_URL;
const cluster = process.env.FAULT_PG_CLUSTER;
if (!base || !cluster) {
  console.error("fault tests need FAULT_POSTGRES_URL and FAULT_PG_CLUSTER (source scripts/pg-up.sh)");
  process.exit(2);
}
const PORT_A = Number(process.env.FAULT_PORT_BASE ?? 3111);
const PORT_B = PORT_A + 1;
const PORT_C = PORT_A + 2;
const MAX_USES = 40;
const USERS = 120;
const results = [];
const log = (line) => console.log(`[faults] ${line}`);

function check(name, condition, detail) {
  results.push({ name, ok: Boolean(condition) });
  log(`${condition ? "PASS" : "FAIL"} ${name}${detail ? ` (${detail})` : ""}`);
}

const ip = () => `10.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 254)}`;

async function api(port, method, path, { token, body, address = ip(), timeoutMs = 15000 } = {}) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: {
      "content-type": "application/json",
      "x-forwarded-for": address,
      ...(token ? { authorization: token } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  let json = null;
  try {
    json = JSON.parse(text);
  } catch {
    // not JSON: the checks below report it
  }
  return { status: response.status, json, text, headers: response.headers };
}

async function register(port) {
  const name = `f${randomBytes(4).toString("hex")}`;
  const result = await api(port, "POST", "/api/v1/auth/register", {
    body: { username: name, email: `${name}@faults.test`, password: "fault-password-1" },
  });
  if (result.status !== 201) throw new Error(`register failed: ${result.status} ${result.text}`);
  return result.json.token;
}

async function inBatches(items, size, fn) {
  const out = [];
  for (let i = 0; i < items.length; i += size)
    out.push(...(await Promise.all(items.slice(i, i + size).map(fn))));
  return out;
}

const databaseUrl = await freshDatabase(base, "fluxer_faults_");
// The scrypt cost lowered for tests only (INSECURE_TEST_PASSWORD_HASH_N): 120 users are registered first.
const env = { TRUST_PROXY: "1", RATE_LIMIT_SCALE: "1000", INSECURE_TEST_PASSWORD_HASH_N: "16384" };
log("starting two instances on one PostgreSQL database ...");
let a = await startApp({ port: PORT_A, databaseUrl, env });
let b = await startApp({ port: PORT_B, databaseUrl, env });
const pg = (await import("pg")).default;
const sql = new pg.Client({ connectionString: databaseUrl });
sql.on("error", () => {}); // the server going away below is expected
await sql.connect();

let live;
try {
  // --- 1. SIGKILL one instance during an accept storm.
  const owner = await register(PORT_A);
  const guild = (await api(PORT_A, "POST", "/api/v1/guilds", { token: owner, body: { name: "Fault Guild" } }))
    .json;
  const channels = (await api(PORT_A, "GET", `/api/v1/guilds/${guild.id}/channels`, { token: owner })).json;
  const invite = (
    await api(PORT_A, "POST", `/api/v1/channels/${channels[0].id}/invites`, {
      token: owner,
      body: { max_uses: MAX_USES, max_age: 0 },
    })
  ).json;
  log(`invite ${invite.code} with max_uses ${MAX_USES}; registering ${USERS} users ...`);
  const tokens = await inBatches(Array.from({ length: USERS }), 12, (_, i) =>
    register(i % 2 ? PORT_B : PORT_A),
  );

  log("storm: every user accepts at once, half through each instance; instance B is killed mid-storm");
  let answered = 0;
  const storm = tokens.map((token, i) =>
    api(i % 2 ? PORT_B : PORT_A, "POST", `/api/v1/invites/${invite.code}`, { token })
      .then((r) => ({ status: r.status, code: r.json?.code }))
      .catch((error) => ({ status: 0, code: error.name }))
      .finally(() => (answered += 1)),
  );
  while (answered < 10) await new Promise((r) => setTimeout(r, 5));
  await b.kill();
  const first = await Promise.all(storm);
  const count = (list, status) => list.filter((r) => r.status === status).length;
  log(
    `storm answers: ${count(first, 200)} joined, ${count(first, 404)} 404, ${count(first, 0)} connection lost, ${first.length - count(first, 200) - count(first, 404) - count(first, 0)} other`,
  );
  check(
    "no 5xx during the storm",
    first.every((r) => r.status < 500),
    JSON.stringify(first.filter((r) => r.status >= 500).slice(0, 3)),
  );

  // Users whose request died with instance B try again through A, as a client would.
  const retry = tokens.filter((_, i) => first[i].status === 0);
  const second = await inBatches(retry, 20, (token) =>
    api(PORT_A, "POST", `/api/v1/invites/${invite.code}`, { token }).then((r) => ({ status: r.status })),
  );
  const admitted = count(first, 200) + count(second, 200);
  const row = (await sql.query("SELECT uses, version FROM invites WHERE code = $1", [invite.code]))
    .rows[0] ?? { uses: null };
  const members = Number(
    (
      await sql.query("SELECT count(*) FROM members WHERE guild_id = $1 AND source_invite_code = $2", [
        guild.id,
        invite.code,
      ])
    ).rows[0].count,
  );
  const distinct = Number(
    (await sql.query("SELECT count(DISTINCT user_id) FROM members WHERE guild_id = $1", [guild.id])).rows[0]
      .count,
  );
  const all = Number(
    (await sql.query("SELECT count(*) FROM members WHERE guild_id = $1", [guild.id])).rows[0].count,
  );
  const memberCount = Number(
    (await sql.query("SELECT member_count FROM guilds WHERE id = $1", [guild.id])).rows[0].member_count,
  );
  log(
    `figures: attempts ${tokens.length + retry.length}, answered 200 ${admitted}, members with the code ${members}, uses ${row.uses ?? "(row gone: used up)"}, member_count ${memberCount}`,
  );
  check("exactly max_uses members joined", members === MAX_USES, `${members} of ${MAX_USES}`);
  check(
    "every 200 answer is a member (none lost)",
    admitted <= members,
    `${admitted} answers, ${members} members`,
  );
  check(
    "uses equals the members with that source code",
    row.uses === null || row.uses === members,
    `uses ${row.uses}`,
  );
  check("no duplicate members", distinct === all, `${all} rows, ${distinct} users`);
  check("member_count agrees with the member rows", memberCount === all, `${memberCount} vs ${all}`);
  const lapsed = await api(PORT_A, "GET", `/api/v1/invites/${invite.code}`);
  check("the used-up invite is 404", lapsed.status === 404 && lapsed.json?.code === "UNKNOWN_INVITE");

  // --- 2. PostgreSQL stops for a few seconds.
  b = await startApp({ port: PORT_B, databaseUrl, env });
  live = (
    await api(PORT_A, "POST", `/api/v1/channels/${channels[0].id}/invites`, {
      token: owner,
      body: { max_age: 0 },
    })
  ).json;
  log(`stopping PostgreSQL (${cluster}) ...`);
  execFileSync("pg_ctlcluster", [...cluster.split(" "), "stop", "-m", "fast"]);
  const downStarted = Date.now();
  const down = await Promise.all([
    api(PORT_A, "GET", `/api/v1/invites/${live.code}`).catch((error) => ({ status: 0, text: String(error) })),
    api(PORT_B, "POST", `/api/v1/invites/${live.code}`, { token: tokens[0] }).catch((error) => ({
      status: 0,
      text: String(error),
    })),
    api(PORT_A, "GET", "/api/health").catch((error) => ({ status: 0, text: String(error) })),
  ]);
  const downMs = Date.now() - downStarted;
  log(
    `while down: ${down.map((r) => `${r.status} ${r.json?.code ?? r.json?.status ?? r.text?.slice(0, 60)}`).join(" | ")} in ${downMs} ms`,
  );
  check(
    "API answers 503 SERVICE_UNAVAILABLE JSON while the database is down",
    down.slice(0, 2).every((r) => r.status === 503 && r.json?.code === "SERVICE_UNAVAILABLE"),
  );
  check(
    "health reports the database unavailable with 503",
    down[2].status === 503 && down[2].json?.database?.status === "unavailable",
  );
  check("no hang: answers came within 10 s", downMs < 10_000, `${downMs} ms`);
  await new Promise((r) => setTimeout(r, 3000));
  execFileSync("pg_ctlcluster", [...cluster.split(" "), "start"]);
  log("PostgreSQL is back; waiting for the instances to recover ...");
  await waitFor(`http://127.0.0.1:${PORT_A}/api/health`, 30);
  await waitFor(`http://127.0.0.1:${PORT_B}/api/health`, 30);
  const after = await api(PORT_A, "GET", `/api/v1/invites/${live.code}`);
  const afterB = await api(PORT_B, "GET", `/api/v1/invites/${live.code}`);
  check(
    "requests succeed again on both instances",
    after.status === 200 && afterB.status === 200,
    `${after.status} / ${afterB.status}`,
  );
  // --- 3. Rate limits are one service across instances when they share Redis (REDIS_URL).
  if (process.env.TEST_REDIS_URL) {
    await a.stop();
    await b.stop();
    const shared = { TRUST_PROXY: "1", REDIS_URL: process.env.TEST_REDIS_URL, RATE_LIMIT_SCALE: "1" };
    a = await startApp({ port: PORT_A, databaseUrl, env: shared });
    b = await startApp({ port: PORT_B, databaseUrl, env: shared });
    // The accept bucket allows 10 per 10 s per user; one user sends 8 through each instance.
    const user = tokens[1];
    const answers = [];
    for (let i = 0; i < 16; i++)
      answers.push(
        await api(i % 2 ? PORT_B : PORT_A, "POST", `/api/v1/invites/${live.code}`, { token: user }),
      );
    const limited = answers.filter((r) => r.status === 429).length;
    const headers = answers[0].headers;
    log(
      `shared limits: ${answers.length - limited} answered, ${limited} limited; bucket ${headers.get("x-ratelimit-bucket")} limit ${headers.get("x-ratelimit-limit")}`,
    );
    check(
      "two instances sharing Redis enforce one accept limit (10 per 10 s) together",
      answers.length - limited === 10 && limited === 6,
      `${answers.length - limited} allowed`,
    );
  } else {
    log("TEST_REDIS_URL not set: shared rate limits across instances not checked");
  }
  await analyticsSurviveSigkill(owner, channels[0].id);
} finally {
  await sql.end().catch(() => {});
  await a.stop();
  await b.stop().catch(() => {});
}

/**
 * Views of one invite at a steady pace through an instance that flushes its counts every second, then SIGKILL
 * right after the last answer: the database must hold every view answered more than one interval (plus the
 * write's own time) before the kill, and no more views than were answered.
 */
async function analyticsSurviveSigkill(owner, channelId) {
  const FLUSH_MS = 1000;
  const c = await startApp({
    port: PORT_C,
    databaseUrl,
    env: { ...env, ANALYTICS_FLUSH_MS: String(FLUSH_MS) },
  });
  try {
    const invite = (
      await api(PORT_C, "POST", `/api/v1/channels/${channelId}/invites`, {
        token: owner,
        body: { max_age: 0 },
      })
    ).json;
    const answeredAt = [];
    const until = Date.now() + 3.5 * FLUSH_MS;
    while (Date.now() < until) {
      const view = await api(PORT_C, "GET", `/api/v1/invites/${invite.code}`);
      if (view.status === 200) answeredAt.push(Date.now());
      await new Promise((r) => setTimeout(r, 10));
    }
    await c.kill();
    const killedAt = Date.now();
    // A connection of its own: the shared one was cut when PostgreSQL was stopped above.
    const reader = new pg.Client({ connectionString: databaseUrl });
    await reader.connect();
    let stored;
    try {
      stored = Number(
        (
          await reader.query(
            `SELECT COALESCE(SUM(views), 0) AS views FROM invite_analytics_buckets WHERE invite_code = $1`,
            [invite.code],
          )
        ).rows[0].views,
      );
    } finally {
      await reader.end().catch(() => {});
    }
    const recent = answeredAt.filter((at) => at > killedAt - FLUSH_MS - 250).length;
    log(
      `analytics: ${answeredAt.length} views answered, ${stored} stored, ${answeredAt.length - stored} lost; ${recent} answered in the last interval before the kill`,
    );
    check(
      "a SIGKILL loses at most the last flush interval of invite analytics",
      stored >= answeredAt.length - recent && stored > 0,
      `${answeredAt.length - stored} lost, at most ${recent} allowed`,
    );
    check(
      "invite analytics never count more views than were answered",
      stored <= answeredAt.length,
      `${stored} stored of ${answeredAt.length}`,
    );
  } finally {
    await c.stop().catch(() => {});
  }
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`faults: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
