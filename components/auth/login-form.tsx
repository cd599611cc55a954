"use client";

import { useActionState } from "react";
import { SubmitButton } from "@/components/ui/submit-button";
import { EmailField, PasswordField } from "./credential-fields";
import { FormAlert } from "./form-alert";
import type { AuthAction } from "./form-state";

/** `error`: why the last sign-in was refused, when the page was reached from Auth.js's own endpoints. */
export function LoginForm({
  action,
  next,
  error,
}: {
  action: AuthAction;
  next: string | null;
  error?: string | null;
}) {
  const [state, formAction] = useActionState(action, error ? { formError: error } : {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <FormAlert message={state.formError} />
      <EmailField autoFocus defaultValue={state.values?.email} error={state.fieldErrors?.email} />
      <PasswordField kind="current" error={state.fieldErrors?.password} />
      <SubmitButton label="Log in" pendingLabel="Logging in…" className="w-full" />
    </form>
  );
}
