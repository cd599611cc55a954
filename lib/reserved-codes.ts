// Names that can never be invite or vanity codes, because `{APP_URL}/{code}` would collide with a page
// or file of the app. The landing-page router shares this list.

export const RESERVED_CODES: ReadonlySet<string> = new Set([
  // pages and route groups
  "invite",
  "invites",
  "api",
  "login",
  "logout",
  "register",
  "signup",
  "signin",
  "signout",
  "auth",
  "guilds",
  "guild",
  "settings",
  "channels",
  "channel",
  "users",
  "user",
  "me",
  "home",
  "app",
  "admin",
  "help",
  "docs",
  "about",
  "terms",
  "privacy",
  "support",
  "status",
  "health",
  "oauth2",
  "developers",
  "download",
  "new",
  "join",
  "vanity",
  "account",
  "dashboard",
  // once an internal route of a removed page cache; kept so no invite takes the name
  "landing",
  // framework and static files
  "_next",
  "static",
  "public",
  "assets",
  "favicon.ico",
  "robots.txt",
  "sitemap.xml",
  "manifest.json",
  "manifest.webmanifest",
  "apple-touch-icon.png",
  "icon.png",
  "opengraph-image",
  "twitter-image",
  // error pages
  "404",
  "500",
  "_error",
  "_not-found",
]);

/** Whether a code (any case) is a reserved top-level name. */
export function isReservedCode(code: string): boolean {
  return RESERVED_CODES.has(code.trim().toLowerCase());
}
