// The filled OHCHR thematic matrix as an Excel workbook (exceljs): a "Matrix" sheet in the layout of the
// list the recommendations come from (theme rows, then the 2nd/3rd-cycle columns or the 4th-cycle ones
// with "Relevant SDGs"), plus status, lead institution, last update, the report's plain-language cluster
// and the key for filtering; a "Summary" sheet with the statistics tables. Every text cell goes through
// cellText (XML-safe, formula-neutralised); both sheets print fitted to the page width.
import ExcelJS from "exceljs";
import type * as z from "zod";
import type { Recommendation } from "../schema/recommendation.js";
import { cellText, safeText } from "../internal/safe-cell.js";
import { resolveOptions } from "../errors/matrix-error.js";
import { messagesFor } from "../i18n/index.js";
import { buildReportResolved, ReportOptions, type Report } from "../report/model.js";
import { matrixColumns, matrixLayoutFor } from "../report/matrix-cells.js";
import { themeTitle } from "../report/themes.js";
import { statTables, summaryLines } from "../report/tables.js";
import { documentDate, stabilizeZip, WriterOptions } from "../report/stable-zip.js";
import { fitRowHeights, fitToPageWidth } from "./layout.js";

/** Options of the XLSX matrix writer: the report's, and the date written into the workbook (default: the
 * ledger's latest update, else 2000-01-01). */
export const ReportMatrixOptions = ReportOptions.extend(WriterOptions.shape);
export type ReportMatrixOptions = z.input<typeof ReportMatrixOptions>;

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const CLUSTER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDF2F9" } };
const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: "top" };
const text = cellText;

// "42.5%" / "42,5 %" → 0.425 so that Excel can sort and format it; anything else stays text.
function cellValue(s: string, numeric: boolean): string | number {
  if (!numeric) return text(s);
  if (/^\d+$/.test(s)) return Number(s);
  const pct = /^(\d+)[.,](\d)\s?%$/.exec(s);
  return pct ? Number(`${pct[1]}.${pct[2]}`) / 100 : text(s);
}

function matrixSheet(wb: ExcelJS.Workbook, report: Report): void {
  const { meta } = report;
  const L = messagesFor(meta.lang);
  const layout = matrixLayoutFor(meta.cycle);
  const columns = matrixColumns(layout, L, meta.lang, report.names);
  const ws = wb.addWorksheet(L.matrix.sheetMatrix, { views: [{ state: "frozen", ySplit: 2 }] });
  const headers = [...columns.map((c) => c.header), L.matrix.status, L.matrix.lead, L.matrix.lastUpdate, L.matrix.reportCluster, L.matrix.key];
  ws.columns = [...columns.map((c) => Math.round(c.width * 160)), 16, 20, 11, 24, 20].map((width) => ({ width }));
  const last = headers.length;

  const who = meta.stateName ? `${meta.stateName}${meta.cycle ? ` (${L.cycle(meta.cycle)})` : ""}` : meta.title;
  const title = ws.addRow([text(meta.stateName ? L.matrix.title(who) : meta.title)]);
  title.font = { bold: true, size: 13 };

  const head = ws.addRow(headers.map(text));
  head.font = { bold: true };
  head.alignment = WRAP;
  head.eachCell((c) => {
    c.fill = HEADER_FILL;
  });

  for (const g of report.themes) {
    // A theme row is its first cell, shaded across the row: no merged range (one merge per theme made
    // writing quadratic in the number of themes).
    const row = ws.addRow([text(`${L.matrix.themePrefix} ${themeTitle({ ...g.theme, ...(g.theme.key ? report.names.theme(g.theme) : {}) }, meta.lang)}`)]);
    row.font = { bold: true };
    for (let c = 1; c <= last; c++) row.getCell(c).fill = CLUSTER_FILL;
    for (const r of g.items) {
      const line = ws.addRow([
        ...columns.map((c) => text(c.cell(r))),
        r.status !== "untracked" ? text(L.status[r.status]) : "",
        text(r.state?.lead ?? r.rec.institutions[0] ?? ""),
        text(r.state?.lastUpdate ?? ""),
        text(r.cluster.name),
        text(r.key),
      ]);
      line.alignment = WRAP;
    }
  }
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: Math.max(2, ws.rowCount), column: last } };
  fitRowHeights(ws, 2);
  fitToPageWidth(ws, "landscape", "2:2");
}

function summarySheet(wb: ExcelJS.Workbook, report: Report): void {
  const { meta } = report;
  const L = messagesFor(meta.lang);
  const ws = wb.addWorksheet(L.matrix.sheetSummary);
  ws.columns = [{ width: 52 }, ...Array.from({ length: 9 }, () => ({ width: 16 }))];
  ws.addRow([text(meta.title)]).font = { bold: true, size: 13 };
  if (meta.documentSymbols.length) ws.addRow([text(`${L.report.sources}${L.colon}${meta.documentSymbols.join(", ")}`)]);
  if (meta.asOf) ws.addRow([text(`${L.report.asOf}${L.colon}${meta.asOf}`)]);
  for (const line of summaryLines(report)) ws.addRow([text(line)]);
  for (const t of statTables(report)) {
    ws.addRow([]);
    ws.addRow([text(t.title)]).font = { bold: true, size: 12 };
    if (t.note) ws.addRow([text(t.note)]).font = { italic: true };
    const head = ws.addRow(t.header.map(text));
    head.font = { bold: true };
    head.alignment = WRAP;
    head.eachCell((c) => {
      c.fill = HEADER_FILL;
    });
    for (const r of t.rows) {
      const row = ws.addRow(r.map((c, i) => cellValue(c, t.numeric[i] ?? false)));
      row.alignment = WRAP;
      row.eachCell((c) => {
        if (typeof c.value === "number" && !Number.isInteger(c.value)) c.numFmt = "0.0%";
      });
    }
  }
  fitRowHeights(ws);
  fitToPageWidth(ws, "portrait");
}

/**
 * Write a built report as the filled OHCHR matrix workbook (sheets "Matrix" and "Summary", named in
 * the report's language).
 * @example
 * const bytes = await renderReportMatrix(buildReport(recommendations, { states }));
 */
export async function renderReportMatrix(report: Report, options: WriterOptions = {}): Promise<Uint8Array> {
  const opts = resolveOptions(WriterOptions, options, "renderReportMatrix");
  const wb = new ExcelJS.Workbook();
  const date = documentDate(opts.date, report.meta.asOf);
  wb.creator = "upr-matrix";
  wb.lastModifiedBy = "upr-matrix";
  wb.created = date;
  wb.modified = date;
  wb.title = safeText(report.meta.title);
  matrixSheet(wb, report);
  summarySheet(wb, report);
  // Stored, not deflated: stabilizeZip compresses every entry once (with fflate, faster than JSZip's pako).
  const buffer = await wb.xlsx.writeBuffer({ zip: { compression: "STORE" } });
  return stabilizeZip(new Uint8Array(buffer as ArrayBuffer), date);
}

/**
 * Build the report and write the filled OHCHR matrix workbook in one call.
 * @example
 * import { writeReportMatrix } from "upr-matrix/xlsx";
 * await writeFile("matrix-filled.xlsx", await writeReportMatrix(recommendations, { states, lang: "fr" }));
 */
export async function writeReportMatrix(recommendations: readonly Recommendation[], options: ReportMatrixOptions = {}): Promise<Uint8Array> {
  const opts = resolveOptions(ReportMatrixOptions, options, "writeReportMatrix");
  return renderReportMatrix(buildReportResolved(recommendations, opts), opts);
}
