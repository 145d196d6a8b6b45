// A Working Group report or addendum from its bytes, whatever the format (PDF, .docx, text), told from
// the bytes; and the report read with its addendum. The PDF text extractor is passed in, so that Node can
// run pdf.js in a worker thread it can stop (src/node/pdf-sandbox.ts) and a browser in its own.
import * as z from "zod";
import type { Diagnostic } from "../schema/diagnostic.js";
import type { ParseResult } from "../schema/result.js";
import { resolveOptions } from "../errors/matrix-error.js";
import { decodeText } from "../ingest/decode.js";
import { readDocxContent } from "../ingest/docx.js";
import { Limits } from "../ingest/options.js";
import { failed } from "../ingest/result.js";
import { sniffFormat, unsupportedMessage } from "../ingest/sniff.js";
import { ZipError } from "../ingest/zip.js";
import { applyAddendum } from "./addendum.js";
import type { PdfPages, PdfText } from "./extract.js";
import { linesOfParagraphs, linesOfText, type DocLine } from "./lines.js";
import { readWgReport, WgReportOptions } from "./wg-report.js";

/** Reads the text layer of a PDF (extractPdfText, or a sandboxed version of it). */
export type PdfExtractor = (bytes: Uint8Array, options: { file: string; limits: Partial<Limits>; pages?: PdfPages }) => Promise<PdfText>;

/** The text of a document, as lines with their places. */
export interface DocumentText {
  lines: DocLine[];
  format: "pdf" | "docx" | "txt";
  diagnostics: Diagnostic[];
}

// The heading of the recommendations section, in English, French or Spanish.
const SECTION = /conclusions\s+(?:and\s*\/\s*or|et\s*\/\s*ou)\s+recomm|conclusiones\s+y\s*\/\s*o\s+recomendaciones/i;
const WORKING_GROUP = /working group|groupe de travail|grupo de trabajo/i;

/**
 * Does this text read like a Working Group report or its addendum (rather than a CSV table)? Looks for
 * the "Conclusions and/or recommendations" wording and the Working Group, in English, French or Spanish.
 * @example
 * looksLikeWgReport("Report of the Working Group ... II. Conclusions and/or recommendations ..."); // true
 */
export function looksLikeWgReport(text: string): boolean {
  const head = text.slice(0, 400_000);
  return SECTION.test(head) && WORKING_GROUP.test(head);
}

/** Options of readDocumentText. */
export const DocumentTextOptions = z.object({
  /** Name shown in places. */
  file: z.string(),
  limits: Limits.partial().optional(),
  /** What reads a PDF's text layer: extractPdfText, or extractPdfTextIsolated in Node. */
  extract: z.custom<PdfExtractor>((f) => typeof f === "function", "a function that reads a PDF's text layer"),
  /** "all" pages (default), or "report": the first pages and those from the recommendations on. */
  pages: z.enum(["all", "report"]).optional(),
});
export type DocumentTextOptions = z.input<typeof DocumentTextOptions>;

/**
 * The lines of a report or addendum given as bytes: a PDF through `extract` (all its pages, or those a
 * report's reader needs: `pages: "report"`), a .docx by its paragraphs
 * outside tables, anything else as text (encoding detected as for CSV files; pages split by form feeds).
 * Formats that cannot hold a report (.doc, spreadsheets...) give one `unsupported-format` error.
 * @example
 * const { lines, format, diagnostics } = await readDocumentText(bytes, { file: "A_HRC_28_15.pdf", extract: extractPdfText });
 */
export async function readDocumentText(bytes: Uint8Array, optionsIn: DocumentTextOptions): Promise<DocumentText> {
  const options = resolveOptions(DocumentTextOptions, optionsIn, "readDocumentText");
  const file = options.file;
  const limits = options.limits ?? {};
  const kind = sniffFormat(bytes);
  const error = (code: Diagnostic["code"], message: string): DocumentText => ({ lines: [], format: "txt", diagnostics: [{ code, severity: "error", message, place: { file } }] });
  switch (kind) {
    case "pdf": {
      const text = await options.extract(bytes, { file, limits, ...(options.pages ? { pages: options.pages } : {}) });
      return { lines: text.lines, format: "pdf", diagnostics: text.diagnostics };
    }
    case "docx": {
      try {
        return { lines: linesOfParagraphs(readDocxContent(bytes, { file, limits }).paragraphs), format: "docx", diagnostics: [] };
      } catch (e) {
        return error(e instanceof ZipError ? e.code : "corrupt-file", (e as Error).message.split("\n")[0]!);
      }
    }
    case "csv":
      return { lines: linesOfText(decodeText(bytes).text), format: "txt", diagnostics: [] };
    case "empty":
      return error("empty-file", "The file is empty (0 bytes).");
    default:
      return error("unsupported-format", `${unsupportedMessage(kind) ?? "This format cannot hold a report."} A Working Group report is read from its PDF, .docx or text.`);
  }
}

/** Options of parseWgReport: readWgReport's, the limits, and an addendum to read with the report. */
export const ParseWgReportOptions = WgReportOptions.extend({
  limits: Limits.partial().optional(),
  /** The addendum (A/HRC/../Add.1): its bytes (PDF, .docx or text) and its name. */
  addendum: z.object({ bytes: z.instanceof(Uint8Array), file: z.string().default("addendum") }).optional(),
});
export type ParseWgReportOptions = z.input<typeof ParseWgReportOptions>;

/**
 * Read a Working Group report (PDF, .docx or text) into the JSON contract of every reader, and, when
 * given, apply its addendum's positions. A file that cannot be read gives one error diagnostic (a scan
 * without text layer: `no-text-layer`; a password: `encrypted-file`), never an exception.
 * @example
 * const result = await parseWgReportWith(reportBytes, { file: "A_HRC_43_15.pdf", addendum: { bytes: addBytes, file: "A_HRC_43_15_Add.1.pdf" } }, extractPdfText);
 */
export async function parseWgReportWith(bytes: Uint8Array, options: ParseWgReportOptions, extract: PdfExtractor): Promise<ParseResult> {
  const opts = resolveOptions(ParseWgReportOptions, options, "parseWgReport");
  // A report's PDF: only the first pages and those from its recommendations section on are read.
  const doc = await readDocumentText(bytes, { file: opts.file, limits: opts.limits ?? {}, extract, pages: "report" });
  if (doc.diagnostics.some((d) => d.severity === "error")) return failed(...doc.diagnostics);
  let result = readWgReport(doc.lines, { ...opts, format: doc.format });
  result = { ...result, diagnostics: [...doc.diagnostics, ...result.diagnostics] };
  if (opts.addendum && result.recommendations.length > 0) {
    const add = await readDocumentText(opts.addendum.bytes, { file: opts.addendum.file, limits: opts.limits ?? {}, extract });
    if (add.diagnostics.some((d) => d.severity === "error")) {
      // The report was read: its recommendations stay (with the report's positions), the addendum's problem is said.
      result = { ...result, diagnostics: [...result.diagnostics, ...add.diagnostics.map((d) => ({ ...d, message: `Addendum not read: ${d.message}` }))] };
    } else result = applyAddendum(result, add.lines, opts.addendum.file).result;
  }
  return result;
}
