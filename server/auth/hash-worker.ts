// Password hashes run on threads of their own at a lower CPU priority. A hash is ~270 ms of CPU, so a burst
// of registrations or sign-ins keeps a core busy for as long as it lasts; at the operating system's default
// priority it takes that core from the requests that need none (joins, invite lookups, pages). Each hashing
// thread lowers its own priority (PASSWORD_HASH_NICE, Linux's nice value of that thread only), so when the
// CPU is contended the requests go first and the hashes take what is left; on an idle machine a hash takes
// as long as before. Node's own scrypt would run on libuv's pool, whose threads also serve compression and
// file I/O and cannot be given a priority of their own. How many hashes run at once, and how many may wait,
// is still hash-slots.ts's to decide: there is one thread per slot in use.
import { Worker } from "node:worker_threads";
import { processState } from "@/lib/process-state";
import { boundedInteger } from "./auth-limits";

/** PASSWORD_HASH_NICE: the hashing threads' nice value, 0 (same as requests) to 19 (only idle CPU); default 10. */
export function hashNice(env: Record<string, string | undefined> = process.env): number {
  return boundedInteger(env.PASSWORD_HASH_NICE, 10, 0, 19);
}

// Plain CommonJS evaluated as the worker's script, so no bundler has to know about a second entry file.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const { scryptSync } = require("node:crypto");
try {
  // Linux names a thread's id in /proc/thread-self; setPriority on it changes this thread only.
  const tid = Number(require("node:fs").readlinkSync("/proc/thread-self").split("/").pop());
  if (Number.isInteger(tid) && workerData.nice > 0) require("node:os").setPriority(tid, workerData.nice);
} catch {
  // not Linux, or not allowed: hash at the process's priority
}
parentPort.on("message", ({ id, password, salt, keyLength, options }) => {
  try {
    const key = scryptSync(password, Buffer.from(salt), keyLength, options);
    parentPort.postMessage({ id, key });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message || error) });
  }
});
`;

type Pending = { resolve: (key: Buffer) => void; reject: (error: Error) => void };
type HashThread = { worker: Worker; pending: Map<number, Pending> };
type State = { idle: HashThread[]; nextId: number };

// One per process (Next may load this module in several bundles).
const state = processState<State>("__fluxerHashThreads", () => ({ idle: [], nextId: 1 }));

function startThread(): HashThread {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { nice: hashNice() } });
  const thread: HashThread = { worker, pending: new Map() };
  worker.unref(); // an idle hashing thread never keeps the process alive
  worker.on("message", (message: { id: number; key?: Uint8Array; error?: string }) => {
    const pending = thread.pending.get(message.id);
    if (!pending) return;
    thread.pending.delete(message.id);
    if (message.key) pending.resolve(Buffer.from(message.key));
    else pending.reject(new Error(message.error ?? "scrypt failed"));
  });
  const fail = (error: Error) => {
    state.idle = state.idle.filter((t) => t !== thread);
    for (const pending of thread.pending.values()) pending.reject(error);
    thread.pending.clear();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`hashing thread exited (${code})`)));
  return thread;
}

/** scrypt on a hashing thread: one hash per thread at a time, a thread per concurrent caller. */
export async function scryptOnHashThread(
  password: string,
  salt: Buffer,
  keyLength: number,
  options: { N: number; r: number; p: number; maxmem: number },
): Promise<Buffer> {
  const thread = state.idle.pop() ?? startThread();
  thread.worker.ref(); // a hash in progress does keep it alive
  try {
    const id = state.nextId++;
    return await new Promise<Buffer>((resolve, reject) => {
      thread.pending.set(id, { resolve, reject });
      thread.worker.postMessage({ id, password, salt: new Uint8Array(salt), keyLength, options });
    });
  } finally {
    thread.worker.unref();
    if (thread.pending.size === 0 && thread.worker.threadId !== -1) state.idle.push(thread);
  }
}
