// GUILD_COUNTS_UPDATE for the streams of this instance. The database is the truth for counts, so each
// instance polls the guilds its own streams follow (one query every COUNTS_POLL_MS, only while someone
// follows a guild) and sends a stream only values that changed. Member events arriving on the bus trigger
// an immediate refresh of that guild, so joins and leaves show at once; presence changes within 2 s.
import { errorMessage } from "@/lib/error-message";
import { processState } from "@/lib/process-state";
import { log } from "@/server/log";
import { guildCounts, type GuildCounts } from "@/server/presence/count-online-members";
import { allSessions, type StreamSession } from "./sessions";

const COUNTS_POLL_MS = 2000;
const SOON_MS = 50;

const state = processState<{
  timer?: NodeJS.Timeout;
  soonTimer?: NodeJS.Timeout;
  soon: Set<bigint>;
  running: boolean;
}>("__fluxerCountsWatcher", () => ({ soon: new Set(), running: false }));

function countsBody(counts: GuildCounts) {
  return {
    guild_id: counts.guildId.toString(),
    approximate_member_count: counts.memberCount,
    approximate_presence_count: counts.presenceCount,
  };
}

/** Sends each following session the counts that differ from what it last got. */
export function deliverCounts(rows: GuildCounts[], sessions: StreamSession[] = allSessions()) {
  for (const counts of rows) {
    const body = countsBody(counts);
    const key = `${body.approximate_member_count}:${body.approximate_presence_count}`;
    for (const session of sessions) {
      if (!session.countGuilds.has(counts.guildId) || session.countGuilds.get(counts.guildId) === key)
        continue;
      session.countGuilds.set(counts.guildId, key);
      session.send("GUILD_COUNTS_UPDATE", body);
    }
  }
}

function followedGuilds(sessions: StreamSession[]): bigint[] {
  const ids = new Set<bigint>();
  for (const session of sessions) for (const id of session.countGuilds.keys()) ids.add(id);
  return [...ids];
}

async function poll(only?: bigint[]) {
  const sessions = allSessions();
  const followed = followedGuilds(sessions);
  const ids = only ? only.filter((id) => followed.includes(id)) : followed;
  if (ids.length === 0) return;
  deliverCounts(await guildCounts(ids), sessions);
}

/** Refreshes one guild's counts for its followers shortly (coalesces bursts). */
export function refreshGuildCountsSoon(guildId: bigint) {
  state.soon.add(guildId);
  if (state.soonTimer) return;
  state.soonTimer = setTimeout(() => {
    state.soonTimer = undefined;
    const ids = [...state.soon];
    state.soon.clear();
    poll(ids).catch((error) => log.error("counts refresh failed", { error: errorMessage(error) }));
  }, SOON_MS);
  state.soonTimer.unref?.();
}

/** Current counts for a new stream, right after READY. */
export async function sendInitialCounts(session: StreamSession) {
  const ids = [...session.countGuilds.keys()];
  if (ids.length > 0) deliverCounts(await guildCounts(ids), [session]);
}

export function startCountsWatcher() {
  if (state.timer) return;
  state.timer = setInterval(() => {
    if (state.running) return;
    state.running = true;
    poll()
      .catch((error) => log.error("counts poll failed", { error: errorMessage(error) }))
      .finally(() => (state.running = false));
  }, COUNTS_POLL_MS);
  state.timer.unref?.();
}
