// next-auth (Auth.js v5) for the browser: email + password through the Credentials provider, JWT sessions
// in an http-only cookie. API clients use tokens instead (server/auth/tokens.ts).
//
// - Sign-in attempts are throttled in Auth.js's own hook, `authorize(credentials, request)`, so the
//   credentials callback and the login form (its server action goes through it) share the API's limits.
//   A refusal is a CredentialsSignin with its own code, which Auth.js turns into a redirect to
//   /login?error=CredentialsSignin&code=…, never an error page.
// - Every use of a session checks its session version (jwt callback; server/auth/session-version.ts).
// - Every URL Auth.js answers with is on APP_URL, and redirects stay on this site (see below).
import { NextRequest } from "next/server";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { ApiError } from "@/lib/errors";
import { loginSchema } from "@/lib/schemas/auth";
import { sameSiteRedirect } from "@/lib/urls";
import { appOrigin } from "@/server/config/app-url";
import { clientIp } from "@/server/http/client-ip";
import { log } from "@/server/log";
import { verifyCredentials } from "@/server/users/verify-credentials";
import { currentSessionVersion, isSessionCurrent } from "./session-version";
import { countAddressAttempt } from "./sign-in-throttle";
import type { SignInRefusal } from "@/lib/messages";

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

// Auth.js builds its redirects, its error page URL and the callback-URL cookie on AUTH_URL, read from the
// environment on every call, and without it on the Host or X-Forwarded-Host header a client sends. The
// app has one public address, APP_URL (default http://localhost:$PORT), so that is Auth.js's too.
const APP_ORIGIN = appOrigin();
process.env.AUTH_URL = APP_ORIGIN;

async function authorize(raw: Partial<Record<string, unknown>>, request: Request) {
  const parsed = loginSchema.safeParse(raw);
  if (!parsed.success) throw new CredentialsSignin();
  if (!(await countAddressAttempt(clientIp(request))).allowed) throw new SignInRefused("rate_limited");
  let user;
  try {
    user = await verifyCredentials(parsed.data.email, parsed.data.password);
  } catch (error) {
    if (error instanceof ApiError && error.code === "RATE_LIMITED") throw new SignInRefused("rate_limited");
    if (error instanceof ApiError && error.code === "SERVICE_UNAVAILABLE")
      throw new SignInRefused("unavailable");
    throw error;
  }
  if (!user) throw new CredentialsSignin();
  return {
    id: user.id.toString(),
    name: user.username,
    email: user.email,
    sessionVersion: user.sessionVersion,
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  trustHost: true,
  // A refused sign-in is an expected outcome, not a server error: no stack trace in the logs.
  logger: {
    error(error) {
      if (error.name === "CredentialsSignin" || (error as { type?: string }).type === "CredentialsSignin")
        return;
      log.error("auth error", { error: `${error.name}: ${error.message}` });
    },
  },
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  // Auth.js's own error page is a bare 500; its errors land on the login form, in words.
  pages: { signIn: "/login", error: "/login" },
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
    // Wherever a callbackUrl points, the browser only ever goes to a path of this site.
    redirect({ url }) {
      return sameSiteRedirect(url, APP_ORIGIN);
    },
  },
});

const CALLBACK_URL_COOKIES = new Set(["authjs.callback-url", "__Secure-authjs.callback-url"]);

function cookieValue(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Auth.js checks the `callbackUrl` query parameter and the callback-URL cookie before any callback runs and
 * answers a malformed one (`evil.example`, `javascript:…`) with a 500. Both are made safe first, the same
 * way the redirect callback treats every other callbackUrl.
 */
async function withSafeCallbackUrl(request: NextRequest): Promise<NextRequest> {
  const url = new URL(request.url);
  const param = url.searchParams.get("callbackUrl");
  const cookie = request.headers.get("cookie") ?? "";
  const hasCookie = [...CALLBACK_URL_COOKIES].some((name) => cookie.includes(`${name}=`));
  if (param === null && !hasCookie) return request;
  if (param !== null) url.searchParams.set("callbackUrl", sameSiteRedirect(param, APP_ORIGIN));
  const headers = new Headers(request.headers);
  if (hasCookie) {
    const pairs = cookie.split(";").map((pair) => {
      const [name = "", ...rest] = pair.trim().split("=");
      return CALLBACK_URL_COOKIES.has(name)
        ? `${name}=${encodeURIComponent(sameSiteRedirect(cookieValue(rest.join("=")), APP_ORIGIN))}`
        : pair.trim();
    });
    headers.set("cookie", pairs.join("; "));
  }
  const body = request.method === "POST" ? await request.text() : undefined;
  return new NextRequest(url, { method: request.method, headers, body });
}

/** Auth.js's endpoints (/api/auth/*) with the callback URL made safe first. */
export const authHandlers = {
  GET: async (request: NextRequest) => handlers.GET(await withSafeCallbackUrl(request)),
  POST: async (request: NextRequest) => handlers.POST(await withSafeCallbackUrl(request)),
};
