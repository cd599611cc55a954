import Link from "next/link";
import { Card, CardHeader } from "@/components/ui/card";
import { ChannelIcon } from "@/components/ui/channel-icon";
import { cx } from "@/components/ui/cx";
import { ChevronDownIcon } from "@/components/ui/icons";
import { channelLabel } from "@/lib/channels";
import { guildPath } from "@/lib/urls";
import type { OverviewChannel, OverviewChannelGroup } from "@/lib/guilds/overview";

function ChannelRow({
  guildId,
  channel,
  isOpen,
}: {
  guildId: string;
  channel: OverviewChannel;
  isOpen: boolean;
}) {
  return (
    <li>
      <Link
        href={guildPath(guildId, { channel: channel.id })}
        aria-label={channelLabel(channel)}
        aria-current={isOpen ? "page" : undefined}
        scroll={false}
        className={cx(
          "flex items-center gap-2 rounded-md px-2 py-1.5 focus-visible:outline-2 focus-visible:outline-brand-500",
          isOpen
            ? "bg-zinc-100 font-medium text-zinc-900 dark:bg-zinc-800 dark:text-white"
            : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800/70",
        )}
      >
        <ChannelIcon
          channelType={channel.type}
          className="size-4 shrink-0 text-zinc-400 dark:text-zinc-500"
        />
        <span className="truncate">{channel.name}</span>
      </Link>
    </li>
  );
}

type ChannelListProps = { guildId: string; groups: OverviewChannelGroup[]; openChannelId: string | null };

/** The channels the viewer can see, uncategorised first, then each category with its channels; each opens on the page. */
export function ChannelList({ guildId, groups, openChannelId }: ChannelListProps) {
  const count = groups.reduce((sum, group) => sum + group.channels.length, 0);
  return (
    <Card className="md:sticky md:top-20 md:self-start">
      <CardHeader title="Channels" aside={count} id="channels-heading" />
      <nav aria-labelledby="channels-heading" className="p-2 text-sm">
        {count === 0 && groups.length === 0 ? (
          <p className="px-2 py-3 text-zinc-500">No channels you can see.</p>
        ) : null}
        {groups.map((group) => (
          <div key={group.category?.id ?? "top"} className="mb-2 last:mb-0">
            {group.category ? (
              <p className="flex items-center gap-1 px-1 pt-2 pb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
                <ChevronDownIcon className="size-3" />
                {group.category.name}
              </p>
            ) : null}
            <ul data-testid="channel-list">
              {group.channels.map((channel) => (
                <ChannelRow
                  key={channel.id}
                  guildId={guildId}
                  channel={channel}
                  isOpen={channel.id === openChannelId}
                />
              ))}
            </ul>
          </div>
        ))}
      </nav>
    </Card>
  );
}
