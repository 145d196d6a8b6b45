// A small seeded generator, for everything that must be reproducible: training, the split, generated
// fixtures and benchmark data, fuzzing. Never exported from the package.

/**
 * mulberry32: a fast 32-bit generator, the same numbers for the same seed on every platform.
 * @example
 * const r = seededRandom(7);
 * r(); // a number in [0, 1), always the same first one for seed 7
 */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
