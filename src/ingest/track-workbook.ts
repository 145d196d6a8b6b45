// Reading a returned update workbook (one `upr-matrix track export` wrote and an institution filled in)
// with the guarded XLSX reader: the same limits and diagnostics as `parse`, hidden sheets included (the
// export's metadata is very hidden). Returned workbooks come from other institutions: untrusted input.
import * as z from "zod";
import { resolveOptions } from "../errors/matrix-error.js";
import { columnLetter } from "../internal/columns.js";
import { quote } from "../internal/quote.js";
import type { Diagnostic } from "../schema/diagnostic.js";
import { Language } from "../schema/source.js";
import type { ReturnedCell, ReturnedRow, ReturnedWorkbook } from "../track/merge.js";
import {
  COLUMN_LABELS, EDITABLE_COLUMNS, TRACK_WORKBOOK_FORMAT, dataSheetName, matchTrackHeader,
  type EditableColumn, type ExportBy, type TrackColumn, type TrackWorkbookMeta,
} from "../track/workbook.js";
import { Limits } from "./options.js";
import { sniffFormat, unsupportedMessage } from "./sniff.js";
import type { Table } from "./table.js";
import { readXlsxTables } from "./xlsx.js";
import { ZipError } from "./zip.js";

/** Name of the very hidden sheet holding the export's metadata and snapshot. */
export const TRACK_META_SHEET = "upr-matrix";

/** Options of readTrackWorkbook. */
export const TrackWorkbookReadOptions = z.object({
  /** The limits `parse` reads under (size, zip, XML, cells). */
  limits: Limits.default(Limits.parse({})),
});
export type TrackWorkbookReadOptions = z.input<typeof TrackWorkbookReadOptions>;

/** What readTrackWorkbook gives: the workbook (null when the file cannot be read at all) and what was wrong. */
export interface TrackWorkbookRead {
  workbook: ReturnedWorkbook | null;
  diagnostics: Diagnostic[];
}

// Undo neutralizeFormula on the way back in: the quote was ours, not the person's.
const unquote = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

/** A sheet's cells by 1-based row and column, as the export's reader reads them: unquoted, trimmed. */
class Grid {
  readonly rowCount: number;
  readonly columnCount: number;
  private readonly rows: (readonly string[] | undefined)[] = [];

  constructor(readonly table: Table) {
    for (const r of table.rows) this.rows[r.row] = r.cells;
    this.rowCount = table.rows.length ? table.rows[table.rows.length - 1]!.row : 0;
    let width = 0;
    for (const r of table.rows) if (r.cells.length > width) width = r.cells.length;
    this.columnCount = width;
  }

  raw(r: number, c: number): string {
    return unquote(this.rows[r]?.[c - 1] ?? "");
  }

  text(r: number, c: number): string {
    return this.raw(r, c).trim();
  }

  /** The number of cells row `r` holds (its last column). */
  width(r: number): number {
    return this.rows[r]?.length ?? 0;
  }
}

const ISO_DATE = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2})?$/;

/** A data cell: its text, and its date when the spreadsheet stored one (or a date serial in the date column). */
function returnedCell(grid: Grid, r: number, c: number, name: TrackColumn): ReturnedCell {
  let text = grid.raw(r, c);
  const cell: ReturnedCell = { text, column: c, cell: `${columnLetter(c)}${r}` };
  if (name !== "date") return cell;
  const iso = ISO_DATE.exec(text);
  if (iso) {
    // A date cell reads as ISO text: the date it holds (exceljs gave the day of a Date).
    text = iso[1]!;
    return { ...cell, text, date: text };
  }
  const serial = /^\d+(?:\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  // An Excel date serial without a date format.
  if (serial > 20000 && serial < 80000) cell.date = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
  return cell;
}

function readMeta(grid: Grid): { meta: TrackWorkbookMeta | null; snapshot: Map<string, Partial<Record<EditableColumn, string>>> | null } {
  const kv = new Map<string, string>();
  let r = 1;
  for (; r <= grid.rowCount; r++) {
    const k = grid.text(r, 1);
    if (!k) break;
    kv.set(k, grid.text(r, 2));
  }
  const lang = Language.safeParse(kv.get("lang"));
  const by = kv.get("by");
  if (!kv.get("format")?.startsWith("upr-matrix-track/") || !kv.get("round") || !lang.success || (by !== "institution" && by !== "cluster")) {
    return { meta: null, snapshot: null };
  }
  const meta: TrackWorkbookMeta = {
    format: kv.get("format") ?? TRACK_WORKBOOK_FORMAT, round: kv.get("round")!, exportedAt: kv.get("exportedAt") ?? "",
    by: by as ExportBy, target: kv.get("target") ?? "", lang: lang.data,
  };
  const snapshot = new Map<string, Partial<Record<EditableColumn, string>>>();
  const start = r + 1;
  const cols = new Map<number, EditableColumn>();
  for (let c = 2; c <= grid.columnCount; c++) {
    const name = grid.text(start, c) as EditableColumn;
    if ((EDITABLE_COLUMNS as readonly string[]).includes(name)) cols.set(c, name);
  }
  for (let rr = start + 1; rr <= grid.rowCount; rr++) {
    const key = grid.text(rr, 1);
    if (!key) continue;
    const values: Partial<Record<EditableColumn, string>> = {};
    for (const [c, name] of cols) values[name] = grid.text(rr, c);
    snapshot.set(key, values);
  }
  return { meta, snapshot };
}

function findHeader(grid: Grid): { row: number; columns: Map<number, TrackColumn>; ignored: string[]; added: Map<number, string> } | null {
  const last = Math.min(grid.rowCount, 10);
  for (let r = 1; r <= last; r++) {
    const columns = new Map<number, TrackColumn>();
    const ignored: string[] = [];
    const added = new Map<number, string>();
    const used = new Set<TrackColumn>();
    for (let c = 1; c <= grid.columnCount; c++) {
      const h = grid.text(r, c);
      if (!h) continue;
      const col = matchTrackHeader(h);
      if (col && !used.has(col)) {
        columns.set(c, col);
        used.add(col);
      } else {
        ignored.push(h);
        added.set(c, h);
      }
    }
    if ((used.has("key") || used.has("id")) && (used.has("status") || used.has("action"))) return { row: r, columns, ignored, added };
  }
  return null;
}

/** Read the workbook's sheets (hidden ones too) under the limits, or say in one diagnostic why it cannot be. */
function readSheets(bytes: Uint8Array, file: string, limits: Limits): { tables: Table[]; notes: Diagnostic[] } | Diagnostic {
  if (bytes.length > limits.maxBytes) {
    return { code: "limit-exceeded", severity: "error", message: `File is ${bytes.length} bytes, over the ${limits.maxBytes}-byte limit (limits.maxBytes).`, place: { file } };
  }
  const kind = sniffFormat(bytes);
  if (kind !== "xlsx") {
    // What `parse` says of a file that is not a workbook (a .xls, a PDF, an empty file, a damaged zip).
    const damaged = kind === "csv" || kind === "docx" || kind === "zip";
    const code = kind === "empty" ? "empty-file" : damaged ? "corrupt-file" : "unsupported-format";
    const message = kind === "csv" || kind === "docx" ? "Cannot read this .xlsx: the file is damaged or not an Excel workbook." : (unsupportedMessage(kind) ?? "This is not an Excel workbook (.xlsx).");
    return { code, severity: "error", message, place: { file } };
  }
  try {
    const { tables, diagnostics } = readXlsxTables(bytes, { file, hidden: true, formulas: "text", limits });
    const notes = diagnostics.filter((d) => d.severity !== "info");
    // Cells are cut to limits.maxCellLength, as `parse` cuts them (the reader keeps one character more).
    let cut = 0;
    for (const t of tables) {
      for (const r of t.rows) {
        for (let c = 0; c < r.cells.length; c++) {
          if (r.cells[c]!.length <= limits.maxCellLength) continue;
          r.cells[c] = r.cells[c]!.slice(0, limits.maxCellLength);
          if (++cut <= 20) notes.push({ code: "limit-exceeded", severity: "warning", message: `Cell longer than ${limits.maxCellLength} characters; cut to that length (raise limits.maxCellLength to keep it whole).`, place: { file, ...(t.sheet !== undefined ? { sheet: t.sheet } : {}), row: r.row, column: c + 1, cell: `${columnLetter(c + 1)}${r.row}` } });
        }
      }
    }
    return { tables, notes };
  } catch (e) {
    const code = e instanceof ZipError ? e.code : "corrupt-file";
    return { code, severity: "error", message: ((e as Error).message.split("\n")[0] ?? "").slice(0, 400), place: { file } };
  }
}

/**
 * Read a returned update workbook: finds the data sheet by its header (in any of the three languages,
 * columns in any order, extra columns ignored) and the export metadata when present. The workbook is
 * read by the guarded XLSX reader under the same limits as `parse`; a file that cannot be read gives
 * its diagnostic (`corrupt-file`, `limit-exceeded`, `unsafe-xml`, `unsupported-format`...) and
 * `workbook: null`.
 * @example
 * const { workbook, diagnostics } = await readTrackWorkbook(bytes, "ministry-of-justice.xlsx");
 * const merged = mergeReturnedWorkbooks([workbook!], context);
 */
export async function readTrackWorkbook(bytes: Uint8Array, file = "returned.xlsx", options: TrackWorkbookReadOptions = {}): Promise<TrackWorkbookRead> {
  const { limits } = resolveOptions(TrackWorkbookReadOptions, options, "readTrackWorkbook");
  try {
    return readWorkbook(bytes, file, limits);
  } catch (e) {
    // Never an exception for a bad file: what the guards did not foresee is one error about this file.
    return { workbook: null, diagnostics: [{ code: "corrupt-file", severity: "error", message: `Cannot read this .xlsx: ${((e as Error)?.message ?? String(e)).split("\n")[0]!.slice(0, 300)}`, place: { file } }] };
  }
}

function readWorkbook(bytes: Uint8Array, file: string, limits: Limits): TrackWorkbookRead {
  const read = readSheets(bytes, file, limits);
  if (!("tables" in read)) return { workbook: null, diagnostics: [read] };
  const diagnostics: Diagnostic[] = [...read.notes];
  const metaTable = read.tables.find((t) => t.sheet === TRACK_META_SHEET);
  const { meta, snapshot } = metaTable ? readMeta(new Grid(metaTable)) : { meta: null, snapshot: null };
  if (!meta) {
    diagnostics.push({
      code: "unknown-layout",
      severity: "info",
      message: "No export metadata in this workbook (copied or re-created?): answers are compared with the ledger's current state, and the round is unknown, so conflicts between institutions cannot be told apart from updates.",
      place: { file },
    });
  }
  // The data sheet is found by its header, not its name: people rename sheets.
  const candidates = read.tables.filter((t) => t.sheet !== TRACK_META_SHEET);
  const preferred = meta ? dataSheetName(meta.lang) : null;
  candidates.sort((a, b) => Number(b.sheet === preferred) - Number(a.sheet === preferred));
  for (const table of candidates) {
    const grid = new Grid(table);
    const header = findHeader(grid);
    if (!header) continue;
    const sheet = table.sheet ?? "";
    const rows: ReturnedRow[] = [];
    for (let r = header.row + 1; r <= grid.rowCount; r++) {
      // Text in columns people added (with a header or not) is kept with the answer.
      const extra: NonNullable<ReturnedRow["extra"]> = [];
      for (let c = 1; c <= grid.width(r); c++) {
        if (header.columns.has(c) || !grid.text(r, c)) continue;
        extra.push({ column: header.added.get(c) ?? `Column ${columnLetter(c)}`, cell: { text: grid.raw(r, c), column: c, cell: `${columnLetter(c)}${r}` } });
      }
      // A row with nothing in the columns read is blank: no cells kept (a sheet can hold a million).
      let filled = extra.length > 0;
      for (const c of header.columns.keys()) if (grid.raw(r, c)) filled = true;
      if (!filled) {
        rows.push({ row: r, cells: {} });
        continue;
      }
      const cells: ReturnedRow["cells"] = {};
      for (const [c, name] of header.columns) cells[name] = returnedCell(grid, r, c, name);
      rows.push({ row: r, cells, ...(extra.length ? { extra } : {}) });
    }
    const present = new Set(header.columns.values());
    for (const needed of ["key", "status"] as const) {
      if (!present.has(needed)) {
        diagnostics.push({
          code: "missing-column",
          severity: needed === "key" ? "warning" : "info",
          message: needed === "key"
            ? `Sheet ${quote(sheet)} has no Key column: rows are matched by their number only.`
            : `Sheet ${quote(sheet)} has no Status column: only actions, evidence and indicators are read.`,
          place: { file, sheet, row: header.row },
          expected: [COLUMN_LABELS.en[needed], COLUMN_LABELS.fr[needed], COLUMN_LABELS.es[needed]],
        });
      }
    }
    return { workbook: { file, sheet, meta, snapshot, rows, ignoredColumns: header.ignored }, diagnostics };
  }
  diagnostics.push({
    code: "missing-column",
    severity: "error",
    message: "No sheet with a Key (or number) column and a Status (or action) column: this is not an update workbook from `upr-matrix track export`.",
    place: { file },
    expected: [COLUMN_LABELS.en.key, COLUMN_LABELS.en.status],
  });
  return { workbook: { file, sheet: null, meta, snapshot, rows: [], ignoredColumns: [] }, diagnostics };
}
