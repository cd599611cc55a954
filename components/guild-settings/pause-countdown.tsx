"use client";
// Time left of a timed pause, ticking every second. The first paint uses the server's clock (passed in), so the
// HTML and the hydrated page agree. When it reaches zero the page is rendered again once, so the banner and
// the switch show the invites open (the pause ended by itself on the server at that moment too).
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { useNow } from "@/components/ui/use-now";
import { formatCountdown } from "@/lib/guild-settings/format";

export function PauseCountdown({ until, renderedAt }: { until: string; renderedAt: number }) {
  const router = useRouter();
  const now = useNow(renderedAt, 1000);
  const refreshedFor = useRef<string | null>(null);
  const left = Date.parse(until) - now;
  useEffect(() => {
    if (left > 0 || refreshedFor.current === until) return;
    refreshedFor.current = until;
    router.refresh();
  }, [left, until, router]);
  return (
    <time dateTime={until} className="font-semibold tabular-nums" data-testid="pause-countdown">
      {left > 0 ? formatCountdown(left) : "now"}
    </time>
  );
}
