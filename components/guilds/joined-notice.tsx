"use client";

import { useEffect } from "react";

/**
 * "You joined <guild>", shown on the first view after joining with an invite. Once shown, `joined` leaves the
 * address (the rest stays), so a reload, a bookmark or the back button never greets again.
 */
export function JoinedNotice({
  guildName,
  channelLabel,
}: {
  guildName: string;
  channelLabel: string | null;
}) {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has("joined")) return;
    url.searchParams.delete("joined");
    window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`);
  }, []);
  return (
    <div
      role="status"
      className="rounded-xl border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900 dark:border-emerald-500/30 dark:bg-emerald-500/10 dark:text-emerald-200"
    >
      <p className="font-semibold">You joined {guildName}</p>
      {channelLabel ? <p className="mt-0.5">Welcome! You&apos;re in {channelLabel}.</p> : null}
    </div>
  );
}
