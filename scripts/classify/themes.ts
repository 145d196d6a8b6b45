// Training and leave-one-State-out evaluation of the theme models, one per head vocabulary (coded:
// v1 codes; cycle4: current names). Every labelled list of the corpus is used in both heads through
// the crosswalk: the coded and numbered matrices (all their themes), the cycle4 cluster lists (their
// heading only: a part of the truth), and UPR Info rows whose issues map to themes (weak labels).
// Deterministic: seeded training, sorted inputs.
import { groupBy, sortBy, uniq } from "lodash-es";
import { analyzeText } from "../../src/classify/features.js";
import { themeInput } from "../../src/classify/inputs.js";
import { ISSUE_THEMES } from "../../src/classify/issue-map.js";
import { loadLinearModel, scoreLinear, type FeatureVector, type LinearModel, type LinearModelData } from "../../src/classify/linear.js";
import { buildNeighbourIndex, loadNeighbours, votes, type NeighbourIndex, type NeighbourIndexData } from "../../src/classify/neighbours.js";
import { ruleTarget, type ThemeHead } from "../../src/classify/theme-rules.js";
import { chooseThemes, themeCandidates, type ThemeCandidate, type ThemeCombination } from "../../src/classify/themes.js";
import type { Recommendation } from "../../src/schema/recommendation.js";
import { detectVocabulary, findTerm, mapTerm, type Term } from "../../src/taxonomy/index.js";
import { exportModel, trainOvr, Vocabulary as Features, type Example, type FtrlOptions } from "./ftrl.js";

export const HEADS: readonly ThemeHead[] = ["cycle4", "coded"];
export const THEME_FTRL: FtrlOptions = { alpha: 0.5, beta: 1, l1: 0.5, l2: 1, epochs: 6, seed: 7 };
/** Weight of a UPR Info row (its themes come from its issues) and of a cluster row (one theme known). */
export const WEAK_WEIGHT = 0.3;
export const CLUSTER_WEIGHT = 1;
/** Every WEAK_STEP-th UPR Info training row is used. */
export const WEAK_STEP = 4;
export const NEIGHBOURS = { k: 20, power: 2 };
const PRUNE = 0.02;

/** One labelled recommendation, its gold themes per head, and the themes it says nothing about. */
export interface ThemeItem {
  ref: string;
  state: string;
  a: ReturnType<typeof analyzeText>;
  /** Only the cluster heading is known. */
  partial: boolean;
  /** From UPR Info issues. */
  weak: boolean;
  gold: Record<ThemeHead, string[]>;
  /** The cluster (theme header row) of the list, when known and unambiguous in the head. */
  primary: Record<ThemeHead, string | null>;
  /** Terms a label maps to ambiguously (neither gold nor wrong). */
  unknown: Record<ThemeHead, string[]>;
  x: Record<ThemeHead, FeatureVector>;
  hits: Record<ThemeHead, Map<string, string[]>>;
}

// A label's targets in a head: one known, or several equally strong (ambiguous, unknown). A split's
// weaker targets count when the text has their keywords (E41 on an abortion text is also sexual and
// reproductive health in current lists).
function targets(t: Term, head: ThemeHead, hits: ReadonlyMap<string, string[]>): { known: string[]; unknown: string[] } {
  if (t.vocabulary === head) return { known: [t.key], unknown: [] };
  const links = mapTerm(t, head).filter((l) => l.to.observed);
  if (links.length === 0) return { known: [], unknown: [] };
  const top = links.filter((l) => l.confidence === links[0]!.confidence);
  if (top.length > 1) return { known: [], unknown: top.map((l) => l.to.key) };
  const extra = links.slice(1).filter((l) => hits.has(l.to.key)).map((l) => l.to.key);
  return { known: [top[0]!.to.key, ...extra], unknown: [] };
}

function makeItem(
  r: Recommendation,
  ref: string,
  partial: boolean,
  weak: boolean,
  labels: (head: ThemeHead, hits: ReadonlyMap<string, string[]>) => { known: string[]; unknown: string[] },
  cluster?: Term,
): ThemeItem {
  const a = analyzeText(r.text);
  const item = { ref, state: r.stateUnderReview ?? "", a, partial, weak, gold: {}, primary: {}, unknown: {}, x: {}, hits: {} } as ThemeItem;
  for (const head of HEADS) {
    const input = themeInput(a, head);
    item.x[head] = input.x;
    item.hits[head] = input.hits;
    const { known, unknown } = labels(head, input.hits);
    item.gold[head] = uniq(known).sort();
    item.unknown[head] = uniq(unknown).filter((k) => !known.includes(k)).sort();
    const p = cluster ? targets(cluster, head, new Map()) : null;
    item.primary[head] = p && p.known.length === 1 ? p.known[0]! : null;
  }
  return item;
}

/**
 * The labelled themes of the corpus as items: matrices (file vocabulary detected per file), cluster
 * lists (cycle4 heading, partial), UPR Info rows (weak, from issues).
 * @example
 * const { strong, weak } = themeItems(corpus.matrices, corpus.clusters, uprInfoTrainRows);
 */
export function themeItems(matrices: readonly Recommendation[], clusters: readonly Recommendation[], uprInfo: readonly Recommendation[]): { strong: ThemeItem[]; weak: ThemeItem[] } {
  const strong: ThemeItem[] = [];
  for (const [, rows] of Object.entries(groupBy(matrices, (r) => r.place.file ?? ""))) {
    const vocabulary = detectVocabulary(rows.flatMap((r) => r.themes)).vocabulary ?? "coded";
    for (const r of rows) {
      const given = r.themes.filter((t) => t.source === "matrix").map((t) => findTerm(t, { vocabulary })).filter((t): t is Term => t !== undefined);
      const cluster = r.cluster ? findTerm(r.cluster, { vocabulary }) : undefined;
      // "S Sustainable Development Goal implementation" (China 2018) is a theme in cycle4 only (2030 Agenda).
      const item = makeItem(
        r,
        `${r.stateUnderReview} ${r.id}`,
        false,
        false,
        (head, hits) => {
          const all = given.filter((t) => head !== "coded" || t.key !== "S").map((t) => targets(t, head, hits));
          return { known: all.flatMap((x) => x.known), unknown: all.flatMap((x) => x.unknown) };
        },
        cluster,
      );
      if (HEADS.some((h) => item.gold[h].length > 0)) strong.push(item);
    }
  }
  for (const r of clusters) {
    const t = r.cluster ? findTerm(r.cluster.name, { vocabulary: "cycle4" }) : undefined;
    if (!t) continue;
    strong.push(makeItem(r, `${r.stateUnderReview} ${r.id}`, true, false, (head, hits) => targets(t, head, hits), t));
  }
  const weak = uprInfo
    .filter((_, i) => i % WEAK_STEP === 0)
    .map((r) =>
      makeItem(r, `UPR Info ${r.stateUnderReview} ${r.session}`, false, true, (head) => {
        const known: string[] = [];
        const unknown: string[] = [];
        for (const i of r.issues) {
          const keys = uniq((ISSUE_THEMES.get(i.name) ?? []).map((code) => ruleTarget(code, head)).filter((k): k is string => k !== null));
          // An issue that maps to several themes says which one only ambiguously.
          (keys.length === 1 ? known : unknown).push(...keys);
        }
        return { known, unknown };
      }),
    );
  return { strong, weak };
}

/** What one fold trained: the linear model, the rule reliabilities and the neighbour index. */
export interface ThemeFold {
  head: ThemeHead;
  linear: LinearModelData;
  model: LinearModel;
  reliability: Record<string, number>;
  neighboursData: NeighbourIndexData;
  neighbours: NeighbourIndex;
}

/** The features the neighbour index keeps: words and bigrams (lead features are the action model's). */
export function neighbourFeatures(a: { features: readonly string[] }): string[] {
  return a.features.filter((f) => f.charCodeAt(0) !== 94);
}

/**
 * Train one head on the given strong and weak items: FTRL logistic regression one-vs-rest (cluster rows
 * inform their one theme, weak rows the themes their issues map to unambiguously), the rules'
 * reliability per theme (share of hits that were right, Laplace-smoothed), the neighbour index.
 * @example
 * const fold = trainThemeFold("cycle4", train, weak, {});
 */
export function trainThemeFold(head: ThemeHead, strong: readonly ThemeItem[], weak: readonly ThemeItem[], meta: Record<string, unknown>): ThemeFold {
  const labels = uniq([...strong, ...weak].flatMap((i) => i.gold[head])).sort();
  const index = new Map(labels.map((l, i) => [l, i]));
  const fromWeak = new Set(weak.flatMap((i) => [...i.gold[head], ...i.unknown[head]]));
  const vocab = Features.fromDocuments([...strong, ...weak].map((i) => i.x[head]), 2, (n) => n.startsWith("#"));
  const examples: Example[] = [];
  for (const i of [...strong, ...weak]) {
    const e = vocab.encode(i.x[head], i.gold[head].map((l) => index.get(l)!), i.weak ? WEAK_WEIGHT : i.partial ? CLUSTER_WEIGHT : 1);
    if (i.partial || i.weak || i.unknown[head].length > 0) {
      const informs = new Uint8Array(labels.length);
      if (i.partial) for (const l of i.gold[head]) informs[index.get(l)!] = 1;
      else {
        for (let k = 0; k < labels.length; k++) informs[k] = !i.weak || fromWeak.has(labels[k]!) ? 1 : 0;
        for (const l of i.unknown[head]) if (index.has(l)) informs[index.get(l)!] = 0;
      }
      e.informs = informs;
    }
    if (e.labels.length > 0 || !i.partial) examples.push(e);
  }
  const weights = trainOvr(examples, vocab.size, labels.length, THEME_FTRL);
  const linear = exportModel(`themes-${head}`, "ovr", labels, vocab, weights, 0.5, PRUNE, { ...meta, ftrl: THEME_FTRL, weakWeight: WEAK_WEIGHT, clusterWeight: CLUSTER_WEIGHT, weakStep: WEAK_STEP, prune: PRUNE });
  const hitsN = new Map<string, number>();
  const hitsOk = new Map<string, number>();
  for (const i of strong) {
    if (i.partial) continue;
    for (const l of i.hits[head].keys()) {
      if (i.unknown[head].includes(l)) continue;
      hitsN.set(l, (hitsN.get(l) ?? 0) + 1);
      if (i.gold[head].includes(l)) hitsOk.set(l, (hitsOk.get(l) ?? 0) + 1);
    }
  }
  const reliability: Record<string, number> = {};
  for (const l of [...hitsN.keys()].sort()) reliability[l] = Number((((hitsOk.get(l) ?? 0) + 1) / (hitsN.get(l)! + 2)).toFixed(3));
  const neighboursData = buildNeighbourIndex(
    strong.map((i) => ({ doc: { ref: i.ref, labels: { cycle4: i.gold.cycle4, coded: i.gold.coded }, ...(i.partial ? { partial: true } : {}) }, features: neighbourFeatures(i.a) })),
    NEIGHBOURS.k,
    NEIGHBOURS.power,
    {},
  );
  return { head, linear, model: loadLinearModel(linear), reliability, neighboursData, neighbours: loadNeighbours(neighboursData) };
}

/** What a fold says about one item (everything the combination needs). */
export interface ThemeComponents {
  head: ThemeHead;
  item: ThemeItem;
  /** Every theme some source speaks for (as classify sees them). */
  candidates: ThemeCandidate[];
  reliability: Record<string, number>;
}

/**
 * The components of held-out items under a fold.
 * @example
 * const comps = componentsOf(fold, test);
 */
export function componentsOf(fold: ThemeFold, items: readonly ThemeItem[]): ThemeComponents[] {
  return items.map((item) => {
    const features = neighbourFeatures(item.a);
    const margins = scoreLinear(fold.model, item.x[fold.head]);
    const { full: voteFull, all: voteAll } = votes(fold.neighbours, features, fold.head);
    const c = { ruleReliability: fold.reliability, defaultReliability: DEFAULT_RELIABILITY };
    return { head: fold.head, item, candidates: themeCandidates(fold.model, margins, voteFull, voteAll, item.hits[fold.head], c), reliability: fold.reliability };
  });
}

/** Default rule weight for a label whose rule never fired in training. */
export const DEFAULT_RELIABILITY = 0.5;

/** The weights tried for the first theme (a 0.1 grid summing to 1), and the set rules tried. */
export const WEIGHT_GRID: readonly { model: number; neighbours: number; rules: number }[] = (() => {
  const out: { model: number; neighbours: number; rules: number }[] = [];
  for (let m = 0; m <= 10; m++) for (let n = 0; m + n <= 10; n++) out.push({ model: m / 10, neighbours: n / 10, rules: (10 - m - n) / 10 });
  return out;
})();
export const SUPPORTS: readonly number[] = [0, 0.02, 0.05, 0.1, 0.15, 0.2, 0.3];
export const ALONE: readonly number[] = [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01];
export const MAX_THEMES = 6;

/** Micro-F1 counts of full-label items, top-1 hits where the cluster is known, cluster recall of cluster lists. */
export class ThemeTally {
  tp = 0;
  fp = 0;
  fn = 0;
  top1 = 0;
  withPrimary = 0;
  partial = 0;
  /** Cluster-list items whose theme is among the given ones. */
  inSet = 0;
  add(item: ThemeItem, head: ThemeHead, given: readonly string[]): void {
    const primary = item.primary[head];
    if (primary) {
      this.withPrimary++;
      if (given[0] === primary) this.top1++;
    }
    if (item.partial) {
      this.partial++;
      if (given.includes(item.gold[head][0]!)) this.inSet++;
      return;
    }
    const g = new Set(item.gold[head]);
    const skip = new Set(item.unknown[head]);
    for (const l of given) {
      if (skip.has(l)) continue;
      if (g.has(l)) this.tp++;
      else this.fp++;
    }
    for (const l of g) if (!given.includes(l)) this.fn++;
  }
  get f1(): number {
    const d = 2 * this.tp + this.fp + this.fn;
    return d === 0 ? 0 : (2 * this.tp) / d;
  }
  get precision(): number {
    return this.tp + this.fp === 0 ? 0 : this.tp / (this.tp + this.fp);
  }
  get recall(): number {
    return this.tp + this.fn === 0 ? 0 : this.tp / (this.tp + this.fn);
  }
  get accuracy(): number {
    return this.withPrimary === 0 ? 0 : this.top1 / this.withPrimary;
  }
  get clusterRecall(): number {
    return this.partial === 0 ? 0 : this.inSet / this.partial;
  }
}

/**
 * The themes given for a component under a combination, first theme first (as classify gives them).
 * @example
 * const given = predict(comp, combination);
 */
export function predict(comp: ThemeComponents, combination: ThemeCombination): string[] {
  return chooseThemes(comp.candidates, combination).given.map((g) => g.candidate.label);
}

/** The keyword rules alone (the baseline): every theme whose keywords occur, the one with most phrases first. */
export function predictByRules(item: ThemeItem, head: ThemeHead): string[] {
  return sortBy([...item.hits[head]], ([l, p]) => [-p.length, l]).map(([l]) => l);
}

/**
 * Choose how to weigh the sources, on held-out components (each predicted by a fold that did not train
 * on its State): the set's weights and threshold for micro-F1 over full lists, the first theme's
 * weights for top-1 accuracy where the cluster is known.
 * @example
 * const { combination, set, primary } = chooseThemeCombination(components);
 */
export function chooseThemeCombination(comps: readonly ThemeComponents[]): { combination: ThemeCombination; f1: number; top1: number } {
  // The set: every (support, alone) pair on the full lists; the first theme is fixed by its own choice below
  // and always given, so the set is scored with the best-primary candidate added.
  const known = comps.filter((c) => c.item.primary[c.head]);
  let primary = { model: 0, neighbours: 0, rules: 1, top1: -1 };
  for (const w of WEIGHT_GRID) {
    let right = 0;
    for (const c of known) if (firstOf(c.candidates, w)?.label === c.item.primary[c.head]) right++;
    const top1 = known.length ? right / known.length : 0;
    if (top1 > primary.top1 + 1e-9) primary = { ...w, top1 };
  }
  const round1 = (x: number) => Math.round(x * 10) / 10;
  const primaryWeights = { model: round1(primary.model), neighbours: round1(primary.neighbours), rules: round1(primary.rules) };
  const full = comps.filter((c) => !c.item.partial);
  let set = { support: 0, alone: 1.01, f1: -1 };
  for (const support of SUPPORTS) {
    for (const alone of ALONE) {
      const tally = new ThemeTally();
      const combination = { set: { support, alone, maxLabels: MAX_THEMES }, primary: primaryWeights };
      for (const c of full) tally.add(c.item, c.head, chooseThemes(c.candidates, combination).given.map((g) => g.candidate.label));
      if (tally.f1 > set.f1 + 1e-9) set = { support, alone, f1: tally.f1 };
    }
  }
  return {
    combination: { set: { support: set.support, alone: set.alone, maxLabels: MAX_THEMES }, primary: primaryWeights, ruleReliability: {}, defaultReliability: DEFAULT_RELIABILITY },
    f1: set.f1,
    top1: primary.top1,
  };
}

function firstOf(cands: readonly ThemeCandidate[], w: { model: number; neighbours: number; rules: number }): ThemeCandidate | null {
  let best: ThemeCandidate | null = null;
  let bestScore = -1;
  for (const x of cands) {
    const s = w.model * x.probability + w.neighbours * x.neighboursAll + w.rules * x.rule;
    if (s > bestScore || (s === bestScore && best && x.label < best.label)) {
      best = x;
      bestScore = s;
    }
  }
  return best;
}

/**
 * Leave-one-State-out components of every strong item: each State predicted by a fold trained on the
 * other States (and the weak rows of other States).
 * @example
 * const comps = leaveOneStateOut("cycle4", strong, weak, (s) => console.log(s));
 */
export function leaveOneStateOut(head: ThemeHead, strong: readonly ThemeItem[], weak: readonly ThemeItem[], log: (m: string) => void = () => {}): ThemeComponents[] {
  const out: ThemeComponents[] = [];
  const states = uniq(strong.map((i) => i.state)).sort();
  for (const held of states) {
    const fold = trainThemeFold(head, strong.filter((i) => i.state !== held), weak.filter((i) => i.state !== held), {});
    out.push(...componentsOf(fold, strong.filter((i) => i.state === held)));
    log(`${head}: ${held} held out`);
  }
  return out;
}

/** Per-State figures of one head: the shipped combination and the keyword rules alone. */
export interface ThemeEvaluation {
  head: ThemeHead;
  states: { state: string; model: ThemeTally; rules: ThemeTally; choice: ThemeCombination }[];
  model: ThemeTally;
  rules: ThemeTally;
  /** Held-out predictions in the head, for figures in other vocabularies. */
  predictions: { item: ThemeItem; given: string[]; rules: string[] }[];
}

/**
 * Leave-one-State-out over every labelled State, nested: for each held-out State the combination is
 * chosen by leave-one-State-out over the other States only (each of their components from a fold that
 * trained on neither), then a fold trained on all other States predicts the held-out one.
 * @example
 * const ev = evaluateThemes("cycle4", strong, weak, console.log);
 */
export function evaluateThemes(head: ThemeHead, strong: readonly ThemeItem[], weak: readonly ThemeItem[], log: (m: string) => void = () => {}): ThemeEvaluation {
  const states = uniq(strong.map((i) => i.state)).sort();
  const folds = new Map<string, ThemeFold>();
  const foldWithout = (excluded: string[]): ThemeFold => {
    const key = [...excluded].sort().join("|");
    let f = folds.get(key);
    if (!f) {
      f = trainThemeFold(head, strong.filter((i) => !excluded.includes(i.state)), weak.filter((i) => !excluded.includes(i.state)), {});
      folds.set(key, f);
    }
    return f;
  };
  const ev: ThemeEvaluation = { head, states: [], model: new ThemeTally(), rules: new ThemeTally(), predictions: [] };
  for (const held of states) {
    const inner: ThemeComponents[] = [];
    for (const t of states) if (t !== held) inner.push(...componentsOf(foldWithout([held, t]), strong.filter((i) => i.state === t)));
    const { combination } = chooseThemeCombination(inner);
    const outer = componentsOf(foldWithout([held]), strong.filter((i) => i.state === held));
    const model = new ThemeTally();
    const rules = new ThemeTally();
    for (const comp of outer) {
      const c = { ...combination, ruleReliability: comp.reliability };
      const given = predict(comp, c);
      const byRules = predictByRules(comp.item, head);
      model.add(comp.item, head, given);
      ev.model.add(comp.item, head, given);
      rules.add(comp.item, head, byRules);
      ev.rules.add(comp.item, head, byRules);
      ev.predictions.push({ item: comp.item, given, rules: byRules });
    }
    ev.states.push({ state: held, model, rules, choice: combination });
    log(`${head}: ${held} evaluated (${folds.size} folds trained)`);
  }
  return ev;
}

/**
 * The shipped model of a head: the combination chosen by leave-one-State-out over every State, then
 * the linear model, rule reliabilities and neighbours trained on all of them.
 * @example
 * const { fold, combination } = trainThemeModel("cycle4", strong, weak, meta);
 */
export function trainThemeModel(head: ThemeHead, strong: readonly ThemeItem[], weak: readonly ThemeItem[], meta: Record<string, unknown>, log: (m: string) => void = () => {}): { fold: ThemeFold; combination: ThemeCombination; f1: number; top1: number } {
  const comps = leaveOneStateOut(head, strong, weak, log);
  const { combination, f1, top1 } = chooseThemeCombination(comps);
  const fold = trainThemeFold(head, strong, weak, meta);
  return { fold, combination: { ...combination, ruleReliability: fold.reliability }, f1, top1 };
}
