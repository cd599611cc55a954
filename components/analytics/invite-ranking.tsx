import Link from "next/link";
import { formatConversion } from "@/lib/analytics/ranges";
import type { GuildAnalyticsRow } from "@/lib/analytics/views";

/** The guild's invites ranked by joins, then conversion: the overview's table (and its chart's numbers). */
export function InviteRanking({
  invites,
  hrefFor,
}: {
  invites: GuildAnalyticsRow[];
  hrefFor: (code: string) => string;
}) {
  if (invites.length === 0)
    return (
      <p className="p-4 text-sm text-zinc-600 sm:p-6 dark:text-zinc-400">This guild has no invites yet.</p>
    );
  return (
    <div
      tabIndex={0}
      role="region"
      aria-label="Invites by joins and conversion"
      className="overflow-x-auto focus-visible:outline-2 focus-visible:outline-brand-500"
    >
      <table className="w-full text-sm" data-testid="invite-ranking">
        <caption className="sr-only">Invites ranked by joins, then conversion</caption>
        <thead className="border-b border-zinc-200 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th scope="col" className="hidden px-3 py-2.5 sm:table-cell sm:px-4">
              #
            </th>
            <th scope="col" className="px-3 py-2.5 sm:px-4">
              Invite
            </th>
            <th scope="col" className="hidden px-3 py-2.5 sm:px-4 sm:table-cell">
              Inviter
            </th>
            <th scope="col" className="px-3 py-2.5 sm:px-4 text-right">
              Views
            </th>
            <th scope="col" className="px-3 py-2.5 sm:px-4 text-right">
              Joins
            </th>
            <th scope="col" className="px-3 py-2.5 text-right sm:px-4">
              <span className="sm:hidden">Conv.</span>
              <span className="hidden sm:inline">Conversion</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {invites.map((invite, i) => (
            <tr key={invite.code}>
              <td className="hidden px-3 py-2.5 text-zinc-500 tabular-nums sm:table-cell sm:px-4 dark:text-zinc-400">
                {i + 1}
              </td>
              <th scope="row" className="px-3 py-2.5 sm:px-4 text-left font-normal">
                <Link
                  href={hrefFor(invite.code)}
                  className="font-mono font-semibold text-brand-700 hover:underline dark:text-brand-400"
                >
                  {invite.code}
                </Link>
              </th>
              <td className="hidden px-3 py-2.5 sm:px-4 text-zinc-600 sm:table-cell dark:text-zinc-400">
                {invite.inviter ?? "—"}
              </td>
              <td className="px-3 py-2.5 sm:px-4 text-right tabular-nums">{invite.views}</td>
              <td className="px-3 py-2.5 sm:px-4 text-right tabular-nums">{invite.joins}</td>
              <td className="px-3 py-2.5 sm:px-4 text-right tabular-nums">
                {formatConversion(invite.conversion)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
