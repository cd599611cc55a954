import Link from "next/link";
import { cx } from "@/components/ui/cx";

export type SettingsTab = "invites" | "members" | "vanity" | "analytics";

/** The settings sub-nav shared by the pages: Invites | Members | Vanity URL | Analytics (all but the first for MANAGE_GUILD only). */
export function SettingsNav({
  guildId,
  active,
  canManageGuild,
}: {
  guildId: string;
  active: SettingsTab;
  canManageGuild: boolean;
}) {
  const tabs = [
    { tab: "invites" as const, label: "Invites", href: `/guilds/${guildId}/settings/invites` },
    ...(canManageGuild
      ? [{ tab: "members" as const, label: "Members", href: `/guilds/${guildId}/settings/members` }]
      : []),
    ...(canManageGuild
      ? [{ tab: "vanity" as const, label: "Vanity URL", href: `/guilds/${guildId}/settings/vanity` }]
      : []),
    ...(canManageGuild
      ? [{ tab: "analytics" as const, label: "Analytics", href: `/guilds/${guildId}/settings/analytics` }]
      : []),
  ];
  return (
    <nav aria-label="Guild settings" className="border-b border-zinc-200 dark:border-zinc-800">
      <ul className="-mb-px flex gap-6">
        {tabs.map(({ tab, label, href }) => (
          <li key={tab}>
            <Link
              href={href}
              aria-current={tab === active ? "page" : undefined}
              className={cx(
                "inline-block border-b-2 px-1 pb-3 text-sm font-medium transition-colors",
                tab === active
                  ? "border-brand-600 text-brand-700 dark:border-brand-400 dark:text-brand-400"
                  : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900 dark:text-zinc-400 dark:hover:text-white",
              )}
            >
              {label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
