"use client";
// The Accept Invite button: a form bound to the accept server action (a POST; loading the page never
// joins). `autoSubmit` is set only when the visitor clicked "Log in to accept" on this invite and has
// just come back signed in (see server/landing/pending-accept.ts); `highlight` focuses the button.
// Both act only while this is the variant the page shows: the page's HTML holds every viewer's variant, and
// which one is shown is read from the DOM (landing-viewer-scope.tsx), never from props.
import { useActionState, useEffect, useRef } from "react";
import { viewerShownAround } from "./landing-viewer-scope";
import type { AcceptState } from "@/lib/invites/landing";

type Props = {
  action: (state: AcceptState, form: FormData) => Promise<AcceptState>;
  autoSubmit: boolean;
  highlight: boolean;
};

const INITIAL: AcceptState = { error: null, isFinal: false };

export function AcceptInviteForm({ action, autoSubmit, highlight }: Props) {
  const [state, formAction, isPending] = useActionState(action, INITIAL);
  const formRef = useRef<HTMLFormElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const hasAutoSubmitted = useRef(false);

  useEffect(() => {
    if (viewerShownAround(formRef.current) !== "not-member") return;
    if (highlight || autoSubmit) buttonRef.current?.focus();
    if (autoSubmit && !hasAutoSubmitted.current) {
      hasAutoSubmitted.current = true;
      formRef.current?.requestSubmit();
    }
  }, [autoSubmit, highlight]);

  const isDisabled = isPending || state.isFinal;
  return (
    <form ref={formRef} action={formAction} aria-busy={isPending}>
      <button
        ref={buttonRef}
        type="submit"
        disabled={isDisabled}
        className={`flex h-12 w-full items-center justify-center rounded-xl px-5 text-base font-semibold transition-colors ${
          state.isFinal
            ? "cursor-not-allowed bg-(--inv-disabled-bg) text-(--inv-disabled-text)"
            : `bg-(--inv-accent) text-(--inv-accent-text) hover:bg-(--inv-accent-hover) disabled:cursor-progress disabled:opacity-80 ${highlight ? "invite-attention" : ""}`
        }`}
      >
        {isPending ? "Joining…" : "Accept Invite"}
      </button>
      {state.error && (
        <p
          role="alert"
          className="mt-3 rounded-lg border border-(--inv-danger-border) bg-(--inv-danger-bg) px-3 py-2 text-sm text-(--inv-danger-text)"
        >
          {state.error}
        </p>
      )}
    </form>
  );
}
