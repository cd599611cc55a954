"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
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
      <Field
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
      />
      <Field
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        required
        minLength={8}
        hint="At least 8 characters"
        error={state.fieldErrors?.password}
      />
      <SubmitButton label="Create account" pendingLabel="Creating account…" className="w-full" />
    </form>
  );
}
