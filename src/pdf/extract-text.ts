import { type Limits, resolveLimits } from "../ingest/options.js";
import { extractPdfTextWith, type PdfPages, type PdfText } from "./extract.js";

/**
 * Extract the lines of a PDF's text layer, page by page (see linesOfPage), under `limits`: the file is
 * checked for compression bombs and deep nesting first (limits.maxBytes, limits.maxDepth), and reading
 * stops at limits.maxPages pages or after limits.maxSeconds. A password-protected PDF gives
 * `encrypted-file`, a damaged one `corrupt-file`, a scan without text `no-text-layer`; never an exception.
 * @example
 * const { lines, diagnostics } = await extractPdfText(bytes, { file: "A_HRC_28_15.pdf" });
 */
export function extractPdfText(bytes: Uint8Array, options: { file?: string; limits?: Partial<Limits>; pages?: PdfPages } = {}): Promise<PdfText> {
  return extractPdfTextWith(bytes, { file: options.file ?? "input.pdf", limits: resolveLimits(options.limits ?? {}), ...(options.pages ? { pages: options.pages } : {}) });
}
