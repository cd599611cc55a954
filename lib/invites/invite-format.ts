// Words for the invite landing page, shared by the server-rendered page, its live client parts and the
// Open Graph image, so every place says the same thing.

const numberFormat = new Intl.NumberFormat("en-US");

/** "1 Member", "1,234 Members". */
export function countLabel(count: number, singular: string, plural = `${singular}s`): string {
  return `${numberFormat.format(count)} ${count === 1 ? singular : plural}`;
}

export function membersLabel(count: number): string {
  return countLabel(count, "Member");
}

export function onlineLabel(count: number): string {
  return `${numberFormat.format(count)} Online`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "Never expires", "Expires in 7 days", "Expires in 5 hours", "Expires in 3 minutes", "Expired". */
export function expiryLabel(expiresAt: string | null, now: number): string {
  if (expiresAt === null) return "Never expires";
  const left = Date.parse(expiresAt) - now;
  if (!Number.isFinite(left) || left <= 0) return "Expired";
  if (left < MINUTE) return "Expires in less than a minute";
  if (left < 90 * MINUTE) return `Expires in ${countLabel(Math.round(left / MINUTE), "minute")}`;
  if (left < 36 * HOUR) return `Expires in ${countLabel(Math.round(left / HOUR), "hour")}`;
  return `Expires in ${countLabel(Math.round(left / DAY), "day")}`;
}

/** "ann", "ann and bob", "ann, bob and cy", "ann, bob and 3 others". */
export function joinNames(names: string[]): string {
  if (names.length <= 3)
    return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
  return `${names.slice(0, 2).join(", ")} and ${countLabel(names.length - 2, "other")}`;
}

/** A group DM's display name: its name, else its members' names ("ann, bob and 3 others"). */
export function groupDisplayName(name: string | null, usernames: string[]): string {
  if (name && name.trim()) return name.trim();
  return usernames.length === 0 ? "Group DM" : joinNames(usernames);
}

/**
 * A moment as people read it: "30 Nov, 18:42 UTC" in UTC (the server's render, the same for everyone), or in
 * a visitor's own time zone once their browser draws it ("30 Nov, 19:42 CET").
 */
export function clockTimeLabel(iso: string, timeZone?: string): string {
  const date = new Date(iso);
  if (!Number.isFinite(date.getTime())) return iso;
  const parts = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    timeZone: timeZone ?? "UTC",
    timeZoneName: "short",
  })
    .formatToParts(date)
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  return `${parts.day} ${parts.month}, ${parts.hour}:${parts.minute} ${parts.timeZoneName ?? "UTC"}`;
}
