// The invite a sign-in page was reached from: "Log in to accept" and "Create an account" send the visitor to
// /login or /register with `next` set to the invite's landing path, and those pages show a small card of
// the invite so the visitor still sees who invited them where. The card is read exactly as the landing page
// reads it (loadInvitePreview: the public preview, never metadata, the same unknown-code limit per client
// address), so it tells nobody more than the landing page at the same address would, and a sign-in page
// can't be used to try codes faster than the landing pages. Anything but a live invite shows no card.
import { inviteCodeOfPath } from "@/lib/urls";
import { log } from "@/server/log";
import { loadInvitePreview } from "./load-invite-preview";
import type { InviteDto } from "@/server/dto/invite";

/** The live invite `next` leads back to, or null (no invite path, unknown, revoked, expired, or rate limited). */
export async function loadReturnInvite(next: string | null): Promise<InviteDto | null> {
  const code = inviteCodeOfPath(next);
  if (!code) return null;
  try {
    const preview = await loadInvitePreview(code);
    return preview.status === "found" ? preview.invite : null;
  } catch (error) {
    // The form matters more than the card: a failed read (the database briefly away) costs only the card.
    log.warn("invite card for the sign-in page failed", { error: String(error) });
    return null;
  }
}
