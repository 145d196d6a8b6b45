// The report every renderer draws from: recommendations joined with their ledger state, grouped by
// cluster, with the statistics and the title facts. Pure data: no rendering here.
import type { Recommendation } from "../schema/recommendation.js";
import type { TrackedState } from "../schema/status.js";
import type { Language } from "../schema/source.js";
import { recommendationKeys } from "../schema/key.js";
import { groupByCluster, type ClusterGroup } from "./clusters.js";
import { messagesFor, type StatusKey } from "../i18n/index.js";
import { buildStats, statusKeyOf, type ReportStats, type StateMap } from "./stats.js";

/** Options of every report builder. */
export interface ReportOptions {
  /** Ledger states keyed by the recommendations' keys (see recommendationKeys). */
  states?: StateMap;
  /** Language of headings and fixed labels (default "en"); recommendation texts stay as given. */
  lang?: Language;
  /** A title instead of "UPR recommendations: <State>, <cycle>". */
  title?: string;
}

/** One recommendation with its ledger state. */
export interface ReportRow {
  key: string;
  rec: Recommendation;
  state: TrackedState | null;
  status: StatusKey;
}

/** Facts for titles: single values when every recommendation agrees, else null. */
export interface ReportMeta {
  title: string;
  lang: Language;
  stateUnderReview: string | null;
  cycle: number | null;
  session: number | null;
  documentSymbols: string[];
  asOf: string | null;
}

/** Everything a renderer needs. */
export interface Report {
  meta: ReportMeta;
  stats: ReportStats;
  clusters: ClusterGroup<ReportRow>[];
}

function single<T>(values: readonly T[]): T | null {
  const set = new Set(values.filter((v) => v !== null && v !== undefined));
  return set.size === 1 ? ([...set][0] as T) : null;
}

/**
 * Join recommendations with their ledger states, group them by cluster and count them.
 * @example
 * const report = buildReport(recommendations, { states: currentStates(events), lang: "fr" });
 * report.clusters[0]?.cluster.name; // "Acceptance of international norms"
 */
export function buildReport(recommendations: readonly Recommendation[], options: ReportOptions = {}): Report {
  const lang = options.lang ?? "en";
  const L = messagesFor(lang);
  const { keys } = recommendationKeys(recommendations);
  const rows: ReportRow[] = recommendations.map((rec, i) => {
    const key = keys[i]!;
    const state = options.states?.get(key) ?? null;
    return { key, rec, state, status: statusKeyOf(state, rec) };
  });
  const stats = buildStats(recommendations, options.states);
  const stateUnderReview = single(recommendations.map((r) => r.stateUnderReview));
  const cycle = single(recommendations.map((r) => r.cycle));
  const session = single(recommendations.map((r) => r.session));
  const distinctStates = stats.statesUnderReview.filter((s) => s.name !== null).length;
  const who = stateUnderReview
    ? `${stateUnderReview}${cycle ? `, ${L.cycle(cycle)}` : ""}`
    : distinctStates > 1
      ? L.report.severalStates(distinctStates)
      : cycle
        ? L.cycle(cycle)
        : L.report.count;
  return {
    meta: {
      title: options.title ?? L.report.title(who),
      lang,
      stateUnderReview,
      cycle,
      session,
      documentSymbols: stats.documentSymbols.flatMap((d) => (d.symbol ? [d.symbol] : [])),
      asOf: stats.asOf,
    },
    stats,
    clusters: groupByCluster(rows, (r) => r.rec),
  };
}

/**
 * The display name of a cluster in a language ("A12 Acceptance of international norms").
 * @example
 * clusterTitle(group.cluster, "en"); // "A12 Acceptance of international norms"
 */
export function clusterTitle(cluster: { key: string; code: string | null; name: string }, lang: Language): string {
  if (cluster.key === "") return messagesFor(lang).unclustered;
  return cluster.code && !cluster.name.startsWith(cluster.code) ? `${cluster.code} ${cluster.name}` : cluster.name || (cluster.code ?? "");
}
