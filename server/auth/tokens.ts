// API tokens (spec section 2): random, prefixed, shown once, stored only as a SHA-256 hash, revocable.
import { createHash, randomBytes } from "node:crypto";
import type { Tx } from "@/server/db";
import { db } from "@/server/db";
import { nextSnowflake } from "@/lib/snowflake";

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
  const [scheme, rest] = value.includes(" ") ? [value.slice(0, value.indexOf(" ")), value.slice(value.indexOf(" ") + 1).trim()] : ["", value];
  if (scheme.toLowerCase() === "bot") return { kind: "bot", token: rest };
  if (scheme.toLowerCase() === "bearer") return { kind: "user", token: rest };
  if (scheme === "") return { kind: "user", token: rest };
  return null;
}

/** Resolves a token to its user, or null when unknown, revoked or of the wrong kind. */
export async function findTokenUser(credential: TokenCredential) {
  if (credential.token.length < 10 || credential.token.length > 200) return null;
  if (!credential.token.startsWith(PREFIX[credential.kind])) return null;
  const prisma = await db();
  const row = await prisma.apiToken.findUnique({
    where: { tokenHash: hashToken(credential.token) },
    include: { user: true },
  });
  if (!row || row.revokedAt || row.kind !== credential.kind) return null;
  return row.user;
}

export async function revokeToken(token: string): Promise<void> {
  const prisma = await db();
  await prisma.apiToken.updateMany({ where: { tokenHash: hashToken(token), revokedAt: null }, data: { revokedAt: new Date() } });
}
