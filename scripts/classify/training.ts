// How each committed model is trained from labelled recommendations. Pure (the corpus is read by the
// scripts), deterministic (seeded), and shared by scripts/train-models.ts and scripts/eval.ts so that
// the evaluation retrains exactly what ships.
import type { Recommendation } from "../../src/schema/recommendation.js";
import { actionInput, issueInput, personInput, type RuleInput } from "../../src/classify/inputs.js";
import { ISSUE_PERSONS } from "../../src/classify/issue-map.js";
import { loadLinearModel, type Combination, type FeatureVector, type LinearModelData } from "../../src/classify/linear.js";
import { MultiLabelScore } from "./metrics.js";
import { personKey } from "../../src/classify/person-rules.js";
import { predictLabels } from "../../src/classify/predict.js";
import { exportModel, trainOvr, trainSoftmax, Vocabulary, type Example, type FtrlOptions } from "./ftrl.js";

/** The affected persons (v1 names) a recommendation is labelled with. */
export function goldPersons(r: Recommendation): string[] {
  const out = new Set<string>();
  for (const p of r.affectedPersons) {
    if (p.source !== "matrix") continue;
    const k = personKey(p.name);
    if (k) out.add(k);
  }
  return [...out].sort();
}

/** The UPR Info issues a recommendation is labelled with. */
export function goldIssues(r: Recommendation): string[] {
  return [...new Set(r.issues.filter((i) => i.source === "matrix").map((i) => i.name))].sort();
}

// FTRL settings per model: a stronger L1 for the big issue model keeps its file small (~0.5 MB).
export const ISSUE_FTRL: FtrlOptions = { alpha: 0.5, beta: 1, l1: 2, l2: 1, epochs: 8, seed: 7 };
export const ACTION_FTRL: FtrlOptions = { alpha: 0.5, beta: 1, l1: 1, l2: 1, epochs: 8, seed: 7 };
export const MULTI_FTRL: FtrlOptions = { alpha: 0.5, beta: 1, l1: 0.5, l2: 1, epochs: 6, seed: 7 };
/** Weight of a UPR Info row whose theme or persons labels come from its issues (ISSUE_THEMES). */
export const WEAK_WEIGHT = 0.3;
/** Every WEAK_STEP-th UPR Info training row is used as a weak row: as good as all of them, 4x faster. */
export const WEAK_STEP = 4;
const PRUNE = 0.02;

function microF1At(model: LinearModelData, items: readonly { input: RuleInput; gold: string[] }[], c: Combination): number {
  const m = loadLinearModel(model);
  const s = new MultiLabelScore();
  for (const it of items) s.add(it.gold, predictLabels(m, it.input.x, it.input.hits, c).map((l) => l.label));
  return s.microF1;
}

/**
 * The UPR Info issues model: one-vs-rest logistic regression over text and keyword-rule features,
 * its threshold chosen on the validation rows.
 * @example
 * const data = trainIssueModel(trainRows, validationRows, { trainedOn: "..." });
 */
export function trainIssueModel(train: readonly Recommendation[], validation: readonly Recommendation[], meta: Record<string, unknown>): LinearModelData {
  const labels = [...new Set(train.flatMap(goldIssues))].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const xs = train.map((r) => issueInput(r.text).x);
  const vocab = Vocabulary.fromDocuments(xs, 2, (n) => n.startsWith("#"));
  const examples = train.map((r, i) => vocab.encode(xs[i]!, goldIssues(r).map((l) => index.get(l)!)));
  const weights = trainOvr(examples, vocab.size, labels.length, ISSUE_FTRL);
  const draft = exportModel("issues", "ovr", labels, vocab, weights, 0.35, PRUNE, meta);
  const items = validation.map((r) => ({ input: issueInput(r.text), gold: goldIssues(r) }));
  let best = { threshold: 0.35, f1: -1 };
  for (const threshold of [0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5]) {
    const f1 = microF1At(draft, items, { threshold, ruleConfidence: 0, maxLabels: 8, atLeastOne: true });
    if (f1 > best.f1) best = { threshold, f1 };
  }
  return {
    ...draft,
    threshold: best.threshold,
    combination: { threshold: best.threshold, ruleConfidence: 0, maxLabels: 8, atLeastOne: true },
    meta: { ...meta, validationMicroF1: Number(best.f1.toFixed(4)), ftrl: ISSUE_FTRL, prune: PRUNE },
  };
}

/**
 * The action-category model: softmax regression over text features and the coding manual's rule.
 * @example
 * const data = trainActionModel(trainRows, { trainedOn: "..." });
 */
export function trainActionModel(train: readonly Recommendation[], meta: Record<string, unknown>): LinearModelData {
  const rows = train.filter((r) => r.actionCategory?.source === "matrix");
  const labels = ["1", "2", "3", "4", "5"];
  const xs = rows.map((r) => actionInput(r.text).x);
  const vocab = Vocabulary.fromDocuments(xs, 2, (n) => n.startsWith("#"));
  const examples = rows.map((r, i) => vocab.encode(xs[i]!, [r.actionCategory!.category - 1]));
  const weights = trainSoftmax(examples, vocab.size, labels.length, ACTION_FTRL);
  return exportModel("action-category", "softmax", labels, vocab, weights, 0, PRUNE, { ...meta, ftrl: ACTION_FTRL, prune: PRUNE });
}

/** A multi-label task trained on matrix labels plus weak labels mapped from UPR Info issues. */
export interface MultiTask {
  task: "persons";
  input: (text: string) => RuleInput;
  gold: (r: Recommendation) => string[];
  issueMap: ReadonlyMap<string, readonly string[]>;
}

/** The affected-persons task: v1 names, person keyword rules, issue → person map. */
export const PERSONS_TASK: MultiTask = { task: "persons", input: personInput, gold: goldPersons, issueMap: ISSUE_PERSONS };

/** Pre-computed inputs, so that folds and grids do not re-tokenise. */
export interface Prepared {
  strong: { r: Recommendation; input: RuleInput; gold: string[] }[];
  weak: { x: FeatureVector; gold: string[] }[];
}

/**
 * Compute the inputs of a multi-label task once: matrix rows (strong labels) and UPR Info rows whose
 * labels come from their issues through the hand-written issue map (weak labels).
 * @example
 * const prepared = prepareMultiTask(THEMES_TASK, matrixRows, uprInfoTrainRows);
 */
export function prepareMultiTask(t: MultiTask, strong: readonly Recommendation[], weak: readonly Recommendation[]): Prepared {
  return {
    strong: strong.map((r) => ({ r, input: t.input(r.text), gold: t.gold(r) })).filter((s) => s.gold.length > 0),
    weak: weak.filter((_, i) => i % WEAK_STEP === 0).map((r) => ({
      x: t.input(r.text).x,
      gold: [...new Set(goldIssues(r).flatMap((i) => t.issueMap.get(i) ?? []))].sort(),
    })),
  };
}

/**
 * Train a themes or persons model on the given strong rows and all weak rows. Weak rows only inform
 * the labels the issue map can produce (a UPR Info row says nothing about, say, A42).
 * @example
 * const data = trainMultiModel(THEMES_TASK, prepared, prepared.strong, combination, {});
 */
export function trainMultiModel(
  t: MultiTask,
  p: Prepared,
  strong: Prepared["strong"],
  combination: Combination,
  meta: Record<string, unknown>,
): LinearModelData {
  const mapped = new Set([...t.issueMap.values()].flat());
  const labels = [...new Set([...strong.flatMap((s) => s.gold), ...mapped])].sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const informs = new Uint8Array(labels.length);
  for (const l of mapped) informs[index.get(l)!] = 1;
  const vocab = Vocabulary.fromDocuments([...strong.map((s) => s.input.x), ...p.weak.map((w) => w.x)], 2, (n) => n.startsWith("#"));
  const examples: Example[] = strong.map((s) => vocab.encode(s.input.x, s.gold.map((l) => index.get(l)!)));
  for (const w of p.weak) {
    const e = vocab.encode(w.x, w.gold.map((l) => index.get(l)!), WEAK_WEIGHT);
    e.informs = informs;
    examples.push(e);
  }
  const weights = trainOvr(examples, vocab.size, labels.length, MULTI_FTRL);
  let hits = 0;
  let right = 0;
  for (const s of strong) {
    for (const l of s.input.hits.keys()) {
      hits++;
      if (s.gold.includes(l)) right++;
    }
  }
  const ruleReliability = hits === 0 ? combination.ruleConfidence : Number((right / hits).toFixed(3));
  const data = exportModel(t.task, "ovr", labels, vocab, weights, combination.threshold, PRUNE, {
    ...meta,
    ftrl: MULTI_FTRL,
    weakWeight: WEAK_WEIGHT,
    weakStep: WEAK_STEP,
    prune: PRUNE,
  });
  return { ...data, combination: { ...combination, ruleReliability } };
}

/** The combinations tried when choosing how model and rules are mixed. */
// From "model alone" (rule confidence 0) to "rules alone" (a keyword hit is certain, the model must be
// all but certain; the model's best label still stands in when no keyword matches).
export const COMBINATION_GRID: readonly Combination[] = [
  ...[0.3, 0.4, 0.5, 0.6, 0.7, 0.8].flatMap((threshold) =>
    [0, 0.3, 0.5, 0.7, 0.9].map((ruleConfidence) => ({ threshold, ruleConfidence, maxLabels: 8, atLeastOne: true })),
  ),
  { threshold: 0.9999, ruleConfidence: 1, maxLabels: 8, atLeastOne: true },
];

/**
 * Choose the combination by leave-one-State-out over the strong rows: each State's rows are
 * predicted by a model trained without that State; the grid point with the best micro-F1 wins.
 * @example
 * const { combination } = chooseCombination(THEMES_TASK, prepared, prepared.strong);
 */
export function chooseCombination(t: MultiTask, p: Prepared, strong: Prepared["strong"]): { combination: Combination; f1: number; modelOnly: Combination } {
  const states = [...new Set(strong.map((s) => s.r.stateUnderReview ?? ""))].sort();
  const scores = COMBINATION_GRID.map(() => new MultiLabelScore());
  for (const held of states) {
    const train = strong.filter((s) => (s.r.stateUnderReview ?? "") !== held);
    const test = strong.filter((s) => (s.r.stateUnderReview ?? "") === held);
    const model = loadLinearModel(trainMultiModel(t, p, train, COMBINATION_GRID[0]!, {}));
    for (const s of test) COMBINATION_GRID.forEach((c, i) => scores[i]!.add(s.gold, predictLabels(model, s.input.x, s.input.hits, c).map((l) => l.label)));
  }
  let best = 0;
  let bestModel = -1;
  scores.forEach((s, i) => {
    if (s.microF1 > scores[best]!.microF1) best = i;
    // The best grid point where keyword hits only inform the model: "model alone", for comparison.
    if (COMBINATION_GRID[i]!.ruleConfidence === 0 && (bestModel < 0 || s.microF1 > scores[bestModel]!.microF1)) bestModel = i;
  });
  return { combination: COMBINATION_GRID[best]!, f1: scores[best]!.microF1, modelOnly: COMBINATION_GRID[bestModel]! };
}
