// URL helpers shared by pages, server actions and tests: the `?next=` return path after login.

const PLACEHOLDER_ORIGIN = "http://next.invalid";

// Pages a return path must never point back to (they would loop or make no sense after signing in).
const NO_RETURN = new Set(["/login", "/register"]);

/**
 * A same-site relative path (`/guilds/1?tab=x`) from an untrusted `next` value, or null.
 * Refuses absolute URLs, protocol-relative `//host`, backslash tricks (`/\host`), control characters
 * and anything that would resolve to another origin.
 */
export function safeNextPath(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return null;
  if (!value.startsWith("/") || value.startsWith("//")) return null;
  // Browsers treat `\` like `/`, and strip tabs and newlines: `/\evil.com` or `/\t/evil.com` leave the site.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, PLACEHOLDER_ORIGIN);
  } catch {
    return null;
  }
  if (url.origin !== PLACEHOLDER_ORIGIN) return null;
  if (NO_RETURN.has(url.pathname)) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** `path` with `?next=` appended when there is a safe return path. */
export function withNextParam(path: "/login" | "/register", next: string | null | undefined): string {
  const safe = safeNextPath(next);
  return safe ? `${path}?next=${encodeURIComponent(safe)}` : path;
}

/**
 * The invite code a return path leads back to: `/invite/CODE` or the short `/CODE`, with any query (the
 * landing page sends `?accept=1`), or null for any other path or an unsafe one. Only the path's shape is
 * checked here; whether the code names a live invite (and isn't a route name) is the server's to say.
 */
export function inviteCodeOfPath(next: unknown): string | null {
  const safe = safeNextPath(next);
  if (!safe) return null;
  const match = /^\/(?:invite\/)?([A-Za-z0-9-]{2,32})$/.exec(new URL(safe, PLACEHOLDER_ORIGIN).pathname);
  return match ? match[1]! : null;
}

/** Where to go after signing in: the safe `next` path, else the guild list. */
export function afterLoginPath(next: unknown): string {
  return safeNextPath(next) ?? "/guilds";
}

/**
 * An absolute URL on `baseUrl`'s origin for an untrusted redirect target (Auth.js's `callbackUrl`): a path
 * of this site that safeNextPath accepts stays; anything else (another site, a malformed or script URL,
 * `//host`) becomes the site's root.
 */
export function sameSiteRedirect(target: unknown, baseUrl: string): string {
  const origin = new URL(baseUrl).origin;
  let path: string | null = null;
  if (typeof target === "string") {
    try {
      const url = new URL(target, origin);
      if (url.origin === origin) path = safeNextPath(`${url.pathname}${url.search}${url.hash}`);
    } catch {
      path = null;
    }
  }
  return `${origin}${path ?? "/"}`;
}

/**
 * A guild's page, opened on `channel`. `joined` marks the first view after joining with an invite: the page
 * greets the member once (it checks the membership itself, so a crafted link greets nobody).
 */
export function guildPath(
  guildId: string,
  options: { channel?: string | null; joined?: boolean } = {},
): string {
  const query = new URLSearchParams();
  if (options.channel) query.set("channel", options.channel);
  if (options.joined) query.set("joined", "1");
  const search = query.toString();
  return `/guilds/${encodeURIComponent(guildId)}${search ? `?${search}` : ""}`;
}
