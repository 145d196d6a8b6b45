// Which cluster a recommendation is reported under, and the order clusters are shown in.
// The cluster is the matrix's theme header row (Recommendation.cluster); without one, the first theme.
import type { Recommendation } from "../schema/recommendation.js";
import { findTheme, themeByCode, topLevelName, topLevelOf, type Theme } from "../taxonomy/index.js";
import { fold } from "../internal/text.js";
import { compareNumbered } from "../internal/codes.js";

/** A cluster as reports show it: the theme, its v1 letter group and that group's name. */
export interface ClusterRef {
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

const NONE: ClusterRef = Object.freeze({ key: "", code: null, name: "", top: null, topName: null });

function lookup(code: string | null, name: string): Theme | undefined {
  return (code ? themeByCode(code) : undefined) ?? findTheme(name) ?? (code ? findTheme(`${code} ${name}`) : undefined);
}

/**
 * The cluster a recommendation is reported under: its theme header row, else its first theme, else
 * (UPR Info exports) its first UPR Info issue.
 * @example
 * clusterOf(rec); // { key: "code:A12", code: "A12", name: "Acceptance of international norms", top: "A", topName: "..." }
 */
export function clusterOf(rec: Pick<Recommendation, "cluster" | "themes"> & { issues?: Recommendation["issues"] }): ClusterRef {
  const c = rec.cluster ?? rec.themes[0] ?? null;
  if (!c || (!c.code && !c.name.trim())) {
    // UPR Info exports carry UPR Info issues, not UHRI themes: the first issue is the best grouping they offer.
    const issue = rec.issues?.[0]?.name.trim();
    return issue ? { key: `issue:${fold(issue)}`, code: null, name: issue, top: null, topName: null } : NONE;
  }
  const theme = lookup(c.code, c.name);
  const top = theme ? topLevelOf(theme) : null;
  return {
    key: c.code ? `code:${c.code.toUpperCase()}` : `name:${fold(c.name)}`,
    code: c.code,
    name: c.name,
    top,
    topName: top ? (topLevelName(top) ?? null) : null,
  };
}

/** Where a cluster sorts: its letter group, then its code (v1 codes as strings, numbered codes by number). */
function sortCode(ref: ClusterRef): string | null {
  if (ref.code) return ref.code.toUpperCase();
  const t = ref.name ? findTheme(ref.name) : undefined;
  return t?.legacyCode ?? t?.code ?? null;
}

function compareCodes(a: string, b: string): number {
  const numbered = /^\d+(?:\.\d+)*$/;
  if (numbered.test(a) && numbered.test(b)) return compareNumbered(a, b);
  // v1 codes are hierarchical digit by digit ("A12" is under "A1", before "A5"): plain string order.
  return a < b ? -1 : a > b ? 1 : 0;
}

/** One cluster with its items, in report order. */
export interface ClusterGroup<T> {
  cluster: ClusterRef;
  items: T[];
}

/**
 * Group items by cluster, merging a theme that appears twice (the supported and the noted block of a
 * matrix), ordered by letter group, then code, then first appearance; "without theme" comes last.
 * @example
 * groupByCluster(recs, (r) => r).map((g) => g.cluster.code); // ["A12", "A22", "B31", ...]
 */
export function groupByCluster<T>(items: readonly T[], recOf: (item: T) => Pick<Recommendation, "cluster" | "themes" | "issues">): ClusterGroup<T>[] {
  const groups = new Map<string, ClusterGroup<T> & { first: number }>();
  items.forEach((item, i) => {
    const ref = clusterOf(recOf(item));
    let g = groups.get(ref.key);
    if (!g) {
      g = { cluster: ref, items: [], first: i };
      groups.set(ref.key, g);
    }
    g.items.push(item);
  });
  const rank = (g: ClusterGroup<T>) => {
    if (g.cluster.key === "") return TOP_ORDER.length + 2;
    const i = g.cluster.top ? TOP_ORDER.indexOf(g.cluster.top) : -1;
    return i === -1 ? TOP_ORDER.length + 1 : i;
  };
  const sorted = [...groups.values()].sort((a, b) => {
    const r = rank(a) - rank(b);
    if (r !== 0) return r;
    const ca = sortCode(a.cluster);
    const cb = sortCode(b.cluster);
    if (ca && cb) {
      const c = compareCodes(ca, cb);
      if (c !== 0) return c;
    } else if (ca || cb) return ca ? -1 : 1;
    return a.first - b.first;
  });
  return sorted.map(({ cluster, items: list }) => ({ cluster, items: list }));
}
