// Starts this instance's share of the gateway once: the bus listener that delivers events to local streams,
// the stream heartbeat, the counts watcher and the presence maintenance loop. Called at boot and again
// (a no-op) when a stream opens.
import { startPresenceMaintenance } from "@/server/presence/maintenance";
import { eventBus } from "./bus";
import { startCountsWatcher } from "./counts-watcher";
import { enqueueDelivery } from "./dispatch";
import { startHeartbeat } from "./heartbeat";

const state = ((globalThis as Record<string, unknown>).__fluxerGateway ??= { started: false }) as { started: boolean };

export function startGateway() {
  if (state.started) return;
  state.started = true;
  eventBus().subscribe(enqueueDelivery);
  startHeartbeat();
  startCountsWatcher();
  startPresenceMaintenance();
}
