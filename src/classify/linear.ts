// Inference for the committed linear models (src/classify/models/*.json): sparse weights per named
// feature, one-vs-rest logistic (multi-label) or softmax (one label). Pure, deterministic.
import type { ThemeCombination } from "./themes.js";

/** How a multi-label model and its keyword rules are combined (stored in the model file). */
export interface Combination {
  /** Labels at or above this confidence are assigned. */
  threshold: number;
  /** The weight of a keyword hit in the decision: its label's confidence is at least this (0: rules only inform the model). */
  ruleConfidence: number;
  /** The share of keyword hits that were right on the training data: the confidence reported for a hit. */
  ruleReliability?: number;
  /** At most this many labels per text. */
  maxLabels: number;
  /** Always give the best label when none reaches the threshold. */
  atLeastOne: boolean;
  /**
   * Rules first: when no label reaches the threshold, give this label (persons: "General", the label of
   * texts that name no group) rather than the model's best guess.
   */
  fallback?: string;
  /** The share of texts given the fallback that were labelled with it on the training data: its reported confidence. */
  fallbackReliability?: number;
}

/** The committed JSON form of a linear model, written by scripts/train-models.ts. */
export interface LinearModelData {
  format: "upr-matrix-linear/1";
  task: string;
  /** "ovr": one logistic model per label (multi-label); "softmax": one label per text. */
  kind: "ovr" | "softmax";
  labels: string[];
  bias: number[];
  /** Probability at and above which an ovr label is assigned (tuned on held-out States). */
  threshold: number;
  /** For ovr models: how the model and its keyword rules are combined. */
  combination?: Combination;
  /** For the theme models: how the model, the neighbours and the rules are combined (themes.ts). */
  themeCombination?: ThemeCombination;
  /** Each row: [feature, labelIndex, weight, labelIndex, weight, ...]; near-zero weights pruned. */
  features: (string | number)[][];
  /** How the model was trained: data, split, hyper-parameters, figures. Free-form, for people. */
  meta: Record<string, unknown>;
}

/** A loaded model: the weights indexed by feature name. */
export interface LinearModel {
  task: string;
  kind: "ovr" | "softmax";
  labels: readonly string[];
  /** Label → index in `labels`. */
  labelIndex: Map<string, number>;
  bias: Float64Array;
  threshold: number;
  combination: Combination;
  /** Feature name → row; row r's weights are `cells[start[r]..start[r+1])`. */
  rows: Map<string, number>;
  start: Int32Array;
  /** [label, weight, label, weight, ...]: a row's labels and weights side by side (see Spans). */
  cells: Float64Array;
}

/**
 * Where the weights of each feature of an input are: feature i (when `ids[i] >= 0`) has its
 * (label, weight) pairs in `cells[start[b]..start[b + 1])` with `b = ids[i] * stride + slot`, two numbers
 * each. A model's own table has stride 1 and slot 0; classify's table of the five models packed per
 * feature (see sharedIndex) has stride 5. Label and weight side by side, so that scoring a feature
 * touches one stretch of memory (lookups in separate arrays were most of the scoring time: cache
 * misses, not arithmetic). With `names` (feature id → name: classify's table), a feature's name is
 * read there, and the input's own `names` may be left empty.
 */
export interface Spans {
  cells: Float64Array;
  start: Int32Array;
  stride: number;
  slot: number;
  ids: readonly number[];
  names?: readonly string[];
}

/**
 * The name of input feature i, a known one (`spans.ids[i] >= 0`).
 * @example
 * featureName(x, spansIn(model, x), 0); // "^ratify"
 */
export function featureName(x: FeatureVector, spans: Spans, i: number): string {
  return spans.names ? spans.names[spans.ids[i]!]! : x.names[i]!;
}

/** A sparse input: feature names with their values (same length). */
export interface FeatureVector {
  names: string[];
  values: number[];
  /** The spans of the names in `model`, when looked up already (classify looks up once for all models). */
  spans?: Spans;
  model?: LinearModel;
}

/**
 * The spans of the features of `x` in the model's weights (empty when the model does not know one).
 * @example
 * const { cells, start, ids } = spansIn(model, vector);
 */
export function spansIn(model: LinearModel, x: FeatureVector): Spans {
  if (x.spans && x.model === model) return x.spans;
  const ids: number[] = [];
  for (const name of x.names) ids.push(model.rows.get(name) ?? -1);
  return { cells: model.cells, start: model.start, stride: 1, slot: 0, ids };
}

/**
 * Index a committed model for fast scoring. Throws on a malformed model (a packaging bug, not user input).
 * @example
 * const model = loadLinearModel(issuesData as LinearModelData);
 */
export function loadLinearModel(data: LinearModelData): LinearModel {
  if (data.format !== "upr-matrix-linear/1" || data.bias.length !== data.labels.length) {
    throw new Error(`Not an upr-matrix linear model: ${String(data.task)}`);
  }
  const rows = new Map<string, number>();
  let total = 0;
  for (const row of data.features) total += (row.length - 1) >> 1;
  const start = new Int32Array(data.features.length + 1);
  const cells = new Float64Array(total * 2);
  let at = 0;
  data.features.forEach((row, r) => {
    rows.set(String(row[0]), r);
    start[r] = at;
    for (let j = 1; j + 1 < row.length; j += 2) {
      cells[at++] = Number(row[j]);
      cells[at++] = Number(row[j + 1]);
    }
  });
  start[data.features.length] = at;
  const combination = data.combination ?? { threshold: data.threshold, ruleConfidence: 0, maxLabels: 8, atLeastOne: true };
  const labelIndex = new Map(data.labels.map((l, k) => [l, k]));
  return { task: data.task, kind: data.kind, labels: data.labels, labelIndex, bias: Float64Array.from(data.bias), threshold: data.threshold, combination, rows, start, cells };
}

/**
 * The raw margins (log-odds) of every label for one input.
 * @example
 * const margins = scoreLinear(model, vector);
 */
export function scoreLinear(model: LinearModel, x: FeatureVector): Float64Array {
  const s = model.bias.slice(); // (Float64Array.from goes through the iterator protocol: 10x slower)
  const { cells, start, stride, slot, ids } = spansIn(model, x);
  for (let i = 0; i < ids.length; i++) {
    const f = ids[i]!;
    if (f < 0) continue;
    const v = x.values[i]!;
    const b = f * stride + slot;
    for (let j = start[b]!, end = start[b + 1]!; j < end; j += 2) s[cells[j]! | 0]! += cells[j + 1]! * v;
  }
  return s;
}

/**
 * The logistic function: a margin (log-odds) as a probability.
 * @example
 * sigmoid(0); // 0.5
 */
export function sigmoid(m: number): number {
  return 1 / (1 + Math.exp(-m));
}

/**
 * Margins turned into probabilities: logistic per label (ovr) or softmax over labels.
 * @example
 * probabilities(model, scoreLinear(model, vector));
 */
export function probabilities(model: LinearModel, margins: Float64Array): Float64Array {
  const p = new Float64Array(margins.length);
  if (model.kind === "ovr") {
    for (let k = 0; k < margins.length; k++) p[k] = 1 / (1 + Math.exp(-margins[k]!));
    return p;
  }
  let max = -Infinity;
  for (const m of margins) if (m > max) max = m;
  let sum = 0;
  for (let k = 0; k < margins.length; k++) sum += p[k] = Math.exp(margins[k]! - max);
  for (let k = 0; k < margins.length; k++) p[k]! /= sum;
  return p;
}

/**
 * The features that pushed a label up most, strongest first (the evidence shown to people).
 * @example
 * explainLinear(model, vector, 3); // ["death penalty", "abolish", "moratorium"]
 */
export function explainLinear(model: LinearModel, x: FeatureVector, label: number, k = 3): string[] {
  const found: [string, number][] = [];
  const spans = spansIn(model, x);
  const { cells, start, stride, slot, ids } = spans;
  for (let i = 0; i < ids.length; i++) {
    const f = ids[i]!;
    if (f < 0) continue;
    const b = f * stride + slot;
    for (let j = start[b]!, end = start[b + 1]!; j < end; j += 2) {
      if (cells[j] === label) {
        const c = cells[j + 1]! * x.values[i]!;
        if (c > 0) found.push([featureName(x, spans, i), c]);
        break;
      }
    }
  }
  found.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return found.slice(0, k).map(([name]) => name);
}
