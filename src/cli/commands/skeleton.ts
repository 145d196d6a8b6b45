import { type Command, Option } from "commander";
import { flag } from "../flags.js";
import { CliError, type RunContext } from "../io.js";
import { displayName } from "../safe-text.js";
import { documentDate, ledgerStates, loadClusterMap, loadReview, REVIEW_HELP, requireOneReview, reviewExitCode, type ReviewFlags, withReviewFlags } from "../report-inputs.js";

interface SkeletonFlags extends ReviewFlags {
  out: string;
  midTerm?: boolean;
  words?: number;
}

/**
 * `upr-matrix skeleton FILE... --out report.docx`: the Word national-report (or mid-term) skeleton.
 * @example
 * registerSkeleton(program, ctx);
 */
export function registerSkeleton(program: Command, ctx: RunContext): void {
  withReviewFlags(
    program
      .command("skeleton")
      .description(
        "Write the Word skeleton of a national report (the sections of HRC decision 17/119 and, for 4th-cycle reviews, the High Commissioner's asks; title of the review's cycle; 10,700 words, annexes and endnotes outside; plain-language clusters; annex matrix) or, with --mid-term, of a voluntary mid-term report (a Government document on accepted recommendations). docs/report.md gives each section's source.",
      )
      .argument("<files...>", "matrices (XLSX, CSV, DOCX) or folders, for one State under review")
      .addOption(flag.out("the .docx file to write").makeOptionMandatory())
      .addOption(new Option("--mid-term", "the shorter voluntary mid-term report"))
      .addOption(flag.words()),
  )
    .addHelpText("after", `
Examples:
  upr-matrix skeleton matrix.docx --ledger ledger.jsonl --out national-report.docx
  upr-matrix skeleton matrix.docx --ledger ledger.jsonl --mid-term --lang es --out informe-mitad.docx
  upr-matrix skeleton uprinfo.csv --state Kenya --cycle 2 --out kenya.docx
  upr-matrix skeleton matrix.docx --clusters my-clusters.csv --lang fr --out rapport-national.docx
${REVIEW_HELP}`)
    .action(async (paths: string[], flags: SkeletonFlags) => {
      if (flags.out === "-") throw new CliError("The skeleton is a binary .docx file: give --out PATH.");
      await ctx.writesTo(flags.out);
      const date = documentDate(ctx);
      const { result, unreadable, recommendations } = await loadReview(ctx, paths, flags);
      requireOneReview(recommendations, unreadable);
      const ledger = await ledgerStates(ctx, flags.ledger, recommendations);
      const clusters = await loadClusterMap(flags.clusters);
      const bytes = await (await import("../../docx/skeleton.js")).writeSkeletonDocx(recommendations, {
        lang: flags.lang,
        kind: flags.midTerm ? "mid-term" : "national",
        ...(ledger.states ? { states: ledger.states } : {}),
        clusters: clusters.map, ...(flags.vocabulary ? { vocabulary: flags.vocabulary } : {}),
        ...(flags.words ? { wordLimit: flags.words } : {}),
        ...(date ? { date } : {}),
      });
      await ctx.writeOutput(bytes, flags.out);
      const diagnostics = [...result.diagnostics, ...ledger.diagnostics, ...clusters.diagnostics];
      ctx.reportDiagnostics(diagnostics);
      ctx.note(`Wrote the ${flags.midTerm ? "mid-term" : "national"} report skeleton (${recommendations.length} recommendations) to ${displayName(flags.out)}.`);
      ctx.exitCode = reviewExitCode(unreadable, diagnostics, flags.strict);
    });
}
