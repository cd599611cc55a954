import { cx } from "@/components/ui/cx";
import { ChevronDownIcon } from "@/components/ui/icons";
import { FieldMessage } from "@/components/ui/input";
import type { ReactNode, SelectHTMLAttributes } from "react";

type SelectFieldProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> & {
  id: string;
  label: string;
  /** Plain options; richer ones (groups, icons) come as children, after these. */
  options?: ReadonlyArray<{ value: string | number; label: string }>;
  children?: ReactNode;
  error?: string;
  hint?: string;
  /** Extra classes on the <select> itself (the field's box takes `className`). */
  selectClassName?: string;
};

/** A labelled native <select> styled like the Input primitive, with its error (or hint) right under it. */
export function SelectField({
  id,
  label,
  options = [],
  children,
  error,
  hint,
  className,
  selectClassName,
  ...props
}: SelectFieldProps) {
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return (
    <div className={cx("space-y-1.5", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-zinc-800 dark:text-zinc-200">
        {label}
      </label>
      <div className="relative">
        <select
          id={id}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={cx(
            selectClassName,
            "block h-10 w-full appearance-none rounded-lg border bg-white pr-9 pl-3 text-sm text-zinc-900 shadow-xs",
            "focus:outline-2 focus:outline-offset-0 dark:bg-zinc-900 dark:text-zinc-100",
            error
              ? "border-red-500 focus:outline-red-500/40"
              : "border-zinc-300 focus:border-brand-500 focus:outline-brand-500/30 dark:border-zinc-700",
          )}
          {...props}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
          {children}
        </select>
        <ChevronDownIcon className="pointer-events-none absolute top-1/2 right-3 size-4 -translate-y-1/2 text-zinc-500" />
      </div>
      <FieldMessage id={id} error={error} hint={hint} />
    </div>
  );
}
