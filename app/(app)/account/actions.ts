"use server";
// Form actions of the account page. Each checks the signed-in user itself; Next checks each action's Origin.
import { redirect } from "next/navigation";
import { changePasswordFromForm } from "@/server/account/change-password-from-form";
import { signOut } from "@/server/auth/next-auth";
import { requirePageUser } from "@/server/auth/page-user";
import { logOutEverywhere } from "@/server/users/end-sessions";
import type { ChangePasswordState } from "@/lib/account/form-state";

// Change the password; this browser stays signed in, every other session ends. On success the page is
// loaded again (with this browser's new session cookie: the old one ended with the others).
export async function changePasswordAction(
  _state: ChangePasswordState,
  formData: FormData,
): Promise<ChangePasswordState> {
  const user = await requirePageUser("/account");
  const state = await changePasswordFromForm(user, formData);
  if (state === "signed-out") redirect("/login");
  if (state === "changed") redirect("/account?password=changed");
  return state;
}

// End every session of the user (browsers and user tokens), this one included, then the login page.
export async function logOutEverywhereAction(): Promise<void> {
  const user = await requirePageUser("/account");
  await logOutEverywhere(user.id);
  await signOut({ redirect: false });
  redirect("/login");
}
