import { randomUUID } from "node:crypto";
import { errorMessage } from "@/lib/error-message";
import { nextSnowflake } from "@/lib/snowflake";
import { db } from "@/server/db";
import { log } from "@/server/log";
import { INVALIDATING_TYPES, isBusMessage, type BusMessage } from "./types";
import type { BusListener, EventBus } from "./bus";
import type { Client } from "pg";

export const NOTIFY_CHANNEL = "fluxer_gateway";
// NOTIFY payloads must stay under 8000 bytes; larger events are stored and the notification carries the id.
const MAX_INLINE_BYTES = 7 * 1024;
const MAX_RETRY_MS = 15_000;
// Acknowledged invalidation. A message that makes cached state stale (INVALIDATING_TYPES) is not done when it
// is sent: its publisher waits until every other live instance says it has applied it, so the next request
// sees the change wherever it lands, even when that instance's event loop is behind. Instances learn of each
// other from a hello each sends on connecting and every HELLO_EVERY_MS; one not heard from for PEER_GONE_MS
// is forgotten, and one that misses ACK_WAIT_MS is not waited on again until it is heard from.
const ACK_WAIT_MS = 1000;
const HELLO_EVERY_MS = 5000;
const PEER_GONE_MS = 3 * HELLO_EVERY_MS;

/** Instance-to-instance control messages on the same channel; never handed to listeners. */
type Control =
  | { control: "hello"; by: string }
  | { control: "ack"; by: string; ack: string }
  | { control: "barrier"; by: string; ack: string };

function isControl(value: unknown): value is Control {
  const control = (value as Control | null)?.control;
  return (
    (control === "hello" || control === "ack" || control === "barrier") &&
    typeof (value as Control).by === "string"
  );
}

type Peer = { heardAt: number; lagging: boolean };
type Waiter = { pending: Set<string>; done: () => void };

function logError(msg: string, error?: unknown) {
  log.error(msg, { error: error === undefined ? undefined : errorMessage(error) });
}

/** PostgreSQL LISTEN/NOTIFY: a dedicated client per instance listens; publishing uses the shared pool. */
export class PostgresBus implements EventBus {
  readonly kind = "postgres" as const;
  private readonly listeners = new Set<BusListener>();
  private readonly lostListeners = new Set<() => void>();
  /** This instance's name on the bus (acks and hellos carry it). */
  readonly instance = randomUUID();
  /** Other instances listening on the channel, by name. */
  private readonly peers = new Map<string, Peer>();
  /** Publishers waiting for acks, by message ack id. */
  private readonly waiting = new Map<string, Waiter>();
  private helloTimer: NodeJS.Timeout | null = null;
  private nextBarrier: Promise<void> | null = null;
  private client: Client | null = null;
  private generation = 0;
  private retryMs = 250;
  private closed = false;
  /** Resolves once LISTEN is active (the first time). */
  readonly ready: Promise<void>;
  private markReady: () => void = () => {};

  constructor(private readonly url: string) {
    this.ready = new Promise((resolve) => (this.markReady = resolve));
    void this.connect();
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const generation = ++this.generation;
    const pg = (await import("pg")).default;
    const client = new pg.Client({ connectionString: this.url });
    const lost = (error?: unknown) => {
      if (generation !== this.generation || this.closed) return;
      logError("event bus connection lost; reconnecting", error);
      const wasLive = this.client !== null;
      this.client = null;
      if (wasLive) for (const listener of this.lostListeners) listener();
      client.end().catch(() => {});
      const timer = setTimeout(() => void this.connect(), this.retryMs);
      timer.unref?.();
      this.retryMs = Math.min(this.retryMs * 2, MAX_RETRY_MS);
    };
    client.on("notification", (notification) => {
      if (notification.channel === NOTIFY_CHANNEL && notification.payload)
        void this.receive(notification.payload);
    });
    client.on("error", lost);
    client.on("end", () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN "${NOTIFY_CHANNEL}"`);
      if (generation !== this.generation || this.closed) {
        await client.end().catch(() => {});
        return;
      }
      this.client = client;
      this.retryMs = 250;
      this.startHellos();
      this.markReady();
    } catch (error) {
      lost(error);
    }
  }

  private async receive(payload: string): Promise<void> {
    try {
      let message: unknown = JSON.parse(payload);
      if (isControl(message)) return this.onControl(message);
      const ref = (message as { ref?: unknown }).ref;
      if (typeof ref === "string" && /^\d+$/.test(ref)) {
        const row = await (await db()).gatewayEventPayload.findUnique({ where: { id: BigInt(ref) } });
        if (!row) return;
        message = JSON.parse(row.payload);
      }
      if (!isBusMessage(message)) return;
      for (const listener of this.listeners) {
        try {
          listener(message);
        } catch (error) {
          logError("event listener failed", error);
        }
      }
      // Applied (listeners drop caches synchronously): tell the publisher.
      if (typeof message.ack === "string" && message.from !== this.instance) this.acknowledge(message.ack);
    } catch (error) {
      logError("bad event notification", error);
    }
  }

  async publish(message: BusMessage): Promise<void> {
    const prisma = await db();
    let payload = JSON.stringify(message);
    if (Buffer.byteLength(payload, "utf8") > MAX_INLINE_BYTES) {
      const id = nextSnowflake();
      await prisma.gatewayEventPayload.create({ data: { id, payload } });
      payload = JSON.stringify({ ref: id.toString() });
    }
    const acked = INVALIDATING_TYPES.has(message.type) ? this.expectAcks() : null;
    if (acked) payload = JSON.stringify({ ...JSON.parse(payload), ack: acked.id, from: this.instance });
    try {
      await prisma.$executeRaw`SELECT pg_notify(${NOTIFY_CHANNEL}, ${payload})`;
    } catch (error) {
      acked?.cancel();
      throw error;
    }
    await acked?.settled;
  }

  /**
   * Resolves once every other live instance has applied everything sent on the channel before this call
   * (notifications reach each listener in commit order and are applied in order): for a change whose
   * message a database statement sent itself, in its own transaction.
   */
  barrier(): Promise<void> {
    // Callers that arrive before the barrier is sent share it (each committed before it is sent).
    this.nextBarrier ??= new Promise<void>((resolve) => {
      setImmediate(() => {
        this.nextBarrier = null;
        void this.sendBarrier().then(resolve, (error) => {
          logError("event bus barrier failed", error);
          resolve();
        });
      });
    });
    return this.nextBarrier;
  }

  private async sendBarrier(): Promise<void> {
    const acked = this.expectAcks();
    if (!acked) return;
    try {
      await this.notifyControl({ control: "barrier", by: this.instance, ack: acked.id });
    } catch (error) {
      acked.cancel();
      throw error;
    }
    await acked.settled;
  }

  /** Instances this one is in touch with now (itself excluded). */
  peerCount(): number {
    this.forgetGonePeers();
    return this.peers.size;
  }

  /** Registers a wait for acks from the live, non-lagging peers; null when there is none to wait for. */
  private expectAcks(): { id: string; settled: Promise<void>; cancel: () => void } | null {
    this.forgetGonePeers();
    const pending = new Set([...this.peers].filter(([, peer]) => !peer.lagging).map(([name]) => name));
    if (pending.size === 0 || this.client === null) return null;
    const id = nextSnowflake().toString();
    let cancel = () => {};
    const settled = new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        for (const name of pending) {
          const peer = this.peers.get(name);
          if (peer) peer.lagging = true;
          log.warn(
            "event bus: an instance did not acknowledge in time; not waited on until it is heard from",
            { instance: name, wait_ms: ACK_WAIT_MS },
          );
        }
        resolve();
      }, ACK_WAIT_MS);
      timer.unref?.();
      const done = () => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve();
      };
      cancel = done;
      this.waiting.set(id, { pending, done });
    });
    return { id, settled, cancel };
  }

  private onControl(message: Control): void {
    if (message.by === this.instance) return;
    const peer = this.peers.get(message.by);
    if (peer) {
      peer.heardAt = Date.now();
      peer.lagging = false;
    } else {
      this.peers.set(message.by, { heardAt: Date.now(), lagging: false });
      // A newcomer learns of this instance at once rather than at the next hello.
      if (message.control === "hello")
        void this.notifyControl({ control: "hello", by: this.instance }).catch(() => {});
    }
    if (message.control === "barrier") this.acknowledge(message.ack);
    else if (message.control === "ack") {
      const waiter = this.waiting.get(message.ack);
      if (!waiter) return;
      waiter.pending.delete(message.by);
      if (waiter.pending.size === 0) waiter.done();
    }
  }

  private acknowledge(ack: string): void {
    void this.notifyControl({ control: "ack", by: this.instance, ack }).catch((error) =>
      logError("event bus ack failed", error),
    );
  }

  private async notifyControl(message: Control): Promise<void> {
    await (
      await db()
    ).$executeRaw`SELECT pg_notify(${NOTIFY_CHANNEL}, ${JSON.stringify(message)})`;
  }

  private forgetGonePeers(now = Date.now()): void {
    for (const [name, peer] of this.peers) if (now - peer.heardAt > PEER_GONE_MS) this.peers.delete(name);
  }

  private startHellos(): void {
    const hello = () =>
      void this.notifyControl({ control: "hello", by: this.instance }).catch((error) =>
        logError("event bus hello failed", error),
      );
    hello();
    if (this.helloTimer) return;
    this.helloTimer = setInterval(hello, HELLO_EVERY_MS);
    this.helloTimer.unref?.();
  }

  liveGeneration(): number | null {
    return this.client === null ? null : this.generation;
  }

  onConnectionLost(listener: () => void): void {
    this.lostListeners.add(listener);
  }

  subscribe(listener: BusListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.helloTimer) clearInterval(this.helloTimer);
    for (const waiter of this.waiting.values()) waiter.done();
    this.listeners.clear();
    await this.client?.end().catch(() => {});
    this.client = null;
  }
}
