import * as z from "zod";
import { resolveOptions } from "../errors/matrix-error.js";
import { Limits, resolveLimits } from "../ingest/options.js";
import { extractPdfTextWith, type PdfText } from "./extract.js";

/** Options of extractPdfText. */
export const PdfTextOptions = z.object({
  /** Name shown in places and diagnostics. */
  file: z.string().default("input.pdf"),
  limits: Limits.partial().optional(),
  /** "all" pages (default), or "report": the first pages and those from the recommendations on. */
  pages: z.enum(["all", "report"]).optional(),
});
export type PdfTextOptions = z.input<typeof PdfTextOptions>;

/**
 * Extract the lines of a PDF's text layer, page by page (see linesOfPage), under `limits`: the file is
 * checked for compression bombs and deep nesting first (limits.maxBytes, limits.maxDepth), and reading
 * stops at limits.maxPages pages or after limits.maxSeconds. A password-protected PDF gives
 * `encrypted-file`, a damaged one `corrupt-file`, a scan without text `no-text-layer`; never an exception.
 * @example
 * const { lines, diagnostics } = await extractPdfText(bytes, { file: "A_HRC_28_15.pdf" });
 */
export async function extractPdfText(bytes: Uint8Array, options: PdfTextOptions = {}): Promise<PdfText> {
  const { file, limits, pages } = resolveOptions(PdfTextOptions, options, "extractPdfText");
  return extractPdfTextWith(bytes, { file, limits: resolveLimits(limits ?? {}), ...(pages ? { pages } : {}) });
}
