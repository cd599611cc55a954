import type { Client } from "pg";
import { nextSnowflake } from "@/lib/snowflake";
import { db } from "@/server/db";
import type { BusListener, EventBus } from "./bus";
import { isBusMessage, type BusMessage } from "./types";
import { log } from "@/server/log";

export const NOTIFY_CHANNEL = "fluxer_gateway";
// NOTIFY payloads must stay under 8000 bytes; larger events are stored and the notification carries the id.
const MAX_INLINE_BYTES = 7 * 1024;
const MAX_RETRY_MS = 15_000;
const ECHO_WAIT_MS = 1000;

function logError(msg: string, error?: unknown) {
  log.error(msg, { error: error === undefined ? undefined : String((error as Error)?.message ?? error) });
}

/** PostgreSQL LISTEN/NOTIFY: a dedicated client per instance listens; publishing uses the shared pool. */
export class PostgresBus implements EventBus {
  readonly kind = "postgres" as const;
  private readonly listeners = new Set<BusListener>();
  private readonly lostListeners = new Set<() => void>();
  /** Publishers waiting to hear their own notification back, by payload. */
  private readonly echoes = new Map<string, (() => void)[]>();
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
      if (notification.channel === NOTIFY_CHANNEL && notification.payload) void this.receive(notification.payload);
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
      this.markReady();
    } catch (error) {
      lost(error);
    }
  }

  private async receive(payload: string): Promise<void> {
    const waiting = this.echoes.get(payload);
    if (waiting) {
      this.echoes.delete(payload);
      for (const resolve of waiting) resolve();
    }
    try {
      let message: unknown = JSON.parse(payload);
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
    // A revocation must hold on the next request wherever it lands: wait (briefly) until this instance's own
    // listener hears it back. PostgreSQL hands a notification to every listener when it commits, so by then the
    // other instances have it too.
    const echo = message.type === "USER_SESSIONS_REVOKED" && this.client !== null ? this.heard(payload, ECHO_WAIT_MS) : null;
    await prisma.$executeRaw`SELECT pg_notify(${NOTIFY_CHANNEL}, ${payload})`;
    await echo;
  }

  private heard(payload: string, timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const list = this.echoes.get(payload) ?? [];
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const left = (this.echoes.get(payload) ?? []).filter((waiter) => waiter !== done);
        if (left.length > 0) this.echoes.set(payload, left);
        else this.echoes.delete(payload);
        resolve();
      }, timeoutMs);
      list.push(done);
      this.echoes.set(payload, list);
    });
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
    this.listeners.clear();
    await this.client?.end().catch(() => {});
    this.client = null;
  }
}
