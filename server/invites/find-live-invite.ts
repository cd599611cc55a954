// Invite lookup by code: only well-formed codes are looked up; the exact code first, then the lowercased
// code, which may only find a vanity code: vanity URLs resolve in any case, while random codes are
// case-sensitive (a case variant of one is unknown, never another spelling of it). Lapsed invites are
// never found.
import { lookupCandidates } from "@/lib/invite-code";
import { inviteInclude, liveInviteWhere, type InviteWithRelations } from "./invite-query";
import type { Tx } from "@/server/db";

export async function findLiveInvite(client: Tx, code: string): Promise<InviteWithRelations | null> {
  const [exact, lowered] = lookupCandidates(code);
  if (exact === undefined) return null;
  const invite = await client.invite.findFirst({
    where: { code: exact, ...liveInviteWhere(client) },
    include: inviteInclude,
  });
  if (invite || lowered === undefined) return invite;
  return client.invite.findFirst({
    where: { code: lowered, isVanity: true, ...liveInviteWhere(client) },
    include: inviteInclude,
  });
}
