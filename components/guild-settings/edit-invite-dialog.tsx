"use client";

import { createContext, use, useActionState, useEffect, useState, type ReactNode } from "react";
import { useFormStatus } from "react-dom";
import { FormAlert } from "@/components/auth/form-alert";
import { buttonClasses } from "@/components/ui/button";
import { formatCountdown, formatMaxAge } from "@/lib/guild-settings/format";
import { EXPIRE_OPTIONS, MAX_USES_OPTIONS } from "@/lib/guild-settings/invite-options";
import { InviteRolePicker } from "./invite-audience-fields";
import { SelectField } from "./select-field";
import { SettingsDialog } from "./settings-dialog";
import type { EditableInvite, EditInviteAction, EditInviteState } from "@/lib/guild-settings/form-states";
import type { RoleOption } from "@/lib/guild-settings/views";

type EditInviteDialogProps = {
  action: EditInviteAction;
  invites: EditableInvite[];
  /** The roles the viewer may give; the dialog offers them when the invite gives none they can't. */
  grantableRoles: RoleOption[];
  closeHref: string;
  /** The table, whose rows hold the EditButtons. */
  children: ReactNode;
};

const OpenEdit = createContext<((code: string) => void) | null>(null);
const IDLE: EditInviteState = { status: "idle" };

/**
 * The table's "Edit" dialog: max uses, a fresh expiry, temporary membership, the roles it gives. The edit is saved only at the
 * version the table showed; when someone else changed the invite first, the dialog says what it is now and
 * starts again from those values, so nobody overwrites a change they never saw. Rendered once, after the
 * table, like the revoke confirmation.
 */
export function EditInviteDialog({
  action,
  invites,
  grantableRoles,
  closeHref,
  children,
}: EditInviteDialogProps) {
  // The invite as the table showed it when Edit was clicked: a live refresh of the table meanwhile (someone
  // else's edit) must not move the version this edit is made at, or it would overwrite a change unseen.
  const [invite, setInvite] = useState<EditableInvite | null>(null);
  const open = (code: string) => setInvite(invites.find((i) => i.code === code) ?? null);
  const close = () => setInvite(null);
  return (
    <OpenEdit value={open}>
      {children}
      <SettingsDialog
        isOpen={invite !== null}
        onClose={close}
        title={`Edit invite ${invite?.code ?? ""}`}
        closeHref={closeHref}
        testId="edit-dialog"
      >
        {invite ? (
          <EditForm
            key={invite.code}
            action={action}
            invite={invite}
            grantableRoles={grantableRoles}
            onDone={close}
          />
        ) : null}
      </SettingsDialog>
    </OpenEdit>
  );
}

/** A row's "Edit" button (the dialog needs JavaScript; without it the row still offers Revoke). */
export function EditButton({ code }: { code: string }) {
  const open = use(OpenEdit);
  return (
    <button
      type="button"
      onClick={() => open?.(code)}
      className="inline-flex h-8 items-center rounded-lg px-3 text-sm font-medium text-zinc-700 transition-colors hover:bg-zinc-100 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-500 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white"
      aria-label={`Edit invite ${code}`}
    >
      Edit
    </button>
  );
}

function describe(invite: EditableInvite, now: number): string {
  const uses =
    invite.maxUses === 0
      ? `no use limit (${invite.uses} used)`
      : `${invite.maxUses} uses (${invite.uses} used)`;
  const expiry =
    invite.expiresAt === null
      ? "never expires"
      : `expires in ${formatCountdown(Date.parse(invite.expiresAt) - now)}`;
  return `${uses}, ${expiry}, ${invite.temporary ? "temporary membership" : "permanent membership"}`;
}

function EditForm({
  action,
  invite,
  grantableRoles,
  onDone,
}: {
  action: EditInviteAction;
  invite: EditableInvite;
  grantableRoles: RoleOption[];
  onDone: () => void;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  // Times in the form read from when it opened: a form is open for moments, and its labels should not move.
  const [openedAt] = useState(() => Date.now());
  useEffect(() => {
    if (state.status === "saved") onDone();
  }, [state, onDone]);
  // After a conflict the form starts again from the invite as it is now, at its current version.
  const base = state.status === "conflict" ? state.current : invite;
  const usesOptions = MAX_USES_OPTIONS.some((o) => o.value === base.maxUses)
    ? MAX_USES_OPTIONS
    : [...MAX_USES_OPTIONS, { value: base.maxUses, label: `${base.maxUses} uses` }];
  const keep =
    base.expiresAt === null
      ? "Keep: never expires"
      : `Keep: expires in ${formatCountdown(Date.parse(base.expiresAt) - openedAt)}`;
  // Its roles can be changed only by someone who may give every one of them (the same rule as the API's).
  const offered = new Set(grantableRoles.map((role) => role.id));
  const canEditRoles = grantableRoles.length > 0 && base.roleIds.every((id) => offered.has(id));
  const ageOptions = [
    { value: "", label: keep },
    ...EXPIRE_OPTIONS.map((o) => ({
      value: o.value,
      label: o.value === 0 ? "Never" : `${formatMaxAge(o.value)} from now`,
    })),
  ];
  return (
    <form action={formAction} className="space-y-4" key={`${base.version}`}>
      {state.status === "conflict" ? (
        <div
          role="alert"
          data-testid="edit-conflict"
          className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2.5 text-sm text-amber-900 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-200"
        >
          <p className="font-semibold">Someone else changed this invite while you were editing it.</p>
          <p className="mt-0.5">
            It now has {describe(state.current, openedAt)}. Your changes were not saved: check them against
            these values and save again.
          </p>
        </div>
      ) : null}
      <FormAlert message={state.status === "error" ? state.error : undefined} />
      <input type="hidden" name="code" value={invite.code} />
      <input type="hidden" name="channel" value={invite.channel} />
      <input type="hidden" name="version" value={base.version} />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Link to {invite.channel}. People who already joined stay in the guild.
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id={`edit-max-uses-${invite.code}`}
          name="max_uses"
          label="Max uses"
          defaultValue={base.maxUses}
          options={usesOptions}
          hint={`Used ${base.uses} times so far`}
        />
        <SelectField
          id={`edit-max-age-${invite.code}`}
          name="max_age"
          label="Expiry"
          defaultValue=""
          options={ageOptions}
        />
      </div>
      <label
        htmlFor={`edit-temporary-${invite.code}`}
        className="flex cursor-pointer items-start justify-between gap-4 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
      >
        <span>
          <span className="block text-sm font-medium">Temporary membership</span>
          <span className="mt-0.5 block text-xs text-zinc-500 dark:text-zinc-400">
            For people who join from now on: removed when they go offline, unless given a role.
          </span>
        </span>
        <input
          id={`edit-temporary-${invite.code}`}
          name="temporary"
          type="checkbox"
          role="switch"
          defaultChecked={base.temporary}
          className="peer sr-only"
        />
        <span
          aria-hidden
          className="relative mt-0.5 h-6 w-11 shrink-0 rounded-full bg-zinc-300 transition-colors peer-checked:bg-brand-600 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-500 after:absolute after:top-0.5 after:left-0.5 after:size-5 after:rounded-full after:bg-white after:shadow after:transition-transform peer-checked:after:translate-x-5 dark:bg-zinc-700"
        />
      </label>
      {canEditRoles ? (
        <>
          <input type="hidden" name="roles_shown" value="1" />
          <InviteRolePicker roles={grantableRoles} checked={base.roleIds} />
        </>
      ) : base.roleIds.length > 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          It gives roles you can&apos;t give, so its roles stay as they are.
        </p>
      ) : null}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <button type="button" onClick={onDone} className={buttonClasses({ variant: "secondary" })}>
          Cancel
        </button>
        <SaveButton />
      </div>
    </form>
  );
}

function SaveButton() {
  const { pending } = useFormStatus();
  return (
    <button type="submit" disabled={pending} className={buttonClasses()}>
      {pending ? "Saving…" : "Save changes"}
    </button>
  );
}
