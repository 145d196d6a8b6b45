import type { Command } from "commander";
import type { ParseOptions } from "../../ingest/options.js";
import type { FileResult, ProcessOptions } from "../../node/process-files.js";
import { readAddendumFile, withAddendum } from "../addendum.js";
import { flag, type ReadFlags, readOptions } from "../flags.js";
import type { RunContext } from "../io.js";
import { FORMATS, type Format } from "../output.js";
import { writeBatch } from "../write-batch.js";

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
      const format = flags.format;
      // The addendum is read once, before the reports it completes.
      const addendum = flags.addendum ? await readAddendumFile(ctx, flags.addendum) : null;
      const read: ParseOptions = readOptions(flags);
      const options: ProcessOptions = {
        ...read,
        streamAbove: flags.streamAbove,
        workerMemoryMb: flags.workerMemory,
        // JSON is written by the workers, in parallel; the summary and an addendum need the objects.
        ...(format === "summary" || addendum ? {} : { render: format }),
      };
      const each = addendum
        ? (r: FileResult): FileResult => {
            if (r.recommendations.length === 0) return r;
            const { result, reading } = withAddendum(r, addendum);
            ctx.note(`${r.path}: positions of ${reading.applied} recommendation(s) from ${addendum.file}.`);
            return { ...r, recommendations: result.recommendations, diagnostics: result.diagnostics };
          }
        : undefined;
      await writeBatch(ctx, { command: "parse", paths, format, out: flags.out, strict: flags.strict, options, noun: "recommendations", ...(each ? { each } : {}) });
    });
}
