// The Node.js this project runs on: `npm install` puts it into node_modules (the `node` dev dependency,
// the version in .nvmrc), and npm scripts find it first in their PATH. A script started some other way
// (`node scripts/x.mjs` from a shell whose `node` is an older system one) starts itself again on the pinned
// Node, so every process it starts in turn (servers, tests, the demo) runs on the pinned version too.
import { spawn } from "node:child_process";
import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The pinned Node.js binary, or null before `npm install` (or on a platform whose binary lives elsewhere). */
export function pinnedNodePath() {
  const binary = path.join(
    root,
    "node_modules",
    "node",
    "bin",
    process.platform === "win32" ? "node.exe" : "node",
  );
  return existsSync(binary) ? binary : null;
}

/** Returns at once when already on the pinned Node (or there is none); otherwise runs this script on it and exits with its code. */
export async function runOnPinnedNode() {
  const pinned = pinnedNodePath();
  if (!pinned || realpathSync(pinned) === realpathSync(process.execPath)) return;
  const child = spawn(pinned, [...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit" });
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  const code = await new Promise((resolve) =>
    child.on("exit", (exitCode, signal) => resolve(exitCode ?? (signal ? 1 : 0))),
  );
  process.exit(code);
}
