// API tokens: random, prefixed, shown once, stored only as a SHA-256 hash, revocable.
//
// Looking a token up is a read on every API request, so its owner is kept for a few seconds and forgotten on
// every instance when the token, or every session of the user, is revoked (credential-cache.ts). Lookups that
// miss while one is in the database go together in the next one (a burst of new clients: one query).
import { createHash, randomBytes } from "node:crypto";
import { nextSnowflake } from "@/lib/snowflake";
import { db } from "@/server/db";
import { Coalescer } from "@/server/db/coalesce";
import { publishEvent } from "@/server/events/publish";
import { cached, readMark, remember } from "./credential-cache";
import type { Tx } from "@/server/db";
import type { User } from "@/server/generated/prisma/client";

export type TokenKind = "user" | "bot";

const PREFIX: Record<TokenKind, string> = { user: "flx_", bot: "flxb_" };

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Creates a token for the user and returns it in clear text; only its hash is stored. */
export async function issueToken(userId: bigint, kind: TokenKind, tx?: Tx): Promise<string> {
  const token = PREFIX[kind] + randomBytes(32).toString("base64url");
  const client = tx ?? (await db());
  await client.apiToken.create({ data: { id: nextSnowflake(), userId, kind, tokenHash: hashToken(token) } });
  return token;
}

export type TokenCredential = { kind: TokenKind; token: string };

/** Reads `Authorization: <token>`, `Bearer <token>` or `Bot <token>`. */
export function readAuthorization(header: string | null): TokenCredential | null {
  if (!header) return null;
  const value = header.trim();
  const [scheme, rest] = value.includes(" ")
    ? [value.slice(0, value.indexOf(" ")), value.slice(value.indexOf(" ") + 1).trim()]
    : ["", value];
  if (scheme.toLowerCase() === "bot") return { kind: "bot", token: rest };
  if (scheme.toLowerCase() === "bearer") return { kind: "user", token: rest };
  if (scheme === "") return { kind: "user", token: rest };
  return null;
}

type TokenOwner = { kind: string; user: User };

async function loadOwners(hashes: string[]): Promise<(TokenOwner | null)[]> {
  const rows = await (
    await db()
  ).apiToken.findMany({
    where: { tokenHash: { in: [...new Set(hashes)] }, revokedAt: null },
    include: { user: true },
  });
  const byHash = new Map(rows.map((row) => [row.tokenHash, { kind: row.kind, user: row.user }]));
  return hashes.map((hash) => byHash.get(hash) ?? null);
}

// One per process (Next may load this module in several bundles).
const holder = globalThis as Record<string, unknown> as {
  __fluxerTokenOwners?: Coalescer<string, TokenOwner | null>;
};

/** Resolves a token to its user, or null when unknown, revoked or of the wrong kind. */
export async function findTokenUser(credential: TokenCredential): Promise<User | null> {
  if (credential.token.length < 10 || credential.token.length > 200) return null;
  if (!credential.token.startsWith(PREFIX[credential.kind])) return null;
  const hash = hashToken(credential.token);
  let owner = cached<TokenOwner>("tokens", hash);
  if (!owner) {
    const mark = readMark();
    const loaded = await (holder.__fluxerTokenOwners ??= new Coalescer(loadOwners, 200)).submit(hash);
    if (!loaded) return null;
    remember("tokens", hash, loaded.user.id, loaded, mark);
    owner = loaded;
  }
  return owner.kind === credential.kind ? owner.user : null;
}

/** Revokes one token (log-out): every instance forgets it before its next request. */
export async function revokeToken(token: string): Promise<void> {
  const prisma = await db();
  const rows = await prisma.$queryRaw<{ user_id: bigint }[]>`
    UPDATE "api_tokens" SET "revoked_at" = now() WHERE "token_hash" = ${hashToken(token)} AND "revoked_at" IS NULL RETURNING "user_id"`;
  for (const row of rows)
    await publishEvent({ type: "USER_SESSIONS_REVOKED", userId: row.user_id, tokenOnly: true });
}
