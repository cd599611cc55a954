#!/usr/bin/env node
// `npm run lighthouse [-- --runs=3]`: Lighthouse 12 (its default mobile preset: a mid-range phone, simulated
// slow 4G and a 4× slower CPU) on the pages a newcomer sees: the demo invite's landing page, login, register,
// and register as reached from the invite. Builds nothing: it starts the existing production build
// (scripts/start.mjs, as the benchmark does) on a free port (LIGHTHOUSE_PORT to choose one) with the demo
// world in a throw-away embedded database, runs Lighthouse `--runs` times per page (3), prints the medians of
// the four category scores and of LCP, TBT and CLS, and writes them into the "Lighthouse" section of
// docs/benchmarks.md (the rest of the file is left as it is). Lighthouse is fetched by `npx` and never
// installed into the project; Chromium is CHROME_PATH (/usr/bin/chromium). Scores depend on the machine's
// load, so the load average during the runs is written down with them.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { runOnPinnedNode } from "./lib/pinned-node.mjs";
import { startApp } from "./lib/server.mjs";

await runOnPinnedNode();

const RUNS = Number(process.argv.find((arg) => arg.startsWith("--runs="))?.split("=")[1] ?? 3);
const CHROME_PATH = process.env.CHROME_PATH ?? "/usr/bin/chromium";
const CHROME_FLAGS =
  "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run --disable-quic";
const DOC = "docs/benchmarks.md";
const HEADING = "## Lighthouse";

// The demo world's vanity invite (server/demo/seed-demo.ts); the register page as "Create an account" opens it.
const PAGES = [
  { name: "landing page", path: "/invite/fluxer" },
  { name: "login", path: "/login" },
  { name: "register", path: "/register" },
  {
    name: "register, from the invite",
    path: `/register?next=${encodeURIComponent("/invite/fluxer?accept=1")}`,
  },
];

if (!existsSync(".next/BUILD_ID")) {
  console.error(
    "No production build found: run `npm run build` first (this script measures the build as it is).",
  );
  process.exit(1);
}
if (!existsSync(CHROME_PATH)) {
  console.error(
    `No Chromium at ${CHROME_PATH}: install it (apt-get install -y chromium) or set CHROME_PATH.`,
  );
  process.exit(1);
}

/** LIGHTHOUSE_PORT, or a port the system says is free now. */
async function freePort() {
  if (process.env.LIGHTHOUSE_PORT) return Number(process.env.LIGHTHOUSE_PORT);
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function median(values) {
  const sorted = values.filter((v) => typeof v === "number" && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** One Lighthouse run of `url`: the four category scores (0-100), LCP and TBT in ms, CLS, and failing audits worth naming. */
function lighthouse(url, outFile) {
  const result = spawnSync(
    "npx",
    [
      "--yes",
      "lighthouse@12",
      url,
      "--quiet",
      "--output=json",
      `--output-path=${outFile}`,
      `--chrome-flags=${CHROME_FLAGS}`,
      "--only-categories=performance,accessibility,best-practices,seo",
    ],
    {
      env: { ...process.env, CHROME_PATH },
      stdio: ["ignore", "ignore", "pipe"],
      encoding: "utf8",
      timeout: 180_000,
    },
  );
  if (result.status !== 0 || !existsSync(outFile))
    throw new Error(
      `lighthouse failed for ${url} (exit ${result.status ?? result.signal}):\n${(result.stderr ?? "").slice(-2000)}`,
    );
  const report = JSON.parse(readFileSync(outFile, "utf8"));
  rmSync(outFile, { force: true });
  const score = (id) =>
    report.categories[id]?.score == null ? null : Math.round(report.categories[id].score * 100);
  const audit = (id) => report.audits[id];
  // Audits that failed and matter to a reader (the bf-cache and console audits weigh nothing in the scores).
  const failing = ["errors-in-console", "bf-cache"].filter(
    (id) => audit(id) && audit(id).score !== null && audit(id).score < 1,
  );
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    bestPractices: score("best-practices"),
    seo: score("seo"),
    lcp: audit("largest-contentful-paint")?.numericValue ?? null,
    tbt: audit("total-blocking-time")?.numericValue ?? null,
    cls: audit("cumulative-layout-shift")?.numericValue ?? null,
    failing,
    runtimeError: report.runtimeError?.message ?? null,
  };
}

const port = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(path.join(os.tmpdir(), "fluxer-lighthouse-"));
console.log(`starting the production build on ${baseUrl} with the demo world in ${dataDir}`);
const server = await startApp({
  port,
  databaseUrl: `pglite:${dataDir}`,
  env: { SEED_DEMO: "1", LOG_REQUESTS: "off", NODE_ENV: "production" },
});

const results = Object.fromEntries(PAGES.map((page) => [page.name, []]));
const loads = [];
try {
  // Each page once before measuring, as a visitor after the first would find it (compiled routes, the
  // invite's preview and kept landing page in memory).
  for (const page of PAGES) {
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${baseUrl}${page.path}`);
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${page.path} answered ${response.status}`);
    }
  }
  for (let run = 1; run <= RUNS; run++) {
    for (const page of PAGES) {
      loads.push(os.loadavg()[0]);
      const outcome = lighthouse(`${baseUrl}${page.path}`, path.join(dataDir, "report.json"));
      results[page.name].push(outcome);
      const ms = (v) => (v == null ? "n/a" : `${Math.round(v)} ms`);
      console.log(
        `run ${run}/${RUNS} ${page.name}: performance ${outcome.performance}, accessibility ${outcome.accessibility}, best practices ${outcome.bestPractices}, SEO ${outcome.seo}; ` +
          `LCP ${ms(outcome.lcp)}, TBT ${ms(outcome.tbt)}, CLS ${outcome.cls?.toFixed(3) ?? "n/a"}${outcome.failing.length ? `; failing: ${outcome.failing.join(", ")}` : ""}` +
          `${outcome.runtimeError ? `; error: ${outcome.runtimeError}` : ""} (load ${os.loadavg()[0].toFixed(2)})`,
      );
    }
  }
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}

const rows = PAGES.map((page) => {
  const runs = results[page.name];
  const pick = (key) => median(runs.map((r) => r[key]));
  const failing = [...new Set(runs.flatMap((r) => r.failing))];
  const tbts = runs.map((r) => r.tbt).filter((v) => typeof v === "number");
  const tbtRange = tbts.length ? [Math.min(...tbts), Math.max(...tbts)] : null;
  return {
    page,
    performance: pick("performance"),
    accessibility: pick("accessibility"),
    bestPractices: pick("bestPractices"),
    seo: pick("seo"),
    lcp: pick("lcp"),
    tbt: pick("tbt"),
    tbtRange,
    cls: pick("cls"),
    failing,
  };
});

const fmtMs = (v) => (v == null ? "n/a" : v >= 1000 ? `${(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`);
const fmtScore = (v) => (v == null ? "n/a" : String(Math.round(v)));
const today = new Date().toISOString().slice(0, 10);
const loadRange = `${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)}`;
let section = `${HEADING}\n\n`;
section += `Measured by \`npm run lighthouse\` on ${today}: Lighthouse 12, mobile preset (simulated slow 4G, 4× CPU slowdown), `;
section += `Chromium ${chromiumVersion()} headless, the production build with the demo world on ${os.cpus().length} cores; median of ${RUNS} runs per page. `;
section += `The 1-minute load average was ${loadRange} when the runs started (other work shares the machine), so TBT in particular moves between runs.\n\n`;
section += `| page | performance | accessibility | best practices | SEO | LCP | TBT | TBT, fewest–most | CLS | audits not passed |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n`;
for (const row of rows) {
  const range = row.tbtRange ? `${Math.round(row.tbtRange[0])}–${Math.round(row.tbtRange[1])} ms` : "n/a";
  section += `| ${row.page.name} (\`${decodeURIComponent(row.page.path)}\`) | ${fmtScore(row.performance)} | ${fmtScore(row.accessibility)} | ${fmtScore(row.bestPractices)} | ${fmtScore(row.seo)} | ${fmtMs(row.lcp)} | ${fmtMs(row.tbt)} | ${range} | ${row.cls == null ? "n/a" : row.cls.toFixed(3)} | ${row.failing.join(", ") || "none"} |\n`;
}
section += `\nThe landing page's SEO score is its \`noindex\`: invites to private guilds are kept out of search engines on purpose.\n`;
console.log(`\n${section}`);
writeSection(section);
console.log(`written to ${DOC}`);

function chromiumVersion() {
  const result = spawnSync(CHROME_PATH, ["--version"], { encoding: "utf8" });
  return /(\d+)\.\d+\.\d+\.\d+/.exec(result.stdout ?? "")?.[1] ?? "?";
}

/**
 * Replaces the Lighthouse section of docs/benchmarks.md (up to the next "## " heading), or adds one after the
 * marker of hand-written notes, which `npm run bench` keeps when it rewrites the numbers above it.
 */
function writeSection(text) {
  const marker = "<!-- notes: kept across runs -->";
  const doc = existsSync(DOC) ? readFileSync(DOC, "utf8") : `# Benchmarks\n\n${marker}\n`;
  const start = doc.indexOf(`${HEADING}\n`);
  let next;
  if (start >= 0) {
    const after = doc.indexOf("\n## ", start + HEADING.length);
    next = `${doc.slice(0, start)}${text}${after >= 0 ? `\n${doc.slice(after + 1)}` : ""}`;
  } else if (doc.includes(marker)) {
    const at = doc.indexOf(marker) + marker.length;
    next = `${doc.slice(0, at)}\n${text}${doc.slice(at)}`;
  } else {
    next = `${doc.trimEnd()}\n\n${marker}\n${text}`;
  }
  writeFileSync(DOC, next);
}
