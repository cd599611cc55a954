import { toPartialUserDto } from "./user";

type MemberRow = {
  userId: bigint;
  nick: string | null;
  joinedAt: Date;
  temporary: boolean;
  joinSourceType: number;
  sourceInviteCode: string | null;
  inviterId: bigint | null;
  user: { id: bigint; username: string; discriminator: number; avatarHash: string | null; isBot: boolean };
  roles: { roleId: bigint }[];
};

/** A guild member: the public user, role ids (never @everyone), and how they joined. */
export function toMemberDto(member: MemberRow) {
  return {
    user: toPartialUserDto(member.user),
    nick: member.nick,
    roles: member.roles.map((r) => r.roleId.toString()),
    joined_at: member.joinedAt.toISOString(),
    temporary: member.temporary,
    join_source_type: member.joinSourceType,
    source_invite_code: member.sourceInviteCode,
    inviter_id: member.inviterId?.toString() ?? null,
  };
}
