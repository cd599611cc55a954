// Seeded PRNG (mulberry32): the same seed gives the same cases, so a failure reproduces with FUZZ_SEED.
export type Rng = {
  float(): number;
  int(maxExclusive: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
  text(length: number, alphabet: string): string;
};

export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const float = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (maxExclusive: number) => Math.floor(float() * maxExclusive);
  return {
    float,
    int,
    pick: <T>(items: readonly T[]) => items[int(items.length)] as T,
    chance: (probability) => float() < probability,
    text: (length, alphabet) => Array.from({ length }, () => alphabet[int(alphabet.length)]).join(""),
  };
}

/** FUZZ_SEED (decimal or 0x hex) or a fixed default, so CI runs are reproducible. */
export function fuzzSeed(): number {
  const raw = process.env.FUZZ_SEED;
  const parsed = raw ? Number(raw) : NaN;
  return Number.isFinite(parsed) ? parsed >>> 0 : 0x5eed2026;
}
