// Turning model scores and keyword hits into labels with a confidence and the evidence that decided.
import { featureName, scoreLinear, sigmoid, spansIn, type Combination, type FeatureVector, type LinearModel } from "./linear.js";
import { labelFlags } from "./scratch.js";

/** One inferred label: the label key, a confidence in 0..1, and the evidence. */
export interface ScoredLabel {
  label: string;
  confidence: number;
  evidence: string[];
}

/**
 * A model feature in words: "^v:ratify" → "lead verb: ratify", "#r:D23" → "keyword rule", bigrams as is.
 * @example
 * describeFeature("^v:consider"); // "lead verb \"consider\""
 */
export function describeFeature(name: string): string {
  if (name.startsWith("^v:")) return `lead verb "${name.slice(3)}"`;
  if (name.startsWith("^&")) return `second verb "${name.slice(2)}"`;
  if (name.startsWith("^")) return `starts "${name.slice(1)}"`;
  if (name.startsWith("#r:")) return `keyword rule ${name.slice(3)}`;
  return `"${name}"`;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
const MAX_EVIDENCE = 5;

// Evidence strings repeat across texts (the same features and keywords decide again and again):
// one string each, shared, instead of a new one per label (100,000 texts give ~2 million).
const SAID = { feature: new Map<string, string>(), keyword: new Map<string, string>() };
function said(kind: "feature" | "keyword", s: string): string {
  const known = SAID[kind];
  let v = known.get(s);
  if (v === undefined) {
    v = kind === "keyword" ? `keyword "${s}"` : describeFeature(s);
    // Bounded: features come from the texts, and a text can hold a huge word.
    if (s.length <= 200) {
      if (known.size >= 100_000) known.clear();
      known.set(s, v);
    }
  }
  return v;
}

// Words too common to explain anything on their own ("of the", "de").
const FILLER = new Set(["a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "its", "by", "as", "at", "from", "all", "that", "de", "la", "le", "les", "des", "du", "el", "los", "las", "y", "et", "en"]);

// A reused slot buffer (classification is synchronous): no typed-array allocation per text.
let slots = new Int16Array(256).fill(-1);

// Per weight row (keyed by where it starts in its cells): 2 not decided yet, 1 showable, 0 not.
const showCache = new WeakMap<Float64Array, Uint8Array>();
function showableRows(cells: Float64Array): Uint8Array {
  let s = showCache.get(cells);
  if (!s) {
    s = new Uint8Array(cells.length >> 1).fill(2);
    showCache.set(cells, s);
  }
  return s;
}

/** Whether a model feature makes sense as evidence for a person (not a rule echo, not filler words). */
function isShowable(f: string): boolean {
  if (f.startsWith("#")) return false;
  if (f.startsWith("^") && !f.startsWith("^v:") && !f.startsWith("^&")) return false;
  const words = f.replace(/^\^(?:v:|&)/, "").split(" ");
  // "death penalty" explains; "the convention" and "protection of" only repeat a word.
  return words.length === 1 ? !FILLER.has(words[0]!) : !words.some((w) => FILLER.has(w));
}

/**
 * Multi-label prediction: model probability and keyword hit combined as a noisy-OR
 * (1 - (1 - p)(1 - ruleConfidence)), labels at or above the threshold, strongest first. When none
 * passes, the combination's fallback label if it has one (rules first), else the model's best label.
 * Without `explain`, the labels' evidence is left empty (and not looked for).
 * @example
 * predictLabels(model, vector, hits, { threshold: 0.4, ruleConfidence: 0.5, maxLabels: 6, atLeastOne: true });
 */
export function predictLabels(model: LinearModel, x: FeatureVector, hits: ReadonlyMap<string, string[]>, c: Combination, explain = true): ScoredLabel[] {
  const fallback = (label: string): ScoredLabel[] => [{ label, confidence: round(c.fallbackReliability ?? 0.5), evidence: explain ? ["no keyword rule matched"] : [] }];
  // Rules first and no rule hit: no label can pass on the model alone, so the fallback, unscored.
  if (c.fallback !== undefined && c.threshold >= 1 && hits.size === 0) return fallback(c.fallback);
  const margins = scoreLinear(model, x);
  // Work in margin space: only labels that can pass the threshold need a probability.
  const cut = c.threshold <= 0 ? -Infinity : c.threshold >= 1 ? Infinity : Math.log(c.threshold / (1 - c.threshold));
  const hit = labelFlags(margins.length);
  let extra: string[] | null = null; // hits on labels the model does not know
  for (const l of hits.keys()) {
    const k = model.labelIndex.get(l);
    if (k === undefined) (extra ??= []).push(l);
    else hit[k] = 1;
  }
  const found = new Candidates(c.threshold);
  let top = -1;
  for (let k = 0; k < margins.length; k++) {
    const m = margins[k]!;
    if (hit[k]) found.consider(model.labels[k]!, 1 - (1 - sigmoid(m)) * (1 - c.ruleConfidence));
    else {
      if (top < 0 || m > margins[top]!) top = k;
      if (m >= cut) found.consider(model.labels[k]!, sigmoid(m));
    }
  }
  if (top >= 0 && margins[top]! < cut && c.fallback === undefined) found.consider(model.labels[top]!, sigmoid(margins[top]!));
  hit.fill(0, 0, margins.length);
  if (extra) for (const l of extra) found.consider(l, c.ruleConfidence);
  const chosen = found.choose(c.maxLabels, c.atLeastOne && c.fallback === undefined);
  if (chosen.length === 0 && c.fallback !== undefined) return fallback(c.fallback);
  const why = explain ? explainLabels(model, x, chosen.map((s) => model.labelIndex.get(s.label) ?? -1), 3) : null;
  // The reported confidence of a keyword hit is its measured precision, not its decision weight.
  const reliability = c.ruleReliability ?? c.ruleConfidence;
  const out: ScoredLabel[] = [];
  for (let i = 0; i < chosen.length; i++) {
    const { label, q } = chosen[i]!;
    const phrases = hits.get(label);
    const evidence: string[] = [];
    if (phrases && why) for (const phrase of phrases) evidence.push(said("keyword", phrase));
    if (why) for (const f of why[i]!) if (evidence.length < MAX_EVIDENCE && !phrases?.includes(f)) evidence.push(said("feature", f));
    let confidence = q;
    if (phrases && reliability !== c.ruleConfidence) {
      const k = model.labelIndex.get(label);
      confidence = 1 - (1 - (k === undefined ? 0 : sigmoid(margins[k]!))) * (1 - reliability);
    }
    if (evidence.length > MAX_EVIDENCE) evidence.length = MAX_EVIDENCE;
    out.push({ label, confidence: round(confidence), evidence });
  }
  return out;
}

/** Labels at or above the threshold, and the best one in case none is. */
class Candidates {
  private readonly above: { label: string; q: number }[] = [];
  private best: { label: string; q: number } | null = null;
  constructor(private readonly threshold: number) {}

  consider(label: string, q: number): void {
    const b = this.best;
    if (q >= this.threshold) {
      const e = { label, q };
      this.above.push(e);
      if (!b || q > b.q || (q === b.q && label < b.label)) this.best = e;
    } else if (!b || q > b.q || (q === b.q && label < b.label)) this.best = { label, q };
  }

  /** The strongest `max` (ties by label), or the best one alone when none passed and one is wanted. */
  choose(max: number, atLeastOne: boolean): { label: string; q: number }[] {
    const chosen = this.above.sort((a, b) => b.q - a.q || (a.label < b.label ? -1 : 1));
    if (chosen.length > max) chosen.length = max;
    if (chosen.length === 0 && atLeastOne && this.best) return [this.best];
    return chosen;
  }
}

/**
 * The strongest showable features (no rule echoes, no filler words) of several labels (indexes into
 * model.labels, -1 for none) in one pass over the input: the k best per label kept in place.
 * @example
 * explainLabels(model, vector, [3, 7], 3); // [["death penalty", ...], [...]]
 */
export function explainLabels(model: LinearModel, x: FeatureVector, labels: readonly number[], k: number): string[][] {
  const n = labels.length;
  if (n === 0) return [];
  if (slots.length < model.labels.length) slots = new Int16Array(model.labels.length * 2).fill(-1);
  const slot = slots;
  labels.forEach((l, i) => {
    if (l >= 0) slot[l] = i;
  });
  const bestAt = new Int32Array(n * k).fill(-1);
  const bestC = new Float64Array(n * k);
  const spans = spansIn(model, x);
  const { cells, start, stride, slot: modelSlot, ids } = spans;
  const show = showableRows(cells);
  for (let i = 0; i < ids.length; i++) {
    const f = ids[i]!;
    if (f < 0) continue;
    const b = f * stride + modelSlot;
    const row = start[b]! >> 1;
    for (let j = start[b]!, end = start[b + 1]!; j < end; j += 2) {
      const s = slot[cells[j]! | 0]!;
      if (s < 0) continue;
      const c = cells[j + 1]! * x.values[i]!;
      if (c <= 0 || c <= bestC[s * k + k - 1]! && bestAt[s * k + k - 1]! >= 0) continue;
      if (show[row] === 2) show[row] = isShowable(featureName(x, spans, i)) ? 1 : 0;
      if (show[row] === 0) continue;
      // Insert into the slot's sorted top-k (ties: earlier feature first, as a stable sort would).
      let p = s * k + k - 1;
      while (p > s * k && (bestAt[p - 1]! < 0 || c > bestC[p - 1]!)) {
        bestAt[p] = bestAt[p - 1]!;
        bestC[p] = bestC[p - 1]!;
        p--;
      }
      bestAt[p] = i;
      bestC[p] = c;
    }
  }
  for (const l of labels) if (l >= 0) slot[l] = -1;
  const out: string[][] = [];
  for (let s = 0; s < n; s++) {
    const names: string[] = [];
    for (let q = s * k; q < s * k + k && bestAt[q]! >= 0; q++) names.push(featureName(x, spans, bestAt[q]!));
    out.push(names);
  }
  return out;
}

