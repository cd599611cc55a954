// The one primary action, by the viewer's state: Go to guild (member) → Invites paused → can't join
// (banned) → Accept Invite (signed in) → Log in to accept + Create an account (anonymous).
//
// Every viewer's variant is in the HTML, each marked with the viewers it is for; the wrapper's attribute picks
// the visible one and the stylesheet hides the others (display: none, so the accessibility tree, axe and a
// browser without JavaScript see exactly one). The same HTML therefore serves every viewer of an invite: only
// the wrapper's attribute and the signed-in name differ (lib/landing-viewer.ts).
import Link from "next/link";
import { destinationPath } from "@/lib/invites/invite-links";
import { VARIANT_ATTRIBUTE, VIEWER_NAME_ATTRIBUTE, type LandingViewerKind } from "@/lib/landing-viewer";
import { AcceptInviteForm } from "./accept-invite-form";
import { LandingViewerScope } from "./landing-viewer-scope";
import { PausedUntil } from "./paused-until";
import type { AcceptState, InviteLanding } from "@/lib/invites/landing";

export type InviteActions = {
  accept: (state: AcceptState, form: FormData) => Promise<AcceptState>;
  logIn: (form: FormData) => Promise<void>;
  /** Null where the instance takes no new accounts (REGISTRATION=closed): no button to a dead end. */
  register: ((form: FormData) => Promise<void>) | null;
  logOut: (form: FormData) => Promise<void>;
};

type Props = {
  landing: Extract<InviteLanding, { status: "found" }>;
  name: string;
  actions: InviteActions;
  /** This request came back from signing in to accept, and the visitor's own click asked for it (`?accept=1`). */
  autoAccept: boolean;
  /** This request came back from signing in (`?accept=1`): the Accept button draws the eye. */
  highlightAccept: boolean;
};

const primaryClass =
  "flex h-12 w-full items-center justify-center rounded-xl bg-(--inv-accent) px-5 text-base font-semibold text-(--inv-accent-text) transition-colors hover:bg-(--inv-accent-hover)";
const secondaryClass =
  "flex h-12 w-full items-center justify-center rounded-xl border border-(--inv-border) bg-transparent px-5 text-base font-semibold text-(--inv-text) transition-colors hover:bg-(--inv-chip)";

function Hint({ children }: { children: React.ReactNode }) {
  return <p className="mt-3 text-center text-sm text-(--inv-muted)">{children}</p>;
}

/** One viewer's variant (or several viewers' shared one). */
function Variant({
  viewers,
  className,
  children,
}: {
  viewers: LandingViewerKind[];
  className?: string;
  children: React.ReactNode;
}) {
  const attributes = { [VARIANT_ATTRIBUTE]: viewers.join(" ") };
  return (
    <div {...attributes} className={className}>
      {children}
    </div>
  );
}

export function InvitePrimaryAction({ landing, name, actions, autoAccept, highlightAccept }: Props) {
  const { viewer, isPaused, pausedUntil, isGroupDm, invite } = landing;
  const viewerName = viewer.kind === "anonymous" ? "" : viewer.username;
  const nameAttributes = { [VIEWER_NAME_ATTRIBUTE]: "" };
  return (
    <LandingViewerScope viewer={viewer.kind} renderKey={`${invite.code}:${landing.renderedAt}`}>
      <Variant viewers={["member"]}>
        <Link href={destinationPath(isGroupDm ? null : invite.guild_id)} className={primaryClass}>
          {isGroupDm ? "Open Fluxer" : "Go to guild"}
        </Link>
        <Hint>{isGroupDm ? "You're already in this group." : `You're already a member of ${name}.`}</Hint>
      </Variant>
      {isPaused ? (
        <Variant viewers={["anonymous", "not-member", "banned"]}>
          <button
            type="button"
            disabled
            className={`${primaryClass} cursor-not-allowed bg-(--inv-disabled-bg) text-(--inv-disabled-text) hover:bg-(--inv-disabled-bg)`}
          >
            Invites paused
          </button>
          <Hint>
            {pausedUntil ? (
              <PausedUntil until={pausedUntil} name={name} />
            ) : (
              <>The admins of {name} have paused invites for now. Try again later.</>
            )}
          </Hint>
        </Variant>
      ) : (
        <>
          {!isGroupDm && (
            <Variant
              viewers={["banned"]}
              className="rounded-xl border border-(--inv-danger-border) bg-(--inv-danger-bg) px-4 py-3.5 text-center text-(--inv-danger-text)"
            >
              <div role="status">
                <p className="text-base font-semibold">You can&apos;t join this guild</p>
                <p className="mt-1 text-sm">You&apos;re banned from {name}.</p>
              </div>
            </Variant>
          )}
          <Variant viewers={["not-member"]}>
            <AcceptInviteForm action={actions.accept} autoSubmit={autoAccept} highlight={highlightAccept} />
            <Hint>
              Signed in as{" "}
              <strong
                {...nameAttributes}
                suppressHydrationWarning
                className="font-semibold text-(--inv-text)"
              >
                {viewerName}
              </strong>
            </Hint>
            <form action={actions.logOut} className="mt-1 text-center text-sm text-(--inv-muted)">
              Not you?{" "}
              <button
                type="submit"
                className="font-medium text-(--inv-link) underline underline-offset-2 hover:no-underline"
              >
                Log out
              </button>
            </form>
          </Variant>
          <Variant viewers={["anonymous"]} className="space-y-3">
            <form action={actions.logIn}>
              <button type="submit" className={primaryClass}>
                Log in to accept
              </button>
            </form>
            {actions.register ? (
              <form action={actions.register}>
                <button type="submit" className={secondaryClass}>
                  Create an account
                </button>
              </form>
            ) : null}
            <Hint>You&apos;ll come straight back here and join.</Hint>
          </Variant>
        </>
      )}
    </LandingViewerScope>
  );
}
