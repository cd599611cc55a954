// next-auth (Auth.js v5) for the browser: email + password through the Credentials provider, JWT sessions
// in an http-only cookie. API clients use tokens instead (server/auth/tokens.ts).
//
// - Sign-in attempts are throttled in Auth.js's own hook, `authorize(credentials, request)`, so the
//   credentials callback and the login form (its server action goes through it) share the API's limits.
//   A refusal is a CredentialsSignin with its own code, which Auth.js turns into a redirect to
//   /login?error=CredentialsSignin&code=…, never an error page.
// - Every use of a session checks its session version (jwt callback; server/auth/session-version.ts).
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { ApiError } from "@/lib/errors";
import { loginSchema } from "@/lib/schemas/auth";
import type { SignInRefusal } from "@/lib/sign-in-refusals";
import { clientIp } from "@/server/http/client-ip";
import { log } from "@/server/log";
import { verifyCredentials } from "@/server/users/verify-credentials";
import { currentSessionVersion, isSessionCurrent } from "./session-version";
import { countAddressAttempt } from "./sign-in-throttle";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
  }
}

declare module "@auth/core/jwt" {
  interface JWT {
    /** The user's session version when this session was signed in (absent in sessions from before versions). */
    sv?: number;
  }
}

class SignInRefused extends CredentialsSignin {
  constructor(code: Exclude<SignInRefusal, "credentials">) {
    super();
    this.code = code;
  }
}

async function authorize(raw: Partial<Record<string, unknown>>, request: Request) {
  const parsed = loginSchema.safeParse(raw);
  if (!parsed.success) throw new CredentialsSignin();
  if (!(await countAddressAttempt(clientIp(request))).allowed) throw new SignInRefused("rate_limited");
  let user;
  try {
    user = await verifyCredentials(parsed.data.email, parsed.data.password);
  } catch (error) {
    if (error instanceof ApiError && error.code === "RATE_LIMITED") throw new SignInRefused("rate_limited");
    if (error instanceof ApiError && error.code === "SERVICE_UNAVAILABLE") throw new SignInRefused("unavailable");
    throw error;
  }
  if (!user) throw new CredentialsSignin();
  return { id: user.id.toString(), name: user.username, email: user.email, sessionVersion: user.sessionVersion };
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // A refused sign-in is an expected outcome, not a server error: no stack trace in the logs.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin") return;
      log.error("auth error", { error: `${error.name}: ${error.message}` });
    },
  },
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [Credentials({ credentials: { email: {}, password: {} }, authorize })],
  callbacks: {
    async jwt({ token, user }) {
      if (user) return { ...token, sv: user.sessionVersion ?? 0 }; // signing in: authorize just read the version
      if (!token.sub || !/^\d+$/.test(token.sub)) return null;
      return isSessionCurrent(token.sv, await currentSessionVersion(BigInt(token.sub))) ? token : null;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
