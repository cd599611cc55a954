// What the invite landing page needs beyond lib/guild-assets.ts: the invite splash and user avatars,
// resolved by the same rule (a hash names an image shipped with the app, see guild-assets.ts), so the day
// uploads arrive only guild-assets.ts changes; and a stable hue for pages without a banner.
import { guildBannerUrl } from "./guild-assets";

function hashUrl(hash: string | null): string | null {
  return guildBannerUrl({ iconHash: null, bannerHash: hash });
}

/** The splash shown behind the invite card when the guild has INVITE_SPLASH, or null. */
export function guildSplashUrl(splashHash: string | null): string | null {
  return hashUrl(splashHash);
}

/** A user's avatar, or null (initials are shown instead). */
export function userAvatarUrl(avatarHash: string | null): string | null {
  return hashUrl(avatarHash);
}

/** A stable hue (0-359) for an id, so a guild without a banner still gets its own colour. */
export function idHue(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 360;
}
