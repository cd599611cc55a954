// Every PRESENCE_HEARTBEAT_SECONDS: a `: ping` comment on each stream of this instance (a failed write
// means the client is gone), then one UPDATE that refreshes last_seen_at of all its connections. A row
// swept meanwhile (this instance stalled past the stale limit) is registered again.
import { errorMessage } from "@/lib/error-message";
import { processState } from "@/lib/process-state";
import { log } from "@/server/log";
import { closePresenceConnection } from "@/server/presence/close-presence-connection";
import { PRESENCE_HEARTBEAT_SECONDS } from "@/server/presence/config";
import { openPresenceConnection } from "@/server/presence/open-presence-connection";
import { refreshPresenceConnections } from "@/server/presence/refresh-presence-connections";
import { allSessions } from "./sessions";

const state = processState<{ timer?: NodeJS.Timeout; running: boolean }>("__fluxerHeartbeat", () => ({
  running: false,
}));

async function beat() {
  for (const session of allSessions()) if (!session.ping()) session.close();
  const open = new Map(
    allSessions()
      .filter((s) => s.userId !== null)
      .map((s) => [s.id, s]),
  );
  const missing = await refreshPresenceConnections([...open.keys()]);
  for (const id of missing) {
    const session = open.get(id);
    if (!session?.userId) continue;
    await openPresenceConnection(session.userId, id);
    // Closed while we re-registered it: undo, so no row outlives its stream.
    if (!allSessions().includes(session)) await closePresenceConnection(session.userId, id);
  }
}

export function startHeartbeat() {
  if (state.timer) return;
  state.timer = setInterval(() => {
    if (state.running) return;
    state.running = true;
    beat()
      .catch((error) => log.error("presence heartbeat failed", { error: errorMessage(error) }))
      .finally(() => (state.running = false));
  }, PRESENCE_HEARTBEAT_SECONDS * 1000);
  state.timer.unref?.();
}
