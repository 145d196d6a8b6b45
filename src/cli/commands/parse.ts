import type { Command } from "commander";
import type { ParseResult } from "../../schema/result.js";
import { countBySeverity, hasErrors } from "../../diagnostics/format.js";
import { parseColumnMapping, type ParseOptions } from "../../ingest/options.js";
import { mergeResults } from "../../ingest/result.js";
import { processFiles, type ProcessOptions } from "../../node/process-files.js";
import { expandInputs } from "../files.js";
import { CliError, currentGlobals, type GlobalFlags, jobsFrom, note, printSummary, reportDiagnostics, openSink, writeErr } from "../io.js";
import { FolderWriter, FORMATS, type Format, type FormatWriter, formatWriter, isFolderTarget } from "../output.js";
import { ProgressBar } from "../progress.js";

interface ParseFlags extends GlobalFlags {
  format: string;
  out?: string;
  columns?: string;
  sheet?: string;
  headerRow?: string;
  strict?: boolean;
  streamAbove?: string;
  workerMemory?: string;
}

/**
 * The flags that say how to read the inputs (read by parseOptionsFromFlags), shared by the commands
 * that read matrices.
 * @example
 * withReadFlags(program.command("parse")).action(...);
 */
export function withReadFlags(cmd: Command): Command {
  return cmd
    .option("--columns <mapping>", "explicit column mapping, e.g. text=B,position=Response,id=1")
    .option("--sheet <name>", "read only this sheet of an XLSX workbook")
    .option("--header-row <n>", "the header row (1-based; 0 when there is none)");
}

/**
 * Parse options from CLI flags; bad flags are usage errors.
 * @example
 * parseOptionsFromFlags({ columns: "text=B,position=D", headerRow: "3" }); // { columns: { text: "B", position: "D" }, headerRow: 3 }
 */
export function parseOptionsFromFlags(flags: { columns?: string; sheet?: string; headerRow?: string }): ParseOptions {
  const options: ParseOptions = {};
  try {
    if (flags.columns) options.columns = parseColumnMapping(flags.columns);
  } catch (e) {
    throw new CliError(`--columns: ${(e as Error).message}`);
  }
  if (flags.sheet) options.sheet = flags.sheet;
  if (flags.headerRow !== undefined) {
    const n = Number(flags.headerRow);
    if (!Number.isInteger(n) || n < 0) throw new CliError(`--header-row must be a row number (0 for none), not "${flags.headerRow}".`);
    options.headerRow = n;
  }
  return options;
}

/**
 * Read every file named on the command line (folders recursively, glob patterns) into one result, in
 * parallel worker threads (`--jobs`) with a progress bar on a terminal. For commands that need all
 * recommendations at once; `parse` itself streams instead.
 * @example
 * const { result, unreadable } = await readInputs(paths, parseOptionsFromFlags(flags));
 */
export async function readInputs(paths: readonly string[], options: ParseOptions & Pick<ProcessOptions, "classify">, flags: GlobalFlags = currentGlobals()): Promise<{ result: ParseResult; unreadable: number }> {
  const { files, unmatched } = await expandInputs(paths);
  const bar = new ProgressBar(flags);
  const results: ParseResult[] = [];
  let unreadable = 0;
  try {
    for await (const r of processFiles([...unmatched, ...files], { ...options, jobs: jobsFrom(flags), onProgress: (p) => bar.update(p) })) {
      results.push(r);
      if (r.final && r.unreadable) unreadable++;
    }
  } finally {
    bar.done();
  }
  return { result: mergeResults(results), unreadable };
}

function sizeFlag(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*(k|kb|m|mb|g|gb)?$/i.exec(value.trim());
  if (!m) throw new CliError(`${flag} must be a size such as 16MB or 500kB, not "${value}".`);
  const unit = (m[2] ?? "").toLowerCase()[0];
  return Math.round(Number(m[1]) * (unit === "k" ? 1024 : unit === "m" ? 1024 ** 2 : unit === "g" ? 1024 ** 3 : 1));
}

/**
 * `upr-matrix parse INPUT...`: read matrices into the JSON contract, as a batch.
 * @example
 * registerParse(program, () => program.opts<GlobalFlags>());
 */
export function registerParse(program: Command, globals: () => GlobalFlags): void {
  withReadFlags(program.command("parse"))
    .description("Read matrices (XLSX, CSV, DOCX; English, French, Spanish) into typed recommendations.")
    .argument("<inputs...>", "files, folders (read recursively) or quoted glob patterns")
    .option("-f, --format <format>", "json (one document) | jsonl (one recommendation per line) | summary", "json")
    .option("-o, --out <path>", "write to this file (all inputs merged), or to this folder (ending in /: one output per input)")
    .option("--strict", "treat warnings as errors for the exit code")
    .option("--stream-above <size>", "read workbooks larger than this as streams, in bounded memory (CSV files: above 4MB, or this if smaller)", "16MB")
    .option("--worker-memory <MB>", "heap limit of each worker thread; a file needing more is reported", "1024")
    .addHelpText(
      "after",
      `
Examples:
  upr-matrix parse matrix.docx > recommendations.json
  upr-matrix parse exports/ --format summary
  upr-matrix parse "exports/**/*.xlsx" uprinfo.csv --format jsonl --out all.jsonl
  upr-matrix parse exports/ --out results/            one JSON file per input, in results/
  upr-matrix parse tracking.xlsx --columns text=B,position=D --header-row 3
  upr-matrix --jobs 4 --json parse big-folder/ --format jsonl > recs.jsonl 2> problems.jsonl

Diagnostics go to stderr as each file is read (--json: one JSON object per line), then a summary line.
One damaged file never stops the batch. Exit codes: 0 read cleanly; 1 the input had errors (output
still written); 2 usage error, or a file could not be read at all.`,
    )
    .action(async (paths: string[], flags: ParseFlags) => {
      const g = { ...globals(), ...flags };
      if (!(FORMATS as readonly string[]).includes(flags.format)) throw new CliError(`--format must be json, jsonl or summary, not "${flags.format}".`);
      const format = flags.format as Format;
      const memory = Number(flags.workerMemory);
      if (!Number.isInteger(memory) || memory < 64) throw new CliError(`--worker-memory must be a number of MB (at least 64), not "${flags.workerMemory}".`);
      const options: ProcessOptions = {
        ...parseOptionsFromFlags(flags),
        jobs: jobsFrom(g),
        streamAbove: sizeFlag(flags.streamAbove, "--stream-above"),
        workerMemoryMb: memory,
        // JSON is written by the workers, in parallel; the summary needs the objects.
        ...(format === "summary" ? {} : { render: format }),
      };
      const started = performance.now();
      const { files, unmatched } = await expandInputs(paths);
      const folder = await isFolderTarget(flags.out);
      const writer: FormatWriter & { written?: string[] } = folder ? new FolderWriter(flags.out!, format, files) : formatWriter(format, await openSink(flags.out));

      const bar = new ProgressBar(g);
      const totals = { files: 0, recommendations: 0, errors: 0, warnings: 0, unreadable: 0 };
      let strictFail = false;
      let fileErrors = 0;
      let fileWarnings = 0;
      try {
        for await (const r of processFiles([...unmatched, ...files], { ...options, onProgress: (p) => bar.update(p) })) {
          // A pattern that matched nothing has no output file of its own; its error goes to stderr.
          if (!(folder && unmatched.includes(r.path))) await writer.add(r);
          reportDiagnostics(r.diagnostics, g);
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
            if (g.json) writeErr(`${JSON.stringify({ file })}\n`);
            else note(g, `${r.path}: ${file.recommendations} recommendations, ${file.errors} errors, ${file.warnings} warnings (${file.ms} ms)`);
          }
          fileErrors = 0;
          fileWarnings = 0;
        }
      } finally {
        bar.done();
      }
      await writer.end();
      if (flags.out && !g.json) note(g, folder ? `Wrote ${writer.written?.length ?? 0} file(s) to ${flags.out}.` : `Wrote ${totals.recommendations} recommendations to ${flags.out}.`);
      printSummary({ command: "parse", ...totals, ms: performance.now() - started, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }, g);
      process.exitCode = totals.unreadable > 0 ? 2 : strictFail ? 1 : 0;
    });
}
