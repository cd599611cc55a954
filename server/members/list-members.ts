import { db } from "@/server/db";
import { toMemberDto } from "@/server/dto/member";
import { requireGuildMember } from "@/server/guilds/access";
import type { ListMembersQuery } from "@/lib/schemas/members";
import type { Caller } from "@/server/auth/caller";

/** One page of the guild's members, by user id ascending, starting after `after`. */
export async function listMembers(guildId: bigint, caller: Caller, query: ListMembersQuery) {
  await requireGuildMember(guildId, caller);
  const prisma = await db();
  const members = await prisma.member.findMany({
    where: { guildId, ...(query.after !== undefined ? { userId: { gt: query.after } } : {}) },
    orderBy: { userId: "asc" },
    take: query.limit,
    include: { user: true, roles: true },
  });
  return members.map(toMemberDto);
}
