// The vanity URL page's data: the current code, its own use count and its full link. MANAGE_GUILD only
// (getVanityUrl checks again).
import { appUrl } from "@/server/config/app-url";
import { getVanityUrl } from "@/server/invites/get-vanity-url";
import type { SettingsAccess } from "./load-settings-access";
import type { Caller } from "@/server/auth/caller";

export type VanitySettingsView = { code: string | null; uses: number; url: string | null; baseUrl: string };

export async function loadVanitySettings(
  access: SettingsAccess,
  viewer: Caller,
): Promise<VanitySettingsView> {
  const vanity = await getVanityUrl(access.guildId, viewer);
  const baseUrl = appUrl();
  return {
    code: vanity.code,
    uses: vanity.uses,
    url: vanity.code ? `${baseUrl}/${vanity.code}` : null,
    baseUrl,
  };
}
