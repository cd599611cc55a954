import { openDatabase } from "@/server/db";
import { log } from "@/server/log";

function shouldSeedDemo(kind: string, isMemory: boolean): boolean {
  const setting = process.env.SEED_DEMO ?? "auto";
  if (setting === "0" || setting === "false") return false;
  if (setting === "1" || setting === "true") return true;
  return kind === "pglite" && !isMemory; // auto: the embedded default gets a demo world
}

export async function boot() {
  const started = Date.now();
  const database = await openDatabase();
  log.info("database ready", {
    engine: database.target.kind,
    label: database.target.label,
    ms: Date.now() - started,
  });
  if (database.target.kind === "postgres")
    await (await import("@/server/db/snowflake-worker")).leaseSnowflakeWorker(database.prisma);
  // PGlite has no autovacuum: keep the planner's statistics current as tables grow (server/db/pglite-analyze.ts).
  else (await import("@/server/db/pglite-analyze")).startPgliteAnalyze(database.prisma);
  (await import("@/server/events/start-gateway")).startGateway(); // presence sweeps and the event bus (docs/presence.md)
  (await import("@/server/events/stream-gate")).registerStreamGate(); // event-stream bounds, checked before routing
  (await import("@/server/landing/landing-fast-path")).registerLandingFastPath(); // landing views from kept pages, before Next
  (await import("@/server/invites/invite-get-fast-path")).registerInviteGetFastPath(); // anonymous lookups of cached invites, before Next
  (await import("@/server/analytics/flush-analytics")).startAnalyticsFlush(); // invite analytics to the database every 10 s
  const isMemory = database.target.kind === "pglite" && database.target.dataDir === undefined;
  if (shouldSeedDemo(database.target.kind, isMemory)) {
    const { seedDemoIfEmpty } = await import("@/server/demo/seed-demo");
    await seedDemoIfEmpty(database.prisma);
  }
  // `npm run demo` only: part of the demo guild online, like a real community (server/demo/presence-simulator.ts).
  if (process.env.DEMO_PRESENCE) (await import("@/server/demo/presence-simulator")).startDemoPresence();
}
