import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { Card } from "@/components/ui/card";
import { cx } from "@/components/ui/cx";
import {
  LEADERBOARD_PERIODS,
  type LeaderboardPeriod,
  type LeaderboardRowView,
} from "@/lib/guild-settings/members";

type InviteLeaderboardProps = {
  rows: LeaderboardRowView[];
  period: LeaderboardPeriod;
  periodHref: (period: LeaderboardPeriod) => string;
};

/** Inviters ranked by the members who joined through their invite links, for the chosen period. */
export function InviteLeaderboard({ rows, period, periodHref }: InviteLeaderboardProps) {
  const label = LEADERBOARD_PERIODS.find((p) => p.value === period)?.label ?? "";
  return (
    <Card>
      {/* Its own header rather than CardHeader's: on a phone the period links wrap under the title. */}
      <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-2 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
        <h2 id="invite-leaderboard" className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
          Invite leaderboard
        </h2>
        <nav aria-label="Leaderboard period">
          <ul className="flex gap-1">
            {LEADERBOARD_PERIODS.map((p) => (
              <li key={p.value}>
                <Link
                  href={periodHref(p.value)}
                  scroll={false}
                  aria-current={p.value === period ? "page" : undefined}
                  className={cx(
                    "rounded-md px-2 py-1 text-xs font-medium whitespace-nowrap",
                    p.value === period
                      ? "bg-brand-50 text-brand-700 dark:bg-brand-500/15 dark:text-brand-400"
                      : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-white",
                  )}
                >
                  {p.label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
      {rows.length === 0 ? (
        <p className="px-4 py-6 text-sm text-zinc-500 dark:text-zinc-400" data-testid="leaderboard-empty">
          {period === "all"
            ? "Nobody has joined through an invite link yet."
            : `Nobody joined through an invite link in the last ${label}.`}
        </p>
      ) : (
        <ol className="divide-y divide-zinc-200 dark:divide-zinc-800" data-testid="invite-leaderboard">
          {rows.map((row, index) => {
            const name = row.inviter?.username ?? "Deleted user";
            return (
              <li
                key={row.inviterId}
                data-inviter-id={row.inviterId}
                className="flex items-center gap-3 px-4 py-3 text-sm"
              >
                <span className="w-5 text-right text-zinc-500 tabular-nums dark:text-zinc-400">
                  {index + 1}.
                </span>
                <Avatar name={name} size="xs" />
                <span className="min-w-0 flex-1 truncate text-zinc-900 dark:text-zinc-100">{name}</span>
                <span
                  className="text-zinc-700 tabular-nums dark:text-zinc-300"
                  data-testid="leaderboard-joins"
                >
                  {row.joins} {row.joins === 1 ? "join" : "joins"}
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}
