// Nearest labelled neighbours: many recommendations are near-identical across lists ("Ratify the
// OP-CAT", "Continue efforts to combat trafficking"), and how OHCHR labelled the closest ones is good
// evidence for a new one. Cosine similarity of idf-weighted word features, over an inverted index
// (only the documents that share a feature with the query are touched). Pure; the index is data.

/** A labelled document of the index: where it comes from, its labels per head, whether only its cluster theme is known. */
export interface NeighbourDoc {
  /** "Denmark 60.12": the State and paragraph, shown as evidence. */
  ref: string;
  labels: Readonly<Record<string, readonly string[]>>;
  /** Only the cluster heading is known (a single-label list): its labels are a part of the truth. */
  partial?: boolean;
}

/** The committed form (src/classify/models/neighbours.json), written by scripts/train-models.ts. */
export interface NeighbourIndexData {
  format: "upr-matrix-neighbours/2";
  /** Feature names; feature i occurs in the documents `postings[i]` (features of one document only are left out). */
  features: string[];
  postings: number[][];
  /** Label names per head; documents name them by index. */
  labels: Record<string, string[]>;
  /** ref, label indexes per head, 1 when partial. */
  docs: [string, Record<string, number[]>, 0 | 1][];
  /** How many neighbours vote, and the power their similarity is raised to. */
  k: number;
  power: number;
  meta: Record<string, unknown>;
}

/** A loaded index. */
export interface NeighbourIndex {
  ids: Map<string, number>;
  idf: Float64Array;
  /** The documents of feature i: `postings[postingStart[i]..postingStart[i + 1])` (one array: no object per feature). */
  postings: Int32Array;
  postingStart: Int32Array;
  /** Squared idf of each feature (its weight in a dot product of binary vectors). */
  idf2: Float64Array;
  norm: Float64Array;
  docs: readonly NeighbourDoc[];
  /** 1 for a partial document (see NeighbourDoc.partial), so that the search reads no object. */
  partial: Uint8Array;
  /** Per head: its label names, and document d's labels as indexes in `labels[start[d]..start[d + 1])`. */
  heads: ReadonlyMap<string, { names: readonly string[]; start: Int32Array; labels: Int32Array }>;
  k: number;
  power: number;
}

/**
 * Index documents given as feature lists (training builds the committed file with it).
 * @example
 * const data = buildNeighbourIndex([{ doc, features: ["ratify", "§opcat"] }], 20, 2, {});
 */
export function buildNeighbourIndex(items: readonly { doc: NeighbourDoc; features: readonly string[] }[], k: number, power: number, meta: Record<string, unknown>): NeighbourIndexData {
  const ids = new Map<string, number>();
  const postings: number[][] = [];
  items.forEach(({ features }, d) => {
    for (const f of new Set(features)) {
      let i = ids.get(f);
      if (i === undefined) {
        i = postings.length;
        ids.set(f, i);
        postings.push([]);
      }
      postings[i]!.push(d);
    }
  });
  const kept = [...ids.keys()].map((f, i) => [f, postings[i]!] as const).filter(([, p]) => p.length >= 2);
  const labels: Record<string, string[]> = {};
  for (const { doc } of items) for (const [head, ls] of Object.entries(doc.labels)) labels[head] = [...new Set([...(labels[head] ?? []), ...ls])].sort();
  const at = Object.fromEntries(Object.entries(labels).map(([head, ls]) => [head, new Map(ls.map((l, i) => [l, i]))]));
  const docs = items.map(({ doc }): [string, Record<string, number[]>, 0 | 1] => [
    doc.ref,
    Object.fromEntries(Object.entries(doc.labels).map(([head, ls]) => [head, ls.map((l) => at[head]!.get(l)!)])),
    doc.partial ? 1 : 0,
  ]);
  return { format: "upr-matrix-neighbours/2", features: kept.map(([f]) => f), postings: kept.map(([, p]) => p), labels, docs, k, power, meta };
}

/**
 * Load an index: idf weights and document norms from the postings.
 * @example
 * const index = loadNeighbours(data);
 */
export function loadNeighbours(data: NeighbourIndexData): NeighbourIndex {
  if (data.format !== "upr-matrix-neighbours/2") throw new Error("Not an upr-matrix neighbour index");
  const n = data.docs.length;
  const idf = new Float64Array(data.features.length);
  const idf2 = new Float64Array(data.features.length);
  const norm = new Float64Array(n);
  const postingStart = new Int32Array(data.features.length + 1);
  const postings = new Int32Array(data.postings.reduce((sum, p) => sum + p.length, 0));
  data.postings.forEach((p, i) => {
    const w = Math.log((n + 1) / (p.length + 1));
    idf[i] = w;
    idf2[i] = w * w;
    for (const d of p) norm[d]! += w * w;
    postings.set(p, postingStart[i]!);
    postingStart[i + 1] = postingStart[i]! + p.length;
  });
  for (let d = 0; d < n; d++) norm[d] = Math.sqrt(norm[d]!) || 1;
  const docs = data.docs.map(([ref, labels, partial]): NeighbourDoc => ({
    ref,
    labels: Object.fromEntries(Object.entries(labels).map(([head, ls]) => [head, ls.map((i) => data.labels[head]![i]!)])),
    ...(partial ? { partial: true } : {}),
  }));
  const heads = new Map(
    Object.entries(data.labels).map(([head, names]) => {
      const start = new Int32Array(n + 1);
      data.docs.forEach(([, labels], d) => (start[d + 1] = start[d]! + (labels[head]?.length ?? 0)));
      const labels = new Int32Array(start[n]!);
      data.docs.forEach(([, ls], d) => labels.set(ls[head] ?? [], start[d]!));
      return [head, { names, start, labels }] as const;
    }),
  );
  const partial = Uint8Array.from(data.docs, ([, , p]) => p);
  return { ids: new Map(data.features.map((f, i) => [f, i])), idf, idf2, postings, postingStart, norm, docs, partial, heads, k: data.k, power: data.power };
}

/** What the neighbours say about one text in one head. */
export interface NeighbourVote {
  head: string;
  /** Label → share of the neighbours' weight that carries it (0..1). */
  scores: Map<string, number>;
  /** The closest documents, most similar first, with their similarity. */
  nearest: { doc: NeighbourDoc; similarity: number }[];
}

// Features shared by more than this share of the documents say little about a text (near-identical
// recommendations share their rare words) and cost the most to visit: they are not visited.
const MAX_SHARE = 0.05;

// Reused accumulators and top-k lists (classification is synchronous): no allocation per text.
let acc = new Float64Array(1024);
let touched = new Int32Array(1024);
const allBest = { d: new Int32Array(0), s: new Float64Array(0), size: 0 };
const fullBest = { d: new Int32Array(0), s: new Float64Array(0), size: 0 };
type Best = typeof allBest;

/**
 * The index's ids of a text's features (-1: not in the index), lead features ("^v:ratify", for the
 * action model) left out: the input of votesOf.
 * @example
 * featureIds(index, analyzeText("Ratify OP-CAT").features);
 */
export function featureIds(index: NeighbourIndex, features: readonly string[]): number[] {
  const ids: number[] = [];
  for (const f of features) if (f.charCodeAt(0) !== 94) ids.push(index.ids.get(f) ?? -1);
  return ids;
}

/**
 * The k nearest documents of a text (by its features) and the labels they carry in `head`, each
 * weighted by similarity^power: among all documents, and among the documents of full lists only (for
 * the full set of themes, where a cluster list's document, of which only one theme is known, would
 * count as saying "no" to the others). One pass over the postings for both.
 * @example
 * votes(index, analyzeText("Ratify OP-CAT").features, "cycle4").all.scores.get("ratification"); // ~1
 */
export function votes(index: NeighbourIndex, features: readonly string[], head: string): { all: NeighbourVote; full: NeighbourVote } {
  return votesOf(index, featureIds(index, features), head);
}

/**
 * votes() for a text whose features were looked up already (featureIds, or classify's shared table).
 * Without `withNearest`, the votes' `nearest` lists are left empty (they are evidence only).
 * @example
 * votesOf(index, featureIds(index, analyzeText("Ratify OP-CAT").features), "cycle4");
 */
export function votesOf(index: NeighbourIndex, ids: ArrayLike<number>, head: string, withNearest = true): { all: NeighbourVote; full: NeighbourVote } {
  const n = index.docs.length;
  if (acc.length < n) {
    acc = new Float64Array(n);
    touched = new Int32Array(n);
  }
  const maxDf = Math.max(2, Math.floor(n * MAX_SHARE));
  const { postings, postingStart, idf2 } = index;
  let qn = 0;
  let count = 0;
  for (let f = 0; f < ids.length; f++) {
    const i = ids[f]!;
    if (i < 0) continue;
    const w2 = idf2[i]!;
    qn += w2;
    const from = postingStart[i]!;
    const to = postingStart[i + 1]!;
    if (to - from > maxDf) continue;
    for (let j = from; j < to; j++) {
      const d = postings[j]!;
      if (acc[d] === 0) touched[count++] = d;
      acc[d]! += w2;
    }
  }
  const q = Math.sqrt(qn) || 1;
  const k = index.k;
  const { norm, partial } = index;
  clear(allBest, k);
  clear(fullBest, k);
  // The k-th best similarity so far of each list (-1 until it holds k): most documents fall below it.
  let allCut = -1;
  let fullCut = -1;
  for (let t = 0; t < count; t++) {
    const d = touched[t]!;
    const s = acc[d]! / (q * norm[d]!);
    acc[d] = 0;
    if (s > allCut) allCut = keepBest(allBest, k, d, s);
    if (!partial[d] && s > fullCut) fullCut = keepBest(fullBest, k, d, s);
  }
  return { all: tally(index, allBest, head, withNearest), full: tally(index, fullBest, head, withNearest) };
}

function clear(best: Best, k: number): void {
  if (best.d.length < k) {
    best.d = new Int32Array(k);
    best.s = new Float64Array(k);
  }
  best.size = 0;
}

// Insert into a list of the k best (most similar first; ties: earlier document first), kept in
// typed arrays; a document no better than the k-th of a full list is not inserted. Returns the
// similarity a document must now pass (-1 while the list is not full).
function keepBest(best: Best, k: number, d: number, s: number): number {
  const size = best.size;
  if (size === k && s <= best.s[k - 1]!) return best.s[k - 1]!;
  let at = size;
  while (at > 0 && (best.s[at - 1]! < s || (best.s[at - 1]! === s && best.d[at - 1]! > d))) at--;
  for (let j = Math.min(size, k - 1); j > at; j--) {
    best.s[j] = best.s[j - 1]!;
    best.d[j] = best.d[j - 1]!;
  }
  best.s[at] = s;
  best.d[at] = d;
  best.size = Math.min(size + 1, k);
  return best.size === k ? best.s[k - 1]! : -1;
}

// Reused per-label sums and the order labels were first seen in (the order of the scores map).
let sums = new Float64Array(64);
let order = new Int32Array(64);

function tally(index: NeighbourIndex, best: Best, head: string, withNearest: boolean): NeighbourVote {
  const scores = new Map<string, number>();
  const nearest: { doc: NeighbourDoc; similarity: number }[] = [];
  const h = index.heads.get(head);
  if (h && sums.length < h.names.length) {
    sums = new Float64Array(h.names.length);
    order = new Int32Array(h.names.length);
  }
  let seen = 0;
  let total = 0;
  for (let i = 0; i < best.size; i++) {
    const s = best.s[i]!;
    const d = best.d[i]!;
    if (withNearest) nearest.push({ doc: index.docs[d]!, similarity: s });
    const w = s ** index.power;
    total += w;
    if (!h) continue;
    for (let j = h.start[d]!, end = h.start[d + 1]!; j < end; j++) {
      const l = h.labels[j]!;
      if (sums[l] === 0 && !isSeen(l, seen)) order[seen++] = l;
      sums[l]! += w;
    }
  }
  for (let i = 0; i < seen; i++) {
    const l = order[i]!;
    scores.set(h!.names[l]!, total > 0 ? sums[l]! / total : sums[l]!);
    sums[l] = 0;
  }
  return { head, scores, nearest };
}

// Whether label l is among the first `seen` of `order` (a sum can be 0 only before its first weight is added, or if that weight is 0).
function isSeen(l: number, seen: number): boolean {
  for (let i = 0; i < seen; i++) if (order[i] === l) return true;
  return false;
}
