// Starting and stopping app processes from scripts (benchmark, fault tests, two-instance runs).
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";

export async function waitFor(url, seconds = 90) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${seconds} s`);
}

function descendants(pid) {
  try {
    const children = execFileSync("pgrep", ["-P", String(pid)])
      .toString()
      .trim()
      .split("\n")
      .filter(Boolean)
      .map(Number);
    return children.flatMap((child) => [child, ...descendants(child)]);
  } catch {
    return [];
  }
}

/** Resident memory of the largest of the given processes (the server itself, not its launcher), in MB. */
export function largestRssMb(pids) {
  return Math.max(0, ...pids.map((pid) => rssMb([pid])));
}

/** Resident memory of the given processes together, in MB. */
export function rssMb(pids) {
  let kb = 0;
  for (const pid of pids) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // exited
    }
  }
  return kb / 1024;
}

/** Spawns a process in its own process group and waits until readyUrl answers 2xx. */
export async function startProcess(command, args, env, readyUrl, { logs = false } = {}) {
  // Something already answering there (a server left over from an earlier run) would be measured instead.
  const busy = await fetch(readyUrl, { signal: AbortSignal.timeout(1000) }).then(
    () => true,
    () => false,
  );
  if (busy) throw new Error(`${new URL(readyUrl).host} is already in use by another server: stop it first`);
  const child = spawn(command, args, {
    env,
    stdio: ["ignore", logs ? "inherit" : "ignore", "pipe"],
    detached: true,
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    stderr = (stderr + chunk).slice(-8000);
    if (logs) process.stderr.write(chunk);
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    await waitFor(readyUrl);
  } catch (error) {
    console.error(stderr);
    throw error;
  }
  const signal = (name) => {
    try {
      process.kill(-child.pid, name);
    } catch {
      // already gone
    }
  };
  return {
    pids: () => [child.pid, ...descendants(child.pid)],
    stderr: () => stderr,
    /** SIGKILL the whole group at once: no cleanup, like a crash. */
    kill: async () => {
      signal("SIGKILL");
      await exited;
    },
    stop: async () => {
      signal("SIGTERM");
      await exited;
    },
  };
}

/** `next start` through scripts/start.mjs on 127.0.0.1:port. */
export function startApp({ port, databaseUrl, env = {}, logs = false }) {
  const fullEnv = {
    ...process.env,
    HOST: "127.0.0.1",
    SEED_DEMO: "0",
    AUTH_SECRET: process.env.AUTH_SECRET ?? "scripts-secret-not-for-production-0000",
    ...env,
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    APP_URL: env.APP_URL ?? `http://127.0.0.1:${port}`,
  };
  return startProcess(
    process.execPath,
    ["scripts/start.mjs", "start"],
    fullEnv,
    `http://127.0.0.1:${port}/api/health`,
    { logs },
  );
}
