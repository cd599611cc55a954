// Invite lookup by code (spec section 5): only well-formed codes are looked up; exact match first, then
// the lowercased code so vanity URLs resolve in any case. Lapsed invites are never found.
import { lookupCandidates } from "@/lib/invite-code";
import type { Tx } from "@/server/db";
import { inviteInclude, liveInviteWhere, type InviteWithRelations } from "./invite-query";

export async function findLiveInvite(client: Tx, code: string): Promise<InviteWithRelations | null> {
  for (const candidate of lookupCandidates(code)) {
    const invite = await client.invite.findFirst({ where: { code: candidate, ...liveInviteWhere(client) }, include: inviteInclude });
    if (invite) return invite;
  }
  return null;
}
