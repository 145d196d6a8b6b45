// The primary theme a recommendation sits under in an OHCHR matrix (its theme header row, else its first
// theme, else its first UPR Info issue), and the order matrices show themes in. The filled matrix and the
// skeletons' annex keep this OHCHR layout; reports and skeleton bodies use plain-language clusters
// (clusters.ts) instead.
import { compareParagraphIds } from "../schema/key.js";
import type { Recommendation } from "../schema/recommendation.js";
import type { Language } from "../schema/source.js";
import { findTheme, themeByCode, topLevelName, topLevelOf, type Theme } from "../taxonomy/index.js";
import { fold } from "../internal/text.js";
import { messagesFor } from "../i18n/index.js";

/** A primary theme as matrices show it: the theme, its v1 letter group and that group's name. */
export interface ThemeRef {
  /** Stable identity: `code:A12`, `name:<folded name>`, `issue:<folded issue>`, or "" for recommendations without any theme. */
  key: string;
  code: string | null;
  /** The theme name as the file gives it; "" without any theme. */
  name: string;
  /** UHRI v1 letter group ("A" ... "H", "S"), or null when the theme is not in the taxonomy. */
  top: string | null;
  topName: string | null;
}

const TOP_ORDER = ["A", "B", "D", "E", "F", "G", "H", "S"];

const NONE: ThemeRef = Object.freeze({ key: "", code: null, name: "", top: null, topName: null });

/**
 * The taxonomy entry of a theme given by code and/or name, in any generation of the UHRI lists.
 * @example
 * lookupTheme("A12", "Acceptance of international norms")?.top; // "A"
 */
export function lookupTheme(code: string | null, name: string): Theme | undefined {
  return (code ? themeByCode(code) : undefined) ?? findTheme(name) ?? (code ? findTheme(`${code} ${name}`) : undefined);
}

/**
 * The theme a recommendation sits under in a matrix: its theme header row, else its first theme, else
 * (UPR Info exports) its first UPR Info issue.
 * @example
 * primaryThemeOf(rec); // { key: "code:A12", code: "A12", name: "Acceptance of international norms", top: "A", topName: "..." }
 */
export function primaryThemeOf(rec: Pick<Recommendation, "cluster" | "themes"> & { issues?: Recommendation["issues"] }): ThemeRef {
  const c = rec.cluster ?? rec.themes[0] ?? null;
  if (!c || (!c.code && !c.name.trim())) {
    const issue = rec.issues?.[0]?.name.trim();
    return issue ? { key: `issue:${fold(issue)}`, code: null, name: issue, top: null, topName: null } : NONE;
  }
  const theme = lookupTheme(c.code, c.name);
  const top = theme ? topLevelOf(theme) : null;
  return {
    key: c.code ? `code:${c.code.toUpperCase()}` : `name:${fold(c.name)}`,
    code: c.code,
    name: c.name,
    top,
    topName: top ? (topLevelName(top) ?? null) : null,
  };
}

/** Where a theme sorts: its letter group, then its code (v1 codes as strings, numbered codes by number). */
function sortCode(ref: ThemeRef): string | null {
  if (ref.code) return ref.code.toUpperCase();
  const t = ref.name ? findTheme(ref.name) : undefined;
  return t?.legacyCode ?? t?.code ?? null;
}

function compareCodes(a: string, b: string): number {
  const numbered = /^\d+(?:\.\d+)*$/;
  if (numbered.test(a) && numbered.test(b)) return compareParagraphIds(a, b);
  // v1 codes are hierarchical digit by digit ("A12" is under "A1", before "A5"): plain string order.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One theme with its items, in matrix order. */
export interface ThemeGroup<T> {
  theme: ThemeRef;
  items: T[];
}

/**
 * Group items by primary theme, merging a theme that appears twice (the supported and the noted block of
 * a matrix), ordered by letter group, then code, then first appearance; "without theme" comes last.
 * @example
 * groupByTheme(recs, (r) => r).map((g) => g.theme.code); // ["A12", "A22", "B31", ...]
 */
export function groupByTheme<T>(items: readonly T[], recOf: (item: T) => Pick<Recommendation, "cluster" | "themes" | "issues">): ThemeGroup<T>[] {
  const groups = new Map<string, ThemeGroup<T> & { first: number; sort: string | null }>();
  items.forEach((item, i) => {
    const ref = primaryThemeOf(recOf(item));
    let g = groups.get(ref.key);
    if (!g) {
      g = { theme: ref, items: [], first: i, sort: sortCode(ref) };
      groups.set(ref.key, g);
    }
    g.items.push(item);
  });
  const rank = (g: ThemeGroup<T>) => {
    if (g.theme.key === "") return TOP_ORDER.length + 2;
    const i = g.theme.top ? TOP_ORDER.indexOf(g.theme.top) : -1;
    return i === -1 ? TOP_ORDER.length + 1 : i;
  };
  const sorted = [...groups.values()].sort((a, b) => {
    const r = rank(a) - rank(b);
    if (r !== 0) return r;
    if (a.sort && b.sort) {
      const c = compareCodes(a.sort, b.sort);
      if (c !== 0) return c;
    } else if (a.sort || b.sort) return a.sort ? -1 : 1;
    return a.first - b.first;
  });
  return sorted.map(({ theme, items: list }) => ({ theme, items: list }));
}

/**
 * The display name of a theme ("A12 Acceptance of international norms"), or "Without theme" in the language.
 * @example
 * themeTitle(group.theme, "en"); // "A12 Acceptance of international norms"
 */
export function themeTitle(theme: Pick<ThemeRef, "key" | "code" | "name">, lang: Language): string {
  if (theme.key === "") return messagesFor(lang).unclustered;
  return theme.code && !theme.name.startsWith(theme.code) ? `${theme.code} ${theme.name}` : theme.name || (theme.code ?? "");
}
