// The four UHRI vocabularies (cycle4, cycle3, coded, numbered) of themes and groups of persons, and
// the crosswalk between them, as data (data/vocabularies.json, built by scripts/build-taxonomy.ts from
// the reviewed table in scripts/taxonomy/crosswalk.ts) with pure lookups. Browser-safe.
import { MatrixError } from "../errors/error.js";
import type { Vocabulary } from "../schema/recommendation.js";
import data from "./data/vocabularies.json" with { type: "json" };
import { normalizeKey } from "./normalize.js";

export type { Vocabulary } from "../schema/recommendation.js";

/** Themes or groups of persons. */
export type TermKind = "theme" | "person";

/** How a vocabulary's cell of the crosswalk is linked to its concept (see docs/taxonomy.md). */
export type LinkBasis = "same" | "renamed" | "inferred" | "assumed" | "nearest";

/** The confidence each basis gives a link; a link between two vocabularies takes the lower of its two cells. */
export const LINK_CONFIDENCE: Readonly<Record<LinkBasis, number>> = { same: 1, renamed: 0.8, inferred: 0.7, assumed: 0.5, nearest: 0.4 };

/** One label of one vocabulary. */
export interface Term {
  vocabulary: Vocabulary;
  kind: TermKind;
  /** Stable key: the code in `coded` ("A12") and `numbered` ("2.1"), the concept key in `cycle4` and `cycle3` ("ratification"). */
  key: string;
  name: string;
  /** Other spellings of the same term seen in real lists. */
  aliases: readonly string[];
  /** The v1 letter group (A B D E F G H S); null for groups of persons. */
  group: string | null;
  /** The v1 level (1-3) of a coded theme, the number of segments of a numbered one, else null. */
  level: number | null;
  /** False when no real list of this generation shows the label (its name is then assumed, see `sources`). */
  observed: boolean;
  sources: readonly string[];
}

/** A crosswalk link from a term to a term of another vocabulary. */
export interface CrosswalkLink {
  to: Term;
  /** one-to-one; split (the term maps to several); merged (several terms of the source vocabulary map to this one). */
  kind: "one-to-one" | "split" | "merged";
  /** 0..1: the lower of the two cells' confidences (a code folded into a concept counts 0.9 of its cell's). */
  confidence: number;
  /** Why, for each side: the bases of the two cells and their sources. */
  basis: readonly [LinkBasis, LinkBasis];
  source: string;
}

/** A vocabulary: its id, what it is and where it is used. */
export interface VocabularyInfo {
  id: Vocabulary;
  title: string;
  usedIn: string;
  example: string;
}

/**
 * The vocabularies, most recent first.
 * @example
 * VOCABULARIES.map((v) => v.id); // ["cycle4", "cycle3", "coded", "numbered"]
 */
export const VOCABULARIES: readonly VocabularyInfo[] = Object.freeze([
  { id: "cycle4", title: "Current UHRI names", usedIn: "4th-cycle lists (2022-2027) and lists issued since about 2021", example: "Ratification of & accession to international instruments" },
  { id: "cycle3", title: "UHRI names of 2020", usedIn: "3rd-cycle lists of about 2020", example: "Acceptance of international norms" },
  { id: "coded", title: "UHRI codes (v1)", usedIn: "2nd-cycle and early 3rd-cycle lists", example: "A12 Acceptance of international norms" },
  { id: "numbered", title: "Numbered list of 2014", usedIn: "the oldest lists (e.g. Egypt 2014)", example: "2.1. Acceptance of international norms" },
] as const);

const ORDER: readonly Vocabulary[] = ["cycle4", "cycle3", "coded", "numbered"];

/** A term as data/vocabularies.json holds it (written by scripts/build-taxonomy.ts). */
export interface TermData {
  key: string;
  name: string;
  /** Omitted when empty. */
  aliases?: string[];
  group: string | null;
  /** v1 level (1-3) of coded terms, the number of segments of numbered ones; omitted for names. */
  level?: number;
  observed: boolean;
  /** Indexes into VocabulariesData.sources. */
  sources: number[];
}
/** A crosswalk cell: the terms of one vocabulary a row's concept goes to, and why. */
export interface CellData {
  terms: string[];
  /** The link's confidence is LINK_CONFIDENCE[basis]. */
  basis: LinkBasis;
  /** Index into VocabulariesData.sources. */
  source: number;
  note?: string;
}
/** A crosswalk row: one concept, its cells in each vocabulary. */
export interface RowData {
  key: string;
  group: string | null;
  cells: Partial<Record<Vocabulary, CellData>>;
}
/** The terms and crosswalk rows of one kind (themes or persons). */
export interface KindData {
  terms: Record<Vocabulary, TermData[]>;
  rows: RowData[];
}
/** data/vocabularies.json. */
export interface VocabulariesData {
  /** Every source named by a term or a link, once. */
  sources: string[];
  themes: KindData;
  persons: KindData;
}

interface Index {
  terms: Record<Vocabulary, readonly Term[]>;
  byKey: Record<Vocabulary, Map<string, Term>>;
  byName: Record<Vocabulary, Map<string, Term>>;
  rows: readonly RowData[];
  /** vocabulary + term key → the rows it appears in, with its position in the cell (0 = the concept's own term). */
  rowsOf: Map<string, { row: RowData; at: number }[]>;
  byRow: Map<string, RowData>;
}

const indexes: Partial<Record<TermKind, Index>> = {};

function codeKey(code: string): string {
  return code.replace(/\s+/g, "").replace(/\.$/, "").toUpperCase();
}

function index(kind: TermKind): Index {
  const known = indexes[kind];
  if (known) return known;
  const d = (kind === "theme" ? data.themes : data.persons) as unknown as KindData;
  const terms = {} as Record<Vocabulary, readonly Term[]>;
  const byKey = {} as Record<Vocabulary, Map<string, Term>>;
  const byName = {} as Record<Vocabulary, Map<string, Term>>;
  for (const v of ORDER) {
    const list = d.terms[v].map(
      (t): Term =>
        Object.freeze({
          vocabulary: v,
          kind,
          key: t.key,
          name: t.name,
          aliases: Object.freeze([...(t.aliases ?? [])]),
          group: t.group,
          level: t.level ?? null,
          observed: t.observed,
          sources: Object.freeze(t.sources.map((i) => data.sources[i]!)),
        }),
    );
    terms[v] = Object.freeze(list);
    byKey[v] = new Map(list.map((t) => [kind === "theme" && (v === "coded" || v === "numbered") ? codeKey(t.key) : t.key, t]));
    // A name shared by two codes (v1 "B3"/"B31") names the more specific one.
    const names = new Map<string, Term>();
    for (const t of [...list].sort((a, b) => (b.level ?? 0) - (a.level ?? 0))) {
      for (const label of [t.name, ...t.aliases]) {
        const k = normalizeKey(label);
        if (k && !names.has(k)) names.set(k, t);
      }
    }
    byName[v] = names;
  }
  const rowsOf = new Map<string, { row: RowData; at: number }[]>();
  for (const row of d.rows) {
    for (const v of ORDER) {
      row.cells[v]?.terms.forEach((key, at) => {
        const id = `${v}:${key}`;
        const list = rowsOf.get(id) ?? [];
        list.push({ row, at });
        rowsOf.set(id, list);
      });
    }
  }
  const built: Index = { terms, byKey, byName, rows: d.rows, rowsOf, byRow: new Map(d.rows.map((r) => [r.key, r])) };
  indexes[kind] = built;
  return built;
}

/**
 * Every term of a vocabulary.
 * @example
 * vocabularyTerms("cycle4").find((t) => t.key === "ratification")?.name; // "Ratification of & accession to international instruments"
 */
export function vocabularyTerms(vocabulary: Vocabulary, kind: TermKind = "theme"): readonly Term[] {
  return index(kind).terms[vocabulary];
}

/**
 * The term of a vocabulary with this key (a code in `coded` and `numbered`).
 * @example
 * termByKey("coded", "a12")?.name; // "Acceptance of international norms"
 */
export function termByKey(vocabulary: Vocabulary, key: string, kind: TermKind = "theme"): Term | undefined {
  const ix = index(kind);
  return ix.byKey[vocabulary].get(kind === "theme" && (vocabulary === "coded" || vocabulary === "numbered") ? codeKey(key) : key);
}

// Label forms of matrices: "Theme: A12 ...", "Right or area: 2.1. ...", "A12 ...", "2.1. ...", "- name".
const HEADER = /^\s*(?:theme|themes|th[eè]me|tema|right or area)\s*:\s*/i;
const V1_CODED = /^([A-HS]\d{1,2}|S)(?:\s+|\s*[-.:]\s+)(\S.*)$/;
const NUMBERED = /^(\d{1,2}(?:\.\d{1,2})?)(?:\.\s*|\s+)(\D.*)$/;
const CODE_ONLY = /^(?:[A-HS]\d{0,2}|\d{1,2}(?:\.\d{1,2})?)\.?$/i;

function bare(label: string): string {
  return label.replace(HEADER, "").replace(/^[\s\-–—•*·]+/, "").trim();
}

/** The label split into a code (when it carries one) and a name. */
function parseLabel(label: string | { code?: string | null; name: string }): { code: string | null; name: string } {
  if (typeof label !== "string") return { code: label.code ?? null, name: bare(label.name) };
  const text = bare(label);
  if (CODE_ONLY.test(text)) return { code: text, name: "" };
  const m = V1_CODED.exec(text) ?? NUMBERED.exec(text);
  return m ? { code: m[1]!, name: m[2]!.trim() } : { code: null, name: text };
}

function byCodeIn(v: "coded" | "numbered", code: string): Term | undefined {
  const t = index("theme").byKey[v].get(codeKey(code));
  return t;
}

function isOwnName(t: Term, key: string): boolean {
  return [t.name, ...t.aliases].some((n) => normalizeKey(n) === key);
}

function isNumberedCode(code: string): boolean {
  return /^\d/.test(code.trim());
}

/**
 * Options of findTerm. A plain type checked by hand, unlike the other options: the taxonomy entry has
 * no zod (88 KiB and 3 MB of heap for two fields).
 */
export interface FindTermOptions {
  /** "theme" (default) or "person" (groups of persons). */
  kind?: TermKind;
  /** Look the label up in this vocabulary only. */
  vocabulary?: Vocabulary;
}

/**
 * The term a label names, in any vocabulary or in the one given: "A12 Acceptance of international
 * norms", "Theme: Ratification of & accession to international instruments", "2.1. ...", "- Women &
 * girls", a code alone, or `{ code, name }` as a theme label carries them. Without a vocabulary, a
 * code decides (coded or numbered), else the name is looked up in cycle4, cycle3, coded, numbered order.
 * @example
 * findTerm("A12 Acceptance of international norms")?.vocabulary; // "coded"
 * findTerm("Acceptance of international norms")?.vocabulary; // "cycle3"
 * findTerm("Women & girls", { kind: "person" })?.key; // "women"
 */
export function findTerm(label: string | { code?: string | null; name: string }, options: FindTermOptions = {}): Term | undefined {
  const o: FindTermOptions = options ?? {};
  const bad = [
    o.kind !== undefined && o.kind !== "theme" && o.kind !== "person" ? `kind: must be "theme" or "person", not ${JSON.stringify(o.kind)}` : "",
    o.vocabulary !== undefined && !ORDER.includes(o.vocabulary) ? `vocabulary: must be one of ${ORDER.join(", ")}, not ${JSON.stringify(o.vocabulary)}` : "",
  ].filter(Boolean);
  if (bad.length) throw new MatrixError("invalid-options", `findTerm: invalid options: ${bad.join("; ")}.`);
  return lookUpTerm(label, o);
}

/**
 * findTerm without checking its options, for the package's own loops (they pass valid ones).
 * @example
 * lookUpTerm("Women & girls", { kind: "person" })?.key; // "women"
 */
export function lookUpTerm(label: string | { code?: string | null; name: string }, options: FindTermOptions = {}): Term | undefined {
  const kind = options.kind ?? "theme";
  const ix = index(kind);
  const { code, name } = kind === "theme" ? parseLabel(label) : { code: null, name: bare(typeof label === "string" ? label : label.name) };
  const key = normalizeKey(name);
  const want = options.vocabulary;
  if (code && kind === "theme") {
    const v = isNumberedCode(code) ? "numbered" : "coded";
    const t = byCodeIn(v, code);
    if (t && (want === v || (!want && (!key || isOwnName(t, key))))) return t;
    // Readers give uncoded labels the v1 code they map to: then the name decides.
    if (t && !want) return ORDER.map((o) => ix.byName[o].get(key)).find((x) => x !== undefined) ?? t;
  }
  if (!key) return undefined;
  if (want) return ix.byName[want].get(key);
  for (const v of ORDER) {
    const t = ix.byName[v].get(key);
    if (t) return t;
  }
  return undefined;
}

function rowTerm(kind: TermKind, row: RowData, v: Vocabulary, at = 0): Term | undefined {
  const key = row.cells[v]?.terms[at];
  return key === undefined ? undefined : termByKey(v, key, kind);
}

function cellConfidence(cell: CellData, at: number): number {
  return (LINK_CONFIDENCE[cell.basis] ?? 0) * (at === 0 ? 1 : 0.9);
}

/**
 * Where a term goes in another vocabulary: every term of that vocabulary that names one of its
 * concepts, strongest link first, each with its kind (one-to-one, split, merged), confidence and source.
 * A term maps to itself in its own vocabulary.
 * @example
 * mapTerm(findTerm("A12 Acceptance of international norms")!, "cycle4")[0]?.to.name; // "Ratification of & accession to international instruments"
 * mapTerm(findTerm("Labour rights and right to work")!, "coded").map((l) => l.to.key); // ["E31", "E3", "E32", "E33"] (split)
 */
export function mapTerm(term: Term, to: Vocabulary): CrosswalkLink[] {
  const id = `${term.kind}:${term.vocabulary}:${term.key}>${to}`;
  let links = mapped.get(id);
  if (!links) {
    links = Object.freeze(linksOf(term, to)) as CrosswalkLink[];
    mapped.set(id, links);
  }
  return [...links];
}

// Links are few and asked for again and again (classify names every label through them): made once.
const mapped = new Map<string, readonly CrosswalkLink[]>();

function linksOf(term: Term, to: Vocabulary): CrosswalkLink[] {
  if (term.vocabulary === to) {
    return [{ to: term, kind: "one-to-one", confidence: 1, basis: ["same", "same"], source: term.sources[0] ?? "" }];
  }
  const ix = index(term.kind);
  const found = new Map<string, { to: Term; confidence: number; home: number; basis: [LinkBasis, LinkBasis]; source: string; order: number }>();
  let order = 0;
  for (const { row, at } of ix.rowsOf.get(`${term.vocabulary}:${term.key}`) ?? []) {
    const from = row.cells[term.vocabulary]!;
    const target = row.cells[to];
    if (!target) continue;
    target.terms.forEach((key, j) => {
      const t = termByKey(to, key, term.kind);
      if (!t) return;
      const confidence = Math.round(Math.min(cellConfidence(from, at), cellConfidence(target, j)) * 1000) / 1000;
      const prev = found.get(t.key);
      if (prev && prev.confidence >= confidence) return;
      const note = [from.note, target.note].filter(Boolean).join("; ");
      found.set(t.key, {
        to: t,
        confidence,
        home: cellConfidence(from, at),
        basis: [from.basis as LinkBasis, target.basis as LinkBasis],
        source: `${term.vocabulary}: ${data.sources[from.source]}; ${to}: ${data.sources[target.source]}${note ? `; ${note}` : ""}`,
        order: prev?.order ?? order++,
      });
    });
  }
  // Ties: the row where the term is most itself (its own concept) first.
  const list = [...found.values()].sort((a, b) => b.confidence - a.confidence || b.home - a.home || a.order - b.order);
  return list.map((l) => {
    let kind: CrosswalkLink["kind"] = "one-to-one";
    if (list.length > 1) kind = "split";
    else if (backCount(l.to, term.vocabulary) > 1) kind = "merged";
    return { to: l.to, kind, confidence: l.confidence, basis: l.basis, source: l.source };
  });
}

// How many terms of `vocabulary` a term is linked to (without building the links).
function backCount(term: Term, vocabulary: Vocabulary): number {
  const ix = index(term.kind);
  const keys = new Set<string>();
  for (const { row } of ix.rowsOf.get(`${term.vocabulary}:${term.key}`) ?? []) for (const k of row.cells[vocabulary]?.terms ?? []) keys.add(k);
  return keys.size;
}

/**
 * The term of another vocabulary a term maps to most strongly (see mapTerm), or undefined.
 * @example
 * termIn(findTerm("Ratification of & accession to international instruments")!, "cycle3")?.name; // "Acceptance of international norms"
 */
export function termIn(term: Term, to: Vocabulary): Term | undefined {
  if (term.vocabulary === to) return term;
  const id = `${term.kind}:${term.vocabulary}:${term.key}>${to}`;
  return (mapped.get(id) ?? mapTerm(term, to))[0]?.to;
}

/**
 * The concept a term stands for: the key of the crosswalk row where its link is strongest. cycle4
 * and cycle3 terms are keyed by their concept already; `coded` "A12" → "ratification".
 * @example
 * conceptOf(findTerm("2.1. Acceptance of international norms")!); // "ratification"
 */
export function conceptOf(term: Term): string | null {
  const rows = index(term.kind).rowsOf.get(`${term.vocabulary}:${term.key}`) ?? [];
  let best: { key: string; c: number } | null = null;
  for (const { row, at } of rows) {
    const c = cellConfidence(row.cells[term.vocabulary]!, at);
    if (!best || c > best.c) best = { key: row.key, c };
  }
  return best?.key ?? null;
}

/**
 * The term that names a concept in a vocabulary (the first term of its crosswalk cell).
 * @example
 * nameIn("ratification", "coded")?.key; // "A12"
 * nameIn("women", "cycle4", "person")?.name; // "Women & girls"
 */
export function nameIn(concept: string, vocabulary: Vocabulary, kind: TermKind = "theme"): Term | undefined {
  const row = index(kind).byRow.get(concept);
  return row ? rowTerm(kind, row, vocabulary) : undefined;
}

/** What detectVocabulary found. */
export interface VocabularyGuess {
  /** The vocabulary with the most labels only it has (ties: the most labels it knows, then the most recent); null when none is known. */
  vocabulary: Vocabulary | null;
  /** Labels each vocabulary knows. */
  known: Record<Vocabulary, number>;
  /** Labels only that vocabulary knows. */
  distinctive: Record<Vocabulary, number>;
  /** Labels no vocabulary knows. */
  unknown: number;
}

function vocabulariesOf(label: string | { code?: string | null; name: string }, kind: TermKind): Vocabulary[] {
  const ix = index(kind);
  const { code, name } = kind === "theme" ? parseLabel(label) : { code: null, name: bare(typeof label === "string" ? label : label.name) };
  const key = normalizeKey(name);
  const out: Vocabulary[] = [];
  if (code && kind === "theme") {
    const v = isNumberedCode(code) ? "numbered" : "coded";
    const t = byCodeIn(v, code);
    // Written with its code ("A12 Acceptance ..."): the label is in that vocabulary.
    if (t && typeof label === "string") return [v];
    // The code counts when the name is its own (or absent): readers give uncoded labels the v1 code they map to.
    if (t && (!key || isOwnName(t, key))) out.push(v);
    else if (t && !ORDER.some((o) => o !== v && ix.byName[o].has(key))) out.push(v);
  }
  // Coded lists print theme codes, so a bare theme name is not coded; their persons are bare names. (The
  // 2014 list names persons as v1 does: its themes decide.)
  const byName: readonly Vocabulary[] = kind === "theme" ? ["cycle4", "cycle3"] : ["cycle4", "cycle3", "coded"];
  if (key) for (const v of byName) if (ix.byName[v].has(key)) out.push(v);
  return out;
}

/**
 * The vocabulary a set of labels is written in: each label counts for every vocabulary that has it,
 * and the labels only one vocabulary has decide ("Ratification of & accession ..." is cycle4 only,
 * "Right to work and to just & favorable conditions ..." cycle3 only, "A42 Institutions & policies -
 * General" coded only).
 * @example
 * detectVocabulary(["Theme: A12 Acceptance of international norms", "D23 Death penalty"]).vocabulary; // "coded"
 * detectVocabulary([{ code: "A12", name: "Ratification of & accession to international instruments" }]).vocabulary; // "cycle4"
 */
export function detectVocabulary(labels: Iterable<string | { code?: string | null; name: string }>, kind: TermKind = "theme"): VocabularyGuess {
  const known = { cycle4: 0, cycle3: 0, coded: 0, numbered: 0 };
  const distinctive = { cycle4: 0, cycle3: 0, coded: 0, numbered: 0 };
  let unknown = 0;
  for (const label of labels) {
    const vs = vocabulariesOf(label, kind);
    if (vs.length === 0) unknown++;
    for (const v of vs) known[v]++;
    if (vs.length === 1) distinctive[vs[0]!]++;
  }
  let best: Vocabulary | null = null;
  for (const v of ORDER) {
    if (known[v] === 0) continue;
    if (!best || distinctive[v] > distinctive[best] || (distinctive[v] === distinctive[best] && known[v] > known[best])) best = v;
  }
  return { vocabulary: best, known, distinctive, unknown };
}
