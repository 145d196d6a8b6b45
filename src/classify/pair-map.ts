// A hash table from pairs of small non-negative integers (two token ids) to a non-negative integer:
// the bigram tables of feature-ids.ts, and the per-text set of unknown bigrams. Open addressing over
// typed arrays: no string built and no object allocated per lookup.

/** Pairs (x, y) of non-negative 32-bit integers → a non-negative integer; -1 for a pair not in the map. */
export class PairMap {
  private xs: Int32Array;
  private ys: Int32Array;
  private vs: Int32Array;
  private mask: number;
  private count = 0;

  /**
   * An empty map with room for `expected` pairs before it grows.
   * @example
   * const bigrams = new PairMap(16_000);
   */
  constructor(expected = 16) {
    let size = 16;
    while (size < expected * 2) size *= 2;
    this.xs = new Int32Array(size).fill(-1);
    this.ys = new Int32Array(size);
    this.vs = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The number of pairs held. */
  get size(): number {
    return this.count;
  }

  /**
   * The value of (x, y), or -1.
   * @example
   * bigrams.get(tokenIds.get("death")!, tokenIds.get("penalty")!); // a feature id
   */
  get(x: number, y: number): number {
    for (let i = slot(x, y) & this.mask; ; i = (i + 1) & this.mask) {
      const at = this.xs[i]!;
      if (at === -1) return -1;
      if (at === x && this.ys[i] === y) return this.vs[i]!;
    }
  }

  /**
   * Set the value of (x, y); returns false when the pair was there already (its value is kept).
   * @example
   * if (seen.add(a, b, 1)) countNewPair();
   */
  add(x: number, y: number, value: number): boolean {
    if ((this.count + 1) * 2 > this.xs.length) this.grow();
    for (let i = slot(x, y) & this.mask; ; i = (i + 1) & this.mask) {
      const at = this.xs[i]!;
      if (at === -1) {
        this.xs[i] = x;
        this.ys[i] = y;
        this.vs[i] = value;
        this.count++;
        return true;
      }
      if (at === x && this.ys[i] === y) return false;
    }
  }

  /**
   * Remove every pair (the memory is kept for reuse).
   * @example
   * seen.clear();
   */
  clear(): void {
    if (this.count === 0) return;
    this.xs.fill(-1);
    this.count = 0;
  }

  private grow(): void {
    const { xs, ys, vs } = this;
    this.xs = new Int32Array(xs.length * 2).fill(-1);
    this.ys = new Int32Array(xs.length * 2);
    this.vs = new Int32Array(xs.length * 2);
    this.mask = xs.length * 2 - 1;
    this.count = 0;
    for (let i = 0; i < xs.length; i++) if (xs[i] !== -1) this.add(xs[i]!, ys[i]!, vs[i]!);
  }
}

// A well-mixed hash of the pair (multiplicative, then the high bits folded in).
function slot(x: number, y: number): number {
  const h = Math.imul(x ^ Math.imul(y, 0x27d4eb2d), 0x9e3779b1);
  return (h ^ (h >>> 15)) >>> 0;
}
