"use client";

import { useNow } from "@/components/ui/use-now";
import { formatCountdown, formatDateTime } from "@/lib/guild-settings/format";

type ExpiryCountdownProps = {
  expiresAt: string | null;
  /** The server's clock when it rendered, so the first paint matches between server and browser. */
  renderedAt: number;
};

/** Time left until the invite expires, ticking every second; "Never" for invites without an expiry. */
export function ExpiryCountdown({ expiresAt, renderedAt }: ExpiryCountdownProps) {
  const now = useNow(renderedAt, 1000, expiresAt !== null);

  if (!expiresAt) return <span className="text-zinc-500 dark:text-zinc-400">Never</span>;
  const left = new Date(expiresAt).getTime() - now;
  return (
    <time
      dateTime={expiresAt}
      title={`Expires ${formatDateTime(expiresAt)}`}
      className={left <= 0 ? "text-red-600 dark:text-red-400" : "tabular-nums"}
      data-testid="invite-expiry"
    >
      {formatCountdown(left)}
    </time>
  );
}
