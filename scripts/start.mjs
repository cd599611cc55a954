#!/usr/bin/env node
// Starts Next (production `start` or `dev`) with what the app needs in its environment:
// AUTH_SECRET (generated once and kept in .data/ when not set), APP_URL and PORT.
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

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
env.AUTH_URL ??= env.APP_URL;
env.AUTH_TRUST_HOST ??= "true";

if (mode === "start" && !existsSync(path.join(process.cwd(), ".next", "BUILD_ID"))) {
  console.error("No production build found: run `npm run build` first (or `npm run demo`, which builds).");
  process.exit(1);
}

const child = spawn(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), mode, "-p", port, "-H", env.HOST ?? "0.0.0.0", ...(mode === "start" ? ["--keepAliveTimeout", "65000"] : [])], {
  env,
  stdio: "inherit",
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
