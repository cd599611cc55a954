import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { formatDate, formatDateTime } from "@/lib/guild-settings/format";
import {
  describePage,
  joinSourceLabel,
  MEMBERS_PAGE_SIZE,
  type MemberListView,
} from "@/lib/guild-settings/members";

type MemberTableProps = {
  list: MemberListView;
  /** The same view on another page (filters kept). */
  pageHref: (page: number) => string;
  /** The view narrowed to one invite code. */
  codeHref: (code: string) => string;
};

const CELL = "md:px-4 md:py-3 md:align-middle";
const LABEL = "text-xs font-medium text-zinc-500 md:hidden dark:text-zinc-400";

/**
 * Members newest first: who, when, how they joined (source and code) and who invited or added them. On phones
 * each row becomes a small card, as in the invites table. Older and newer pages are plain links.
 */
export function MemberTable({ list, pageHref, codeHref }: MemberTableProps) {
  const { members, total, filters } = list;
  const hasOlder = filters.page * MEMBERS_PAGE_SIZE < total;
  return (
    <>
      {members.length > 0 ? (
        <table className="w-full text-sm" data-testid="member-table">
          <caption className="sr-only">Members, newest first</caption>
          <thead className="hidden border-b border-zinc-200 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase md:table-header-group dark:border-zinc-800 dark:text-zinc-400">
            <tr>
              <th scope="col" className="px-4 py-2.5">
                Member
              </th>
              <th scope="col" className="px-4 py-2.5">
                Joined
              </th>
              <th scope="col" className="px-4 py-2.5">
                Source
              </th>
              <th scope="col" className="px-4 py-2.5">
                Invite code
              </th>
              <th scope="col" className="px-4 py-2.5">
                Invited or added by
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {members.map((member) => (
              <tr
                key={member.userId}
                data-user-id={member.userId}
                className="grid grid-cols-2 gap-x-4 gap-y-3 px-4 py-4 md:table-row md:p-0"
              >
                <td className={`col-span-2 ${CELL}`}>
                  <span className="inline-flex min-w-0 items-center gap-2">
                    <Avatar name={member.username} size="sm" />
                    <span className="min-w-0">
                      <span className="block truncate font-medium text-zinc-900 dark:text-zinc-100">
                        {member.nick ?? member.username}
                        {member.isBot ? (
                          <Badge tone="brand" className="ml-2">
                            Bot
                          </Badge>
                        ) : null}
                      </span>
                      <span className="block truncate text-xs text-zinc-500 dark:text-zinc-400">
                        {member.username}#{String(member.discriminator).padStart(4, "0")}
                      </span>
                    </span>
                  </span>
                </td>
                <td className={CELL}>
                  <div className={LABEL}>Joined</div>
                  <time
                    dateTime={member.joinedAt}
                    title={formatDateTime(member.joinedAt)}
                    className="text-zinc-700 dark:text-zinc-300"
                  >
                    {formatDate(member.joinedAt)}
                  </time>
                </td>
                <td className={CELL}>
                  <div className={LABEL}>Source</div>
                  <span className="text-zinc-700 dark:text-zinc-300">{joinSourceLabel(member.source)}</span>
                </td>
                <td className={CELL}>
                  <div className={LABEL}>Invite code</div>
                  {member.code ? (
                    <Link
                      href={codeHref(member.code)}
                      className="font-mono text-sm font-medium text-brand-700 hover:underline dark:text-brand-400"
                    >
                      {member.code}
                    </Link>
                  ) : (
                    <span className="text-zinc-500 dark:text-zinc-400">None</span>
                  )}
                </td>
                <td className={CELL}>
                  <div className={LABEL}>Invited or added by</div>
                  {member.inviter ? (
                    <span className="truncate text-zinc-700 dark:text-zinc-300">
                      {member.inviter.username}
                    </span>
                  ) : (
                    <span className="text-zinc-500 dark:text-zinc-400">Nobody</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <nav
        aria-label="Member pages"
        className="flex flex-wrap items-center justify-between gap-3 border-t border-zinc-200 px-4 py-3 text-sm dark:border-zinc-800"
      >
        <p role="status" data-testid="member-page-status" className="text-zinc-600 dark:text-zinc-400">
          {describePage(filters.page, members.length, total)}
        </p>
        <div className="flex gap-2">
          {filters.page > 1 ? (
            <Link
              href={pageHref(filters.page - 1)}
              className={buttonClasses({ variant: "secondary", size: "sm" })}
            >
              Newer
            </Link>
          ) : null}
          {hasOlder ? (
            <Link
              href={pageHref(filters.page + 1)}
              className={buttonClasses({ variant: "secondary", size: "sm" })}
            >
              Older
            </Link>
          ) : null}
        </div>
      </nav>
    </>
  );
}
