import { barLayout, niceMax, ticks } from "@/lib/analytics/chart";

export type ChartSeries = { name: string; barClass: string; swatchClass: string };
export type ChartGroup = { label: string; title: string; values: number[] };

type BarChartProps = {
  /** Names the chart for assistive technology and titles its table. */
  title: string;
  /** One sentence that says what the chart shows (its text alternative). */
  summary: string;
  series: ChartSeries[];
  groups: ChartGroup[];
  /** Header of the table's first column ("Hour", "Day", "Invite"). */
  groupHeader: string;
  testId?: string;
};

// The bars are drawn in a 1000 × 100 box stretched to the chart's size (bars and grid lines don't mind being
// stretched); the axis labels are HTML around it, so their text stays at the page's size on a phone and on a
// wide screen alike.
const WIDTH = 1000;
const HEIGHT = 100;
const MAX_LABELS = 6;
/** A few groups (the overview's top invites) don't stretch into slabs: a slot is at most an eighth of the width. */
const MIN_SLOTS = 8;

/**
 * Grouped bars drawn as plain SVG on the server: no client code, no DOM, the same markup in every browser. The
 * picture is one `role="img"` with the summary as its name; the numbers themselves are the table under it
 * ("Show as table"), which screen readers and keyboards reach like any table.
 */
export function BarChart({ title, summary, series, groups, groupHeader, testId }: BarChartProps) {
  const top = niceMax(Math.max(0, ...groups.flatMap((group) => group.values)));
  const slots = Math.max(groups.length, MIN_SLOTS);
  const layout = barLayout(
    groups.map((group) => group.values),
    (WIDTH * groups.length) / slots,
    HEIGHT,
    top,
  );
  const labelEvery = Math.max(1, Math.ceil(groups.length / MAX_LABELS));
  const percent = (x: number) => `${(x / WIDTH) * 100}%`;
  return (
    <figure className="space-y-3" data-testid={testId}>
      <div className="flex flex-wrap gap-4 text-xs text-zinc-600 dark:text-zinc-400" aria-hidden>
        {series.map((entry) => (
          <span key={entry.name} className="inline-flex items-center gap-1.5">
            <span className={`inline-block size-2.5 rounded-sm ${entry.swatchClass}`} />
            {entry.name}
          </span>
        ))}
      </div>
      <div role="img" aria-label={`${title}: ${summary}`} className="pl-9">
        <div className="relative h-40 sm:h-52">
          {ticks(top).map((value) => (
            <span
              key={value}
              className="absolute -left-9 w-7 translate-y-1/2 text-right text-xs text-zinc-500 tabular-nums dark:text-zinc-400"
              style={{ bottom: `${(value / top) * 100}%` }}
            >
              {value}
            </span>
          ))}
          <svg
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            preserveAspectRatio="none"
            className="absolute inset-0 h-full w-full overflow-visible"
          >
            {ticks(top).map((value) => {
              const y = HEIGHT - (value / top) * HEIGHT;
              return (
                <line
                  key={value}
                  x1={0}
                  x2={WIDTH}
                  y1={y}
                  y2={y}
                  vectorEffect="non-scaling-stroke"
                  strokeWidth={1}
                  className="stroke-zinc-200 dark:stroke-zinc-800"
                />
              );
            })}
            {layout.map((bars, i) =>
              bars.heights.map((height, s) => (
                <rect
                  key={`${groups[i]!.title}-${series[s]?.name ?? s}`}
                  x={bars.x + s * bars.width}
                  y={HEIGHT - height}
                  width={Math.max(0.5, bars.width * 0.92)}
                  height={height}
                  className={series[s]?.barClass}
                />
              )),
            )}
          </svg>
        </div>
        <div className="relative mt-1 h-5">
          {layout.map((bars, i) =>
            i % labelEvery === 0 ? (
              <span
                key={groups[i]!.title}
                className="absolute -translate-x-1/2 text-xs whitespace-nowrap text-zinc-500 dark:text-zinc-400"
                style={{ left: percent(bars.x + (bars.width * bars.heights.length) / 2) }}
              >
                {groups[i]!.label}
              </span>
            ) : null,
          )}
        </div>
      </div>
      <figcaption className="sr-only">{summary}</figcaption>
      <details className="text-sm">
        <summary className="cursor-pointer text-brand-700 hover:underline dark:text-brand-400">
          Show as table
        </summary>
        {/* Scrolls when long (30 days, 24 hours): focusable, so a keyboard can scroll it too. */}
        <div
          tabIndex={0}
          role="region"
          aria-label={`${title}, as a table`}
          className="mt-2 max-h-80 overflow-auto rounded-lg border border-zinc-200 focus-visible:outline-2 focus-visible:outline-brand-500 dark:border-zinc-800"
        >
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{title}</caption>
            <thead className="bg-zinc-50 text-xs text-zinc-500 uppercase dark:bg-zinc-950 dark:text-zinc-400">
              <tr>
                <th scope="col" className="px-3 py-2">
                  {groupHeader}
                </th>
                {series.map((entry) => (
                  <th key={entry.name} scope="col" className="px-3 py-2 text-right">
                    {entry.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
              {groups.map((group) => (
                <tr key={group.title}>
                  <th scope="row" className="px-3 py-1.5 font-normal">
                    {group.title}
                  </th>
                  {group.values.map((value, s) => (
                    <td key={series[s]?.name ?? s} className="px-3 py-1.5 text-right tabular-nums">
                      {value}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
