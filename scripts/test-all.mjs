#!/usr/bin/env node
// `npm test`: unit tests, a production build, then the Playwright suite (API + Chromium) against a real
// server on PGlite and, when TEST_POSTGRES_URL is set, again on PostgreSQL. Ends with one line
// `N passed, N failed` for CI.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { runOnPinnedNode } from "./lib/pinned-node.mjs";
import { freshDatabase } from "./lib/postgres.mjs";

// Everything below (unit tests, Playwright, its servers, the fault tests) runs on the project's Node.js.
await runOnPinnedNode();

const totals = { passed: 0, failed: 0, skipped: 0 };
/** Parts of the suite that could not run here, named in the summary so a green total never reads as full coverage. */
const notRun = [];
console.log(`npm test on Node.js ${process.version}`);
const lines = [];
const started = Date.now();

function step(title) {
  console.log(`\n=== ${title} (${((Date.now() - started) / 1000).toFixed(0)} s elapsed)`);
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  process.stdout.write(result.stdout ?? "");
  process.stderr.write(result.stderr ?? "");
  return result;
}

function findTests(dir, suffix) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === "generated" ? [] : findTests(full, suffix);
    return full.endsWith(suffix) ? [full] : [];
  });
}

// 0. The generated Prisma client: unit tests that open an in-memory database import it, and a fresh clone
// has none until the build makes it.
step("prisma generate");
if (run("npx", ["prisma", "generate"]).status !== 0) {
  totals.failed += 1;
  lines.push("prisma generate: failed");
}

// 1. Unit tests (node:test through tsx).
step("unit tests");
const unitFiles = [...findTests("lib", ".test.ts"), ...findTests("server", ".test.ts")];
if (unitFiles.length > 0) {
  const unit = run(process.execPath, ["--import", "tsx", "--test", "--test-reporter=spec", ...unitFiles], {
    LOG_LEVEL: "warn",
  });
  const out = `${unit.stdout}`;
  const pass = Number(/ℹ pass (\d+)/.exec(out)?.[1] ?? 0);
  const fail = Number(/ℹ fail (\d+)/.exec(out)?.[1] ?? (unit.status === 0 ? 0 : 1));
  totals.passed += pass;
  totals.failed += fail;
  lines.push(`unit: ${pass} passed, ${fail} failed`);
}

// 1b. Lint and formatting: ESLint (type-aware, so it reads the generated client too) and Prettier. A run of a
// few named spec files (arguments given) is a developer's loop and leaves them out.
if (process.argv.length <= 2) {
  for (const [title, script] of [
    ["lint", "lint"],
    ["format check", "format:check"],
  ]) {
    step(title);
    const result = run("npm", ["run", script, "--silent"]);
    if (result.status === 0) {
      totals.passed += 1;
      lines.push(`${title}: passed`);
    } else {
      totals.failed += 1;
      lines.push(`${title}: failed (npm run ${script} says where)`);
    }
  }
}

// 2. Production build (the suites run against `next start`).
if (process.env.SKIP_BUILD !== "1") {
  step("build");
  const build = run("npm", ["run", "build", "--silent"]);
  if (build.status !== 0) {
    console.error("build failed");
    totals.failed += 1;
    lines.push("build: failed");
    finish();
  }
}

// 3. Playwright against PGlite, then PostgreSQL. The browser tests need Chromium: without one, say what to
// install and run the rest, and say in the summary what did not run.
const extra = process.argv.slice(2);
const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
let projectArgs = [];
if (!existsSync(chromiumPath) && !hasPlaywrightBrowser()) {
  console.error(
    `\nNo Chromium at ${chromiumPath}: the browser tests (e2e/ui) need one. On Debian or Ubuntu: \`apt-get install -y chromium\`;` +
      " elsewhere install Chromium and set CHROMIUM_PATH to its executable (or, with internet access, `npx playwright install chromium`).\n" +
      "Running the API, security and flood suites without it.\n",
  );
  projectArgs = ["--project=api", "--project=security", "--project=flood", "--no-deps"];
  notRun.push("browser tests (e2e/ui): not run, no Chromium");
}

function hasPlaywrightBrowser() {
  const cache =
    process.env.PLAYWRIGHT_BROWSERS_PATH ?? path.join(process.env.HOME ?? "", ".cache", "ms-playwright");
  return existsSync(cache) && readdirSync(cache).some((name) => name.startsWith("chromium"));
}

const portBase = Number(process.env.TEST_PORT_BASE ?? 3100);
const targets = [{ name: "PGlite", url: "pglite:memory", port: portBase }];
// On PostgreSQL the suite runs against two app instances behind a round-robin proxy when Redis is there to
// share rate limits between them (as in production); otherwise against one.
const pgInstances = process.env.TEST_REDIS_URL ? 2 : 1;
if (!process.env.TEST_POSTGRES_URL)
  notRun.push(
    "PostgreSQL suite: not run, TEST_POSTGRES_URL unset (`source scripts/pg-up.sh` starts Debian's PostgreSQL and sets it)",
  );
else if (!process.env.TEST_REDIS_URL)
  notRun.push(
    "two instances behind a proxy: not run, TEST_REDIS_URL unset (the PostgreSQL suite ran on one instance; `source scripts/redis-up.sh`)",
  );
if (process.env.TEST_POSTGRES_URL) {
  try {
    targets.push({
      name: "PostgreSQL",
      url: await freshDatabase(process.env.TEST_POSTGRES_URL, "fluxer_test_"),
      port: portBase + 1,
      instances: pgInstances,
    });
  } catch (error) {
    // Counted as a failure, never skipped quietly: CI set TEST_POSTGRES_URL because it wants this suite.
    console.error(`PostgreSQL: could not create a test database from TEST_POSTGRES_URL: ${error.message}`);
    totals.failed += 1;
    lines.push(`PostgreSQL: no test database (${error.message})`);
  }
}
const only = process.env.TEST_DATABASES?.split(",").map((s) => s.trim().toLowerCase());

for (const target of targets) {
  if (only && !only.includes(target.name.toLowerCase())) continue;
  const instances = target.instances ?? 1;
  step(
    `browser and API tests on ${target.name}${instances > 1 ? ` (${instances} instances behind a round-robin proxy)` : ""}`,
  );
  mkdirSync("test-results", { recursive: true });
  const report = path.join("test-results", `report-${target.name.toLowerCase()}.json`);
  const result = run(
    process.execPath,
    ["node_modules/@playwright/test/cli.js", "test", ...projectArgs, ...extra],
    {
      TEST_DATABASE_URL: target.url,
      TEST_PORT: String(target.port),
      TEST_REPORT: report,
      E2E_ADMIN_EMAIL: process.env.E2E_ADMIN_EMAIL ?? `admin-${randomBytes(3).toString("hex")}@e2e.test`,
      TEST_DATABASE_NAME: target.name,
      TEST_INSTANCES: String(instances),
    },
  );
  let stats;
  try {
    stats = JSON.parse(readFileSync(report, "utf8")).stats;
  } catch {
    stats = null;
  }
  if (!stats) {
    totals.failed += 1;
    lines.push(`${target.name}: the suite did not run (exit ${result.status})`);
    continue;
  }
  const failed = stats.unexpected + (result.status !== 0 && stats.unexpected === 0 ? 1 : 0);
  totals.passed += stats.expected + stats.flaky;
  totals.failed += failed;
  totals.skipped += stats.skipped;
  lines.push(
    `${target.name}: ${stats.expected} passed, ${failed} failed, ${stats.skipped} skipped${stats.flaky ? `, ${stats.flaky} flaky` : ""}`,
  );
}

// 4. Fault tests (two instances, SIGKILL, PostgreSQL stopped) when a PostgreSQL server is available.
if (!process.env.FAULT_POSTGRES_URL)
  notRun.push("fault tests: not run, FAULT_POSTGRES_URL unset (`source scripts/pg-up.sh` sets it)");
if (process.env.FAULT_POSTGRES_URL && (!only || only.includes("faults"))) {
  step("fault tests on PostgreSQL");
  const faults = run(process.execPath, ["scripts/fault-tests.mjs"]);
  const match = /faults: (\d+) passed, (\d+) failed/.exec(faults.stdout ?? "");
  const pass = Number(match?.[1] ?? 0);
  const fail = match ? Number(match[2]) : 1;
  totals.passed += pass;
  totals.failed += fail;
  lines.push(
    `faults: ${pass} passed, ${fail} failed${match ? "" : ` (did not finish, exit ${faults.status})`}`,
  );
}

finish();

function finish() {
  console.log(`\n=== summary (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  for (const line of lines) console.log(`  ${line}`);
  for (const line of notRun) console.log(`  ${line}`);
  if (totals.skipped) console.log(`  ${totals.skipped} skipped`);
  console.log(`${totals.passed} passed, ${totals.failed} failed`);
  process.exit(totals.failed > 0 ? 1 : 0);
}
