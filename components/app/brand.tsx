import { cx } from "@/components/ui/cx";
import { BRAND_MARK } from "@/lib/brand-mark";

/** The app's mark (lib/brand-mark.ts, the same shapes as the favicon), then the name. */
export function Brand({ className, showName = true }: { className?: string; showName?: boolean }) {
  const { size, radius, gradient, stroke } = BRAND_MARK;
  return (
    <span className={cx("inline-flex items-center gap-2 font-semibold tracking-tight", className)}>
      <svg viewBox={`0 0 ${size} ${size}`} className="size-7 shrink-0" aria-hidden>
        <defs>
          <linearGradient id="brand-mark" x1="0" y1="0" x2="1" y2="1">
            <stop offset="0" stopColor={gradient.from} />
            <stop offset="1" stopColor={gradient.to} />
          </linearGradient>
        </defs>
        <rect width={size} height={size} rx={radius} fill="url(#brand-mark)" />
        <path
          d={stroke.d}
          stroke={stroke.color}
          strokeWidth={stroke.width}
          strokeLinecap="round"
          fill="none"
        />
      </svg>
      {showName ? (
        <span className="text-base whitespace-nowrap">
          Fluxer <span className="text-brand-600 dark:text-brand-400">Invites</span>
        </span>
      ) : null}
    </span>
  );
}
