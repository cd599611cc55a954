// Which invite row, live or lapsed, holds a name in the one code namespace (compared without case, through
// the unique index on lower(code)). For the vanity availability check; writers rely on the index itself.
import type { Tx } from "@/server/db";

export type CodeHolder = { code: string; guildId: bigint | null; isVanity: boolean };

export async function findCodeHolder(client: Tx, code: string): Promise<CodeHolder | null> {
  const rows = await client.$queryRaw<{ code: string; guild_id: bigint | null; is_vanity: boolean }[]>`
    SELECT "code", "guild_id", "is_vanity" FROM "invites" WHERE lower("code") = lower(${code}) LIMIT 1`;
  const row = rows[0];
  return row ? { code: row.code, guildId: row.guild_id, isVanity: row.is_vanity } : null;
}
