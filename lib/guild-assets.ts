// Guild images. There are no uploads yet: an icon or banner hash names an image shipped in public/demo/
// (the demo guild's), so `<hash>` maps to `/demo/<hash>.svg`. Anything else renders the initials fallback.

type GuildImages =
  | { iconHash: string | null; bannerHash: string | null }
  | { icon_hash: string | null; banner_hash: string | null };

const HASH = /^[A-Za-z0-9_-]{1,64}$/;

function assetUrl(hash: string | null | undefined): string | null {
  return hash && HASH.test(hash) ? `/demo/${hash}.svg` : null;
}

/** The guild's icon URL, or null when it has none. Accepts a database row or a wire DTO. */
export function guildIconUrl(guild: GuildImages): string | null {
  return assetUrl("iconHash" in guild ? guild.iconHash : guild.icon_hash);
}

/** The guild's banner URL, or null when it has none. */
export function guildBannerUrl(guild: GuildImages): string | null {
  return assetUrl("bannerHash" in guild ? guild.bannerHash : guild.banner_hash);
}

/** Up to two initials for an avatar fallback: "Fluxer Community" → "FC", "gaming" → "G". */
export function initials(name: string): string {
  const words = name
    .trim()
    .split(/[\s_.-]+/)
    .filter(Boolean);
  const letters =
    words.length > 1
      ? [words[0]!, words[1]!].map((w) => Array.from(w)[0] ?? "")
      : [Array.from(words[0] ?? "?")[0] ?? "?"];
  return letters.join("").toUpperCase();
}
