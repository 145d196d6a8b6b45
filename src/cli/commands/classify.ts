import type { Command } from "commander";
import { countBy, orderBy } from "lodash-es";
import type { ParseResult } from "../../schema/result.js";
import type { Recommendation } from "../../schema/recommendation.js";
import { hasErrors } from "../../diagnostics/format.js";
import type { ClassifyOptions, ClassifyTask } from "../../classify/options.js";
import { flag, type ReadFlags, readOptions } from "../flags.js";
import { readInputs } from "../inputs.js";
import { CliError, type RunContext } from "../io.js";
import { displayName } from "../safe-text.js";
import { writeBatch } from "../write-batch.js";
import { readAddendumFile, withAddendum } from "../addendum.js";

interface ClassifyFlags extends ReadFlags {
  format: "json" | "jsonl" | "summary";
  out?: string;
  only?: ClassifyTask[];
  threshold?: number;
  maxLabels: number;
  vocabulary: "cycle4" | "cycle3" | "coded";
  evidence: boolean;
  addendum?: string;
  addendumParagraph?: string;
  addendumSymbol?: string;
  strict?: boolean;
}

/** Read the addendum named by --addendum and apply its positions to recommendations without one. */
async function addendumPositions(ctx: RunContext, result: ParseResult, flags: ClassifyFlags): Promise<{ result: ParseResult; applied: number }> {
  const addendum = await readAddendumFile(ctx, flags.addendum!);
  const { result: out, reading } = withAddendum(result, addendum, { ...(flags.addendumParagraph ? { paragraph: flags.addendumParagraph } : {}), ...(flags.addendumSymbol ? { symbol: flags.addendumSymbol } : {}) });
  if (reading.positions.positions.size === 0) throw new CliError(`No list of recommendations with a position found in ${flags.addendum}.`);
  return { result: out, applied: reading.applied };
}

function summary(result: ParseResult, original: readonly Recommendation[]): string {
  const count = (pick: (r: Recommendation) => number) => result.recommendations.reduce((n, r) => n + pick(r), 0);
  const inferred = <T extends { source: string }>(list: readonly T[]) => list.filter((x) => x.source === "classifier").length;
  const lines = [
    `${result.recommendations.length} recommendations classified.`,
    `  themes:           ${count((r) => inferred(r.themes))} inferred (${count((r) => (inferred(r.themes) > 0 ? 1 : 0))} recommendations), ${count((r) => r.themes.length - inferred(r.themes))} given by the files`,
    `  affected persons: ${count((r) => inferred(r.affectedPersons))} inferred, ${count((r) => r.affectedPersons.length - inferred(r.affectedPersons))} given`,
    `  SDG goals:        ${count((r) => inferred(r.sdgs))} inferred, ${count((r) => r.sdgs.length - inferred(r.sdgs))} given`,
    `  UPR Info issues:  ${count((r) => inferred(r.issues))} inferred, ${count((r) => r.issues.length - inferred(r.issues))} given`,
    `  action category:  ${count((r) => (r.actionCategory?.source === "classifier" ? 1 : 0))} inferred, ${count((r) => (r.actionCategory?.source === "matrix" ? 1 : 0))} given`,
  ];
  const classified = result.recommendations.flatMap((r) => r.themes.filter((t) => t.source === "classifier"));
  const vocabularies = countBy(classified.filter((t) => t.vocabulary), (t) => t.vocabulary);
  if (Object.keys(vocabularies).length) lines.push(`  themes named in:  ${Object.entries(vocabularies).map(([v, n]) => `${v} (${n})`).join(", ")}`);
  // Coded and numbered names are told apart by their code; current names stand alone.
  const themes = countBy(classified, (t) => (t.vocabulary === "coded" || t.vocabulary === "numbered" ? `${t.code} ${t.name}` : t.name));
  const top = orderBy(Object.entries(themes), [1, 0], ["desc", "asc"]).slice(0, 10);
  if (top.length) lines.push("  most frequent inferred themes:", ...top.map(([t, n]) => `    ${String(n).padStart(5)}  ${t}`));
  const positions = result.recommendations.filter((r, i) => r.position !== original[i]?.position).length;
  if (positions) lines.push(`  positions filled from the addendum: ${positions}`);
  return `${lines.join("\n")}\n`;
}

/**
 * `upr-matrix classify FILE...`: read matrices and fill the themes, affected persons, SDGs, UPR Info
 * issues and action categories they lack, each with a confidence and its evidence.
 * @example
 * registerClassify(program, ctx);
 */
export function registerClassify(program: Command, ctx: RunContext): void {
  const cmd = program.command("classify");
  for (const o of flag.read()) cmd.addOption(o);
  cmd
    .description("Fill missing UHRI themes, affected persons, SDG goals, UPR Info issues and action categories (with confidence and evidence); read positions from an addendum.")
    .argument("<files...>", "matrices (XLSX, CSV, DOCX) or folders")
    .addOption(flag.format(["json", "jsonl", "summary"], "json", "json | jsonl | summary"))
    .addOption(flag.out("write to this file (all inputs merged), or, for json and jsonl, to this folder (ending in /: one output per input)"))
    .addOption(flag.only())
    .addOption(flag.threshold())
    .addOption(flag.maxLabels())
    .addOption(
      flag.vocabulary(
        "name inferred themes, groups of persons and SDGs in: cycle4 (current UHRI names), cycle3 (2020 names) or coded (v1 codes); a file's own labels decide for it",
        ["cycle4", "cycle3", "coded"],
        "cycle4",
      ),
    )
    .option("--no-evidence", "leave out each inferred label's evidence (faster bulk runs; the same labels and confidences)")
    .option("--addendum <file>", "an addendum (PDF, .docx or text) whose paragraph lists give positions (\"... enjoy the support of X: 117.1-117.45\")")
    .option("--addendum-paragraph <n>", "the report paragraph of bare numbers in the addendum (\"18\" → 115.18)")
    .option("--addendum-symbol <symbol>", "the addendum's symbol, recorded as positionSource (e.g. A/HRC/43/15/Add.1)")
    .addOption(flag.strict())
    .addHelpText("after", `
Labels given by the files are kept; inferred ones have "source": "classifier", a "confidence" (0-1) and
"evidence" (the keywords, treaties, model features and similar labelled recommendations that decided).
Themes, groups of persons and SDGs are named in the vocabulary of the file's own labels, else in
--vocabulary: cycle4 (current UHRI names, "Ratification of & accession to international
instruments"), cycle3 (2020 names, "Acceptance of international norms") or coded (v1, "A12").
Where the model confidently gives a theme of another top-level group than the file's, a
theme-disagreement warning is printed (the file's labels are kept; --strict makes it an error);
neighbouring themes of the same group are only counted.

Examples:
  upr-matrix classify matrix.docx > classified.json
  upr-matrix classify exports/ --only themes,sdgs --format jsonl --out themes.jsonl
  upr-matrix classify uprinfo.csv --vocabulary coded
  upr-matrix classify tracking.xlsx --format summary
  upr-matrix classify exports/ --format jsonl --no-evidence --out labels.jsonl
  upr-matrix classify exports/ --format jsonl --out classified/     one JSON Lines file per input
  upr-matrix classify matrix.docx --addendum add1.docx --addendum-symbol A/HRC/43/15/Add.1

Exit codes: 0 done; 1 the input had errors (output still written); 2 usage error or a file could not be read.`)
    .action(async (paths: string[], flags: ClassifyFlags) => {
      const options: ClassifyOptions = {
        maxLabels: flags.maxLabels,
        vocabulary: flags.vocabulary,
        ...(flags.only ? { tasks: flags.only } : {}),
        ...(flags.threshold !== undefined ? { threshold: flags.threshold } : {}),
        ...(flags.evidence === false ? { evidence: false } : {}),
      };
      // Classified as they are read, in the worker threads (--jobs). JSON and JSON Lines stream as parse's
      // do (the workers render them; nothing is kept); the summary and an addendum need every object.
      if (flags.format !== "summary" && !flags.addendum) {
        await writeBatch(ctx, { command: "classify", paths, format: flags.format, out: flags.out, strict: flags.strict, options: { ...readOptions(flags), classify: options, render: flags.format }, noun: "classified recommendations" });
        return;
      }
      await ctx.writesTo(flags.out);
      const { result, unreadable } = await readInputs(ctx, paths, { ...readOptions(flags), classify: options });
      let out: ParseResult = result;
      if (flags.addendum) {
        const a = await addendumPositions(ctx, result, flags);
        out = a.result;
        ctx.note(`Positions from ${flags.addendum}: ${a.applied} recommendation(s) filled.`);
      }
      const diagnostics = out.diagnostics;
      let text: string;
      if (flags.format === "json") text = `${JSON.stringify(out, null, 2)}\n`;
      else if (flags.format === "jsonl") text = out.recommendations.map((r) => JSON.stringify(r)).join("\n") + (out.recommendations.length ? "\n" : "");
      else text = summary(out, result.recommendations);
      await ctx.writeOutput(text, flags.out);
      ctx.reportDiagnostics(diagnostics);
      if (flags.out && flags.out !== "-") ctx.note(`Wrote ${out.recommendations.length} classified recommendations to ${displayName(flags.out)}.`);
      ctx.exitCode = unreadable > 0 ? 2 : hasErrors(diagnostics, flags.strict) ? 1 : 0;
    });
}
