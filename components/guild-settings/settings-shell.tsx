import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { ArrowLeftIcon } from "@/components/ui/icons";
import { LocalTime } from "@/components/ui/local-time";
import { guildIconUrl, initials } from "@/lib/guild-assets";
import { PauseInvitesForm } from "./pause-invites-form";
import { SettingsNav, type SettingsTab } from "./settings-nav";
import type { PauseInvitesAction } from "@/lib/guild-settings/form-states";
import type { SettingsAccess } from "@/lib/guild-settings/views";
import type { ReactNode } from "react";

type SettingsShellProps = {
  access: SettingsAccess;
  active: SettingsTab;
  pauseAction: PauseInvitesAction;
  children: ReactNode;
};

/** Both settings pages: back link, guild title, the sub-nav, and the "invites are paused" banner. */
export function SettingsShell({ access, active, pauseAction, children }: SettingsShellProps) {
  const { guild } = access;
  return (
    <div className="space-y-6">
      <Link
        href={`/guilds/${guild.id}`}
        className="inline-flex items-center gap-1.5 text-sm text-zinc-600 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white"
      >
        <ArrowLeftIcon className="size-4" />
        Back to {guild.name}
      </Link>
      <div className="flex items-center gap-3">
        <GuildMark name={guild.name} iconUrl={guildIconUrl(guild)} />
        <div className="min-w-0">
          <p className="truncate text-sm text-zinc-500 dark:text-zinc-400">{guild.name}</p>
          <h1 className="text-2xl font-semibold tracking-tight">Guild settings</h1>
        </div>
      </div>
      <SettingsNav guildId={guild.id} active={active} canManageGuild={access.canManageGuild} />
      {access.isPaused ? (
        <div
          role="status"
          data-testid="invites-paused-banner"
          className="flex flex-col gap-3 rounded-xl border border-amber-300 bg-amber-50 px-4 py-3 sm:flex-row sm:items-center sm:justify-between dark:border-amber-500/40 dark:bg-amber-500/10"
        >
          <div className="text-sm text-amber-900 dark:text-amber-200">
            {access.pausedUntil ? (
              <>
                <p className="font-semibold">
                  Invites are paused until <LocalTime iso={access.pausedUntil} testId="pause-ends-at" />
                </p>
                <p className="mt-0.5">
                  Nobody can join with an invite link or the vanity URL until then, or until you resume.
                  Existing links keep their settings.
                </p>
              </>
            ) : (
              <>
                <p className="font-semibold">Invites are paused</p>
                <p className="mt-0.5">
                  Nobody can join with an invite link or the vanity URL until invites are resumed. Existing
                  links keep their settings.
                </p>
              </>
            )}
          </div>
          {access.canManageGuild ? <PauseInvitesForm action={pauseAction} isPaused variant="button" /> : null}
        </div>
      ) : null}
      {children}
    </div>
  );
}

/**
 * The guild's icon, or its initials on the brand colour. (The shared Avatar's palette puts white initials on
 * light colours such as amber, below WCAG AA contrast for two-letter initials; this page stays on the brand
 * colour, which passes.)
 */
function GuildMark({ name, iconUrl }: { name: string; iconUrl: string | null }) {
  if (iconUrl) return <Avatar name={name} src={iconUrl} size="lg" shape="rounded" />;
  return (
    <span
      aria-hidden
      className="inline-flex size-14 shrink-0 items-center justify-center rounded-2xl bg-brand-600 text-lg font-semibold text-white select-none"
    >
      {initials(name)}
    </span>
  );
}
