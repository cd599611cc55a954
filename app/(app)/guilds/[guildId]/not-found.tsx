import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

// Unknown guild, or one the viewer is not a member of: the same answer for both.
export default function GuildNotFound() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-brand-600 dark:text-brand-400">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Guild not found</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        This guild does not exist, or you are not a member of it. If someone sent you an invite link, open
        that link to join.
      </p>
      <Link href="/guilds" className={buttonClasses({ className: "mt-6" })}>
        Back to my guilds
      </Link>
    </div>
  );
}
