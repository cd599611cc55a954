import { analyticsMemoryStats } from "@/server/analytics/counters";
import { analyticsFlushStats } from "@/server/analytics/flush-analytics";
import { hashSlotStats } from "@/server/auth/hash-slots";
import { openDatabase } from "@/server/db";
import { streamSlotsInUse } from "@/server/events/sessions";
import { previewCacheStats } from "@/server/invites/preview-cache";

/** This process's memory in MB: what operators watch against the 400 MB target (docs/benchmarks.md). */
function memoryMb() {
  const usage = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 1048576);
  return {
    rss: mb(usage.rss),
    heap_used: mb(usage.heapUsed),
    heap_total: mb(usage.heapTotal),
    external: mb(usage.external),
    array_buffers: mb(usage.arrayBuffers),
  };
}

export async function healthCheck() {
  const started = Date.now();
  try {
    const database = await openDatabase();
    await Promise.race([
      database.prisma.$queryRaw`SELECT 1`,
      new Promise((_, reject) => setTimeout(() => reject(new Error("database check timed out")), 3000)),
    ]);
    return {
      status: "ok" as const,
      database: { status: "ok", engine: database.target.kind, latency_ms: Date.now() - started },
      invite_preview_cache: previewCacheStats(),
      event_streams: streamSlotsInUse(),
      // Password hashes running and waiting now, and sign-ins refused (503) since start for a full queue.
      password_hashes: hashSlotStats(),
      // Invite analytics: counts waiting for the next flush, visitors remembered today, flushes since start.
      invite_analytics: { ...analyticsMemoryStats(), ...analyticsFlushStats() },
      memory_mb: memoryMb(),
    };
  } catch (error) {
    return {
      status: "degraded" as const,
      database: { status: "unavailable", error: (error as Error).message.slice(0, 200) },
    };
  }
}
