// Each instance on PostgreSQL leases a snowflake worker id (0-1023) in the database, so no two running
// instances ever share one, whatever their process ids. The lease lasts 60 s and is renewed every 15 s; one
// that lapses (a crashed instance) is free for the next instance to start. An instance that finds its lease
// gone (it could not renew for a minute, and another instance took the id) leases a new one before it makes
// more ids. WORKER_ID, when set, is the operator's choice and is used as is. PGlite is one process: its
// process-derived id needs no lease.
import { randomUUID } from "node:crypto";
import { errorMessage } from "@/lib/error-message";
import { processState } from "@/lib/process-state";
import { setSnowflakeWorker } from "@/lib/snowflake";
import { log } from "@/server/log";
import type { PrismaClient } from "@/server/generated/prisma/client";

const LEASE_SECONDS = 60;
const RENEW_MS = 15_000;

const state = processState<{
  owner: string;
  workerId: number | null;
  timer: ReturnType<typeof setInterval> | null;
}>("__fluxerSnowflakeLease", () => ({ owner: randomUUID(), workerId: null, timer: null }));

/** Leases a free worker id for `owner` (exported for tests: instances differ only by owner). */
export async function claimWorkerId(prisma: PrismaClient, owner: string): Promise<number> {
  // Free ids first (never leased, or lapsed); two instances racing for the same one: one insert wins, the
  // other's conditional update matches nothing and it tries again.
  for (let attempt = 0; attempt < 20; attempt++) {
    const rows = await prisma.$queryRaw<{ worker_id: number }[]>`
      INSERT INTO "snowflake_workers" ("worker_id", "owner", "expires_at")
      SELECT w, ${owner}, now() + make_interval(secs => ${LEASE_SECONDS})
      FROM generate_series(0, 1023) AS w
      WHERE NOT EXISTS (SELECT 1 FROM "snowflake_workers" s WHERE s."worker_id" = w AND s."expires_at" > now())
      ORDER BY w
      LIMIT 1
      ON CONFLICT ("worker_id") DO UPDATE SET "owner" = EXCLUDED."owner", "expires_at" = EXCLUDED."expires_at"
        WHERE "snowflake_workers"."expires_at" <= now()
      RETURNING "worker_id"`;
    const workerId = rows[0]?.worker_id;
    if (workerId !== undefined) return Number(workerId);
  }
  throw new Error("no free snowflake worker id: more than 1024 instances share this database");
}

async function renew(prisma: PrismaClient) {
  if (state.workerId === null) return;
  const rows = await prisma.$queryRaw<{ worker_id: number }[]>`
    UPDATE "snowflake_workers" SET "expires_at" = now() + make_interval(secs => ${LEASE_SECONDS})
    WHERE "worker_id" = ${state.workerId} AND "owner" = ${state.owner}
    RETURNING "worker_id"`;
  if (rows.length > 0) return;
  log.warn("snowflake worker lease lost; leasing another", { worker_id: state.workerId });
  state.workerId = await claimWorkerId(prisma, state.owner);
  setSnowflakeWorker(state.workerId);
}

/** Leases this instance's worker id (PostgreSQL) and keeps the lease; returns the id in use. */
export async function leaseSnowflakeWorker(prisma: PrismaClient): Promise<number> {
  if (process.env.WORKER_ID) return Number(process.env.WORKER_ID) & 0x3ff;
  if (state.workerId === null) {
    state.workerId = await claimWorkerId(prisma, state.owner);
    setSnowflakeWorker(state.workerId);
    log.info("snowflake worker leased", { worker_id: state.workerId });
  }
  state.timer ??= setInterval(() => {
    renew(prisma).catch((error) =>
      log.warn("snowflake worker lease not renewed", { error: errorMessage(error) }),
    );
  }, RENEW_MS);
  state.timer.unref?.();
  return state.workerId;
}
