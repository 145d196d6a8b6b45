import type { ParseResult } from "../schema/result.js";
import { parseCsv } from "../ingest/csv.js";
import { decodeText } from "../ingest/decode.js";
import { parseDocx, readDocxContent } from "../ingest/docx.js";
import { type ParseOptions } from "../ingest/options.js";
import { failed } from "../ingest/result.js";
import { sniffFormat, unsupportedMessage } from "../ingest/sniff.js";
import { parseXlsx } from "../ingest/xlsx.js";

/**
 * Parse a matrix from its bytes, whatever its format: the format is told from the bytes, not the name.
 * A Working Group report (PDF, or a .docx or text without a recommendations table) is read as a report
 * (see parseWgReport in upr-matrix/pdf; pdf.js runs in a worker thread it cannot hang). Formats
 * upr-matrix cannot read (.doc, .xls, encrypted workbooks...) give one `unsupported-format` error saying
 * what to do.
 * @example
 * const result = await parseMatrix(bytes, { file: "uganda.docx" });
 */
export async function parseMatrix(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParseResult> {
  const file = options.file ?? "input";
  const kind = sniffFormat(bytes);
  switch (kind) {
    case "pdf":
      return readReport(bytes, options);
    case "docx": {
      const result = parseDocx(bytes, options);
      if (!result.diagnostics.some((d) => d.code === "no-table")) return result;
      const { looksLikeWgReport } = await import("../pdf/document.js");
      return looksLikeWgReport(readDocxContent(bytes, { file, ...(options.limits ? { limits: options.limits } : {}) }).paragraphs.join("\n")) ? readReport(bytes, options) : result;
    }
    case "xlsx":
      return parseXlsx(bytes, options);
    case "csv": {
      const { looksLikeWgReport } = await import("../pdf/document.js");
      // A report saved as text: the recommendations section, not a table.
      if (looksLikeWgReport(decodeText(bytes.subarray(0, 400_000)).text)) return readReport(bytes, options);
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

/** A Working Group report, its PDF read in a worker thread (src/node/pdf-sandbox.ts). */
async function readReport(bytes: Uint8Array, options: ParseOptions): Promise<ParseResult> {
  const [{ parseWgReportWith }, { extractPdfTextIsolated }] = await Promise.all([import("../pdf/document.js"), import("./pdf-sandbox.js")]);
  const { file, stateUnderReview, cycle, session, limits } = options;
  return parseWgReportWith(bytes, { file: file ?? "input", ...(stateUnderReview ? { stateUnderReview } : {}), ...(cycle ? { cycle } : {}), ...(session ? { session } : {}), ...(limits ? { limits } : {}) }, extractPdfTextIsolated);
}

/** Diagnostic codes that mean a file could not be read at all (CLI exit code 2). */
export const UNREADABLE = new Set(["file-error", "unsupported-format", "corrupt-file", "empty-file", "no-table", "unsafe-xml", "no-text-layer", "encrypted-file"]);
