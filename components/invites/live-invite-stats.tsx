"use client";
// "● 3 Online  ● 12 Members", refreshed every 30 s while the page is open and visible, from the public
// API (GET /api/v1/invites/{code}?with_counts=true). Polling stops once the invite is gone.
import { useEffect, useState } from "react";
import { membersLabel, onlineLabel } from "@/lib/invites/invite-format";

const POLL_MS = 30_000;

type Counts = { members: number; online: number };

type Props = { code: string; initial: Counts; showOnline: boolean };

export function LiveInviteStats({ code, initial, showOnline }: Props) {
  const [counts, setCounts] = useState(initial);
  const [isGone, setGone] = useState(false);

  useEffect(() => {
    if (isGone) return;
    let lastFetch = Date.now();
    let controller: AbortController | null = null;
    const refresh = async () => {
      lastFetch = Date.now();
      controller?.abort();
      controller = new AbortController();
      try {
        const response = await fetch(`/api/v1/invites/${encodeURIComponent(code)}?with_counts=true`, {
          headers: { accept: "application/json" },
          signal: controller.signal,
        });
        if (response.status === 404) return setGone(true);
        if (!response.ok) return; // rate limited or a blip: keep the last numbers, try again next time
        const body = (await response.json()) as {
          approximate_member_count?: number;
          approximate_presence_count?: number;
        };
        if (
          typeof body.approximate_member_count === "number" &&
          typeof body.approximate_presence_count === "number"
        ) {
          setCounts({ members: body.approximate_member_count, online: body.approximate_presence_count });
        }
      } catch {
        // offline or aborted: keep the last numbers
      }
    };
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void refresh();
    }, POLL_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible" && Date.now() - lastFetch >= POLL_MS) void refresh();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisible);
      controller?.abort();
    };
  }, [code, isGone]);

  if (isGone) {
    return (
      <p role="status" className="mt-3 text-sm font-medium text-(--inv-danger-text)">
        This invite is no longer valid.
      </p>
    );
  }
  return (
    <ul
      aria-label="Guild activity"
      className="mt-3 flex flex-wrap items-center gap-x-5 gap-y-1 text-sm text-(--inv-muted)"
    >
      {showOnline && (
        <li className="inline-flex items-center gap-2" data-testid="invite-online">
          <span aria-hidden="true" className="size-2.5 rounded-full bg-(--inv-online)" />
          {onlineLabel(counts.online)}
        </li>
      )}
      <li className="inline-flex items-center gap-2" data-testid="invite-members">
        <span aria-hidden="true" className="size-2.5 rounded-full bg-(--inv-offline)" />
        {membersLabel(counts.members)}
      </li>
    </ul>
  );
}
