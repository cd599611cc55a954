"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { EmailField, PasswordField } from "./credential-fields";
import { FormAlert } from "./form-alert";
import type { AuthAction, AuthFormState } from "./form-state";

const INITIAL: AuthFormState = {};

type Props = {
  action: AuthAction;
  next: string | null;
  /** Invite-only registration: the required invite code field, filled with this code (from the invite's page). */
  inviteCode?: { defaultValue: string } | null;
};

export function RegisterForm({ action, next, inviteCode }: Props) {
  const [state, formAction] = useActionState(action, INITIAL);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <FormAlert message={state.formError} />
      {inviteCode ? (
        <Field
          name="invite_code"
          label="Invite code"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          maxLength={256}
          hint="Joining here takes an invite: its code, or the whole invite link"
          defaultValue={state.values?.invite_code ?? inviteCode.defaultValue}
          error={state.fieldErrors?.invite_code}
        />
      ) : null}
      <Field
        name="username"
        label="Username"
        autoComplete="username"
        required
        autoFocus
        minLength={2}
        maxLength={32}
        hint="2 to 32 letters, digits, _ . or -"
        defaultValue={state.values?.username}
        error={state.fieldErrors?.username}
      />
      <EmailField defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <PasswordField kind="new" error={state.fieldErrors?.password} />
      <SubmitButton label="Create account" pendingLabel="Creating account…" className="w-full" />
    </form>
  );
}
