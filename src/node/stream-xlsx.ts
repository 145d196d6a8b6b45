import type ExcelJS from "exceljs";
import type { Diagnostic } from "../schema/diagnostic.js";
import type { ParseResult } from "../schema/result.js";
import { TableReader } from "../ingest/table-reader.js";
import type { ResolvedParseOptions } from "../ingest/options.js";
import { requireRecommendations } from "../ingest/guard.js";
import { failed, mergeResults, noteOtherTables } from "../ingest/result.js";
import { verifyZip, ZipError } from "../ingest/zip.js";
import { readFile } from "node:fs/promises";
import type { PartSink } from "./parts.js";
import { columnLetter } from "../internal/columns.js";

function isoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? "" : d.toISOString().slice(0, d.getUTCHours() || d.getUTCMinutes() ? 16 : 10);
}

// The text a person sees in a cell, as the in-memory reader (ingest/xlsx.ts) reads it.
function cellText(value: ExcelJS.CellValue): { text: string; formula: boolean } {
  if (value === null || value === undefined) return { text: "", formula: false };
  if (typeof value === "string") return { text: value, formula: false };
  if (typeof value === "number" || typeof value === "boolean") return { text: String(value), formula: false };
  if (value instanceof Date) return { text: isoDate(value), formula: false };
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return { text: value.richText.map((r) => r.text ?? "").join(""), formula: false };
    if ("formula" in value || "sharedFormula" in value) {
      const result = (value as { result?: ExcelJS.CellValue }).result;
      const inner = result === undefined || (typeof result === "object" && result !== null && "error" in result) ? { text: "" } : cellText(result);
      return { text: inner.text, formula: true };
    }
    if ("hyperlink" in value) return { text: String((value as { text?: unknown }).text ?? value.hyperlink ?? ""), formula: false };
    if ("error" in value) return { text: String(value.error ?? ""), formula: false };
  }
  return { text: String(value), formula: false };
}

interface SheetReader {
  name: string;
  state?: string;
  [Symbol.asyncIterator](): AsyncIterator<{ number: number; values: ExcelJS.CellValue[] }>;
}

/**
 * Read a large workbook with exceljs's streaming reader, sheet by sheet and row by row, handing
 * recommendations to `emit` in parts of about `partSize`. Merged cells cannot be resolved this way
 * (a merged cell's text stays in its first cell): a `streamed-read` warning says so. Returns the
 * last part, with the sources. Throws when the file is not a readable workbook.
 * @example
 * const rest = await streamXlsxFile("big.xlsx", resolveParseOptions({ file: "big.xlsx" }), 5000, async (part) => write(part));
 */
export async function streamXlsxFile(path: string, opts: ResolvedParseOptions, partSize: number, emit: PartSink): Promise<ParseResult> {
  const file = opts.file;
  const head: Diagnostic[] = [
    {
      code: "streamed-read",
      severity: "warning",
      message: "Large workbook read as a stream to keep memory bounded: merged cells are not filled in (a merged cell's text stays in its first cell). Raise the streaming threshold (--stream-above) to read it whole.",
      place: { file },
    },
  ];
  // exceljs's stream reader trusts the zip: check it first (sizes, CRCs, DTDs) under our limits, or a
  // damaged or lying worksheet can hang the read or exhaust memory.
  try {
    verifyZip(new Uint8Array(await readFile(path)), { maxBytes: opts.limits.maxBytes, maxEntries: opts.limits.maxZipEntries });
  } catch (e) {
    if (e instanceof ZipError) return failed({ code: e.code, severity: "error", message: e.message, place: { file } });
    throw e;
  }
  const finished: ParseResult[] = [];
  const sheets: string[] = [];
  // exceljs is large: loaded only when a large workbook is streamed.
  const { default: Excel } = await import("exceljs");
  const reader = new Excel.stream.xlsx.WorkbookReader(path, { worksheets: "emit", sharedStrings: "cache", styles: "cache", hyperlinks: "ignore", entries: "ignore" });
  try {
    for await (const ws of reader as unknown as AsyncIterable<SheetReader>) {
      sheets.push(ws.name);
      const skip = opts.sheet !== undefined && ws.name !== opts.sheet;
      const hidden = ws.state === "hidden" || ws.state === "veryHidden";
      const table = skip || hidden ? null : new TableReader({ file, format: "xlsx", sheet: ws.name }, opts);
      let last = 0;
      let formulas = 0;
      let firstFormula = "";
      for await (const row of ws) {
        // Every row is read, even for sheets skipped: the zip stream only moves on once it is.
        if (!table) {
          last = row.number;
          continue;
        }
        for (let r = last + 1; r < row.number; r++) table.push({ row: r, cells: [] }); // rows the file leaves out are blank
        last = row.number;
        const cells: string[] = [];
        const values = row.values;
        for (let c = 1; c < values.length; c++) {
          const { text, formula } = cellText(values[c]);
          if (formula) {
            formulas++;
            firstFormula ||= `${columnLetter(c)}${row.number}`;
          }
          cells.push(text);
        }
        table.push({ row: row.number, cells });
        if (table.pending > partSize) {
          const part = table.drain();
          await emit({ recommendations: part.recommendations, diagnostics: [...head.splice(0), ...part.diagnostics] });
        }
      }
      if (hidden && !skip) {
        if (last > 0) head.push({ code: "ignored-table", severity: "info", message: `Sheet "${ws.name}" is hidden; not read (${last} rows).`, place: { file, sheet: ws.name, row: 1, rowEnd: last } });
        continue;
      }
      if (!table) continue;
      if (formulas > 0) {
        head.push({ code: "formula-cell", severity: "info", message: `${formulas} formula cell(s) in "${ws.name}" read by their saved result (first: ${firstFormula}); formulas are never evaluated.`, place: { file, sheet: ws.name, cell: firstFormula } });
      }
      finished.push(table.finish());
    }
  } catch (e) {
    // A stream error ends the read; what was read so far is kept.
    head.push({ code: "corrupt-file", severity: "error", message: `The workbook could not be read to the end: ${((e as Error).message.split("\n")[0] ?? "").slice(0, 200)}`, place: { file } });
  }
  if (opts.sheet !== undefined && !sheets.includes(opts.sheet)) {
    head.push({ code: "corrupt-file", severity: "error", message: `No sheet named "${opts.sheet}" (sheets: ${sheets.map((s) => `"${s}"`).join(", ")}).`, place: { file } });
  }
  noteOtherTables(finished);
  return requireRecommendations(mergeResults([{ recommendations: [], diagnostics: head, sources: [] }, ...finished]), file);
}
