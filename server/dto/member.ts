import { toPartialUserDto } from "./user";

type MemberRow = {
  userId: bigint;
  nick: string | null;
  joinedAt: Date;
  temporary: boolean;
  user: { id: bigint; username: string; discriminator: number; avatarHash: string | null; isBot: boolean };
  roles: { roleId: bigint }[];
};

/**
 * A guild member: the public user and role ids (never @everyone). How they joined (join source type,
 * source invite code, inviter) stays on the member row but is shown here to nobody, managers included:
 * a source invite code may be a live code the reader was never given, and who brought whom is private.
 */
export function toMemberDto(member: MemberRow) {
  return {
    user: toPartialUserDto(member.user),
    nick: member.nick,
    roles: member.roles.map((r) => r.roleId.toString()),
    joined_at: member.joinedAt.toISOString(),
    temporary: member.temporary,
  };
}
