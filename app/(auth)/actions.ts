"use server";
// Login and register for the browser. Both sign in through next-auth's Credentials provider (JWT session
// cookie), then go to the safe `next` path. `redirect: false` keeps the final redirect relative, so it
// stays on whatever host the visitor used (next-auth would build an absolute URL from AUTH_URL).
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError } from "next-auth";
import type { AuthField, AuthFormState } from "@/components/auth/form-state";
import { ApiError } from "@/lib/errors";
import { loginSchema, registerSchema } from "@/lib/schemas/auth";
import { afterLoginPath } from "@/lib/urls";
import { signIn } from "@/server/auth/next-auth";
import { clientIp } from "@/server/http/client-ip";
import { hit } from "@/server/http/rate-limit";
import { registerUser } from "@/server/users/register-user";

const FIELDS: readonly AuthField[] = ["email", "password", "username"];

function text(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

function fieldErrors(issues: readonly { path: PropertyKey[]; message: string }[]): AuthFormState["fieldErrors"] {
  const errors: AuthFormState["fieldErrors"] = {};
  for (const issue of issues) {
    const field = FIELDS.find((name) => name === issue.path[0]);
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/** Same limits as the API's auth routes (10 a minute per client address), so the forms are no easier to brute-force. */
async function isRateLimited(bucket: string): Promise<boolean> {
  const ip = clientIp(new Request("http://form.invalid/", { headers: await headers() }));
  return !(await hit({ bucket, limit: 10, windowSeconds: 60 }, `ip:${ip}`)).allowed;
}

const TOO_MANY = "Too many attempts. Wait a minute and try again.";

async function signInWithPassword(email: string, password: string): Promise<boolean> {
  try {
    await signIn("credentials", { email, password, redirect: false });
    return true;
  } catch (error) {
    if (error instanceof AuthError) return false;
    throw error;
  }
}

// Form action for /login: checks the fields, signs in, then goes to `next` (or /guilds).
export async function loginAction(_state: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const values = { email: text(formData, "email") };
  const parsed = loginSchema.safeParse({ email: values.email, password: text(formData, "password") });
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error.issues), values };
  if (await isRateLimited("web:login")) return { formError: TOO_MANY, values };
  if (!(await signInWithPassword(parsed.data.email, parsed.data.password))) {
    return { formError: "Wrong email or password. Check both and try again.", values };
  }
  redirect(afterLoginPath(formData.get("next")));
}

function registerErrors(error: ApiError): AuthFormState["fieldErrors"] | null {
  if (error.code === "EMAIL_ALREADY_REGISTERED") return { email: "An account with this email already exists. Log in instead?" };
  if (error.code === "INVALID_FORM_BODY" && error.errors) {
    return fieldErrors(error.errors.map((e) => ({ path: e.path.split("."), message: e.message })));
  }
  return null;
}

// Form action for /register: creates the account, signs it in, then goes to `next` (or /guilds).
export async function registerAction(_state: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const values = { email: text(formData, "email"), username: text(formData, "username") };
  const parsed = registerSchema.safeParse({ ...values, password: text(formData, "password") });
  if (!parsed.success) return { fieldErrors: fieldErrors(parsed.error.issues), values };
  if (await isRateLimited("web:register")) return { formError: TOO_MANY, values };
  try {
    await registerUser(parsed.data);
  } catch (error) {
    const errors = error instanceof ApiError ? registerErrors(error) : null;
    if (errors) return { fieldErrors: errors, values };
    throw error;
  }
  if (!(await signInWithPassword(parsed.data.email, parsed.data.password))) {
    return { formError: "Your account was created, but signing in failed. Log in to continue.", values };
  }
  redirect(afterLoginPath(formData.get("next")));
}
