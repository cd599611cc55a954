// The public base URL every link the settings pages print starts with (README: APP_URL), so a
// self-hosted instance shares its own links. The fallback matches scripts/start.mjs.
export function appUrl(): string {
  const raw = process.env.APP_URL?.trim() || `http://localhost:${process.env.PORT ?? 3000}`;
  return raw.replace(/\/+$/, "");
}

/** `{APP_URL}/invite/{code}`: the share link of an invite. */
export function inviteLink(code: string): string {
  return `${appUrl()}/invite/${code}`;
}
