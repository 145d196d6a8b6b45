// The streaming loop of `parse` and `classify`: files read (and classified) in the worker threads, each
// result written as it comes (to one output or one per input in a folder), its diagnostics reported,
// then the summary line. Nothing of the batch is kept in memory, so the whole UN record fits.
import { countBySeverity, hasErrors } from "../diagnostics/format.js";
import { type FileResult, processFiles, type ProcessOptions } from "../node/process-files.js";
import { expandInputs, planNote } from "./inputs.js";
import type { RunContext } from "./io.js";
import { FolderWriter, type Format, type FormatWriter, formatWriter, isFolderTarget } from "./output.js";
import { ProgressBar } from "./progress.js";
import { displayName, jsonLine } from "./safe-text.js";

/** What to read and where to write it. */
export interface BatchWrite {
  command: "parse" | "classify";
  paths: readonly string[];
  format: Format;
  /** A file, a folder (one output per input), "-" or nothing for stdout. */
  out?: string;
  strict?: boolean;
  /** Read options, jobs and what the workers do after reading (classify, render). */
  options: ProcessOptions;
  /** Applied to each result before it is written (parse: an addendum's positions). */
  each?: (r: FileResult) => FileResult;
  /** How the closing note names what was written: "recommendations", "classified recommendations". */
  noun: string;
}

/**
 * Read, write and report a batch (see BatchWrite); sets the exit code: 2 when a file could not be read,
 * 1 when the input had errors (warnings too with `strict`), else 0.
 * @example
 * await writeBatch(ctx, { command: "parse", paths: ["exports/"], format: "jsonl", options: { render: "jsonl" }, noun: "recommendations" });
 */
export async function writeBatch(ctx: RunContext, b: BatchWrite): Promise<void> {
  const g = ctx.flags;
  const started = performance.now();
  const { files, unmatched } = await expandInputs(b.paths);
  const folder = await isFolderTarget(b.out);
  if (!folder) await ctx.writesTo(b.out);
  await ctx.readsFrom(...files);
  const writer: FormatWriter & { written?: string[] } = folder ? new FolderWriter(b.out!, b.format, files, (p) => ctx.openSink(p)) : formatWriter(b.format, await ctx.openSink(b.out));
  const bar = new ProgressBar(ctx);
  const totals = { files: 0, recommendations: 0, errors: 0, warnings: 0, unreadable: 0 };
  let strictFail = false;
  let fileErrors = 0;
  let fileWarnings = 0;
  try {
    for await (const read of processFiles([...unmatched, ...files], { ...b.options, ...(g.jobs ? { jobs: g.jobs } : {}), onPlan: planNote(ctx), onProgress: (p) => bar.update(p) })) {
      const r = b.each ? b.each(read) : read;
      // A pattern that matched nothing has no output file of its own; its error goes to stderr.
      if (!(folder && unmatched.includes(r.path))) await writer.add(r);
      ctx.reportDiagnostics(r.diagnostics);
      const c = countBySeverity(r.diagnostics);
      totals.recommendations += r.count;
      totals.errors += c.error;
      totals.warnings += c.warning;
      fileErrors += c.error;
      fileWarnings += c.warning;
      if (hasErrors(r.diagnostics, b.strict)) strictFail = true;
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
  if (b.out && !g.json) ctx.note(folder ? `Wrote ${writer.written?.length ?? 0} file(s) to ${displayName(b.out)}.` : `Wrote ${totals.recommendations} ${b.noun} to ${displayName(b.out)}.`);
  ctx.printSummary({ command: b.command, ...totals, ms: performance.now() - started, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) });
  ctx.exitCode = totals.unreadable > 0 ? 2 : strictFail ? 1 : 0;
}
