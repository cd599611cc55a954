// The invite preview card of the landing page: who invited you, where to, how busy it is, what joining
// means (temporary membership, expiry) and exactly one primary action for the viewer's state.
import { describeInvite, type FoundLanding } from "@/lib/invites/describe-invite";
import { joinNames } from "@/lib/invites/invite-format";
import { ExpiryText } from "./expiry-text";
import { InviteAvatar } from "./invite-avatar";
import { ClockIcon, HashIcon, InfoIcon, PeopleIcon, VerifiedBadge } from "./invite-icons";
import { InvitePageShell } from "./invite-page-shell";
import { InvitePrimaryAction, type InviteActions } from "./invite-primary-action";
import { LiveInviteStats } from "./live-invite-stats";

type Props = { landing: FoundLanding; actions: InviteActions; autoAccept: boolean; highlightAccept: boolean };

export function InviteLandingView({ landing, actions, autoAccept, highlightAccept }: Props) {
  const view = describeInvite(landing.invite);
  const { invite, isGroupDm } = landing;
  const banner = view.bannerUrl
    ? { backgroundImage: `url("${view.bannerUrl}")`, backgroundSize: "cover", backgroundPosition: "center" }
    : {
        background: `linear-gradient(120deg, hsl(${view.hue} 70% 58%), hsl(${(view.hue + 45) % 360} 65% 46%))`,
      };
  return (
    <InvitePageShell splashUrl={view.splashUrl}>
      <article
        aria-labelledby="invite-title"
        className="overflow-hidden rounded-2xl border border-(--inv-border) bg-(--inv-card) shadow-(--inv-shadow)"
      >
        <div aria-hidden="true" className="h-24 sm:h-28" style={banner} data-testid="invite-banner" />
        <div className="px-5 pb-6 sm:px-7 sm:pb-7">
          <div className="-mt-10 inline-flex rounded-[30%] bg-(--inv-card) p-1">
            <InviteAvatar name={view.name} src={view.iconUrl} hue={view.hue} className="size-20 text-2xl" />
          </div>
          <p className="mt-3 flex min-w-0 items-center gap-2 text-sm text-(--inv-muted)">
            {view.inviter ? (
              <>
                <InviteAvatar
                  name={view.inviter.name}
                  src={view.inviter.avatarUrl}
                  hue={view.inviter.hue}
                  shape="circle"
                  className="size-5 text-[10px]"
                />
                <span className="min-w-0 truncate" data-testid="invite-inviter">
                  <strong className="font-semibold text-(--inv-text)">{view.inviter.name}</strong> invited you
                  to join
                  {isGroupDm ? " a group DM" : ""}
                </span>
              </>
            ) : (
              <span data-testid="invite-inviter">
                You&apos;ve been invited to join{isGroupDm ? " a group DM" : ""}
              </span>
            )}
          </p>
          <h1
            id="invite-title"
            className={`mt-1 flex items-center gap-2 font-bold leading-tight tracking-tight ${view.name.length > 40 ? "text-xl sm:text-2xl" : "text-2xl sm:text-[1.7rem]"}`}
          >
            <span className="min-w-0 break-words">{view.name}</span>
            {view.isVerified && <VerifiedBadge />}
          </h1>
          <LiveInviteStats
            key={`${view.members}:${view.online}`}
            code={invite.code}
            initial={{ members: view.members, online: view.online }}
            showOnline={!isGroupDm}
          />
          <ul className="mt-5 space-y-2 border-t border-(--inv-border) pt-4 text-sm text-(--inv-muted)">
            {view.channelName && (
              <li className="flex items-center gap-2.5" data-testid="invite-channel">
                <HashIcon />
                <span>
                  Opens in <strong className="font-medium text-(--inv-text)">#{view.channelName}</strong>
                </span>
              </li>
            )}
            {isGroupDm && view.recipients.length > 0 && (
              <li className="flex items-center gap-2.5" data-testid="invite-recipients">
                <PeopleIcon />
                <span className="min-w-0">
                  With <strong className="font-medium text-(--inv-text)">{joinNames(view.recipients)}</strong>
                </span>
              </li>
            )}
            {invite.roles.length > 0 && (
              <li className="flex items-center gap-2.5" data-testid="invite-roles">
                <PeopleIcon />
                <span className="min-w-0">
                  {invite.roles.length === 1 ? "You'll get the role " : "You'll get the roles "}
                  <strong className="font-medium text-(--inv-text)">
                    {joinNames(invite.roles.map((role) => role.name))}
                  </strong>
                </span>
              </li>
            )}
            <li className="flex items-center gap-2.5">
              <ClockIcon />
              <ExpiryText expiresAt={view.expiresAt} renderedAt={landing.renderedAt} />
            </li>
          </ul>
          {invite.temporary && (
            <p
              role="note"
              data-testid="invite-temporary"
              className="mt-4 flex gap-2.5 rounded-xl border border-(--inv-warn-border) bg-(--inv-warn-bg) px-3.5 py-3 text-sm leading-snug text-(--inv-warn-text)"
            >
              <InfoIcon />
              <span>
                <strong className="font-semibold">Temporary membership.</strong> You&apos;ll be removed when
                you disconnect unless you&apos;re given a role.
              </span>
            </p>
          )}
          <InvitePrimaryAction
            landing={landing}
            name={view.name}
            actions={actions}
            autoAccept={autoAccept}
            highlightAccept={highlightAccept}
          />
        </div>
      </article>
    </InvitePageShell>
  );
}
