// `npm run eval`: how well upr-matrix classifies, measured against human labels on held-out data,
// beside the keyword-rules baseline. Prints figures; asserts nothing. Without ../shared/corpus it says
// so, measures the positions on the fixtures only, and exits 0.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { actionCategoryByRules } from "../src/classify/action-rules.js";
import { analyzeText } from "../src/classify/features.js";
import { actionInput, issueInput } from "../src/classify/inputs.js";
import { gateIssues, issueMatcher } from "../src/classify/issue-rules.js";
import { personHits } from "../src/classify/person-rules.js";
import { loadLinearModel, probabilities, scoreLinear, type LinearModel } from "../src/classify/linear.js";
import { MultiLabelScore, SingleLabelScore } from "./classify/metrics.js";
import { defaultModels } from "../src/classify/models.js";
import { readPosition } from "../src/classify/position.js";
import { predictLabels } from "../src/classify/predict.js";
import { sdgsFromThemes } from "../src/classify/sdgs.js";
import { chooseCombination, goldIssues, PERSONS_TASK, prepareMultiTask, trainMultiModel } from "./classify/training.js";
import { evaluateThemes, HEADS, themeItems, ThemeTally, type ThemeEvaluation } from "./classify/themes.js";
import { classify } from "../src/classify/classify.js";
import { personsIn } from "../src/classify/person-vocabulary.js";
import type { ThemeHead } from "../src/classify/theme-rules.js";
import { termByKey, termIn } from "../src/taxonomy/index.js";
import { uniq } from "lodash-es";
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
// Parts of the split, with the held-out sessions apart: 16-17 (re-exports) and 24 (UPR Info's 2018 export).
type EvalPart = Part | "test-sessions-24";
const byPart = new Map<EvalPart, Recommendation[]>();
for (const r of [...corpus.uprInfo, ...corpus.uprInfo2018]) {
  const p = partOf(split, r);
  const key: EvalPart = p === "test-sessions" && r.session === 24 ? "test-sessions-24" : p;
  byPart.set(key, [...(byPart.get(key) ?? []), r]);
}
console.log(`\ncorpus: ${corpus.uprInfo.length} + ${corpus.uprInfo2018.length} (sessions 22-24) UPR Info rows, ${corpus.matrices.length} matrix rows, ${corpus.clusters.length} cluster-list rows (read in ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
console.log(`split (src/classify/models/split.json): ${split.testStates.length} test States (${split.testStates.join(", ")}); sessions ${split.heldOutSessions.join(", ")} held out`);
const PARTS: [EvalPart, string][] = [
  ["test-states", "held-out States"],
  ["test-sessions", "held-out sessions 16-17, trained States"],
  ["test-sessions-24", "held-out session 24 (UPR Info 2018 export), trained States"],
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
  const a = analyzeText(text);
  const input = issueInput(a);
  return gateIssues(predictLabels(m, input.x, input.hits, m.combination), a.tokens, personHits(a.tokens)).map((l) => l.label);
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
// UHRI themes: leave-one-State-out over every labelled State (3 matrices with their full theme lists,
// 4 cluster lists with their heading), nested: for each held-out State the way the sources are combined
// is chosen on the other States only. Figures per State and per vocabulary, the keyword rules beside.
const themeWeak = [...corpus.uprInfo, ...corpus.uprInfo2018].filter((r) => partOf(split, r) === "train");
const { strong: themeStrong, weak: themeWeakItems } = themeItems(corpus.matrices, corpus.clusters, themeWeak);
const themeStates = uniq(themeStrong.map((i) => i.state)).sort();
console.log(`\n== UHRI themes, leave-one-State-out over ${themeStates.length} States (${themeStrong.length} labelled recommendations; ${themeWeakItems.length} weak UPR Info rows)`);
console.log("  full lists (China, Egypt, Slovenia): micro-F1 of the themes given against the list's themes, mapped into the vocabulary through the crosswalk");
console.log("  cluster lists (Denmark, Namibia, Paraguay, United States): only the cluster heading is known: first theme = heading (top-1), and recall of the heading among the themes given");
console.log("  first theme (top-1) is also measured on the full lists, whose theme header row is their cluster");
const evals = new Map<ThemeHead, ThemeEvaluation>();
for (const head of HEADS) evals.set(head, evaluateThemes(head, themeStrong, themeWeakItems, (m) => console.log(`  ${m} (${((performance.now() - t0) / 1000).toFixed(0)} s)`)));

/** Figures of held-out predictions of a head rendered in a vocabulary (cycle3 from cycle4). */
function tallyIn(ev: ThemeEvaluation, vocabulary: "cycle4" | "cycle3" | "coded", which: "given" | "rules", state?: string): ThemeTally {
  const t = new ThemeTally();
  const head = ev.head;
  const map = (keys: readonly string[]) => uniq(keys.map((k) => (vocabulary === head ? k : termIn(termByKey(head, k)!, vocabulary)?.key)).filter((k): k is string => !!k));
  for (const p of ev.predictions) {
    if (state && p.item.state !== state) continue;
    const item = vocabulary === head ? p.item : { ...p.item, gold: { ...p.item.gold, [head]: map(p.item.gold[head]) }, unknown: { ...p.item.unknown, [head]: map(p.item.unknown[head]) }, primary: { ...p.item.primary, [head]: p.item.primary[head] ? (map([p.item.primary[head]!])[0] ?? null) : null } };
    t.add(item, head, map(p[which]));
  }
  return t;
}
const cell = (t: ThemeTally, full: boolean) => (full ? `F1 ${f3(t.f1)} top-1 ${f3(t.accuracy)}` : `top-1 ${f3(t.accuracy)} heading among given ${f3(t.clusterRecall)}`);
for (const [vocabulary, head] of [["cycle4", "cycle4"], ["cycle3", "cycle4"], ["coded", "coded"]] as const) {
  const ev = evals.get(head)!;
  console.log(`\n  -- themes named in ${vocabulary} (${head === vocabulary ? "the " + head + " model" : "the cycle4 model, names through the crosswalk"}); shipped | keyword rules alone`);
  for (const s of themeStates) {
    const full = themeStrong.some((i) => i.state === s && !i.partial);
    console.log(`  ${pad(s, 26)} ${pad(cell(tallyIn(ev, vocabulary, "given", s), full), 44)} | ${cell(tallyIn(ev, vocabulary, "rules", s), full)}`);
  }
  const all = tallyIn(ev, vocabulary, "given");
  const rules = tallyIn(ev, vocabulary, "rules");
  console.log(`  ${pad("all full lists", 26)} micro-F1 ${f3(all.f1)} (P ${f3(all.precision)}, R ${f3(all.recall)}) | rules ${f3(rules.f1)} (P ${f3(rules.precision)}, R ${f3(rules.recall)})`);
  console.log(`  ${pad("all States", 26)} first theme top-1 ${f3(all.accuracy)} | rules ${f3(rules.accuracy)}; heading among given (cluster lists) ${f3(all.clusterRecall)} | rules ${f3(rules.clusterRecall)}`);
}
for (const head of HEADS) {
  console.log(`  ${head} combinations chosen per held-out State: ${evals.get(head)!.states.map((x) => `${x.state} support ${x.choice.set.support} alone ${x.choice.set.alone} first ${x.choice.primary.model}/${x.choice.primary.neighbours}/${x.choice.primary.rules}`).join("; ")}`);
}

// ---------------------------------------------------------------------------------------------
// Groups of persons: only the matrices carry them (v1 names), leave-one-State-out as before; also in
// cycle4 names through the crosswalk, "Public officials" (which current lists give to nearly every
// recommendation, and v1 lists never) left out on both sides.
console.log(`\n== Groups of persons (v1 names, the labels of the three matrix States), leave-one-State-out`);
const personWeak = [...corpus.uprInfo, ...corpus.uprInfo2018].filter((r) => partOf(split, r) === "train");
const personPrep = prepareMultiTask(PERSONS_TASK, corpus.matrices, personWeak);
const personStates = uniq(personPrep.strong.map((s) => s.r.stateUnderReview ?? "")).sort();
const personCoded = { model: new Map<string, MultiLabelScore>(), rules: new Map<string, MultiLabelScore>() };
const personCycle4 = { model: new Map<string, MultiLabelScore>(), rules: new Map<string, MultiLabelScore>() };
const toCycle4 = (names: readonly string[], tokens: readonly string[]) =>
  personsIn(names.map((label) => ({ label, confidence: 1, evidence: [] })), "cycle4", tokens, 20).map((p) => p.name).filter((n) => n !== "Public officials");
const bump = (m: Map<string, MultiLabelScore>, k: string, gold: string[], pred: string[]) => (m.get(k) ?? m.set(k, new MultiLabelScore()).get(k)!).add(gold, pred);
for (const held of personStates) {
  const train = personPrep.strong.filter((s) => s.r.stateUnderReview !== held);
  const test = personPrep.strong.filter((s) => s.r.stateUnderReview === held);
  const { combination } = chooseCombination(PERSONS_TASK, personPrep, train);
  const model = loadLinearModel(trainMultiModel(PERSONS_TASK, personPrep, train, combination, {}));
  for (const s of test) {
    const pred = predictLabels(model, s.input.x, s.input.hits, combination).map((l) => l.label);
    const rules = s.input.hits.size ? [...s.input.hits.keys()] : ["General"];
    const tokens = analyzeText(s.r.text).tokens;
    for (const k of [held, "all"]) {
      bump(personCoded.model, k, s.gold, pred);
      bump(personCoded.rules, k, s.gold, rules);
      bump(personCycle4.model, k, toCycle4(s.gold, []), toCycle4(pred, tokens));
      bump(personCycle4.rules, k, toCycle4(s.gold, []), toCycle4(rules, tokens));
    }
  }
}
for (const [name, t] of [["coded (v1 names)", personCoded], ["cycle4 names, Public officials aside", personCycle4]] as const) {
  console.log(`  -- ${name}: shipped | keyword rules alone`);
  for (const k of [...personStates, "all"]) console.log(`  ${pad(k, 12)} micro-F1 ${f3(t.model.get(k)!.microF1)} (P ${f3(t.model.get(k)!.precision)}, R ${f3(t.model.get(k)!.recall)}) | rules ${f3(t.rules.get(k)!.microF1)}`);
}

// ---------------------------------------------------------------------------------------------
// SDG goals: China 2018 (3rd cycle, from themes predicted with China held out) and Spain's 4th-cycle
// list (OHCHR's UHRI annotations; the text is Spanish, which the models did not learn: end to end with
// the committed models, which never saw Spain).
{
  console.log(`\n== SDG goals (theme → goal table written by hand, src/classify/sdgs.ts)`);
  const china = corpus.matrices.filter((r) => r.sdgs.some((s) => s.source === "matrix"));
  const byRef = new Map<string, string[]>();
  for (const head of HEADS) for (const p of evals.get(head)!.predictions) if (p.item.state === "China") byRef.set(`${head} ${p.item.ref}`, p.given);
  const line = (name: string, score: MultiLabelScore, base: MultiLabelScore) => console.log(`  ${pad(name, 58)} micro-F1 ${f3(score.microF1)} (P ${f3(score.precision)}, R ${f3(score.recall)}) | keywords alone ${f3(base.microF1)}`);
  for (const head of HEADS) {
    const fromPredicted = new MultiLabelScore();
    const fromGiven = new MultiLabelScore();
    const keywords = new MultiLabelScore();
    for (const r of china) {
      const gold = r.sdgs.filter((s) => s.source === "matrix").map((s) => String(s.goal));
      const tokens = analyzeText(r.text).tokens;
      const given = r.themes.filter((t) => t.source === "matrix").map((t) => t.code ?? "").filter((c) => c && c !== "S");
      fromGiven.add(gold, sdgsFromThemes(given, tokens).map((s) => String(s.goal)));
      fromPredicted.add(gold, sdgsFromThemes(byRef.get(`${head} ${r.stateUnderReview} ${r.id}`) ?? [], tokens).map((s) => String(s.goal)));
      keywords.add(gold, sdgsFromThemes([], tokens).map((s) => String(s.goal)));
    }
    if (head === "coded") line(`China 2018 (${china.length}), from the file's own themes`, fromGiven, keywords);
    line(`China 2018, from ${head} themes predicted with China held out`, fromPredicted, keywords);
  }
  const models = defaultModels();
  for (const vocabulary of ["cycle4"] as const) {
    const spain = corpus.spainSdgs.filter((r) => r.goals.length > 0);
    const recs = spain.map((r, i): Recommendation => ({ ...blankRecommendation(r.id, r.text, i) }));
    const out = classify(recs, { tasks: ["themes", "sdgs"], vocabulary }, models).recommendations;
    const score = new MultiLabelScore();
    const keywords = new MultiLabelScore();
    out.forEach((r, i) => {
      score.add(spain[i]!.goals.map(String), r.sdgs.map((s) => String(s.goal)));
      keywords.add(spain[i]!.goals.map(String), sdgsFromThemes([], analyzeText(r.text).tokens).map((s) => String(s.goal)));
    });
    line(`Spain UPR4 (${spain.length} with goals; Spanish), committed models`, score, keywords);
  }
}

function blankRecommendation(id: string, text: string, i: number): Recommendation {
  return {
    id, paragraphId: id, text, recommendingStates: [], stateUnderReview: "Spain", cycle: 4, session: null, documentSymbol: null, position: "unknown", positionRaw: null,
    positionSource: null, positionSourceParagraph: null, cluster: null, themes: [], affectedPersons: [], sdgs: [], issues: [], actionCategory: null, assessment: null,
    status: null, institutions: [], extra: [], place: { file: "spain", row: i + 2 },
  };
}

console.log(`\neval done in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
