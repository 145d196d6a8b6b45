// The statistics as plain tables (header + rows of strings), shared by the Markdown, HTML and XLSX
// renderers so that they always show the same figures. Columns that are zero everywhere are dropped.
// A rate is never shown without its denominator and coverage, and below MIN_RATE_COVERAGE not at all.
import type { Language } from "../schema/source.js";
import type { Position, Vocabulary } from "../schema/recommendation.js";
import { messagesFor, stateName, type Messages } from "../i18n/index.js";
import { SDG_GOALS } from "../taxonomy/index.js";
import { POSITION_KEYS, STATUS_KEYS, type StatusKey } from "./order.js";
import type { Report } from "./model.js";
import { compressIds } from "./references.js";
import { formatPercent } from "./numbers.js";

import { MIN_RATE_COVERAGE, type ImplementationRate, type PositionCounts, type StatusCounts } from "./stats.js";

/** A titled table of strings; `numeric[i]` says whether column i holds numbers (right-aligned). */
export interface StatTable {
  id: string;
  title: string;
  note?: string;
  header: string[];
  numeric: boolean[];
  rows: string[][];
  /** The last row is a total. */
  totalRow?: boolean;
}

/**
 * The positions with a non-zero count somewhere, in report order.
 * @example
 * usedPositions([stats.byPosition]); // ["supported", "noted"]
 */
export function usedPositions(counts: readonly PositionCounts[]): Position[] {
  return POSITION_KEYS.filter((p) => counts.some((c) => c[p] > 0));
}

/**
 * The statuses with a non-zero count somewhere, in report order.
 * @example
 * usedStatuses([stats.byStatus]); // ["fully-implemented", "in-progress", "untracked"]
 */
export function usedStatuses(counts: readonly StatusCounts[]): StatusKey[] {
  return STATUS_KEYS.filter((s) => counts.some((c) => c[s] > 0));
}

/**
 * One line on a group's implementation: the rate with its denominator and coverage when coverage is
 * enough, else the counts ("3 of 217 assessed ...; too few assessed for a rate").
 * @example
 * rateSentence("Supported", stats.implementation.supported, "en"); // "Supported: 40.0% implemented fully or partially (assessed 5 of 5, coverage 100.0%)."
 */
export function rateSentence(label: string, g: ImplementationRate, lang: Language): string {
  const R = messagesFor(lang).report;
  const cov = formatPercent(g.coverage, lang);
  return g.rated ? R.rateLine(label, formatPercent(g.rate, lang), g.assessed, g.total, cov) : R.countLine(label, g.assessed, g.total, cov, g.done);
}

/**
 * A UHRI letter group's name in the report's language.
 * @example
 * topLevelLabel({ code: "D", name: "Civil & political rights" }, messagesFor("fr")); // "Droits civils et politiques"
 */
export function topLevelLabel(t: { code: string | null; name: string | null }, L: Messages): string {
  return (t.code && L.topLevels[t.code as keyof Messages["topLevels"]]) || t.name || "";
}

/**
 * A letter group as a table row names it: with its letter where themes are shown with v1 codes (the coded
 * vocabulary, or names as the file gives them); the letter is a v1 code, so other vocabularies show the name only.
 * @example
 * topLevelTitle({ code: "A", name: "General framework of implementation" }, messagesFor("en"), "cycle4"); // "General framework of implementation"
 */
export function topLevelTitle(t: { code: string | null; name: string | null }, L: Messages, vocabulary: Vocabulary | null): string {
  if (!t.code) return L.unclustered;
  return vocabulary === null || vocabulary === "coded" ? `${t.code} ${topLevelLabel(t, L)}`.trim() : topLevelLabel(t, L);
}

/**
 * Every statistics table of a report, in the order reports show them; tables that would be empty
 * (no ledger, no SDGs, no action categories, no institutions) are left out.
 * @example
 * statTables(buildReport(recs)).map((t) => t.id); // ["clusters", "position-by-cluster", ...]
 */
export function statTables(report: Report): StatTable[] {
  const { stats, meta } = report;
  const lang = meta.lang;
  const L = messagesFor(lang);
  const R = L.report;
  const tables: StatTable[] = [];
  const n = String;
  const pct = (x: number | null) => formatPercent(x, lang);

  tables.push({
    id: "clusters",
    title: R.clusters,
    note: stats.clusterMap ? R.userClusterNote(stats.clusterMap.source ?? "", stats.clusterMap.fallback) : R.clusterNote,
    header: [R.cluster, R.count, R.clusterIds, ...(stats.sdgs.length ? [R.sdgs] : [])],
    numeric: [false, true, false, ...(stats.sdgs.length ? [false] : [])],
    rows: stats.clusters.map((c) => [c.name, n(c.total), compressIds(c.ids), ...(stats.sdgs.length ? [c.sdgs.join(", ")] : [])]),
  });

  const positions = usedPositions([stats.byPosition]);
  tables.push({
    id: "position-by-cluster",
    title: R.positionByCluster,
    header: [R.cluster, ...positions.map((p) => L.position[p]), R.total],
    numeric: [false, ...positions.map(() => true), true],
    totalRow: true,
    rows: [
      ...stats.clusters.map((c) => [c.name, ...positions.map((p) => n(c.byPosition[p])), n(c.total)]),
      [R.total, ...positions.map((p) => n(stats.byPosition[p])), n(stats.total)],
    ],
  });

  if (stats.tracked > 0) {
    const statuses = usedStatuses([stats.byStatus]);
    tables.push({
      id: "status-by-cluster",
      title: R.statusByCluster,
      header: [R.cluster, ...statuses.map((s) => L.status[s]), R.total],
      numeric: [false, ...statuses.map(() => true), true],
      totalRow: true,
      rows: [
        ...stats.clusters.map((c) => [c.name, ...statuses.map((s) => n(c.byStatus[s])), n(c.total)]),
        [R.total, ...statuses.map((s) => n(stats.byStatus[s])), n(stats.total)],
      ],
    });
    const groups: [string, ImplementationRate][] = [
      [R.supportedGroup, stats.implementation.supported],
      [R.notedGroup, stats.implementation.noted],
    ];
    if (stats.implementation.other.total > 0) groups.push([R.otherGroup, stats.implementation.other]);
    // Rates with their denominators; the status counts are in the table above.
    const rateRow = (label: string, g: ImplementationRate) => [label, n(g.total), n(g.assessed), pct(g.coverage), n(g.done), g.rated ? pct(g.rate) : R.notRated, g.rated ? pct(g.fullRate) : "–"];
    const header = [R.group, R.total, R.assessed, R.coverage, R.done, R.rate, R.fullRate];
    tables.push({
      id: "implementation",
      title: R.implementation,
      note: R.implementationNote(pct(MIN_RATE_COVERAGE)),
      header,
      numeric: [false, true, true, true, true, true, true],
      rows: groups.map(([label, g]) => rateRow(label, g)),
    });
    tables.push({
      id: "implementation-by-cluster",
      title: R.implementationByCluster,
      header: [R.cluster, ...header.slice(1)],
      numeric: [false, true, true, true, true, true, true],
      rows: stats.clusters.filter((c) => c.supported.total > 0).map((c) => rateRow(c.name, c.supported)),
    });
  }

  if (stats.sdgs.length) {
    tables.push({
      id: "sdgs",
      title: R.sdgs,
      header: [R.sdgGoal, R.count, L.position.supported, L.position.noted, R.cluster],
      numeric: [false, true, true, true, false],
      rows: stats.sdgs.map((s) => [`${s.goal} ${SDG_GOALS[s.goal - 1]?.[lang] ?? ""}`.trim(), n(s.count), n(s.supported), n(s.noted), s.clusters.join("; ")]),
    });
  }

  tables.push({
    id: "position-by-top-level",
    title: R.positionByTopLevel,
    header: [R.topLevel, ...positions.map((p) => L.position[p]), R.total],
    numeric: [false, ...positions.map(() => true), true],
    rows: stats.topLevels.map((t) => [topLevelTitle(t, L, report.names.vocabulary), ...positions.map((p) => n(t.byPosition[p])), n(t.total)]),
  });

  if (stats.themes.length) {
    tables.push({
      id: "themes",
      title: R.themes,
      note: lang === "en" ? undefined : R.namesNote,
      header: [R.theme, R.count, L.position.supported, L.position.noted],
      numeric: [false, true, true, true],
      rows: stats.themes.map((t) => [t.code ? `${t.code} ${t.name}` : t.name, n(t.count), n(t.supported), n(t.noted)]),
    });
  }

  if (stats.recommendingStates.length) {
    const group = (g: string) => (g === "other" ? R.other : g === "unknown" ? R.unknownGroup : (R.groups[g as keyof typeof R.groups] ?? g));
    tables.push({
      id: "recommending-states",
      title: R.recommendingStates,
      header: [R.state, R.regionalGroup, R.count, L.position.supported, L.position.noted],
      numeric: [false, false, true, true, true],
      rows: stats.recommendingStates.map((s) => [stateName(s.name, lang), group(s.group), n(s.count), n(s.supported), n(s.noted)]),
    });
    tables.push({
      id: "regional-groups",
      title: R.regionalGroups,
      note: R.regionalNote,
      header: [R.regionalGroup, R.count, L.position.supported, L.position.noted],
      numeric: [false, true, true, true],
      rows: stats.regionalGroups.map((g) => [group(g.group), n(g.count), n(g.supported), n(g.noted)]),
    });
  }

  if (stats.actionCategories.some((c) => c.category !== null)) {
    tables.push({
      id: "action-categories",
      title: R.actionCategories,
      header: [R.actionCategory, R.count, L.position.supported, L.position.noted],
      numeric: [false, true, true, true],
      rows: stats.actionCategories.map((c) => [
        c.category === null ? R.noCategory : R.actionCategoryNames[c.category as 1 | 2 | 3 | 4 | 5],
        n(c.count),
        n(c.supported),
        n(c.noted),
      ]),
    });
  }

  if (stats.institutions.length) {
    const st = usedStatuses(stats.institutions.map((i) => i.byStatus));
    tables.push({
      id: "institutions",
      title: R.institutions,
      header: [R.institution, R.count, R.asLead, ...st.map((s) => L.status[s])],
      numeric: [false, true, true, ...st.map(() => true)],
      rows: stats.institutions.map((i) => [i.name, n(i.total), n(i.lead), ...st.map((s) => n(i.byStatus[s]))]),
    });
  }
  return tables;
}

/**
 * The summary lines of a report (counts by position, tracking coverage, implementation with its
 * denominators).
 * @example
 * summaryLines(report)[0]; // "179 recommendations: 146 supported (including partially supported), 33 noted."
 */
export function summaryLines(report: Report): string[] {
  const { stats, meta } = report;
  const L = messagesFor(meta.lang);
  const supported = stats.implementation.supported.total;
  const noted = stats.implementation.noted.total;
  const lines = [L.report.summaryLine(stats.total, supported, noted, stats.implementation.other.total)];
  if (stats.tracked > 0) {
    lines.push(L.report.trackedLine(stats.tracked, stats.total));
    for (const [label, g] of [
      [L.report.supportedGroup, stats.implementation.supported],
      [L.report.notedGroup, stats.implementation.noted],
    ] as const) {
      if (g.total > 0) lines.push(rateSentence(label, g, meta.lang));
    }
  } else lines.push(L.report.untrackedLine);
  return lines;
}
