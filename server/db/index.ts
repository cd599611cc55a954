// The one Prisma client of the process. The driver adapter is chosen from DATABASE_URL; migrations are
// applied before the first query. Kept on globalThis because Next may load this module more than once
// (instrumentation and route bundles), and a PGlite folder must never be opened twice in one process.
import { processState } from "@/lib/process-state";
import { PrismaClient } from "@/server/generated/prisma/client";
import { log } from "@/server/log";
import { resolveDatabaseTarget, type DatabaseTarget } from "./config";
import { applyMigrations, type SqlRunner } from "./migrate";
import { pgliteExtensions } from "./pglite";

export type Database = {
  prisma: PrismaClient;
  target: DatabaseTarget;
  close(): Promise<void>;
};

type Holder = { promise?: Promise<Database> };
const holder: Holder = processState<Holder>("__fluxerDb", () => ({}));

/** The migration runner's lines ("applying migration X", "warning: migration X was edited ..."). */
function logMigration(engine: DatabaseTarget["kind"], text: string) {
  (text.startsWith("warning:") ? log.warn : log.info)("migration", { engine, text });
}

async function openPglite(target: Extract<DatabaseTarget, { kind: "pglite" }>): Promise<Database> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  if (target.dataDir) {
    const { mkdir } = await import("node:fs/promises");
    await mkdir(target.dataDir, { recursive: true });
  }
  // PostgreSQL's default 128 MB of shared buffers is touched at start: ~120 MB of resident memory for an
  // embedded database that one process uses (docs/benchmarks.md). The OS page cache still holds the files.
  const options = {
    postgresqlconf: [`shared_buffers=${process.env.PGLITE_SHARED_BUFFERS ?? "16MB"}`],
    extensions: await pgliteExtensions(),
  };
  const pglite = target.dataDir ? new PGlite(target.dataDir, options) : new PGlite(options);
  await pglite.waitReady;
  const runner: SqlRunner = {
    exec: async (sql) => {
      await pglite.exec(sql);
    },
    query: async <T>(sql: string, params: unknown[] = []) => (await pglite.query<T>(sql, params)).rows,
  };
  await applyMigrations(runner, (line) => logMigration(target.kind, line));
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(pglite) });
  return {
    prisma,
    target,
    close: async () => {
      await prisma.$disconnect();
      await pglite.close();
    },
  };
}

async function openPostgres(target: Extract<DatabaseTarget, { kind: "postgres" }>): Promise<Database> {
  const pg = (await import("pg")).default;
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const client = new pg.Client({ connectionString: target.url });
  await client.connect();
  try {
    const runner: SqlRunner = {
      exec: async (sql) => {
        await client.query(sql);
      },
      query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
    };
    await applyMigrations(runner, (line) => logMigration(target.kind, line));
  } finally {
    await client.end();
  }
  const pool = new pg.Pool({
    connectionString: target.url,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connectionTimeoutMillis: 5000,
  });
  // A dropped connection must not crash the process; the next query reports the error instead.
  pool.on("error", (error) => log.error("pg pool error", { error: error.message }));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    target,
    close: async () => {
      await prisma.$disconnect();
      await pool.end().catch(() => {});
    },
  };
}

export function openDatabase(): Promise<Database> {
  if (!holder.promise) {
    const target = resolveDatabaseTarget();
    holder.promise = (target.kind === "pglite" ? openPglite(target) : openPostgres(target)).catch((error) => {
      holder.promise = undefined;
      throw error;
    });
  }
  return holder.promise;
}

/** The Prisma client, migrated and ready. */
export async function db(): Promise<PrismaClient> {
  return (await openDatabase()).prisma;
}

export type { PrismaClient };
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
