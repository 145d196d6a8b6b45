// classify(): fill the labels a file did not give (themes, groups of persons, SDGs, UPR Info issues,
// action category), each marked `source: "classifier"` with a confidence and its evidence, named in
// the vocabulary of the file (detected) or the one asked for; never touch labels the file gave, and
// report where the model confidently gives a theme of another top-level group than the file's.
import type { Diagnostic } from "../schema/diagnostic.js";
import type { ActionCategory, IssueLabel, Recommendation, SdgLabel, ThemeLabel, Vocabulary } from "../schema/recommendation.js";
import { resolveOptions } from "../errors/matrix-error.js";
import { detectVocabulary, termByKey, termIn, type Term } from "../taxonomy/index.js";
import { lookUpTerm } from "../taxonomy/vocabularies.js";
import { LEAD_VALUE, readText, type TextAnalysis } from "./features.js";
import { textFeatureIds, verbWordIds, verbWordIdsAt, type TextFeatureIds } from "./feature-ids.js";
import { verbWords, verbWordValue } from "./action-features.js";
import type { ActionRuleResult } from "./action-rules.js";
import { actionParts, ruleFeatures } from "./inputs.js";
import { issueMatcher } from "./issue-rules.js";
import { themeHits } from "./theme-rules.js";
import { explainLinear, probabilities, scoreLinear, type FeatureVector, type LinearModel } from "./linear.js";
import { defaultModels, MODEL_SLOT, sharedIndex, SLOTS, type Models, type SharedIndex } from "./models.js";
import { votesOf } from "./neighbours.js";
import { ClassifyOptions } from "./options.js";
import { personsIn } from "./person-vocabulary.js";
import { describeFeature, explainLabels, predictLabels } from "./predict.js";
import { gateIssues } from "./issue-rules.js";
import { personHits } from "./person-rules.js";
import { sdgLabels } from "./sdgs.js";
import type { ThemeHead } from "./theme-rules.js";
import { chooseThemes, themeCandidates, themeLabels, type ThemeCombination } from "./themes.js";

export { ClassifyOptions, ClassifyTask } from "./options.js";

/** What classify() counted: per file the vocabulary used, and the theme disagreements. */
export interface ClassifySummary {
  /** Each file (by `place.file`, "" when none) and the vocabulary its inferred labels are named in, and whether it was detected from the file's own labels. */
  vocabularies: { file: string; vocabulary: Vocabulary; detected: boolean }[];
  /** Disagreements reported as `theme-disagreement` warnings (another top-level group than every given theme). */
  disagreementsReported: number;
  /** Disagreements not reported: the model's confident theme is in the group of a given theme (a sibling). */
  disagreementsWithinGroup: number;
}

/** What classify() returns: the recommendations with inferred labels, its diagnostics and what it counted. */
export interface ClassifyResult {
  recommendations: Recommendation[];
  diagnostics: Diagnostic[];
  summary: ClassifySummary;
}

// Below this share of known text features the text is probably not English (the models learned
// English): the action category then follows the coding-manual rules.
const MIN_COVERAGE = 0.25;

// The text features of one recommendation looked up once for all the linear models (see sharedIndex).
interface Lookup {
  index: SharedIndex;
  text: TextFeatureIds;
  /** The value of each known text feature (textVector's: lead features constant, the others L2-normalised). */
  values: number[];
  /** Neighbour-index id of each known text feature but lead ones (the input of votesOf). */
  neighbourIds: number[];
}

function lookUp(models: Models, a: TextAnalysis): Lookup {
  const index = sharedIndex(models);
  const text = textFeatureIds(index.tables, a.tokens);
  const { ids, leads } = text;
  const v = 1 / Math.sqrt(Math.max(1, text.plain));
  const values: number[] = [];
  const neighbourIds: number[] = [];
  for (let i = 0; i < ids.length; i++) {
    values.push(i < leads ? LEAD_VALUE : v);
    if (i >= leads) neighbourIds.push(index.neighbour[ids[i]!]!);
  }
  return { index, text, values, neighbourIds };
}

const NO_NAMES: string[] = [];

// A task's input: the text's features and the task's own ("#r:" rule hits, action features), with
// the places of their weights in one model. Names are read from the shared table (Spans.names).
function attach(extra: FeatureVector, model: LinearModel, slot: number, l: Lookup, extraIds?: number[]): FeatureVector {
  const ids = l.text.ids.slice();
  if (extraIds) for (const id of extraIds) ids.push(id);
  else for (const name of extra.names) ids.push(l.index.ids.get(name) ?? -1);
  return { names: NO_NAMES, values: l.values.concat(extra.values), spans: { cells: l.index.cells, start: l.index.start, stride: SLOTS, slot, ids, names: l.index.names }, model };
}

// The action model's input: its own features ("#r:", "#a:") looked up by name, its "v>verb:word"
// ones by token ids (verbWordIdsAt, or verbWordIds when the parse cut the text's front off).
function actionVector(m: LinearModel, a: TextAnalysis, l: Lookup): { x: FeatureVector; rule: ActionRuleResult | null } {
  const { extra, parse } = actionParts(a, false);
  const ids: number[] = [];
  for (const name of extra.names) ids.push(l.index.ids.get(name) ?? -1);
  if (parse.at >= 0) {
    const t = l.index.tables;
    let vw: number[];
    if (parse.tokens === l.text.tokens) vw = verbWordIdsAt(t, l.text, parse.at);
    else {
      const { verb, words } = verbWords(parse)!;
      vw = verbWordIds(t, verb, words);
    }
    const value = verbWordValue(vw.length);
    for (const id of vw) {
      ids.push(id);
      extra.values.push(value);
    }
  }
  return { x: attach(extra, m, MODEL_SLOT.action, l, ids), rule: parse.result };
}

// The share of the text's words the action model knows.
function coverage(l: Lookup): number {
  const { ids, leads, unigrams } = l.text;
  let known = 0;
  for (let i = leads; i < ids.length; i++) {
    const id = ids[i]!;
    if (l.index.tables.isUnigram[id] && l.index.present[id]! & (1 << MODEL_SLOT.action)) known++;
  }
  return unigrams === 0 ? 0 : known / unigrams;
}

function inferActionCategory(models: Models, a: TextAnalysis, l: Lookup, explain: boolean): ActionCategory {
  const m = models.action;
  const { x, rule } = actionVector(m, a, l);
  if (rule && coverage(l) < MIN_COVERAGE) {
    if (!explain) return { category: rule.category, source: "classifier", confidence: 0.6 };
    return { category: rule.category, source: "classifier", confidence: 0.6, evidence: ["coding-manual rule (text mostly unknown to the model)", ...rule.evidence] };
  }
  const p = probabilities(m, scoreLinear(m, x));
  let best = 0;
  for (let k = 1; k < p.length; k++) if (p[k]! > p[best]!) best = k;
  const confidence = Math.round(p[best]! * 1000) / 1000;
  if (!explain) return { category: Number(m.labels[best]), source: "classifier", confidence };
  const evidence = explainLinear(m, x, best, 3).map((f) => (f.startsWith("#r:") ? `coding-manual rule: ${rule?.evidence.join(", ") ?? "no verb rule"}` : describeFeature(f)));
  return { category: Number(m.labels[best]), source: "classifier", confidence, evidence };
}

/** The head vocabulary a vocabulary's themes are predicted in. */
function headOf(vocabulary: Vocabulary): ThemeHead {
  return vocabulary === "coded" || vocabulary === "numbered" ? "coded" : "cycle4";
}

/** A head term named in the target vocabulary (cycle3 from cycle4, numbered from coded). */
function inVocabulary(head: ThemeHead, key: string, vocabulary: Vocabulary): Term | undefined {
  const t = termByKey(head, key);
  if (!t) return undefined;
  return vocabulary === head ? t : termIn(t, vocabulary);
}

/** The vocabulary of each file's labels (themes, else groups of persons), or null. */
function fileVocabularies(recs: readonly Recommendation[]): Map<string, Vocabulary | null> {
  const byFile = new Map<string, Recommendation[]>();
  for (const r of recs) {
    const f = r.place.file ?? "";
    const list = byFile.get(f);
    if (list) list.push(r);
    else byFile.set(f, [r]);
  }
  const out = new Map<string, Vocabulary | null>();
  for (const [file, rows] of byFile) {
    const themes = rows.flatMap((r) => [...r.themes.filter((t) => t.source === "matrix"), ...(r.cluster ? [r.cluster] : [])]);
    let v = detectVocabulary(themes).vocabulary;
    if (!v) v = detectVocabulary(rows.flatMap((r) => r.affectedPersons.filter((p) => p.source === "matrix").map((p) => p.name)), "person").vocabulary;
    out.set(file, v);
  }
  return out;
}

/**
 * Infer the missing labels of each recommendation: UHRI themes, groups of persons, SDG goals, UPR Info
 * issues and the action category, each with `source: "classifier"`, a confidence and the evidence.
 * Themes, groups of persons and SDGs are named in a vocabulary (`vocabulary`, `code`, `name`): the one
 * a file's own labels are written in (detected per file), else `options.vocabulary` (default `cycle4`,
 * the current UHRI names). Labels the file gave are kept as they are; where the model alone gives, with
 * at least `disagreementConfidence`, a theme of another top-level group than every theme the file
 * gives, a `theme-disagreement` warning is reported (disagreements within a group are only counted, in
 * `summary`). A recommendation filed under a theme header row but without a theme list gets that theme
 * from the file. Deterministic: the same input gives the same output. Throws MatrixError
 * ("invalid-options") for options that do not fit ClassifyOptions.
 * @example
 * const { recommendations, summary } = classify(result.recommendations, { vocabulary: "cycle4" });
 * recommendations[0].themes;
 * // [{ code: "death-penalty", name: "Death penalty", vocabulary: "cycle4", source: "classifier", confidence: 0.97, evidence: [...] }]
 */
export function classify(recommendations: readonly Recommendation[], options: ClassifyOptions = {}, models: Models = defaultModels()): ClassifyResult {
  const o = resolveOptions(ClassifyOptions, options, "classify");
  const want = new Set(o.tasks);
  const diagnostics: Diagnostic[] = [];
  const summary: ClassifySummary = { vocabularies: [], disagreementsReported: 0, disagreementsWithinGroup: 0 };
  const detected = fileVocabularies(recommendations);
  const withinGroup = new Map<string, number>();
  for (const [file, v] of detected) summary.vocabularies.push({ file, vocabulary: v ?? o.vocabulary, detected: v !== null });
  const personCombination = { ...models.persons.combination, threshold: o.threshold ?? models.persons.combination.threshold, maxLabels: Math.min(models.persons.combination.maxLabels, o.maxLabels) };
  const issueCombination = { ...models.issues.combination, threshold: o.threshold ?? models.issues.combination.threshold, maxLabels: Math.min(models.issues.combination.maxLabels, o.maxLabels) };

  const out = recommendations.map((r) => {
    if (!r.text.trim()) return r;
    const vocabulary = detected.get(r.place.file ?? "") ?? o.vocabulary;
    const head = headOf(vocabulary);
    const a = readText(r.text);
    const l = lookUp(models, a);
    const next: Recommendation = { ...r };

    let themeKeys: string[] = [];
    if (want.has("themes") || want.has("sdgs")) {
      const tm = models.themes[head];
      const hits = themeHits(a.tokens, head);
      const x = attach(ruleFeatures(hits), tm.linear, MODEL_SLOT[`themes-${head}`], l);
      const margins = scoreLinear(tm.linear, x);
      const { full: voteFull, all: voteAll } = votesOf(models.neighbours, l.neighbourIds, head, o.evidence);
      const candidates = themeCandidates(tm.linear, margins, voteFull, voteAll, hits, tm.combination);
      const given = r.themes.filter((t) => t.source === "matrix");
      if (r.themes.length === 0) {
        const combination: ThemeCombination = { ...tm.combination, set: { ...tm.combination.set, maxLabels: Math.min(tm.combination.set.maxLabels, o.maxLabels) } };
        if (o.threshold !== undefined) combination.set = { ...combination.set, support: 2, alone: o.threshold };
        const choice = chooseThemes(candidates, combination);
        const explain = (ls: string[]) => explainLabels(tm.linear, x, ls.map((label) => tm.linear.labelIndex.get(label) ?? -1), 2).map((fs) => fs.map(describeFeature));
        const labels = themeLabels(choice, voteAll, o.evidence ? explain : null);
        themeKeys = labels.map((s) => s.label);
        const fromCluster: ThemeLabel[] = r.cluster ? [{ code: r.cluster.code, name: r.cluster.name, source: "matrix" }] : [];
        const clusterTerm = r.cluster ? lookUpTerm(r.cluster, { vocabulary }) : undefined;
        const inferred: ThemeLabel[] = [];
        const seen = new Set<string>(clusterTerm ? [clusterTerm.key] : []);
        for (const s of labels) {
          const t = inVocabulary(head, s.label, vocabulary);
          if (!t || seen.has(t.key)) continue;
          seen.add(t.key);
          inferred.push(
            o.evidence
              ? { code: t.key, name: t.name, source: "classifier", confidence: s.confidence, evidence: s.evidence, vocabulary: t.vocabulary }
              : { code: t.key, name: t.name, source: "classifier", confidence: s.confidence, vocabulary: t.vocabulary },
          );
        }
        if (want.has("themes")) next.themes = [...fromCluster, ...inferred];
      } else {
        themeKeys = given.map((t) => headTerm(t, vocabulary, head)?.key).filter((k): k is string => k !== undefined);
        if (want.has("themes") && given.length > 0) {
          const groups = new Set<string>();
          const have = new Set<string>();
          for (const t of given) {
            const term = headTerm(t, vocabulary, head);
            if (term) have.add(term.key);
            const g = (term ?? lookUpTerm(t))?.group;
            if (g) groups.add(g);
          }
          // The model's own probability decides (a keyword hit alone is not a confident disagreement).
          const confident = candidates.filter((c) => c.probability >= o.disagreementConfidence && !have.has(c.label));
          const outside = confident.filter((c) => {
            const g = termByKey(head, c.label)?.group;
            return g !== null && g !== undefined && groups.size > 0 && !groups.has(g);
          });
          if (confident.length > 0 && outside.length === 0) {
            summary.disagreementsWithinGroup++;
            const f = r.place.file ?? "";
            withinGroup.set(f, (withinGroup.get(f) ?? 0) + 1);
          }
          if (outside.length > 0) {
            summary.disagreementsReported++;
            const name = (c: (typeof outside)[number]) => inVocabulary(head, c.label, vocabulary)?.name ?? c.label;
            diagnostics.push({
              code: "theme-disagreement",
              severity: "warning",
              message: `Recommendation ${r.id}: the file gives ${given.map((t) => t.name).join("; ")}; the model is confident of ${outside.map((c) => `${name(c)} (${Math.round(c.probability * 1000) / 1000}${c.phrases ? `; keyword "${c.phrases[0]}"` : ""})`).join("; ")}, in another group.`,
              place: { ...r.place, field: "themes" },
              actual: given.map((t) => t.name).join("; "),
              expected: outside.map(name),
            });
          }
        }
      }
    }

    // The groups a text names: the persons' rule hits, also the issues' gate (computed once).
    let persons: Map<string, string[]> | undefined;
    if (want.has("affectedPersons") && r.affectedPersons.length === 0) {
      persons = personHits(a.tokens);
      const scored = predictLabels(models.persons, attach(ruleFeatures(persons), models.persons, MODEL_SLOT.persons, l), persons, personCombination, o.evidence);
      next.affectedPersons = personsIn(scored, vocabulary, a.tokens, o.maxLabels, o.evidence);
    }

    if (want.has("sdgs") && r.sdgs.length === 0) {
      const sdgs: SdgLabel[] = sdgLabels(themeKeys, a.tokens, vocabulary, o.evidence);
      next.sdgs = sdgs;
    }

    if (want.has("issues") && r.issues.length === 0) {
      const hits = issueMatcher().match(a.tokens);
      const scored = predictLabels(models.issues, attach(ruleFeatures(hits), models.issues, MODEL_SLOT.issues, l), hits, issueCombination, o.evidence);
      next.issues = gateIssues(scored, a.tokens, persons ?? personHits(a.tokens)).map(
        (s): IssueLabel => (o.evidence ? { name: s.label, source: "classifier", confidence: s.confidence, evidence: s.evidence } : { name: s.label, source: "classifier", confidence: s.confidence }),
      );
    }

    if (want.has("actionCategory") && r.actionCategory === null) next.actionCategory = inferActionCategory(models, a, l, o.evidence);
    return next;
  });
  // Disagreements within a group (a sibling of a given theme) are counted once per file, not listed.
  for (const [file, n] of withinGroup) {
    diagnostics.push({
      code: "theme-disagreement",
      severity: "info",
      message: `${n} recommendation(s): the model is confident of a theme the file does not give, in the group of one it gives (a neighbouring theme); not listed one by one.`,
      ...(file ? { place: { file } } : {}),
    });
  }
  return { recommendations: out, diagnostics, summary };
}

// A given theme as a term of the head (for comparisons and SDGs).
function headTerm(t: Pick<ThemeLabel, "code" | "name">, vocabulary: Vocabulary, head: ThemeHead): Term | undefined {
  const term = lookUpTerm(t, { vocabulary }) ?? lookUpTerm(t);
  if (!term) return undefined;
  return term.vocabulary === head ? term : termIn(term, head);
}

