// Training for the linear models: FTRL-Proximal logistic regression (McMahan et al. 2013), one-vs-rest
// or softmax, over sparse features. Used by scripts/train-models.ts and scripts/eval.ts; not part of
// the public API. Deterministic: a seeded shuffle and a fixed order of floating-point operations.
import type { FeatureVector, LinearModelData } from "../../src/classify/linear.js";
import { seededRandom } from "../../src/internal/random.js";

/** One training example: feature indexes and values, the gold label indexes, an optional weight. */
export interface Example {
  idx: Int32Array;
  val: Float32Array;
  labels: readonly number[];
  weight?: number;
  /** For ovr: the only labels this example informs (weak labels from another scheme); all when absent. */
  informs?: Uint8Array;
}

export interface FtrlOptions {
  alpha: number;
  beta: number;
  l1: number;
  l2: number;
  epochs: number;
  seed: number;
}

/** A small seeded generator (mulberry32): the only randomness in training. */
export { seededRandom };

function shuffled(n: number, rand: () => number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order;
}

/** A feature vocabulary: names to contiguous indexes, in first-seen order. */
export class Vocabulary {
  readonly names: string[] = [];
  private readonly index = new Map<string, number>();
  /** Build from document-frequency counts, keeping features seen in at least `minCount` documents. */
  static fromDocuments(docs: readonly FeatureVector[], minCount: number, always: (name: string) => boolean = () => false): Vocabulary {
    const df = new Map<string, number>();
    for (const d of docs) for (const n of d.names) df.set(n, (df.get(n) ?? 0) + 1);
    const v = new Vocabulary();
    for (const [n, c] of df) if (c >= minCount || always(n)) v.add(n);
    return v;
  }
  add(name: string): number {
    let i = this.index.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.index.set(name, i);
    }
    return i;
  }
  get size(): number {
    return this.names.length;
  }
  /** The example for a vector: unknown features dropped. */
  encode(x: FeatureVector, labels: readonly number[], weight?: number): Example {
    const idx: number[] = [];
    const val: number[] = [];
    for (let i = 0; i < x.names.length; i++) {
      const k = this.index.get(x.names[i]!);
      if (k !== undefined) {
        idx.push(k);
        val.push(x.values[i]!);
      }
    }
    return { idx: Int32Array.from(idx), val: Float32Array.from(val), labels, ...(weight !== undefined ? { weight } : {}) };
  }
}

/** Trained weights: `w[k * nFeatures + i]` for label k and feature i. */
export interface TrainedWeights {
  nFeatures: number;
  nLabels: number;
  w: Float32Array;
  b: Float64Array;
}

class Ftrl {
  readonly z: Float32Array;
  readonly n: Float32Array;
  constructor(size: number, private readonly o: FtrlOptions) {
    this.z = new Float32Array(size);
    this.n = new Float32Array(size);
  }
  weight(i: number): number {
    const z = this.z[i]!;
    if (Math.abs(z) <= this.o.l1) return 0;
    return -(z - Math.sign(z) * this.o.l1) / ((this.o.beta + Math.sqrt(this.n[i]!)) / this.o.alpha + this.o.l2);
  }
  update(i: number, g: number, w: number): void {
    const n = this.n[i]!;
    const sigma = (Math.sqrt(n + g * g) - Math.sqrt(n)) / this.o.alpha;
    this.z[i] = this.z[i]! + g - sigma * w;
    this.n[i] = n + g * g;
  }
  dense(): Float32Array {
    const w = new Float32Array(this.z.length);
    for (let i = 0; i < w.length; i++) w[i] = this.weight(i);
    return w;
  }
}

/**
 * Train one logistic model per label (multi-label). Labels an example lacks are its negatives.
 * @example
 * const weights = trainOvr(examples, vocab.size, labels.length, { alpha: 0.5, beta: 1, l1: 0.5, l2: 1, epochs: 8, seed: 7 });
 */
export function trainOvr(examples: readonly Example[], nFeatures: number, nLabels: number, o: FtrlOptions): TrainedWeights {
  // The FTRL update written out with local arrays: this loop is the whole cost of training.
  const z = new Float64Array(nFeatures * nLabels);
  const n = new Float64Array(nFeatures * nLabels);
  const bz = new Float64Array(nLabels);
  const bn = new Float64Array(nLabels);
  const { alpha, beta, l1, l2 } = o;
  const rand = seededRandom(o.seed);
  const y = new Uint8Array(nLabels);
  let wbuf = new Float64Array(256);
  for (let e = 0; e < o.epochs; e++) {
    for (const i of shuffled(examples.length, rand)) {
      const ex = examples[i]!;
      const sw = ex.weight ?? 1;
      y.fill(0);
      for (const l of ex.labels) y[l] = 1;
      const m = ex.idx.length;
      if (m > wbuf.length) wbuf = new Float64Array(m);
      for (let k = 0; k < nLabels; k++) {
        if (ex.informs && ex.informs[k] === 0) continue;
        const off = k * nFeatures;
        let s = -bz[k]! / ((beta + Math.sqrt(bn[k]!)) / alpha);
        for (let j = 0; j < m; j++) {
          const c = off + ex.idx[j]!;
          const zc = z[c]!;
          const w = zc <= l1 && zc >= -l1 ? 0 : -(zc - (zc > 0 ? l1 : -l1)) / ((beta + Math.sqrt(n[c]!)) / alpha + l2);
          wbuf[j] = w;
          s += w * ex.val[j]!;
        }
        const p = 1 / (1 + Math.exp(-(s > 35 ? 35 : s < -35 ? -35 : s)));
        const g = (p - y[k]!) * sw;
        if (g === 0) continue;
        for (let j = 0; j < m; j++) {
          const c = off + ex.idx[j]!;
          const gi = g * ex.val[j]!;
          const nc = n[c]!;
          const sigma = (Math.sqrt(nc + gi * gi) - Math.sqrt(nc)) / alpha;
          z[c] = z[c]! + gi - sigma * wbuf[j]!;
          n[c] = nc + gi * gi;
        }
        const bw = -bz[k]! / ((beta + Math.sqrt(bn[k]!)) / alpha);
        const bs = (Math.sqrt(bn[k]! + g * g) - Math.sqrt(bn[k]!)) / alpha;
        bz[k] = bz[k]! + g - bs * bw;
        bn[k] = bn[k]! + g * g;
      }
    }
  }
  const w = new Float32Array(nFeatures * nLabels);
  for (let c = 0; c < w.length; c++) {
    const zc = z[c]!;
    w[c] = zc <= l1 && zc >= -l1 ? 0 : -(zc - (zc > 0 ? l1 : -l1)) / ((beta + Math.sqrt(n[c]!)) / alpha + l2);
  }
  const b = new Float64Array(nLabels);
  for (let k = 0; k < nLabels; k++) b[k] = -bz[k]! / ((beta + Math.sqrt(bn[k]!)) / alpha);
  return { nFeatures, nLabels, w, b };
}

/**
 * Train a softmax (multinomial logistic) model: one label per example, its first.
 * @example
 * const weights = trainSoftmax(examples, vocab.size, 5, { alpha: 0.5, beta: 1, l1: 0.5, l2: 1, epochs: 8, seed: 7 });
 */
export function trainSoftmax(examples: readonly Example[], nFeatures: number, nLabels: number, o: FtrlOptions): TrainedWeights {
  const f = new Ftrl(nFeatures * nLabels, o);
  const bias = new Ftrl(nLabels, { ...o, l1: 0, l2: 0 });
  const rand = seededRandom(o.seed);
  const s = new Float64Array(nLabels);
  for (let e = 0; e < o.epochs; e++) {
    for (const i of shuffled(examples.length, rand)) {
      const ex = examples[i]!;
      const sw = ex.weight ?? 1;
      const gold = ex.labels[0]!;
      const m = ex.idx.length;
      let max = -Infinity;
      for (let k = 0; k < nLabels; k++) {
        const off = k * nFeatures;
        let t = bias.weight(k);
        for (let j = 0; j < m; j++) t += f.weight(off + ex.idx[j]!) * ex.val[j]!;
        s[k] = t;
        if (t > max) max = t;
      }
      let sum = 0;
      for (let k = 0; k < nLabels; k++) sum += s[k] = Math.exp(s[k]! - max);
      for (let k = 0; k < nLabels; k++) {
        const g = (s[k]! / sum - (k === gold ? 1 : 0)) * sw;
        const off = k * nFeatures;
        for (let j = 0; j < m; j++) {
          const i2 = off + ex.idx[j]!;
          f.update(i2, g * ex.val[j]!, f.weight(i2));
        }
        bias.update(k, g, bias.weight(k));
      }
    }
  }
  const b = new Float64Array(nLabels);
  for (let k = 0; k < nLabels; k++) b[k] = bias.weight(k);
  return { nFeatures, nLabels, w: f.dense(), b };
}

/** Round to `digits` significant digits (compact JSON, same value on every platform). */
export function roundSig(x: number, digits = 4): number {
  if (x === 0 || !Number.isFinite(x)) return 0;
  return Number(x.toPrecision(digits));
}

/**
 * The committed JSON form of trained weights: weights below `prune` in magnitude dropped, the rest
 * rounded to 4 significant digits; features in vocabulary order.
 * @example
 * const data = exportModel("issues", "ovr", labels, vocab, weights, 0.35, 1e-3, { trainedOn: "..." });
 */
export function exportModel(
  task: string,
  kind: "ovr" | "softmax",
  labels: readonly string[],
  vocab: Vocabulary,
  t: TrainedWeights,
  threshold: number,
  prune: number,
  meta: Record<string, unknown>,
): LinearModelData {
  const features: (string | number)[][] = [];
  for (let i = 0; i < vocab.size; i++) {
    const row: (string | number)[] = [vocab.names[i]!];
    for (let k = 0; k < t.nLabels; k++) {
      const w = t.w[k * t.nFeatures + i]!;
      if (Math.abs(w) >= prune) row.push(k, roundSig(w));
    }
    if (row.length > 1) features.push(row);
  }
  return {
    format: "upr-matrix-linear/1",
    task,
    kind,
    labels: [...labels],
    bias: Array.from(t.b, (b) => roundSig(b)),
    threshold: roundSig(threshold, 3),
    features,
    meta,
  };
}
