// Wording of durations, limits and times on the settings pages. Times are shown in UTC on the server
// render so the HTML is the same for every viewer; live values (the countdown) update in the browser.
import { EXPIRE_OPTIONS } from "./invite-options";

/** "1 day", "30 minutes", or "never" for 0; any other number of seconds in the largest whole unit. */
export function formatMaxAge(seconds: number): string {
  if (seconds === 0) return "never";
  const known = EXPIRE_OPTIONS.find((option) => option.value === seconds);
  if (known) return known.label;
  for (const [unit, size] of [
    ["day", 86400],
    ["hour", 3600],
    ["minute", 60],
  ] as const) {
    if (seconds % size === 0) return `${seconds / size} ${unit}${seconds === size ? "" : "s"}`;
  }
  return `${seconds} seconds`;
}

/** "3 / 10", or "3 / ∞" without a limit. */
export function formatUses(uses: number, maxUses: number): string {
  return `${uses} / ${maxUses === 0 ? "∞" : maxUses}`;
}

/** Time left as "6d 23h", "5h 12m", "12m 05s"; "Expired" at or below zero. */
export function formatCountdown(milliseconds: number): string {
  if (milliseconds <= 0) return "Expired";
  const total = Math.floor(milliseconds / 1000);
  const days = Math.floor(total / 86400);
  const hours = Math.floor((total % 86400) / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (days > 0) return `${days}d ${hours}h`;
  if (hours > 0) return `${hours}h ${String(minutes).padStart(2, "0")}m`;
  return `${minutes}m ${String(seconds).padStart(2, "0")}s`;
}

const DATE = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});
const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});

/** "26 Nov 2026". */
export function formatDate(iso: string): string {
  return DATE.format(new Date(iso));
}

/** "26 Nov 2026, 14:03 UTC". */
export function formatDateTime(iso: string): string {
  return `${DATE_TIME.format(new Date(iso))} UTC`;
}

/** "just now", "5 min ago", "3 h ago", "2 days ago", then the date. */
export function formatRelative(iso: string, now: number): string {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 45) return "just now";
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min ago`;
  if (seconds < 86400) return `${Math.round(seconds / 3600)} h ago`;
  if (seconds < 7 * 86400) {
    const days = Math.round(seconds / 86400);
    return `${days} ${days === 1 ? "day" : "days"} ago`;
  }
  return formatDate(iso);
}
