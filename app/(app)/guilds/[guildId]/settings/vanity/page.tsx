import { CopyButton } from "@/components/guild-settings/copy-button";
import { SettingsShell } from "@/components/guild-settings/settings-shell";
import { VanityForm } from "@/components/guild-settings/vanity-form";
import { Card, CardHeader } from "@/components/ui/card";
import { vanitySettingsPath } from "@/lib/guild-settings/paths";
import { loadVanitySettings } from "@/server/guild-settings/load-vanity-settings";
import { managerPageMetadata, requireGuildManager } from "@/server/guild-settings/manager-page";
import { setInvitesPausedAction, updateVanityAction } from "../actions";
import type { Metadata } from "next";

type Props = PageProps<"/guilds/[guildId]/settings/vanity">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return managerPageMetadata(params, "Vanity URL");
}

// The guild's vanity URL (MANAGE_GUILD): the current link and its uses, and a form to set, change or
// clear it (clearing after a confirmation, ?remove=1 without JavaScript). Without the VANITY_URL feature the
// page says so and shows no form.
export default async function VanitySettingsPage({ params, searchParams }: Props) {
  const [{ guildId }, query] = await Promise.all([params, searchParams]);
  const { user, access } = await requireGuildManager(guildId, `/guilds/${guildId}/settings/vanity`);
  const vanity = await loadVanitySettings(access, user);
  const id = access.guild.id;

  return (
    <SettingsShell
      access={access}
      active="vanity"
      pauseAction={setInvitesPausedAction.bind(null, id, "vanity")}
    >
      <Card>
        <CardHeader title="Vanity URL" />
        <div className="space-y-5 p-4 sm:p-6">
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            A short, memorable link to this guild that never expires and has no use limit, like{" "}
            <span className="font-mono text-zinc-900 dark:text-zinc-100">{vanity.baseUrl}/your-guild</span>.
            Its use count belongs to the guild: changing the code keeps counting.
          </p>
          {!access.hasVanityFeature ? (
            <div
              className="rounded-lg border border-zinc-200 bg-zinc-50 px-4 py-3 text-sm dark:border-zinc-800 dark:bg-zinc-950"
              data-testid="vanity-unavailable"
            >
              <p className="font-medium">Vanity URLs are not available for this guild</p>
              <p className="mt-1 text-zinc-600 dark:text-zinc-400">
                They are a guild feature (VANITY_URL) that the administrators of this instance turn on. Ask
                them if your guild should have one; until then, share regular invites.
              </p>
            </div>
          ) : (
            <>
              <div
                className="rounded-lg border border-zinc-200 px-4 py-3 dark:border-zinc-800"
                data-testid="vanity-current"
              >
                <p className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
                  Current vanity URL
                </p>
                {vanity.url ? (
                  <div className="mt-1 flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
                    <div className="min-w-0">
                      <a
                        href={vanity.url}
                        className="font-mono text-sm font-semibold break-all text-brand-700 hover:underline dark:text-brand-400"
                      >
                        {vanity.url}
                      </a>
                      <p className="text-sm text-zinc-500 dark:text-zinc-400" data-testid="vanity-uses">
                        Used {vanity.uses} {vanity.uses === 1 ? "time" : "times"}
                      </p>
                    </div>
                    <CopyButton value={vanity.url} variant="secondary" size="sm" />
                  </div>
                ) : (
                  <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">None yet. Pick one below.</p>
                )}
              </div>
              <VanityForm
                action={updateVanityAction.bind(null, id)}
                guildId={id}
                baseUrl={vanity.baseUrl}
                currentCode={vanity.code}
                isConfirmingRemove={query.remove === "1"}
                pagePath={vanitySettingsPath(id)}
              />
            </>
          )}
        </div>
      </Card>
    </SettingsShell>
  );
}
