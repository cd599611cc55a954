// The settings Members view: who joined, how, and through whose invites. Its filters live in the query
// string (?code, ?source, ?page, ?period) so links and the back button work, and so does a browser without
// JavaScript. Pure: the server reads and loads, components draw.
import { JoinSourceType } from "@/lib/constants";
import { firstValue } from "@/lib/search-params";

export const MEMBERS_PAGE_SIZE = 50;
export const LEADERBOARD_SIZE = 10;

/** The join sources the view filters by, by their query-string name. */
export const MEMBER_SOURCES = [
  { value: "invite", label: "Invite link", type: JoinSourceType.INSTANT_INVITE },
  { value: "vanity", label: "Vanity URL", type: JoinSourceType.VANITY_URL },
  { value: "bot", label: "Bot added", type: JoinSourceType.BOT_INVITE },
  { value: "admin", label: "Added by an instance admin", type: JoinSourceType.ADMIN_FORCE_ADD },
  { value: "creator", label: "Created the guild", type: JoinSourceType.CREATOR },
] as const;

export type MemberSourceName = (typeof MEMBER_SOURCES)[number]["value"];

export const LEADERBOARD_PERIODS = [
  { value: "24h", label: "24 hours", seconds: 86_400 },
  { value: "7d", label: "7 days", seconds: 7 * 86_400 },
  { value: "all", label: "All time", seconds: null },
] as const;

export type LeaderboardPeriod = (typeof LEADERBOARD_PERIODS)[number]["value"];

export type MemberFilters = {
  code: string | null;
  source: MemberSourceName | null;
  page: number;
  period: LeaderboardPeriod;
};

type Query = Record<string, string | string[] | undefined>;

/** The filters of a query string; anything unrecognised is no filter (never an error page). */
export function readMemberFilters(query: Query): MemberFilters {
  const code = firstValue(query.code);
  const source = firstValue(query.source);
  const page = Number(firstValue(query.page) ?? "1");
  const period = firstValue(query.period);
  return {
    code: code !== null && /^[A-Za-z0-9-]{2,32}$/.test(code) ? code : null,
    source: MEMBER_SOURCES.some((s) => s.value === source) ? (source as MemberSourceName) : null,
    page: Number.isInteger(page) && page >= 1 && page <= 100_000 ? page : 1,
    period: LEADERBOARD_PERIODS.some((p) => p.value === period) ? (period as LeaderboardPeriod) : "7d",
  };
}

/** The Members page with these filters; defaults are left out of the URL. */
export function membersSettingsPath(guildId: string, filters: Partial<MemberFilters> = {}): string {
  const search = new URLSearchParams();
  if (filters.code) search.set("code", filters.code);
  if (filters.source) search.set("source", filters.source);
  if (filters.page && filters.page > 1) search.set("page", String(filters.page));
  if (filters.period && filters.period !== "7d") search.set("period", filters.period);
  const text = search.toString();
  return `/guilds/${guildId}/settings/members${text ? `?${text}` : ""}`;
}

/** How a join source reads in the table. */
export function joinSourceLabel(type: number): string {
  switch (type) {
    case JoinSourceType.CREATOR:
      return "Created the guild";
    case JoinSourceType.INSTANT_INVITE:
      return "Invite link";
    case JoinSourceType.VANITY_URL:
      return "Vanity URL";
    case JoinSourceType.BOT_INVITE:
      return "Bot added";
    case JoinSourceType.ADMIN_FORCE_ADD:
      return "Instance admin";
    case JoinSourceType.DISCOVERY:
      return "Discovery";
    default:
      return "Unknown";
  }
}

/** "Showing 51–100 of 230 members" (or that none match). */
export function describePage(page: number, shown: number, total: number): string {
  if (total === 0 || shown === 0)
    return total === 0
      ? "No members match."
      : `Nothing on page ${page}; ${total} ${total === 1 ? "member matches" : "members match"}.`;
  const first = (page - 1) * MEMBERS_PAGE_SIZE + 1;
  return `Showing ${first}–${first + shown - 1} of ${total} ${total === 1 ? "member" : "members"}`;
}

export type MemberRowView = {
  userId: string;
  username: string;
  discriminator: number;
  avatarHash: string | null;
  nick: string | null;
  isBot: boolean;
  joinedAt: string;
  source: number;
  code: string | null;
  inviter: { id: string; username: string } | null;
};

export type MemberListView = { members: MemberRowView[]; total: number; filters: MemberFilters };

export type LeaderboardRowView = {
  inviter: { id: string; username: string; discriminator: number } | null;
  inviterId: string;
  joins: number;
};
