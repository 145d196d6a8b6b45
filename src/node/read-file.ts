import type { ParseResult } from "../schema/result.js";
import type { ParseOptions } from "../ingest/options.js";
import { readFileInParts } from "./read-parts.js";

/**
 * Read and parse one matrix file (XLSX, CSV, DOCX, told from its bytes) whole: the same reading as
 * readFileInParts, handed over in one piece. File-system errors become diagnostics, not exceptions;
 * only regular files are read, never more than limits.maxBytes.
 * @example
 * const { recommendations, diagnostics, sources } = await readMatrixFile("fixtures/ohchr-g1-en.docx");
 */
export async function readMatrixFile(path: string, options: ParseOptions = {}): Promise<ParseResult> {
  return readFileInParts(path, options, { streamAbove: Number.MAX_SAFE_INTEGER }, async () => {});
}
