// The one query behind member search (the API's POST /guilds/{id}/members-search and the settings Members
// view): PostgreSQL indexes, no search engine, so the count is exact and a search sees every committed join.
// One statement answers the page and the total from the same snapshot. The indexes it leans on are in
// migration 20261201100000_member_search:
// - join order: members (guild_id, joined_at, user_id), walked forwards or backwards and stopped after the page;
// - join source / source code / inviter: their own composite indexes, also in join order;
// - text of 3 characters or more: pg_trgm indexes on users.username and members.nick give the few candidate
//   accounts, then the guild's rows are looked up by primary key; shorter text (which a trigram can't narrow)
//   scans the guild's members;
// - bots or people: the bot ids from a partial index on users, never a join of every member to its user;
// - no filter at all: the total is guilds.member_count, kept exact in the same transaction as every join and leave.
import { FLUXER_EPOCH } from "@/lib/snowflake";
import { db } from "@/server/db";
import { Prisma } from "@/server/generated/prisma/client";

export type MemberSearchFilter = {
  /** Trimmed; null or empty applies no text clause. */
  text: string | null;
  /** Every one must be held. */
  roleIds: bigint[];
  /** Inclusive Unix seconds. */
  joinedAtGte: number | null;
  joinedAtLte: number | null;
  /** Null: any. */
  joinSourceTypes: number[] | null;
  sourceInviteCodes: string[] | null;
  /** Null: any; else the id of the inviter recorded on the membership. */
  inviterId: bigint | null;
  isBot: boolean | null;
  /** Inclusive Unix seconds, read from the account's snowflake. */
  userCreatedAtGte: number | null;
  userCreatedAtLte: number | null;
};

export type MemberSearchSort = { by: "joinedAt" | "relevance"; order: "asc" | "desc" };

export type MemberSearchRow = {
  user_id: bigint;
  nick: string | null;
  joined_at: Date;
  join_source_type: number;
  source_invite_code: string | null;
  inviter_id: bigint | null;
  username: string;
  discriminator: number;
  avatar_hash: string | null;
  is_bot: boolean;
  role_ids: string[];
};

export const EMPTY_FILTER: MemberSearchFilter = {
  text: null,
  roleIds: [],
  joinedAtGte: null,
  joinedAtLte: null,
  joinSourceTypes: null,
  sourceInviteCodes: null,
  inviterId: null,
  isBot: null,
  userCreatedAtGte: null,
  userCreatedAtLte: null,
};

/** Shorter text can't be narrowed by a trigram index. */
const TRIGRAM_MIN_LENGTH = 3;
const SNOWFLAKE_TEXT = /^\d{1,20}$/;
const DISCRIMINATOR_TEXT = /^\d{4}$/;
const MAX_BIGINT = (1n << 63n) - 1n;

function likePattern(text: string, anchored: "contains" | "prefix"): string {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return anchored === "contains" ? `%${escaped}%` : `${escaped}%`;
}

/** The smallest snowflake minted at or after `ms`, and the largest minted at or before it (ms precision). */
function snowflakeAtOrAfter(ms: bigint): bigint {
  return ms <= FLUXER_EPOCH ? 0n : (ms - FLUXER_EPOCH) << 22n;
}
function snowflakeAtOrBefore(ms: bigint): bigint {
  return ms < FLUXER_EPOCH ? -1n : ((ms - FLUXER_EPOCH) << 22n) | 0x3fffffn;
}

type TextPlan = { clause: Prisma.Sql; needsUsers: boolean };

function textClause(guildId: bigint, text: string): TextPlan {
  const contains = likePattern(text, "contains");
  const id = SNOWFLAKE_TEXT.test(text) && BigInt(text) <= MAX_BIGINT ? BigInt(text) : null;
  const discriminator = DISCRIMINATOR_TEXT.test(text) ? Number(text) : null;
  if (text.length < TRIGRAM_MIN_LENGTH) {
    const parts = [Prisma.sql`u."username" ILIKE ${contains}`, Prisma.sql`m."nick" ILIKE ${contains}`];
    if (id !== null) parts.push(Prisma.sql`m."user_id" = ${id}`);
    return { clause: Prisma.sql`(${Prisma.join(parts, " OR ")})`, needsUsers: true };
  }
  // Candidates from the indexes, then the guild's own rows by primary key.
  const candidates = [
    Prisma.sql`SELECT cu."id" FROM "users" cu WHERE cu."username" ILIKE ${contains}`,
    Prisma.sql`SELECT cm."user_id" FROM "members" cm WHERE cm."guild_id" = ${guildId} AND cm."nick" ILIKE ${contains}`,
  ];
  if (discriminator !== null)
    candidates.push(Prisma.sql`SELECT cd."id" FROM "users" cd WHERE cd."discriminator" = ${discriminator}`);
  if (id !== null) candidates.push(Prisma.sql`SELECT ${id}::bigint`);
  return {
    clause: Prisma.sql`m."user_id" IN (${Prisma.join(candidates, " UNION ALL ")})`,
    needsUsers: false,
  };
}

function whereClauses(
  guildId: bigint,
  filter: MemberSearchFilter,
): { clauses: Prisma.Sql[]; needsUsers: boolean } {
  const clauses: Prisma.Sql[] = [];
  let needsUsers = false;
  if (filter.text) {
    const plan = textClause(guildId, filter.text);
    clauses.push(plan.clause);
    needsUsers ||= plan.needsUsers;
  }
  for (const roleId of filter.roleIds) {
    clauses.push(
      Prisma.sql`EXISTS (SELECT 1 FROM "member_roles" mr WHERE mr."guild_id" = m."guild_id" AND mr."user_id" = m."user_id" AND mr."role_id" = ${roleId})`,
    );
  }
  if (filter.joinedAtGte !== null)
    clauses.push(Prisma.sql`m."joined_at" >= ${new Date(filter.joinedAtGte * 1000)}`);
  // Whole seconds, inclusive: anything before the next second.
  if (filter.joinedAtLte !== null)
    clauses.push(Prisma.sql`m."joined_at" < ${new Date((filter.joinedAtLte + 1) * 1000)}`);
  if (filter.joinSourceTypes !== null) {
    clauses.push(
      filter.joinSourceTypes.length
        ? Prisma.sql`m."join_source_type" IN (${Prisma.join(filter.joinSourceTypes)})`
        : Prisma.sql`false`,
    );
  }
  if (filter.sourceInviteCodes !== null) {
    clauses.push(
      filter.sourceInviteCodes.length
        ? Prisma.sql`m."source_invite_code" IN (${Prisma.join(filter.sourceInviteCodes)})`
        : Prisma.sql`false`,
    );
  }
  if (filter.inviterId !== null) clauses.push(Prisma.sql`m."inviter_id" = ${filter.inviterId}`);
  // Bots are few: their ids come from a partial index, so neither answer joins every member to its user.
  if (filter.isBot !== null) {
    const bots = Prisma.sql`SELECT b."id" FROM "users" b WHERE b."is_bot"`;
    clauses.push(
      filter.isBot ? Prisma.sql`m."user_id" IN (${bots})` : Prisma.sql`m."user_id" NOT IN (${bots})`,
    );
  }
  if (filter.userCreatedAtGte !== null)
    clauses.push(Prisma.sql`m."user_id" >= ${snowflakeAtOrAfter(BigInt(filter.userCreatedAtGte) * 1000n)}`);
  if (filter.userCreatedAtLte !== null)
    clauses.push(
      Prisma.sql`m."user_id" <= ${snowflakeAtOrBefore(BigInt(filter.userCreatedAtLte) * 1000n + 999n)}`,
    );
  return { clauses, needsUsers };
}

/** 0 for an exact name, 1 for a name that starts with the text, 2 for the rest. */
function relevanceRank(text: string | null): Prisma.Sql {
  if (!text) return Prisma.sql`0`;
  const prefix = likePattern(text, "prefix");
  return Prisma.sql`CASE WHEN lower(u."username") = lower(${text}::text) OR lower(m."nick") = lower(${text}::text) THEN 0
    WHEN u."username" ILIKE ${prefix} OR m."nick" ILIKE ${prefix} THEN 1 ELSE 2 END`;
}

/**
 * One page of the guild's members matching `filter`, in `sort` order, and the exact number of matches.
 * Join time ties are broken by descending user id, in either direction; relevance puts exact then prefix
 * name matches first, then by descending user id.
 */
export async function runMemberSearch(
  guildId: bigint,
  filter: MemberSearchFilter,
  sort: MemberSearchSort,
  limit: number,
  offset: number,
) {
  const { clauses, needsUsers } = whereClauses(guildId, filter);
  const where = Prisma.join([Prisma.sql`m."guild_id" = ${guildId}`, ...clauses], " AND ");
  const total = clauses.length
    ? Prisma.sql`(SELECT count(*)::int FROM "members" m ${needsUsers ? Prisma.sql`JOIN "users" u ON u."id" = m."user_id"` : Prisma.empty} WHERE ${where})`
    : Prisma.sql`(SELECT g."member_count" FROM "guilds" g WHERE g."id" = ${guildId})`;
  const direction = sort.order === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  const inner =
    sort.by === "relevance"
      ? Prisma.sql`"rank", m."user_id" DESC`
      : Prisma.sql`m."joined_at" ${direction}, m."user_id" DESC`;
  const outer =
    sort.by === "relevance"
      ? Prisma.sql`p."rank", p."user_id" DESC`
      : Prisma.sql`p."joined_at" ${direction}, p."user_id" DESC`;
  const rows = await (
    await db()
  ).$queryRaw<(MemberSearchRow & { total: number; rank: number | null })[]>`
    WITH page AS (
      SELECT m."user_id", m."nick", m."joined_at", m."join_source_type", m."source_invite_code", m."inviter_id",
             u."username", u."discriminator", u."avatar_hash", u."is_bot", ${relevanceRank(filter.text)} AS "rank"
        FROM "members" m JOIN "users" u ON u."id" = m."user_id"
       WHERE ${where}
       ORDER BY ${inner}
       LIMIT ${limit} OFFSET ${offset}
    )
    SELECT t."total", p.*,
           ARRAY(SELECT mr."role_id"::text FROM "member_roles" mr WHERE mr."guild_id" = ${guildId} AND mr."user_id" = p."user_id" ORDER BY mr."role_id") AS "role_ids"
      FROM (SELECT ${total} AS "total") t LEFT JOIN page p ON true
     ORDER BY ${outer}`;
  const totalCount = Number(rows[0]?.total ?? 0);
  const members: MemberSearchRow[] = rows.filter((row) => row.user_id !== null);
  return { members, total: totalCount };
}
