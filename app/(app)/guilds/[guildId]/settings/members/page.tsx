import { forbidden } from "next/navigation";
import { InviteLeaderboard } from "@/components/guild-settings/invite-leaderboard";
import { MemberFilters } from "@/components/guild-settings/member-filters";
import { MemberTable } from "@/components/guild-settings/member-table";
import { SettingsShell } from "@/components/guild-settings/settings-shell";
import { Card, CardHeader } from "@/components/ui/card";
import { membersSettingsPath, readMemberFilters } from "@/lib/guild-settings/members";
import { loadInviteLeaderboard } from "@/server/guild-settings/load-invite-leaderboard";
import { loadMemberList } from "@/server/guild-settings/load-member-list";
import { managerPageMetadata, requireGuildManager } from "@/server/guild-settings/manager-page";
import { setInvitesPausedAction } from "../actions";
import type { Metadata } from "next";

type Props = PageProps<"/guilds/[guildId]/settings/members">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return managerPageMetadata(params, "Members");
}

// Who joined and how (MANAGE_GUILD): members newest first, narrowed to one invite code (?code, reached by
// clicking an invite's uses on the invites page) or one join source (?source), 50 a page (?page), and the
// inviters ranked by joins over 24 hours, 7 days or all time (?period). Plain members get the 403 page,
// non-members a 404.
export default async function MemberSettingsPage({ params, searchParams }: Props) {
  const [{ guildId }, query] = await Promise.all([params, searchParams]);
  const { access } = await requireGuildManager(guildId, `/guilds/${guildId}/settings/members`);
  const filters = readMemberFilters(query);
  const [list, leaderboard] = await Promise.all([
    loadMemberList(access, filters),
    loadInviteLeaderboard(access, filters.period),
  ]);
  if (!list || !leaderboard) forbidden();
  const id = access.guild.id;

  return (
    <SettingsShell
      access={access}
      active="members"
      pauseAction={setInvitesPausedAction.bind(null, id, "members")}
    >
      <Card>
        <CardHeader
          title={
            <>
              Members <span className="font-normal text-zinc-500 dark:text-zinc-400">({list.total})</span>
            </>
          }
        />
        <div className="border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
          <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
            Who joined, newest first, and how: the invite they used and who created it.
          </p>
          <MemberFilters
            basePath={membersSettingsPath(id)}
            filters={filters}
            clearHref={membersSettingsPath(id, { period: filters.period })}
          />
        </div>
        <MemberTable
          list={list}
          pageHref={(page) => membersSettingsPath(id, { ...filters, page })}
          codeHref={(code) => membersSettingsPath(id, { code, period: filters.period })}
        />
      </Card>

      <InviteLeaderboard
        rows={leaderboard}
        period={filters.period}
        periodHref={(period) => membersSettingsPath(id, { ...filters, period })}
      />
    </SettingsShell>
  );
}
