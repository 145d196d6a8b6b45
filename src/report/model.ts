// The report every renderer draws from: recommendations joined with their ledger state, grouped by
// plain-language cluster (and, for the matrix layouts, by primary theme), with the statistics and the
// title facts. Pure data: no rendering here.
import * as z from "zod";
import type { Recommendation } from "../schema/recommendation.js";
import type { TrackedState } from "../schema/status.js";
import { Language } from "../schema/source.js";
import { Vocabulary } from "../schema/recommendation.js";
import { namerFor, type Namer } from "./vocabulary.js";
import { recommendationKeys } from "../schema/key.js";
import { resolveOptions } from "../errors/matrix-error.js";
import { messagesFor, stateName, type StatusKey } from "../i18n/index.js";
import { clusterAssigner, ClusterMap, groupByCluster, type ClusterGroup, type ClusterRef } from "./clusters.js";
import { groupByTheme, type ThemeGroup } from "./themes.js";
import { buildStats, statusKeyOf, type ReportStats, type StateMap } from "./stats.js";

/** Ledger states keyed by the recommendations' keys (recommendationKeys), as `currentStates(events)` gives them. */
export const StateMapOption = z.custom<StateMap>((v) => v instanceof Map, { message: "expected a Map of ledger states (currentStates(events))" });

/** Options of every report builder: checked once, up front (`MatrixError("invalid-options")`). */
export const ReportOptions = z.object({
  /** Ledger states keyed by the recommendations' keys (see recommendationKeys). */
  states: StateMapOption.optional(),
  /** Language of headings, fixed labels, cluster and State names (default "en"); recommendation texts stay as given. */
  lang: Language.default("en"),
  /** A title instead of "UPR recommendations: <State>, <cycle>". */
  title: z.string().optional(),
  /** A user's cluster map (parseClusterMap); upr-matrix's default clusters otherwise. */
  clusters: ClusterMap.nullable().default(null),
  /** Show theme and group-of-persons names in this vocabulary; default: the one the file's themes are written in. */
  vocabulary: Vocabulary.optional(),
});
export type ReportOptions = z.input<typeof ReportOptions>;
export type ResolvedReportOptions = z.output<typeof ReportOptions>;

/** One recommendation with its ledger state and cluster. */
export interface ReportRow {
  key: string;
  rec: Recommendation;
  state: TrackedState | null;
  status: StatusKey;
  cluster: ClusterRef;
}

/** Facts for titles: single values when every recommendation agrees, else null. */
export interface ReportMeta {
  title: string;
  lang: Language;
  stateUnderReview: string | null;
  /** The State's name in the report's language ("Sénégal", "Türkiye"). */
  stateName: string | null;
  cycle: number | null;
  session: number | null;
  documentSymbols: string[];
  asOf: string | null;
}

/** Everything a renderer needs. */
export interface Report {
  meta: ReportMeta;
  stats: ReportStats;
  /** Plain-language clusters, in report order. */
  clusters: ClusterGroup<ReportRow>[];
  /** Primary themes, in OHCHR matrix order: the filled matrix and the skeletons' annex. */
  themes: ThemeGroup<ReportRow>[];
  /** Theme and group names in one vocabulary (the file's, or the one asked for). */
  names: Namer;
}

function single<T>(values: readonly T[]): T | null {
  const set = new Set(values.filter((v) => v !== null && v !== undefined));
  return set.size === 1 ? ([...set][0] as T) : null;
}

/**
 * Join recommendations with their ledger states, group them by cluster and count them. Throws
 * `MatrixError("invalid-options")` for options it cannot use (`{ lang: "de" }`).
 * @example
 * const report = buildReport(recommendations, { states: currentStates(events), lang: "fr" });
 * report.clusters[0]?.cluster.name; // "Obligations internationales et coopération avec les mécanismes relatifs aux droits de l'homme"
 */
export function buildReport(recommendations: readonly Recommendation[], options: ReportOptions = {}): Report {
  const opts = resolveOptions(ReportOptions, options, "buildReport");
  return buildReportResolved(recommendations, opts);
}

/** buildReport with options already resolved (the skeleton and the writers resolve their own, wider ones). */
export function buildReportResolved(recommendations: readonly Recommendation[], opts: ResolvedReportOptions): Report {
  const { lang } = opts;
  const L = messagesFor(lang);
  const assign = clusterAssigner({ map: opts.clusters, lang });
  const { keys } = recommendationKeys(recommendations);
  const rows: ReportRow[] = recommendations.map((rec, i) => {
    const key = keys[i]!;
    const state = opts.states?.get(key) ?? null;
    return { key, rec, state, status: statusKeyOf(state, rec), cluster: assign(rec) };
  });
  const names = namerFor(recommendations, opts.vocabulary);
  const stats = buildStats(recommendations, opts.states, { assign, lang, names });
  const stateUnderReview = single(recommendations.map((r) => r.stateUnderReview));
  const localName = stateUnderReview ? stateName(stateUnderReview, lang) : null;
  const cycle = single(recommendations.map((r) => r.cycle));
  const session = single(recommendations.map((r) => r.session));
  const distinctStates = stats.statesUnderReview.filter((s) => s.name !== null).length;
  const who = localName
    ? `${localName}${cycle ? `, ${L.cycle(cycle)}` : ""}`
    : distinctStates > 1
      ? L.report.severalStates(distinctStates)
      : cycle
        ? L.cycle(cycle)
        : L.report.count;
  return {
    meta: {
      title: opts.title ?? L.report.title(who),
      lang,
      stateUnderReview,
      stateName: localName,
      cycle,
      session,
      documentSymbols: stats.documentSymbols.flatMap((d) => (d.symbol ? [d.symbol] : [])),
      asOf: stats.asOf,
    },
    stats,
    clusters: groupByCluster(rows, (r) => r.rec, assign),
    themes: groupByTheme(rows, (r) => r.rec),
    names,
  };
}
