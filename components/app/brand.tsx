import { cx } from "@/components/ui/cx";

/** The app's mark: a rounded square with a flowing "F" stroke, then the name. */
export function Brand({ className, showName = true }: { className?: string; showName?: boolean }) {
  return (
    <span className={cx("inline-flex items-center gap-2 font-semibold tracking-tight", className)}>
      <svg viewBox="0 0 32 32" className="size-7 shrink-0" aria-hidden>
        <defs>
          <linearGradient id="brand-mark" x1="0" y1="0" x2="1" y2="1">
            <stop offset="0" stopColor="#818cf8" />
            <stop offset="1" stopColor="#4f46e5" />
          </linearGradient>
        </defs>
        <rect width="32" height="32" rx="9" fill="url(#brand-mark)" />
        <path d="M11 24V10.5c0-1.4 1.1-2.5 2.5-2.5H22M11 16.5h7.5" stroke="#fff" strokeWidth="3.2" strokeLinecap="round" fill="none" />
      </svg>
      {showName ? (
        <span className="text-base">
          Fluxer <span className="text-brand-600 dark:text-brand-400">Invites</span>
        </span>
      ) : null}
    </span>
  );
}
