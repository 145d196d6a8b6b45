import ExcelJS from "exceljs";
import type { Diagnostic } from "../schema/diagnostic.js";
import type { ParseResult } from "../schema/result.js";
import { type ParseOptions, resolveParseOptions } from "./options.js";
import { failed, mergeResults, readTables } from "./result.js";
import { zipEntries } from "./sniff.js";
import type { Table, TableRow } from "./table.js";

function isoDate(d: Date): string {
  return Number.isNaN(d.getTime()) ? "" : d.toISOString().slice(0, d.getUTCHours() || d.getUTCMinutes() ? 16 : 10);
}

/** The text a person sees in a cell: rich text joined, formulas by their cached result, dates as ISO. */
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

/**
 * Read every visible sheet of a workbook as a table; merged cells carry their master's text.
 * Throws an Error with a one-line message when the bytes are not a readable workbook.
 * @example
 * const tables = await readXlsxTables(bytes, "matrix.xlsx");
 */
export async function readXlsxTables(
  bytes: Uint8Array,
  file = "input.xlsx",
  sheetName?: string,
): Promise<{ tables: Table[]; diagnostics: Diagnostic[] }> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    throw new Error(`Cannot read this .xlsx: ${(e as Error).message.split("\n")[0]}. The file is damaged or not an Excel workbook.`);
  }
  const tables: Table[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const ws of workbook.worksheets) {
    if (sheetName !== undefined && ws.name !== sheetName) continue;
    if (ws.state === "hidden" || ws.state === "veryHidden") {
      if (ws.rowCount > 0) {
        diagnostics.push({ code: "ignored-table", severity: "info", message: `Sheet "${ws.name}" is hidden; not read (${ws.rowCount} rows).`, place: { file, sheet: ws.name, row: 1, rowEnd: ws.rowCount } });
      }
      continue;
    }
    const rows: TableRow[] = [];
    const width = ws.columnCount;
    let formulas = 0;
    let firstFormula = "";
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        const { text, formula } = cellText(cell.value);
        if (formula) {
          formulas++;
          firstFormula ||= cell.address;
        }
        cells.push(text);
      }
      rows.push({ row: r, cells });
    }
    if (formulas > 0) {
      diagnostics.push({ code: "formula-cell", severity: "info", message: `${formulas} formula cell(s) in "${ws.name}" read by their saved result (first: ${firstFormula}); formulas are never evaluated.`, place: { file, sheet: ws.name, cell: firstFormula } });
    }
    tables.push({ file, format: "xlsx", sheet: ws.name, rows });
  }
  if (sheetName !== undefined && tables.length === 0) {
    throw new Error(`No sheet named "${sheetName}" (sheets: ${workbook.worksheets.map((w) => `"${w.name}"`).join(", ")}).`);
  }
  return { tables, diagnostics };
}

/**
 * Parse recommendations from an Excel workbook: every visible sheet, merged cells resolved.
 * @example
 * const { recommendations } = await parseXlsx(bytes, { file: "matrix.xlsx" });
 */
export async function parseXlsx(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParseResult> {
  const opts = resolveParseOptions(options);
  if (bytes.length > opts.limits.maxBytes) {
    return failed({ code: "limit-exceeded", severity: "error", message: `File is ${bytes.length} bytes, over the ${opts.limits.maxBytes}-byte limit (limits.maxBytes).`, place: { file: opts.file } });
  }
  if (!zipEntries(bytes)) {
    return failed({ code: "corrupt-file", severity: "error", message: "Cannot unzip this .xlsx: the file is damaged or not an Excel workbook.", place: { file: opts.file } });
  }
  let read: Awaited<ReturnType<typeof readXlsxTables>>;
  try {
    read = await readXlsxTables(bytes, opts.file, opts.sheet);
  } catch (e) {
    return failed({ code: "corrupt-file", severity: "error", message: (e as Error).message, place: { file: opts.file } });
  }
  const result = readTables(read.tables, opts);
  return mergeResults([{ recommendations: [], diagnostics: read.diagnostics, sources: [] }, result]);
}
