import { type Command, Option } from "commander";
import { flag } from "../flags.js";
import { CliError, type RunContext } from "../io.js";
import { displayName } from "../safe-text.js";
import { documentDate, ledgerStates, loadReview, REVIEW_HELP, requireOneReview, reviewExitCode, type ReviewFlags, withReviewFlags } from "../report-inputs.js";

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
      .description("Write the Word skeleton of a national report (Guidance Note sections, 10,700-word budget, annex matrix) or, with --mid-term, of a mid-term report.")
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
${REVIEW_HELP}`)
    .action(async (paths: string[], flags: SkeletonFlags) => {
      if (flags.out === "-") throw new CliError("The skeleton is a binary .docx file: give --out PATH.");
      await ctx.writesTo(flags.out);
      const date = documentDate(ctx);
      const { result, unreadable, recommendations } = await loadReview(ctx, paths, flags);
      requireOneReview(recommendations, unreadable);
      const ledger = await ledgerStates(ctx, flags.ledger, recommendations);
      const bytes = await (await import("../../docx/skeleton.js")).writeSkeletonDocx(recommendations, {
        lang: flags.lang,
        kind: flags.midTerm ? "mid-term" : "national",
        ...(ledger.states ? { states: ledger.states } : {}),
        ...(flags.words ? { wordLimit: flags.words } : {}),
        ...(date ? { date } : {}),
      });
      await ctx.writeOutput(bytes, flags.out);
      const diagnostics = [...result.diagnostics, ...ledger.diagnostics];
      ctx.reportDiagnostics(diagnostics);
      ctx.note(`Wrote the ${flags.midTerm ? "mid-term" : "national"} report skeleton (${recommendations.length} recommendations) to ${displayName(flags.out)}.`);
      ctx.exitCode = reviewExitCode(unreadable, diagnostics, flags.strict);
    });
}
