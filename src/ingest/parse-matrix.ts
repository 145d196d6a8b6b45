import type { ParseResult } from "../schema/result.js";
import { parseCsv } from "./csv.js";
import { parseDocx } from "./docx.js";
import { type ParseOptions, resolveParseOptions } from "./options.js";
import { failed } from "./result.js";
import { sniffFormat, unsupportedMessage } from "./sniff.js";
import { parseXlsx } from "./xlsx.js";

/**
 * Parse a matrix from its bytes, whatever its format: the format is told from the bytes, not the name.
 * Formats upr-matrix cannot read (.doc, .xls, PDF, encrypted workbooks...) give one `unsupported-format`
 * error saying what to do.
 * @example
 * const result = await parseMatrix(bytes, { file: "uganda.docx" });
 */
export async function parseMatrix(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParseResult> {
  const { file } = resolveParseOptions(options, "parseMatrix"); // bad options throw even for an empty file
  const kind = sniffFormat(bytes);
  switch (kind) {
    case "docx":
      return parseDocx(bytes, options);
    case "xlsx":
      return parseXlsx(bytes, options);
    case "csv":
      return parseCsv(bytes, options);
    case "empty":
      return failed({ code: "empty-file", severity: "error", message: "The file is empty (0 bytes).", place: { file } });
    case "zip":
      return failed({ code: "corrupt-file", severity: "error", message: unsupportedMessage(kind)!, place: { file } });
    default:
      return failed({ code: "unsupported-format", severity: "error", message: unsupportedMessage(kind)!, place: { file }, actual: kind });
  }
}

/** Diagnostic codes that mean a file could not be read at all (CLI exit code 2). */
export const UNREADABLE = new Set(["file-error", "unsupported-format", "corrupt-file", "empty-file", "no-table", "unsafe-xml"]);
