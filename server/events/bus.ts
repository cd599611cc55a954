// The event bus between app instances. PostgreSQL: LISTEN/NOTIFY on one channel, a dedicated connection per
// instance (postgres-bus.ts). PGlite is one process: an in-process emitter (memory-bus.ts). Callers see
// only this interface; delivery is at most once (an instance whose listener is reconnecting misses events).
import { processState } from "@/lib/process-state";
import { resolveDatabaseTarget } from "@/server/db/config";
import { MemoryBus } from "./memory-bus";
import { PostgresBus } from "./postgres-bus";
import type { BusMessage } from "./types";

export type BusListener = (message: BusMessage) => void;

export interface EventBus {
  readonly kind: "memory" | "postgres";
  /**
   * Sends to every instance, this one included. Resolves once handed to the transport; for a message that
   * makes cached state stale, once every other live instance has applied it (or a short wait has passed).
   */
  publish(message: BusMessage): Promise<void>;
  /**
   * Resolves once every other live instance has applied what was sent before (a message a database statement
   * sent in its own transaction); at once when there is no other instance.
   */
  barrier(): Promise<void>;
  /** Returns the unsubscribe function. */
  subscribe(listener: BusListener): () => void;
  /**
   * Which connection is delivering messages now (it changes after a reconnect), or null while none is: what
   * was sent meanwhile is lost, so caches that rely on the bus for invalidation must not trust older state.
   */
  liveGeneration(): number | null;
  /** Called each time the connection is lost (messages may have been missed until it is back). */
  onConnectionLost(listener: () => void): void;
  close(): Promise<void>;
}

const holder = processState<{ bus?: EventBus }>("__fluxerEventBus", () => ({}));

/** The process's bus, chosen from DATABASE_URL. */
export function eventBus(): EventBus {
  if (!holder.bus) {
    const target = resolveDatabaseTarget();
    holder.bus = target.kind === "postgres" ? new PostgresBus(target.url) : new MemoryBus();
  }
  return holder.bus;
}
