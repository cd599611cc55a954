"use server";
// The landing page's two POSTs. Server actions carry Next's Origin check (CSRF protection) and the
// session cookie is SameSite=Lax, so a foreign site can't make a signed-in browser join anything.
// Joining goes through the accept use-case (server/invites/accept-invite.ts), the same one POST
// /api/v1/invites/{code} uses, so a page join obeys every rule and limit of an API join.
import { redirect } from "next/navigation";
import { ApiError } from "@/lib/errors";
import { isLookupCode } from "@/lib/invite-code";
import { invitePath, signInPath } from "@/lib/invites/invite-links";
import { ACCEPT_FAILED, ACCEPT_MESSAGES } from "@/lib/messages";
import { guildPath } from "@/lib/urls";
import { currentUser } from "@/server/auth/caller";
import { auth, signOut } from "@/server/auth/next-auth";
import { hit } from "@/server/http/rate-limit";
import { acceptInvite } from "@/server/invites/accept-invite";
import { INVITE_RATE_LIMITS } from "@/server/invites/invite-rate-limits";
import { log } from "@/server/log";
import { forgetPendingAccept, rememberPendingAccept } from "./pending-accept";
import type { AcceptState } from "@/lib/invites/landing";

// POST (form) - join the invite's guild or group DM, then open the guild
export async function acceptInviteFromPage(
  code: string,
  _previous: AcceptState,
  _form: FormData,
): Promise<AcceptState> {
  if (!isLookupCode(code)) return { error: ACCEPT_MESSAGES.UNKNOWN_INVITE!.text, isFinal: true };
  const user = await currentUser();
  if (!user) redirect(signInPath("login", code));
  await forgetPendingAccept();
  const limit = await hit(INVITE_RATE_LIMITS.accept, `user:${user.id}`);
  if (!limit.allowed) return { error: ACCEPT_MESSAGES.RATE_LIMITED!.text, isFinal: false };
  let destination: string;
  try {
    const invite = await acceptInvite(code, user);
    // The guild opens on the invite's channel and greets the new member once. A group DM has no page of
    // its own here: back to the invite, which now says you're in.
    destination = invite.guild_id
      ? guildPath(invite.guild_id, { channel: invite.channel_id, joined: true })
      : invitePath(invite.code);
  } catch (error) {
    const known = error instanceof ApiError ? ACCEPT_MESSAGES[error.code] : undefined;
    if (known) return { error: known.text, isFinal: known.isFinal };
    log.error("accept from landing page failed", { error: String(error) });
    return { error: ACCEPT_FAILED, isFinal: false };
  }
  redirect(destination);
}

// POST (form) - "Log in to accept" / "Create an account": remember the invite, then go sign in
export async function signInToAccept(
  code: string,
  intent: "login" | "register",
  _form: FormData,
): Promise<void> {
  // Bound arguments travel through the browser: never trust them to build a redirect.
  if (!isLookupCode(code)) redirect("/");
  const page = intent === "register" ? "register" : "login";
  await rememberPendingAccept(code);
  const session = await auth();
  // Signed in meanwhile (another tab): straight back to the invite, which now offers to join.
  redirect(session?.user?.id ? invitePath(code, true) : signInPath(page, code));
}

// POST (form) - "Not you? Log out": end this browser's session and show the invite to a signed-out visitor
export async function logOutFromLanding(code: string, _form: FormData): Promise<void> {
  if (!isLookupCode(code)) redirect("/");
  await signOut({ redirect: false });
  redirect(invitePath(code));
}
