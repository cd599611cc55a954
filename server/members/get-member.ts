import { ApiError } from "@/lib/errors";
import { db } from "@/server/db";
import { toMemberDto } from "@/server/dto/member";
import { requireGuildMember } from "@/server/guilds/access";
import type { Caller } from "@/server/auth/caller";

/** One member of a guild the caller belongs to; 404 UNKNOWN_MEMBER when that user is not in it. */
export async function getMember(guildId: bigint, userId: bigint, caller: Caller) {
  await requireGuildMember(guildId, caller);
  const prisma = await db();
  const member = await prisma.member.findUnique({
    where: { guildId_userId: { guildId, userId } },
    include: { user: true, roles: true },
  });
  if (!member) throw new ApiError("UNKNOWN_MEMBER");
  return toMemberDto(member);
}
