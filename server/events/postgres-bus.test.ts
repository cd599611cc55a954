// The PostgreSQL bus's acknowledged invalidation against a real server (TEST_POSTGRES_URL; skipped without
// one): a publish of a cache-dropping message resolves only once the other instance has applied it, even when
// that instance is slow; an instance that stops answering is waited on once, briefly, and then no more.
import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import type { PostgresBus as PostgresBusType } from "./postgres-bus";
import type { BusMessage } from "./types";

const serverUrl = process.env.TEST_POSTGRES_URL;
const database = `bus_test_${process.pid}_${Date.now()}`;

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function admin<T>(run: (client: pg.Client) => Promise<T>, url = serverUrl): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function until(check: () => boolean, what: string, ms = 5000) {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const stale = (guildId: string): BusMessage => ({
  type: "INVITE_PREVIEWS_STALE",
  guildId,
  channelId: null,
  userId: null,
  data: {},
});

/** Makes a bus handle each notification `ms` late, as an instance whose event loop is busy does. */
function slowDown(bus: PostgresBusType, ms: number) {
  const target = bus as unknown as { receive(payload: string): Promise<void> };
  const receive = target.receive.bind(bus);
  target.receive = (payload) =>
    new Promise((resolve) => setTimeout(() => void receive(payload).then(resolve), ms));
}

/** Makes a bus hang: it hears and says nothing more (no acks, no hellos), its connection still open. */
function hang(bus: PostgresBusType) {
  const target = bus as unknown as {
    receive(payload: string): Promise<void>;
    helloTimer: NodeJS.Timeout | null;
  };
  target.receive = async () => {};
  if (target.helloTimer) clearInterval(target.helloTimer);
}

describe(
  "PostgreSQL event bus: acknowledged invalidation",
  { skip: serverUrl ? false : "TEST_POSTGRES_URL is not set" },
  () => {
    let PostgresBus: typeof PostgresBusType;
    const buses: PostgresBusType[] = [];
    const open = async () => {
      const bus = new PostgresBus(process.env.DATABASE_URL!);
      buses.push(bus);
      await bus.ready;
      return bus;
    };

    before(async () => {
      await admin((client) => client.query(`CREATE DATABASE "${database}"`));
      process.env.DATABASE_URL = withDatabase(serverUrl!, database);
      ({ PostgresBus } = await import("./postgres-bus"));
    });

    after(async () => {
      for (const bus of buses) await bus.close();
      const { openDatabase } = await import("@/server/db");
      await (await openDatabase()).close();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
    });

    it("resolves a publish only once a slow instance has applied it, and a barrier after a statement's own notification", async () => {
      const a = await open();
      const b = await open();
      await until(() => a.peerCount() === 1 && b.peerCount() === 1, "the instances to meet");
      const seenByB: string[] = [];
      b.subscribe((message) => seenByB.push(message.guildId ?? ""));
      slowDown(b, 300);

      const started = Date.now();
      await a.publish(stale("1001"));
      assert.deepEqual(seenByB, ["1001"], "the other instance had applied the message when publish resolved");
      assert.ok(Date.now() - started >= 250, "the publisher waited for the slow instance");

      // A message a statement sent itself (as a join does in its transaction), then a barrier.
      const payload = JSON.stringify(stale("1002"));
      await admin(
        (client) => client.query("SELECT pg_notify('fluxer_gateway', $1)", [payload]),
        process.env.DATABASE_URL,
      );
      await a.barrier();
      assert.deepEqual(
        seenByB,
        ["1001", "1002"],
        "a barrier resolves after what was sent before it is applied",
      );

      // Messages that drop nothing are not waited on.
      const quick = Date.now();
      await a.publish({
        type: "GUILD_COUNTS_UPDATE",
        guildId: "1003",
        channelId: null,
        userId: null,
        data: {},
      });
      assert.ok(Date.now() - quick < 250, "a counts update does not wait for acks");
    });

    it("waits on an instance that stopped answering once, for about a second, then no more", async () => {
      for (const bus of buses.splice(0)) await bus.close();
      const a = await open();
      const hung = await open();
      await until(() => a.peerCount() === 1, "the instances to meet");
      hang(hung);

      const first = Date.now();
      await a.publish(stale("2001"));
      const waited = Date.now() - first;
      assert.ok(waited >= 900 && waited < 3000, `the first publish waited about a second (${waited} ms)`);
      const second = Date.now();
      await a.publish(stale("2002"));
      assert.ok(Date.now() - second < 500, "the hung instance is not waited on again");
    });
  },
);
