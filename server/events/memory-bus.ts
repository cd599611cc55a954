import { EventEmitter } from "node:events";
import { errorMessage } from "@/lib/error-message";
import { log } from "@/server/log";
import type { BusListener, EventBus } from "./bus";
import type { BusMessage } from "./types";

/** One process (PGlite): listeners run on a later tick, like a notification arriving after the commit. */
export class MemoryBus implements EventBus {
  readonly kind = "memory" as const;
  private readonly emitter = new EventEmitter().setMaxListeners(0);

  async publish(message: BusMessage): Promise<void> {
    const copy = JSON.parse(JSON.stringify(message)) as BusMessage;
    setImmediate(() => this.emitter.emit("message", copy));
  }

  /** One process: the caches are dropped before a change's message is even sent. */
  async barrier(): Promise<void> {}

  subscribe(listener: BusListener): () => void {
    const safe = (message: BusMessage) => {
      try {
        listener(message);
      } catch (error) {
        log.error("event listener failed", { error: errorMessage(error) });
      }
    };
    this.emitter.on("message", safe);
    return () => this.emitter.off("message", safe);
  }

  /** One process: nothing is ever missed. */
  liveGeneration(): number {
    return 1;
  }

  onConnectionLost(): void {}

  async close(): Promise<void> {
    this.emitter.removeAllListeners();
  }
}
