import { existsSync } from "node:fs";
import { defineConfig } from "@playwright/test";

// One server per run: a production build on TEST_PORT over TEST_DATABASE_URL (PGlite in memory unless
// scripts/test-all.mjs points it at PostgreSQL). Each test seeds its own users and guilds with random
// names, so tests run in parallel against one database without cleanup.
const port = Number(process.env.TEST_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

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
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
    },
  },
  projects: [
    { name: "api", testDir: "e2e/api" },
    { name: "ui", testDir: "e2e/ui", use: { browserName: "chromium" } },
  ],
  webServer: {
    command: "node scripts/start.mjs start",
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: process.env.TEST_SERVER_LOGS ? "pipe" : "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: process.env.TEST_DATABASE_URL ?? "pglite:memory",
      APP_URL: baseURL,
      AUTH_URL: baseURL,
      AUTH_SECRET: process.env.AUTH_SECRET ?? "e2e-secret-not-for-production-0123456789",
      SEED_DEMO: "0",
      TRUST_PROXY: "1",
      ADMIN_EMAILS: process.env.E2E_ADMIN_EMAIL ?? "admin@e2e.test",
    },
  },
});
