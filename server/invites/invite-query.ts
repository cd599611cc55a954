// What every invite read shares: the relations the DTO needs and the "live" filter. An expired or used-up
// invite is dead the moment it lapses, so every query that looks for invites applies liveInviteWhere.
import type { Tx } from "@/server/db";
import type { Prisma } from "@/server/generated/prisma/client";

export const inviteInclude = {
  guild: true,
  channel: {
    include: {
      recipients: { include: { user: { select: { username: true } } }, orderBy: { addedAt: "asc" } },
    },
  },
  inviter: true,
  // The roles it gives, highest first (the landing page and the invite object list them in that order).
  roles: {
    select: { role: { select: { id: true, name: true, color: true } } },
    orderBy: [{ role: { position: "desc" } }, { roleId: "asc" }],
  },
} satisfies Prisma.InviteInclude;

export type InviteWithRelations = Prisma.InviteGetPayload<{ include: typeof inviteInclude }>;

/** Not expired and not used up, as of `now`. */
export function liveInviteWhere(client: Tx, now: Date = new Date()): Prisma.InviteWhereInput {
  return {
    AND: [
      { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      { OR: [{ maxUses: 0 }, { uses: { lt: client.invite.fields.maxUses } }] },
    ],
  };
}
