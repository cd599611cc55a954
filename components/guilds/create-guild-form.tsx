"use client";

import { useActionState } from "react";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";

export type CreateGuildState = { error?: string; name?: string };

const INITIAL: CreateGuildState = {};

/** Name field + button; the server action creates the guild and redirects to its page. */
export function CreateGuildForm({
  action,
}: {
  action: (state: CreateGuildState, formData: FormData) => Promise<CreateGuildState>;
}) {
  const [state, formAction] = useActionState(action, INITIAL);
  return (
    <form action={formAction} noValidate className="space-y-2">
      <label htmlFor="guild-name" className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        Guild name
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Input
          id="guild-name"
          name="name"
          required
          minLength={2}
          maxLength={100}
          placeholder="e.g. Weekend Raiders"
          defaultValue={state.name}
          isInvalid={Boolean(state.error)}
          aria-describedby={state.error ? "guild-name-error" : undefined}
        />
        <SubmitButton label="Create guild" pendingLabel="Creating…" size="md" />
      </div>
      {state.error ? (
        <p id="guild-name-error" className="text-sm text-red-600 dark:text-red-400">
          {state.error}
        </p>
      ) : null}
    </form>
  );
}
