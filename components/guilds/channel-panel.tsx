import { Card } from "@/components/ui/card";
import { ChannelIcon } from "@/components/ui/channel-icon";
import { channelLabel, isVoiceChannel } from "@/lib/channels";
import type { OverviewChannel } from "@/lib/guilds/overview";

/** The channel the guild page is open on. (Messages are the chat app's; this service shows where you are.) */
export function ChannelPanel({ channel }: { channel: OverviewChannel | null }) {
  if (!channel) {
    return (
      <Card className="px-4 py-5 text-sm text-zinc-600 dark:text-zinc-400" data-testid="open-channel">
        There is no channel here you can see yet.
      </Card>
    );
  }
  return (
    <Card className="px-4 py-5 sm:px-6" data-testid="open-channel">
      <div className="flex items-center gap-2">
        <ChannelIcon
          channelType={channel.type}
          className="size-5 shrink-0 text-zinc-400 dark:text-zinc-500"
        />
        <h2 className="truncate text-lg font-semibold tracking-tight">{channel.name}</h2>
      </div>
      <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
        {isVoiceChannel(channel.type)
          ? `${channel.name} is a voice channel: join it from the Fluxer app to talk.`
          : `This is the start of ${channelLabel(channel)}. Say hello in the Fluxer app.`}
      </p>
    </Card>
  );
}
