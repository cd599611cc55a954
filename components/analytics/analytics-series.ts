import type { ChartSeries } from "./bar-chart";

/** Views and joins, the two series every analytics chart draws, in the same colours everywhere. */
export const VIEWS_AND_JOINS: ChartSeries[] = [
  {
    name: "Views",
    barClass: "fill-brand-500 dark:fill-brand-400",
    swatchClass: "bg-brand-500 dark:bg-brand-400",
  },
  {
    name: "Joins",
    barClass: "fill-emerald-600 dark:fill-emerald-400",
    swatchClass: "bg-emerald-600 dark:bg-emerald-400",
  },
];
