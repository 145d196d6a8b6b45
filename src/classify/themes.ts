// UHRI themes of one text in one head vocabulary (coded or cycle4), from three sources: the keyword
// rules, the linear model's probability and the nearest labelled neighbours' vote. The set of themes
// given: a keyword hit that the model or the neighbours support at least a little, or the model alone
// when it is sure (the keyword rules carry most of OHCHR's multi-theme convention; the two learned
// sources weed out their false hits). The first theme, the cluster a list would file the text under:
// the best weighted sum of the three. Both were chosen on held-out States (scripts/classify/themes.ts).
import { sigmoid, type LinearModel } from "./linear.js";
import type { NeighbourVote } from "./neighbours.js";
import type { ScoredLabel } from "./predict.js";
import { labelFlags } from "./scratch.js";

/** Weights of the model probability, the neighbours' vote and a keyword hit (summing to 1). */
export interface ThemeWeights {
  model: number;
  neighbours: number;
  rules: number;
}

/** The rule for the set of themes given. */
export interface ThemeSetRule {
  /** A keyword hit is given when the model's probability or the full lists' neighbour vote reaches this. */
  support: number;
  /** A theme without a keyword hit is given when the model's probability reaches this. */
  alone: number;
  maxLabels: number;
}

/** How the three sources are combined (stored with each theme model). */
export interface ThemeCombination {
  set: ThemeSetRule;
  /** The first theme. */
  primary: ThemeWeights;
  /** The share of a rule's hits that were right on the training lists, per label (the weight of its hit). */
  ruleReliability: Readonly<Record<string, number>>;
  /** For labels whose rule never fired in training. */
  defaultReliability: number;
}

/** The evidence for one candidate theme. */
export interface ThemeCandidate {
  label: string;
  probability: number;
  /** Share of the neighbours from full lists carrying it, and of all neighbours (cluster lists included). */
  neighbours: number;
  neighboursAll: number;
  /** The rule weight when its keywords occur (its reliability), else 0. */
  rule: number;
  phrases: readonly string[] | undefined;
}

/** The given themes, first theme first, each with its set score. */
export interface ThemeChoice {
  given: { candidate: ThemeCandidate; score: number }[];
}

/**
 * Every theme some source speaks for, with its evidence.
 * @example
 * const candidates = themeCandidates(model, margins, voteFull, voteAll, hits, combination);
 */
export function themeCandidates(
  model: LinearModel,
  margins: Float64Array,
  voteFull: NeighbourVote | null,
  voteAll: NeighbourVote | null,
  hits: ReadonlyMap<string, readonly string[]>,
  c: Pick<ThemeCombination, "ruleReliability" | "defaultReliability">,
): ThemeCandidate[] {
  const out: ThemeCandidate[] = [];
  const add = (label: string, probability: number) => {
    const neighbours = voteFull?.scores.get(label) ?? 0;
    const neighboursAll = voteAll?.scores.get(label) ?? 0;
    const phrases = hits.get(label);
    const rule = phrases ? (c.ruleReliability[label] ?? c.defaultReliability) : 0;
    if (probability > 0.02 || neighbours > 0 || neighboursAll > 0 || rule > 0) out.push({ label, probability, neighbours, neighboursAll, rule, phrases });
  };
  // The model's labels that a vote or a rule names (flags by label index), and those the model lacks:
  // a label of low probability is looked up only when some source names it.
  const named = labelFlags(margins.length);
  const others: string[] = [];
  for (const v of [voteFull, voteAll]) if (v) for (const l of v.scores.keys()) mark(l);
  for (const l of hits.keys()) mark(l);
  function mark(l: string): void {
    const k = model.labelIndex.get(l);
    if (k !== undefined) named[k] = 1;
    else if (!others.includes(l)) others.push(l);
  }
  for (let k = 0; k < margins.length; k++) {
    const p = sigmoid(margins[k]!);
    if (p > 0.02 || named[k]) add(model.labels[k]!, p);
  }
  named.fill(0, 0, margins.length);
  // Neighbours and rules can name a theme the model does not have.
  for (const l of others) add(l, 0);
  return out;
}

/** How sure a given theme is: the strongest of its model probability, its full-list neighbours' vote, its rule's reliability. */
export function themeConfidence(c: ThemeCandidate): number {
  return Math.max(c.probability, c.neighbours, c.rule);
}

/** Whether the set rule gives a candidate. */
export function inSet(c: ThemeCandidate, rule: ThemeSetRule): boolean {
  return (c.phrases !== undefined && Math.max(c.probability, c.neighbours) >= rule.support) || c.probability >= rule.alone;
}

/**
 * The themes to give: the first theme (best primary score), then the others the set rule gives, most
 * confident first, at most maxLabels in all.
 * @example
 * chooseThemes(candidates, combination).given.map((g) => g.candidate.label);
 */
export function chooseThemes(candidates: readonly ThemeCandidate[], c: Pick<ThemeCombination, "set" | "primary">): ThemeChoice {
  if (candidates.length === 0) return { given: [] };
  const { set, primary } = c;
  let first = candidates[0]!;
  let firstScore = -1;
  const rest: { candidate: ThemeCandidate; score: number }[] = [];
  for (const cand of candidates) {
    const p = primary.model * cand.probability + primary.neighbours * cand.neighboursAll + primary.rules * cand.rule;
    if (p > firstScore || (p === firstScore && cand.label < first.label)) {
      first = cand;
      firstScore = p;
    }
    if (inSet(cand, set)) rest.push({ candidate: cand, score: themeConfidence(cand) });
  }
  rest.sort((a, b) => b.score - a.score || (a.candidate.label < b.candidate.label ? -1 : 1));
  const given = [{ candidate: first, score: themeConfidence(first) }];
  for (const s of rest) {
    if (given.length >= set.maxLabels) break;
    if (s.candidate !== first) given.push(s);
  }
  return { given };
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The given themes as labels with a confidence and evidence: keyword phrases and treaties, the model's
 * strongest words (from `explain`), and the closest labelled recommendation that carries the theme.
 * The confidence is themeConfidence. Without `explain` (null), no evidence is looked for: empty lists.
 * @example
 * themeLabels(choice, voteAll, (labels) => labels.map(() => ['"death penalty"']));
 */
export function themeLabels(choice: ThemeChoice, vote: NeighbourVote | null, explain: ((labels: string[]) => string[][]) | null): ScoredLabel[] {
  if (!explain) return choice.given.map(({ candidate: s, score }) => ({ label: s.label, confidence: round(Math.min(1, Math.max(score, 0))), evidence: [] }));
  const words = explain(choice.given.map((g) => g.candidate.label));
  return choice.given.map(({ candidate: s, score }, i) => {
    const evidence: string[] = [];
    for (const p of s.phrases ?? []) evidence.push(p.endsWith(" (treaty)") ? `treaty ${p.slice(0, -9)}` : `keyword "${p}"`);
    for (const w of words[i] ?? []) if (evidence.length < 4) evidence.push(w);
    const like = vote?.nearest.find((n) => n.similarity >= 0.5 && (n.doc.labels[vote.head] ?? []).includes(s.label));
    if (like) evidence.push(`like ${like.doc.ref} (similarity ${round(like.similarity)})`);
    return { label: s.label, confidence: round(Math.min(1, Math.max(score, 0))), evidence };
  });
}
