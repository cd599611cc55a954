import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";

/**
 * The heartbeat of one instance: one UPDATE for all of its open streams. Returns the ids that no longer
 * have a row (swept while this instance stalled), which the caller registers again.
 */
export async function refreshPresenceConnections(connectionIds: bigint[]): Promise<bigint[]> {
  if (connectionIds.length === 0) return [];
  const prisma = await db();
  const missing: bigint[] = [];
  for (let start = 0; start < connectionIds.length; start += 1000) {
    const batch = connectionIds.slice(start, start + 1000);
    const rows = await prisma.$queryRaw<{ id: bigint }[]>`
      UPDATE "presence_connections" SET "last_seen_at" = now() WHERE "id" IN (${Prisma.join(batch)}) RETURNING "id"`;
    const found = new Set(rows.map((row) => row.id));
    for (const id of batch) if (!found.has(id)) missing.push(id);
  }
  return missing;
}
