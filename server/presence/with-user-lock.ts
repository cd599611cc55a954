// Every presence transition of a user runs under a lock on that user's row (FOR NO KEY UPDATE), so two
// streams of one user opening or closing on two instances at once, the stale sweeper, and the removal of
// a temporary member are applied one after the other. The members trigger takes FOR SHARE on the same row,
// so a join racing a transition is counted exactly once (docs/presence.md).
import { db, type Tx } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";

const RETRIES = 3;

function isRetryable(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ""} ${(error as Error)?.message ?? ""}`;
  return /P2034|40P01|40001|deadlock|write conflict/i.test(text);
}

/**
 * Runs `work` in a transaction holding the user's row lock. Returns null when the user does not exist, or
 * when `skipLocked` is set and another transaction holds the lock (a sweeper then tries again later).
 */
export async function withUserLock<T>(
  userId: bigint,
  work: (tx: Tx) => Promise<T>,
  options: { skipLocked?: boolean } = {},
): Promise<T | null> {
  const prisma = await db();
  const skip = options.skipLocked ? Prisma.sql`SKIP LOCKED` : Prisma.empty;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await prisma.$transaction(
        async (tx) => {
          const rows = await tx.$queryRaw<
            { id: bigint }[]
          >`SELECT "id" FROM "users" WHERE "id" = ${userId} FOR NO KEY UPDATE ${skip}`;
          if (rows.length === 0) return null;
          return work(tx);
        },
        { maxWait: 10_000, timeout: 15_000 },
      );
    } catch (error) {
      if (attempt >= RETRIES || !isRetryable(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 30));
    }
  }
}
