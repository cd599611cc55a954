// GET /guilds/{id}/vanity-url (spec section 6): the guild's vanity code and its own use count. MANAGE_GUILD.
import { Permissions } from "@/lib/permissions";
import type { Caller } from "@/server/auth/caller";
import { db, type Tx } from "@/server/db";
import { requireGuildMember } from "@/server/guilds/access";

export async function findVanityInvite(client: Tx, guildId: bigint) {
  return client.invite.findFirst({ where: { guildId, isVanity: true } });
}

export async function getVanityUrl(guildId: bigint, caller: Caller) {
  const prisma = await db();
  await requireGuildMember(guildId, caller, Permissions.MANAGE_GUILD, prisma);
  const vanity = await findVanityInvite(prisma, guildId);
  return { code: vanity?.code ?? null, uses: vanity?.uses ?? 0 };
}
