// QR encoding of a short string (an invite link): byte mode, error-correction level M (L when the text is
// too long for M), versions 1-6, the mask with the lowest penalty. Pure code, used on server and client.
import { applyMask, MASK_COUNT, penaltyScore } from "./mask";
import { createSymbol, placeData, type Grid } from "./matrix";
import { reedSolomonRemainder } from "./reed-solomon";
import { blockLayout, byteCapacity, MAX_VERSION, MIN_VERSION, type EcLevel } from "./tables";

export type QrCode = {
  version: number;
  level: EcLevel;
  mask: number;
  /** Modules per side (without quiet zone). */
  size: number;
  /** [row][column], true = dark. */
  modules: Grid;
};

export type QrOptions = {
  /** Error-correction level; by default M, or L when the text does not fit in version 6 at M. */
  level?: EcLevel;
  /** Force a mask (0-7) instead of choosing by penalty; for tests against a reference encoder. */
  mask?: number;
};

/** The smallest version and level that hold `length` bytes, or null when none of versions 1-6 does. */
export function chooseVersion(length: number, level?: EcLevel): { version: number; level: EcLevel } | null {
  for (const candidate of level ? [level] : (["M", "L"] as const)) {
    for (let version = MIN_VERSION; version <= MAX_VERSION; version++) {
      if (byteCapacity(version, candidate) >= length) return { version, level: candidate };
    }
  }
  return null;
}

/** Appends `count` low bits of `value`, most significant first. */
function pushBits(bits: number[], value: number, count: number) {
  for (let i = count - 1; i >= 0; i--) bits.push((value >>> i) & 1);
}

/** Mode indicator, length, the bytes, terminator and padding: exactly the data codewords of the version. */
export function dataCodewords(bytes: Uint8Array, version: number, level: EcLevel): Uint8Array {
  const { blocks, dataPerBlock } = blockLayout(version, level);
  const capacityBits = blocks * dataPerBlock * 8;
  const bits: number[] = [];
  pushBits(bits, 0b0100, 4); // byte mode
  pushBits(bits, bytes.length, 8); // character count: 8 bits in byte mode for versions 1-9
  for (const byte of bytes) pushBits(bits, byte, 8);
  if (bits.length > capacityBits) throw new RangeError("data does not fit the chosen version");
  pushBits(bits, 0, Math.min(4, capacityBits - bits.length)); // terminator
  pushBits(bits, 0, (8 - (bits.length % 8)) % 8); // to a byte boundary
  const codewords = new Uint8Array(capacityBits / 8);
  for (let i = 0; i < bits.length; i += 8) codewords[i / 8] = bits.slice(i, i + 8).reduce((byte, bit) => (byte << 1) | bit, 0);
  // Fill the rest with the two pad codewords, alternately.
  for (let i = bits.length / 8, pad = 0; i < codewords.length; i++, pad++) codewords[i] = pad % 2 === 0 ? 0xec : 0x11;
  return codewords;
}

/** Splits data into blocks, adds each block's error correction, and interleaves: data column by column, then EC. */
export function finalCodewords(data: Uint8Array, version: number, level: EcLevel): Uint8Array {
  const { blocks, dataPerBlock, ecPerBlock } = blockLayout(version, level);
  const dataBlocks = Array.from({ length: blocks }, (_, b) => data.subarray(b * dataPerBlock, (b + 1) * dataPerBlock));
  const ecBlocks = dataBlocks.map((block) => reedSolomonRemainder(block, ecPerBlock));
  const result: number[] = [];
  for (let i = 0; i < dataPerBlock; i++) for (const block of dataBlocks) result.push(block[i]!);
  for (let i = 0; i < ecPerBlock; i++) for (const block of ecBlocks) result.push(block[i]!);
  return Uint8Array.from(result);
}

/** Encodes `text` (UTF-8) as a QR code; throws a RangeError when it is longer than version 6 holds. */
export function encodeQr(text: string, options: QrOptions = {}): QrCode {
  const bytes = new TextEncoder().encode(text);
  const chosen = chooseVersion(bytes.length, options.level);
  if (!chosen) throw new RangeError(`text of ${bytes.length} bytes is too long for a version ${MAX_VERSION} QR code`);
  const { version, level } = chosen;
  const symbol = createSymbol(version);
  placeData(symbol, finalCodewords(dataCodewords(bytes, version, level), version, level));

  const masks = options.mask === undefined ? Array.from({ length: MASK_COUNT }, (_, i) => i) : [options.mask];
  let best: { mask: number; modules: Grid; penalty: number } | null = null;
  for (const mask of masks) {
    const modules = applyMask(symbol, level, mask);
    const penalty = penaltyScore(modules);
    if (!best || penalty < best.penalty) best = { mask, modules, penalty };
  }
  return { version, level, mask: best!.mask, size: symbol.size, modules: best!.modules };
}
