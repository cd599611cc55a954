// Demo only (DEMO_PRESENCE=1, which `npm run demo` sets): keeps a realistic share of the demo guild's members
// online, so the demo looks like a living community ("62 Online") instead of a dead one. Each simulated member
// holds a presence connection through the same transitions a browser tab uses (open, heartbeat, close), so
// every count (the guild's, the landing page's, the API's) sees them exactly as it sees people. Only the demo
// world's seeded members are used: they have no password, so no real person's presence is ever touched.
import { randomInt } from "node:crypto";
import { errorMessage } from "@/lib/error-message";
import { processState } from "@/lib/process-state";
import { nextSnowflake } from "@/lib/snowflake";
import { db } from "@/server/db";
import { DEMO_EMAIL, DEMO_GUILD_NAME } from "@/server/demo/seed-demo";
import { log } from "@/server/log";
import { closePresenceConnection } from "@/server/presence/close-presence-connection";
import { PRESENCE_HEARTBEAT_SECONDS } from "@/server/presence/config";
import { openPresenceConnection } from "@/server/presence/open-presence-connection";
import { refreshPresenceConnections } from "@/server/presence/refresh-presence-connections";

/** The share of members online drifts between these (a busy community server shows about a quarter). */
const SHARE = { min: 0.18, max: 0.3, start: 0.24 };
/** Members who leave, and others who arrive, on each tick. */
const CHURN = { min: 2, max: 6 };

type State = { timer?: NodeJS.Timeout; running: boolean; share: number; online: Map<bigint, bigint> };
const state = processState<State>("__fluxerDemoPresence", () => ({
  running: false,
  share: SHARE.start,
  online: new Map(),
}));

export function isDemoPresenceOn(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.DEMO_PRESENCE === "1" || env.DEMO_PRESENCE === "true";
}

/** The demo guild's seeded members (no password: nobody can sign in as them). */
async function demoMembers(): Promise<bigint[]> {
  const prisma = await db();
  const guild = await prisma.guild.findFirst({
    where: { name: DEMO_GUILD_NAME, owner: { email: DEMO_EMAIL } },
    select: { id: true },
  });
  if (!guild) return [];
  const members = await prisma.member.findMany({
    where: { guildId: guild.id, user: { passwordHash: null, isBot: false } },
    select: { userId: true },
  });
  return members.map((m) => m.userId);
}

function pick<T>(items: readonly T[], count: number): T[] {
  const pool = [...items];
  const chosen: T[] = [];
  while (chosen.length < count && pool.length > 0) chosen.push(pool.splice(randomInt(pool.length), 1)[0]!);
  return chosen;
}

async function tick() {
  // The heartbeat of the simulated connections; any swept meanwhile (a stalled process) go online again.
  const missing = new Set(await refreshPresenceConnections([...state.online.values()]));
  for (const [userId, connectionId] of state.online)
    if (missing.has(connectionId)) await openPresenceConnection(userId, connectionId);

  const members = await demoMembers();
  if (members.length === 0) return;
  state.share = Math.min(SHARE.max, Math.max(SHARE.min, state.share + randomInt(-2, 3) / 100));
  const target = Math.round(members.length * state.share);
  const online = [...state.online.keys()];
  const leaving = pick(online, Math.max(online.length - target, 0) + randomInt(CHURN.min, CHURN.max + 1));
  for (const userId of leaving) {
    await closePresenceConnection(userId, state.online.get(userId)!);
    state.online.delete(userId);
  }
  const offline = members.filter((id) => !state.online.has(id) && !leaving.includes(id));
  for (const userId of pick(offline, target - state.online.size)) {
    const connectionId = nextSnowflake();
    if (await openPresenceConnection(userId, connectionId)) state.online.set(userId, connectionId);
  }
}

function run() {
  if (state.running) return;
  state.running = true;
  tick()
    .catch((error) => log.warn("demo presence tick failed", { error: errorMessage(error) }))
    .finally(() => (state.running = false));
}

/** Starts the simulator (once per process) when DEMO_PRESENCE is on; the first members come online at once. */
export function startDemoPresence() {
  if (!isDemoPresenceOn() || state.timer) return;
  log.info("demo presence: keeping part of the demo guild online (DEMO_PRESENCE)");
  state.timer = setInterval(run, PRESENCE_HEARTBEAT_SECONDS * 1000);
  state.timer.unref?.();
  run();
}
