"use server";
// Login and register for the browser. Both sign in through next-auth's Credentials provider (JWT session
// cookie), then go to the safe `next` path. `redirect: false` keeps the final redirect relative. Sign-in
// attempts are throttled inside the provider's `authorize` (server/auth/next-auth.ts), with the same
// limits as the API; registration reads the same table of limits as the API's register route.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { ApiError } from "@/lib/errors";
import { ACCEPT_MESSAGES, REGISTER_MESSAGES, SIGN_IN_REFUSALS } from "@/lib/messages";
import { inviteCodeFromInput } from "@/lib/registration";
import { loginSchema, registerSchema } from "@/lib/schemas/auth";
import { afterLoginPath, guildPath } from "@/lib/urls";
import { addressKey, authLimits } from "@/server/auth/auth-limits";
import { signInWithPassword } from "@/server/auth/browser-sign-in";
import { clientIp } from "@/server/http/client-ip";
import { hit } from "@/server/http/rate-limit";
import { forgetPendingAccept } from "@/server/landing/pending-accept";
import { registerUser, type RegisteredJoin } from "@/server/users/register-user";
import type { AuthField, AuthFormState } from "@/components/auth/form-state";

const FIELDS: readonly AuthField[] = ["email", "password", "username", "invite_code"];

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

function fieldErrors(
  issues: readonly { path: PropertyKey[]; message: string }[],
): AuthFormState["fieldErrors"] {
  const errors: AuthFormState["fieldErrors"] = {};
  for (const issue of issues) {
    const field = FIELDS.find((name) => name === issue.path[0]);
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/** The API's register limit, on the same counter, so the form is no easier to abuse than the API. */
async function isRegisterLimited(): Promise<boolean> {
  const ip = clientIp(new Request("http://form.invalid/", { headers: await headers() }));
  return !(await hit(authLimits().register, addressKey(ip))).allowed;
}

// Form action for /login: checks the fields, signs in, then goes to `next` (or /guilds).
export async function loginAction(_state: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const values = { email: text(formData, "email") };
  const parsed = loginSchema.safeParse({ email: values.email, password: text(formData, "password") });
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error.issues), values };
  const outcome = await signInWithPassword(parsed.data.email, parsed.data.password);
  if (outcome !== "signed-in") return { formError: SIGN_IN_REFUSALS[outcome], values };
  redirect(afterLoginPath(formData.get("next")));
}

function registerErrors(error: ApiError): AuthFormState["fieldErrors"] | null {
  if (error.code === "EMAIL_ALREADY_REGISTERED")
    return { email: "An account with this email already exists. Log in instead?" };
  // The invite the form named can't be used: said as the invite's page would say it, by the code's field.
  if (error.code === "UNKNOWN_INVITE" || error.code === "INVITES_DISABLED")
    return { invite_code: ACCEPT_MESSAGES[error.code]!.text };
  if (error.code === "INVALID_FORM_BODY" && error.errors) {
    return fieldErrors(error.errors.map((e) => ({ path: e.path.split("."), message: e.message })));
  }
  return null;
}

// Form action for /register: creates the account (joining the invite's guild where the form asks for an
// invite), signs it in, then opens that guild, or goes to `next` (or /guilds).
export async function registerAction(_state: AuthFormState, formData: FormData): Promise<AuthFormState> {
  // The field is on the form only where registering takes an invite; a pasted link counts as its code.
  const typedCode = formData.has("invite_code") ? text(formData, "invite_code") : undefined;
  const values = {
    email: text(formData, "email"),
    username: text(formData, "username"),
    ...(typedCode === undefined ? {} : { invite_code: typedCode }),
  };
  const parsed = registerSchema.safeParse({
    email: values.email,
    username: values.username,
    password: text(formData, "password"),
    invite_code: typedCode === undefined ? undefined : inviteCodeFromInput(typedCode),
  });
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error.issues), values };
  if (await isRegisterLimited()) return { formError: SIGN_IN_REFUSALS.rate_limited, values };
  let joined: RegisteredJoin | null;
  try {
    ({ joined } = await registerUser(parsed.data));
  } catch (error) {
    if (error instanceof ApiError && error.code === "SERVICE_UNAVAILABLE")
      return { formError: SIGN_IN_REFUSALS.unavailable, values };
    if (error instanceof ApiError && error.code === "REGISTRATION_CLOSED")
      return { formError: `${REGISTER_MESSAGES.closedTitle}.`, values };
    const errors = error instanceof ApiError ? registerErrors(error) : null;
    if (errors) return { fieldErrors: errors, values };
    throw error;
  }
  if ((await signInWithPassword(parsed.data.email, parsed.data.password)) !== "signed-in") {
    return { formError: "Your account was created, but signing in failed. Log in to continue.", values };
  }
  if (joined) {
    // Already in: the invite's page has nothing left to accept for this visitor.
    await forgetPendingAccept();
    redirect(guildPath(joined.guildId.toString(), { channel: joined.channelId.toString(), joined: true }));
  }
  redirect(afterLoginPath(formData.get("next")));
}
