import { cx } from "./cx";
import type { InputHTMLAttributes } from "react";

type InputProps = InputHTMLAttributes<HTMLInputElement> & { isInvalid?: boolean };

export function Input({ className, isInvalid, ...props }: InputProps) {
  return (
    <input
      aria-invalid={isInvalid || undefined}
      className={cx(
        "block h-10 w-full rounded-lg border bg-white px-3 text-sm text-zinc-900 shadow-xs transition-colors",
        "placeholder:text-zinc-400 focus:outline-2 focus:outline-offset-0",
        "dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-500",
        isInvalid
          ? "border-red-500 focus:outline-red-500/40 dark:border-red-500"
          : "border-zinc-300 focus:border-brand-500 focus:outline-brand-500/30 dark:border-zinc-700",
        className,
      )}
      {...props}
    />
  );
}

type FieldProps = Omit<InputProps, "id" | "name"> & {
  name: string;
  label: string;
  error?: string;
  hint?: string;
};

/** A labelled input with its error message right under it (linked by aria-describedby). */
export function Field({ name, label, error, hint, ...props }: FieldProps) {
  const id = `field-${name}`;
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}
      </label>
      <Input id={id} name={name} isInvalid={Boolean(error)} aria-describedby={describedBy} {...props} />
      <FieldMessage id={id} error={error} hint={hint} />
    </div>
  );
}

/** The line under a form control: its error (announced via aria-describedby `${id}-error`) or else its hint. */
export function FieldMessage({
  id,
  error,
  hint,
}: {
  id: string;
  error?: string | null;
  hint?: React.ReactNode;
}) {
  if (error) {
    return (
      <p id={`${id}-error`} className="text-sm text-red-600 dark:text-red-400">
        {error}
      </p>
    );
  }
  if (!hint) return null;
  return (
    <p id={`${id}-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">
      {hint}
    </p>
  );
}
