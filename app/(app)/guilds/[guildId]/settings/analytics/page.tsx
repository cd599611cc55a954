import { VIEWS_AND_JOINS } from "@/components/analytics/analytics-series";
import { BarChart } from "@/components/analytics/bar-chart";
import { InviteRanking } from "@/components/analytics/invite-ranking";
import { RangeTabs } from "@/components/analytics/range-tabs";
import { SettingsShell } from "@/components/guild-settings/settings-shell";
import { Card, CardHeader } from "@/components/ui/card";
import { ANALYTICS_RANGES, parseRange } from "@/lib/analytics/ranges";
import { analyticsSettingsPath, inviteAnalyticsPath } from "@/lib/guild-settings/paths";
import { loadGuildAnalytics } from "@/server/analytics/load-analytics-settings";
import { managerPageMetadata, requireGuildManager } from "@/server/guild-settings/manager-page";
import { setInvitesPausedAction } from "../actions";
import type { Metadata } from "next";

type Props = PageProps<"/guilds/[guildId]/settings/analytics">;

const CHART_INVITES = 10;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return managerPageMetadata(params, "Analytics");
}

// The guild's invites ranked by joins and conversion over 24 hours, 7 or 30 days (MANAGE_GUILD): the top ten
// as a chart of views against joins, all of them in the table, each linking to its own analytics.
export default async function GuildAnalyticsPage({ params, searchParams }: Props) {
  const [{ guildId }, query] = await Promise.all([params, searchParams]);
  const { user, access } = await requireGuildManager(guildId, analyticsSettingsPath(guildId));
  const range = parseRange(typeof query.range === "string" ? query.range : null);
  const view = await loadGuildAnalytics(access, user, range);
  const id = access.guild.id;
  const top = view.invites.filter((invite) => invite.views + invite.joins > 0).slice(0, CHART_INVITES);
  const totalJoins = view.invites.reduce((sum, invite) => sum + invite.joins, 0);
  const totalViews = view.invites.reduce((sum, invite) => sum + invite.views, 0);

  return (
    <SettingsShell
      access={access}
      active="analytics"
      pauseAction={setInvitesPausedAction.bind(null, id, "invites")}
    >
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Views of your invite links and the joins they brought, over the last {ANALYTICS_RANGES[range].label}
          . Counts may lag by a few seconds.
        </p>
        <RangeTabs active={range} hrefFor={(next) => analyticsSettingsPath(id, { range: next })} />
      </div>
      <Card>
        <CardHeader
          title="Top invites"
          aside={`${totalViews} ${totalViews === 1 ? "view" : "views"} · ${totalJoins} ${totalJoins === 1 ? "join" : "joins"}`}
        />
        <div className="p-4 sm:p-6">
          {top.length > 0 ? (
            <BarChart
              title="Views and joins of the top invites"
              summary={`The ${top.length} invites with the most joins over the last ${ANALYTICS_RANGES[range].label}; ${top[0]!.code} leads with ${top[0]!.joins} joins from ${top[0]!.views} views.`}
              series={VIEWS_AND_JOINS}
              // Labelled by rank (as in the table below): codes are too long to sit under narrow bars on a phone.
              groups={top.map((invite, i) => ({
                label: `#${i + 1}`,
                title: `#${i + 1} ${invite.code}`,
                values: [invite.views, invite.joins],
              }))}
              groupHeader="Invite"
              testId="guild-analytics-chart"
            />
          ) : (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">No views or joins in this period yet.</p>
          )}
        </div>
      </Card>
      <Card>
        <CardHeader title="Invites by joins and conversion" aside={`${view.invites.length}`} />
        <InviteRanking invites={view.invites} hrefFor={(code) => inviteAnalyticsPath(id, code, { range })} />
      </Card>
    </SettingsShell>
  );
}
