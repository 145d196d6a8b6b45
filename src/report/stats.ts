// Statistics on a set of recommendations and, when a ledger is given, their implementation status.
// The zod schema is the contract of `upr-matrix report --format json` (its `stats` member).
import * as z from "zod";
import { Position, type Recommendation } from "../schema/recommendation.js";
import { Status, type TrackedState } from "../schema/status.js";
import { recommendationKeys } from "../schema/key.js";
import { findState } from "../taxonomy/index.js";
import { fold } from "../internal/text.js";
import { normalizeStatus } from "../track/status-words.js";
import { groupByCluster } from "./clusters.js";
import { POSITION_KEYS, STATUS_KEYS, type StatusKey } from "./order.js";

const Count = z.int().nonnegative();

/**
 * Below this coverage (assessed / all recommendations of a group) reports show counts, not a rate: a
 * rate over a handful of assessed recommendations ("100%, assessed 3 of 217") would read as a headline.
 */
export const MIN_RATE_COVERAGE = 0.5;

/** A status as reported, or `untracked` when the ledger gives none. */
export const StatusKeySchema = z.enum([...Status.options, "untracked"]);

/** Recommendations per position: every position present, zero included. */
export const PositionCounts = z.record(Position, Count);
export type PositionCounts = z.infer<typeof PositionCounts>;

/** Recommendations per implementation status: every status present, zero included. */
export const StatusCounts = z.record(StatusKeySchema, Count);
export type StatusCounts = z.infer<typeof StatusCounts>;

/**
 * How far a group of recommendations (supported, noted, other) is implemented. `rate` is the share
 * fully or partially implemented among the assessed ones (UPR Info's "triggered action"), null when
 * none is assessed; `assessed` excludes `untracked` and `not-applicable`.
 */
export const ImplementationRate = z.object({
  total: Count,
  assessed: Count,
  byStatus: StatusCounts,
  rate: z.number().min(0).max(1).nullable(),
  fullRate: z.number().min(0).max(1).nullable(),
});
export type ImplementationRate = z.infer<typeof ImplementationRate>;

/** One cluster (the matrix's theme header row) with its counts. */
export const ClusterStats = z.object({
  key: z.string(),
  code: z.string().nullable(),
  name: z.string(),
  top: z.string().nullable(),
  topName: z.string().nullable(),
  total: Count,
  byPosition: PositionCounts,
  byStatus: StatusCounts,
});
export type ClusterStats = z.infer<typeof ClusterStats>;

/** One UHRI letter group (A, B, D, E, F, G, H, S), or null for clusters outside the taxonomy. */
export const TopLevelStats = z.object({
  code: z.string().nullable(),
  name: z.string().nullable(),
  total: Count,
  byPosition: PositionCounts,
  byStatus: StatusCounts,
});
export type TopLevelStats = z.infer<typeof TopLevelStats>;

/** A theme of the full list: each recommendation counts once per theme it carries. */
export const ThemeCount = z.object({
  code: z.string().nullable(),
  name: z.string(),
  count: Count,
  supported: Count,
  noted: Count,
});
export type ThemeCount = z.infer<typeof ThemeCount>;

/** A regional group of recommending States ("other": observers and the EU; "unknown": not in the taxonomy). */
export const GroupKey = z.enum(["African", "Asia-Pacific", "EEG", "GRULAC", "WEOG", "other", "unknown"]);
export type GroupKey = z.infer<typeof GroupKey>;

/** A recommending State: recommendations it made (alone or jointly). */
export const RecommendingStateCount = z.object({
  name: z.string(),
  group: GroupKey,
  count: Count,
  supported: Count,
  noted: Count,
});
export type RecommendingStateCount = z.infer<typeof RecommendingStateCount>;

/** A regional group: recommendations made by at least one of its States. */
export const GroupCount = z.object({ group: GroupKey, count: Count, supported: Count, noted: Count });
export type GroupCount = z.infer<typeof GroupCount>;

/** UPR Info action category 1-5, or null for unclassified recommendations. */
export const ActionCategoryCount = z.object({
  category: z.int().min(1).max(5).nullable(),
  count: Count,
  supported: Count,
  noted: Count,
});
export type ActionCategoryCount = z.infer<typeof ActionCategoryCount>;

/** An institution named in the ledger (lead or supporting) or in the source. */
export const InstitutionStats = z.object({
  name: z.string(),
  total: Count,
  lead: Count,
  byStatus: StatusCounts,
});
export type InstitutionStats = z.infer<typeof InstitutionStats>;

/** Statistics of a report. */
export const ReportStats = z.object({
  total: Count,
  /** Recommendations with a status (from the ledger, or the source file's status column). */
  tracked: Count,
  /** The latest update date in the ledger states used (YYYY-MM-DD). */
  asOf: z.iso.date().nullable(),
  statesUnderReview: z.array(z.object({ name: z.string().nullable(), count: Count })),
  cycles: z.array(z.object({ cycle: z.int().positive().nullable(), count: Count })),
  documentSymbols: z.array(z.object({ symbol: z.string().nullable(), count: Count })),
  byPosition: PositionCounts,
  byStatus: StatusCounts,
  implementation: z.object({ supported: ImplementationRate, noted: ImplementationRate, other: ImplementationRate }),
  clusters: z.array(ClusterStats),
  topLevels: z.array(TopLevelStats),
  themes: z.array(ThemeCount),
  recommendingStates: z.array(RecommendingStateCount),
  regionalGroups: z.array(GroupCount),
  actionCategories: z.array(ActionCategoryCount),
  institutions: z.array(InstitutionStats),
});
export type ReportStats = z.infer<typeof ReportStats>;

/** Ledger states by the recommendations' keys (see recommendationKeys). */
export type StateMap = ReadonlyMap<string, TrackedState>;

/**
 * The status a recommendation is counted under: the ledger's, else the source file's own status
 * wording when it reads as a status ("En cours", "ongoing"), else `untracked`.
 * @example
 * statusKeyOf(undefined, { status: "ongoing", position: "supported" }); // "in-progress"
 */
export function statusKeyOf(
  state: TrackedState | undefined | null,
  rec?: Pick<Recommendation, "status" | "position">,
): StatusKey {
  if (state?.status) return state.status;
  if (rec?.status) return normalizeStatus(rec.status, { position: rec.position }) ?? "untracked";
  return "untracked";
}

/**
 * Which implementation group a position belongs to (partially supported counts as supported).
 * @example
 * positionGroup("partially-supported"); // "supported"
 */
export function positionGroup(p: Position): "supported" | "noted" | "other" {
  return p === "supported" || p === "partially-supported" ? "supported" : p === "noted" ? "noted" : "other";
}

const zeroPositions = (): PositionCounts => Object.fromEntries(POSITION_KEYS.map((p) => [p, 0])) as PositionCounts;
const zeroStatuses = (): StatusCounts => Object.fromEntries(STATUS_KEYS.map((s) => [s, 0])) as StatusCounts;

function rate(byStatus: StatusCounts, total: number): ImplementationRate {
  const assessed = total - byStatus.untracked - byStatus["not-applicable"];
  const done = byStatus["fully-implemented"] + byStatus["partially-implemented"];
  return {
    total,
    assessed,
    byStatus,
    rate: assessed > 0 ? round4(done / assessed) : null,
    fullRate: assessed > 0 ? round4(byStatus["fully-implemented"] / assessed) : null,
  };
}

const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

// Code-point order: the same bytes on every machine, whatever its locale data.
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function countBy<K>(items: Iterable<K>): Map<K, number> {
  const m = new Map<K, number>();
  for (const k of items) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

function groupOf(name: string): GroupKey {
  const s = findState(name);
  if (!s) return "unknown";
  return s.group ?? "other";
}

/**
 * Count recommendations by position, cluster, letter group, theme, recommending State and regional
 * group, action category, implementation status and institution.
 * @example
 * const stats = buildStats(recommendations, currentStates(events));
 * stats.implementation.supported.rate; // 0.42
 */
export function buildStats(recommendations: readonly Recommendation[], states?: StateMap): ReportStats {
  const { keys } = recommendationKeys(recommendations);
  const rows = recommendations.map((rec, i) => {
    const state = states?.get(keys[i]!);
    return { rec, state, status: statusKeyOf(state, rec), group: positionGroup(rec.position) };
  });

  const byPosition = zeroPositions();
  const byStatus = zeroStatuses();
  const impl = { supported: zeroStatuses(), noted: zeroStatuses(), other: zeroStatuses() };
  const implTotal = { supported: 0, noted: 0, other: 0 };
  let asOf: string | null = null;
  for (const r of rows) {
    byPosition[r.rec.position]++;
    byStatus[r.status]++;
    impl[r.group][r.status]++;
    implTotal[r.group]++;
    const d = r.state?.lastUpdate ?? null;
    if (d && (!asOf || d > asOf)) asOf = d;
  }

  const clusters: ClusterStats[] = groupByCluster(rows, (r) => r.rec).map(({ cluster, items }) => {
    const pos = zeroPositions();
    const st = zeroStatuses();
    for (const r of items) {
      pos[r.rec.position]++;
      st[r.status]++;
    }
    return { ...cluster, total: items.length, byPosition: pos, byStatus: st };
  });

  const tops = new Map<string, TopLevelStats>();
  for (const c of clusters) {
    const k = c.top ?? "";
    let t = tops.get(k);
    if (!t) {
      t = { code: c.top, name: c.topName, total: 0, byPosition: zeroPositions(), byStatus: zeroStatuses() };
      tops.set(k, t);
    }
    t.total += c.total;
    for (const p of POSITION_KEYS) t.byPosition[p] += c.byPosition[p];
    for (const s of STATUS_KEYS) t.byStatus[s] += c.byStatus[s];
  }

  // Themes of the full list, merged by code (or folded name when uncoded); the file's first name is kept.
  const themes = new Map<string, ThemeCount>();
  for (const r of rows) {
    const seen = new Set<string>();
    for (const t of r.rec.themes) {
      const key = t.code ? `c:${t.code.toUpperCase()}` : `n:${fold(t.name)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      let c = themes.get(key);
      if (!c) {
        c = { code: t.code, name: t.name, count: 0, supported: 0, noted: 0 };
        themes.set(key, c);
      }
      c.count++;
      if (r.group === "supported") c.supported++;
      else if (r.group === "noted") c.noted++;
    }
  }

  const recStates = new Map<string, RecommendingStateCount>();
  const groups = new Map<GroupKey, GroupCount>();
  for (const r of rows) {
    const seenGroups = new Set<GroupKey>();
    for (const name of new Set(r.rec.recommendingStates)) {
      let s = recStates.get(name);
      if (!s) {
        s = { name, group: groupOf(name), count: 0, supported: 0, noted: 0 };
        recStates.set(name, s);
      }
      s.count++;
      if (r.group === "supported") s.supported++;
      else if (r.group === "noted") s.noted++;
      seenGroups.add(s.group);
    }
    for (const g of seenGroups) {
      let c = groups.get(g);
      if (!c) {
        c = { group: g, count: 0, supported: 0, noted: 0 };
        groups.set(g, c);
      }
      c.count++;
      if (r.group === "supported") c.supported++;
      else if (r.group === "noted") c.noted++;
    }
  }

  const categories = new Map<number | null, ActionCategoryCount>();
  for (const r of rows) {
    const k = r.rec.actionCategory?.category ?? null;
    let c = categories.get(k);
    if (!c) {
      c = { category: k, count: 0, supported: 0, noted: 0 };
      categories.set(k, c);
    }
    c.count++;
    if (r.group === "supported") c.supported++;
    else if (r.group === "noted") c.noted++;
  }

  const institutions = new Map<string, InstitutionStats>();
  for (const r of rows) {
    const names = new Set<string>();
    const lead = r.state?.lead?.trim() || null;
    if (lead) names.add(lead);
    for (const n of r.state?.institutions ?? []) if (n.trim()) names.add(n.trim());
    for (const n of r.rec.institutions) if (n.trim()) names.add(n.trim());
    for (const n of names) {
      let s = institutions.get(n);
      if (!s) {
        s = { name: n, total: 0, lead: 0, byStatus: zeroStatuses() };
        institutions.set(n, s);
      }
      s.total++;
      if (n === lead) s.lead++;
      s.byStatus[r.status]++;
    }
  }

  const GROUP_ORDER = GroupKey.options;
  const stats: ReportStats = {
    total: rows.length,
    tracked: rows.length - byStatus.untracked,
    asOf,
    statesUnderReview: [...countBy(rows.map((r) => r.rec.stateUnderReview))]
      .map(([name, count]) => ({ name, count }))
      .sort((a, b) => b.count - a.count || cmp(a.name ?? "", b.name ?? "")),
    cycles: [...countBy(rows.map((r) => r.rec.cycle))]
      .map(([cycle, count]) => ({ cycle, count }))
      .sort((a, b) => (a.cycle ?? 99) - (b.cycle ?? 99)),
    documentSymbols: [...countBy(rows.map((r) => r.rec.documentSymbol))]
      .map(([symbol, count]) => ({ symbol, count }))
      .sort((a, b) => b.count - a.count || cmp(a.symbol ?? "", b.symbol ?? "")),
    byPosition,
    byStatus,
    implementation: {
      supported: rate(impl.supported, implTotal.supported),
      noted: rate(impl.noted, implTotal.noted),
      other: rate(impl.other, implTotal.other),
    },
    clusters,
    // Letter groups in UHRI order (A, B, D, ...), clusters outside the taxonomy last.
    topLevels: [...tops.values()],
    themes: [...themes.values()].sort((a, b) => b.count - a.count || cmp(a.code ?? "~", b.code ?? "~") || cmp(a.name, b.name)),
    recommendingStates: [...recStates.values()].sort((a, b) => b.count - a.count || cmp(a.name, b.name)),
    regionalGroups: [...groups.values()].sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group)),
    actionCategories: [...categories.values()].sort((a, b) => (a.category ?? 9) - (b.category ?? 9)),
    institutions: [...institutions.values()].sort((a, b) => b.total - a.total || cmp(a.name, b.name)),
  };
  return stats;
}
