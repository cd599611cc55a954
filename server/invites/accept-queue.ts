// Accepts of one invite go to the database together. Every join of a guild holds the guild's row and the
// invite's until its commit, and a commit waits for the disk, so joins of one guild can only follow each
// other at the disk's pace. While one call of accept_invite for an invite is in the database, the accepts of
// that invite arriving on this instance wait here, and the next call takes all of them (up to MAX_BATCH):
// one lock wait and one commit for the lot. A lone accept goes at once; nothing waits for a timer.
// Each user still gets their own outcome, decided under the locks exactly as if they had come alone
// (migration 20261130400000_accept_invite_function).
import { JoinSourceType, LIMITS } from "@/lib/constants";
import { processState } from "@/lib/process-state";
import { db, type PrismaClient, type Tx } from "@/server/db";
import { Coalescer } from "@/server/db/coalesce";
import { transactionNotifyChannel } from "@/server/events/publish";
import { temporaryMemberGraceSeconds } from "@/server/presence/config";

const MAX_BATCH = 100;

/** One row of accept_invite: a user's outcome, and the invite as it is after the call with what its answer needs. */
export type AcceptRow = {
  user_id: bigint;
  outcome: "unknown" | "paused" | "already" | "banned" | "max_guilds" | "max_recipients" | "joined";
  joined_at: Date | null;
  code: string | null;
  type: number;
  guild_id: bigint | null;
  channel_id: bigint;
  inviter_id: bigint | null;
  created_at: Date;
  expires_at: Date | null;
  uses: number;
  max_uses: number;
  max_age: number;
  temporary: boolean;
  is_vanity: boolean;
  version: number;
  guild_name: string | null;
  guild_icon_hash: string | null;
  guild_banner_hash: string | null;
  guild_splash_hash: string | null;
  guild_features: string[] | null;
  guild_owner_id: bigint | null;
  member_count: number | null;
  presence_count: number | null;
  channel_name: string | null;
  channel_type: number;
  channel_owner_id: bigint | null;
  recipients: string[] | null;
  inviter_username: string | null;
  inviter_discriminator: number | null;
  inviter_avatar_hash: string | null;
  inviter_is_bot: boolean | null;
  everyone_permissions: bigint | null;
  overwrites: { target_id: string; type: number; allow: string; deny: string }[] | null;
  flags: number | null;
  /** The roles the invite gave this user (joined or already a member); empty otherwise. */
  role_ids: bigint[] | null;
  /** Whether the statement sent the joins' GUILD_MEMBER_ADD itself (PostgreSQL's bus). */
  notified: boolean;
};

// One per process (Next may load this module in several bundles), keyed by the code as sent.
const queues = processState<Map<string, Coalescer<bigint, AcceptRow>>>(
  "__fluxerAcceptQueues",
  () => new Map(),
);

/**
 * One call of accept_invite for `userIds`, on `client`: the pool (its own transaction), or a transaction the
 * caller holds open, whose other writes then commit or roll back with the join (registration by invite).
 * The only place that spells out the function's arguments.
 */
export async function callAcceptInvite(
  client: PrismaClient | Tx,
  code: string,
  userIds: bigint[],
): Promise<AcceptRow[]> {
  const channel = transactionNotifyChannel();
  const rows = await client.$queryRaw<Omit<AcceptRow, "notified">[]>`
    SELECT * FROM accept_invite(${code}::text, ${userIds}::bigint[], ${LIMITS.MAX_GUILDS_PER_USER}::int,
      ${LIMITS.MAX_GROUP_DM_RECIPIENTS}::int, ${JoinSourceType.INSTANT_INVITE}::int, ${JoinSourceType.VANITY_URL}::int,
      ${temporaryMemberGraceSeconds()}::int, ${channel}::text)`;
  // One row per user, in the order given.
  if (rows.some((row, i) => row.user_id !== userIds[i]))
    throw new Error("accept_invite answered out of order");
  return rows.map((row) => ({ ...row, notified: channel !== null }));
}

async function acceptAll(code: string, userIds: bigint[]): Promise<AcceptRow[]> {
  return callAcceptInvite(await db(), code, userIds);
}

/** The user's outcome of accepting `code`, decided together with the other accepts of it waiting meanwhile. */
export function acceptTogether(code: string, userId: bigint): Promise<AcceptRow> {
  let queue = queues.get(code);
  if (!queue) {
    const fresh = new Coalescer<bigint, AcceptRow>(
      (userIds) => acceptAll(code, userIds),
      MAX_BATCH,
      () => {
        if (queues.get(code) === fresh) queues.delete(code);
      },
    );
    queues.set(code, (queue = fresh));
  }
  return queue.submit(userId);
}
