import Link from "next/link";
import { forbidden, notFound } from "next/navigation";
import { CreateInvite } from "@/components/guild-settings/create-invite-dialog";
import { InviteActivity } from "@/components/guild-settings/invite-activity";
import { InviteFilters } from "@/components/guild-settings/invite-filters";
import { InviteTable } from "@/components/guild-settings/invite-table";
import { LiveInviteRefresh } from "@/components/guild-settings/live-invite-refresh";
import { PauseCountdown } from "@/components/guild-settings/pause-countdown";
import { PauseForForm, PauseInvitesForm } from "@/components/guild-settings/pause-invites-form";
import { SettingsShell } from "@/components/guild-settings/settings-shell";
import { Card, CardHeader } from "@/components/ui/card";
import { membersSettingsPath } from "@/lib/guild-settings/members";
import { inviteAnalyticsPath, invitesSettingsPath } from "@/lib/guild-settings/paths";
import { firstValue } from "@/lib/search-params";
import { getPageUser, requirePageUser } from "@/server/auth/page-user";
import { loadInviteActivity } from "@/server/guild-settings/load-invite-activity";
import { loadInviteList, readInviteFilters } from "@/server/guild-settings/load-invite-list";
import { canSeeInvites, loadSettingsAccess } from "@/server/guild-settings/load-settings-access";
import { createInviteAction, editInviteAction, revokeInviteAction, setInvitesPausedAction } from "../actions";
import type { Metadata } from "next";

type Props = PageProps<"/guilds/[guildId]/settings/invites">;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [user, { guildId }] = await Promise.all([getPageUser(), params]);
  const result = user ? await loadSettingsAccess(guildId, user.id) : null;
  return {
    title:
      result?.kind === "ok" && canSeeInvites(result.access)
        ? `Invites · ${result.access.guild.name}`
        : "Guild settings",
  };
}

// The guild's front door: live invites (all for MANAGE_GUILD, their channels' for MANAGE_CHANNELS), create
// and revoke, the pause switch, and recent activity. Plain members get the 403 page, non-members a 404.
export default async function InviteSettingsPage({ params, searchParams }: Props) {
  const [{ guildId }, query] = await Promise.all([params, searchParams]);
  const user = await requirePageUser(`/guilds/${guildId}/settings/invites`);
  const result = await loadSettingsAccess(guildId, user.id);
  if (result.kind === "not-found") notFound();
  if (result.kind === "forbidden" || !canSeeInvites(result.access)) forbidden();
  const { access } = result;
  const filters = readInviteFilters(query);
  const [list, activity] = await Promise.all([
    loadInviteList(access, user, filters),
    loadInviteActivity(access),
  ]);
  if (!list) forbidden();

  const id = access.guild.id;
  const renderedAt = Date.now();
  const pageHref = invitesSettingsPath(id, filters);
  // Channels the viewer may invite to and will then see in this table (all of them for MANAGE_GUILD).
  const invitable = access.channels.filter((c) => c.canInvite && (access.canManageGuild || c.canManage));
  const defaultChannel = invitable.find((c) => c.id === filters.channel)?.id ?? invitable[0]?.id ?? "";
  const revokedCode = firstValue(query.revoked);
  const isRevokedShown =
    revokedCode !== null &&
    /^[A-Za-z0-9-]{2,32}$/.test(revokedCode) &&
    !list.invites.some((i) => i.code === revokedCode);
  const pauseAction = setInvitesPausedAction.bind(null, id, "invites");

  return (
    <SettingsShell access={access} active="invites" pauseAction={pauseAction}>
      <LiveInviteRefresh guildId={id} />
      {isRevokedShown ? (
        <div
          role="status"
          className="rounded-xl border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-800 dark:border-emerald-500/30 dark:bg-emerald-500/10 dark:text-emerald-300"
        >
          Invite <span className="font-mono font-semibold">{revokedCode}</span> was revoked. The link no
          longer works.
        </div>
      ) : null}

      {access.canManageGuild ? (
        <Card className="space-y-3 p-4" data-testid="pause-card">
          <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
            <div>
              <h2 className="text-sm font-semibold">Pause invites</h2>
              <p className="mt-0.5 text-sm text-zinc-600 dark:text-zinc-400">
                Stops everyone from joining with any invite link or the vanity URL, e.g. during a raid. Links
                are kept and work again when you resume.
              </p>
            </div>
            <PauseInvitesForm action={pauseAction} isPaused={access.isPaused} variant="switch" />
          </div>
          {!access.isPaused ? <PauseForForm action={pauseAction} /> : null}
          {access.pausedUntil ? (
            <p className="text-sm text-zinc-700 dark:text-zinc-300">
              Invites open again by themselves in{" "}
              <PauseCountdown until={access.pausedUntil} renderedAt={renderedAt} />.
            </p>
          ) : null}
        </Card>
      ) : null}

      <Card>
        <CardHeader
          title={
            <>
              Invites <span className="font-normal text-zinc-500 dark:text-zinc-400">({list.total})</span>
            </>
          }
          aside={
            invitable.length > 0 ? (
              <CreateInvite
                action={createInviteAction.bind(null, id)}
                channels={invitable.map(({ id, name, type, category }) => ({ id, name, type, category }))}
                roles={access.grantableRoles}
                defaultChannel={defaultChannel}
                initiallyOpen={firstValue(query.create) === "1"}
                openHref={invitesSettingsPath(id, { ...filters, create: "1" })}
                closeHref={pageHref}
              />
            ) : null
          }
        />
        <div className="border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
          <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
            {access.canManageGuild
              ? "Every live invite of this guild, newest first."
              : "Live invites of the channels you manage, newest first."}
          </p>
          <InviteFilters
            key={`${filters.channel}-${filters.inviter}`}
            basePath={invitesSettingsPath(id)}
            channels={list.channelOptions}
            inviters={list.inviterOptions}
            channel={filters.channel}
            inviter={filters.inviter}
          />
        </div>
        {list.invites.length > 0 ? (
          <InviteTable
            invites={list.invites}
            revokeAction={revokeInviteAction.bind(null, id, filters.channel ?? "", filters.inviter ?? "")}
            editAction={editInviteAction.bind(null, id)}
            renderedAt={renderedAt}
            revokeCode={firstValue(query.revoke)}
            revokeHref={(code) => invitesSettingsPath(id, { ...filters, revoke: code })}
            closeHref={pageHref}
            joinsHref={access.canManageGuild ? (code) => membersSettingsPath(id, { code }) : undefined}
            analyticsHref={access.canManageGuild ? (code) => inviteAnalyticsPath(id, code) : undefined}
            grantableRoles={access.grantableRoles}
          />
        ) : (
          <div
            className="px-4 py-10 text-center text-sm text-zinc-500 dark:text-zinc-400"
            data-testid="no-invites"
          >
            {list.total > 0 ? (
              <>
                No invite matches these filters.{" "}
                <Link href={invitesSettingsPath(id)} className="font-medium text-brand-600 hover:underline">
                  Show all invites
                </Link>
              </>
            ) : (
              "No live invites. Create one to let people in."
            )}
          </div>
        )}
      </Card>

      {activity ? <InviteActivity items={activity} renderedAt={renderedAt} /> : null}
    </SettingsShell>
  );
}
