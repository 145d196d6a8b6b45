import { open, stat } from "node:fs/promises";
import type { ParseResult } from "../schema/result.js";
import { type ParseOptions, resolveParseOptions } from "../ingest/options.js";
import { failed } from "../ingest/result.js";
import { sniffFormat } from "../ingest/sniff.js";
import type { PartSink } from "./parts.js";
import { readMatrixFile } from "./read-file.js";
import { streamCsvFile, type StreamTuning } from "./stream-csv.js";
import { streamXlsxFile } from "./stream-xlsx.js";

/** When to stream a file, and how large its parts are. */
export interface PartsConfig {
  /** Workbooks larger than this many bytes are read as streams (CSV files: see CSV_STREAM_ABOVE); smaller ones whole. */
  streamAbove: number;
  /** A streamed file hands over its recommendations every `partSize` or so. */
  partSize: number;
  /** For tests: read and chunk sizes of the CSV stream. */
  tuning?: StreamTuning;
}

/**
 * CSV files stream above this size, or above `streamAbove` when smaller: streaming gives the same result
 * as reading them whole, in less memory.
 */
export const CSV_STREAM_ABOVE = 4 * 1024 * 1024;

/** Default: stream workbooks over 16 MiB (CSV files over 4 MiB), in parts of 5,000 recommendations. */
export const DEFAULT_PARTS: PartsConfig = { streamAbove: 16 * 1024 * 1024, partSize: 5000 };

/**
 * Read one matrix file: whole when small (readMatrixFile), as a stream in parts when large (CSV through
 * papaparse's stream input, XLSX through exceljs's streaming reader), so that memory stays bounded.
 * Parts go to `emit`; the returned result is the last part, with the sources. Never throws for a bad
 * file: problems come back as diagnostics.
 * @example
 * const rest = await readFileInParts("big.csv", {}, DEFAULT_PARTS, async (part) => out.push(...part.recommendations));
 */
export async function readFileInParts(path: string, options: ParseOptions, config: PartsConfig, emit: PartSink): Promise<ParseResult> {
  const file = options.file ?? path;
  const whole = () => readMatrixFile(path, { ...options, file });
  const info = await stat(path).catch(() => null);
  const opts = resolveParseOptions({ ...options, file });
  // Missing files, folders and files over limits.maxBytes get readMatrixFile's messages.
  const streamCsv = Math.min(config.streamAbove, CSV_STREAM_ABOVE);
  if (!info || !info.isFile() || info.size <= streamCsv || info.size > opts.limits.maxBytes) return whole();
  let head: Uint8Array;
  try {
    const fh = await open(path, "r");
    try {
      const buf = new Uint8Array(8192);
      head = buf.subarray(0, (await fh.read(buf, 0, buf.length, 0)).bytesRead);
    } finally {
      await fh.close();
    }
  } catch {
    return whole();
  }
  const zip = head[0] === 0x50 && head[1] === 0x4b;
  try {
    if (zip && /\.xls[xm]$/i.test(path) && info.size > config.streamAbove) return await streamXlsxFile(path, opts, config.partSize, emit);
    if (!zip && sniffFormat(head) === "csv") return await streamCsvFile(path, opts, config.partSize, emit, config.tuning);
  } catch (e) {
    const first = (e as Error).message.split("\n")[0];
    return failed({ code: "corrupt-file", severity: "error", message: `Cannot read this file as a stream: ${first}. The file is damaged or not a ${zip ? "workbook" : "CSV file"}.`, place: { file } });
  }
  return whole();
}
