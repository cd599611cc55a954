"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { openGatewayStream } from "@/lib/gateway-stream";

// Keeps the invites table current while the page is open: invites created, edited or revoked elsewhere
// (another admin, a bot through the API) arrive as INVITE_CREATE / INVITE_UPDATE / INVITE_DELETE on the
// gateway stream, and the server component is re-rendered in place (router.refresh keeps dialogs, filters and scroll position).
// Shows a small "Live" line once the stream is connected; after a reconnect it refreshes once, since events
// sent while it was away are not replayed.
export function LiveInviteRefresh({ guildId }: { guildId: string }) {
  const router = useRouter();
  const [isLive, setIsLive] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let connections = 0;
    const refreshSoon = () => {
      // Bursts (a bot creating ten invites) become one refresh.
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), 150);
    };
    const onReady = () => {
      connections += 1;
      setIsLive(true);
      if (connections > 1) refreshSoon();
    };
    const onInviteEvent = (event: MessageEvent<string>) => {
      try {
        if ((JSON.parse(event.data) as { guild_id?: string }).guild_id === guildId) refreshSoon();
      } catch {
        // not an event of ours
      }
    };
    const close = openGatewayStream(
      "/api/v1/gateway/events",
      {
        READY: onReady,
        INVITE_CREATE: onInviteEvent,
        INVITE_UPDATE: onInviteEvent,
        INVITE_DELETE: onInviteEvent,
      },
      () => setIsLive(false),
    );
    return () => {
      clearTimeout(timer);
      close();
    };
  }, [guildId, router]);
  if (!isLive) return null;
  return (
    <p
      className="flex items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400"
      data-testid="live-status"
    >
      <span aria-hidden="true" className="size-1.5 rounded-full bg-emerald-500" />
      Live: invites created, edited or revoked elsewhere appear here as it happens.
    </p>
  );
}
