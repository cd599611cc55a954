"use client";

import { useCallback, useSyncExternalStore } from "react";

/**
 * The browser's clock, read again every `everyMs` while `isActive`, floored to that step so a render between
 * two ticks reads the same value. On the server and during hydration it is `renderedAt` (the server's clock
 * when it rendered), so the HTML and the hydrated page agree.
 */
export function useNow(renderedAt: number, everyMs: number, isActive = true): number {
  const subscribe = useCallback(
    (onTick: () => void) => {
      if (!isActive) return () => {};
      const timer = setInterval(onTick, everyMs);
      return () => clearInterval(timer);
    },
    [everyMs, isActive],
  );
  return useSyncExternalStore(
    subscribe,
    () => (isActive ? Math.floor(Date.now() / everyMs) * everyMs : renderedAt),
    () => renderedAt,
  );
}
