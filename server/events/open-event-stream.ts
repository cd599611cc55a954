// GET /api/v1/gateway/events: one server-sent event stream. A signed-in stream is a presence connection
// (the user is online while it is open); an anonymous one may only follow guild counts.
import { errorMessage } from "@/lib/error-message";
import { ApiError } from "@/lib/errors";
import { nextSnowflake } from "@/lib/snowflake";
import { resourceLimits } from "@/server/config/resource-limits";
import { log } from "@/server/log";
import { closePresenceConnection } from "@/server/presence/close-presence-connection";
import { scheduleTemporaryMemberCheck } from "@/server/presence/maintenance";
import { openPresenceConnection } from "@/server/presence/open-presence-connection";
import { sendInitialCounts } from "./counts-watcher";
import {
  addSession,
  releaseStreamSlot,
  removeSession,
  reserveStreamSlot,
  type StreamSession,
} from "./sessions";
import { startGateway } from "./start-gateway";
import { visibleCountGuilds } from "./visible-count-guilds";
import type { Caller } from "@/server/auth/caller";

/** Events queued for a client that stopped reading before the stream is dropped. */
const MAX_QUEUED_CHUNKS = 1000;
/** How long an EventSource waits before reconnecting, in ms. */
const RETRY_MS = 3000;

function release(session: StreamSession) {
  if (session.userId === null) return;
  closePresenceConnection(session.userId, session.id)
    .then((result) => {
      if (result.pendingRemovals > 0) scheduleTemporaryMemberCheck();
    })
    .catch((error) => log.error("presence release failed", { error: errorMessage(error) }));
}

/**
 * Admits a stream under the instance's bounds (resourceLimits): one client past its own share gets 429, a full
 * instance 503 with Retry-After. Checked before any database work, so a flood of refused streams costs nothing.
 */
function admit(identity: string, isAnonymous: boolean) {
  const limits = resourceLimits();
  const verdict = reserveStreamSlot(identity, isAnonymous, {
    total: limits.eventStreams,
    anonymous: limits.anonymousEventStreams,
    perIdentity: isAnonymous ? limits.eventStreamsPerAddress : limits.eventStreamsPerUser,
  });
  if (verdict === "identity-full") {
    throw new ApiError("RATE_LIMITED", {
      message: "Too many open event streams",
      headers: { "Retry-After": "5" },
      extra: { retry_after: 5, global: false },
    });
  }
  if (verdict === "instance-full") {
    throw new ApiError("SERVICE_UNAVAILABLE", {
      message: "This server holds as many event streams as it can; try again later",
      headers: { "Retry-After": "30" },
    });
  }
}

export async function openEventStream(input: {
  request: Request;
  caller: Caller | null;
  ip: string;
  guildCounts: bigint[] | undefined;
}): Promise<Response> {
  startGateway();
  const { request, caller } = input;
  const requested = input.guildCounts ?? [];
  if (!caller && requested.length === 0) throw new ApiError("UNAUTHORIZED");
  const identity = caller ? `user:${caller.id}` : `ip:${input.ip}`;
  const isAnonymous = !caller;
  admit(identity, isAnonymous);
  let slotHeld = true;
  const giveBackSlot = () => {
    if (!slotHeld) return;
    slotHeld = false;
    releaseStreamSlot(identity, isAnonymous);
  };

  const id = nextSnowflake();
  let countGuilds: bigint[];
  try {
    countGuilds = await visibleCountGuilds(requested, caller?.id ?? null);
    if (!caller && countGuilds.length === 0) throw new ApiError("UNKNOWN_GUILD");
    if (caller && !(await openPresenceConnection(caller.id, id))) throw new ApiError("UNAUTHORIZED");
  } catch (error) {
    giveBackSlot();
    throw error;
  }

  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let closed = false;
  const write = (text: string): boolean => {
    if (closed || !controller) return false;
    if (controller.desiredSize !== null && controller.desiredSize < -MAX_QUEUED_CHUNKS) {
      session.close();
      return false;
    }
    try {
      controller.enqueue(encoder.encode(text));
      return true;
    } catch {
      session.close();
      return false;
    }
  };
  const onAbort = () => session.close();
  const session: StreamSession = {
    id,
    userId: caller?.id ?? null,
    identity,
    countGuilds: new Map(countGuilds.map((guildId) => [guildId, ""])),
    send: (type, data) => write(`event: ${type}\ndata: ${JSON.stringify(data)}\n\n`),
    ping: () => write(": ping\n\n"),
    close: () => {
      if (closed) return;
      closed = true;
      removeSession(id);
      giveBackSlot();
      request.signal.removeEventListener("abort", onAbort);
      try {
        controller?.close();
      } catch {
        // already closed or cancelled by the client
      }
      release(session);
    },
  };
  const stream = new ReadableStream<Uint8Array>({
    start: (streamController) => {
      controller = streamController;
    },
    cancel: () => session.close(),
  });

  addSession(session);
  write(`retry: ${RETRY_MS}\n\n`);
  session.send("READY", {
    user_id: caller ? caller.id.toString() : null,
    session_id: id.toString(),
    guild_counts: countGuilds.map(String),
  });
  if (request.signal.aborted) session.close();
  else request.signal.addEventListener("abort", onAbort);
  sendInitialCounts(session).catch(() => {});

  return new Response(stream, {
    status: 200,
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: no proxy (or Next's compression) may buffer the stream to compress it.
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
