import { type Command, Option } from "commander";
import { buildReport } from "../../report/model.js";
import { renderMarkdown } from "../../report/markdown.js";
import { renderHtml } from "../../report/html.js";
import { renderJson } from "../../report/json.js";
import { flag } from "../flags.js";
import { CliError, type RunContext } from "../io.js";
import { displayName } from "../safe-text.js";
import { documentDate, ledgerStates, loadClusterMap, loadReview, REVIEW_HELP, requireOneReview, reviewExitCode, type ReviewFlags, withReviewFlags } from "../report-inputs.js";

const FORMATS = ["md", "html", "json", "xlsx", "docx"] as const;
type ReportFormat = (typeof FORMATS)[number];

interface ReportFlags extends ReviewFlags {
  format: ReportFormat;
  title?: string;
  midTerm?: boolean;
}

/**
 * `upr-matrix report FILE...`: statistics and reports in Markdown, HTML, JSON, XLSX or DOCX.
 * @example
 * registerReport(program, ctx);
 */
export function registerReport(program: Command, ctx: RunContext): void {
  withReviewFlags(
    program
      .command("report")
      .description("Report on recommendations and their implementation: Markdown, HTML with charts, JSON, the filled XLSX matrix, or the DOCX national-report skeleton.")
      .argument("<files...>", "matrices (XLSX, CSV, DOCX) or folders")
      .addOption(flag.format(FORMATS, "md", "md | html | json | xlsx | docx"))
      .addOption(flag.out("write to this file (required for xlsx and docx; else stdout)"))
      .addOption(new Option("--mid-term", "with --format docx: the mid-term report skeleton"))
      .addOption(new Option("--title <text>", "report title (md, html, json, xlsx)")),
  )
    .addHelpText("after", `
Examples:
  upr-matrix report matrix.docx --ledger ledger.jsonl --format html --out report.html
  upr-matrix report matrix.docx --ledger ledger.jsonl --format xlsx --lang fr --out matrice.xlsx
  upr-matrix report exports/ --format json > stats.json
  upr-matrix report matrix.docx --clusters my-clusters.csv --format html --out report.html
${REVIEW_HELP}`)
    .action(async (paths: string[], flags: ReportFlags) => {
      const { format, lang } = flags;
      if ((format === "xlsx" || format === "docx") && (!flags.out || flags.out === "-")) {
        throw new CliError(`--format ${format} writes a binary file: give --out PATH.`);
      }
      if (flags.midTerm && format !== "docx") throw new CliError("--mid-term goes with --format docx.");
      await ctx.writesTo(flags.out);
      const date = documentDate(ctx);
      const { result, unreadable, recommendations } = await loadReview(ctx, paths, flags);
      if (format === "docx") requireOneReview(recommendations, unreadable);
      const ledger = await ledgerStates(ctx, flags.ledger, recommendations);
      const clusters = await loadClusterMap(flags.clusters);
      const options = { lang, clusters: clusters.map, ...(flags.vocabulary ? { vocabulary: flags.vocabulary } : {}), ...(ledger.states ? { states: ledger.states } : {}), ...(flags.title ? { title: flags.title } : {}) };
      let out: string | Uint8Array;
      if (format === "docx") out = await (await import("../../docx/skeleton.js")).writeSkeletonDocx(recommendations, { ...options, kind: flags.midTerm ? "mid-term" : "national", ...(date ? { date } : {}) });
      else {
        const report = buildReport(recommendations, options);
        if (format === "md") out = renderMarkdown(report);
        else if (format === "html") out = renderHtml(report);
        else if (format === "json") out = renderJson(report);
        else out = await (await import("../../xlsx/report-matrix.js")).renderReportMatrix(report, date ? { date } : {});
      }
      await ctx.writeOutput(out, flags.out);
      const diagnostics = [...result.diagnostics, ...ledger.diagnostics, ...clusters.diagnostics];
      ctx.reportDiagnostics(diagnostics);
      if (flags.out && flags.out !== "-") ctx.note(`Wrote the ${format.toUpperCase()} report on ${recommendations.length} recommendations to ${displayName(flags.out)}.`);
      ctx.exitCode = reviewExitCode(unreadable, diagnostics, flags.strict);
    });
}
