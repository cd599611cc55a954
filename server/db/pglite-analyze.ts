// PGlite runs PostgreSQL as a single embedded backend with no autovacuum, so nothing ever ANALYZEs its
// tables and the planner works from guesses: measured on a 100,000-member guild, it estimated 3 rows where
// there were 99,072 and read every user for a name search (120 ms) instead of using the trigram index
// (3 ms). This does what autovacuum's analyze does on a PostgreSQL server: ANALYZE each table that has
// grown by a tenth (and at least 8 pages) since it was last analyzed. A size check is a catalog read; an
// ANALYZE samples at most 30,000 rows (well under a second at a million), and growth by tenths makes them
// rare. PGlite runs one statement at a time, so requests wait for an ANALYZE while it runs.
import { errorMessage } from "@/lib/error-message";
import { log } from "@/server/log";
import type { PrismaClient } from "@/server/generated/prisma/client";

const CHECK_EVERY_MS = 60_000;

/** ANALYZEs the tables that grew since their last ANALYZE; returns their names. */
export async function analyzeGrownTables(prisma: PrismaClient): Promise<string[]> {
  const grown = await prisma.$queryRaw<{ relname: string }[]>`
    SELECT c."relname" FROM pg_class c JOIN pg_namespace n ON n."oid" = c."relnamespace"
     WHERE n."nspname" = current_schema() AND c."relkind" = 'r'
       AND pg_relation_size(c."oid") / current_setting('block_size')::int >= 8 + c."relpages" * 1.1`;
  for (const { relname } of grown) await prisma.$executeRawUnsafe(`ANALYZE "${relname.replace(/"/g, '""')}"`);
  return grown.map((row) => row.relname);
}

const state = ((globalThis as Record<string, unknown>).__fluxerPgliteAnalyze ??= {}) as {
  timer?: NodeJS.Timeout;
};

/** Checks at once (a database that grew while the app was stopped), then every minute. */
export function startPgliteAnalyze(prisma: PrismaClient) {
  if (state.timer) return;
  let running = false;
  const check = async () => {
    if (running) return;
    running = true;
    try {
      const started = performance.now();
      const tables = await analyzeGrownTables(prisma);
      if (tables.length)
        log.info("analyzed grown tables", { tables, ms: Math.round(performance.now() - started) });
    } catch (error) {
      log.error("analyze of grown tables failed", { error: errorMessage(error) });
    } finally {
      running = false;
    }
  };
  void check();
  state.timer = setInterval(() => void check(), CHECK_EVERY_MS);
  state.timer.unref?.();
}
