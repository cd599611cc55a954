// The app's public base URL (APP_URL): every link it prints starts with it, so a self-hosted instance shares
// its own links, and it decides whether cookies are Secure. The only place that reads APP_URL; the fallback
// matches scripts/start.mjs.

/** APP_URL without a trailing slash, or http://localhost:{PORT} when it is not set. */
export function appUrl(): string {
  const raw = process.env.APP_URL?.trim() || `http://localhost:${process.env.PORT ?? 3000}`;
  return raw.replace(/\/+$/, "");
}

/** Whether APP_URL is set at all (some answers then use the request's own origin instead). */
export function hasAppUrl(): boolean {
  return !!process.env.APP_URL?.trim();
}

/** The origin of APP_URL: what a same-site request's Origin header must be. */
export function appOrigin(): string {
  return new URL(appUrl()).origin;
}

/** The host name shown in images and text (`invites.example.com`). */
export function appHost(): string {
  return new URL(appUrl()).host;
}

/** Served over HTTPS: cookies are then Secure (and Auth.js names its cookie with the __Secure- prefix). */
export function isSecureApp(): boolean {
  return appUrl().startsWith("https://");
}

/** `{APP_URL}/invite/{code}`: the share link of an invite. */
export function inviteLink(code: string): string {
  return `${appUrl()}/invite/${code}`;
}
