// Whether this instance should receive traffic now, for load balancers and orchestrators (GET /api/ready).
// Liveness is a different question (is the process answering at all: GET /api/ping); restarting an instance
// because its database is down would not help, so only readiness looks at its dependencies.
import { processState } from "@/lib/process-state";
import { openDatabase } from "@/server/db";
import { eventBus } from "@/server/events/bus";

/** Set by the HTTP server (scripts/http-server.mjs) when it starts stopping: new traffic should go elsewhere. */
const lifecycle = processState<{ stopping: boolean }>("__fluxerLifecycle", () => ({ stopping: false }));

export type Readiness = {
  ready: boolean;
  checks: { database: string; event_bus: string; shutting_down: boolean };
};

async function databaseCheck(): Promise<string> {
  try {
    const database = await openDatabase(); // resolves once migrations are applied
    await Promise.race([
      database.prisma.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("timed out")), 2000)),
    ]);
    return "ok";
  } catch {
    return "unavailable";
  }
}

export async function readiness(): Promise<Readiness> {
  const database = await databaseCheck();
  // Several instances depend on the bus to drop each other's cached previews; one that can't hear them must
  // not serve (it empties its cache meanwhile, but it would also miss presence and invite events).
  const bus = eventBus();
  const eventBusState = bus.kind === "memory" || bus.liveGeneration() !== null ? "ok" : "reconnecting";
  const checks = { database, event_bus: eventBusState, shutting_down: lifecycle.stopping };
  return { ready: database === "ok" && eventBusState === "ok" && !lifecycle.stopping, checks };
}
