import Link from "next/link";
import { cx } from "@/components/ui/cx";
import { ANALYTICS_RANGES, type AnalyticsRange } from "@/lib/analytics/ranges";

/** 24 hours | 7 days | 30 days, as links (?range=), so the choice works without JavaScript. */
export function RangeTabs({
  active,
  hrefFor,
}: {
  active: AnalyticsRange;
  hrefFor: (range: AnalyticsRange) => string;
}) {
  return (
    <nav aria-label="Time range">
      <ul className="inline-flex rounded-lg border border-zinc-200 p-0.5 text-sm dark:border-zinc-800">
        {(Object.keys(ANALYTICS_RANGES) as AnalyticsRange[]).map((range) => (
          <li key={range}>
            <Link
              href={hrefFor(range)}
              aria-current={range === active ? "page" : undefined}
              className={cx(
                "inline-block rounded-md px-3 py-1.5 font-medium",
                range === active
                  ? "bg-brand-600 text-white"
                  : "text-zinc-700 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800",
              )}
            >
              {ANALYTICS_RANGES[range].label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
