"use client";
// "Invites are paused until 30 Nov, 18:42" on a landing page during a timed pause, the time in the visitor's
// own zone. A page left open past that time says the pause is over and offers a reload: it never reloads by
// itself, since a browser clock ahead of the server's would load the paused page again and again.
import { useEffect, useState } from "react";
import { LocalTime } from "@/components/ui/local-time";

export function PausedUntil({ until, name }: { until: string; name: string }) {
  const [isOver, setIsOver] = useState(false);
  useEffect(() => {
    const left = Math.max(0, Date.parse(until) - Date.now());
    const timer = setTimeout(() => setIsOver(true), Math.min(left, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [until]);
  if (isOver) {
    return (
      <span role="status">
        The pause on {name}&apos;s invites has ended.{" "}
        <a href="" className="font-medium text-(--inv-link) underline underline-offset-2 hover:no-underline">
          Reload to join
        </a>
      </span>
    );
  }
  return (
    <span data-paused-until={until}>
      Invites are paused until{" "}
      <LocalTime iso={until} className="font-semibold text-(--inv-text)" testId="invites-paused-until" />. Try
      again then.
    </span>
  );
}
