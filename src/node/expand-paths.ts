import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";
import { glob, isDynamicPattern } from "tinyglobby";

/** File names a folder walk picks up: the formats upr-matrix reads, and those it explains it cannot. */
export const MATRIX_FILE = /\.(xlsx|xlsm|csv|tsv|txt|docx|doc|xls|pdf)$/i;

/** Paths given on a command line (or to processFiles), expanded. */
export interface ExpandedPaths {
  /** Files to read, in a repeatable order, each once. Missing paths are kept: reading them reports the error. */
  files: string[];
  /** Glob patterns that matched no file. */
  unmatched: string[];
}

const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Expand files, folders (recursively: files with a matrix extension, hidden ones and `*.expected.json`
 * skipped) and glob patterns (`exports/**\/*.xlsx`, quoted so that the shell leaves them alone).
 * Sorted by code point, so that runs are repeatable whatever the file system's order.
 * @example
 * const { files, unmatched } = await expandPaths(["fixtures/", "more/*.csv"]);
 */
export async function expandPaths(paths: readonly string[]): Promise<ExpandedPaths> {
  const files: string[] = [];
  const unmatched: string[] = [];
  const seen = new Set<string>();
  const add = (p: string) => {
    if (seen.has(p)) return;
    seen.add(p);
    files.push(p);
  };
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > 32) return; // a link loop, or a tree no matrix archive has
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    entries.sort((a, b) => byName(a.name, b.name));
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p, depth + 1);
      else if (e.isFile() && MATRIX_FILE.test(e.name)) add(p);
    }
  };
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (info?.isDirectory()) await walk(p, 0);
    else if (info || !isDynamicPattern(p)) add(p);
    else {
      const found = (await glob(p, { onlyFiles: true, dot: false, expandDirectories: false })).sort(byName);
      if (found.length === 0) unmatched.push(p);
      for (const f of found) add(f);
    }
  }
  return { files, unmatched };
}
