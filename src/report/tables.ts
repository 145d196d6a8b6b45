// The statistics as plain tables (header + rows of strings), shared by the Markdown, HTML and XLSX
// renderers so that they always show the same figures. Columns that are zero everywhere are dropped.
import type { Language } from "../schema/source.js";
import { messagesFor } from "../i18n/index.js";
import { POSITION_KEYS, STATUS_KEYS, type StatusKey } from "./order.js";
import type { Report } from "./model.js";
import { clusterTitle } from "./model.js";
import { MIN_RATE_COVERAGE, type ImplementationRate, type PositionCounts, type StatusCounts } from "./stats.js";
import type { Position } from "../schema/recommendation.js";

/** A titled table of strings; `numeric[i]` says whether column i holds numbers (right-aligned). */
export interface StatTable {
  id: string;
  title: string;
  note?: string;
  header: string[];
  numeric: boolean[];
  rows: string[][];
}

/**
 * A share as a percentage in the language's typography ("42.5%", "42,5 %").
 * @example
 * formatPercent(0.425, "fr"); // "42,5 %"
 */
export function formatPercent(x: number | null, lang: Language): string {
  if (x === null) return "–";
  const s = (Math.round(x * 1000) / 10).toFixed(1);
  return lang === "en" ? `${s}%` : `${s.replace(".", ",")} %`;
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
 * Every statistics table of a report, in the order reports show them; tables that would be empty
 * (no ledger, no action categories, no institutions) are left out.
 * @example
 * statTables(buildReport(recs)).map((t) => t.id); // ["position-by-cluster", "implementation", ...]
 */
export function statTables(report: Report): StatTable[] {
  const { stats, meta } = report;
  const lang = meta.lang;
  const L = messagesFor(lang);
  const R = L.report;
  const tables: StatTable[] = [];
  const n = String;

  const positions = usedPositions([stats.byPosition]);
  tables.push({
    id: "position-by-cluster",
    title: R.positionByCluster,
    header: [R.cluster, ...positions.map((p) => L.position[p]), R.total],
    numeric: [false, ...positions.map(() => true), true],
    rows: [
      ...stats.clusters.map((c) => [clusterTitle(c, lang), ...positions.map((p) => n(c.byPosition[p])), n(c.total)]),
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
      rows: [
        ...stats.clusters.map((c) => [clusterTitle(c, lang), ...statuses.map((s) => n(c.byStatus[s])), n(c.total)]),
        [R.total, ...statuses.map((s) => n(stats.byStatus[s])), n(stats.total)],
      ],
    });
    const groups: [string, ImplementationRate][] = [
      [R.supportedGroup, stats.implementation.supported],
      [R.notedGroup, stats.implementation.noted],
    ];
    if (stats.implementation.other.total > 0) groups.push([R.otherGroup, stats.implementation.other]);
    const st = usedStatuses(groups.map(([, g]) => g.byStatus));
    tables.push({
      id: "implementation",
      title: R.implementation,
      note: R.implementationNote(formatPercent(MIN_RATE_COVERAGE, lang)),
      header: [R.group, R.total, R.assessed, ...st.map((s) => L.status[s]), R.rate, R.fullRate],
      numeric: [false, true, true, ...st.map(() => true), true, true],
      rows: groups.map(([label, g]) => [
        label,
        n(g.total),
        n(g.assessed),
        ...st.map((s) => n(g.byStatus[s])),
        formatPercent(g.rate, lang),
        formatPercent(g.fullRate, lang),
      ]),
    });
  }

  tables.push({
    id: "position-by-top-level",
    title: R.positionByTopLevel,
    header: [R.topLevel, ...positions.map((p) => L.position[p]), R.total],
    numeric: [false, ...positions.map(() => true), true],
    rows: stats.topLevels.map((t) => [
      t.code ? `${t.code} ${t.name ?? ""}`.trim() : L.unclustered,
      ...positions.map((p) => n(t.byPosition[p])),
      n(t.total),
    ]),
  });

  if (stats.themes.length) {
    tables.push({
      id: "themes",
      title: R.themes,
      header: [R.theme, R.count, L.position.supported, L.position.noted],
      numeric: [false, true, true, true],
      rows: stats.themes.map((t) => [t.code ? `${t.code} ${t.name}` : t.name, n(t.count), n(t.supported), n(t.noted)]),
    });
  }

  if (stats.recommendingStates.length) {
    const group = (g: string) => (g === "other" ? R.other : g === "unknown" ? R.unknownGroup : g);
    tables.push({
      id: "recommending-states",
      title: R.recommendingStates,
      header: [R.state, R.regionalGroup, R.count, L.position.supported, L.position.noted],
      numeric: [false, false, true, true, true],
      rows: stats.recommendingStates.map((s) => [s.name, group(s.group), n(s.count), n(s.supported), n(s.noted)]),
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
 * The summary lines of a report (counts by position, tracking coverage, implementation rates).
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
      if (g.total > 0) lines.push(`${label}${L.colon}${L.report.rate.toLowerCase()} ${formatPercent(g.rate, meta.lang)} (${L.report.assessed.toLowerCase()} ${g.assessed}/${g.total}).`);
    }
  } else lines.push(L.report.untrackedLine);
  return lines;
}
