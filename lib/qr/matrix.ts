// The module grid of a QR symbol: function patterns (finders, separators, timing, alignment, the dark
// module and the reserved format areas) and the zig-zag placement of codeword bits (ISO/IEC 18004 7.7).
// Coordinates are [row][column], row 0 at the top.
import { alignmentCenter, symbolSize } from "./tables";

export type Grid = boolean[][];

export type QrSymbol = {
  size: number;
  /** true = dark module. */
  modules: Grid;
  /** true where a function pattern lives: never holds data and is never masked. */
  isFunction: Grid;
};

function grid(size: number): Grid {
  return Array.from({ length: size }, () => new Array<boolean>(size).fill(false));
}

function setFunction(symbol: QrSymbol, row: number, column: number, dark: boolean) {
  symbol.modules[row]![column] = dark;
  symbol.isFunction[row]![column] = true;
}

/** A 7x7 finder (dark ring, light ring, 3x3 dark core) with its light separator, clipped to the symbol. */
function drawFinder(symbol: QrSymbol, centerRow: number, centerColumn: number) {
  for (let dr = -4; dr <= 4; dr++) {
    for (let dc = -4; dc <= 4; dc++) {
      const row = centerRow + dr;
      const column = centerColumn + dc;
      if (row < 0 || row >= symbol.size || column < 0 || column >= symbol.size) continue;
      const ring = Math.max(Math.abs(dr), Math.abs(dc)); // 0-1 core, 2 light, 3 dark, 4 separator
      setFunction(symbol, row, column, ring !== 2 && ring !== 4);
    }
  }
}

/** A 5x5 alignment pattern: dark ring, light ring, dark centre. */
function drawAlignment(symbol: QrSymbol, center: number) {
  for (let dr = -2; dr <= 2; dr++) {
    for (let dc = -2; dc <= 2; dc++) setFunction(symbol, center + dr, center + dc, Math.max(Math.abs(dr), Math.abs(dc)) !== 1);
  }
}

/** Every function pattern of `version`; the format areas are reserved (light) and filled in after masking. */
export function createSymbol(version: number): QrSymbol {
  const size = symbolSize(version);
  const symbol: QrSymbol = { size, modules: grid(size), isFunction: grid(size) };
  // Timing patterns: alternating modules along row 6 and column 6 (drawn first; finders overwrite the ends).
  for (let i = 0; i < size; i++) {
    setFunction(symbol, 6, i, i % 2 === 0);
    setFunction(symbol, i, 6, i % 2 === 0);
  }
  drawFinder(symbol, 3, 3);
  drawFinder(symbol, 3, size - 4);
  drawFinder(symbol, size - 4, 3);
  const center = alignmentCenter(version);
  if (center !== null) drawAlignment(symbol, center);
  // Reserve both copies of the 15 format bits, and set the one module that is always dark.
  for (const [row, column] of formatPositions(size).flat()) setFunction(symbol, row, column, false);
  setFunction(symbol, size - 8, 8, true);
  return symbol;
}

/**
 * Where the 15 format bits go, bit 14 (most significant) first, for each of the two copies:
 * copy 1 wraps around the top-left finder (row 8 left to right, then column 8 bottom to top);
 * copy 2 runs up column 8 under the bottom-left finder, then along row 8 beside the top-right one.
 */
export function formatPositions(size: number): [Array<[number, number]>, Array<[number, number]>] {
  const first: Array<[number, number]> = [];
  for (const column of [0, 1, 2, 3, 4, 5, 7, 8]) first.push([8, column]); // bits 14..7 (column 6 is timing)
  for (const row of [7, 5, 4, 3, 2, 1, 0]) first.push([row, 8]); // bits 6..0 (row 6 is timing)
  const second: Array<[number, number]> = [];
  for (let i = 0; i < 7; i++) second.push([size - 1 - i, 8]); // bits 14..8, bottom to top
  for (let i = 0; i < 8; i++) second.push([8, size - 8 + i]); // bits 7..0, left to right
  return [first, second];
}

/**
 * Places codeword bits, most significant first, in the standard zig-zag: two-module-wide columns from the
 * right edge leftwards, alternately upwards and downwards, skipping function modules and the vertical
 * timing column. Modules left over at the end (remainder bits) stay light.
 */
export function placeData(symbol: QrSymbol, codewords: Uint8Array) {
  const totalBits = codewords.length * 8;
  let bit = 0;
  let upward = true;
  for (let right = symbol.size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5; // the timing column shifts every pair left of it by one
    for (let step = 0; step < symbol.size; step++) {
      const row = upward ? symbol.size - 1 - step : step;
      for (const column of [right, right - 1]) {
        if (symbol.isFunction[row]![column] || bit >= totalBits) continue;
        symbol.modules[row]![column] = ((codewords[bit >> 3]! >> (7 - (bit & 7))) & 1) === 1;
        bit++;
      }
    }
    upward = !upward;
  }
}
