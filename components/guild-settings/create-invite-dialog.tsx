"use client";

import { useRouter } from "next/navigation";
import { useActionState, useState } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { buttonClasses } from "@/components/ui/button";
import { PlusIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import {
  DEFAULT_MAX_AGE,
  DEFAULT_MAX_USES,
  EXPIRE_OPTIONS,
  MAX_REASON_LENGTH,
  MAX_USES_OPTIONS,
} from "@/lib/guild-settings/invite-options";
import { ChannelSelect } from "./channel-select";
import { InviteRolePicker, InviteTargetsField } from "./invite-audience-fields";
import { InviteLinkResult } from "./invite-link-result";
import { SelectField } from "./select-field";
import { SettingsDialog } from "./settings-dialog";
import type { PickerChannel } from "@/lib/channels";
import type { CreateInviteAction, CreateInviteState } from "@/lib/guild-settings/form-states";

type GrantableRole = { id: string; name: string; color: number };

type CreateInviteProps = {
  action: CreateInviteAction;
  channels: PickerChannel[];
  /** Roles the viewer may put on an invite. */
  roles: GrantableRole[];
  defaultChannel: string;
  /** The page was opened with ?create=1 (the no-JavaScript way to open the dialog). */
  initiallyOpen: boolean;
  openHref: string;
  closeHref: string;
};

const IDLE: CreateInviteState = { status: "idle" };

/** The "Create invite" button and its dialog: the form, then the new link with Copy and a QR code. */
export function CreateInvite({
  action,
  channels,
  roles,
  defaultChannel,
  initiallyOpen,
  openHref,
  closeHref,
}: CreateInviteProps) {
  const router = useRouter();
  const [isOpen, setOpen] = useState(initiallyOpen);
  const [round, setRound] = useState(0); // a new key resets the form for the next invite

  const close = () => {
    setOpen(false);
    setRound((r) => r + 1);
    if (new URLSearchParams(window.location.search).has("create"))
      router.replace(closeHref, { scroll: false });
  };
  return (
    <>
      <a
        href={openHref}
        onClick={(event) => {
          event.preventDefault();
          setOpen(true);
        }}
        className={buttonClasses({ size: "sm" })}
      >
        <PlusIcon className="size-4" />
        Create invite
      </a>
      <SettingsDialog
        isOpen={isOpen}
        onClose={close}
        title="Create invite"
        description="Anyone with the link can join until it expires or runs out of uses, unless you make it only for specific people."
        closeHref={closeHref}
        testId="create-invite-dialog"
      >
        <CreateInviteForm
          key={round}
          action={action}
          channels={channels}
          roles={roles}
          defaultChannel={defaultChannel}
          onDone={close}
          onAnother={() => setRound((r) => r + 1)}
          doneHref={closeHref}
          anotherHref={openHref}
        />
      </SettingsDialog>
    </>
  );
}

type FormProps = {
  action: CreateInviteAction;
  channels: PickerChannel[];
  roles: GrantableRole[];
  defaultChannel: string;
  onDone: () => void;
  onAnother: () => void;
  doneHref: string;
  anotherHref: string;
};

function CreateInviteForm({
  action,
  channels,
  roles,
  defaultChannel,
  onDone,
  onAnother,
  doneHref,
  anotherHref,
}: FormProps) {
  const [state, formAction] = useActionState(action, IDLE);
  if (state.status === "created") {
    return (
      <div className="space-y-4">
        <InviteLinkResult invite={state.invite} />
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <a
            href={anotherHref}
            onClick={(e) => (e.preventDefault(), onAnother())}
            className={buttonClasses({ variant: "secondary" })}
          >
            Create another
          </a>
          <a href={doneHref} onClick={(e) => (e.preventDefault(), onDone())} className={buttonClasses()}>
            Done
          </a>
        </div>
      </div>
    );
  }
  const values = state.status === "error" ? state.values : null;
  const errors = state.status === "error" ? state.fieldErrors : {};
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormAlert message={state.status === "error" ? state.formError : undefined} />
      <ChannelSelect
        id="invite-channel"
        name="channel"
        label="Channel"
        channels={channels}
        defaultValue={values?.channel ?? defaultChannel}
        error={errors.channel}
        hint="New members land in this channel."
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          id="invite-max-age"
          name="max_age"
          label="Expire after"
          defaultValue={values?.maxAge ?? DEFAULT_MAX_AGE}
          options={EXPIRE_OPTIONS}
          error={errors.max_age}
        />
        <SelectField
          id="invite-max-uses"
          name="max_uses"
          label="Max uses"
          defaultValue={values?.maxUses ?? DEFAULT_MAX_USES}
          options={MAX_USES_OPTIONS}
          error={errors.max_uses}
        />
      </div>
      <label
        htmlFor="invite-temporary"
        className="flex cursor-pointer items-start justify-between gap-4 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800"
      >
        <span>
          <span className="block text-sm font-medium">Temporary membership</span>
          <span className="mt-0.5 block text-xs text-zinc-500 dark:text-zinc-400">
            People who join with this link are removed when they go offline, unless they have been given a
            role.
          </span>
        </span>
        <input
          id="invite-temporary"
          name="temporary"
          type="checkbox"
          role="switch"
          defaultChecked={values?.temporary ?? false}
          className="peer sr-only"
        />
        <span
          aria-hidden
          className="relative mt-0.5 h-6 w-11 shrink-0 rounded-full bg-zinc-300 transition-colors peer-checked:bg-brand-600 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-500 after:absolute after:top-0.5 after:left-0.5 after:size-5 after:rounded-full after:bg-white after:shadow after:transition-transform peer-checked:after:translate-x-5 dark:bg-zinc-700"
        />
      </label>
      <InviteRolePicker roles={roles} checked={values?.roleIds ?? []} error={errors.roles} />
      <InviteTargetsField
        isTargeted={values?.targeted ?? false}
        targets={values?.targets ?? ""}
        error={errors.targets}
      />
      <div className="space-y-1.5">
        <label htmlFor="invite-reason" className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
          Reason <span className="font-normal text-zinc-500">(optional, shown in the audit log)</span>
        </label>
        <Input
          id="invite-reason"
          name="reason"
          maxLength={MAX_REASON_LENGTH}
          defaultValue={values?.reason ?? ""}
          isInvalid={Boolean(errors.reason)}
          aria-describedby={errors.reason ? "invite-reason-error" : undefined}
        />
        {errors.reason ? (
          <p id="invite-reason-error" className="text-sm text-red-600 dark:text-red-400">
            {errors.reason}
          </p>
        ) : null}
      </div>
      <div className="flex flex-col-reverse gap-2 pt-1 sm:flex-row sm:justify-end">
        <a
          href={doneHref}
          onClick={(e) => (e.preventDefault(), onDone())}
          className={buttonClasses({ variant: "secondary" })}
        >
          Cancel
        </a>
        <SubmitButton label="Create invite" pendingLabel="Creating…" size="md" />
      </div>
    </form>
  );
}
