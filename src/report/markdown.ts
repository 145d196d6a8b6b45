// The report as Markdown: title, summary, the statistics tables, and the recommendations cluster by
// cluster. Every piece of text from a file goes through md.
import { escapeMarkdown, neutralizeFormula } from "../internal/safe-cell.js";
import type { Recommendation } from "../schema/recommendation.js";
import { messagesFor } from "../i18n/index.js";
import { buildReport, clusterTitle, type Report, type ReportOptions, type ReportRow } from "./model.js";
import { statTables, summaryLines, type StatTable } from "./tables.js";

// Table text pasted from a rendered page into a spreadsheet must not run as formulas.
const md = (text: string) => escapeMarkdown(neutralizeFormula(text));

function mdTable(t: StatTable): string {
  const head = `| ${t.header.map(md).join(" | ")} |`;
  const rule = `|${t.numeric.map((num) => (num ? " ---: " : " --- ")).join("|")}|`;
  const body = t.rows.map((r) => `| ${r.map(md).join(" | ")} |`);
  return [head, rule, ...body].join("\n");
}

function statusText(row: ReportRow, report: Report): string {
  const L = messagesFor(report.meta.lang);
  const s = row.state;
  if (!s?.status) return row.rec.status ? md(row.rec.status) : "";
  const parts = [`${L.status[s.status]}${s.since ? ` (${s.since})` : ""}`];
  if (s.lead) parts.push(`${L.matrix.lead}${L.colon}${s.lead}`);
  const last = s.actions[s.actions.length - 1];
  if (last) parts.push(`${last.date}: ${last.text}`);
  return parts.map(md).join("<br>");
}

function recCell(rec: Recommendation): string {
  return md(rec.text);
}

/**
 * Render a built report as Markdown (GitHub-flavoured tables).
 * @example
 * const md = renderMarkdown(buildReport(recommendations, { states }));
 */
export function renderMarkdown(report: Report): string {
  const L = messagesFor(report.meta.lang);
  const out: string[] = [`# ${md(report.meta.title)}`, ""];
  const facts: string[] = [];
  if (report.meta.documentSymbols.length) facts.push(`${L.report.sources}${L.colon}${report.meta.documentSymbols.map(md).join(", ")}`);
  if (report.meta.asOf) facts.push(`${L.report.asOf}${L.colon}${report.meta.asOf}`);
  if (facts.length) out.push(facts.join("  \n"), "");

  out.push(`## ${L.report.summary}`, "", ...summaryLines(report).map((l) => `- ${md(l)}`), "");
  for (const t of statTables(report)) {
    out.push(`## ${md(t.title)}`, "");
    if (t.note) out.push(`*${md(t.note)}*`, "");
    out.push(mdTable(t), "");
  }

  out.push(`## ${L.report.recommendations}`, "");
  for (const g of report.clusters) {
    out.push(`### ${md(clusterTitle(g.cluster, report.meta.lang))} (${g.items.length})`, "");
    out.push(`| # | ${L.matrix.recommendation} | ${L.matrix.position} | ${L.matrix.status} |`, "| --- | --- | --- | --- |");
    for (const row of g.items) {
      const id = row.rec.paragraphId ?? row.rec.id;
      const sym = row.rec.documentSymbol ? ` (${row.rec.documentSymbol})` : "";
      out.push(`| ${md(id + sym)} | ${recCell(row.rec)} | ${L.position[row.rec.position]} | ${statusText(row, report)} |`);
    }
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

/**
 * Build and render a Markdown report in one call.
 * @example
 * const md = markdownReport(recommendations, { lang: "es" });
 */
export function markdownReport(recommendations: readonly Recommendation[], options: ReportOptions = {}): string {
  return renderMarkdown(buildReport(recommendations, options));
}
