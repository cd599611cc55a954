// "Log in to accept" remembers, in a short-lived http-only cookie, which invite the visitor asked to join.
// Only a page load that carries both `?accept=1` and this cookie (set by the visitor's own click, a POST
// that passed Next's Origin check) may submit the accept form on its own after sign-in. A bare link with
// `?accept=1` that someone else crafted therefore never joins anybody: it only highlights the button.
import { cookies } from "next/headers";
import { isSecureApp } from "@/server/config/app-url";

export const PENDING_ACCEPT_COOKIE = "fluxer.pending-invite";
const PENDING_ACCEPT_SECONDS = 30 * 60;

export async function rememberPendingAccept(code: string): Promise<void> {
  (await cookies()).set(PENDING_ACCEPT_COOKIE, code, {
    httpOnly: true,
    sameSite: "lax",
    secure: isSecureApp(),
    path: "/",
    maxAge: PENDING_ACCEPT_SECONDS,
  });
}

export async function isPendingAccept(code: string): Promise<boolean> {
  return (await cookies()).get(PENDING_ACCEPT_COOKIE)?.value === code;
}

export async function forgetPendingAccept(): Promise<void> {
  const jar = await cookies();
  if (jar.has(PENDING_ACCEPT_COOKIE)) jar.delete(PENDING_ACCEPT_COOKIE);
}
