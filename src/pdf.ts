// upr-matrix/pdf: the report of the Working Group on the UPR (A/HRC/NN/NN) and its addendum, read from
// PDF (pdf.js, legacy build: Node 20 and browsers), .docx or text, into the contract every reader returns;
// and reconciled with a matrix. Only the PDF text extraction needs pdf.js: the rest is pure.
import { extractPdfText } from "./pdf/extract-text.js";
import { parseWgReportWith, type ParseWgReportOptions, type PdfExtractor } from "./pdf/document.js";
import type { ParseResult } from "./schema/result.js";

// Public names only (the building blocks stay inside; tests import them from their src/pdf module).
export { extractPdfText, type PdfTextOptions } from "./pdf/extract-text.js";
export type { PdfText } from "./pdf/extract.js";
export { readWgReport, WgReportOptions } from "./pdf/wg-report.js";
export { addendumParagraphs, applyAddendum, type AddendumReading, type ApplyAddendumOptions } from "./pdf/addendum.js";
export { readDocumentText, ParseWgReportOptions, type DocumentText, type DocumentTextOptions, type PdfExtractor } from "./pdf/document.js";
export { reconcileRecommendations, type ReconcileSummary, type ReconcileOptions } from "./pdf/reconcile.js";

/**
 * Read a Working Group report (PDF, .docx or text) into `{ recommendations, diagnostics, sources }`, and
 * apply its addendum's positions when given. pdf.js runs in this thread, bounded by limits.maxPages and
 * limits.maxSeconds (in Node, readMatrixFile from upr-matrix/node runs it in a worker thread instead).
 * @example
 * import { readFile } from "node:fs/promises";
 * const result = await parseWgReport(await readFile("A_HRC_43_15.pdf"), {
 *   file: "A_HRC_43_15.pdf",
 *   addendum: { bytes: await readFile("A_HRC_43_15_Add.1.pdf"), file: "A_HRC_43_15_Add.1.pdf" },
 * });
 */
export function parseWgReport(bytes: Uint8Array, options: ParseWgReportOptions = {}, extract: PdfExtractor = extractPdfText): Promise<ParseResult> {
  return parseWgReportWith(bytes, options, extract);
}
