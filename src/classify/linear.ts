// Inference for the committed linear models (src/classify/models/*.json): sparse weights per named
// feature, one-vs-rest logistic (multi-label) or softmax (one label). Pure, deterministic.

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
  /** Feature name → row; row r's weights are `label[start[r]..start[r+1])` and `weight[...]`. */
  rows: Map<string, number>;
  start: Int32Array;
  label: Int32Array;
  weight: Float64Array;
}

/** A sparse input: feature names with their values (same length). */
export interface FeatureVector {
  names: string[];
  values: number[];
  /** The row of each name in `model` (-1: unknown), when looked up already: saves the Map lookups. */
  rows?: ArrayLike<number>;
  model?: LinearModel;
}

/**
 * The row of each feature of `x` in the model's weights (-1 when the model does not know it).
 * @example
 * const rows = rowsIn(model, vector);
 */
export function rowsIn(model: LinearModel, x: FeatureVector): ArrayLike<number> {
  if (x.rows && x.model === model) return x.rows;
  const rows = new Int32Array(x.names.length);
  for (let i = 0; i < rows.length; i++) rows[i] = model.rows.get(x.names[i]!) ?? -1;
  return rows;
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
  const label = new Int32Array(total);
  const weight = new Float64Array(total);
  let at = 0;
  data.features.forEach((row, r) => {
    rows.set(String(row[0]), r);
    start[r] = at;
    for (let j = 1; j + 1 < row.length; j += 2) {
      label[at] = Number(row[j]);
      weight[at] = Number(row[j + 1]);
      at++;
    }
  });
  start[data.features.length] = at;
  const combination = data.combination ?? { threshold: data.threshold, ruleConfidence: 0, maxLabels: 8, atLeastOne: true };
  const labelIndex = new Map(data.labels.map((l, k) => [l, k]));
  return { task: data.task, kind: data.kind, labels: data.labels, labelIndex, bias: Float64Array.from(data.bias), threshold: data.threshold, combination, rows, start, label, weight };
}

/**
 * The raw margins (log-odds) of every label for one input.
 * @example
 * const margins = scoreLinear(model, vector);
 */
export function scoreLinear(model: LinearModel, x: FeatureVector): Float64Array {
  const s = Float64Array.from(model.bias);
  const { start, label, weight } = model;
  const rows = rowsIn(model, x);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r < 0) continue;
    const v = x.values[i]!;
    for (let j = start[r]!, end = start[r + 1]!; j < end; j++) s[label[j]!]! += weight[j]! * v;
  }
  return s;
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
  const rows = rowsIn(model, x);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i]!;
    if (r < 0) continue;
    for (let j = model.start[r]!, end = model.start[r + 1]!; j < end; j++) {
      if (model.label[j] === label) {
        const c = model.weight[j]! * x.values[i]!;
        if (c > 0) found.push([x.names[i]!, c]);
        break;
      }
    }
  }
  found.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return found.slice(0, k).map(([name]) => name);
}
