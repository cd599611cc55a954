// Where a signed-in viewer stands with an invite: a member already, banned, or free to join. One query,
// shared by the page's own load (load-invite-landing.ts) and the HTTP server's answer from a kept page
// (landing-fast-path.ts), so both show the same variant.
import { InviteType } from "@/lib/constants";
import { db } from "@/server/db";

export type SignedInViewerKind = "member" | "not-member" | "banned";

type InviteTarget = { type: number; guild_id: string | null; channel_id: string };

export async function signedInViewerKind(invite: InviteTarget, userId: bigint): Promise<SignedInViewerKind> {
  const prisma = await db();
  if (invite.type === InviteType.GROUP_DM) {
    const rows = await prisma.$queryRaw<{ is_member: boolean }[]>`
      SELECT EXISTS (SELECT 1 FROM channel_recipients WHERE channel_id = ${BigInt(invite.channel_id)} AND user_id = ${userId}) AS is_member`;
    return rows[0]?.is_member ? "member" : "not-member";
  }
  const guildId = BigInt(invite.guild_id ?? "0");
  const rows = await prisma.$queryRaw<{ is_member: boolean; is_banned: boolean }[]>`
    SELECT EXISTS (SELECT 1 FROM members WHERE guild_id = ${guildId} AND user_id = ${userId}) AS is_member,
           EXISTS (SELECT 1 FROM bans WHERE guild_id = ${guildId} AND user_id = ${userId}) AS is_banned`;
  const row = rows[0];
  return row?.is_member ? "member" : row?.is_banned ? "banned" : "not-member";
}
