// The report as Markdown: title, summary, the statistics tables, and the recommendations cluster by
// cluster. Every piece of text from a file goes through md.
import { escapeMarkdown, neutralizeFormula } from "../internal/safe-cell.js";
import type { Recommendation } from "../schema/recommendation.js";
import { messagesFor } from "../i18n/index.js";
import { buildReport, type Report, type ReportOptions } from "./model.js";
import { statusLines } from "./matrix-cells.js";
import { formatReferences, sdgGoalsOf, sdgList } from "./references.js";
import { statTables, summaryLines, type StatTable } from "./tables.js";

// Table text pasted from a rendered page into a spreadsheet must not run as formulas.
const md = (text: string) => escapeMarkdown(neutralizeFormula(text));

function mdTable(t: StatTable): string {
  const head = `| ${t.header.map(md).join(" | ")} |`;
  const rule = `|${t.numeric.map((num) => (num ? " ---: " : " --- ")).join("|")}|`;
  const body = t.rows.map((r) => `| ${r.map(md).join(" | ")} |`);
  return [head, rule, ...body].join("\n");
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
  const lang = report.meta.lang;
  const L = messagesFor(lang);
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
    const recs = g.items.map((r) => r.rec);
    const goals = sdgGoalsOf(recs);
    out.push(`### ${md(g.cluster.name)} (${g.items.length})`, "");
    out.push(`${md(L.skeleton.references(formatReferences(recs)))}${goals.length ? `  \n${md(L.skeleton.sdgLine(sdgList(goals, lang)))}` : ""}`, "");
    const sdgColumn = goals.length > 0;
    out.push(`| # | ${L.matrix.recommendation} | ${L.matrix.position}${sdgColumn ? ` | ${L.report.sdgs}` : ""} | ${L.matrix.status} |`, `| --- | --- | ---${sdgColumn ? " | ---" : ""} | --- |`);
    for (const row of g.items) {
      const id = row.rec.paragraphId ?? row.rec.id;
      const sym = row.rec.documentSymbol ? ` (${row.rec.documentSymbol})` : "";
      const sdgs = sdgColumn ? ` | ${sdgGoalsOf([row.rec]).join(", ")}` : "";
      out.push(`| ${md(id + sym)} | ${recCell(row.rec)} | ${L.position[row.rec.position]}${sdgs} | ${statusLines(row, L).map(md).join("<br>")} |`);
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
