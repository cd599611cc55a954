import { openDatabase } from "@/server/db";

export async function healthCheck() {
  const started = Date.now();
  try {
    const database = await openDatabase();
    await Promise.race([
      database.prisma.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("database check timed out")), 3000)),
    ]);
    return { status: "ok" as const, database: { status: "ok", engine: database.target.kind, latency_ms: Date.now() - started } };
  } catch (error) {
    return { status: "degraded" as const, database: { status: "unavailable", error: (error as Error).message.slice(0, 200) } };
  }
}
