import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";
import { TEST_ANALYTICS, TEST_AUTH_SECRET, TEST_PASSWORD_HASHING } from "./e2e/support/server-env";

// One server per run: a production build on TEST_PORT over TEST_DATABASE_URL (PGlite in memory unless
// scripts/test-all.mjs points it at PostgreSQL). Each test seeds its own users and guilds with random
// names, so tests run in parallel against one database without cleanup.
const port = Number(process.env.TEST_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// The suite talks to a test proxy (scripts/test-proxy.mjs) in front of the app, as production does with
// TRUST_PROXY=1: it writes the client address each test simulates into X-Forwarded-For. TEST_INSTANCES=2 puts
// two app instances on one database behind it, round-robin, so every test also proves that the instances
// behave as one service.
const instances = Number(process.env.TEST_INSTANCES ?? 1);
// The servers run on the Node.js that runs this config (the project's own, see scripts/lib/pinned-node.mjs),
// never on whatever `node` the shell's PATH finds first.
const node = JSON.stringify(process.execPath);

function appServer(appPort: number) {
  return {
    command: `${node} scripts/start.mjs start`,
    url: `http://127.0.0.1:${appPort}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: process.env.TEST_SERVER_LOGS ? ("pipe" as const) : ("ignore" as const),
    stderr: "pipe" as const,
    env: {
      PORT: String(appPort),
      HOST: "127.0.0.1",
      DATABASE_URL: process.env.TEST_DATABASE_URL ?? "pglite:memory",
      // Links and the Origin check use the address the tests (and browsers) talk to.
      APP_URL: baseURL,
      AUTH_SECRET: TEST_AUTH_SECRET,
      SEED_DEMO: "0",
      TRUST_PROXY: "1",
      ...TEST_PASSWORD_HASHING,
      ...TEST_ANALYTICS,
      ADMIN_EMAILS: process.env.E2E_ADMIN_EMAIL ?? "admin@e2e.test",
      ...(process.env.TEST_REDIS_URL && instances > 1 ? { REDIS_URL: process.env.TEST_REDIS_URL } : {}),
    },
  };
}

function proxyServer() {
  const upstreams = Array.from({ length: instances }, (_, i) => `127.0.0.1:${port + 100 * (i + 1)}`).join(
    ",",
  );
  return {
    command: `${node} scripts/test-proxy.mjs`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 30_000,
    env: { PROXY_PORT: String(port), UPSTREAMS: upstreams },
  };
}

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: Number(process.env.TEST_WORKERS ?? 2),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: process.env.TEST_REPORT ?? "test-results/report.json" }]],
  outputDir: "test-results/artifacts",
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: existsSync(chromium) ? chromium : undefined,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "api", testDir: "e2e/api" },
    { name: "ui", testDir: "e2e/ui", use: { browserName: "chromium" } },
    // Attacks as an outsider would run them; some start a private instance (e2e/security/support/instance.ts).
    { name: "security", testDir: "e2e/security" },
    // Floods a private instance; runs after the others so it has the machine to itself.
    { name: "flood", testDir: "e2e/flood", dependencies: ["api", "ui", "security"], workers: 1 },
  ],
  webServer: [...Array.from({ length: instances }, (_, i) => appServer(port + 100 * (i + 1))), proxyServer()],
});
