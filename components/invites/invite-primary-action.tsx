// The one primary action, by the viewer's state: Go to guild (member) → Invites paused → can't join
// (banned) → Accept Invite (signed in) → Log in to accept + Create an account (anonymous).
import Link from "next/link";
import type { AcceptState } from "@/server/landing/actions";
import type { InviteLanding } from "@/server/landing/load-invite-landing";
import { AcceptInviteForm } from "./accept-invite-form";
import { destinationPath } from "./invite-links";

export type InviteActions = {
  accept: (state: AcceptState, form: FormData) => Promise<AcceptState>;
  logIn: (form: FormData) => Promise<void>;
  register: (form: FormData) => Promise<void>;
};

type Props = {
  landing: Extract<InviteLanding, { status: "found" }>;
  name: string;
  actions: InviteActions;
  autoAccept: boolean;
  highlightAccept: boolean;
};

const primaryClass =
  "flex h-12 w-full items-center justify-center rounded-xl bg-(--inv-accent) px-5 text-base font-semibold text-(--inv-accent-text) transition-colors hover:bg-(--inv-accent-hover)";
const secondaryClass =
  "flex h-12 w-full items-center justify-center rounded-xl border border-(--inv-border) bg-transparent px-5 text-base font-semibold text-(--inv-text) transition-colors hover:bg-(--inv-chip)";

function Hint({ children }: { children: React.ReactNode }) {
  return <p className="mt-3 text-center text-sm text-(--inv-muted)">{children}</p>;
}

export function InvitePrimaryAction({ landing, name, actions, autoAccept, highlightAccept }: Props) {
  const { viewer, isPaused, isGroupDm, invite } = landing;
  if (viewer.kind === "member") {
    return (
      <div className="mt-6">
        <Link href={destinationPath(isGroupDm ? null : invite.guild_id)} className={primaryClass}>
          {isGroupDm ? "Open Fluxer" : "Go to guild"}
        </Link>
        <Hint>{isGroupDm ? "You're already in this group." : `You're already a member of ${name}.`}</Hint>
      </div>
    );
  }
  if (isPaused) {
    return (
      <div className="mt-6">
        <button type="button" disabled className={`${primaryClass} cursor-not-allowed bg-(--inv-disabled-bg) text-(--inv-disabled-text) hover:bg-(--inv-disabled-bg)`}>
          Invites paused
        </button>
        <Hint>The admins of {name} have paused invites for now. Try again later.</Hint>
      </div>
    );
  }
  if (viewer.kind === "banned") {
    return (
      <div role="status" className="mt-6 rounded-xl border border-(--inv-danger-border) bg-(--inv-danger-bg) px-4 py-3.5 text-center text-(--inv-danger-text)">
        <p className="text-base font-semibold">You can&apos;t join this guild</p>
        <p className="mt-1 text-sm">You&apos;re banned from {name}.</p>
      </div>
    );
  }
  if (viewer.kind === "not-member") {
    return (
      <>
        <AcceptInviteForm action={actions.accept} autoSubmit={autoAccept} highlight={highlightAccept} />
        <Hint>
          Signed in as <strong className="font-semibold text-(--inv-text)">{viewer.username}</strong>
        </Hint>
      </>
    );
  }
  return (
    <div className="mt-6 space-y-3">
      <form action={actions.logIn}>
        <button type="submit" className={primaryClass}>
          Log in to accept
        </button>
      </form>
      <form action={actions.register}>
        <button type="submit" className={secondaryClass}>
          Create an account
        </button>
      </form>
      <Hint>You&apos;ll come straight back here and join.</Hint>
    </div>
  );
}
