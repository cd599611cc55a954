import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { buttonClasses } from "@/components/ui/button";
import { LogoutIcon } from "@/components/ui/icons";
import { Brand } from "./brand";

type AppHeaderProps = {
  user: { username: string; discriminator: number };
  /** Server action that signs the user out (a POST form, so it works without JavaScript too). */
  logoutAction: () => Promise<void>;
};

export function AppHeader({ user, logoutAction }: AppHeaderProps) {
  const tag = String(user.discriminator).padStart(4, "0");
  return (
    <header className="sticky top-0 z-20 border-b border-zinc-200 bg-white/85 backdrop-blur dark:border-zinc-800 dark:bg-zinc-950/85">
      <div className="mx-auto flex h-14 max-w-6xl items-center justify-between gap-3 px-4 sm:px-6">
        {/* A flex box, not an inline link: an inline box adds the line's descender space under the mark and
            lifts it above the centre line the avatar and buttons share. */}
        <Link
          href="/guilds"
          className="flex items-center rounded-md focus-visible:outline-2 focus-visible:outline-brand-500"
          aria-label="Fluxer Invites: my guilds"
        >
          <Brand />
        </Link>
        <div className="flex min-w-0 items-center gap-2 sm:gap-3">
          <div className="flex min-w-0 items-center gap-2" data-testid="current-user">
            <Avatar name={user.username} size="sm" />
            <span className="hidden min-w-0 truncate text-sm sm:block">
              <span className="font-medium">{user.username}</span>
              <span className="text-zinc-500 dark:text-zinc-400">#{tag}</span>
            </span>
          </div>
          <Link href="/account" className={buttonClasses({ variant: "ghost", size: "sm" })}>
            Account
          </Link>
          <form action={logoutAction}>
            <button type="submit" className={buttonClasses({ variant: "ghost", size: "sm" })}>
              <LogoutIcon className="size-4" />
              {/* On a phone the icon alone (the name stays for screen readers), so nothing in the header wraps. */}
              <span className="sr-only sm:not-sr-only">Log out</span>
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
