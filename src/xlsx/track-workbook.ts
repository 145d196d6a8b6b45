// The per-institution update workbook on disk: instructions first, a data sheet with a status
// drop-down and protected id columns, and a very hidden sheet remembering what was sent out, so that
// the import can tell what a person changed.
import ExcelJS from "exceljs";
import type { Diagnostic } from "../schema/diagnostic.js";
import { Language } from "../schema/source.js";
import { cellText } from "../internal/safe-cell.js";
import { fitRowHeights, fitToPageWidth } from "./layout.js";
import { documentDate, stabilizeZip } from "../report/stable-zip.js";
import type { ReturnedCell, ReturnedRow, ReturnedWorkbook } from "../track/merge.js";
import { columnLetter } from "../internal/columns.js";
import {
  COLUMN_LABELS, EDITABLE_COLUMNS, TRACK_COLUMNS, TRACK_WORKBOOK_FORMAT, dataSheetName, matchTrackHeader,
  type EditableColumn, type ExportBy, type TrackColumn, type TrackWorkbookMeta, type TrackWorkbookPlan,
} from "../track/workbook.js";

/** Name of the very hidden sheet holding the export's metadata and snapshot. */
export const TRACK_META_SHEET = "upr-matrix";

const WIDTHS: Record<TrackColumn, number> = {
  key: 16, id: 9, cluster: 24, text: 60, states: 20, position: 12, lead: 22, institutions: 22, previous: 30,
  status: 24, date: 16, action: 50, evidence: 30, indicators: 18, reportedBy: 18,
};
const EDITABLE = new Set<TrackColumn>(EDITABLE_COLUMNS);
const GREY: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDEDED" } };
const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9D9D9" } };
const ANSWER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFFBE6" } };
/** Columns after the data left unlocked, so people can add their own notes. */
const FREE_COLUMNS = 10;

const safe = cellText;

/**
 * Write one update workbook: "Instructions" first, then the data sheet (status drop-down, id columns
 * protected without a password, answer cells unlocked), then a very hidden metadata sheet. Every text
 * cell is neutralised against formula injection. Deterministic: the same plan gives the same bytes.
 * @example
 * for (const plan of planTrackExport(recommendations, states, { round, exportedAt })) {
 *   await writeFile(join(dir, plan.fileName), await writeTrackWorkbook(plan));
 * }
 */
export async function writeTrackWorkbook(plan: TrackWorkbookPlan): Promise<Uint8Array> {
  const { meta } = plan;
  const wb = new ExcelJS.Workbook();
  const when = new Date(meta.exportedAt);
  wb.creator = "upr-matrix";
  wb.lastModifiedBy = "upr-matrix";
  wb.created = when;
  wb.modified = when;

  const info = wb.addWorksheet("Instructions", { properties: { tabColor: { argb: "FF1F4E79" } } });
  info.getColumn(1).width = 120;
  plan.instructions.forEach((line, i) => {
    const cell = info.getCell(i + 1, 1);
    cell.value = safe(line);
    cell.alignment = { wrapText: true, vertical: "top" };
    if (i === 0) cell.font = { bold: true, size: 14 };
    else if (/^(How to|Comment remplir|Cómo completar)/.test(line)) cell.font = { bold: true };
  });

  const labels = COLUMN_LABELS[meta.lang];
  const ws = wb.addWorksheet(dataSheetName(meta.lang), { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
  TRACK_COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = WIDTHS[c]));
  const header = ws.getRow(1);
  TRACK_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = safe(labels[c]);
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: "middle" };
  });
  header.height = 32;
  const statusList = `"${plan.statusOptions.join(",")}"`;
  plan.rows.forEach((row, r) => {
    const xr = ws.getRow(r + 2);
    TRACK_COLUMNS.forEach((c, i) => {
      const cell = xr.getCell(i + 1);
      const v = row.values[c];
      if (v !== "") cell.value = safe(v);
      cell.alignment = { wrapText: true, vertical: "top" };
      if (EDITABLE.has(c)) {
        cell.protection = { locked: false };
        cell.fill = ANSWER_FILL;
      } else cell.fill = GREY;
      if (c === "date") cell.numFmt = "yyyy-mm-dd";
    });
  });
  if (plan.rows.length > 0) {
    // One range, not one rule per cell: exceljs merges per-cell rules into overlapping ranges, which Excel rejects.
    const col = columnLetter(TRACK_COLUMNS.indexOf("status") + 1);
    (ws as unknown as { dataValidations: { add(address: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${col}2:${col}${plan.rows.length + 1}`, {
      type: "list",
      allowBlank: true,
      formulae: [statusList],
      showErrorMessage: true,
      // A warning, not a stop: people may still type their own words, which the import reads.
      errorStyle: "warning",
      errorTitle: labels.status,
      error: plan.statusOptions.join(" | "),
      showInputMessage: true,
      promptTitle: labels.status,
      prompt: plan.statusOptions.join(" | "),
    });
  }
  for (let i = 1; i <= FREE_COLUMNS; i++) ws.getColumn(TRACK_COLUMNS.length + i).protection = { locked: false };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, plan.rows.length + 1), column: TRACK_COLUMNS.length } };
  // A printed workbook fits the page width (15 columns on one landscape A4), header repeated.
  fitRowHeights(ws, 2);
  fitRowHeights(info);
  fitToPageWidth(ws, "landscape", "1:1");
  fitToPageWidth(info, "portrait");
  // No password: protection prevents accidental edits of ids and texts, it is not a security boundary.
  await ws.protect("", {
    selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true,
    insertColumns: true, sort: true, autoFilter: true,
  });

  const hidden = wb.addWorksheet(TRACK_META_SHEET, { state: "veryHidden" });
  const metaRows: [string, string][] = [
    ["format", meta.format], ["round", meta.round], ["exportedAt", meta.exportedAt], ["by", meta.by], ["target", meta.target], ["lang", meta.lang],
  ];
  metaRows.forEach(([k, v], i) => {
    hidden.getCell(i + 1, 1).value = k;
    hidden.getCell(i + 1, 2).value = safe(v);
  });
  const snapStart = metaRows.length + 2;
  hidden.getCell(snapStart, 1).value = "key";
  EDITABLE_COLUMNS.forEach((c, i) => (hidden.getCell(snapStart, i + 2).value = c));
  plan.rows.forEach((row, r) => {
    hidden.getCell(snapStart + 1 + r, 1).value = safe(row.key);
    EDITABLE_COLUMNS.forEach((c, i) => {
      if (row.values[c] !== "") hidden.getCell(snapStart + 1 + r, i + 2).value = safe(row.values[c]);
    });
  });

  // Zip entry times and core.xml dates set to the export time: the same plan gives the same bytes.
  const buffer = await wb.xlsx.writeBuffer();
  return stabilizeZip(new Uint8Array(buffer as ArrayBuffer), documentDate(when, null));
}

function isoDate(d: Date): string | undefined {
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString().slice(0, 10);
}

// Undo neutralizeFormula on the way back in: the quote was ours, not the person's.
const unquote = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

function readCell(value: ExcelJS.CellValue): { text: string; date?: string } {
  if (value === null || value === undefined) return { text: "" };
  if (typeof value === "string") return { text: unquote(value) };
  if (typeof value === "number" || typeof value === "boolean") return { text: String(value) };
  if (value instanceof Date) {
    const date = isoDate(value);
    return date ? { text: date, date } : { text: "" };
  }
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return { text: unquote(value.richText.map((r) => r.text ?? "").join("")) };
    if ("formula" in value || "sharedFormula" in value) {
      // Someone typed "- done" and Excel made it a formula: keep what they typed rather than an error.
      const result = (value as { result?: ExcelJS.CellValue }).result;
      const failed = result === undefined || result === null || (typeof result === "object" && "error" in result);
      if (!failed) return readCell(result);
      const f = (value as { formula?: string }).formula ?? "";
      return { text: f ? `=${f}` : "" };
    }
    if ("hyperlink" in value) return { text: String((value as { text?: unknown }).text ?? value.hyperlink ?? "") };
    if ("error" in value) return { text: "" };
  }
  return { text: String(value) };
}

const cellString = (ws: ExcelJS.Worksheet, r: number, c: number) => readCell(ws.getRow(r).getCell(c).value).text.trim();

function readMeta(ws: ExcelJS.Worksheet): { meta: TrackWorkbookMeta | null; snapshot: Map<string, Partial<Record<EditableColumn, string>>> | null } {
  const kv = new Map<string, string>();
  let r = 1;
  for (; r <= ws.rowCount; r++) {
    const k = cellString(ws, r, 1);
    if (!k) break;
    kv.set(k, cellString(ws, r, 2));
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
  for (let c = 2; c <= ws.columnCount; c++) {
    const name = cellString(ws, start, c) as EditableColumn;
    if ((EDITABLE_COLUMNS as readonly string[]).includes(name)) cols.set(c, name);
  }
  for (let rr = start + 1; rr <= ws.rowCount; rr++) {
    const key = cellString(ws, rr, 1);
    if (!key) continue;
    const values: Partial<Record<EditableColumn, string>> = {};
    for (const [c, name] of cols) values[name] = cellString(ws, rr, c);
    snapshot.set(key, values);
  }
  return { meta, snapshot };
}

function findHeader(ws: ExcelJS.Worksheet): { row: number; columns: Map<number, TrackColumn>; ignored: string[] } | null {
  const last = Math.min(ws.rowCount, 10);
  for (let r = 1; r <= last; r++) {
    const columns = new Map<number, TrackColumn>();
    const ignored: string[] = [];
    const used = new Set<TrackColumn>();
    for (let c = 1; c <= ws.columnCount; c++) {
      const h = cellString(ws, r, c);
      if (!h) continue;
      const col = matchTrackHeader(h);
      if (col && !used.has(col)) {
        columns.set(c, col);
        used.add(col);
      } else ignored.push(h);
    }
    if ((used.has("key") || used.has("id")) && (used.has("status") || used.has("action"))) return { row: r, columns, ignored };
  }
  return null;
}

/**
 * Read a returned update workbook: finds the data sheet by its header (in any of the three
 * languages, columns in any order, extra columns ignored) and the export metadata when present.
 * A file that is not a workbook gives a `corrupt-file` diagnostic and `workbook: null`.
 * @example
 * const { workbook, diagnostics } = await readTrackWorkbook(bytes, "ministry-of-justice.xlsx");
 * const merged = mergeReturnedWorkbooks([workbook!], context);
 */
export async function readTrackWorkbook(bytes: Uint8Array, file = "returned.xlsx"): Promise<{ workbook: ReturnedWorkbook | null; diagnostics: Diagnostic[] }> {
  const diagnostics: Diagnostic[] = [];
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (e) {
    diagnostics.push({ code: "corrupt-file", severity: "error", message: `Cannot read this .xlsx: ${(e as Error).message.split("\n")[0]}. The file is damaged or not an Excel workbook.`, place: { file } });
    return { workbook: null, diagnostics };
  }
  const metaSheet = wb.getWorksheet(TRACK_META_SHEET);
  const { meta, snapshot } = metaSheet ? readMeta(metaSheet) : { meta: null, snapshot: null };
  if (!meta) {
    diagnostics.push({
      code: "unknown-layout",
      severity: "info",
      message: "No export metadata in this workbook (copied or re-created?): answers are compared with the ledger's current state, and the round is unknown, so conflicts between institutions cannot be told apart from updates.",
      place: { file },
    });
  }
  // The data sheet is found by its header, not its name: people rename sheets.
  const candidates = wb.worksheets.filter((w) => w.name !== TRACK_META_SHEET);
  const preferred = meta ? dataSheetName(meta.lang) : null;
  candidates.sort((a, b) => Number(b.name === preferred) - Number(a.name === preferred));
  for (const ws of candidates) {
    const header = findHeader(ws);
    if (!header) continue;
    const rows: ReturnedRow[] = [];
    for (let r = header.row + 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: ReturnedRow["cells"] = {};
      for (const [c, name] of header.columns) {
        const cell = row.getCell(c);
        const { text, date } = readCell(cell.value);
        const rc: ReturnedCell = { text, column: c, cell: cell.address };
        if (date) rc.date = date;
        else if (name === "date" && typeof cell.value === "number" && cell.value > 20000 && cell.value < 80000) {
          // An Excel date serial without a date format.
          rc.date = new Date(Date.UTC(1899, 11, 30) + cell.value * 86_400_000).toISOString().slice(0, 10);
        }
        cells[name] = rc;
      }
      rows.push({ row: r, cells });
    }
    const present = new Set(header.columns.values());
    for (const needed of ["key", "status"] as const) {
      if (!present.has(needed)) {
        diagnostics.push({
          code: "missing-column",
          severity: needed === "key" ? "warning" : "info",
          message: needed === "key"
            ? `Sheet "${ws.name}" has no Key column: rows are matched by their number only.`
            : `Sheet "${ws.name}" has no Status column: only actions, evidence and indicators are read.`,
          place: { file, sheet: ws.name, row: header.row },
          expected: [COLUMN_LABELS.en[needed], COLUMN_LABELS.fr[needed], COLUMN_LABELS.es[needed]],
        });
      }
    }
    return { workbook: { file, sheet: ws.name, meta, snapshot, rows, ignoredColumns: header.ignored }, diagnostics };
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
