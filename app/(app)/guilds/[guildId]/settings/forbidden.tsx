import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";

// A member without the permission a settings page needs: a 403 that shows nothing of the guild's invites.
export default function SettingsForbidden() {
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-brand-600 dark:text-brand-400">403</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">
        You can&apos;t manage this guild&apos;s invites
      </h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
        Invite settings are for members with the Manage Server permission, or Manage Channels for their
        channels&apos; invites. Ask a guild admin if you need access.
      </p>
      <Link href="/guilds" className={buttonClasses({ className: "mt-6" })}>
        Back to my guilds
      </Link>
    </div>
  );
}
