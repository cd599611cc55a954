// Starts this instance's share of the gateway once: the bus listener that delivers events to local streams,
// the stream heartbeat, the counts watcher and the presence maintenance loop. Called at boot and again
// (a no-op) when a stream opens.
import { processState } from "@/lib/process-state";
import { startPresenceMaintenance } from "@/server/presence/maintenance";
import { eventBus } from "./bus";
import { startCountsWatcher } from "./counts-watcher";
import { enqueueDelivery } from "./dispatch";
import { startHeartbeat } from "./heartbeat";

const state = processState<{ started: boolean }>("__fluxerGateway", () => ({ started: false }));

export function startGateway() {
  if (state.started) return;
  state.started = true;
  eventBus().subscribe(enqueueDelivery);
  startHeartbeat();
  startCountsWatcher();
  startPresenceMaintenance();
}
