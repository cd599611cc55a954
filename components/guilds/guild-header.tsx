import Link from "next/link";
import { Avatar } from "@/components/ui/avatar";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { CheckBadgeIcon, CrownIcon, SettingsIcon, UsersIcon } from "@/components/ui/icons";
import { guildBannerUrl, guildIconUrl } from "@/lib/guild-assets";
import type { GuildOverview } from "@/lib/guilds/overview";

// Features worth a badge, with a readable label; the rest are internal switches.
const FEATURE_BADGES: Record<string, { label: string; tone: BadgeTone }> = {
  VERIFIED: { label: "Verified", tone: "success" },
  PARTNERED: { label: "Partnered", tone: "brand" },
  COMMUNITY: { label: "Community", tone: "neutral" },
  VANITY_URL: { label: "Vanity URL", tone: "brand" },
  INVITES_DISABLED: { label: "Invites paused", tone: "warning" },
};

type GuildHeaderProps = { guild: GuildOverview["guild"]; canManage: boolean };

/** Banner (image or gradient), icon, name, feature badges, member count and the settings link. */
export function GuildHeader({ guild, canManage }: GuildHeaderProps) {
  const banner = guildBannerUrl(guild);
  const badges = guild.features.flatMap((feature) =>
    FEATURE_BADGES[feature] ? [{ feature, ...FEATURE_BADGES[feature] }] : [],
  );
  return (
    <section
      aria-labelledby="guild-name"
      className="overflow-hidden rounded-2xl border border-zinc-200 bg-white shadow-xs dark:border-zinc-800 dark:bg-zinc-900"
    >
      <div
        className={
          banner
            ? "h-28 bg-cover bg-center sm:h-40"
            : "h-20 bg-gradient-to-br from-brand-500 via-indigo-500 to-sky-500 sm:h-24"
        }
        style={banner ? { backgroundImage: `url(${banner})` } : undefined}
        data-testid="guild-banner"
      />
      <div className="flex flex-col gap-4 px-4 pb-5 sm:flex-row sm:items-end sm:justify-between sm:px-6">
        <div className="flex min-w-0 items-end gap-4">
          <Avatar
            name={guild.name}
            src={guildIconUrl(guild)}
            size="xl"
            shape="rounded"
            className="-mt-10 ring-4 ring-white dark:ring-zinc-900"
          />
          <div className="min-w-0 pb-1">
            <div className="flex items-center gap-1.5">
              <h1 id="guild-name" className="truncate text-xl font-semibold tracking-tight sm:text-2xl">
                {guild.name}
              </h1>
              {guild.features.includes("VERIFIED") ? (
                <CheckBadgeIcon className="size-5 shrink-0 text-emerald-500" aria-label="Verified" />
              ) : null}
            </div>
            <p className="mt-0.5 flex items-center gap-1 text-sm text-zinc-500 dark:text-zinc-400">
              <UsersIcon className="size-4" />
              {guild.memberCount.toLocaleString("en-US")} {guild.memberCount === 1 ? "member" : "members"}
            </p>
          </div>
        </div>
        {canManage ? (
          <Link
            href={`/guilds/${guild.id}/settings/invites`}
            className={buttonClasses({
              variant: "secondary",
              size: "sm",
              className: "self-start sm:self-auto",
            })}
          >
            <SettingsIcon className="size-4" />
            Settings
          </Link>
        ) : null}
      </div>
      {badges.length > 0 || guild.isOwner ? (
        <div
          className="flex flex-wrap gap-1.5 border-t border-zinc-100 px-4 py-3 sm:px-6 dark:border-zinc-800"
          aria-label="Guild features"
        >
          {guild.isOwner ? (
            <Badge tone="warning">
              <CrownIcon className="size-3" />
              You own this guild
            </Badge>
          ) : null}
          {badges.map((badge) => (
            <Badge key={badge.feature} tone={badge.tone}>
              {badge.label}
            </Badge>
          ))}
        </div>
      ) : null}
    </section>
  );
}
