// Where the landing page's buttons go. The sign-in pages accept a safe `next` path and send
// the user back to it: `/login?next=/invite/CODE?accept=1`.

export function invitePath(code: string, accept = false): string {
  return `/invite/${encodeURIComponent(code)}${accept ? "?accept=1" : ""}`;
}

/** The register page also gets the code itself, to fill in where registering takes an invite. */
export function signInPath(intent: "login" | "register", code: string): string {
  const invite = intent === "register" ? `invite=${encodeURIComponent(code)}&` : "";
  return `/${intent}?${invite}next=${encodeURIComponent(invitePath(code, true))}`;
}

/** Where a member goes from the invite: the guild page, or the app's home for a group DM. */
export function destinationPath(guildId: string | null): string {
  return guildId ? `/guilds/${guildId}` : "/";
}
