// `npm run eval`: how well upr-matrix classifies, measured against human labels on held-out data,
// beside the keyword-rules baseline. Prints figures; asserts nothing. Without ../shared/corpus it says
// so, measures the positions on the fixtures only, and exits 0.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { actionCategoryByRules } from "../src/classify/action-rules.js";
import { analyzeText } from "../src/classify/features.js";
import { actionInput, issueInput } from "../src/classify/inputs.js";
import { issueMatcher } from "../src/classify/issue-rules.js";
import { loadLinearModel, probabilities, scoreLinear, type LinearModel } from "../src/classify/linear.js";
import { MultiLabelScore, SingleLabelScore } from "./classify/metrics.js";
import { defaultModels } from "../src/classify/models.js";
import { readPosition } from "../src/classify/position.js";
import { predictLabels } from "../src/classify/predict.js";
import { sdgsFromThemes } from "../src/classify/sdgs.js";
import { topLevelOfCode } from "../src/classify/theme-key.js";
import {
  chooseCombination,
  goldIssues,
  PERSONS_TASK,
  prepareMultiTask,
  THEMES_TASK,
  trainMultiModel,
  type MultiTask,
  type Prepared,
} from "./classify/training.js";
import type { Recommendation } from "../src/schema/recommendation.js";
import { readMatrixFile } from "../src/node/index.js";
import { hasCorpus, loadCorpus, partOf, readSplit, type Part } from "./classify/corpus.js";

const t0 = performance.now();
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const f3 = (x: number) => x.toFixed(3);
const pad = (s: string | number, n: number) => String(s).padEnd(n);
const lpad = (s: string | number, n: number) => String(s).padStart(n);

console.log(`upr-matrix eval on Node ${process.version}`);

// ---------------------------------------------------------------------------------------------
// Positions: every wording in the fixtures, against the fixtures' expected values.
const fixturesDir = fileURLToPath(new URL("../fixtures/", import.meta.url));
{
  console.log("\n== Position (readPosition) on the fixtures: each recommendation's wording against <fixture>.expected.json");
  let total = 0;
  let right = 0;
  const wrong: string[] = [];
  const files = existsSync(fixturesDir) ? readdirSync(fixturesDir).filter((f) => /\.(csv|xlsx|docx)$/.test(f)).sort() : [];
  for (const f of files) {
    const expectedFile = [join(fixturesDir, `${f}.expected.json`), join(fixturesDir, `${f.replace(/\.[^.]+$/, "")}.expected.json`)].find(existsSync);
    if (!expectedFile) continue;
    const expected = JSON.parse(readFileSync(expectedFile, "utf8")) as { positionWordings?: Record<string, string>; positions?: Record<string, number> };
    const wordings = new Map(Object.entries(expected.positionWordings ?? {}));
    const r = await readMatrixFile(join(fixturesDir, f));
    const counts = new Map<string, number>();
    for (const rec of r.recommendations) {
      counts.set(rec.position, (counts.get(rec.position) ?? 0) + 1);
      if (rec.positionRaw === null) continue;
      const want = wordings.get(rec.positionRaw);
      if (want === undefined) continue;
      total++;
      if (readPosition(rec.positionRaw).position === want) right++;
      else wrong.push(`${f}: "${rec.positionRaw}" read as ${readPosition(rec.positionRaw).position}, expected ${want}`);
    }
    const countsOk = Object.entries(expected.positions ?? {}).every(([k, v]) => (counts.get(k) ?? 0) === v);
    console.log(`  ${pad(f, 26)} ${lpad(r.recommendations.length, 4)} recommendations, wordings ${[...wordings.keys()].map((w) => `"${w}"`).join(", ")}; position counts ${countsOk ? "match" : "DIFFER"}`);
  }
  console.log(`  position accuracy on the fixtures: ${right}/${total} = ${total ? pct(right / total) : "n/a"}`);
  for (const w of wrong.slice(0, 10)) console.log(`    ${w}`);
}

if (!hasCorpus) {
  console.log("\ncorpus absent (../shared/corpus not found): the model figures need the labelled corpus; nothing more to measure.");
  process.exit(0);
}
const split = readSplit();
if (!split) {
  console.log("\nsrc/classify/models/split.json is missing: run `npx tsx scripts/train-split.ts`.");
  process.exit(0);
}
const corpus = await loadCorpus();
const models = defaultModels();
const byPart = new Map<Part, Recommendation[]>();
for (const r of corpus.uprInfo) {
  const p = partOf(split, r);
  byPart.set(p, [...(byPart.get(p) ?? []), r]);
}
console.log(`\ncorpus: ${corpus.uprInfo.length} UPR Info rows, ${corpus.matrices.length} matrix rows (read in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
console.log(`split (src/classify/models/split.json): ${split.testStates.length} test States (${split.testStates.join(", ")}); sessions ${split.heldOutSessions.join(", ")} held out`);
const PARTS: [Part, string][] = [
  ["test-states", "held-out States"],
  ["test-sessions", "held-out sessions (16-17), trained States"],
  ["test-both", "held-out States in held-out sessions"],
];
for (const [p, what] of PARTS) console.log(`  ${pad(p, 14)} ${lpad(byPart.get(p)?.length ?? 0, 6)} rows: ${what}`);
console.log(`  train ${byPart.get("train")?.length ?? 0} rows, validation ${byPart.get("validation")?.length ?? 0} rows (thresholds only)`);

// Positions in the corpus: the UPR Info Response column and the matrices' Position column.
{
  const want = new Map([["Accepted", "supported"], ["Noted", "noted"], ["Voluntary Pledge", "supported"], ["Supported", "supported"], ["Supported/Noted", "partially-supported"]]);
  let total = 0;
  let right = 0;
  for (const r of [...corpus.uprInfo, ...corpus.matrices]) {
    const w = want.get(r.positionRaw ?? "");
    if (!w) continue;
    total++;
    if (readPosition(r.positionRaw).position === w) right++;
  }
  console.log(`\n== Position on the corpus: ${right}/${total} = ${pct(right / total)} (every wording: Accepted, Noted, Voluntary Pledge, Supported, Supported/Noted)`);
}

// ---------------------------------------------------------------------------------------------
// UPR Info issues.
function predictIssues(m: LinearModel, text: string): string[] {
  const input = issueInput(text);
  return predictLabels(m, input.x, input.hits, m.combination).map((l) => l.label);
}
function issuesByRules(text: string): string[] {
  const hits = [...issueMatcher().match(analyzeText(text).tokens).keys()];
  return hits.length ? hits : ["General"];
}
{
  console.log(`\n== UPR Info issues (committed src/classify/models/issues.json, threshold ${models.issues.threshold}; keyword rules: src/classify/issue-rules.ts)`);
  console.log(`  ${pad("part", 14)} ${lpad("rows", 6)}   model micro-F1  macro-F1   | rules micro-F1  macro-F1`);
  const pooled = new MultiLabelScore();
  for (const [p] of PARTS) {
    const rows = byPart.get(p) ?? [];
    const model = new MultiLabelScore();
    const rules = new MultiLabelScore();
    for (const r of rows) {
      const predicted = predictIssues(models.issues, r.text);
      model.add(goldIssues(r), predicted);
      pooled.add(goldIssues(r), predicted);
      rules.add(goldIssues(r), issuesByRules(r.text));
    }
    console.log(`  ${pad(p, 14)} ${lpad(rows.length, 6)}   ${lpad(f3(model.microF1), 14)}  ${lpad(f3(model.macroF1), 8)}   | ${lpad(f3(rules.microF1), 14)}  ${lpad(f3(rules.macroF1), 8)}`);
  }
  console.log(`  confusion pairs that cost most (missed gold → wrong label in the same row, all test parts):`);
  for (const [pair, n] of pooled.topPairs(8)) console.log(`    ${lpad(n, 4)}  ${pair}`);
}

// ---------------------------------------------------------------------------------------------
// Action category.
function predictAction(m: LinearModel, text: string): string {
  const { x } = actionInput(text);
  const p = probabilities(m, scoreLinear(m, x));
  let best = 0;
  for (let k = 1; k < p.length; k++) if (p[k]! > p[best]!) best = k;
  return m.labels[best]!;
}
{
  console.log(`\n== Action category (committed src/classify/models/action.json; rules: src/classify/action-rules.ts, UPR Info's coding manual)`);
  console.log(`  ${pad("part", 14)} ${lpad("rows", 6)}   model accuracy  macro-F1   | rules accuracy  macro-F1`);
  const pooled = new SingleLabelScore();
  const classes = ["1", "2", "3", "4", "5"];
  for (const [p] of PARTS) {
    const rows = (byPart.get(p) ?? []).filter((r) => r.actionCategory?.source === "matrix");
    const model = new SingleLabelScore();
    const rules = new SingleLabelScore();
    for (const r of rows) {
      const gold = String(r.actionCategory!.category);
      const predicted = predictAction(models.action, r.text);
      model.add(gold, predicted);
      pooled.add(gold, predicted);
      rules.add(gold, String(actionCategoryByRules(r.text)?.category ?? 4));
    }
    console.log(`  ${pad(p, 14)} ${lpad(rows.length, 6)}   ${lpad(f3(model.accuracy), 14)}  ${lpad(f3(model.macroF1(classes)), 8)}   | ${lpad(f3(rules.accuracy), 14)}  ${lpad(f3(rules.macroF1(classes)), 8)}`);
  }
  console.log(`  confusions that cost most (gold → predicted, all test parts):`);
  for (const [pair, n] of pooled.topConfusions(6)) console.log(`    ${lpad(n, 4)}  ${pair}`);
}

// ---------------------------------------------------------------------------------------------
// UHRI themes and affected persons: leave-one-State-out over the matrix States, retrained here with
// the same code as the committed models (scripts/classify/training.ts). In each fold the combination of
// model and rules is chosen by an inner leave-one-State-out over the training States only.
interface FoldResult {
  state: string;
  items: { r: Recommendation; gold: string[]; combined: string[]; model: string[]; rules: string[] }[];
}
function leaveOneStateOut(t: MultiTask, p: Prepared, rulesOnly: (s: Prepared["strong"][number]) => string[]): FoldResult[] {
  const folds: FoldResult[] = [];
  for (const [held] of split!.matrixFolds) {
    const train = p.strong.filter((s) => s.r.stateUnderReview !== held);
    const test = p.strong.filter((s) => s.r.stateUnderReview === held);
    const { combination, modelOnly } = chooseCombination(t, p, train);
    const model = loadLinearModel(trainMultiModel(t, p, train, combination, {}));
    console.log(`  fold ${pad(held!, 9)} train ${lpad(train.length, 4)} matrix rows + ${p.weak.length} weak rows, test ${lpad(test.length, 4)} rows; chosen on the training States: threshold ${combination.threshold}, rule weight ${combination.ruleConfidence} (model alone: threshold ${modelOnly.threshold})`);
    folds.push({
      state: held!,
      items: test.map((s) => ({
        r: s.r,
        gold: s.gold,
        combined: predictLabels(model, s.input.x, s.input.hits, combination).map((l) => l.label),
        model: predictLabels(model, s.input.x, new Map(), modelOnly).map((l) => l.label),
        rules: rulesOnly(s),
      })),
    });
  }
  return folds;
}
function report(folds: FoldResult[], top: boolean): Map<string, MultiLabelScore> {
  const scores = new Map<string, MultiLabelScore>();
  const get = (k: string) => scores.get(k) ?? scores.set(k, new MultiLabelScore()).get(k)!;
  for (const f of folds) {
    for (const it of f.items) {
      for (const kind of ["combined", "model", "rules"] as const) {
        get(kind).add(it.gold, it[kind]);
        get(`${kind}:${f.state}`).add(it.gold, it[kind]);
        if (top) get(`${kind}:top`).add(it.gold.map(topLevelOfCode), it[kind].map(topLevelOfCode));
      }
    }
  }
  const line = (label: string, key: string) => {
    const c = scores.get(key)!;
    return `  ${pad(label, 34)} micro-F1 ${f3(c.microF1)}  macro-F1 ${f3(c.macroF1)}  (P ${f3(c.precision)}, R ${f3(c.recall)})`;
  };
  for (const [kind, name] of [["combined", "model + rules (shipped)"], ["model", "model alone"], ["rules", "keyword rules alone (baseline)"]] as const) {
    console.log(line(`${name}${top ? ", theme level" : ""}`, kind));
    if (top) console.log(line(`${name}, top level (A-H)`, `${kind}:top`));
  }
  console.log(`  per State (model + rules): ${folds.map((f) => `${f.state} ${f3(scores.get(`combined:${f.state}`)!.microF1)}`).join(", ")}`);
  console.log(`  confusion pairs that cost most (missed gold → wrong label in the same row):`);
  for (const [pair, n] of scores.get("combined")!.topPairs(8)) console.log(`    ${lpad(n, 4)}  ${pair}`);
  return scores;
}

const weakRows = byPart.get("train") ?? [];
console.log(`\n== UHRI themes (v1 codes; S "SDG implementation" codes left out), leave-one-State-out over ${split.matrixFolds.map((f) => f[0]).join(", ")}`);
const themePrep = prepareMultiTask(THEMES_TASK, corpus.matrices, weakRows);
const themeFolds = leaveOneStateOut(THEMES_TASK, themePrep, (s) => [...s.input.hits.keys()]);
report(themeFolds, true);

console.log(`\n== Affected persons (v1 names), leave-one-State-out`);
const personPrep = prepareMultiTask(PERSONS_TASK, corpus.matrices, weakRows);
const personFolds = leaveOneStateOut(PERSONS_TASK, personPrep, (s) => (s.input.hits.size ? [...s.input.hits.keys()] : ["General"]));
report(personFolds, false);

// ---------------------------------------------------------------------------------------------
// SDG goals: only China 2018 carries them. Three ways, none trained on it.
{
  const rows = corpus.matrices.filter((r) => r.sdgs.some((s) => s.source === "matrix"));
  const predictedThemes = new Map<Recommendation, string[]>();
  for (const f of themeFolds) for (const it of f.items) predictedThemes.set(it.r, it.combined);
  const fromGiven = new MultiLabelScore();
  const fromPredicted = new MultiLabelScore();
  const keywords = new MultiLabelScore();
  for (const r of rows) {
    const gold = r.sdgs.filter((s) => s.source === "matrix").map((s) => String(s.goal));
    const tokens = analyzeText(r.text).tokens;
    fromGiven.add(gold, sdgsFromThemes(THEMES_TASK.gold(r), tokens).map((s) => String(s.goal)));
    fromPredicted.add(gold, sdgsFromThemes(predictedThemes.get(r) ?? [], tokens).map((s) => String(s.goal)));
    keywords.add(gold, sdgsFromThemes([], tokens).map((s) => String(s.goal)));
  }
  console.log(`\n== SDG goals (${rows.length} rows of China_2018_matrix.docx, the only file with SDGs; theme→goal table written by hand, src/classify/sdgs.ts)`);
  console.log(`  from the file's own themes            micro-F1 ${f3(fromGiven.microF1)}  (P ${f3(fromGiven.precision)}, R ${f3(fromGiven.recall)})`);
  console.log(`  from predicted themes (China held out) micro-F1 ${f3(fromPredicted.microF1)}  (P ${f3(fromPredicted.precision)}, R ${f3(fromPredicted.recall)})`);
  console.log(`  keywords alone (baseline)              micro-F1 ${f3(keywords.microF1)}  (P ${f3(keywords.precision)}, R ${f3(keywords.recall)})`);
  console.log(`  confusion pairs that cost most (from predicted themes):`);
  for (const [pair, n] of fromPredicted.topPairs(5)) console.log(`    ${lpad(n, 4)}  ${pair}`);
}

console.log(`\neval done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
