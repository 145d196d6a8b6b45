// Statistics on a set of recommendations and, when a ledger is given, their implementation status.
// The zod schema is the contract of `upr-matrix report --format json` (its `stats` member).
import * as z from "zod";
import { Position, type Recommendation, type ThemeLabel } from "../schema/recommendation.js";
import type { Namer } from "./vocabulary.js";
import { Status, type TrackedState } from "../schema/status.js";
import { recommendationKeys } from "../schema/key.js";
import type { Language } from "../schema/source.js";
import { countBy, groupBy, keyBy, mapValues, maxBy, orderBy, sortBy, uniq } from "lodash-es";
import { findState } from "../taxonomy/index.js";
import { fold } from "../internal/text.js";
import { statusOf } from "../track/status-words.js";
import { compareParagraphIds } from "../schema/key.js";
import { clusterAssigner, groupByCluster, type ClusterAssigner, type ClusterMap } from "./clusters.js";
import { groupByTheme, primaryThemeOf, themeTitle } from "./themes.js";
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
 * How far a group of recommendations (supported, noted, other, a cluster) is implemented. `done` counts
 * the fully or partially implemented (UPR Info's "triggered action"); `assessed` excludes `untracked` and
 * `not-applicable`; `coverage` is assessed / total. `rate` (done / assessed) and `fullRate` are given only
 * when coverage reaches MIN_RATE_COVERAGE (`rated`), else null: counts, not a rate, for thin coverage.
 */
export const ImplementationRate = z.object({
  total: Count,
  assessed: Count,
  done: Count,
  byStatus: StatusCounts,
  coverage: z.number().min(0).max(1).nullable(),
  rated: z.boolean(),
  rate: z.number().min(0).max(1).nullable(),
  fullRate: z.number().min(0).max(1).nullable(),
});
export type ImplementationRate = z.infer<typeof ImplementationRate>;

/** One plain-language cluster with its counts, the paragraph ids it covers, its themes and SDGs. */
export const ClusterStats = z.object({
  key: z.string(),
  name: z.string(),
  origin: z.enum(["default", "map", "none"]),
  total: Count,
  byPosition: PositionCounts,
  byStatus: StatusCounts,
  /** Implementation of the cluster's supported recommendations (partially supported included). */
  supported: ImplementationRate,
  /** Paragraph ids (or generated ids) of every recommendation in the cluster, in paragraph order. */
  ids: z.array(z.string()),
  /** The primary themes the cluster gathers, as the file names them. */
  themes: z.array(z.string()),
  /** SDG goals its recommendations are linked to (given or classified). */
  sdgs: z.array(z.int().min(1).max(17)),
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

/** One SDG goal: recommendations linked to it, by position group, and the clusters they are in. */
export const SdgCount = z.object({
  goal: z.int().min(1).max(17),
  count: Count,
  supported: Count,
  noted: Count,
  clusters: z.array(z.string()),
});
export type SdgCount = z.infer<typeof SdgCount>;

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
  /** The user's cluster map, when one was used, and how many recommendations it did not cover. */
  clusterMap: z.object({ source: z.string().nullable(), fallback: Count }).nullable(),
  topLevels: z.array(TopLevelStats),
  sdgs: z.array(SdgCount),
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
  if (rec?.status) return statusOf(rec.status, rec.position) ?? "untracked";
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

const zeroPositions = (): PositionCounts => mapValues(keyBy(POSITION_KEYS), () => 0) as PositionCounts;
const zeroStatuses = (): StatusCounts => mapValues(keyBy(STATUS_KEYS), () => 0) as StatusCounts;
const round4 = (x: number) => Math.round(x * 10_000) / 10_000;

function positionCounts(rows: readonly { rec: Recommendation }[]): PositionCounts {
  return { ...zeroPositions(), ...countBy(rows, (r) => r.rec.position) };
}

function statusCounts(rows: readonly { status: StatusKey }[]): StatusCounts {
  return { ...zeroStatuses(), ...countBy(rows, (r) => r.status) };
}

/**
 * Implementation figures of a set of recommendations: assessed, done, coverage, and the rates when
 * coverage reaches MIN_RATE_COVERAGE.
 * @example
 * implementationOf([{ status: "fully-implemented" }, { status: "untracked" }]).coverage; // 0.5
 */
export function implementationOf(rows: readonly { status: StatusKey }[]): ImplementationRate {
  const byStatus = statusCounts(rows);
  const total = rows.length;
  const figures = rateFigures({
    total,
    notApplicable: byStatus["not-applicable"],
    assessed: total - byStatus.untracked - byStatus["not-applicable"],
    done: byStatus["fully-implemented"] + byStatus["partially-implemented"],
    full: byStatus["fully-implemented"],
  });
  return { total, byStatus, ...figures };
}

/**
 * The rule every implementation figure follows (reports and `track status`): coverage is assessed among
 * the applicable recommendations (not applicable ones are neither assessed nor missing); a rate
 * (done / assessed) is given only when coverage reaches MIN_RATE_COVERAGE.
 * @example
 * rateFigures({ total: 217, notApplicable: 0, assessed: 3, done: 3, full: 3 }); // { coverage: 0.0138, rated: false, rate: null, ... }
 */
export function rateFigures(c: { total: number; notApplicable: number; assessed: number; done: number; full: number }): Omit<ImplementationRate, "total" | "byStatus"> {
  const applicable = c.total - c.notApplicable;
  const coverage = applicable > 0 ? round4(c.assessed / applicable) : null;
  const rated = c.assessed > 0 && coverage !== null && coverage >= MIN_RATE_COVERAGE;
  return {
    assessed: c.assessed,
    done: c.done,
    coverage,
    rated,
    rate: rated ? round4(c.done / c.assessed) : null,
    fullRate: rated ? round4(c.full / c.assessed) : null,
  };
}

function groupOf(name: string): GroupKey {
  const s = findState(name);
  if (!s) return "unknown";
  return s.group ?? "other";
}

/** Counts of rows by a key, with how many are supported and noted. */
function tally<K extends string | number | null>(rows: readonly Row[], keysOf: (r: Row) => Iterable<K>): Map<K, { count: number; supported: number; noted: number }> {
  const out = new Map<K, { count: number; supported: number; noted: number }>();
  for (const r of rows) {
    for (const k of new Set(keysOf(r))) {
      let c = out.get(k);
      if (!c) out.set(k, (c = { count: 0, supported: 0, noted: 0 }));
      c.count++;
      if (r.group === "supported") c.supported++;
      else if (r.group === "noted") c.noted++;
    }
  }
  return out;
}

interface Row {
  rec: Recommendation;
  state: TrackedState | undefined;
  status: StatusKey;
  group: "supported" | "noted" | "other";
}

/** Options of `buildStats`. */
export interface StatsOptions {
  /** A user's cluster map; upr-matrix's default clusters otherwise (and for what the map does not cover). */
  clusters?: ClusterMap | null;
  /** Language of the default clusters' names (default "en"). */
  lang?: Language;
  /** An assigner already built (buildReport shares one with the report). */
  assign?: ClusterAssigner;
  /** Theme names in one vocabulary (buildReport passes the report's); as given otherwise. */
  names?: Namer;
}

/**
 * Count recommendations by position, cluster (with the paragraph ids each covers), UHRI letter group,
 * theme, SDG, recommending State and regional group, action category, implementation status and
 * institution.
 * @example
 * const stats = buildStats(recommendations, currentStates(events));
 * stats.implementation.supported.rated ? stats.implementation.supported.rate : stats.implementation.supported.assessed;
 */
export function buildStats(recommendations: readonly Recommendation[], states?: StateMap, options: StatsOptions = {}): ReportStats {
  const assign = options.assign ?? clusterAssigner({ map: options.clusters ?? null, lang: options.lang ?? "en" });
  const { keys } = recommendationKeys(recommendations);
  const rows: Row[] = recommendations.map((rec, i) => {
    const state = states?.get(keys[i]!);
    return { rec, state, status: statusKeyOf(state, rec), group: positionGroup(rec.position) };
  });
  const byGroup = groupBy(rows, (r) => r.group);

  const clusters: ClusterStats[] = groupByCluster(rows, (r) => r.rec, assign).map(({ cluster, items }) => ({
    key: cluster.key,
    name: cluster.name,
    origin: cluster.origin,
    total: items.length,
    byPosition: positionCounts(items),
    byStatus: statusCounts(items),
    supported: implementationOf(items.filter((r) => r.group === "supported")),
    ids: uniq(items.map((r) => r.rec.paragraphId ?? r.rec.id)).sort(compareParagraphIds),
    themes: uniq(items.map((r) => primaryThemeOf(r.rec)).map((t) => themeTitle({ ...t, ...(options.names && t.key ? options.names.theme(t) : {}) }, "en")).filter(Boolean)),
    sdgs: sortBy(uniq(items.flatMap((r) => r.rec.sdgs.map((s) => s.goal)))),
  }));

  // UHRI letter groups of the primary themes, in UHRI order (A, B, D, ...); outside the taxonomy last.
  const topLevels: TopLevelStats[] = groupByTheme(rows, (r) => r.rec).reduce<TopLevelStats[]>((acc, { theme, items }) => {
    let t = acc.find((x) => x.code === theme.top);
    if (!t) acc.push((t = { code: theme.top, name: theme.topName, total: 0, byPosition: zeroPositions(), byStatus: zeroStatuses() }));
    t.total += items.length;
    const pos = positionCounts(items);
    const st = statusCounts(items);
    for (const p of POSITION_KEYS) t.byPosition[p] += pos[p];
    for (const s of STATUS_KEYS) t.byStatus[s] += st[s];
    return acc;
  }, []);

  // Themes of the full list, merged by code (or folded name when uncoded); the file's first name is kept.
  const shown = (t: ThemeLabel) => options.names?.theme(t) ?? t;
  const themeKey = (t: { code: string | null; name: string }) => (t.code ? `c:${t.code.toUpperCase()}` : `n:${fold(t.name)}`);
  const themeNames = new Map<string, { code: string | null; name: string }>();
  for (const r of rows) for (const t of r.rec.themes.map(shown)) if (!themeNames.has(themeKey(t))) themeNames.set(themeKey(t), t);
  const themes = [...tally(rows, (r) => r.rec.themes.map((t) => themeKey(shown(t))))].map(([k, c]): ThemeCount => ({ ...themeNames.get(k)!, ...c }));

  const clusterOfRow = new Map(rows.map((r) => [r, assign(r.rec).name]));
  const sdgs = [...tally(rows, (r) => r.rec.sdgs.map((s) => s.goal))].map(([goal, c]): SdgCount => ({
    goal,
    ...c,
    clusters: uniq(rows.filter((r) => r.rec.sdgs.some((s) => s.goal === goal)).map((r) => clusterOfRow.get(r)!)),
  }));

  const stateGroup = new Map<string, GroupKey>();
  const groupOfState = (name: string) => stateGroup.get(name) ?? stateGroup.set(name, groupOf(name)).get(name)!;
  const recommendingStates = [...tally(rows, (r) => r.rec.recommendingStates)].map(([name, c]): RecommendingStateCount => ({ name, group: groupOfState(name), ...c }));
  const regionalGroups = [...tally(rows, (r) => r.rec.recommendingStates.map(groupOfState))].map(([group, c]): GroupCount => ({ group, ...c }));
  const actionCategories = [...tally(rows, (r) => [r.rec.actionCategory?.category ?? null])].map(([category, c]): ActionCategoryCount => ({ category, ...c }));

  const institutionsOf = (r: Row) => {
    const lead = r.state?.lead?.trim() || null;
    return uniq([lead, ...(r.state?.institutions ?? []), ...r.rec.institutions].map((n) => n?.trim()).filter((n): n is string => Boolean(n)));
  };
  const institutions = Object.entries(
    groupBy(
      rows.flatMap((r) => institutionsOf(r).map((name) => ({ name, r }))),
      (x) => x.name,
    ),
  ).map(([name, xs]): InstitutionStats => ({
    name,
    total: xs.length,
    lead: xs.filter((x) => x.r.state?.lead?.trim() === name).length,
    byStatus: statusCounts(xs.map((x) => x.r)),
  }));

  const asOf = maxBy(rows.map((r) => r.state?.lastUpdate).filter((d): d is string => Boolean(d)), (d) => d) ?? null;
  const GROUP_ORDER = GroupKey.options;
  const byCount = <T extends { count: number }>(xs: T[], ...then: ((x: T) => string | number)[]) => orderBy(xs, [(x) => -x.count, ...then]);
  const stats: ReportStats = {
    total: rows.length,
    tracked: rows.filter((r) => r.status !== "untracked").length,
    asOf,
    statesUnderReview: byCount(
      Object.entries(countBy(rows, (r) => r.rec.stateUnderReview ?? "\u0000")).map(([name, count]) => ({ name: name === "\u0000" ? null : name, count })),
      (x) => x.name ?? "",
    ),
    cycles: sortBy(
      Object.entries(countBy(rows, (r) => r.rec.cycle ?? 0)).map(([cycle, count]) => ({ cycle: Number(cycle) || null, count })),
      (x) => x.cycle ?? 99,
    ),
    documentSymbols: byCount(
      Object.entries(countBy(rows, (r) => r.rec.documentSymbol ?? "\u0000")).map(([symbol, count]) => ({ symbol: symbol === "\u0000" ? null : symbol, count })),
      (x) => x.symbol ?? "",
    ),
    byPosition: positionCounts(rows),
    byStatus: statusCounts(rows),
    implementation: {
      supported: implementationOf(byGroup.supported ?? []),
      noted: implementationOf(byGroup.noted ?? []),
      other: implementationOf(byGroup.other ?? []),
    },
    clusters,
    clusterMap: assign.map ? { source: assign.map.source, fallback: assign.fallback.size } : null,
    topLevels,
    sdgs: sortBy(sdgs, (s) => s.goal),
    // orderBy compares strings by code point (not locale): the same bytes on every machine.
    themes: byCount(themes, (t) => t.code ?? "~", (t) => t.name),
    recommendingStates: byCount(recommendingStates, (s) => s.name),
    regionalGroups: sortBy(regionalGroups, (g) => GROUP_ORDER.indexOf(g.group)),
    actionCategories: sortBy(actionCategories, (c) => c.category ?? 9),
    institutions: orderBy(institutions, [(i) => -i.total, (i) => i.name]),
  };
  return stats;
}
