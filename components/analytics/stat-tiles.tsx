/** A row of headline numbers ("Views 120"), as a description list. */
export function StatTiles({ stats }: { stats: { label: string; value: string; hint?: string }[] }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="analytics-totals">
      {stats.map((stat) => (
        <div
          key={stat.label}
          className="rounded-xl border border-zinc-200 bg-white px-4 py-3 dark:border-zinc-800 dark:bg-zinc-900"
        >
          <dt className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
            {stat.label}
          </dt>
          <dd className="mt-1 text-2xl font-semibold tabular-nums" data-stat={stat.label}>
            {stat.value}
          </dd>
          {stat.hint ? <dd className="text-xs text-zinc-500 dark:text-zinc-400">{stat.hint}</dd> : null}
        </div>
      ))}
    </dl>
  );
}
