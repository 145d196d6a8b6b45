import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

const READABLE = /\.(xlsx|xlsm|csv|tsv|txt|docx|doc|xls|pdf)$/i;

/**
 * Expand command-line paths: files as given, folders recursively (files with a matrix extension),
 * sorted so that runs are repeatable. Missing paths are returned too: reading them reports the error.
 */
export async function expandPaths(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > 32) return;
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p, depth + 1);
      else if (e.isFile() && READABLE.test(e.name) && !/\.expected\.json$/.test(e.name)) out.push(p);
    }
  };
  for (const p of paths) {
    const info = await stat(p).catch(() => null);
    if (info?.isDirectory()) await walk(p, 0);
    else out.push(p);
  }
  return out;
}
