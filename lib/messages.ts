// What the pages say to people, in one place: per form or page, by the API's error code (lib/errors.ts) or
// the form's own condition. The API's own messages stay in lib/errors.ts (they are part of the wire format);
// these are the sentences a person reads, which may name what they were doing.
import type { ErrorCode } from "@/lib/errors";

/**
 * Why a sign-in was refused. The keys are what the Auth.js credentials callback puts in its redirect to the
 * login page (`/login?error=CredentialsSignin&code=rate_limited`); the login, register and password forms
 * show the same words.
 */
export const SIGN_IN_REFUSALS = {
  credentials: "Wrong email or password. Check both and try again.",
  rate_limited: "Too many attempts. Wait a few minutes and try again.",
  unavailable: "Too many people are signing in right now. Try again in a few seconds.",
} as const;

export type SignInRefusal = keyof typeof SIGN_IN_REFUSALS;

/** The words for a login page's `?error=…&code=…`, or null when there is no error to show. */
export function signInErrorMessage(error: unknown, code: unknown): string | null {
  if (typeof error !== "string" || error === "") return null;
  if (error === "CredentialsSignin" && typeof code === "string" && Object.hasOwn(SIGN_IN_REFUSALS, code))
    return SIGN_IN_REFUSALS[code as SignInRefusal];
  return "Signing in failed. Try again.";
}

/** The landing page's Accept button, when the join fails; `isFinal` ones also disable it (retrying can't help). */
export const ACCEPT_MESSAGES: Partial<Record<ErrorCode, { text: string; isFinal: boolean }>> = {
  UNKNOWN_INVITE: {
    text: "This invite is no longer valid. It may have expired, been used up or been revoked.",
    isFinal: true,
  },
  INVITES_DISABLED: { text: "This guild has paused invites. Try again later.", isFinal: true },
  USER_BANNED_FROM_GUILD: { text: "You can't join this guild.", isFinal: true },
  MAX_GUILDS: {
    text: "You're already in 100 guilds, the most you can be in. Leave one to join this one.",
    isFinal: true,
  },
  MAX_GROUP_DM_RECIPIENTS: { text: "This group is full: a group DM holds at most 10 people.", isFinal: true },
  RATE_LIMITED: { text: "Too many attempts. Wait a few seconds and try again.", isFinal: false },
  CONFLICT: { text: "Lots of people are joining right now. Please try again.", isFinal: false },
};

export const ACCEPT_FAILED = "Something went wrong on our side. Please try again.";

/** The vanity URL form: the live check in the browser and the server action say the same thing. */
export const VANITY_MESSAGES: Record<string, string> = {
  VANITY_URL_CODE_LENGTH_INVALID: "Use 3 to 32 characters.",
  VANITY_URL_INVALID_CHARACTERS:
    "Use only letters a-z, digits 0-9 and hyphens, with no hyphen at the start or end.",
  VANITY_URL_RESERVED: "That word is reserved for the app's own pages. Pick another.",
  VANITY_URL_CODE_ALREADY_TAKEN: "That vanity URL is already taken. Pick another.",
  VANITY_URL_REQUIRES_FEATURE: "Vanity URLs are not enabled for this guild.",
  VANITY_URL_NO_PUBLIC_CHANNEL:
    "Visitors need a text channel everyone can view to land in. Create one or open one to @everyone first.",
  MAX_INVITES: "This guild already has 1000 invites, the most allowed. Revoke some first.",
  RATE_LIMITED: "You changed the vanity URL too often. Wait a minute and try again.",
  MISSING_PERMISSIONS: "You no longer have permission to manage this guild.",
  MISSING_ACCESS: "You no longer have permission to manage this guild.",
};

/** The create-invite dialog. `channel` is the channel as the picker shows it ("#general"). */
export const CREATE_INVITE_MESSAGES = {
  noAccess: "You can no longer create invites in this guild.",
  pickChannel: "Pick a channel for the invite.",
  noPermission: (channel: string) => `You don't have permission to create invites in ${channel}.`,
  unknownChannel: "This channel no longer exists. Pick another one.",
  pickMaxAge: "Pick how long the invite lasts.",
  pickMaxUses: "Pick how many times the invite can be used.",
  reasonTooLong: (max: number) => `Keep the reason under ${max} characters.`,
  tooFast: "You are creating invites too fast. Wait a minute and try again.",
  maxInvites: "This guild already has 1000 active invites, the most allowed. Revoke some first.",
  invalid: "The invite settings are not valid.",
  pickRoles: "Pick only roles from the list; they may have changed, so look again.",
  rolesRefused: "You can no longer give one of these roles. Reload the page to see the roles you can give.",
  tooManyRoles: (max: number) => `An invite can give at most ${max} roles.`,
  noTargets: "List the people this invite is for: usernames or user ids.",
  tooManyTargets: (max: number) => `An invite can be for at most ${max} people.`,
  unknownTargets: (names: string) =>
    `No account found for ${names}. Check the spelling, or use their user ids.`,
  ambiguousTargets: (names: string) =>
    `Several people are named ${names}. Add their tag (name#1234) or use their user ids.`,
} as const;

/** The register page and its form, by the instance's registration mode (an invite that can't be used says what ACCEPT_MESSAGES says). */
export const REGISTER_MESSAGES = {
  closedTitle: "Registration is closed",
  closed: "This instance isn't taking new accounts. If you already have one, log in.",
  inviteOnly: "Joining this instance takes an invite. Enter the code you were given.",
} as const;
