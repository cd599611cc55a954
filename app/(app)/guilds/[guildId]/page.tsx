import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChannelList } from "@/components/guilds/channel-list";
import { GuildHeader } from "@/components/guilds/guild-header";
import { MemberList } from "@/components/guilds/member-list";
import { ArrowLeftIcon } from "@/components/ui/icons";
import { parseSnowflake } from "@/lib/snowflake";
import { getPageUser, requirePageUser } from "@/server/auth/page-user";
import { getGuildOverview } from "@/server/guilds/get-guild-overview";

type Props = { params: Promise<{ guildId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [user, id] = await Promise.all([getPageUser(), params.then((p) => parseSnowflake(p.guildId))]);
  const overview = user && id !== null ? await getGuildOverview(id, user.id) : null;
  return { title: overview?.guild.name ?? "Guild" };
}

// A guild the viewer belongs to. Unknown guilds and guilds the viewer is not in get the same 404 page,
// so the page never reveals whether a guild exists.
export default async function GuildPage({ params }: Props) {
  const { guildId } = await params;
  const user = await requirePageUser(`/guilds/${guildId}`);
  const id = parseSnowflake(guildId);
  const overview = id === null ? null : await getGuildOverview(id, user.id);
  if (!overview) notFound();
  return (
    <div className="space-y-6">
      <Link href="/guilds" className="inline-flex items-center gap-1.5 text-sm text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white">
        <ArrowLeftIcon className="size-4" />
        My guilds
      </Link>
      <GuildHeader guild={overview.guild} canManage={overview.canManage} />
      <div className="grid gap-6 md:grid-cols-[minmax(0,18rem)_minmax(0,1fr)]">
        <ChannelList groups={overview.channelGroups} />
        <MemberList members={overview.members} total={overview.guild.memberCount} />
      </div>
    </div>
  );
}
