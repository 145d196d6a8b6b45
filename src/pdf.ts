// upr-matrix/pdf: the report of the Working Group on the UPR (A/HRC/NN/NN) and its addendum, read from
// PDF (pdf.js, legacy build: Node 20 and browsers), .docx or text, into the contract every reader returns;
// and reconciled with a matrix. Only the PDF text extraction needs pdf.js: the rest is pure.
import { extractPdfText } from "./pdf/extract-text.js";
import { parseWgReportWith, type ParseWgReportOptions, type PdfExtractor } from "./pdf/document.js";
import type { ParseResult } from "./schema/result.js";

export { extractPdfText } from "./pdf/extract-text.js";
export { extractPdfTextWith, type PdfText, type PdfPages } from "./pdf/extract.js";
export { checkPdf, guardPdf, MAX_STREAM_BYTES, type PdfGuardLimits, type PdfGuardProblem } from "./pdf/guard.js";
export { linesOfPage, linesOfText, linesOfParagraphs, type DocLine, type PdfTextItem } from "./pdf/lines.js";
export { bodyLines, joinLines, Vocabulary } from "./pdf/body.js";
export { readMasthead, readOrdinal, type Masthead } from "./pdf/masthead.js";
export { readWgReport, WgReportOptions } from "./pdf/wg-report.js";
export { isSectionHeading } from "./pdf/heading.js";
export { addendumParagraphs, applyAddendum, type AddendumReading } from "./pdf/addendum.js";
export { readDocumentText, looksLikeWgReport, parseWgReportWith, ParseWgReportOptions, type DocumentText, type PdfExtractor } from "./pdf/document.js";
export { reconcileRecommendations, textKey, type ReconcileSummary, type ReconcileOptions } from "./pdf/reconcile.js";

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
