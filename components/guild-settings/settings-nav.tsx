import Link from "next/link";
import { cx } from "@/components/ui/cx";

export type SettingsTab = "invites" | "vanity" | "analytics";

/** The settings sub-nav shared by the pages: Invites | Vanity URL | Analytics (the last two for MANAGE_GUILD only). */
export function SettingsNav({ guildId, active, showVanity }: { guildId: string; active: SettingsTab; showVanity: boolean }) {
  const tabs = [
    { tab: "invites" as const, label: "Invites", href: `/guilds/${guildId}/settings/invites` },
    ...(showVanity ? [{ tab: "vanity" as const, label: "Vanity URL", href: `/guilds/${guildId}/settings/vanity` }] : []),
    ...(showVanity ? [{ tab: "analytics" as const, label: "Analytics", href: `/guilds/${guildId}/settings/analytics` }] : []),
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
