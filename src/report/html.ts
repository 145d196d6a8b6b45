// The report as one self-contained HTML page: no script, no external resource (a Content-Security-Policy
// says so), the charts as inline SVG. Every piece of text from a file goes through escapeHtml.
import { escapeHtml, neutralizeFormula } from "../internal/safe-cell.js";

/** A table cell: escaped, and neutralised against formulas for when the table is pasted into a spreadsheet. */
const td = (s: string) => escapeHtml(neutralizeFormula(s));
import type { Recommendation } from "../schema/recommendation.js";
import { COLORS, stackedBarChart } from "./charts.js";
import { messagesFor } from "../i18n/index.js";
import { buildReport, clusterTitle, type Report, type ReportOptions, type ReportRow } from "./model.js";
import { statTables, summaryLines, usedPositions, usedStatuses, type StatTable } from "./tables.js";

const CSS = `
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',Arial,sans-serif;color:#222;margin:0;background:#fff}
main{max-width:1000px;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem;margin:.2rem 0 .6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}h3{font-size:1.05rem;margin-top:1.5rem}
table{border-collapse:collapse;margin:.5rem 0 1rem;font-size:.9rem;width:100%}
th,td{border:1px solid #ccc;padding:.25rem .45rem;vertical-align:top;text-align:left}
th{background:#f0f3f7}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
tr.total td{font-weight:bold;background:#fafafa}
.facts{color:#555}.note{color:#555;font-size:.85rem;font-style:italic}
figure{margin:1rem 0;overflow-x:auto}svg.chart{max-width:100%;height:auto}
td.id{white-space:nowrap}td.status{min-width:10rem}
@media print{h2{break-after:avoid}figure,tr{break-inside:avoid}}
`.trim();

function htmlTable(t: StatTable, totalRow: boolean): string {
  const e = escapeHtml;
  const cls = (i: number) => (t.numeric[i] ? ' class="num"' : "");
  const head = `<tr>${t.header.map((h, i) => `<th scope="col"${cls(i)}>${e(h)}</th>`).join("")}</tr>`;
  const rows = t.rows.map((r, k) => {
    const total = totalRow && k === t.rows.length - 1;
    return `<tr${total ? ' class="total"' : ""}>${r.map((c, i) => `<td${cls(i)}>${td(c)}</td>`).join("")}</tr>`;
  });
  return `<table id="table-${e(t.id)}"><thead>${head}</thead><tbody>${rows.join("")}</tbody></table>`;
}

function statusHtml(row: ReportRow, report: Report): string {
  const L = messagesFor(report.meta.lang);
  const e = escapeHtml;
  const s = row.state;
  if (!s?.status) return row.rec.status ? e(row.rec.status) : "";
  const parts = [`<strong>${e(L.status[s.status])}</strong>${s.since ? ` (${e(s.since)})` : ""}`];
  if (s.lead) parts.push(`${e(L.matrix.lead)}${L.colon}${e(s.lead)}`);
  for (const a of s.actions) parts.push(`${e(a.date)}: ${e(a.text)}`);
  return parts.join("<br>");
}

/**
 * The report's charts as SVG strings: position by cluster, status by cluster (with a ledger) and
 * position by letter group.
 * @example
 * reportCharts(buildReport(recs)).map((c) => c.id); // ["chart-position-by-cluster", "chart-position-by-top-level"]
 */
export function reportCharts(report: Report): { id: string; svg: string }[] {
  const { stats, meta } = report;
  const L = messagesFor(meta.lang);
  const positions = usedPositions([stats.byPosition]);
  const posSeries = positions.map((p) => ({ key: p, label: L.position[p], color: COLORS.position[p] }));
  const charts = [
    {
      id: "chart-position-by-cluster",
      svg: stackedBarChart({
        id: "chart-position-by-cluster",
        title: L.report.positionByCluster,
        series: posSeries,
        rows: stats.clusters.map((c) => ({ label: clusterTitle(c, meta.lang), values: positions.map((p) => c.byPosition[p]) })),
        emptyText: L.report.none,
      }),
    },
  ];
  if (stats.tracked > 0) {
    const statuses = usedStatuses([stats.byStatus]);
    charts.push({
      id: "chart-status-by-cluster",
      svg: stackedBarChart({
        id: "chart-status-by-cluster",
        title: L.report.statusByCluster,
        series: statuses.map((s) => ({ key: s, label: L.status[s], color: COLORS.status[s] })),
        rows: stats.clusters.map((c) => ({ label: clusterTitle(c, meta.lang), values: statuses.map((s) => c.byStatus[s]) })),
        emptyText: L.report.none,
      }),
    });
  }
  charts.push({
    id: "chart-position-by-top-level",
    svg: stackedBarChart({
      id: "chart-position-by-top-level",
      title: L.report.positionByTopLevel,
      series: posSeries,
      rows: stats.topLevels.map((t) => ({
        label: t.code ? `${t.code} ${t.name ?? ""}`.trim() : L.unclustered,
        values: positions.map((p) => t.byPosition[p]),
      })),
      emptyText: L.report.none,
    }),
  });
  return charts;
}

/**
 * Render a built report as a standalone HTML page with inline SVG charts.
 * @example
 * const html = renderHtml(buildReport(recommendations, { states, lang: "fr" }));
 */
export function renderHtml(report: Report): string {
  const { meta } = report;
  const L = messagesFor(meta.lang);
  const e = escapeHtml;
  const out: string[] = [
    "<!DOCTYPE html>",
    `<html lang="${meta.lang}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`,
    '<meta name="generator" content="upr-matrix">',
    `<title>${e(meta.title)}</title>`,
    `<style>${CSS}</style>`,
    "</head>",
    "<body>",
    "<main>",
    `<h1>${e(meta.title)}</h1>`,
  ];
  const facts: string[] = [];
  if (meta.documentSymbols.length) facts.push(`${e(L.report.sources)}${L.colon}${meta.documentSymbols.map(e).join(", ")}`);
  if (meta.asOf) facts.push(`${e(L.report.asOf)}${L.colon}${e(meta.asOf)}`);
  if (facts.length) out.push(`<p class="facts">${facts.join("<br>")}</p>`);

  out.push(`<section id="summary"><h2>${e(L.report.summary)}</h2><ul>${summaryLines(report).map((l) => `<li>${e(l)}</li>`).join("")}</ul></section>`);
  out.push(`<section id="charts">`);
  for (const c of reportCharts(report)) out.push(`<figure>${c.svg}<figcaption class="note">${e(L.report.chartNote)}</figcaption></figure>`);
  out.push(`</section>`);

  for (const t of statTables(report)) {
    out.push(`<section id="${e(t.id)}"><h2>${e(t.title)}</h2>`);
    if (t.note) out.push(`<p class="note">${e(t.note)}</p>`);
    out.push(htmlTable(t, t.id.endsWith("-by-cluster")), `</section>`);
  }

  out.push(`<section id="recommendations"><h2>${e(L.report.recommendations)}</h2>`);
  for (const g of report.clusters) {
    out.push(`<h3>${e(clusterTitle(g.cluster, meta.lang))} (${g.items.length})</h3>`);
    out.push(
      `<table class="recommendations"><thead><tr><th scope="col">#</th><th scope="col">${e(L.matrix.recommendation)}</th><th scope="col">${e(L.matrix.position)}</th><th scope="col">${e(L.matrix.status)}</th></tr></thead><tbody>`,
    );
    for (const row of g.items) {
      const r = row.rec;
      const id = r.paragraphId ?? r.id;
      out.push(
        `<tr><td class="id">${td(id)}${r.documentSymbol ? `<br><small>${e(r.documentSymbol)}</small>` : ""}</td><td>${td(r.text)}</td><td>${e(L.position[r.position])}</td><td class="status">${statusHtml(row, report)}</td></tr>`,
      );
    }
    out.push(`</tbody></table>`);
  }
  out.push(`</section>`, "</main>", "</body>", "</html>");
  return `${out.join("\n")}\n`;
}

/**
 * Build and render an HTML report in one call.
 * @example
 * const html = htmlReport(recommendations, { states });
 */
export function htmlReport(recommendations: readonly Recommendation[], options: ReportOptions = {}): string {
  return renderHtml(buildReport(recommendations, options));
}
