// Progress figures a national mechanism reports: how many recommendations in each status, per
// cluster, per institution and per position; and which ones nobody has updated lately.
import type { Recommendation } from "../schema/recommendation.js";
import { recommendationKey } from "../schema/key.js";
import { Status, type TrackedState } from "../schema/status.js";

/** How progress is grouped. */
export type ProgressBy = "cluster" | "institution" | "position";

/** Counts per status: every canonical status plus `none` (no status reported yet). */
export type ProgressCounts = Record<Status | "none", number>;

/** Progress of one group of recommendations. */
export interface ProgressGroup {
  /** The cluster ("A12 Acceptance of international norms"), institution or position. */
  group: string;
  total: number;
  byStatus: ProgressCounts;
  /** Fully + partially implemented, over those with a status other than not applicable; null when none. */
  implementedShare: number | null;
  /** Recommendations with an open status conflict. */
  conflicts: number;
}

const UNASSIGNED = "(unassigned)";
const NO_CLUSTER = "(no cluster)";
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

const zero = (): ProgressCounts => ({ none: 0, ...Object.fromEntries(Status.options.map((s) => [s, 0])) }) as ProgressCounts;

function share(c: ProgressCounts): number | null {
  const assessed = Status.options.reduce((n, s) => n + c[s], 0) - c["not-applicable"];
  if (assessed <= 0) return null;
  return Math.round(((c["fully-implemented"] + c["partially-implemented"]) / assessed) * 10_000) / 10_000;
}

/**
 * The cluster label a recommendation is counted under: code and name, or "(no cluster)".
 * @example
 * clusterLabel({ cluster: { code: "D23", name: "Death penalty" } }); // "D23 Death penalty"
 */
export function clusterLabel(rec: Pick<Recommendation, "cluster">): string {
  if (!rec.cluster) return NO_CLUSTER;
  return rec.cluster.code ? `${rec.cluster.code} ${rec.cluster.name}` : rec.cluster.name;
}

/**
 * The institutions a recommendation is assigned to: the ledger's, else the source's.
 * @example
 * institutionsOf(rec, states.get(recommendationKey(rec))); // ["Ministry of Justice", "Police"]
 */
export function institutionsOf(rec: Pick<Recommendation, "institutions">, state: TrackedState | undefined): string[] {
  const names = state && state.institutions.length > 0 ? state.institutions : rec.institutions;
  return [...new Set(names.map((n) => n.trim()).filter(Boolean))];
}

/**
 * Count recommendations per status in each cluster, institution (lead and supporting, so one
 * recommendation may count for several) or position. Groups come sorted by name; a `total` group
 * comes last.
 * @example
 * progressBy(recommendations, currentStates(events), "cluster")[0];
 * // { group: "A12 Acceptance of international norms", total: 21, byStatus: {...}, implementedShare: 0.25, conflicts: 0 }
 */
export function progressBy(
  recommendations: readonly Recommendation[],
  states: ReadonlyMap<string, TrackedState>,
  by: ProgressBy,
  // The report's plain-language clusters (clusterAssigner) when given; the matrix theme otherwise.
  options: { clusterOf?: (rec: Recommendation) => string } = {},
): ProgressGroup[] {
  const clusterOf = options.clusterOf ?? clusterLabel;
  const groups = new Map<string, ProgressGroup>();
  const total: ProgressGroup = { group: "total", total: 0, byStatus: zero(), implementedShare: null, conflicts: 0 };
  const seen = new Set<string>();
  const add = (name: string, state: TrackedState | undefined) => {
    let g = groups.get(name);
    if (!g) groups.set(name, (g = { group: name, total: 0, byStatus: zero(), implementedShare: null, conflicts: 0 }));
    g.total++;
    g.byStatus[state?.status ?? "none"]++;
    if (state && state.conflicts.length > 0) g.conflicts++;
  };
  for (const rec of recommendations) {
    const key = recommendationKey(rec);
    // A recommendation listed twice in the sources (a copied row) is counted once.
    if (seen.has(key)) continue;
    seen.add(key);
    const state = states.get(key);
    total.total++;
    total.byStatus[state?.status ?? "none"]++;
    if (state && state.conflicts.length > 0) total.conflicts++;
    if (by === "cluster") add(clusterOf(rec), state);
    else if (by === "position") add(rec.position, state);
    else {
      const names = institutionsOf(rec, state);
      if (names.length === 0) add(UNASSIGNED, state);
      for (const n of names) add(n, state);
    }
  }
  const out = [...groups.values()].sort((a, b) => cmp(a.group, b.group));
  for (const g of [...out, total]) g.implementedShare = share(g.byStatus);
  return [...out, total];
}

/** A recommendation nobody has updated since a date. */
export interface StaleItem {
  recommendation: string;
  id: string;
  cluster: string;
  lead: string | null;
  status: Status | null;
  /** Date of the latest event, null when there never was one. */
  lastUpdate: string | null;
}

/**
 * Recommendations with no update on or after `since` (YYYY-MM-DD), never-updated ones first, then
 * oldest first.
 * @example
 * findStale(recommendations, currentStates(events), "2025-01-01").length; // 12
 */
export function findStale(recommendations: readonly Recommendation[], states: ReadonlyMap<string, TrackedState>, since: string): StaleItem[] {
  const out: StaleItem[] = [];
  const seen = new Set<string>();
  for (const rec of recommendations) {
    const key = recommendationKey(rec);
    if (seen.has(key)) continue;
    seen.add(key);
    const s = states.get(key);
    const last = s?.lastUpdate ?? null;
    if (last !== null && last >= since) continue;
    out.push({ recommendation: key, id: rec.id, cluster: clusterLabel(rec), lead: s?.lead ?? null, status: s?.status ?? null, lastUpdate: last });
  }
  return out.sort((a, b) => cmp(a.lastUpdate ?? "", b.lastUpdate ?? "") || cmp(a.recommendation, b.recommendation));
}
