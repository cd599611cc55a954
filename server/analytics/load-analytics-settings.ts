// The analytics settings pages' loads: the guild's ranking (MANAGE_GUILD) and one invite's numbers (its
// inviter or MANAGE_GUILD), through the same use-cases as the API, for the page's own guild only.
import { conversion } from "@/lib/analytics/buckets";
import { rangeWindow, type AnalyticsRange } from "@/lib/analytics/ranges";
import { ApiError } from "@/lib/errors";
import { db } from "@/server/db";
import { getGuildInviteAnalytics } from "./get-guild-invite-analytics";
import { findInvite, getInviteAnalytics } from "./get-invite-analytics";
import type { GuildAnalyticsView, InviteAnalyticsView } from "@/lib/analytics/views";
import type { SettingsAccess } from "@/lib/guild-settings/views";
import type { Caller } from "@/server/auth/caller";

export async function loadGuildAnalytics(
  access: SettingsAccess,
  user: Caller,
  range: AnalyticsRange,
  now = Date.now(),
): Promise<GuildAnalyticsView> {
  const { from, to } = rangeWindow(range, now);
  const { invites } = await getGuildInviteAnalytics(access.guildId, user, { from, to });
  const inviterIds = [
    ...new Set(invites.flatMap((invite) => (invite.inviter_id ? [BigInt(invite.inviter_id)] : []))),
  ];
  const prisma = await db();
  const inviters = new Map(
    (
      await prisma.user.findMany({ where: { id: { in: inviterIds } }, select: { id: true, username: true } })
    ).map((u) => [u.id.toString(), u.username]),
  );
  return {
    range,
    invites: invites.map((invite) => ({
      code: invite.code,
      inviter: invite.inviter_id ? (inviters.get(invite.inviter_id) ?? null) : null,
      views: invite.views,
      joins: invite.joins,
      conversion: invite.conversion,
    })),
  };
}

export type InviteAnalyticsResult =
  { kind: "ok"; view: InviteAnalyticsView } | { kind: "not-found" } | { kind: "forbidden" };

export async function loadInviteAnalytics(
  access: SettingsAccess,
  user: Caller,
  code: string,
  range: AnalyticsRange,
  now = Date.now(),
): Promise<InviteAnalyticsResult> {
  const invite = await findInvite(await db(), code);
  if (!invite || invite.guildId !== access.guildId) return { kind: "not-found" };
  const window = rangeWindow(range, now);
  try {
    const data = await getInviteAnalytics(invite.code, user, window);
    return {
      kind: "ok",
      view: {
        code: data.code,
        range,
        granularity: window.granularity,
        totals: data.totals,
        conversion: conversion(data.totals.views, data.totals.joins),
        buckets: data.buckets,
        referrers: data.referrers,
      },
    };
  } catch (error) {
    if (error instanceof ApiError && error.status === 403) return { kind: "forbidden" };
    if (error instanceof ApiError && error.status === 404) return { kind: "not-found" };
    throw error;
  }
}
