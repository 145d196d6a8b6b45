import type { Command } from "commander";
import type { ParseOptions } from "../../ingest/options.js";
import { countBySeverity, hasErrors } from "../../diagnostics/format.js";
import { processFiles, type ProcessOptions } from "../../node/process-files.js";
import { readAddendumFile, withAddendum } from "../addendum.js";
import { flag, type ReadFlags, readOptions } from "../flags.js";
import { expandInputs, planNote } from "../inputs.js";
import type { RunContext } from "../io.js";
import { FolderWriter, FORMATS, type Format, type FormatWriter, formatWriter, isFolderTarget } from "../output.js";
import { ProgressBar } from "../progress.js";
import { displayName, jsonLine } from "../safe-text.js";

interface ParseFlags extends ReadFlags {
  format: Format;
  addendum?: string;
  out?: string;
  strict?: boolean;
  streamAbove: number;
  workerMemory: number;
}

/**
 * `upr-matrix parse INPUT...`: read matrices into the JSON contract, as a batch.
 * @example
 * registerParse(program, ctx);
 */
export function registerParse(program: Command, ctx: RunContext): void {
  const cmd = program.command("parse");
  for (const o of flag.read()) cmd.addOption(o);
  cmd
    .description("Read matrices (XLSX, CSV, DOCX) and Working Group reports (PDF, DOCX, text), in English, French or Spanish, into typed recommendations.")
    .argument("<inputs...>", "files, folders (read recursively) or quoted glob patterns")
    .addOption(flag.format(FORMATS, "json", "json (one document) | jsonl (one recommendation per line) | summary"))
    .addOption(flag.out("write to this file (all inputs merged), or to this folder (ending in /: one output per input)"))
    .addOption(flag.addendum())
    .addOption(flag.strict())
    .addOption(flag.streamAbove())
    .addOption(flag.workerMemory())
    .addHelpText(
      "after",
      `
Examples:
  upr-matrix parse matrix.docx > recommendations.json
  upr-matrix parse exports/ --format summary
  upr-matrix parse "exports/**/*.xlsx" uprinfo.csv --format jsonl --out all.jsonl
  upr-matrix parse exports/ --out results/            one JSON file per input, in results/
  upr-matrix parse tracking.xlsx --columns text=B,position=D --header-row 3
  upr-matrix parse A_HRC_43_15.pdf --addendum A_HRC_43_15_Add.1.pdf     a report, with the State's positions
  upr-matrix --jobs 4 --json parse big-folder/ --format jsonl > recs.jsonl 2> problems.jsonl

Diagnostics go to stderr as each file is read (--json: one JSON object per line), then a summary line.
One damaged file never stops the batch. Exit codes: 0 read cleanly; 1 the input had errors (output
still written); 2 usage error, or a file could not be read at all.`,
    )
    .action(async (paths: string[], flags: ParseFlags) => {
      const g = ctx.flags;
      const format = flags.format;
      // The addendum is read once, before the reports it completes.
      const addendum = flags.addendum ? await readAddendumFile(ctx, flags.addendum) : null;
      const read: ParseOptions = readOptions(flags);
      const options: ProcessOptions = {
        ...read,
        ...(g.jobs ? { jobs: g.jobs } : {}),
        streamAbove: flags.streamAbove,
        workerMemoryMb: flags.workerMemory,
        // JSON is written by the workers, in parallel; the summary and an addendum need the objects.
        ...(format === "summary" || addendum ? {} : { render: format }),
      };
      const started = performance.now();
      const { files, unmatched } = await expandInputs(paths);
      const folder = await isFolderTarget(flags.out);
      if (!folder) await ctx.writesTo(flags.out);
      await ctx.readsFrom(...files);
      const writer: FormatWriter & { written?: string[] } = folder ? new FolderWriter(flags.out!, format, files, (p) => ctx.openSink(p)) : formatWriter(format, await ctx.openSink(flags.out));

      const bar = new ProgressBar(ctx);
      const totals = { files: 0, recommendations: 0, errors: 0, warnings: 0, unreadable: 0 };
      let strictFail = false;
      let fileErrors = 0;
      let fileWarnings = 0;
      try {
        for await (const read of processFiles([...unmatched, ...files], { ...options, onPlan: planNote(ctx), onProgress: (p) => bar.update(p) })) {
          let r = read;
          if (addendum && r.recommendations.length > 0) {
            const { result, reading } = withAddendum(r, addendum);
            r = { ...r, recommendations: result.recommendations, diagnostics: result.diagnostics };
            ctx.note(`${r.path}: positions of ${reading.applied} recommendation(s) from ${addendum.file}.`);
          }
          // A pattern that matched nothing has no output file of its own; its error goes to stderr.
          if (!(folder && unmatched.includes(r.path))) await writer.add(r);
          ctx.reportDiagnostics(r.diagnostics);
          const c = countBySeverity(r.diagnostics);
          totals.recommendations += r.count;
          totals.errors += c.error;
          totals.warnings += c.warning;
          fileErrors += c.error;
          fileWarnings += c.warning;
          if (hasErrors(r.diagnostics, flags.strict)) strictFail = true;
          if (!r.final) continue;
          totals.files++;
          if (r.unreadable) totals.unreadable++;
          if (g.verbose) {
            const file = { path: r.path, recommendations: r.sources.reduce((a, s) => a + s.recommendations, 0), errors: fileErrors, warnings: fileWarnings, unreadable: r.unreadable, ms: Math.round(r.ms) };
            if (g.json) ctx.writeErr(`${jsonLine({ file })}\n`);
            else ctx.note(`${displayName(r.path)}: ${file.recommendations} recommendations, ${file.errors} errors, ${file.warnings} warnings (${file.ms} ms)`);
          }
          fileErrors = 0;
          fileWarnings = 0;
        }
        await writer.end();
      } catch (e) {
        // Nothing half-written: the output file (or the folder's current one) is not put in place.
        await writer.abort();
        throw e;
      } finally {
        bar.done();
      }
      if (flags.out && !g.json) ctx.note(folder ? `Wrote ${writer.written?.length ?? 0} file(s) to ${displayName(flags.out)}.` : `Wrote ${totals.recommendations} recommendations to ${displayName(flags.out)}.`);
      ctx.printSummary({ command: "parse", ...totals, ms: performance.now() - started, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
      ctx.exitCode = totals.unreadable > 0 ? 2 : strictFail ? 1 : 0;
    });
}
