import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { MEMBER_SOURCES, type MemberFilters as Filters } from "@/lib/guild-settings/members";
import { SelectField } from "./select-field";

type MemberFiltersProps = { basePath: string; filters: Filters; clearHref: string };

/**
 * The join-source filter as a plain GET form (works without JavaScript), keeping the code the view is
 * narrowed to; the code itself is shown as a removable chip.
 */
export function MemberFilters({ basePath, filters, clearHref }: MemberFiltersProps) {
  const isFiltered = Boolean(filters.code || filters.source);
  return (
    <div className="flex flex-col gap-3">
      {filters.code ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="member-code-filter">
          Joined through invite{" "}
          <span className="font-mono font-semibold text-zinc-900 dark:text-zinc-100">{filters.code}</span>
        </p>
      ) : null}
      <form
        method="get"
        action={basePath}
        className="flex flex-col gap-3 sm:flex-row sm:items-end"
        aria-label="Filter members"
      >
        {filters.code ? <input type="hidden" name="code" value={filters.code} /> : null}
        {filters.period !== "7d" ? <input type="hidden" name="period" value={filters.period} /> : null}
        <SelectField
          id="filter-source"
          name="source"
          label="Joined through"
          defaultValue={filters.source ?? ""}
          options={[
            { value: "", label: "Any way" },
            ...MEMBER_SOURCES.map(({ value, label }) => ({ value, label })),
          ]}
          className="sm:w-64"
        />
        <button type="submit" className={buttonClasses({ variant: "secondary" })}>
          Show
        </button>
        {isFiltered ? (
          <Link href={clearHref} className={buttonClasses({ variant: "ghost" })}>
            Clear filters
          </Link>
        ) : null}
      </form>
    </div>
  );
}
