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
  postings: readonly Int32Array[];
  /** Squared idf of each feature (its weight in a dot product of binary vectors). */
  idf2: Float64Array;
  norm: Float64Array;
  docs: readonly NeighbourDoc[];
  /** 1 for a partial document (see NeighbourDoc.partial), so that the search reads no object. */
  partial: Uint8Array;
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
  const postings = data.postings.map((p, i) => {
    const w = Math.log((n + 1) / (p.length + 1));
    idf[i] = w;
    idf2[i] = w * w;
    for (const d of p) norm[d]! += w * w;
    return Int32Array.from(p);
  });
  for (let d = 0; d < n; d++) norm[d] = Math.sqrt(norm[d]!) || 1;
  const docs = data.docs.map(([ref, labels, partial]): NeighbourDoc => ({
    ref,
    labels: Object.fromEntries(Object.entries(labels).map(([head, ls]) => [head, ls.map((i) => data.labels[head]![i]!)])),
    ...(partial ? { partial: true } : {}),
  }));
  const partial = Uint8Array.from(data.docs, ([, , p]) => p);
  return { ids: new Map(data.features.map((f, i) => [f, i])), idf, idf2, postings, norm, docs, partial, k: data.k, power: data.power };
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
 * The k nearest documents of a text (by its features) and the labels they carry in `head`, each
 * weighted by similarity^power: among all documents, and among the documents of full lists only (for
 * the full set of themes, where a cluster list's document, of which only one theme is known, would
 * count as saying "no" to the others). One pass over the postings for both.
 * @example
 * votes(index, analyzeText("Ratify OP-CAT").features, "cycle4").all.scores.get("ratification"); // ~1
 */
export function votes(index: NeighbourIndex, features: readonly string[], head: string): { all: NeighbourVote; full: NeighbourVote } {
  const n = index.docs.length;
  if (acc.length < n) {
    acc = new Float64Array(n);
    touched = new Int32Array(n);
  }
  const maxDf = Math.max(2, Math.floor(n * MAX_SHARE));
  let qn = 0;
  let count = 0;
  for (const f of features) {
    if (f.charCodeAt(0) === 94) continue; // lead features ("^v:ratify") are for the action model
    const i = index.ids.get(f);
    if (i === undefined) continue;
    const w2 = index.idf2[i]!;
    qn += w2;
    const p = index.postings[i]!;
    if (p.length > maxDf) continue;
    for (let j = 0; j < p.length; j++) {
      const d = p[j]!;
      if (acc[d] === 0) touched[count++] = d;
      acc[d]! += w2;
    }
  }
  const q = Math.sqrt(qn) || 1;
  const k = index.k;
  clear(allBest, k);
  clear(fullBest, k);
  for (let t = 0; t < count; t++) {
    const d = touched[t]!;
    const s = acc[d]! / (q * index.norm[d]!);
    acc[d] = 0;
    keepBest(allBest, k, d, s);
    if (!index.partial[d]) keepBest(fullBest, k, d, s);
  }
  return { all: tally(index, allBest, head), full: tally(index, fullBest, head) };
}

function clear(best: Best, k: number): void {
  if (best.d.length < k) {
    best.d = new Int32Array(k);
    best.s = new Float64Array(k);
  }
  best.size = 0;
}

// Insert into a list of the k best (most similar first; ties: earlier document first), kept in
// typed arrays; a document no better than the k-th of a full list is not inserted.
function keepBest(best: Best, k: number, d: number, s: number): void {
  const size = best.size;
  if (size === k && s <= best.s[k - 1]!) return;
  let at = size;
  while (at > 0 && (best.s[at - 1]! < s || (best.s[at - 1]! === s && best.d[at - 1]! > d))) at--;
  for (let j = Math.min(size, k - 1); j > at; j--) {
    best.s[j] = best.s[j - 1]!;
    best.d[j] = best.d[j - 1]!;
  }
  best.s[at] = s;
  best.d[at] = d;
  best.size = Math.min(size + 1, k);
}

function tally(index: NeighbourIndex, best: Best, head: string): NeighbourVote {
  const scores = new Map<string, number>();
  const nearest: { doc: NeighbourDoc; similarity: number }[] = [];
  let total = 0;
  for (let i = 0; i < best.size; i++) {
    const s = best.s[i]!;
    const doc = index.docs[best.d[i]!]!;
    nearest.push({ doc, similarity: s });
    const w = s ** index.power;
    total += w;
    for (const l of doc.labels[head] ?? []) scores.set(l, (scores.get(l) ?? 0) + w);
  }
  if (total > 0) for (const [l, v] of scores) scores.set(l, v / total);
  return { head, scores, nearest };
}
