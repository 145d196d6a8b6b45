// Progress figures a national mechanism reports: how many recommendations in each status, per
// cluster, per institution and per position; and which ones nobody has updated lately.
import { countBy, groupBy, orderBy, sortBy, uniqBy } from "lodash-es";
import type { Recommendation } from "../schema/recommendation.js";
import { recommendationKeys } from "../schema/key.js";
import { Status, type TrackedState } from "../schema/status.js";
import { namerFor } from "../report/vocabulary.js";

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

/** A tracked recommendation: its key (see `recommendationKeys`) and its state, if any. */
export interface TrackedItem {
  rec: Recommendation;
  key: string;
  state: TrackedState | undefined;
}

/**
 * Each tracked recommendation once (a row listed twice in the sources counts once), with its key and
 * state, in input order.
 * @example
 * trackedItems(recommendations, currentStates(events)).length; // 179
 */
export function trackedItems(recommendations: readonly Recommendation[], states: ReadonlyMap<string, TrackedState>): TrackedItem[] {
  const { keys } = recommendationKeys(recommendations);
  return uniqBy(
    recommendations.map((rec, i) => ({ rec, key: keys[i]!, state: states.get(keys[i]!) })),
    "key",
  );
}

function counts(items: readonly TrackedItem[]): ProgressCounts {
  const zero = Object.fromEntries(["none", ...Status.options].map((s) => [s, 0])) as ProgressCounts;
  return { ...zero, ...countBy(items, (it) => it.state?.status ?? "none") };
}

function share(c: ProgressCounts): number | null {
  const assessed = Status.options.reduce((n, s) => n + c[s], 0) - c["not-applicable"];
  if (assessed <= 0) return null;
  return Math.round(((c["fully-implemented"] + c["partially-implemented"]) / assessed) * 10_000) / 10_000;
}

function groupOf(group: string, items: readonly TrackedItem[]): ProgressGroup {
  const byStatus = counts(items);
  return { group, total: items.length, byStatus, implementedShare: share(byStatus), conflicts: items.filter((it) => (it.state?.conflicts.length ?? 0) > 0).length };
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
 * clusterLabel in the list's one vocabulary (see namerFor): a list in the current UHRI names shows
 * "National Human Rights Institution (NHRI)", not the v1 code readers attach ("A45 ..."); a coded list keeps its codes.
 * @example
 * const label = clusterLabeler(recommendations);
 * label(recommendations[0]); // "A12 Acceptance of international norms"
 */
export function clusterLabeler(recommendations: readonly Recommendation[]): (rec: Pick<Recommendation, "cluster">) => string {
  const names = namerFor(recommendations);
  return (rec) => (rec.cluster ? clusterLabel({ cluster: { ...rec.cluster, ...names.theme(rec.cluster) } }) : NO_CLUSTER);
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
  const clusterOf = options.clusterOf ?? clusterLabeler(recommendations);
  const items = trackedItems(recommendations, states);
  const groupsOf = (it: TrackedItem): string[] => {
    if (by === "cluster") return [clusterOf(it.rec)];
    if (by === "position") return [it.rec.position];
    const names = institutionsOf(it.rec, it.state);
    return names.length ? names : [UNASSIGNED];
  };
  const members = groupBy(
    items.flatMap((it) => groupsOf(it).map((group) => ({ group, it }))),
    "group",
  );
  return [...sortBy(Object.keys(members)).map((g) => groupOf(g, members[g]!.map((m) => m.it))), groupOf("total", items)];
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
  const label = clusterLabeler(recommendations);
  const stale = trackedItems(recommendations, states)
    .filter(({ state }) => (state?.lastUpdate ?? null) === null || state!.lastUpdate! < since)
    .map(({ rec, key, state }): StaleItem => ({ recommendation: key, id: rec.id, cluster: label(rec), lead: state?.lead ?? null, status: state?.status ?? null, lastUpdate: state?.lastUpdate ?? null }));
  return orderBy(stale, [(s) => s.lastUpdate ?? "", "recommendation"]);
}
