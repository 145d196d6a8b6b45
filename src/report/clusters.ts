// The plain-language clusters people write in: each recommendation goes to one cluster, from a user's
// cluster map (cluster name -> themes, UPR Info issues or paragraph ids) when given, else from
// upr-matrix's default map (default-clusters.ts) through its primary theme. Reports, statistics,
// skeletons and the tracking workbooks all group by these clusters.
import * as z from "zod";
import type { Recommendation } from "../schema/recommendation.js";
import type { Language } from "../schema/source.js";
import { findIssue, type Theme } from "../taxonomy/index.js";
import { fold } from "../internal/text.js";
import { messagesFor } from "../i18n/index.js";
import type { ClusterId } from "../i18n/types.js";
import { DEFAULT_CLUSTERS, ISSUE_CLUSTERS, NAME_RULES, defaultClusterOfCode, type ClusterFamily } from "./default-clusters.js";
import { lookupTheme } from "./themes.js";
import { compareParagraphIds } from "../schema/key.js";

/** A user's cluster map: clusters in report order, each listing the themes (codes or names), UPR Info issues and paragraph ids it takes. */
export const ClusterMap = z.object({
  /** Where the map came from (a file name), shown in reports. */
  source: z.string().nullable().default(null),
  clusters: z
    .array(
      z.object({
        name: z.string().trim().min(1),
        /** UHRI theme codes ("D5" takes D51 too) or names of any generation, or UPR Info issue names. */
        themes: z.array(z.string()).default([]),
        /** Paragraph ids ("142.33"): they win over themes. */
        ids: z.array(z.string()).default([]),
      }),
    )
    .min(1),
});
export type ClusterMap = z.output<typeof ClusterMap>;
export type ClusterMapInput = z.input<typeof ClusterMap>;

/** The cluster a recommendation is reported under. */
export interface ClusterRef {
  /** `default:<id>`, `map:<index>`, or "" for recommendations with no theme at all. */
  key: string;
  /** The name in the report's language (default clusters) or as the map gives it. */
  name: string;
  /** Default clusters of one family may be merged in skeletons; null for a user's clusters. */
  family: ClusterFamily | null;
  origin: "default" | "map" | "none";
  /** Report order. */
  order: number;
}

/** Assigns clusters; `fallback` counts recommendations a user's map did not cover (they get default clusters). */
export interface ClusterAssigner {
  (rec: Pick<Recommendation, "id" | "paragraphId" | "cluster" | "themes" | "issues">): ClusterRef;
  readonly map: ClusterMap | null;
  readonly fallback: Set<string>;
}

/** The UHRI v1 code a theme of any generation stands for (its own, its legacy code, its v1 parent, its letter group). */
export function v1CodeOf(theme: Theme): string {
  if (theme.taxonomy === "uhri-v1-coded" && theme.code) return theme.code;
  const parent = theme.taxonomy === "uhri-2020" || theme.taxonomy === "uhri-2025" ? theme.parent : null;
  return theme.legacyCode ?? parent ?? theme.top;
}

const DEFAULT_ORDER: ReadonlyMap<ClusterId, number> = new Map(DEFAULT_CLUSTERS.map((c, i) => [c.id, i]));
const FAMILY: ReadonlyMap<ClusterId, ClusterFamily> = new Map(DEFAULT_CLUSTERS.map((c) => [c.id, c.family]));

/**
 * The default cluster of a theme given by code and/or name (any UHRI generation): "other" when the
 * taxonomy does not know it.
 * @example
 * defaultClusterOfTheme(null, "Human trafficking & contemporary forms of slavery"); // "trafficking"
 */
export function defaultClusterOfTheme(code: string | null, name: string): ClusterId {
  const folded = fold(name);
  for (const [re, id] of NAME_RULES) if (re.test(folded)) return id;
  const theme = lookupTheme(code, name);
  const v1 = theme ? v1CodeOf(theme) : code && /^[A-HS]\d{0,2}$/i.test(code.trim()) ? code.trim() : null;
  return (v1 && defaultClusterOfCode(v1)) || "other";
}

function defaultCluster(id: ClusterId, lang: Language): ClusterRef {
  return { key: `default:${id}`, name: messagesFor(lang).clusters[id], family: FAMILY.get(id) ?? null, origin: "default", order: DEFAULT_ORDER.get(id) ?? 0 };
}

const NONE_ORDER = 10_000;

interface MapIndex {
  ids: Map<string, number>;
  names: Map<string, number>;
  /** v1 code prefixes, longest first. */
  codes: [string, number][];
}

function indexMap(map: ClusterMap): MapIndex {
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  const codes: [string, number][] = [];
  map.clusters.forEach((c, i) => {
    for (const id of c.ids) if (id.trim() && !ids.has(id.trim())) ids.set(id.trim(), i);
    for (const raw of c.themes) {
      const t = raw.trim();
      if (!t) continue;
      if (/^[A-HS]\d{0,2}$/i.test(t)) codes.push([t.toUpperCase(), i]);
      else {
        if (!names.has(fold(t))) names.set(fold(t), i);
        // A theme name of any generation also stands for its v1 code, so that the map covers every generation.
        const theme = lookupTheme(null, t);
        if (theme) codes.push([v1CodeOf(theme).toUpperCase(), i]);
        const issue = findIssue(t);
        if (issue && !names.has(`issue:${issue.code}`)) names.set(`issue:${issue.code}`, i);
      }
    }
  });
  codes.sort((a, b) => b[0].length - a[0].length);
  return { ids, names, codes };
}

/**
 * A function giving each recommendation its cluster: from the user's map when given (paragraph ids
 * first, then the primary theme by name or v1 code, then UPR Info issues), else, and for whatever the map
 * does not cover, from upr-matrix's default map. Results are memoised by theme.
 * @example
 * const clusterOf = clusterAssigner({ lang: "fr" });
 * clusterOf(rec).name; // "Droits de l'enfant"
 */
export function clusterAssigner(options: { map?: ClusterMap | null; lang?: Language } = {}): ClusterAssigner {
  const lang = options.lang ?? "en";
  const map = options.map ?? null;
  const index = map ? indexMap(map) : null;
  const fallback = new Set<string>();
  const memo = new Map<string, ClusterRef>();
  const mapCluster = (i: number): ClusterRef => ({ key: `map:${i}`, name: map!.clusters[i]!.name, family: null, origin: "map", order: i });
  const none: ClusterRef = { key: "", name: messagesFor(lang).unclustered, family: null, origin: "none", order: NONE_ORDER };

  const fromMap = (rec: Pick<Recommendation, "cluster" | "themes" | "issues">): number | undefined => {
    const c = rec.cluster ?? rec.themes[0] ?? null;
    if (c) {
      const byName = index!.names.get(fold(c.name)) ?? (c.code ? index!.names.get(fold(`${c.code} ${c.name}`)) : undefined);
      if (byName !== undefined) return byName;
      const theme = lookupTheme(c.code, c.name);
      const v1 = (theme ? v1CodeOf(theme) : c.code ?? "").toUpperCase();
      if (v1) for (const [prefix, i] of index!.codes) if (v1.startsWith(prefix)) return i;
      return undefined;
    }
    const issue = rec.issues[0]?.name;
    if (!issue) return undefined;
    const code = findIssue(issue)?.code;
    return index!.names.get(fold(issue)) ?? (code ? index!.names.get(`issue:${code}`) : undefined);
  };

  const byTheme = (rec: Pick<Recommendation, "cluster" | "themes" | "issues">): ClusterRef => {
    const c = rec.cluster ?? rec.themes[0] ?? null;
    const memoKey = c ? `t:${c.code ?? ""}|${c.name}` : `i:${rec.issues[0]?.name ?? ""}`;
    const hit = memo.get(memoKey);
    if (hit) return hit;
    let ref: ClusterRef;
    const mapped = index ? fromMap(rec) : undefined;
    if (mapped !== undefined) ref = mapCluster(mapped);
    else if (c && (c.code || c.name.trim())) ref = defaultCluster(defaultClusterOfTheme(c.code, c.name), lang);
    else {
      const issue = rec.issues[0]?.name.trim();
      const code = issue ? findIssue(issue)?.code : undefined;
      ref = issue ? defaultCluster((code && ISSUE_CLUSTERS[code]) || "other", lang) : none;
    }
    memo.set(memoKey, ref);
    return ref;
  };

  const assign = ((rec) => {
    if (index) {
      const byId = index.ids.get(rec.paragraphId ?? rec.id) ?? index.ids.get(rec.id);
      if (byId !== undefined) return mapCluster(byId);
    }
    const ref = byTheme(rec);
    if (index && ref.origin !== "map") fallback.add(rec.paragraphId ?? rec.id);
    return ref;
  }) as ClusterAssigner;
  Object.defineProperty(assign, "map", { value: map });
  Object.defineProperty(assign, "fallback", { value: fallback });
  return assign;
}

/** One cluster with its items, in report order. */
export interface ClusterGroup<T> {
  cluster: ClusterRef;
  items: T[];
}

/**
 * Group items by cluster, in report order (the map's order, or the default clusters' order), clusters
 * without any item left out, "without theme" last.
 * @example
 * groupByCluster(recs, (r) => r, clusterAssigner()).map((g) => g.cluster.name); // ["International obligations ...", ...]
 */
export function groupByCluster<T>(items: readonly T[], recOf: (item: T) => Pick<Recommendation, "id" | "paragraphId" | "cluster" | "themes" | "issues">, assign: ClusterAssigner = clusterAssigner()): ClusterGroup<T>[] {
  const groups = new Map<string, ClusterGroup<T>>();
  for (const item of items) {
    const ref = assign(recOf(item));
    let g = groups.get(ref.key);
    if (!g) groups.set(ref.key, (g = { cluster: ref, items: [] }));
    g.items.push(item);
  }
  // Default clusters after a user's clusters (fallback), each list in its own order; inside a cluster,
  // recommendations in paragraph order (a cluster gathers several matrix themes).
  const rank = (c: ClusterRef) => (c.origin === "map" ? 0 : c.origin === "default" ? 1 : 2) * NONE_ORDER + c.order;
  const idOf = (item: T) => {
    const r = recOf(item);
    return r.paragraphId ?? r.id;
  };
  for (const g of groups.values()) g.items.sort((a, b) => compareParagraphIds(idOf(a), idOf(b)));
  return [...groups.values()].sort((a, b) => rank(a.cluster) - rank(b.cluster));
}
