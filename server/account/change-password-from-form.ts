// The account page's password form: the fields are checked, the change is made (server/users/
// change-password.ts), errors are put in words, and this browser is signed in again with the new password
// (the change ended its session along with every other one).
import { ApiError } from "@/lib/errors";
import { formText } from "@/lib/form-data";
import { SIGN_IN_REFUSALS } from "@/lib/messages";
import { changePasswordSchema } from "@/lib/schemas/auth";
import { signInWithPassword } from "@/server/auth/browser-sign-in";
import { changePassword } from "@/server/users/change-password";
import type { ChangePasswordField, ChangePasswordState } from "@/lib/account/form-state";
import type { Caller } from "@/server/auth/caller";

const FIELDS: readonly ChangePasswordField[] = ["password", "new_password", "confirm_password"];

function errorState(error: unknown): ChangePasswordState | null {
  if (!(error instanceof ApiError)) return null;
  switch (error.code) {
    case "INVALID_FORM_BODY":
      return { status: "error", fieldErrors: { password: "That is not your current password." } };
    case "RATE_LIMITED":
      return { status: "error", formError: SIGN_IN_REFUSALS.rate_limited };
    case "SERVICE_UNAVAILABLE":
      return { status: "error", formError: SIGN_IN_REFUSALS.unavailable };
    case "CONFLICT":
      return {
        status: "error",
        formError: "Your password was just changed somewhere else. Reload the page and try again.",
      };
    default:
      return null;
  }
}

/**
 * The form's errors; "changed" when the password changed and this browser holds a new session; "signed-out"
 * when it changed but this browser could not sign in again.
 */
export async function changePasswordFromForm(
  user: Caller,
  formData: FormData,
): Promise<ChangePasswordState | "changed" | "signed-out"> {
  const parsed = changePasswordSchema.safeParse({
    password: formText(formData, "password"),
    new_password: formText(formData, "new_password"),
  });
  const fieldErrors: ChangePasswordState["fieldErrors"] = {};
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = FIELDS.find((name) => name === issue.path[0]);
    if (field && !fieldErrors[field]) fieldErrors[field] = issue.message;
  }
  if (formText(formData, "confirm_password") !== formText(formData, "new_password"))
    fieldErrors.confirm_password = "The two new passwords are not the same.";
  if (!parsed.success || Object.keys(fieldErrors).length > 0) return { status: "error", fieldErrors };
  try {
    await changePassword(user.id, parsed.data);
  } catch (error) {
    const state = errorState(error);
    if (state) return state;
    throw error;
  }
  if (!user.email || (await signInWithPassword(user.email, parsed.data.new_password)) !== "signed-in")
    return "signed-out";
  return "changed";
}
