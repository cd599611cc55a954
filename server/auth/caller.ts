// Who is calling: an API token in Authorization, else the next-auth session cookie.
import { db } from "@/server/db";
import { isInstanceAdmin } from "./admins";
import { findTokenUser, readAuthorization } from "./tokens";

export type Caller = {
  id: bigint;
  username: string;
  discriminator: number;
  email: string | null;
  avatarHash: string | null;
  isBot: boolean;
  isAdmin: boolean;
  /** How the request proved who it is: cookie-authenticated writes need an Origin check. */
  via: "token" | "cookie";
};

type UserRow = {
  id: bigint;
  username: string;
  discriminator: number;
  email: string | null;
  avatarHash: string | null;
  isBot: boolean;
};

function toCaller(user: UserRow, via: Caller["via"]): Caller {
  return {
    id: user.id,
    username: user.username,
    discriminator: user.discriminator,
    email: user.email,
    avatarHash: user.avatarHash,
    isBot: user.isBot,
    isAdmin: !user.isBot && isInstanceAdmin(user.email),
    via,
  };
}

export const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/**
 * Returns the caller, null when no credentials were sent, or "invalid" when credentials were sent but
 * are wrong (a bad token must be a 401 even on routes that work anonymously).
 */
export async function resolveCaller(request: Request): Promise<Caller | null | "invalid"> {
  const header = request.headers.get("authorization");
  if (header !== null) {
    const credential = readAuthorization(header);
    if (!credential) return "invalid";
    const user = await findTokenUser(credential);
    return user ? toCaller(user, "token") : "invalid";
  }
  const cookie = request.headers.get("cookie") ?? "";
  if (!SESSION_COOKIES.some((name) => cookie.includes(`${name}=`))) return null;
  return currentUser();
}

/** The signed-in browser user for server components and actions, or null. */
export async function currentUser(): Promise<Caller | null> {
  const { auth } = await import("./next-auth");
  const session = await auth();
  const id = session?.user?.id;
  if (!id || !/^\d+$/.test(id)) return null;
  const user = await (await db()).user.findUnique({ where: { id: BigInt(id) } });
  return user && !user.isBot ? toCaller(user, "cookie") : null;
}
