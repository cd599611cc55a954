// Turns an invite row into its wire object, adding the presence count when counts are asked for.
import { toInviteDto, type InviteDto, type InviteDtoOptions } from "@/server/dto/invite";
import { approximatePresenceCount } from "./presence-count";
import type { InviteWithRelations } from "./invite-query";

export async function inviteResponse(
  row: InviteWithRelations,
  options: Omit<InviteDtoOptions, "presenceCount">,
): Promise<InviteDto> {
  const presenceCount = options.withCounts
    ? await approximatePresenceCount({ guildId: row.guildId, channelId: row.channelId })
    : undefined;
  return toInviteDto(row, { ...options, presenceCount });
}
