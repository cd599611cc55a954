// GET /guilds/{id}/vanity-url: the guild's vanity code and its use count. MANAGE_GUILD.
// The count belongs to the guild's vanity URL whatever its spelling: the uses of the codes it gave up
// (guilds.retired_vanity_uses) plus the current code's own.
import { Permissions } from "@/lib/permissions";
import { db, type Tx } from "@/server/db";
import { requireGuildMember } from "@/server/guilds/access";
import type { Caller } from "@/server/auth/caller";

export async function findVanityInvite(client: Tx, guildId: bigint) {
  return client.invite.findFirst({ where: { guildId, isVanity: true } });
}

/** The code and the count, read in one query (one snapshot: never between a change's two writes). */
async function readVanity(client: Tx, guildId: bigint): Promise<{ code: string | null; uses: number }> {
  const guild = await client.guild.findUnique({
    where: { id: guildId },
    select: {
      retiredVanityUses: true,
      invites: { where: { isVanity: true }, select: { code: true, uses: true }, take: 1 },
    },
  });
  const current = guild?.invites[0];
  return { code: current?.code ?? null, uses: (guild?.retiredVanityUses ?? 0) + (current?.uses ?? 0) };
}

/** Every use of the guild's vanity URL, under any of its codes. */
export async function vanityUses(client: Tx, guildId: bigint): Promise<number> {
  return (await readVanity(client, guildId)).uses;
}

export async function getVanityUrl(guildId: bigint, caller: Caller) {
  const prisma = await db();
  await requireGuildMember(guildId, caller, Permissions.MANAGE_GUILD, prisma);
  return readVanity(prisma, guildId);
}
