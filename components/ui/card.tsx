import { cx } from "./cx";
import type { HTMLAttributes, ReactNode } from "react";

export function Card({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return (
    <div
      className={cx(
        "rounded-xl border border-zinc-200 bg-white shadow-xs dark:border-zinc-800 dark:bg-zinc-900",
        className,
      )}
      {...props}
    />
  );
}

/** A card section title with an optional count or action on the right. */
export function CardHeader({ title, aside, id }: { title: ReactNode; aside?: ReactNode; id?: string }) {
  return (
    <div className="flex items-center justify-between gap-3 border-b border-zinc-200 px-4 py-3 dark:border-zinc-800">
      <h2 id={id} className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">
        {title}
      </h2>
      {aside ? <div className="text-sm text-zinc-500 dark:text-zinc-400">{aside}</div> : null}
    </div>
  );
}
