// The per-institution update workbook on disk: instructions first, a data sheet with a status
// drop-down and protected id columns, and a very hidden sheet remembering what was sent out, so that
// the import can tell what a person changed. Returned workbooks are read by src/ingest/track-workbook.ts.
import ExcelJS from "exceljs";
import { cellText } from "../internal/safe-cell.js";
import { fitRowHeights, fitToPageWidth } from "./layout.js";
import { documentDate, stabilizeZip } from "../report/stable-zip.js";
import { TRACK_META_SHEET } from "../ingest/track-workbook.js";
import { columnLetter } from "../internal/columns.js";
import { COLUMN_LABELS, EDITABLE_COLUMNS, TRACK_COLUMNS, dataSheetName, type TrackColumn, type TrackWorkbookPlan } from "../track/workbook.js";

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
  // Keys can be long (a State's full name, a file name telling colliding recommendations apart): one line each.
  const keyWidth = Math.min(48, Math.max(WIDTHS.key, ...plan.rows.map((r) => r.key.length + 2)));
  TRACK_COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c === "key" ? keyWidth : WIDTHS[c]));
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
