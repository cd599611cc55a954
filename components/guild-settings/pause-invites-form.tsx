"use client";

import { useActionState } from "react";
import { useFormStatus } from "react-dom";
import { buttonClasses } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { PAUSE_FOR_OPTIONS } from "@/lib/guild-settings/invite-options";
import type { PauseInvitesAction, PauseInvitesState } from "@/lib/guild-settings/form-states";

const IDLE: PauseInvitesState = {};

type PauseInvitesFormProps = {
  action: PauseInvitesAction;
  isPaused: boolean;
  /** "switch": the labelled switch of the invites page; "button": the banner's "Resume invites". */
  variant: "switch" | "button";
};

/**
 * Pauses every invite of the guild until someone resumes (the INVITES_DISABLED feature), or resumes them from
 * any pause, in one click.
 */
export function PauseInvitesForm({ action, isPaused, variant }: PauseInvitesFormProps) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form
      action={formAction}
      className={variant === "switch" ? "flex flex-col items-end gap-1" : "flex flex-col gap-1"}
    >
      <input type="hidden" name="paused" value={isPaused ? "0" : "1"} />
      {variant === "switch" ? <PauseSwitch isPaused={isPaused} /> : <ResumeButton />}
      <InlineError message={state.error} />
    </form>
  );
}

/** "Pause for 1 h / 6 h / 24 h" (a timed pause that ends by itself) "/ until I resume" (as the switch). */
export function PauseForForm({ action }: { action: PauseInvitesAction }) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="flex flex-col gap-1">
      <input type="hidden" name="paused" value="1" />
      <div role="group" aria-label="Pause invites for a while" className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-zinc-600 dark:text-zinc-400">Pause for</span>
        <PauseForButtons />
      </div>
      <InlineError message={state.error} />
    </form>
  );
}

function PauseForButtons() {
  const { pending, data } = useFormStatus();
  const chosen = data ? (data.get("pause_for") ?? "") : null;
  const classes = buttonClasses({ variant: "secondary", size: "sm" });
  return (
    <>
      {PAUSE_FOR_OPTIONS.map((option) => (
        <button
          key={option.hours}
          type="submit"
          name="pause_for"
          value={option.hours}
          disabled={pending}
          aria-label={`Pause for ${option.label}`}
          className={classes}
        >
          {pending && chosen === String(option.hours) ? "Pausing…" : option.label}
        </button>
      ))}
      {/* No pause_for: until someone resumes, as the switch does. */}
      <button type="submit" disabled={pending} className={classes}>
        {pending && chosen === "" ? "Pausing…" : "Until I resume"}
      </button>
    </>
  );
}

function PauseSwitch({ isPaused }: { isPaused: boolean }) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      role="switch"
      aria-checked={isPaused}
      aria-label="Pause invites"
      disabled={pending}
      className="group inline-flex items-center gap-3 rounded-full focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-brand-500 disabled:opacity-60"
    >
      <span className="text-sm font-medium text-zinc-700 dark:text-zinc-300">
        {pending ? (isPaused ? "Resuming…" : "Pausing…") : isPaused ? "Paused" : "Off"}
      </span>
      <span
        className={cx(
          "relative h-7 w-12 rounded-full transition-colors",
          isPaused ? "bg-amber-500" : "bg-zinc-300 dark:bg-zinc-700",
        )}
      >
        <span
          className={cx(
            "absolute top-1 left-1 size-5 rounded-full bg-white shadow transition-transform",
            isPaused && "translate-x-5",
          )}
        />
      </span>
    </button>
  );
}

function ResumeButton() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={buttonClasses({ variant: "secondary", size: "sm" })}>
      {pending ? "Resuming…" : "Resume invites"}
    </button>
  );
}

/** The server's refusal under a pause control, announced to screen readers. */
function InlineError({ message }: { message?: string }) {
  if (!message) return null;
  return (
    <p role="alert" className="text-sm text-red-600 dark:text-red-400">
      {message}
    </p>
  );
}
