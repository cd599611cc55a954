import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { VIEWS_AND_JOINS } from "@/components/analytics/analytics-series";
import { BarChart } from "@/components/analytics/bar-chart";
import { RangeTabs } from "@/components/analytics/range-tabs";
import { StatTiles } from "@/components/analytics/stat-tiles";
import { SettingsShell } from "@/components/guild-settings/settings-shell";
import { Card, CardHeader } from "@/components/ui/card";
import { ArrowLeftIcon } from "@/components/ui/icons";
import {
  ANALYTICS_RANGES,
  bucketLabel,
  bucketTitle,
  formatConversion,
  parseRange,
} from "@/lib/analytics/ranges";
import { analyticsSettingsPath, inviteAnalyticsPath } from "@/lib/guild-settings/paths";
import { loadInviteAnalytics } from "@/server/analytics/load-analytics-settings";
import { requirePageUser } from "@/server/auth/page-user";
import { loadSettingsAccess } from "@/server/guild-settings/load-settings-access";
import { setInvitesPausedAction } from "../../actions";
import type { Metadata } from "next";

type Props = PageProps<"/guilds/[guildId]/settings/analytics/[code]">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { code } = await params;
  return { title: `Invite ${code.slice(0, 32)} · Analytics` };
}

// One invite's analytics (its inviter or MANAGE_GUILD): views against joins over 24 hours (hourly), 7 or 30
// days (daily) as a chart with its table, the totals with conversion, and the top referring sites.
export default async function InviteAnalyticsPage({ params, searchParams }: Props) {
  const [{ guildId, code }, query] = await Promise.all([params, searchParams]);
  const user = await requirePageUser(inviteAnalyticsPath(guildId, code));
  const result = await loadSettingsAccess(guildId, user.id);
  if (result.kind === "not-found") notFound();
  if (result.kind === "forbidden") forbidden();
  const { access } = result;
  const range = parseRange(typeof query.range === "string" ? query.range : null);
  const loaded = await loadInviteAnalytics(access, user, code, range);
  if (loaded.kind === "not-found") notFound();
  if (loaded.kind === "forbidden") forbidden();
  const { view } = loaded;
  const id = access.guild.id;
  const period = ANALYTICS_RANGES[range].label;

  return (
    <SettingsShell
      access={access}
      active="analytics"
      pauseAction={setInvitesPausedAction.bind(null, id, "invites")}
    >
      {access.canManageGuild ? (
        <Link
          href={analyticsSettingsPath(id, { range })}
          className="inline-flex items-center gap-1.5 text-sm text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white"
        >
          <ArrowLeftIcon className="size-4" />
          All invites
        </Link>
      ) : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <h2 className="text-lg font-semibold">
          Invite <span className="font-mono">{view.code}</span>
        </h2>
        <RangeTabs active={range} hrefFor={(next) => inviteAnalyticsPath(id, view.code, { range: next })} />
      </div>
      <StatTiles
        stats={[
          { label: "Views", value: String(view.totals.views) },
          { label: "Unique visitors", value: String(view.totals.unique_visitors), hint: "per day" },
          { label: "Joins", value: String(view.totals.joins) },
          { label: "Conversion", value: formatConversion(view.conversion), hint: "joins per view" },
          { label: "Link previews", value: String(view.totals.unfurls), hint: "chat apps' bots" },
        ]}
      />
      <Card>
        <CardHeader
          title={`Views and joins, last ${period}`}
          aside={view.granularity === "hour" ? "per hour, UTC" : "per day, UTC"}
        />
        <div className="p-4 sm:p-6">
          <BarChart
            title={`Views and joins of invite ${view.code}`}
            summary={`${view.totals.views} views and ${view.totals.joins} joins over the last ${period}, ${view.granularity === "hour" ? "hour by hour" : "day by day"}.`}
            series={VIEWS_AND_JOINS}
            groups={view.buckets.map((bucket) => ({
              label: bucketLabel(bucket.start, view.granularity),
              title: bucketTitle(bucket.start, view.granularity),
              values: [bucket.views, bucket.joins],
            }))}
            groupHeader={view.granularity === "hour" ? "Hour" : "Day"}
            testId="invite-analytics-chart"
          />
        </div>
      </Card>
      <Card>
        <CardHeader title="Top referrers" />
        {view.referrers.length > 0 ? (
          <table className="w-full text-sm" data-testid="referrers">
            <caption className="sr-only">Sites that sent visitors to this invite, most views first</caption>
            <thead className="border-b border-zinc-200 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase dark:border-zinc-800 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-4 py-2.5">
                  Site
                </th>
                <th scope="col" className="px-4 py-2.5 text-right">
                  Views
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {view.referrers.map((referrer) => (
                <tr key={referrer.host}>
                  <th scope="row" className="px-4 py-2.5 text-left font-normal">
                    {referrer.host}
                  </th>
                  <td className="px-4 py-2.5 text-right tabular-nums">{referrer.views}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="p-4 text-sm text-zinc-600 sm:p-6 dark:text-zinc-400">
            No visitor came from another site in this period (or their browser did not say).
          </p>
        )}
      </Card>
    </SettingsShell>
  );
}
