// Where an accept's time goes, for `npm run bench`: `tsx scripts/bench-accept-profile.mts --code C --tokens FILE
// --concurrency N` against DATABASE_URL. Runs the app's own accept path in this process (caller resolution
// from the token, then the accept use-case, events included), one distinct user per accept, N at a time,
// with every database operation timed through a Prisma query extension (wall time as the caller waits for
// it, Prisma's own work included). Prints JSON: accepts per second, the mean time per accept of each
// phase, and per operation its calls per accept and mean milliseconds.
import { readFileSync } from "node:fs";
import { openDatabase } from "../server/db/index";
import type { Database } from "../server/db/index";

console.log = (...args: unknown[]) => console.error(...args); // stdout carries only the JSON

function arg(name: string): string {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0 || !process.argv[index + 1]) throw new Error(`--${name} is required`);
  return process.argv[index + 1]!;
}
const code = arg("code");
const tokens = JSON.parse(readFileSync(arg("tokens"), "utf8")) as string[];
const concurrency = Number(arg("concurrency"));

type Stat = { calls: number; ms: number };
const operations = new Map<string, Stat>();
const phases = new Map<string, Stat>();
const add = (map: Map<string, Stat>, key: string, ms: number) => {
  const stat = map.get(key) ?? { calls: 0, ms: 0 };
  stat.calls += 1;
  stat.ms += ms;
  map.set(key, stat);
};

/** A raw statement's name: its first words, without parameters ("UPDATE invites", "SELECT accept_invite"). */
function rawName(args: unknown): string {
  const first = (args as unknown[] | undefined)?.[0];
  const sql =
    (args as { strings?: string[] } | undefined)?.strings?.join("$") ??
    (typeof first === "string" ? first : "");
  const words = sql.replace(/\s+/g, " ").replace(/"/g, "").trim().split(" ");
  const from = words.findIndex((w, i) => i > 0 && /^(FROM|INTO|UPDATE)$/i.test(words[i - 1]!));
  return `${words[0]} ${from > 0 ? words[from] : (words[1] ?? "")}`.replace(/\(.*$/, "");
}

// Every operation of the app's one client goes through the extension: the holder is swapped before any app
// module asks for the database.
const database = await openDatabase();
const timed = database.prisma.$extends({
  query: {
    async $allOperations({ model, operation, args, query }) {
      const started = performance.now();
      try {
        return (await query(args)) as unknown;
      } finally {
        add(
          operations,
          model ? `${model}.${operation}` : `${operation} ${rawName(args)}`,
          performance.now() - started,
        );
      }
    },
  },
});
const holder = (globalThis as Record<string, unknown>).__fluxerDb as { promise: Promise<Database> };
holder.promise = Promise.resolve({ ...database, prisma: timed as unknown as Database["prisma"] });

const { resolveCaller } = await import("../server/auth/caller");
const { acceptInvite } = await import("../server/invites/accept-invite");

async function timedPhase<T>(name: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    add(phases, name, performance.now() - started);
  }
}

async function acceptOne(token: string) {
  const request = new Request(`http://bench/api/v1/invites/${code}`, {
    method: "POST",
    headers: { authorization: token },
  });
  const caller = await timedPhase("resolve the caller (token)", () => resolveCaller(request));
  if (!caller || caller === "invalid") throw new Error("bench token did not resolve");
  await timedPhase("accept (use-case, events included)", () => acceptInvite(code, caller));
}

// Warm-up (connections, Prisma's compiled queries), not counted.
const warm = tokens.splice(0, Math.min(50, Math.floor(tokens.length / 5)));
for (const token of warm) await acceptOne(token);
operations.clear();
phases.clear();

let next = 0;
const started = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < tokens.length) await acceptOne(tokens[next++]!);
  }),
);
const seconds = (performance.now() - started) / 1000;
const perAccept = (map: Map<string, Stat>) =>
  [...map]
    .map(([name, stat]) => ({ name, perAccept: stat.calls / tokens.length, meanMs: stat.ms / stat.calls }))
    .sort((a, b) => b.perAccept * b.meanMs - a.perAccept * a.meanMs);
process.stdout.write(
  JSON.stringify({
    accepts: tokens.length,
    concurrency,
    perSecond: tokens.length / seconds,
    phases: perAccept(phases),
    operations: perAccept(operations),
  }),
);
await database.close();
process.exit(0);
