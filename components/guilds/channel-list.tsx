import { Card, CardHeader } from "@/components/ui/card";
import { ChevronDownIcon, HashIcon, SpeakerIcon } from "@/components/ui/icons";
import { ChannelType } from "@/lib/constants";
import type { OverviewChannel, OverviewChannelGroup } from "@/server/guilds/get-guild-overview";

function ChannelRow({ channel }: { channel: OverviewChannel }) {
  const Icon = channel.type === ChannelType.GUILD_VOICE ? SpeakerIcon : HashIcon;
  return (
    <li className="flex items-center gap-2 rounded-md px-2 py-1.5 text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800/70">
      <Icon className="size-4 shrink-0 text-zinc-400 dark:text-zinc-500" />
      <span className="truncate" aria-label={channel.type === ChannelType.GUILD_VOICE ? `${channel.name} (voice)` : `#${channel.name}`}>
        {channel.name}
      </span>
    </li>
  );
}

/** The channels the viewer can see, uncategorised first, then each category with its channels. */
export function ChannelList({ groups }: { groups: OverviewChannelGroup[] }) {
  const count = groups.reduce((sum, group) => sum + group.channels.length, 0);
  return (
    <Card className="md:sticky md:top-20 md:self-start">
      <CardHeader title="Channels" aside={count} id="channels-heading" />
      <nav aria-labelledby="channels-heading" className="p-2 text-sm">
        {count === 0 && groups.length === 0 ? <p className="px-2 py-3 text-zinc-500">No channels you can see.</p> : null}
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
                <ChannelRow key={channel.id} channel={channel} />
              ))}
            </ul>
          </div>
        ))}
      </nav>
    </Card>
  );
}
