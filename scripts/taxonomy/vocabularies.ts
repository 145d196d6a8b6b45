// Build src/taxonomy/data/vocabularies.json: the four vocabularies (terms with their names, variants,
// group, whether a real list shows them, sources) and the crosswalk rows of scripts/taxonomy/crosswalk.ts,
// checked against the label lists. Called by scripts/build-taxonomy.ts.
import { normalizeKey } from "../../src/taxonomy/normalize.js";
import { LINK_CONFIDENCE, type CellData, type KindData, type LinkBasis, type RowData, type TermData, type VocabulariesData } from "../../src/taxonomy/vocabularies.js";
import {
  NUMBERED_PERSONS,
  NUMBERED_PERSONS_SOURCE,
  PERSON_ROWS,
  PERSON_VARIANTS,
  RENAMES_SOURCE,
  THEME_ROWS,
  THEME_VARIANTS,
  type Cell,
} from "./crosswalk.js";

const VOCABULARIES = ["cycle4", "cycle3", "coded", "numbered"] as const;
type Vocab = (typeof VOCABULARIES)[number];

/** The fields of themes.json / persons.json entries this build reads. */
export interface ThemeEntry {
  code: string | null;
  name: string;
  level: number | null;
  taxonomy: string;
  top: string;
  aliases: string[];
  confirmed: boolean;
  observedIn: string[];
  sources: string[];
}
export interface PersonEntry {
  name: string;
  lists: string[];
  aliases: string[];
  sources: string[];
}

const ASSUMED = "not seen in a list of this generation: the name is assumed unchanged (scripts/taxonomy/crosswalk.ts)";
const NEAREST = "no counterpart in this vocabulary: the nearest label (scripts/taxonomy/crosswalk.ts)";
const BY_MEANING = "by meaning, no list shows the two labels side by side (scripts/taxonomy/crosswalk.ts)";

function cellSource(basis: LinkBasis, termSources: readonly string[]): string {
  switch (basis) {
    case "same":
      return termSources[0] ?? "the same label";
    case "renamed":
      return RENAMES_SOURCE;
    case "inferred":
      return BY_MEANING;
    case "assumed":
      return ASSUMED;
    case "nearest":
      return NEAREST;
  }
}

interface Known {
  /** normalised name or code → the entry's data */
  byKey: Map<string, { name: string; aliases: string[]; observed: boolean; sources: string[]; level: number | null; group: string | null }>;
}

function build(
  kind: "theme" | "person",
  rows: readonly { key: string; group?: string; cycle4: Cell; cycle3: Cell; coded: Cell; numbered: Cell | null }[],
  known: Record<Vocab, Known>,
  variants: readonly (readonly [Vocab, string, string, string])[],
  intern: (source: string) => number,
  fail: (m: string) => never,
): KindData {
  const coded = (v: Vocab) => kind === "theme" && (v === "coded" || v === "numbered");
  const keyOf = (v: Vocab, t: string) => (coded(v) ? t.replace(/\.$/, "").toUpperCase() : normalizeKey(t));
  // Home row of each term: the row where its link is strongest (first such row on a tie).
  const home = new Map<string, { row: string; confidence: number }>();
  const rowKeys = new Set<string>();
  for (const r of rows) {
    if (rowKeys.has(r.key)) fail(`${kind} crosswalk: duplicate row ${r.key}`);
    rowKeys.add(r.key);
    for (const v of VOCABULARIES) {
      const cell = r[v];
      if (!cell) continue;
      if (!coded(v) && cell.terms.length !== 1) fail(`${kind} crosswalk ${r.key}: a ${v} cell names exactly one term`);
      cell.terms.forEach((t, i) => {
        const info = known[v].byKey.get(keyOf(v, t));
        if (!info) fail(`${kind} crosswalk ${r.key}: ${v} term "${t}" is in no list of that vocabulary`);
        if (i === 0) {
          const seen = info.observed;
          if ((cell.basis === "same" || cell.basis === "renamed") && !seen) fail(`${kind} crosswalk ${r.key}: ${v} "${t}" is "${cell.basis}" but no real list shows it`);
          if (cell.basis === "assumed" && seen) fail(`${kind} crosswalk ${r.key}: ${v} "${t}" is "assumed" but a real list shows it`);
        }
        const id = `${v}\u0000${keyOf(v, t)}`;
        const conf = LINK_CONFIDENCE[cell.basis] * (i === 0 ? 1 : 0.9);
        const h = home.get(id);
        if (!h || conf > h.confidence) home.set(id, { row: r.key, confidence: conf });
      });
    }
  }
  // Terms: every term of every list must be reachable from a row (level-1 group letters aside).
  const terms = {} as Record<Vocab, (Omit<TermData, "sources" | "aliases" | "level"> & { aliases: string[]; level: number | null; sources: string[] })[]>;
  const variantKeys = new Set(variants.map(([v, , variant]) => `${v}\u0000${keyOf(v, variant)}`));
  const termKey = (v: Vocab, t: string): string => (coded(v) ? keyOf(v, t) : home.get(`${v}\u0000${keyOf(v, t)}`)!.row);
  for (const v of VOCABULARIES) {
    const out: (typeof terms)[Vocab] = [];
    const taken = new Set<string>();
    for (const [k, info] of known[v].byKey) {
      const id = `${v}\u0000${k}`;
      if (!home.has(id)) {
        if (variantKeys.has(id)) continue;
        if (info.observed && !(coded(v) && info.level === 1)) fail(`${kind} ${v} term "${info.name}" is in no crosswalk row`);
        continue;
      }
      const key = coded(v) ? k : termKey(v, info.name);
      if (taken.has(key)) fail(`${kind} ${v}: two terms share the key ${key}`);
      taken.add(key);
      const row = rows.find((r) => r.key === home.get(id)!.row)!;
      out.push({
        key,
        name: info.name,
        aliases: [...info.aliases],
        group: info.group ?? row.group ?? null,
        level: info.level,
        observed: info.observed,
        sources: info.observed ? [...info.sources] : [ASSUMED],
      });
    }
    // Group letters (A, B, ...) of the coded vocabulary are kept as terms: they name the groups.
    if (kind === "theme" && v === "coded") {
      for (const [k, info] of known[v].byKey) {
        if (info.level !== 1 || taken.has(k)) continue;
        out.push({ key: k, name: info.name, aliases: [...info.aliases], group: info.group, level: 1, observed: info.observed, sources: [...info.sources] });
      }
    }
    terms[v] = out;
  }
  for (const [v, term, variant, source] of variants) {
    const t = terms[v].find((x) => normalizeKey(x.name) === normalizeKey(term));
    if (!t) fail(`${kind} variant of unknown ${v} term "${term}"`);
    if (!t.aliases.some((a) => normalizeKey(a) === normalizeKey(variant))) t.aliases.push(variant);
    if (!t.sources.includes(source)) t.sources.push(source);
  }
  // Names vocabularies: a label names one term. (v1 reuses names across levels, "B3"/"B31": codes decide.)
  for (const v of VOCABULARIES) {
    if (coded(v)) continue;
    const owner = new Map<string, string>();
    for (const t of terms[v]) {
      for (const label of [t.name, ...t.aliases]) {
        const k = normalizeKey(label);
        const prev = owner.get(k);
        if (prev && prev !== t.key) fail(`${kind} ${v}: "${label}" names both ${prev} and ${t.key}`);
        owner.set(k, t.key);
      }
    }
  }
  for (const v of VOCABULARIES) terms[v].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const outRows: RowData[] = rows.map((r) => {
    const cells: Partial<Record<Vocab, CellData>> = {};
    for (const v of VOCABULARIES) {
      const cell = r[v];
      if (!cell) continue;
      const first = known[v].byKey.get(keyOf(v, cell.terms[0]!))!;
      cells[v] = {
        terms: cell.terms.map((t) => termKey(v, t)),
        basis: cell.basis,
        source: intern(cellSource(cell.basis, first.observed ? first.sources : [])),
        ...(cell.note ? { note: cell.note } : {}),
      };
    }
    return { key: r.key, group: r.group ?? null, cells };
  });
  const out = {} as Record<Vocab, TermData[]>;
  for (const v of VOCABULARIES) {
    out[v] = terms[v].map(({ aliases, level, ...t }) => ({
      ...t,
      ...(aliases && aliases.length > 0 ? { aliases } : {}),
      ...(level !== null && level !== undefined ? { level } : {}),
      sources: t.sources.map(intern),
    }));
  }
  return { terms: out, rows: outRows };
}

function knownFrom(entries: Iterable<[string, { name: string; aliases: string[]; observed: boolean; sources: string[]; level: number | null; group: string | null }]>): Known {
  return { byKey: new Map(entries) };
}

/**
 * The vocabularies and the crosswalk, checked against the generated label lists and the cycle4 names of
 * the corpus' cluster lists.
 * @example
 * const data = buildVocabularies(themes, persons, clusterLabels, fail);
 */
export function buildVocabularies(
  themes: readonly ThemeEntry[],
  persons: readonly PersonEntry[],
  clusterLabels: ReadonlyMap<string, string>,
  fail: (m: string) => never,
): VocabulariesData {
  const isCycle4 = (t: ThemeEntry) =>
    t.taxonomy === "uhri-2025" || t.observedIn.some((o) => o.startsWith("2025") || o.startsWith("2024-25")) || clusterLabels.has(normalizeKey(t.name));
  const cycle4: [string, ThemeEntry][] = [];
  const cycle3: [string, ThemeEntry][] = [];
  const codedT: [string, ThemeEntry][] = [];
  const numbered: [string, ThemeEntry][] = [];
  for (const t of themes) {
    if (t.taxonomy === "uhri-v1-coded") codedT.push([t.code!, t]);
    else if (t.taxonomy === "uhri-numbered-2014") numbered.push([t.code!, t]);
    else {
      if (t.taxonomy === "uhri-2020") cycle3.push([normalizeKey(t.name), t]);
      if (isCycle4(t)) cycle4.push([normalizeKey(t.name), t]);
    }
  }
  const seenCluster = new Set([...cycle4.map(([k]) => k)]);
  const byName = (list: [string, ThemeEntry][], observed: boolean) =>
    list.map(([k, t]): [string, { name: string; aliases: string[]; observed: boolean; sources: string[]; level: number | null; group: string | null }] => [
      k,
      { name: t.name, aliases: [...t.aliases], observed, sources: [...t.sources], level: null, group: t.top },
    ]);
  const themeKnown: Record<Vocab, Known> = {
    cycle4: knownFrom(byName(cycle4, true)),
    cycle3: knownFrom(byName(cycle3, true)),
    coded: knownFrom(codedT.map(([code, t]) => [code, { name: t.name, aliases: [...t.aliases], observed: t.confirmed, sources: [...t.sources], level: t.level, group: t.top }])),
    numbered: knownFrom(numbered.map(([code, t]) => [code, { name: t.name, aliases: [], observed: true, sources: [...t.sources], level: t.level, group: t.top }])),
  };
  // Cluster labels of the corpus that are no uncoded label of the theme list ("Freedom of association",
  // "Right to food" are v1 names; "Land & property rights" is new): cycle4 terms as the lists spell them.
  for (const [label, spelled] of clusterLabels) {
    if (seenCluster.has(label) || THEME_VARIANTS.some(([v, , variant]) => v === "cycle4" && normalizeKey(variant) === label)) continue;
    const row = THEME_ROWS.find((r) => normalizeKey(r.cycle4.terms[0]!) === label);
    if (!row) fail(`corpus cluster label "${label}" is in no crosswalk row`);
    themeKnown.cycle4.byKey.set(label, {
      name: spelled,
      aliases: [],
      observed: true,
      sources: ["../shared/corpus/uhri-clusters-3rd-cycle (OHCHR cluster headings of the US, Denmark, Namibia and Paraguay lists)"],
      level: null,
      group: row.group,
    });
  }
  // Terms no real list shows: named by the row (assumed names).
  const addAssumed = (known: Record<Vocab, Known>, rows: readonly { key: string; group?: string; cycle4: Cell; cycle3: Cell }[]) => {
    for (const r of rows) {
      for (const v of ["cycle4", "cycle3"] as const) {
        const cell = r[v];
        const k = normalizeKey(cell.terms[0]!);
        if (cell.basis === "assumed" && !known[v].byKey.has(k)) {
          known[v].byKey.set(k, { name: cell.terms[0]!, aliases: [], observed: false, sources: [], level: null, group: r.group ?? null });
        }
      }
    }
  };
  addAssumed(themeKnown, THEME_ROWS);

  const listed = (list: string, observed = true) =>
    persons
      .filter((p) => p.lists.includes(list))
      .map((p): [string, { name: string; aliases: string[]; observed: boolean; sources: string[]; level: null; group: null }] => [
        normalizeKey(p.name),
        { name: p.name, aliases: [...p.aliases], observed, sources: [...p.sources], level: null, group: null },
      ]);
  const personKnown: Record<Vocab, Known> = {
    cycle4: knownFrom(listed("uhri-2025-groups-of-persons")),
    cycle3: knownFrom(listed("uhri-2020")),
    coded: knownFrom(listed("uhri-v1")),
    // The 2014 list names persons as v1 does, plus names of its own; those the Egypt list shows are observed.
    numbered: knownFrom([
      ...listed("uhri-v1").map(([k, info]): [string, typeof info] => [k, { ...info, observed: false, sources: [] }]),
      ...NUMBERED_PERSONS.map((name): [string, { name: string; aliases: string[]; observed: boolean; sources: string[]; level: null; group: null }] => {
        const p = persons.find((x) => normalizeKey(x.name) === normalizeKey(name));
        if (!p) fail(`2014 person "${name}" is not in persons.json`);
        return [normalizeKey(name), { name: p.name, aliases: [...p.aliases], observed: true, sources: [NUMBERED_PERSONS_SOURCE], level: null, group: null }];
      }),
    ]),
  };
  // Rows without a 2014 cell: the v1 name, as the 2014 list would print it.
  const personRows = PERSON_ROWS.map((r) => {
    if (r.numbered) return r;
    const t = personKnown.numbered.byKey.get(normalizeKey(r.coded.terms[0]!));
    const basis: LinkBasis = r.coded.basis === "nearest" ? "nearest" : t?.observed ? r.coded.basis : "assumed";
    return { ...r, numbered: { terms: r.coded.terms, basis } };
  });
  addAssumed(personKnown, personRows);

  const sources: string[] = [];
  const index = new Map<string, number>();
  const intern = (source: string): number => {
    let i = index.get(source);
    if (i === undefined) {
      i = sources.push(source) - 1;
      index.set(source, i);
    }
    return i;
  };
  const themesOut = build("theme", THEME_ROWS, themeKnown, THEME_VARIANTS, intern, fail);
  const personsOut = build("person", personRows, personKnown, PERSON_VARIANTS, intern, fail);
  return { sources, themes: themesOut, persons: personsOut };
}
