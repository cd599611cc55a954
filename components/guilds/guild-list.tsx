import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { CrownIcon, UsersIcon } from "@/components/ui/icons";
import { guildIconUrl } from "@/lib/guild-assets";

export type GuildListEntry = {
  id: string;
  name: string;
  icon_hash: string | null;
  banner_hash: string | null;
  owner: boolean;
  member_count: number;
};

function memberLabel(count: number): string {
  return `${count.toLocaleString("en-US")} ${count === 1 ? "member" : "members"}`;
}

/** The user's guilds as cards linking to each guild page. */
export function GuildList({ guilds }: { guilds: GuildListEntry[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Your guilds">
      {guilds.map((guild) => (
        <li key={guild.id}>
          <Link
            href={`/guilds/${guild.id}`}
            className="group flex items-center gap-3 rounded-xl border border-zinc-200 bg-white p-4 shadow-xs transition hover:border-brand-400 hover:shadow-md focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-zinc-800 dark:bg-zinc-900 dark:hover:border-brand-500"
          >
            <Avatar name={guild.name} src={guildIconUrl(guild)} size="lg" shape="rounded" />
            <div className="min-w-0 flex-1">
              <p className="truncate font-semibold group-hover:text-brand-700 dark:group-hover:text-brand-400">
                {guild.name}
              </p>
              <p className="mt-0.5 flex items-center gap-1 text-sm text-zinc-500 dark:text-zinc-400">
                <UsersIcon className="size-4" />
                {memberLabel(guild.member_count)}
              </p>
            </div>
            {guild.owner ? (
              <Badge tone="warning" title="You own this guild">
                <CrownIcon className="size-3" />
                Owner
              </Badge>
            ) : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Shown instead of the list when the user is in no guild yet. */
export function GuildListEmpty() {
  return (
    <div className="rounded-xl border-2 border-dashed border-zinc-300 px-6 py-12 text-center dark:border-zinc-700">
      <div className="mx-auto flex size-12 items-center justify-center rounded-2xl bg-brand-50 text-brand-600 dark:bg-brand-500/15 dark:text-brand-400">
        <UsersIcon className="size-6" />
      </div>
      <h2 className="mt-4 font-semibold">No guilds yet</h2>
      <p className="mx-auto mt-1 max-w-sm text-sm text-zinc-600 dark:text-zinc-400">
        Create your first guild below, or open an invite link a friend sent you.
      </p>
    </div>
  );
}
