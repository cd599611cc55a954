"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { FormAlert } from "./form-alert";
import type { AuthAction, AuthFormState } from "./form-state";

const INITIAL: AuthFormState = {};

export function RegisterForm({ action, next }: { action: AuthAction; next: string | null }) {
  const [state, formAction] = useActionState(action, INITIAL);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      {next ? <input type="hidden" name="next" value={next} /> : null}
      <FormAlert message={state.formError} />
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
