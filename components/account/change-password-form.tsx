"use client";

import { useActionState } from "react";
import { PasswordField } from "@/components/auth/credential-fields";
import { FormAlert } from "@/components/auth/form-alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ChangePasswordAction, ChangePasswordState } from "@/lib/account/form-state";

const IDLE: ChangePasswordState = { status: "idle" };

/** Current password, new password twice. A plain POST, so it works without JavaScript too. */
export function ChangePasswordForm({
  action,
  isChanged,
}: {
  action: ChangePasswordAction;
  isChanged: boolean;
}) {
  const [state, formAction] = useActionState(action, IDLE);
  return (
    <form action={formAction} className="space-y-4" noValidate aria-label="Change password">
      <FormAlert message={state.formError} />
      {isChanged && state.status === "idle" ? (
        <p
          role="status"
          data-testid="password-changed"
          className="rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2.5 text-sm text-emerald-800 dark:border-emerald-500/30 dark:bg-emerald-500/10 dark:text-emerald-300"
        >
          Password changed. You are still signed in here; every other browser and every API token has been
          signed out.
        </p>
      ) : null}
      <PasswordField label="Current password" kind="current" error={state.fieldErrors?.password} />
      <PasswordField
        name="new_password"
        label="New password"
        kind="new"
        error={state.fieldErrors?.new_password}
      />
      <PasswordField
        name="confirm_password"
        label="Confirm new password"
        kind="confirm"
        error={state.fieldErrors?.confirm_password}
      />
      <SubmitButton label="Change password" pendingLabel="Changing password…" size="md" />
    </form>
  );
}
