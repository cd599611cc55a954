"use client";

import { useActionState, useState } from "react";
import { useRouter } from "next/navigation";
import { FormAlert } from "@/components/auth/form-alert";
import { buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { useFormStatus } from "react-dom";
import type { RevokeInviteAction, RevokeInviteState } from "./form-states";
import { MAX_REASON_LENGTH } from "./invite-options";
import { SettingsDialog } from "./settings-dialog";

type RevokeControlProps = {
  action: RevokeInviteAction;
  code: string;
  channelName: string;
  uses: number;
  /** Opened by ?revoke=CODE (the no-JavaScript way). */
  initiallyOpen: boolean;
  openHref: string;
  closeHref: string;
};

const IDLE: RevokeInviteState = {};

/** The row's "Revoke" button and its confirmation dialog. Confirming deletes the link for good. */
export function RevokeControl({ action, code, channelName, uses, initiallyOpen, openHref, closeHref }: RevokeControlProps) {
  const router = useRouter();
  const [isOpen, setOpen] = useState(initiallyOpen);
  const close = () => {
    setOpen(false);
    if (new URLSearchParams(window.location.search).has("revoke")) router.replace(closeHref, { scroll: false });
  };
  return (
    <>
      <a
        href={openHref}
        onClick={(event) => {
          event.preventDefault();
          setOpen(true);
        }}
        className="inline-flex h-8 items-center rounded-lg px-3 text-sm font-medium text-red-600 transition-colors hover:bg-red-50 hover:text-red-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-500 dark:text-red-400 dark:hover:bg-red-500/10"
        aria-label={`Revoke invite ${code}`}
      >
        Revoke
      </a>
      <SettingsDialog isOpen={isOpen} onClose={close} title={`Revoke invite ${code}?`} closeHref={closeHref} testId="revoke-dialog">
        <RevokeForm action={action} code={code} channelName={channelName} uses={uses} onCancel={close} cancelHref={closeHref} />
      </SettingsDialog>
    </>
  );
}

type RevokeFormProps = { action: RevokeInviteAction; code: string; channelName: string; uses: number; onCancel: () => void; cancelHref: string };

function RevokeForm({ action, code, channelName, uses, onCancel, cancelHref }: RevokeFormProps) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-4">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        The link to #{channelName} stops working immediately. People who already joined with it ({uses} so far) stay in the guild.
      </p>
      <FormAlert message={state.error} />
      <input type="hidden" name="code" value={code} />
      <div className="space-y-1.5">
        <label htmlFor={`revoke-reason-${code}`} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Reason <span className="font-normal text-zinc-500">(optional, shown in the audit log)</span>
        </label>
        <Input id={`revoke-reason-${code}`} name="reason" maxLength={MAX_REASON_LENGTH} placeholder="e.g. posted in a raid server" />
      </div>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <a href={cancelHref} onClick={(e) => (e.preventDefault(), onCancel())} className={buttonClasses({ variant: "secondary" })}>
          Cancel
        </a>
        <ConfirmButton />
      </div>
    </form>
  );
}

function ConfirmButton() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={buttonClasses({ variant: "danger" })}>
      {pending ? <span aria-hidden className="size-4 animate-spin rounded-full border-2 border-white/40 border-t-white" /> : null}
      {pending ? "Revoking…" : "Revoke invite"}
    </button>
  );
}
