// The signed-in user for pages and server actions. Each page checks for itself (Next's advice: layouts do
// not re-run on client navigation and do not gate the segments under them) and knows its own path, so
// anonymous visitors land on /login?next=<that path> and come back after signing in.
import { redirect } from "next/navigation";
import { cache } from "react";
import { withNextParam } from "@/lib/urls";
import { currentUser, type Caller } from "./caller";

/** The browser user or null, looked up once per request however many components ask. */
export const getPageUser = cache(async (): Promise<Caller | null> => currentUser());

/** The browser user; anonymous visitors are redirected to the login page, returning to `returnPath` after. */
export async function requirePageUser(returnPath: string): Promise<Caller> {
  const user = await getPageUser();
  if (!user) redirect(withNextParam("/login", returnPath));
  return user;
}
