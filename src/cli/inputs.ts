// Command-line inputs: files, folders (read recursively) and glob patterns, read through the batch engine.
import type { ParseResult } from "../schema/result.js";
import type { ParseOptions } from "../ingest/options.js";
import { mergeResults } from "../ingest/result.js";
import { expandPaths as expandAll, type ExpandedPaths } from "../node/expand-paths.js";
import { type BatchPlan, processFiles, type ProcessOptions } from "../node/process-files.js";
import { CliError, type RunContext } from "./io.js";
import { ProgressBar } from "./progress.js";
import { jsonLine } from "./safe-text.js";

/**
 * With `--verbose`, say how the batch runs (this thread or worker threads, and why); a JSON line with `--json`.
 * @example
 * processFiles(files, { onPlan: planNote(ctx) });
 */
export function planNote(ctx: RunContext): (plan: BatchPlan) => void {
  return (plan) => {
    if (!ctx.flags.verbose) return;
    if (ctx.flags.json) ctx.writeErr(`${jsonLine({ plan })}\n`);
    else ctx.note(`threads: ${plan.threads === 1 ? "this one" : `${plan.threads} workers`} for ${plan.files} file(s) (${plan.reason})`);
  };
}

/**
 * Expand command-line inputs: files as given, folders recursively (files with a matrix extension),
 * glob patterns (`"exports/**\/*.xlsx"`, quoted for the shell); sorted so that runs are repeatable.
 * A usage error (exit 2) when nothing at all is found.
 * @example
 * const { files, unmatched } = await expandInputs(["matrices/", "extra/*.csv"]);
 */
export async function expandInputs(paths: readonly string[]): Promise<ExpandedPaths> {
  const found = await expandAll(paths);
  if (found.files.length === 0) {
    if (found.unmatched.length > 0) throw new CliError(`No file matches ${found.unmatched.map((p) => `"${p}"`).join(", ")}.`);
    throw new CliError("No input files found.");
  }
  return found;
}

/**
 * Expand command-line paths into the files to read (folders recursively, glob patterns). Missing paths
 * are returned too: reading them reports the error.
 * @example
 * const files = await expandPaths(["returned/"]);
 */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  return (await expandAll(paths)).files;
}

/**
 * Read every file named on the command line (folders recursively, glob patterns) into one result, in
 * parallel worker threads (`--jobs`) with a progress bar on a terminal. For commands that need all
 * recommendations at once; `parse` itself streams instead.
 * @example
 * const { result, unreadable } = await readInputs(ctx, paths, readOptions(flags));
 */
export async function readInputs(ctx: RunContext, paths: readonly string[], options: ParseOptions & Pick<ProcessOptions, "classify">): Promise<{ result: ParseResult; unreadable: number }> {
  const { files, unmatched } = await expandInputs(paths);
  await ctx.readsFrom(...files);
  const bar = new ProgressBar(ctx);
  const results: ParseResult[] = [];
  let unreadable = 0;
  try {
    for await (const r of processFiles([...unmatched, ...files], { ...options, ...(ctx.flags.jobs ? { jobs: ctx.flags.jobs } : {}), onPlan: planNote(ctx), onProgress: (p) => bar.update(p) })) {
      results.push(r);
      if (r.final && r.unreadable) unreadable++;
    }
  } finally {
    bar.done();
  }
  return { result: mergeResults(results), unreadable };
}
