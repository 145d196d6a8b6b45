// The report as one self-contained HTML page: no script, no external resource (a Content-Security-Policy
// says so), the charts as inline SVG. Every piece of text from a file goes through escapeHtml.
import { escapeHtml, neutralizeFormula } from "../internal/safe-cell.js";

/** A table cell: escaped, and neutralised against formulas for when the table is pasted into a spreadsheet. */
const td = (s: string) => escapeHtml(neutralizeFormula(s));
import type { Recommendation } from "../schema/recommendation.js";
import { COLORS, stackedBarChart } from "./charts.js";
import { messagesFor } from "../i18n/index.js";
import { buildReport, type Report, type ReportOptions } from "./model.js";
import { statusLines } from "./matrix-cells.js";
import { formatReferences, sdgGoalsOf, sdgList } from "./references.js";
import { statTables, summaryLines, topLevelTitle, usedPositions, usedStatuses, type StatTable } from "./tables.js";

// Tables wrap long words and headers instead of widening the page; on screen a table that still does
// not fit scrolls inside its box, in print (A4) everything fits the page width.
const CSS = `
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',Arial,sans-serif;color:#222;margin:0;background:#fff}
main{max-width:1000px;margin:0 auto;padding:1.5rem}
h1{font-size:1.6rem;margin:.2rem 0 .6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc;padding-bottom:.2rem}h3{font-size:1.05rem;margin-top:1.5rem}
.table{overflow-x:auto;margin:.5rem 0 1rem}
table{border-collapse:collapse;font-size:.9rem;width:100%}
th,td{border:1px solid #ccc;padding:.25rem .45rem;vertical-align:top;text-align:left;overflow-wrap:anywhere;hyphens:auto}
th{background:#f0f3f7;font-weight:600;overflow-wrap:normal;-webkit-hyphens:auto}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.num{overflow-wrap:normal;white-space:nowrap}
tr.total td{font-weight:bold;background:#fafafa}
table.wide{font-size:.78rem}table.wide th{font-size:.72rem}
.facts,.cluster-facts{color:#555}.note{color:#555;font-size:.85rem;font-style:italic}
figure{margin:1rem 0;overflow-x:auto}svg.chart{max-width:100%;height:auto}
table.recommendations td.id{white-space:nowrap;overflow-wrap:normal;width:7.5rem}table.recommendations td.sdg{width:4rem}
table.recommendations td.position{width:7rem}table.recommendations td.status{width:30%}
@page{size:A4;margin:15mm}
@media print{main{max-width:none;padding:0}table{font-size:8.5pt}table.wide{font-size:7.5pt}table.wide th{font-size:7pt}.table{overflow:visible}h2,h3{break-after:avoid}figure,tr{break-inside:avoid}svg.chart{width:100%}}
`.trim();

function htmlTable(t: StatTable, totalRow: boolean): string {
  const e = escapeHtml;
  const cls = (i: number) => (t.numeric[i] ? ' class="num"' : "");
  const head = `<tr>${t.header.map((h, i) => `<th scope="col"${cls(i)}>${e(h)}</th>`).join("")}</tr>`;
  const rows = t.rows.map((r, k) => {
    const total = totalRow && k === t.rows.length - 1;
    return `<tr${total ? ' class="total"' : ""}>${r.map((c, i) => `<td${cls(i)}>${td(c)}</td>`).join("")}</tr>`;
  });
  // Tables with many columns get smaller type, so that whole words fit the page width.
  const wide = t.header.length >= 8 ? ' class="wide"' : "";
  return `<div class="table"><table id="table-${e(t.id)}"${wide}><thead>${head}</thead><tbody>${rows.join("")}</tbody></table></div>`;
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
        rows: stats.clusters.map((c) => ({ label: c.name, values: positions.map((p) => c.byPosition[p]) })),
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
        rows: stats.clusters.map((c) => ({ label: c.name, values: statuses.map((s) => c.byStatus[s]) })),
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
        label: topLevelTitle(t, L, report.names.vocabulary),
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
    out.push(htmlTable(t, t.totalRow ?? false), `</section>`);
  }

  out.push(`<section id="recommendations"><h2>${e(L.report.recommendations)}</h2>`);
  for (const g of report.clusters) {
    const recs = g.items.map((r) => r.rec);
    const goals = sdgGoalsOf(recs);
    out.push(`<h3>${e(g.cluster.name)} (${g.items.length})</h3>`);
    out.push(`<p class="cluster-facts">${e(L.skeleton.references(formatReferences(recs)))}${goals.length ? `<br>${e(L.skeleton.sdgLine(sdgList(goals, meta.lang)))}` : ""}</p>`);
    const sdgHead = goals.length ? `<th scope="col">${e(L.report.sdgs)}</th>` : "";
    out.push(
      `<div class="table"><table class="recommendations"><thead><tr><th scope="col">#</th><th scope="col">${e(L.matrix.recommendation)}</th><th scope="col">${e(L.matrix.position)}</th>${sdgHead}<th scope="col">${e(L.matrix.status)}</th></tr></thead><tbody>`,
    );
    for (const row of g.items) {
      const r = row.rec;
      const id = r.paragraphId ?? r.id;
      const sdg = goals.length ? `<td class="sdg">${e(sdgGoalsOf([r]).join(", "))}</td>` : "";
      out.push(
        `<tr><td class="id">${td(id)}${r.documentSymbol ? `<br><small>${e(r.documentSymbol)}</small>` : ""}</td><td>${td(r.text)}</td><td class="position">${e(L.position[r.position])}</td>${sdg}<td class="status">${statusLines(row, L).map(td).join("<br>")}</td></tr>`,
      );
    }
    out.push(`</tbody></table></div>`);
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
