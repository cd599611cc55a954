import Link from "next/link";
import { notFound } from "next/navigation";
import { ChannelList } from "@/components/guilds/channel-list";
import { ChannelPanel } from "@/components/guilds/channel-panel";
import { GuildHeader } from "@/components/guilds/guild-header";
import { JoinedNotice } from "@/components/guilds/joined-notice";
import { MemberList } from "@/components/guilds/member-list";
import { ArrowLeftIcon } from "@/components/ui/icons";
import { channelLabel } from "@/lib/channels";
import { isFreshInviteJoin, pickOpenChannel } from "@/lib/guild-page";
import { firstValue } from "@/lib/search-params";
import { parseSnowflake } from "@/lib/snowflake";
import { getPageUser, requirePageUser } from "@/server/auth/page-user";
import { getGuildOverview } from "@/server/guilds/get-guild-overview";
import type { Metadata } from "next";

type Props = PageProps<"/guilds/[guildId]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [user, id] = await Promise.all([getPageUser(), params.then((p) => parseSnowflake(p.guildId))]);
  const overview = user && id !== null ? await getGuildOverview(id, user.id) : null;
  return { title: overview?.guild.name ?? "Guild" };
}

// A guild the viewer belongs to, open on one channel (?channel=, else the first text channel). Unknown guilds
// and guilds the viewer is not in get the same 404 page, so the page never reveals whether a guild exists.
// ?joined=1 (set after accepting an invite) greets someone who has just joined with an invite, once.
export default async function GuildPage({ params, searchParams }: Props) {
  const [{ guildId }, query] = await Promise.all([params, searchParams]);
  const user = await requirePageUser(`/guilds/${guildId}`);
  const id = parseSnowflake(guildId);
  const overview = id === null ? null : await getGuildOverview(id, user.id);
  if (!overview) notFound();
  const openChannel = pickOpenChannel(
    overview.channelGroups.flatMap((group) => group.channels),
    firstValue(query.channel),
  );
  const isGreeting = firstValue(query.joined) === "1" && isFreshInviteJoin(overview.membership, Date.now());
  return (
    <div className="space-y-6">
      <Link
        href="/guilds"
        className="inline-flex items-center gap-1.5 text-sm text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white"
      >
        <ArrowLeftIcon className="size-4" />
        My guilds
      </Link>
      {isGreeting ? (
        <JoinedNotice
          guildName={overview.guild.name}
          channelLabel={openChannel ? channelLabel(openChannel) : null}
        />
      ) : null}
      <GuildHeader guild={overview.guild} canManage={overview.canManage} />
      <div className="grid gap-6 md:grid-cols-[minmax(0,18rem)_minmax(0,1fr)]">
        <ChannelList
          guildId={overview.guild.id}
          groups={overview.channelGroups}
          openChannelId={openChannel?.id ?? null}
        />
        <div className="min-w-0 space-y-6">
          <ChannelPanel channel={openChannel} />
          <MemberList members={overview.members} total={overview.guild.memberCount} />
        </div>
      </div>
    </div>
  );
}
