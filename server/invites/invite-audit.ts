// The audit-log view of an invite's settings, shared by the entries of create (action 40) and delete (action 42).
type InviteSettings = {
  code: string;
  channelId: bigint;
  inviterId: bigint | null;
  uses: number;
  maxUses: number;
  maxAge: number;
  temporary: boolean;
};

export function inviteAuditChanges(invite: InviteSettings, side: "new_value" | "old_value") {
  const values: Record<string, unknown> = {
    code: invite.code,
    channel_id: invite.channelId.toString(),
    inviter_id: invite.inviterId?.toString() ?? null,
    uses: invite.uses,
    max_uses: invite.maxUses,
    max_age: invite.maxAge,
    temporary: invite.temporary,
  };
  return Object.entries(values).map(([key, value]) => ({ key, [side]: value }));
}
