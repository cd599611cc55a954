// Signing the current browser in from a server action (login and register forms, the account page after a
// password change), through the Credentials provider and its throttles.
import { AuthError, CredentialsSignin } from "next-auth";
import { SIGN_IN_REFUSALS, type SignInRefusal } from "@/lib/messages";
import { signIn } from "./next-auth";

/** Signs this browser in; on a refusal, why (wrong credentials, throttled, too busy). */
export async function signInWithPassword(
  email: string,
  password: string,
): Promise<"signed-in" | SignInRefusal> {
  try {
    // `redirect: false`: the caller redirects with a relative path of its own.
    await signIn("credentials", { email, password, redirect: false });
    return "signed-in";
  } catch (error) {
    if (error instanceof CredentialsSignin && Object.hasOwn(SIGN_IN_REFUSALS, error.code))
      return error.code as SignInRefusal;
    if (error instanceof AuthError) return "credentials";
    throw error;
  }
}
