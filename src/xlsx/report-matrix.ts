// The filled OHCHR thematic matrix as an Excel workbook (exceljs): a "Matrix" sheet in the OHCHR layout
// (theme header rows, Recommendation | Position | Full list of themes | Assessment/comments), with
// status, lead institution, last update and key columns for filtering, and a "Summary" sheet with the
// statistics tables. Every text cell goes through neutralizeFormula.
import ExcelJS from "exceljs";
import { resolveOptions } from "../errors/matrix-error.js";
import type { Recommendation } from "../schema/recommendation.js";
import { neutralizeFormula } from "../internal/safe-cell.js";
import { messagesFor } from "../i18n/index.js";
import { buildReport, clusterTitle, type Report, type ReportOptions } from "../report/model.js";
import { assessmentCell, recommendationCell, themesCell } from "../report/matrix-cells.js";
import { statTables, summaryLines } from "../report/tables.js";
import { documentDate, stabilizeZip, WriterOptions } from "../report/stable-zip.js";

/** Options of the XLSX matrix writer: the report's, and the date written into the workbook. */
export type ReportMatrixOptions = ReportOptions & WriterOptions;

const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
const CLUSTER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEDF2F9" } };
const WRAP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: "top" };
const text = (s: string) => neutralizeFormula(s);

// "42.5%" / "42,5 %" → 0.425 so that Excel can sort and format it; anything else stays text.
function cellValue(s: string, numeric: boolean): string | number {
  if (!numeric) return text(s);
  if (/^\d+$/.test(s)) return Number(s);
  const pct = /^(\d+)[.,](\d) ?%$/.exec(s);
  return pct ? Number(`${pct[1]}.${pct[2]}`) / 100 : text(s);
}

function matrixSheet(wb: ExcelJS.Workbook, report: Report): void {
  const { meta } = report;
  const L = messagesFor(meta.lang);
  const ws = wb.addWorksheet(L.matrix.sheetMatrix, { views: [{ state: "frozen", ySplit: 2 }] });
  const headers = [
    L.matrix.recommendation,
    L.matrix.position,
    L.matrix.themes,
    L.matrix.assessment,
    L.matrix.status,
    L.matrix.lead,
    L.matrix.lastUpdate,
    L.matrix.key,
  ];
  ws.columns = [62, 16, 40, 60, 22, 26, 13, 26].map((width) => ({ width }));
  const last = headers.length;

  const who = meta.stateUnderReview ? `${meta.stateUnderReview}${meta.cycle ? ` (${L.cycle(meta.cycle)})` : ""}` : meta.title;
  const title = ws.addRow([text(meta.stateUnderReview ? L.matrix.title(who) : meta.title)]);
  title.font = { bold: true, size: 13 };
  ws.mergeCells(1, 1, 1, last);

  const head = ws.addRow(headers.map(text));
  head.font = { bold: true };
  head.alignment = WRAP;
  head.eachCell((c) => {
    c.fill = HEADER_FILL;
  });

  for (const g of report.clusters) {
    const row = ws.addRow([text(`${L.matrix.themePrefix} ${clusterTitle(g.cluster, meta.lang)}`)]);
    row.font = { bold: true };
    row.getCell(1).fill = CLUSTER_FILL;
    ws.mergeCells(row.number, 1, row.number, last);
    for (const r of g.items) {
      const rec = r.rec;
      const line = ws.addRow([
        text(recommendationCell(rec, L)),
        text(L.position[rec.position]),
        text(themesCell(rec, L, meta.lang)),
        text(assessmentCell(r, L)),
        r.status !== "untracked" ? text(L.status[r.status]) : "",
        text(r.state?.lead ?? r.rec.institutions[0] ?? ""),
        text(r.state?.lastUpdate ?? ""),
        text(r.key),
      ]);
      line.alignment = WRAP;
    }
  }
  ws.autoFilter = { from: { row: 2, column: 1 }, to: { row: Math.max(2, ws.rowCount), column: last } };
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
    head.alignment = { wrapText: true, vertical: "top" };
    head.eachCell((c) => {
      c.fill = HEADER_FILL;
    });
    for (const r of t.rows) {
      const row = ws.addRow(r.map((c, i) => cellValue(c, t.numeric[i] ?? false)));
      row.eachCell((c) => {
        if (typeof c.value === "number" && !Number.isInteger(c.value)) c.numFmt = "0.0%";
      });
    }
  }
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
  wb.title = neutralizeFormula(report.meta.title);
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
  const { date, ...reportOptions } = options;
  const { date: checked } = resolveOptions(WriterOptions, { date }, "writeReportMatrix");
  return renderReportMatrix(buildReport(recommendations, reportOptions), { date: checked });
}
