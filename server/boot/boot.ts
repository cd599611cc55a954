import { openDatabase } from "@/server/db";

function shouldSeedDemo(kind: string, isMemory: boolean): boolean {
  const setting = process.env.SEED_DEMO ?? "auto";
  if (setting === "0" || setting === "false") return false;
  if (setting === "1" || setting === "true") return true;
  return kind === "pglite" && !isMemory; // auto: the embedded default gets a demo world
}

export async function boot() {
  const started = Date.now();
  const database = await openDatabase();
  console.log(`[boot] database ready: ${database.target.label} (${Date.now() - started} ms)`);
  (await import("@/server/events/start-gateway")).startGateway(); // presence sweeps and the event bus (docs/presence.md)
  const isMemory = database.target.kind === "pglite" && database.target.dataDir === undefined;
  if (shouldSeedDemo(database.target.kind, isMemory)) {
    const { seedDemoIfEmpty } = await import("@/server/demo/seed-demo");
    await seedDemoIfEmpty(database.prisma);
  }
}
