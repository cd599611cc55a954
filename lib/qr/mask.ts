// Data masks, format information and the penalty score used to pick a mask (ISO/IEC 18004 7.8 and 7.9).
import { formatPositions, type Grid, type QrSymbol } from "./matrix";
import type { EcLevel } from "./tables";

/** The eight mask conditions: a module at (row, column) is flipped when its condition holds. */
const MASKS: ReadonlyArray<(row: number, column: number) => boolean> = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (_r, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
];

export const MASK_COUNT = MASKS.length;

// The 2-bit level indicators of the format information (not in L, M, Q, H order: L=01, M=00).
const LEVEL_BITS: Record<EcLevel, number> = { L: 0b01, M: 0b00 };

/** The 15 format bits: level and mask, a BCH(15,5) checksum (generator 0x537), XORed with 0x5412. */
export function formatBits(level: EcLevel, mask: number): number {
  const data = (LEVEL_BITS[level] << 3) | mask;
  let remainder = data << 10;
  for (let bit = 14; bit >= 10; bit--) if ((remainder >> bit) & 1) remainder ^= 0x537 << (bit - 10);
  return ((data << 10) | remainder) ^ 0x5412;
}

/** A copy of the symbol's modules with the mask applied to every non-function module and the format bits drawn. */
export function applyMask(symbol: QrSymbol, level: EcLevel, mask: number): Grid {
  const condition = MASKS[mask];
  if (!condition) throw new RangeError(`mask ${mask} is not 0-7`);
  const modules = symbol.modules.map((row, r) => row.map((dark, c) => (symbol.isFunction[r]![c] ? dark : dark !== condition(r, c))));
  const bits = formatBits(level, mask);
  for (const copy of formatPositions(symbol.size)) {
    copy.forEach(([row, column], index) => {
      modules[row]![column] = ((bits >> (14 - index)) & 1) === 1;
    });
  }
  return modules;
}

/** Rule 1: every run of five or more same-coloured modules in a row or column costs 3, plus 1 per extra module. */
function runPenalty(lines: Grid): number {
  let score = 0;
  for (const line of lines) {
    let run = 1;
    for (let i = 1; i <= line.length; i++) {
      if (i < line.length && line[i] === line[i - 1]) {
        run++;
        continue;
      }
      if (run >= 5) score += 3 + (run - 5);
      run = 1;
    }
  }
  return score;
}

// Rule 3's two patterns: a finder-like 1:1:3:1:1 with four light modules before or after it.
const FINDER_LIKE = [
  [true, false, true, true, true, false, true, false, false, false, false],
  [false, false, false, false, true, false, true, true, true, false, true],
];

function finderLikePenalty(lines: Grid): number {
  let score = 0;
  for (const line of lines) {
    for (let start = 0; start + 11 <= line.length; start++) {
      for (const pattern of FINDER_LIKE) if (pattern.every((dark, k) => line[start + k] === dark)) score += 40;
    }
  }
  return score;
}

/** The penalty of a masked symbol (lower is better): runs, 2x2 blocks, finder look-alikes and dark/light balance. */
export function penaltyScore(modules: Grid): number {
  const size = modules.length;
  const columns: Grid = modules.map((_, c) => modules.map((row) => row[c]!));
  let score = runPenalty(modules) + runPenalty(columns);
  // Rule 2: each 2x2 block of one colour costs 3 (overlapping blocks count separately).
  for (let r = 0; r + 1 < size; r++) {
    for (let c = 0; c + 1 < size; c++) {
      const dark = modules[r]![c];
      if (modules[r]![c + 1] === dark && modules[r + 1]![c] === dark && modules[r + 1]![c + 1] === dark) score += 3;
    }
  }
  score += finderLikePenalty(modules) + finderLikePenalty(columns);
  // Rule 4: 10 points for each 5% step the dark share lies beyond 50% ± 5% (45-55% costs nothing).
  // In integers: |dark/total - 1/2| / 5% = |20·dark - 10·total| / total.
  const dark = modules.reduce((sum, row) => sum + row.filter(Boolean).length, 0);
  const total = size * size;
  score += 10 * Math.max(0, Math.ceil(Math.abs(20 * dark - 10 * total) / total) - 1);
  return score;
}
