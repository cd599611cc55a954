"use client";

import { useRouter } from "next/navigation";
import { createContext, use, useActionState, useState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { FormAlert } from "@/components/auth/form-alert";
import { buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { MAX_REASON_LENGTH } from "@/lib/guild-settings/invite-options";
import { SettingsDialog } from "./settings-dialog";
import type { RevokeInviteAction, RevokeInviteState } from "@/lib/guild-settings/form-states";

/** What the confirmation says about an invite: its channel in words and how many joined with it. */
export type RevocableInvite = { code: string; channel: string; uses: number };

type RevokeDialogProps = {
  action: RevokeInviteAction;
  invites: RevocableInvite[];
  /** The code of ?revoke=CODE, whose confirmation opens on load (the no-JavaScript way). */
  initialCode: string | null;
  closeHref: string;
  /** The table, whose rows hold the RevokeLinks. */
  children: ReactNode;
};

const OpenRevoke = createContext<((code: string) => void) | null>(null);
const IDLE: RevokeInviteState = {};

/**
 * The table's revoke confirmation. It is rendered once, after the table rather than inside a row: a
 * <dialog> inherits the styles of where it sits in the page (the actions cell is right-aligned), and
 * without JavaScript it shows in the page flow, where a table cell would squeeze it.
 */
export function RevokeDialog({ action, invites, initialCode, closeHref, children }: RevokeDialogProps) {
  const router = useRouter();
  const [openCode, setOpenCode] = useState(initialCode);
  const invite = invites.find((i) => i.code === openCode) ?? null;
  const close = () => {
    setOpenCode(null);
    if (new URLSearchParams(window.location.search).has("revoke"))
      router.replace(closeHref, { scroll: false });
  };
  return (
    <OpenRevoke value={setOpenCode}>
      {children}
      <SettingsDialog
        isOpen={invite !== null}
        onClose={close}
        title={`Revoke invite ${invite?.code ?? ""}?`}
        closeHref={closeHref}
        testId="revoke-dialog"
      >
        {invite ? (
          <RevokeForm
            key={invite.code}
            action={action}
            invite={invite}
            onCancel={close}
            cancelHref={closeHref}
          />
        ) : null}
      </SettingsDialog>
    </OpenRevoke>
  );
}

/** A row's "Revoke" link: opens the confirmation (with JavaScript) or the page with ?revoke=CODE. */
export function RevokeLink({ code, href }: { code: string; href: string }) {
  const open = use(OpenRevoke);
  return (
    <a
      href={href}
      onClick={(event) => {
        if (!open) return;
        event.preventDefault();
        open(code);
      }}
      className="inline-flex h-8 items-center rounded-lg px-3 text-sm font-medium text-red-600 transition-colors hover:bg-red-50 hover:text-red-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-500 dark:text-red-400 dark:hover:bg-red-500/10"
      aria-label={`Revoke invite ${code}`}
    >
      Revoke
    </a>
  );
}

type RevokeFormProps = {
  action: RevokeInviteAction;
  invite: RevocableInvite;
  onCancel: () => void;
  cancelHref: string;
};

function RevokeForm({ action, invite, onCancel, cancelHref }: RevokeFormProps) {
  const [state, formAction] = useActionState(action, IDLE);
  const { code } = invite;
  return (
    <form action={formAction} className="space-y-4">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        The link to {invite.channel} stops working immediately. People who already joined with it (
        {invite.uses} so far) stay in the guild.
      </p>
      <FormAlert message={state.error} />
      <input type="hidden" name="code" value={code} />
      <div className="space-y-1.5">
        <label
          htmlFor={`revoke-reason-${code}`}
          className="block text-sm font-medium text-zinc-800 dark:text-zinc-200"
        >
          Reason <span className="font-normal text-zinc-500">(optional, shown in the audit log)</span>
        </label>
        <Input
          id={`revoke-reason-${code}`}
          name="reason"
          maxLength={MAX_REASON_LENGTH}
          placeholder="e.g. posted in a raid server"
        />
      </div>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <a
          href={cancelHref}
          onClick={(e) => (e.preventDefault(), onCancel())}
          className={buttonClasses({ variant: "secondary" })}
        >
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
      {pending ? (
        <span
          aria-hidden
          className="size-4 animate-spin rounded-full border-2 border-white/40 border-t-white"
        />
      ) : null}
      {pending ? "Revoking…" : "Revoke invite"}
    </button>
  );
}
