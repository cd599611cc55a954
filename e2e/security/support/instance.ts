// A private app instance for one security test: its own process, port and settings (say, no TRUST_PROXY,
// or small resource caps), over the suite's database engine. The suite's shared server keeps the settings
// every other test relies on, so attacks that exhaust a limit or flood a resource run here instead.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { TEST_ANALYTICS, TEST_AUTH_SECRET, TEST_PASSWORD_HASHING } from "../../support/server-env";

export type Instance = {
  baseURL: string;
  port: number;
  /** The server's process id (for reading its memory). */
  pid: () => number | undefined;
  /** Everything the server wrote to stderr so far. */
  stderr: () => string;
  /** Whether the process is still running. */
  isRunning: () => boolean;
  stop: () => Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, seconds: number) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`the instance exited (${child.exitCode ?? child.signalCode}) before answering`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

/**
 * Starts `npm start`'s server (a production build must exist) with `env` on top of the test defaults.
 * The database is the suite's own on PostgreSQL and a fresh in-memory PGlite otherwise.
 */
export async function startInstance(env: Record<string, string> = {}): Promise<Instance> {
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const databaseUrl = process.env.TEST_DATABASE_URL?.startsWith("postgres")
    ? process.env.TEST_DATABASE_URL
    : "pglite:memory";
  const child = spawn(process.execPath, ["scripts/start.mjs", "start"], {
    env: {
      ...process.env,
      NODE_OPTIONS: "",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      APP_URL: baseURL,
      AUTH_URL: baseURL,
      AUTH_SECRET: TEST_AUTH_SECRET,
      SEED_DEMO: "0",
      ...TEST_PASSWORD_HASHING,
      ...TEST_ANALYTICS,
      LOG_LEVEL: "warn",
      TRUST_PROXY: "",
      REDIS_URL: "",
      ...env,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr = (stderr + chunk).slice(-20_000);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  try {
    await waitForHealth(`${baseURL}/api/health`, child, 120);
  } catch (error) {
    child.kill("SIGKILL");
    throw new Error(`${(error as Error).message}\n${stderr}`);
  }
  return {
    baseURL,
    port,
    pid: () => child.pid,
    stderr: () => stderr,
    isRunning: () => child.exitCode === null && child.signalCode === null,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
