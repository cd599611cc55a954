// The settings pages only guild managers (MANAGE_GUILD) open: members, vanity URL and analytics. Each one
// starts the same way, so the rule is written once: signed out → the login page (back here afterwards),
// unknown guild or not a member → 404, a member without MANAGE_GUILD → the 403 page.
import { forbidden, notFound } from "next/navigation";
import { getPageUser, requirePageUser } from "@/server/auth/page-user";
import { loadSettingsAccess } from "./load-settings-access";
import type { SettingsAccess } from "@/lib/guild-settings/views";
import type { Caller } from "@/server/auth/caller";
import type { Metadata } from "next";

/** The tab's title with the guild's name, for a manager; a plain "Guild settings" for anyone else. */
export async function managerPageMetadata(
  params: Promise<{ guildId: string }>,
  tab: string,
): Promise<Metadata> {
  const [user, { guildId }] = await Promise.all([getPageUser(), params]);
  const result = user ? await loadSettingsAccess(guildId, user.id) : null;
  return {
    title:
      result?.kind === "ok" && result.access.canManageGuild
        ? `${tab} · ${result.access.guild.name}`
        : "Guild settings",
  };
}

/** The signed-in manager and their access, or the answer a non-manager gets (a redirect, 404 or 403). */
export async function requireGuildManager(
  guildId: string,
  returnPath: string,
): Promise<{ user: Caller; access: SettingsAccess }> {
  const user = await requirePageUser(returnPath);
  const result = await loadSettingsAccess(guildId, user.id);
  if (result.kind === "not-found") notFound();
  if (result.kind === "forbidden" || !result.access.canManageGuild) forbidden();
  return { user, access: result.access };
}
