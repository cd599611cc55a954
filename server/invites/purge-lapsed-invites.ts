// Lapsed invites are already invisible (every query filters them); this deletes their rows once they have
// been dead for a day, and invite analytics past their retention. Called opportunistically (at most every 10
// minutes per process) from invite creation, so no timer or worker is needed.
import { errorMessage } from "@/lib/error-message";
import { pruneAnalytics } from "@/server/analytics/prune-analytics";
import { db } from "@/server/db";
import { log } from "@/server/log";

const PURGE_INTERVAL_MS = 10 * 60 * 1000;
const GRACE_MS = 24 * 60 * 60 * 1000;

const state = globalThis as { __fluxerInvitePurgeAt?: number };

/** Deletes invites that expired, or were created and used up, more than a day ago; returns how many. */
export async function purgeLapsedInvites(now: Date = new Date()): Promise<number> {
  const prisma = await db();
  const cutoff = new Date(now.getTime() - GRACE_MS);
  const result = await prisma.invite.deleteMany({
    where: {
      isVanity: false,
      OR: [
        { expiresAt: { lt: cutoff } },
        // A used-up row doesn't record when its last use happened; its age is a safe stand-in.
        { maxUses: { gt: 0 }, uses: { gte: prisma.invite.fields.maxUses }, createdAt: { lt: cutoff } },
      ],
    },
  });
  return result.count;
}

/** Starts a purge in the background when the last one is older than 10 minutes; never throws. */
export function maybePurgeLapsedInvites(now = Date.now()): void {
  if (now - (state.__fluxerInvitePurgeAt ?? 0) < PURGE_INTERVAL_MS) return;
  state.__fluxerInvitePurgeAt = now;
  purgeLapsedInvites(new Date(now)).catch((error) =>
    log.error("invite purge failed", { error: errorMessage(error) }),
  );
  pruneAnalytics(new Date(now)).catch((error) =>
    log.error("invite analytics prune failed", { error: errorMessage(error) }),
  );
}
