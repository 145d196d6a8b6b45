// classify(): fill the labels a file did not give (themes, affected persons, SDGs, UPR Info issues,
// action category), each marked `source: "classifier"` with a confidence and its evidence; never
// touch labels the file gave, and report where the model confidently disagrees with them.
import type * as z from "zod";
import type { Diagnostic } from "../schema/diagnostic.js";
import type { ActionCategory, IssueLabel, PersonLabel, Recommendation, SdgLabel, ThemeLabel } from "../schema/recommendation.js";
import { themeByCode } from "../taxonomy/index.js";
import { analyzeText, type TextAnalysis } from "./features.js";
import { actionInput, issueInput, personInput, themeInput } from "./inputs.js";
import { probabilities, scoreLinear, explainLinear, type FeatureVector, type LinearModel } from "./linear.js";
import { defaultModels, sharedIndex, type Models, type SharedIndex } from "./models.js";
import { describeFeature, predictLabels, type ScoredLabel } from "./predict.js";
import { sdgsFromThemes } from "./sdgs.js";
import { themeKey } from "./theme-key.js";
import { ClassifyOptions } from "./options.js";

export { ClassifyOptions, ClassifyTask } from "./options.js";

/** What classify() returns: the recommendations with inferred labels, and its diagnostics. */
export interface ClassifyResult {
  recommendations: Recommendation[];
  diagnostics: Diagnostic[];
}

// Below this share of known text features the text is probably not English (the models learned
// English): the action category then follows the coding-manual rules.
const MIN_COVERAGE = 0.25;

// The text features of one recommendation looked up once in all four models (see sharedIndex).
interface Lookup {
  index: SharedIndex;
  /** Feature id of each text feature (-1: in no model). */
  ids: number[];
}

const MODEL_SLOT = { themes: 0, persons: 1, issues: 2, action: 3 } as const;
const SLOTS = 4;

function lookUp(models: Models, a: TextAnalysis): Lookup {
  const index = sharedIndex(models);
  // Plain arrays of small integers: cheaper to make than typed arrays at this size.
  const ids: number[] = [];
  for (const f of a.features) ids.push(index.ids.get(f) ?? -1);
  return { index, ids };
}

// The input with the places of its features' weights in one model attached: text features from
// the lookup, the task's own features ("#r:" rule hits) looked up here.
function attach(x: FeatureVector, model: LinearModel, slot: number, l: Lookup): FeatureVector {
  const n = x.names.length;
  const ids = l.ids.slice();
  for (let i = l.ids.length; i < n; i++) ids.push(l.index.ids.get(x.names[i]!) ?? -1);
  return { names: x.names, values: x.values, spans: { cells: l.index.cells, start: l.index.start, stride: SLOTS, slot, ids }, model };
}

function coverage(a: TextAnalysis, l: Lookup): number {
  let known = 0;
  let total = 0;
  a.features.forEach((f, i) => {
    if (f.charCodeAt(0) === 94 || f.includes(" ")) return; // lead features and bigrams
    total++;
    const id = l.ids[i]!;
    if (id >= 0 && l.index.present[id]! & (1 << MODEL_SLOT.action)) known++;
  });
  return total === 0 ? 0 : known / total;
}

function combination(model: LinearModel, o: z.output<typeof ClassifyOptions>) {
  const c = model.combination;
  return { ...c, threshold: o.threshold ?? c.threshold, maxLabels: Math.min(c.maxLabels, o.maxLabels) };
}

function themeLabel(s: ScoredLabel): ThemeLabel {
  return { code: s.label, name: themeByCode(s.label)?.name ?? s.label, source: "classifier", confidence: s.confidence, evidence: s.evidence };
}

function inferActionCategory(models: Models, text: string, a: TextAnalysis, l: Lookup): ActionCategory {
  const input = actionInput(text, a);
  const { rule } = input;
  const m = models.action;
  const x = attach(input.x, m, MODEL_SLOT.action, l);
  if (rule && coverage(a, l) < MIN_COVERAGE) {
    return { category: rule.category, source: "classifier", confidence: 0.6, evidence: ["coding-manual rule (text mostly unknown to the model)", ...rule.evidence] };
  }
  const p = probabilities(m, scoreLinear(m, x));
  let best = 0;
  for (let k = 1; k < p.length; k++) if (p[k]! > p[best]!) best = k;
  const evidence = explainLinear(m, x, best, 3).map((f) => (f.startsWith("#r:") ? `coding-manual rule: ${rule?.evidence.join(", ") ?? "no verb rule"}` : describeFeature(f)));
  return { category: Number(m.labels[best]), source: "classifier", confidence: Math.round(p[best]! * 1000) / 1000, evidence };
}

/**
 * Infer the missing labels of each recommendation: UHRI themes (v1 codes), affected persons, SDG
 * goals, UPR Info issues and the action category, each with `source: "classifier"`, a confidence and
 * the evidence. Labels the file gave are kept as they are; where the model gives, with at least
 * `disagreementConfidence`, a theme the file lacks, a `theme-disagreement` warning is reported. A
 * recommendation filed under a theme header row but without a theme list gets that theme from the file.
 * Deterministic: the same input gives the same output.
 * @example
 * const { recommendations, diagnostics } = classify(result.recommendations);
 * recommendations[0].themes; // [{ code: "D23", name: "Death penalty", source: "classifier", confidence: 0.97, evidence: [...] }]
 */
export function classify(recommendations: readonly Recommendation[], options: ClassifyOptions = {}, models: Models = defaultModels()): ClassifyResult {
  const o = ClassifyOptions.parse(options);
  const want = new Set(o.tasks);
  const diagnostics: Diagnostic[] = [];
  const themeCombination = combination(models.themes, o);
  const personCombination = combination(models.persons, o);
  const issueCombination = combination(models.issues, o);
  const out = recommendations.map((r) => {
    if (!r.text.trim()) return r;
    const a = analyzeText(r.text);
    const l = lookUp(models, a);
    const next: Recommendation = { ...r };

    let themes: ThemeLabel[] = r.themes;
    if (want.has("themes") || want.has("sdgs")) {
      const input = themeInput(a);
      const x = attach(input.x, models.themes, MODEL_SLOT.themes, l);
      if (r.themes.length === 0) {
        const predicted = predictLabels(models.themes, x, input.hits, themeCombination);
        const given: ThemeLabel[] = r.cluster ? [{ code: r.cluster.code, name: r.cluster.name, source: "matrix" }] : [];
        const have = new Set(given.map((t) => themeKey(t)));
        themes = [...given, ...predicted.filter((p) => !have.has(p.label)).map(themeLabel)];
        if (want.has("themes")) next.themes = themes;
      } else if (want.has("themes")) {
        const have = new Set(r.themes.map((t) => themeKey(t)).filter((k): k is string => k !== null));
        const related = (code: string) => [...have].some((h) => h === code || h.startsWith(code) || code.startsWith(h));
        // The model's own probability decides (a keyword hit alone is not a confident disagreement).
        const confident = predictLabels(models.themes, x, new Map(), { threshold: o.disagreementConfidence, ruleConfidence: 0, maxLabels: 3, atLeastOne: false });
        const withWords = confident.map((p) => {
          const words = (input.hits.get(p.label) ?? []).map((w) => `keyword "${w}"`);
          return { ...p, evidence: [...words, ...p.evidence.filter((e) => !words.includes(`keyword ${e}`))] };
        });
        const disagree = withWords.filter((p) => !related(p.label));
        if (disagree.length > 0 && have.size > 0) {
          diagnostics.push({
            code: "theme-disagreement",
            severity: "warning",
            message: `Recommendation ${r.id}: the file gives ${[...have].join(", ")}; the model is confident of ${disagree.map((d) => `${d.label} ${themeByCode(d.label)?.name ?? ""} (${d.confidence}; ${d.evidence.slice(0, 2).join(", ")})`).join("; ")}.`,
            place: { ...r.place, field: "themes" },
            actual: [...have].join(", "),
            expected: disagree.map((d) => d.label),
          });
        }
      }
    }

    if (want.has("affectedPersons") && r.affectedPersons.length === 0) {
      const input = personInput(a);
      next.affectedPersons = predictLabels(models.persons, attach(input.x, models.persons, MODEL_SLOT.persons, l), input.hits, personCombination).map(
        (s): PersonLabel => ({ name: s.label, source: "classifier", confidence: s.confidence, evidence: s.evidence }),
      );
    }

    if (want.has("sdgs") && r.sdgs.length === 0) {
      const codes = themes.map((t) => themeKey(t)).filter((k): k is string => k !== null);
      const sdgs: SdgLabel[] = sdgsFromThemes(codes, a.tokens);
      next.sdgs = sdgs;
    }

    if (want.has("issues") && r.issues.length === 0) {
      const input = issueInput(a);
      next.issues = predictLabels(models.issues, attach(input.x, models.issues, MODEL_SLOT.issues, l), input.hits, issueCombination).map(
        (s): IssueLabel => ({ name: s.label, source: "classifier", confidence: s.confidence, evidence: s.evidence }),
      );
    }

    if (want.has("actionCategory") && r.actionCategory === null) next.actionCategory = inferActionCategory(models, r.text, a, l);
    return next;
  });
  return { recommendations: out, diagnostics };
}
