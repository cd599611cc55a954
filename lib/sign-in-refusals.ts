// Why a sign-in was refused, in words, by code. The codes are what the Auth.js credentials callback puts in
// its redirect to the login page (`/login?error=CredentialsSignin&code=rate_limited`); the login form's
// server action shows the same words.

export const SIGN_IN_REFUSALS = {
  credentials: "Wrong email or password. Check both and try again.",
  rate_limited: "Too many attempts. Wait a few minutes and try again.",
  unavailable: "Too many people are signing in right now. Try again in a few seconds.",
} as const;

export type SignInRefusal = keyof typeof SIGN_IN_REFUSALS;

/** The words for a login page's `?error=…&code=…`, or null when there is no error to show. */
export function signInErrorMessage(error: unknown, code: unknown): string | null {
  if (typeof error !== "string" || error === "") return null;
  if (error === "CredentialsSignin" && typeof code === "string" && Object.hasOwn(SIGN_IN_REFUSALS, code)) return SIGN_IN_REFUSALS[code as SignInRefusal];
  return "Signing in failed. Try again.";
}
