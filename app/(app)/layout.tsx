import { redirect } from "next/navigation";
import { AppHeader } from "@/components/app/app-header";
import { PresenceStream } from "@/components/presence/presence-stream";
import { signOut } from "@/server/auth/next-auth";
import { getPageUser } from "@/server/auth/page-user";

// Logout is a POST (a form posting this server action): a GET link could be triggered by any page.
async function logout() {
  "use server";
  await signOut({ redirect: false });
  redirect("/login");
}

// The signed-in shell. The auth check itself lives in each page (`requirePageUser(path)`): only the page
// knows its own path for `?next=`, and Next renders pages even when a layout bails out. An anonymous
// visitor therefore gets the page's redirect to /login?next=<page>; the shell just renders nothing extra.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await getPageUser();
  if (!user) return <>{children}</>;
  return (
    <div className="flex min-h-screen flex-col">
      {/* Holds the event stream open: a person with the app open counts as online (presence, docs/presence.md). */}
      <PresenceStream />
      <AppHeader user={user} logoutAction={logout} />
      <main className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 sm:px-6 sm:py-8">{children}</main>
    </div>
  );
}
