// Which program serves a port: the test servers are child processes of Playwright and of the scripts, and
// the tests check that they run on the project's own Node.js rather than whatever `node` a shell finds.
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** The socket inode of the listening TCP socket on `port` (IPv4 or IPv6), from /proc/net. */
function listeningInode(port: number): string | null {
  const hexPort = port.toString(16).toUpperCase().padStart(4, "0");
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let lines: string[];
    try {
      lines = readFileSync(table, "utf8").trim().split("\n").slice(1);
    } catch {
      continue;
    }
    for (const line of lines) {
      const fields = line.trim().split(/\s+/);
      // local_address is ADDRESS:PORT in hex; state 0A is LISTEN; the inode is the tenth field.
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === "0A") return fields[9] ?? null;
    }
  }
  return null;
}

/** The process id listening on `port` on this machine, or null. */
export function listeningPid(port: number): number | null {
  const inode = listeningInode(port);
  if (!inode) return null;
  const target = `socket:[${inode}]`;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${entry}/fd/${fd}`) === target) return Number(entry);
      } catch {
        // closed meanwhile
      }
    }
  }
  return null;
}

/** `--version` of the executable a process runs (`v24.21.0` for Node.js). */
export function executableVersion(pid: number): string {
  return execFileSync(readlinkSync(`/proc/${pid}/exe`), ["--version"], { encoding: "utf8" }).trim();
}

/** The Node.js version the project pins (.nvmrc), as `process.version` spells it. */
export function pinnedNodeVersion(): string {
  return `v${readFileSync(".nvmrc", "utf8").trim().replace(/^v/, "")}`;
}
