import type { ParseResult } from "../schema/result.js";
import type { PdfExtractor } from "../pdf/document.js";
import { parseCsv } from "./csv.js";
import { decodeText } from "./decode.js";
import { parseDocx, readDocxContent } from "./docx.js";
import { type ParseOptions, resolveParseOptions } from "./options.js";
import { failed } from "./result.js";
import { sniffFormat, unsupportedMessage } from "./sniff.js";
import { parseXlsx } from "./xlsx.js";

/**
 * Parse a matrix from its bytes, whatever its format: the format is told from the bytes, not the name.
 * A Working Group report (PDF, or a .docx or text without a recommendations table) is read as a report
 * (see parseWgReport in upr-matrix/pdf). A PDF is read only with `extract` (pdf.js stays out of the
 * core): readMatrixFile in upr-matrix/node passes one that runs pdf.js in a worker thread it can stop. Formats
 * upr-matrix cannot read (.doc, .xls, encrypted workbooks...) give one `unsupported-format` error saying
 * what to do.
 * @example
 * const result = await parseMatrix(bytes, { file: "uganda.docx" });
 */
export async function parseMatrix(bytes: Uint8Array, options: ParseOptions = {}, extract?: PdfExtractor): Promise<ParseResult> {
  const { file } = resolveParseOptions(options, "parseMatrix"); // bad options throw even for an empty file
  const kind = sniffFormat(bytes);
  switch (kind) {
    case "pdf":
      return readReport(bytes, options, extract);
    case "docx": {
      const result = parseDocx(bytes, options);
      if (!result.diagnostics.some((d) => d.code === "no-table")) return result;
      const { looksLikeWgReport } = await import("../pdf/document.js");
      return looksLikeWgReport(readDocxContent(bytes, { file, ...(options.limits ? { limits: options.limits } : {}) }).paragraphs.join("\n")) ? readReport(bytes, options, extract) : result;
    }
    case "xlsx":
      return parseXlsx(bytes, options);
    case "csv": {
      const { looksLikeWgReport } = await import("../pdf/document.js");
      // A report saved as text: the recommendations section, not a table.
      if (looksLikeWgReport(decodeText(bytes.subarray(0, 400_000)).text)) return readReport(bytes, options, extract);
      return parseCsv(bytes, options);
    }
    case "empty":
      return failed({ code: "empty-file", severity: "error", message: "The file is empty (0 bytes).", place: { file } });
    case "zip":
      return failed({ code: "corrupt-file", severity: "error", message: unsupportedMessage(kind)!, place: { file } });
    default:
      return failed({ code: "unsupported-format", severity: "error", message: unsupportedMessage(kind)!, place: { file }, actual: kind });
  }
}

/**
 * A Working Group report. Its PDF needs pdf.js, which the core does not carry (it would double a browser
 * app's bundle): in the core a PDF is read only with an extractor (parseWgReport in upr-matrix/pdf passes
 * pdf.js, readMatrixFile in upr-matrix/node a worker thread). Word and text reports need none.
 */
async function readReport(bytes: Uint8Array, options: ParseOptions, extract?: PdfExtractor): Promise<ParseResult> {
  const { file, stateUnderReview, cycle, session, limits } = options;
  const where = file ?? "input";
  if (!extract && sniffFormat(bytes) === "pdf") {
    return failed({ code: "unsupported-format", severity: "error", message: "A PDF is read by parseWgReport (upr-matrix/pdf) or readMatrixFile (upr-matrix/node), not by the core's parseMatrix.", place: { file: where }, actual: "pdf" });
  }
  const { parseWgReportWith } = await import("../pdf/document.js");
  const noPdf: PdfExtractor = () => Promise.reject(new Error("not a PDF"));
  return parseWgReportWith(bytes, { file: where, ...(stateUnderReview ? { stateUnderReview } : {}), ...(cycle ? { cycle } : {}), ...(session ? { session } : {}), ...(limits ? { limits } : {}) }, extract ?? noPdf);
}

/** Diagnostic codes that mean a file could not be read at all (CLI exit code 2). */
export const UNREADABLE = new Set(["file-error", "unsupported-format", "corrupt-file", "empty-file", "no-table", "unsafe-xml", "no-text-layer", "encrypted-file"]);
