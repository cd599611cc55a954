// Image URLs for the invite landing pages: guild icon, banner and splash, and user avatars, built from the
// hashes the invite object carries. The files live on the media CDN (MEDIA_URL, Fluxer's by default); this
// app stores only the hashes. A minimal stand-in until lib/guild-assets.ts (guildIconUrl/guildBannerUrl)
// is on main; then these should defer to it.

export const DEFAULT_MEDIA_URL = "https://fluxerusercontent.com";

type AssetKind = "icons" | "banners" | "splashes" | "avatars";

function mediaBase(base?: string): string {
  return (base ?? process.env.MEDIA_URL ?? DEFAULT_MEDIA_URL).replace(/\/+$/, "");
}

// Hashes are lowercase hex, optionally prefixed "a_" (animated); anything else is never put in a URL.
const HASH_PATTERN = /^(a_)?[0-9a-f]{8,64}$/;

function assetUrl(kind: AssetKind, ownerId: string, hash: string | null, size: number, base?: string): string | null {
  if (!hash || !HASH_PATTERN.test(hash) || !/^\d+$/.test(ownerId)) return null;
  const extension = hash.startsWith("a_") ? "gif" : "png";
  return `${mediaBase(base)}/${kind}/${ownerId}/${hash}.${extension}?size=${size}`;
}

export function guildIconUrl(guildId: string, hash: string | null, size = 128, base?: string): string | null {
  return assetUrl("icons", guildId, hash, size, base);
}

export function guildBannerUrl(guildId: string, hash: string | null, size = 1024, base?: string): string | null {
  return assetUrl("banners", guildId, hash, size, base);
}

export function guildSplashUrl(guildId: string, hash: string | null, size = 2048, base?: string): string | null {
  return assetUrl("splashes", guildId, hash, size, base);
}

export function userAvatarUrl(userId: string, hash: string | null, size = 64, base?: string): string | null {
  return assetUrl("avatars", userId, hash, size, base);
}

/** Up to two letters standing in for a missing icon: first letters of the first two words ("Night Owls" → "NO"). */
export function nameInitials(name: string): string {
  const words = name.trim().split(/[\s_-]+/u).filter(Boolean);
  const letters = words.slice(0, 2).map((word) => Array.from(word)[0] ?? "");
  const initials = letters.join("").toUpperCase();
  return initials || "?";
}

/** A stable hue (0-359) for an id, so a guild without a banner still gets its own colour. */
export function idHue(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 360;
}
