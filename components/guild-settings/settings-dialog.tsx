"use client";

import { useEffect, useId, useRef, type ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { useHydrated } from "./use-hydrated";

type SettingsDialogProps = {
  isOpen: boolean;
  onClose: () => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  /** Where the close link goes without JavaScript (the page without the `?create` / `?revoke` parameter). */
  closeHref: string;
  className?: string;
  testId?: string;
};

/**
 * A modal <dialog>. With JavaScript it opens with showModal() (focus trapped, Escape closes, page inert).
 * Without JavaScript the server renders it `open` in the page flow, so the form inside still works, and
 * "Close" is a plain link back to the page.
 */
export function SettingsDialog({
  isOpen,
  onClose,
  title,
  description,
  children,
  closeHref,
  className,
  testId,
}: SettingsDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const isHydrated = useHydrated();
  const titleId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !isHydrated) return;
    if (isOpen && !dialog.open) dialog.showModal();
    if (!isOpen && dialog.open) dialog.close();
  }, [isOpen, isHydrated]);

  if (!isOpen) return null;
  return (
    <dialog
      ref={ref}
      // Server render only: shown in place; once hydrated, showModal() takes over.
      open={!isHydrated}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onClick={(event) => {
        if (event.target === event.currentTarget) onClose(); // a click on the backdrop
      }}
      className={cx(
        "z-40 w-[calc(100%-2rem)] max-w-lg rounded-2xl border border-zinc-200 bg-white p-0 text-start text-zinc-900 shadow-xl",
        "backdrop:bg-zinc-950/50 backdrop:backdrop-blur-[2px] dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100",
        "m-auto max-h-[calc(100dvh-2rem)] overflow-y-auto",
        !isHydrated && "relative my-6",
        className,
      )}
    >
      <div className="flex items-start justify-between gap-4 border-b border-zinc-200 px-5 py-4 dark:border-zinc-800">
        <div>
          <h2 id={titleId} className="text-base font-semibold">
            {title}
          </h2>
          {description ? (
            <div className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{description}</div>
          ) : null}
        </div>
        <a
          href={closeHref}
          onClick={(event) => {
            event.preventDefault();
            onClose();
          }}
          className="-mr-1 rounded-md p-1 text-zinc-500 hover:bg-zinc-100 hover:text-zinc-900 dark:hover:bg-zinc-800 dark:hover:text-white"
          aria-label="Close"
        >
          <svg
            viewBox="0 0 24 24"
            className="size-5"
            fill="none"
            stroke="currentColor"
            strokeWidth={2}
            strokeLinecap="round"
            aria-hidden
          >
            <path d="M6 6l12 12M18 6 6 18" />
          </svg>
        </a>
      </div>
      <div className="px-5 py-4">{children}</div>
    </dialog>
  );
}
