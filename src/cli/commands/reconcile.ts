import type { Command } from "commander";
import type { ParseResult } from "../../schema/result.js";
import { readMatrixFile } from "../../node/read-file.js";
import { UNREADABLE } from "../../ingest/parse-matrix.js";
import { reconcileRecommendations, type ReconcileSummary } from "../../pdf/reconcile.js";
import { readAddendumFile, withAddendum } from "../addendum.js";
import { flag, type ReadFlags, readOptions } from "../flags.js";
import { CliError, type RunContext } from "../io.js";

interface ReconcileFlags extends ReadFlags {
  addendum?: string;
  format: "text" | "json";
  out?: string;
}

function summaryText(s: ReconcileSummary, left: string, right: string): string {
  const list = (ids: readonly string[]) => (ids.length ? ` (${ids.slice(0, 12).join(", ")}${ids.length > 12 ? ", ..." : ""})` : "");
  return [
    `${left}: ${s.left} recommendations; ${right}: ${s.right}; on both sides: ${s.matched}.`,
    `  only in ${left}: ${s.onlyLeft.length}${list(s.onlyLeft)}`,
    `  only in ${right}: ${s.onlyRight.length}${list(s.onlyRight)}`,
    `  texts equal (whitespace ignored): ${s.textEqual} of ${s.matched}; different: ${s.textDiffer.length}${list(s.textDiffer)}`,
    `  positions that disagree: ${s.positionDiffer.length}${list(s.positionDiffer)}`,
    `  same position, another paragraph of the addendum: ${s.sourceDiffer.length}${list(s.sourceDiffer)}`,
  ].join("\n");
}

/**
 * `upr-matrix reconcile MATRIX REPORT [--addendum ADD1]`: compare a matrix with the Working Group report
 * (and its addendum) it was made from.
 * @example
 * registerReconcile(program, ctx);
 */
export function registerReconcile(program: Command, ctx: RunContext): void {
  const cmd = program.command("reconcile");
  for (const o of flag.read()) cmd.addOption(o);
  cmd
    .description("Compare a matrix with the Working Group report (and its addendum): recommendations missing on either side, texts that differ, positions that disagree.")
    .argument("<matrix>", "the matrix (DOCX, XLSX, CSV), or any file upr-matrix reads")
    .argument("<report>", "the Working Group report (PDF, DOCX or text), or a second matrix")
    .addOption(flag.addendum())
    .addOption(flag.format(["text", "json"], "text", "text (a summary) | json ({ summary, diagnostics })"))
    .addOption(flag.out("write the summary or JSON to this file instead of stdout"))
    .addHelpText("after", `
Each difference is a diagnostic on stderr with its place (matrix row, report page and line):
missing-recommendation, text-mismatch (texts compared ignoring whitespace and typographic quotes and
dashes; the message quotes where they part), position-mismatch (a warning when the positions differ, a
note with --verbose when the same position is cited from another paragraph of the addendum).

Examples:
  upr-matrix reconcile matrix.docx A_HRC_28_15.pdf --addendum A_HRC_28_15_Add.1.pdf
  upr-matrix --json reconcile matrix.docx report.pdf --format json --out differences.json

Exit codes: 0 the two agree; 1 they differ (or a file had errors); 2 usage error or a file could not be read.`)
    .action(async (matrixPath: string, reportPath: string, flags: ReconcileFlags) => {
      const options = readOptions(flags);
      await ctx.writesTo(flags.out);
      await ctx.readsFrom(matrixPath, reportPath);
      // The addendum first: an unreadable one is a usage error before any work.
      const addendum = flags.addendum ? await readAddendumFile(ctx, flags.addendum) : null;
      const [matrix, report] = await Promise.all([readMatrixFile(matrixPath, { ...options, file: matrixPath }), readMatrixFile(reportPath, { file: reportPath })]);
      const unreadable = (r: ParseResult) => r.sources.length === 0 && r.diagnostics.some((d) => UNREADABLE.has(d.code));
      ctx.reportDiagnostics([...matrix.diagnostics, ...report.diagnostics]);
      if (unreadable(matrix) || unreadable(report)) throw new CliError(`Cannot reconcile: ${unreadable(matrix) ? matrixPath : reportPath} could not be read.`);
      let right = report;
      if (addendum) {
        const before = right.diagnostics.length;
        right = withAddendum(right, addendum).result;
        ctx.reportDiagnostics(right.diagnostics.slice(before));
      }
      const { diagnostics, summary } = reconcileRecommendations(matrix, right, { left: "matrix", right: "report" });
      ctx.reportDiagnostics(diagnostics);
      const text = flags.format === "json" ? `${JSON.stringify({ summary, diagnostics }, null, 2)}\n` : `${summaryText(summary, "matrix", "report")}\n`;
      await ctx.writeOutput(text, flags.out);
      const differ = summary.onlyLeft.length + summary.onlyRight.length + summary.textDiffer.length + summary.positionDiffer.length > 0;
      const errors = [...matrix.diagnostics, ...right.diagnostics].some((d) => d.severity === "error");
      ctx.exitCode = differ || errors ? 1 : 0;
    });
}
