// Capacity tables for QR versions 1-6 (ISO/IEC 18004 table 9), error-correction levels L and M only:
// enough for any invite link up to 134 bytes. Every block of one version and level has the same length
// at these sizes, so no "group 2" bookkeeping is needed.

export type EcLevel = "L" | "M";

export const MIN_VERSION = 1;
export const MAX_VERSION = 6;

type BlockLayout = { blocks: number; dataPerBlock: number; ecPerBlock: number };

// Index 0 is version 1.
const LAYOUTS: Record<EcLevel, readonly BlockLayout[]> = {
  L: [
    { blocks: 1, dataPerBlock: 19, ecPerBlock: 7 },
    { blocks: 1, dataPerBlock: 34, ecPerBlock: 10 },
    { blocks: 1, dataPerBlock: 55, ecPerBlock: 15 },
    { blocks: 1, dataPerBlock: 80, ecPerBlock: 20 },
    { blocks: 1, dataPerBlock: 108, ecPerBlock: 26 },
    { blocks: 2, dataPerBlock: 68, ecPerBlock: 18 },
  ],
  M: [
    { blocks: 1, dataPerBlock: 16, ecPerBlock: 10 },
    { blocks: 1, dataPerBlock: 28, ecPerBlock: 16 },
    { blocks: 1, dataPerBlock: 44, ecPerBlock: 26 },
    { blocks: 2, dataPerBlock: 32, ecPerBlock: 18 },
    { blocks: 2, dataPerBlock: 43, ecPerBlock: 24 },
    { blocks: 4, dataPerBlock: 27, ecPerBlock: 16 },
  ],
};

export function blockLayout(version: number, level: EcLevel): BlockLayout {
  const layout = LAYOUTS[level][version - 1];
  if (!layout) throw new RangeError(`QR version ${version} is not supported (1-${MAX_VERSION})`);
  return layout;
}

/** Modules per side: 21 for version 1, four more per version. */
export function symbolSize(version: number): number {
  return 17 + 4 * version;
}

/** Bytes that fit in byte mode: data codewords minus the 4-bit mode and 8-bit length header. */
export function byteCapacity(version: number, level: EcLevel): number {
  const { blocks, dataPerBlock } = blockLayout(version, level);
  return Math.floor((blocks * dataPerBlock * 8 - 12) / 8);
}

/** Centre of the one alignment pattern of versions 2-6 (row = column); versions 2-6 have only this one. */
export function alignmentCenter(version: number): number | null {
  return version === 1 ? null : symbolSize(version) - 7;
}
