// Who may create an account on this instance (REGISTRATION): anyone (`open`), someone holding a live guild
// invite (`invite`), or nobody (`closed`). Instance admins may register in every mode, so an invite-only or
// closed instance can still get its first admin, who then makes the guilds and invites others need.

export const REGISTRATION_MODES = ["open", "invite", "closed"] as const;

export type RegistrationMode = (typeof REGISTRATION_MODES)[number];

/**
 * The mode a REGISTRATION value names (case and surrounding spaces ignored); unset or empty is `open`. A value
 * that names no mode is `closed` and `isValid` is false: a typo in an instance meant to be private must not
 * let everyone in.
 */
export function parseRegistrationMode(raw: string | undefined): { mode: RegistrationMode; isValid: boolean } {
  const value = (raw ?? "").trim().toLowerCase();
  if (value === "") return { mode: "open", isValid: true };
  const mode = REGISTRATION_MODES.find((m) => m === value);
  return mode ? { mode, isValid: true } : { mode: "closed", isValid: false };
}

/**
 * The invite code in what a person typed or pasted: the code itself, or an invite link (`…/invite/CODE` or
 * `…/CODE`, with or without the scheme) whose last path segment is the code. Whether it names a live invite is
 * the server's to say; empty input is null.
 */
export function inviteCodeFromInput(value: string): string | null {
  const text = value.trim();
  if (text === "") return null;
  if (!text.includes("/")) return text;
  const path = text.split(/[?#]/, 1)[0]!;
  const last = path.split("/").filter(Boolean).pop();
  return last ?? null;
}
