// One answer for unknown, expired, used-up and revoked invites (served with HTTP 404), so the page never
// tells a guesser which codes once existed; and the "slow down" card for an IP that guessed too often.
import Link from "next/link";
import { SLOW_DOWN_TITLE, slowDownText } from "@/lib/slow-down";
import { InvitePageShell } from "./invite-page-shell";
import { SignInToSeeInvite } from "./sign-in-to-see-invite";

function BrokenLinkArt() {
  return (
    <div
      aria-hidden="true"
      className="mx-auto flex size-20 items-center justify-center rounded-full bg-(--inv-chip) text-(--inv-muted)"
    >
      <svg
        viewBox="0 0 24 24"
        className="size-10"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        strokeLinejoin="round"
      >
        <path d="M9.5 14.5L8 16a3.2 3.2 0 01-4.5-4.5L5 10M14.5 9.5L16 8a3.2 3.2 0 014.5 4.5L19 14" />
        <path d="M9 5.5V3.5M5.5 9H3.5M15 18.5v2M18.5 15h2" />
      </svg>
    </div>
  );
}

function Card({ title, children, testId }: { title: string; children: React.ReactNode; testId: string }) {
  return (
    <InvitePageShell>
      <section
        aria-labelledby="invite-state-title"
        data-testid={testId}
        className="rounded-2xl border border-(--inv-border) bg-(--inv-card) px-6 py-10 text-center shadow-(--inv-shadow) sm:px-10"
      >
        <BrokenLinkArt />
        <h1 id="invite-state-title" className="mt-5 text-2xl font-bold tracking-tight">
          {title}
        </h1>
        {children}
        <Link
          href="/"
          className="mt-8 flex h-12 w-full items-center justify-center rounded-xl bg-(--inv-accent) px-5 text-base font-semibold text-(--inv-accent-text) transition-colors hover:bg-(--inv-accent-hover)"
        >
          Open Fluxer
        </Link>
      </section>
    </InvitePageShell>
  );
}

export function InviteInvalid() {
  return (
    <Card title="Invite invalid" testId="invite-invalid">
      <p className="mt-3 text-base text-(--inv-muted)">
        This invite may have expired, been used up or been revoked, or the link is mistyped. Ask whoever sent
        it for a new one.
      </p>
      <SignInToSeeInvite />
    </Card>
  );
}

export function InviteSlowDown({ retryAfterSeconds }: { retryAfterSeconds: number }) {
  return (
    <Card title={SLOW_DOWN_TITLE} testId="invite-slow-down">
      <p className="mt-3 text-base text-(--inv-muted)">{slowDownText(retryAfterSeconds)}</p>
    </Card>
  );
}
