import { readFile, stat } from "node:fs/promises";
import type { ParseResult } from "../schema/result.js";
import { type ParseOptions, resolveParseOptions } from "../ingest/options.js";
import { failed } from "../ingest/result.js";
import { parseMatrix } from "../ingest/parse-matrix.js";

/**
 * Read and parse one matrix file (XLSX, CSV, DOCX). File-system errors become diagnostics, not exceptions.
 * @example
 * const { recommendations, diagnostics, sources } = await readMatrixFile("fixtures/ohchr-g1-en.docx");
 */
export async function readMatrixFile(path: string, options: ParseOptions = {}): Promise<ParseResult> {
  const file = options.file ?? path;
  const opts = { ...options, file };
  const limits = resolveParseOptions(opts).limits;
  try {
    const info = await stat(path);
    if (info.isDirectory()) return failed({ code: "unsupported-format", severity: "error", message: "This is a folder, not a file.", place: { file } });
    if (info.size > limits.maxBytes) {
      return failed({ code: "limit-exceeded", severity: "error", message: `File is ${info.size} bytes, over the ${limits.maxBytes}-byte limit (limits.maxBytes).`, place: { file } });
    }
    const bytes = new Uint8Array(await readFile(path));
    return await parseMatrix(bytes, opts);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === "ENOENT" ? "No such file." : err.code === "EACCES" ? "Permission denied." : `Cannot read the file: ${err.message}`;
    return failed({ code: "file-error", severity: "error", message: why, place: { file } });
  }
}
