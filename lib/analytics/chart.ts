// Geometry of the analytics bar charts, apart from React so it can be tested: a "nice" top value for the
// axis, its ticks, and where each group of bars goes.

/** The smallest of 1, 2, 5 × 10^n at or above `max` (at least 1), so ticks fall on round numbers. */
export function niceMax(max: number): number {
  if (max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * power >= max) return step * power;
  return 10 * power;
}

/** Ticks from 0 to `top` in `count` equal steps, whole numbers only. */
export function ticks(top: number, count = 4): number[] {
  const step = Math.max(1, Math.ceil(top / count));
  const out: number[] = [];
  for (let value = 0; value <= top; value += step) out.push(value);
  if (out.at(-1) !== top) out.push(top);
  return out;
}

export type BarLayout = { x: number; width: number; heights: number[] };

/** Groups of `series` bars across `width`, each bar's height in pixels of `height` for values up to `top`. */
export function barLayout(groups: number[][], width: number, height: number, top: number): BarLayout[] {
  const slot = groups.length > 0 ? width / groups.length : width;
  const series = Math.max(1, groups[0]?.length ?? 1);
  const gap = Math.min(6, slot * 0.2);
  const barWidth = Math.max(1, (slot - gap) / series);
  return groups.map((values, i) => ({
    x: i * slot + gap / 2,
    width: barWidth,
    heights: values.map((value) => (top > 0 ? (Math.max(0, value) / top) * height : 0)),
  }));
}
