// The per-instance presence loop: every tick fold count deltas and remove due temporary members; every
// ~5 s sweep stale connections (crashed instances); every ~60 s reconcile and purge old event payloads.
// Every step is safe with any number of instances running it at once (docs/presence.md).
import { errorMessage } from "@/lib/error-message";
import { processState } from "@/lib/process-state";
import { db } from "@/server/db";
import { toPartialUserDto } from "@/server/dto/user";
import { publishEvent } from "@/server/events/publish";
import { log } from "@/server/log";
import {
  MAINTENANCE_TICK_MS,
  RECONCILE_EVERY_TICKS,
  STALE_SWEEP_EVERY_TICKS,
  temporaryMemberGraceSeconds,
} from "./config";
import { foldPresenceDeltas } from "./fold-presence-deltas";
import { removeDueTemporaryMembers } from "./remove-temporary-members";
import { reconcileOnlineUsers, sweepStalePresence, type SweptUser } from "./sweep-stale-presence";

const state = processState<{
  timer?: NodeJS.Timeout;
  tick: number;
  running: boolean;
}>("__fluxerPresenceMaintenance", () => ({ tick: 0, running: false }));

function logFailure(step: string, error: unknown) {
  log.error(`presence ${step} failed`, { error: errorMessage(error) });
}

/** Removes temporary members whose grace period is over and tells their guilds. */
export async function runTemporaryMemberRemovals(): Promise<number> {
  const removed = await removeDueTemporaryMembers();
  for (const { guildId, user } of removed) {
    await publishEvent({
      type: "GUILD_MEMBER_REMOVE",
      guildId,
      userId: user.id,
      data: { user: toPartialUserDto(user) },
    });
  }
  return removed.length;
}

/** After a user went offline with temporary memberships: check right when their grace period ends. */
export function scheduleTemporaryMemberCheck() {
  const timer = setTimeout(
    () => void runTemporaryMemberRemovals().catch((error) => logFailure("temporary member removal", error)),
    temporaryMemberGraceSeconds() * 1000 + 250,
  );
  timer.unref?.();
}

function afterSweep(swept: SweptUser[]) {
  if (swept.some((user) => user.pendingRemovals > 0)) scheduleTemporaryMemberCheck();
}

async function tick() {
  state.tick += 1;
  await foldPresenceDeltas().catch((error) => logFailure("fold", error));
  await runTemporaryMemberRemovals().catch((error) => logFailure("temporary member removal", error));
  if (state.tick % STALE_SWEEP_EVERY_TICKS === 0) {
    await sweepStalePresence().then(afterSweep, (error) => logFailure("stale sweep", error));
  }
  if (state.tick % RECONCILE_EVERY_TICKS === 0) {
    await reconcileOnlineUsers().then(afterSweep, (error) => logFailure("reconcile", error));
    const prisma = await db();
    await prisma.$executeRaw`DELETE FROM "gateway_event_payloads" WHERE "created_at" < now() - interval '5 minutes'`.catch(
      (error) => logFailure("payload purge", error),
    );
  }
}

export function startPresenceMaintenance() {
  if (state.timer) return;
  state.timer = setInterval(() => {
    if (state.running) return;
    state.running = true;
    void tick().finally(() => (state.running = false));
  }, MAINTENANCE_TICK_MS);
  state.timer.unref?.();
}
