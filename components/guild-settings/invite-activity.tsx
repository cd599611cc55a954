import { Avatar } from "@/components/ui/avatar";
import { Card, CardHeader } from "@/components/ui/card";
import { formatDateTime, formatMaxAge, formatRelative } from "@/lib/guild-settings/format";
import type { ActivityEvent, ActivityItem } from "@/lib/guild-settings/views";
import type { ReactNode } from "react";

const Code = ({ children }: { children: ReactNode }) => (
  <span className="font-mono font-medium text-zinc-900 dark:text-zinc-100">{children}</span>
);

function describe(event: ActivityEvent): ReactNode {
  switch (event.kind) {
    case "invite-created": {
      const limits = [
        event.maxAge === 0 ? "never expires" : `expires after ${formatMaxAge(event.maxAge)}`,
        event.maxUses === 0 ? "no use limit" : `${event.maxUses} ${event.maxUses === 1 ? "use" : "uses"}`,
        ...(event.temporary ? ["temporary membership"] : []),
      ];
      return (
        <>
          created invite <Code>{event.code}</Code> to {event.channel}{" "}
          <span className="text-zinc-500 dark:text-zinc-400">({limits.join(", ")})</span>
        </>
      );
    }
    case "invite-revoked":
      return (
        <>
          revoked invite <Code>{event.code}</Code> to {event.channel}
        </>
      );
    case "vanity-changed":
      if (event.to === null)
        return (
          <>
            removed the vanity URL <Code>{event.from}</Code>
          </>
        );
      if (event.from === null)
        return (
          <>
            set the vanity URL to <Code>{event.to}</Code>
          </>
        );
      return (
        <>
          changed the vanity URL from <Code>{event.from}</Code> to <Code>{event.to}</Code>
        </>
      );
    case "invites-paused":
      return <>paused invites</>;
    case "invites-resumed":
      return <>resumed invites</>;
  }
}

/** The last invite-related audit log entries: who did what, when, and why. */
export function InviteActivity({ items, renderedAt }: { items: ActivityItem[]; renderedAt: number }) {
  return (
    <Card>
      <CardHeader
        title="Recent invite activity"
        id="invite-activity"
        aside={items.length > 0 ? `last ${items.length}` : undefined}
      />
      {items.length === 0 ? (
        <p className="px-4 py-6 text-sm text-zinc-500 dark:text-zinc-400">
          Nothing yet. Invites created and revoked, and vanity URL changes, show up here.
        </p>
      ) : (
        <ol
          className="divide-y divide-zinc-100 dark:divide-zinc-800"
          aria-labelledby="invite-activity"
          data-testid="invite-activity"
        >
          {items.map((item) => (
            <li key={item.id} className="flex gap-3 px-4 py-3">
              <Avatar name={item.actor?.username ?? "?"} size="sm" className="mt-0.5" />
              <div className="min-w-0 flex-1 text-sm">
                <p className="break-words text-zinc-700 dark:text-zinc-300">
                  <span className="font-medium text-zinc-900 dark:text-zinc-100">
                    {item.actor?.username ?? "Someone"}
                  </span>{" "}
                  {describe(item.event)}
                </p>
                {item.reason ? (
                  <p className="mt-0.5 break-words text-zinc-500 dark:text-zinc-400">Reason: {item.reason}</p>
                ) : null}
                <time
                  dateTime={item.createdAt}
                  title={formatDateTime(item.createdAt)}
                  className="mt-0.5 block text-xs text-zinc-500 dark:text-zinc-400"
                >
                  {formatRelative(item.createdAt, renderedAt)}
                </time>
              </div>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
