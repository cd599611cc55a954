"use client";

import { useFormStatus } from "react-dom";
import { buttonClasses, type ButtonSize, type ButtonVariant } from "./button";

type SubmitButtonProps = {
  label: string;
  pendingLabel: string;
  size?: ButtonSize;
  variant?: ButtonVariant;
  className?: string;
};

/** The form's submit button: disabled with a spinner and `pendingLabel` while the action runs. */
export function SubmitButton({ label, pendingLabel, size = "lg", variant, className }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      disabled={pending}
      aria-disabled={pending}
      className={buttonClasses({ size, variant, className })}
    >
      {pending ? (
        <span
          aria-hidden
          className="size-4 animate-spin rounded-full border-2 border-white/40 border-t-white"
        />
      ) : null}
      {pending ? pendingLabel : label}
    </button>
  );
}
