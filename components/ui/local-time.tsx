"use client";
// A moment in the visitor's own time zone. The server and the hydrating render say it in UTC (the HTML is
// the same for every visitor, and kept landing pages are shared by all of them); once the browser has taken
// over it says it in the browser's zone. Without JavaScript the UTC text stays, which is still true.
import { useSyncExternalStore } from "react";
import { clockTimeLabel } from "@/lib/invites/invite-format";

const subscribe = () => () => {};

export function LocalTime({ iso, className, testId }: { iso: string; className?: string; testId?: string }) {
  const timeZone = useSyncExternalStore(
    subscribe,
    () => Intl.DateTimeFormat().resolvedOptions().timeZone,
    () => "UTC",
  );
  return (
    <time dateTime={iso} className={className} data-testid={testId} suppressHydrationWarning>
      {clockTimeLabel(iso, timeZone)}
    </time>
  );
}
