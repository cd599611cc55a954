// What the landing card, its metadata and its Open Graph image show, derived once from the invite object.
import { guildBannerUrl, guildIconUrl } from "@/lib/guild-assets";
import { guildSplashUrl, idHue, userAvatarUrl } from "@/lib/invite-assets";
import { groupDisplayName, membersLabel, onlineLabel } from "./invite-format";
import type { InviteLanding } from "./landing";

export type FoundLanding = Extract<InviteLanding, { status: "found" }>;
type InviteDto = FoundLanding["invite"];

/** What the card shows, derived once from the invite object. */
export function describeInvite(invite: InviteDto) {
  const guild = invite.guild;
  const features = guild?.features ?? [];
  const recipients =
    invite.channel && "recipients" in invite.channel ? invite.channel.recipients.map((r) => r.username) : [];
  const name = guild ? guild.name : groupDisplayName(invite.channel?.name ?? null, recipients);
  const hueSource = guild?.id ?? invite.channel_id;
  return {
    name,
    hue: idHue(hueSource),
    iconUrl: guild ? guildIconUrl(guild) : null,
    bannerUrl: guild ? guildBannerUrl(guild) : null,
    splashUrl: guild && features.includes("INVITE_SPLASH") ? guildSplashUrl(guild.splash_hash) : null,
    isVerified: features.includes("VERIFIED"),
    channelName: guild ? (invite.channel?.name ?? null) : null,
    recipients,
    inviter: invite.inviter
      ? {
          name: invite.inviter.username,
          avatarUrl: userAvatarUrl(invite.inviter.avatar_hash),
          hue: idHue(invite.inviter.id),
        }
      : null,
    members: invite.approximate_member_count ?? 0,
    online: invite.approximate_presence_count ?? 0,
    expiresAt: invite.expires_at ?? null,
  };
}

export type InviteDescription = ReturnType<typeof describeInvite>;

/** "alice invited you to join Night Owls on Fluxer. 1,234 Members · 56 Online" (link unfurls). */
export function inviteSummary(invite: InviteDto, view: InviteDescription): string {
  const who = view.inviter ? `${view.inviter.name} invited you` : "You've been invited";
  const where = invite.guild ? `to join ${view.name} on Fluxer.` : `to a group DM (${view.name}) on Fluxer.`;
  const counts = invite.guild
    ? `${membersLabel(view.members)} · ${onlineLabel(view.online)}`
    : membersLabel(view.members);
  return `${who} ${where} ${counts}`;
}
