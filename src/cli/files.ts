// Command-line inputs: files, folders (read recursively) and glob patterns.
import { expandPaths as expandAll, type ExpandedPaths } from "../node/expand-paths.js";
import { CliError } from "./io.js";

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
