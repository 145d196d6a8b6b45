// Reading one file from disk with the row sources of src/ingest: CSV read in chunks, XLSX and DOCX
// read whole then inflated piece by piece. Large files hand their recommendations over in parts as
// they go; small ones in one piece. Whole and streamed reads run the same code.
import { type FileHandle, open } from "node:fs/promises";
import * as z from "zod";
import { resolveOptions } from "../errors/matrix-error.js";
import type { Diagnostic } from "../schema/diagnostic.js";
import type { ParseResult } from "../schema/result.js";
import { CsvRows, emptyFile } from "../ingest/csv.js";
import { docxRows } from "../ingest/docx.js";
import { requireRecommendations } from "../ingest/guard.js";
import { type ParseOptions, resolveParseOptions } from "../ingest/options.js";
import { failed } from "../ingest/result.js";
import { decodeText } from "../ingest/decode.js";
import { concatBytes } from "../internal/bytes.js";
import { sniffFormat } from "../ingest/sniff.js";
import { TableSink } from "../ingest/tables.js";
import { declaredXmlSize, xlsxRows } from "../ingest/xlsx.js";
import { parseMatrix } from "../ingest/parse-matrix.js";
import { extractPdfTextIsolated } from "./pdf-sandbox.js";
import type { PartSink } from "./parts.js";

/**
 * CSV files stream above this size, or above `streamAbove` when smaller: streaming gives the same result
 * as reading them whole, in less memory.
 */
export const CSV_STREAM_ABOVE = 4 * 1024 * 1024;

/** When a file hands over its recommendations in parts, and how large the parts and reads are. */
export const PartsConfig = z.object({
  /**
   * Workbooks and documents whose XML parts declare more than this many bytes once inflated (whatever
   * the size of the file), and CSV files larger than this (or than CSV_STREAM_ABOVE), hand over their
   * recommendations in parts; smaller ones in one piece.
   */
  streamAbove: z.number().nonnegative().default(16 * 1024 * 1024),
  /** A file read in parts hands over its recommendations every `partSize` or so. */
  partSize: z.int().positive().default(5000),
  /** Bytes read from a CSV file at a time. */
  chunkBytes: z.int().positive().default(1024 * 1024),
});
export type PartsConfig = z.input<typeof PartsConfig>;

/** Default: parts above 16 MiB of XML (CSV files over 4 MiB), of 5,000 recommendations, read 1 MiB at a time. */
export const DEFAULT_PARTS = PartsConfig.parse({});

/** Read at most `max` + 1 bytes (a device or a growing file has no end to trust); null when there were more. */
async function readBounded(fh: FileHandle, size: number, max: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const want = Math.min(max + 1 - total, Math.max(size + 1 - total, 64 * 1024));
    const buf = new Uint8Array(want);
    const { bytesRead } = await fh.read(buf, 0, want, null);
    if (bytesRead === 0) break;
    chunks.push(buf.subarray(0, bytesRead));
    total += bytesRead;
    if (total > max) return null;
  }
  return concatBytes(chunks);
}

/** Do the first bytes of a text file read like a Working Group report (see looksLikeWgReport)? */
async function isReportText(head: Uint8Array): Promise<boolean> {
  const { looksLikeWgReport } = await import("../pdf/document.js");
  return looksLikeWgReport(decodeText(head).text);
}

/** The error for a file over limits.maxBytes (`size` null: it grew past the limit while read). */
function overLimit(file: string, size: number | null, max: number): Diagnostic {
  const what = size === null ? `more than ${max} bytes` : `${size} bytes`;
  return { code: "limit-exceeded", severity: "error", message: `File is ${what}, over the ${max}-byte limit (limits.maxBytes).`, place: { file } };
}

/**
 * The bytes of a regular file, never more than `maxBytes`: a folder, a device or a pipe (named directly
 * or by a glob), a missing or unreadable file, or one over the limit gives the diagnostic to report.
 * @example
 * const read = await readFileBytes("returned/mj.xlsx", "mj.xlsx", 512 << 20);
 * if (read instanceof Uint8Array) use(read); else report(read);
 */
export async function readFileBytes(path: string, file: string, maxBytes: number): Promise<Uint8Array | Diagnostic> {
  let fh: FileHandle;
  try {
    fh = await open(path, "r");
  } catch (e) {
    return fileError(file, e).diagnostics[0]!;
  }
  try {
    const info = await fh.stat();
    if (info.isDirectory()) return { code: "unsupported-format", severity: "error", message: "This is a folder, not a file.", place: { file } };
    if (!info.isFile()) return notRegular(file);
    if (info.size > maxBytes) return overLimit(file, info.size, maxBytes);
    return (await readBounded(fh, info.size, maxBytes)) ?? overLimit(file, null, maxBytes);
  } catch (e) {
    return fileError(file, e).diagnostics[0]!;
  } finally {
    await fh.close().catch(() => {});
  }
}

const notRegular = (file: string): Diagnostic => ({ code: "file-error", severity: "error", message: "Not a regular file (a device, a pipe or a socket): not read.", place: { file } });

/**
 * Read one matrix file (XLSX, CSV, DOCX, told from its bytes), handing its recommendations to `emit`
 * in parts when it is large (see PartsConfig), so that memory stays bounded. The returned result is the
 * last part, with the sources. Only regular files are read (a device or a pipe named directly or by a
 * glob is refused), and never more than limits.maxBytes. Never throws for a bad file: problems come
 * back as diagnostics.
 * @example
 * const rest = await readFileInParts("big.csv", {}, DEFAULT_PARTS, async (part) => out.push(...part.recommendations));
 */
export async function readFileInParts(path: string, options: ParseOptions, config: PartsConfig, emit: PartSink): Promise<ParseResult> {
  const file = options.file ?? path;
  const opts = resolveParseOptions({ ...options, file }, "readFileInParts");
  const parts = resolveOptions(PartsConfig, config, "readFileInParts");
  const max = opts.limits.maxBytes;
  let fh: FileHandle;
  try {
    fh = await open(path, "r");
  } catch (e) {
    return fileError(file, e);
  }
  try {
    const info = await fh.stat();
    if (info.isDirectory()) return failed({ code: "unsupported-format", severity: "error", message: "This is a folder, not a file.", place: { file } });
    if (!info.isFile()) return failed(notRegular(file));
    if (info.size > max) return failed(overLimit(file, info.size, max));
    const headBuf = new Uint8Array(8192);
    const head = headBuf.subarray(0, (await fh.read(headBuf, 0, headBuf.length, 0)).bytesRead);
    const zip = head[0] === 0x50 && head[1] === 0x4b;
    if (!zip && info.size > 0 && sniffFormat(head) === "csv") {
      // A Working Group report saved as text (its contents name the section on the first pages): read whole.
      if (!(await isReportText(head))) return await readCsvFile(fh, info.size, file, opts, parts, emit);
    }
    const bytes = await readBounded(fh, info.size, max);
    if (bytes === null) return failed(overLimit(file, null, max));
    const kind = sniffFormat(bytes);
    if (kind !== "xlsx" && kind !== "docx") return await parseMatrix(bytes, { ...options, file }, extractPdfTextIsolated);
    // What a workbook costs to read is what its XML expands to, not the size of the zip.
    const stream = (declaredXmlSize(bytes) ?? bytes.length) > parts.streamAbove;
    const sink = new TableSink(opts);
    try {
      const rows = kind === "xlsx" ? xlsxRows(bytes, sink, { file, sheet: opts.sheet, limits: opts.limits }) : docxRows(bytes, sink, { file, limits: opts.limits });
      for (let step = rows.next(); !step.done; step = rows.next()) {
        while (stream && sink.pending > parts.partSize) await emit(sink.drain(parts.partSize));
      }
    } catch (e) {
      return sink.fail(e);
    }
    if (kind === "docx" && sink.tableCount === 0) {
      // No table: a Working Group report in Word is read as a report; anything else is refused there.
      const report = await parseMatrix(bytes, { ...options, file }, extractPdfTextIsolated);
      if (report.sources.length > 0 || report.diagnostics.some((d) => d.code !== "no-table")) return report;
      return failed({ code: "no-table", severity: "error", message: "The document has no table: OHCHR matrices are Word tables. Check that this is the matrix, not the report.", place: { file } });
    }
    return requireRecommendations(sink.finish(), file);
  } catch (e) {
    return fileError(file, e);
  } finally {
    await fh.close().catch(() => {});
  }
}

/** A CSV file read in chunks through one decoder and papaparse, parts handed over when it is large. */
async function readCsvFile(fh: FileHandle, size: number, file: string, opts: ReturnType<typeof resolveParseOptions>, parts: z.output<typeof PartsConfig>, emit: PartSink): Promise<ParseResult> {
  const stream = size > Math.min(parts.streamAbove, CSV_STREAM_ABOVE);
  const max = opts.limits.maxBytes;
  const sink = new TableSink(opts);
  const csv = new CsvRows(opts, sink);
  const buf = new Uint8Array(parts.chunkBytes);
  let total = 0;
  for (;;) {
    const { bytesRead } = await fh.read(buf, 0, buf.length, null);
    total += bytesRead;
    // The file grew while it was read.
    if (total > max) return sink.fail(overLimit(file, null, max));
    csv.push(buf.subarray(0, bytesRead), bytesRead === 0);
    while (stream && sink.pending > parts.partSize) await emit(sink.drain(parts.partSize));
    if (bytesRead === 0) break;
  }
  csv.finish();
  if (!csv.sawText) return emptyFile(file);
  return requireRecommendations(sink.finish(), file);
}

function fileError(file: string, e: unknown): ParseResult {
  const err = e as NodeJS.ErrnoException;
  const why = err.code === "ENOENT" ? "No such file." : err.code === "EACCES" ? "Permission denied." : err.code === "EISDIR" ? "This is a folder, not a file." : `Cannot read the file: ${(err.message ?? String(e)).split("\n")[0]}`;
  return failed({ code: err.code === "EISDIR" ? "unsupported-format" : "file-error", severity: "error", message: why, place: { file } });
}
