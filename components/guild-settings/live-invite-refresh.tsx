"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// Keeps the invites table current while the page is open: invites created or revoked elsewhere (another
// admin, a bot through the API) arrive as INVITE_CREATE / INVITE_DELETE on the gateway stream, and the
// server component is re-rendered in place (router.refresh keeps dialogs, filters and scroll position).
export function LiveInviteRefresh({ guildId }: { guildId: string }) {
  const router = useRouter();
  useEffect(() => {
    const source = new EventSource("/api/v1/gateway/events");
    let timer: ReturnType<typeof setTimeout> | undefined;
    const onInviteEvent = (event: MessageEvent<string>) => {
      try {
        if ((JSON.parse(event.data) as { guild_id?: string }).guild_id !== guildId) return;
      } catch {
        return;
      }
      // Bursts (a bot creating ten invites) become one refresh.
      clearTimeout(timer);
      timer = setTimeout(() => router.refresh(), 150);
    };
    source.addEventListener("INVITE_CREATE", onInviteEvent);
    source.addEventListener("INVITE_DELETE", onInviteEvent);
    return () => {
      clearTimeout(timer);
      source.close();
    };
  }, [guildId, router]);
  return null;
}
