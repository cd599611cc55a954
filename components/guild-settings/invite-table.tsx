import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { ChannelIcon } from "@/components/ui/channel-icon";
import { channelLabel } from "@/lib/channels";
import { formatDate, formatDateTime, formatUses } from "@/lib/guild-settings/format";
import { EditButton, EditInviteDialog } from "./edit-invite-dialog";
import { ExpiryCountdown } from "./expiry-countdown";
import { RevokeDialog, RevokeLink } from "./revoke-dialog";
import type { EditInviteAction, RevokeInviteAction } from "@/lib/guild-settings/form-states";
import type { InviteRowView, RoleOption } from "@/lib/guild-settings/views";

type InviteTableProps = {
  invites: InviteRowView[];
  revokeAction: RevokeInviteAction;
  editAction: EditInviteAction;
  renderedAt: number;
  /** The code of ?revoke=CODE, whose confirmation opens on load. */
  revokeCode: string | null;
  /** `?revoke=` link of a row and the page without it (filters kept). */
  revokeHref: (code: string) => string;
  closeHref: string;
  /** For managers: the Members view of who joined through a code; the uses count links there. */
  joinsHref?: (code: string) => string;
  /** For managers: the invite's analytics page (views, visitors, joins, referrers). */
  analyticsHref?: (code: string) => string;
  /** The roles the viewer may give (the edit dialog offers them). */
  grantableRoles?: RoleOption[];
};

const CELL = "md:px-4 md:py-3 md:align-middle";
const LABEL = "text-xs font-medium text-zinc-500 md:hidden dark:text-zinc-400";

/**
 * The invites as a table on wide screens; on phones each row becomes a small card (the cells stack,
 * each with its own label), so nothing scrolls sideways. The revoke confirmation comes after the table.
 */
export function InviteTable({
  invites,
  revokeAction,
  editAction,
  renderedAt,
  revokeCode,
  revokeHref,
  closeHref,
  joinsHref,
  analyticsHref,
  grantableRoles = [],
}: InviteTableProps) {
  const revocable = invites
    .filter((i) => i.canRevoke)
    .map((i) => ({ code: i.code, channel: channelLabel(i.channel), uses: i.uses }));
  // Who may revoke may edit (the same rule on the server).
  const editable = invites
    .filter((i) => i.canRevoke)
    .map((i) => ({
      code: i.code,
      channel: channelLabel(i.channel),
      uses: i.uses,
      maxUses: i.maxUses,
      maxAge: i.maxAge,
      temporary: i.temporary,
      expiresAt: i.expiresAt,
      roleIds: i.roleIds,
      version: i.version,
    }));
  return (
    <EditInviteDialog
      action={editAction}
      invites={editable}
      grantableRoles={grantableRoles}
      closeHref={closeHref}
    >
      <RevokeDialog action={revokeAction} invites={revocable} initialCode={revokeCode} closeHref={closeHref}>
        <table className="w-full text-sm" data-testid="invite-table">
          <thead className="hidden border-b border-zinc-200 text-left text-xs font-medium tracking-wide text-zinc-500 uppercase md:table-header-group dark:border-zinc-800 dark:text-zinc-400">
            <tr>
              <th scope="col" className="px-4 py-2.5">
                Code
              </th>
              <th scope="col" className="px-4 py-2.5">
                Channel
              </th>
              <th scope="col" className="px-4 py-2.5">
                Inviter
              </th>
              <th scope="col" className="px-4 py-2.5">
                Uses
              </th>
              <th scope="col" className="px-4 py-2.5">
                Expires in
              </th>
              <th scope="col" className="px-4 py-2.5">
                Created
              </th>
              <th scope="col" className="px-4 py-2.5">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
            {invites.map((invite) => (
              <tr
                key={invite.code}
                data-code={invite.code}
                className="grid grid-cols-2 gap-x-4 gap-y-3 px-4 py-4 md:table-row md:p-0"
              >
                <td className={`col-span-2 ${CELL}`}>
                  <div className="flex flex-wrap items-center gap-2">
                    <a
                      href={invite.url}
                      className="font-mono text-sm font-semibold text-zinc-900 hover:text-brand-600 dark:text-zinc-100"
                      title={invite.url}
                    >
                      {invite.code}
                    </a>
                    {invite.temporary ? (
                      <Badge
                        tone="warning"
                        title="Members who join with this invite are removed when they go offline"
                      >
                        Temporary
                      </Badge>
                    ) : null}
                    {invite.targetCount !== null ? (
                      <Badge title="Only these people can see or use this invite">
                        {invite.targetCount === 1 ? "For 1 person" : `For ${invite.targetCount} people`}
                      </Badge>
                    ) : null}
                    {invite.roles.length > 0 ? (
                      <Badge title="Roles everyone who accepts gets">Gives {invite.roles.join(", ")}</Badge>
                    ) : null}
                  </div>
                </td>
                <td className={CELL}>
                  <div className={LABEL}>Channel</div>
                  <span className="inline-flex items-center gap-1 text-zinc-700 dark:text-zinc-300">
                    <ChannelIcon channelType={invite.channel.type} className="size-3.5 text-zinc-400" />
                    <span className="sr-only">{channelLabel(invite.channel)}</span>
                    <span aria-hidden>{invite.channel.name}</span>
                  </span>
                </td>
                <td className={CELL}>
                  <div className={LABEL}>Inviter</div>
                  {invite.inviter ? (
                    <span className="inline-flex min-w-0 items-center gap-2">
                      <Avatar name={invite.inviter.username} size="xs" />
                      <span className="truncate">{invite.inviter.username}</span>
                    </span>
                  ) : (
                    <span className="text-zinc-500">Deleted user</span>
                  )}
                </td>
                <td className={CELL}>
                  <div className={LABEL}>Uses</div>
                  {joinsHref ? (
                    <Link
                      href={joinsHref(invite.code)}
                      className="font-medium text-brand-700 tabular-nums hover:underline dark:text-brand-400"
                      data-testid="invite-uses"
                      aria-label={`${formatUses(invite.uses, invite.maxUses)} uses: members who joined with ${invite.code}`}
                    >
                      {formatUses(invite.uses, invite.maxUses)}
                    </Link>
                  ) : (
                    <span className="tabular-nums" data-testid="invite-uses">
                      {formatUses(invite.uses, invite.maxUses)}
                    </span>
                  )}
                </td>
                <td className={CELL}>
                  <div className={LABEL}>Expires in</div>
                  <ExpiryCountdown expiresAt={invite.expiresAt} renderedAt={renderedAt} />
                </td>
                <td className={CELL}>
                  <div className={LABEL}>Created</div>
                  <time
                    dateTime={invite.createdAt}
                    title={formatDateTime(invite.createdAt)}
                    className="text-zinc-600 dark:text-zinc-400"
                  >
                    {formatDate(invite.createdAt)}
                  </time>
                </td>
                <td className={`flex items-end justify-end ${CELL} md:table-cell md:text-right`}>
                  <span className="inline-flex items-center gap-1">
                    {analyticsHref ? (
                      <Link
                        href={analyticsHref(invite.code)}
                        className={buttonClasses({ variant: "ghost", size: "sm" })}
                        aria-label={`Analytics of ${invite.code}`}
                        data-testid="invite-analytics-link"
                      >
                        Analytics
                      </Link>
                    ) : null}
                    {invite.canRevoke ? (
                      <>
                        <EditButton code={invite.code} />
                        <RevokeLink code={invite.code} href={revokeHref(invite.code)} />
                      </>
                    ) : null}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </RevokeDialog>
    </EditInviteDialog>
  );
}
