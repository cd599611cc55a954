// The invite the visitor is signing in to accept, at the top of the login and register cards: the guild's
// icon and name, who invited them, and the counts, as the landing page shows them but smaller. Rendered on
// the server with no client code of its own, so the sign-in pages stay a plain form.
import { initials } from "@/lib/guild-assets";
import { describeInvite } from "@/lib/invites/describe-invite";
import { membersLabel, onlineLabel } from "@/lib/invites/invite-format";
import type { InviteObject as InviteDto } from "@/lib/invites/invite-object";

function Icon({ name, src, hue }: { name: string; src: string | null; hue: number }) {
  const tile = "size-12 shrink-0 rounded-[28%]";
  return (
    <span
      aria-hidden="true"
      className={`${tile} relative inline-flex select-none items-center justify-center overflow-hidden text-base font-semibold text-white`}
      style={{ background: `linear-gradient(135deg, hsl(${hue} 55% 40%), hsl(${(hue + 35) % 360} 60% 32%))` }}
    >
      {initials(name)}
      {/* Over the initials: an image that fails to load draws nothing (alt=""), and the initials show through. */}
      {src ? (
        // The icon comes from the platform's media host; next/image would fetch it through this server.
        // eslint-disable-next-line @next/next/no-img-element
        <img
          src={src}
          alt=""
          referrerPolicy="no-referrer"
          className="absolute inset-0 size-full object-cover"
        />
      ) : null}
    </span>
  );
}

export function ReturnInviteCard({ invite }: { invite: InviteDto }) {
  const view = describeInvite(invite);
  const isGroupDm = !invite.guild;
  return (
    <section
      aria-label="Your invite"
      data-testid="return-invite"
      className="mb-6 flex items-center gap-3 rounded-lg border border-zinc-200 bg-zinc-50 p-3 dark:border-zinc-800 dark:bg-zinc-950/60"
    >
      <Icon name={view.name} src={view.iconUrl} hue={view.hue} />
      <div className="min-w-0 text-sm">
        <p className="break-words text-zinc-600 dark:text-zinc-400" data-testid="return-invite-inviter">
          {view.inviter ? (
            <>
              <strong className="font-semibold text-zinc-900 dark:text-zinc-100">{view.inviter.name}</strong>{" "}
              invited you to join
            </>
          ) : (
            "You've been invited to join"
          )}
          {isGroupDm ? " a group DM" : ""}
        </p>
        <p
          className="break-words text-base font-semibold text-zinc-900 dark:text-zinc-50"
          data-testid="return-invite-name"
        >
          {view.name}
        </p>
        <p
          className="mt-0.5 flex flex-wrap gap-x-3 text-xs text-zinc-600 dark:text-zinc-400"
          data-testid="return-invite-counts"
        >
          {isGroupDm ? null : (
            <span className="inline-flex items-center gap-1.5">
              <span aria-hidden="true" className="size-2 rounded-full bg-green-600 dark:bg-green-500" />
              {onlineLabel(view.online)}
            </span>
          )}
          <span className="inline-flex items-center gap-1.5">
            <span aria-hidden="true" className="size-2 rounded-full bg-zinc-500" />
            {membersLabel(view.members)}
          </span>
        </p>
      </div>
    </section>
  );
}
