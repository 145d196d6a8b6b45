// The recommendations table (src/report/csv.ts) as a plain Excel workbook: one sheet, one row per
// recommendation, every cell text and neutralised against formula injection.
import ExcelJS from "exceljs";
import * as z from "zod";
import { resolveOptions } from "../errors/matrix-error.js";
import type { Recommendation } from "../schema/recommendation.js";
import { cellText, safeText } from "../internal/safe-cell.js";
import { fitRowHeights, fitToPageWidth } from "./layout.js";
import { buildRecommendationTable } from "../report/csv.js";
import { documentDate, stabilizeZip, WriterOptions } from "../report/stable-zip.js";

/** Options of `writeRecommendationsXlsx`. */
export const RecommendationsXlsxOptions = WriterOptions.extend({
  /** Sheet name (default "Recommendations"). */
  sheetName: z.string().default("Recommendations"),
});
export type RecommendationsXlsxOptions = z.input<typeof RecommendationsXlsxOptions>;

/**
 * Write recommendations as an XLSX table with the column names upr-matrix reads back. Every cell is a text
 * cell; text starting with = + - @, tab or CR gets a leading apostrophe, so that editing a cell in Excel
 * never turns it into a formula.
 * @example
 * import { writeRecommendationsXlsx } from "upr-matrix/xlsx";
 * await writeFile("recommendations.xlsx", await writeRecommendationsXlsx(result.recommendations));
 */
export async function writeRecommendationsXlsx(recommendations: readonly Recommendation[], options: RecommendationsXlsxOptions = {}): Promise<Uint8Array> {
  const opts = resolveOptions(RecommendationsXlsxOptions, options, "writeRecommendationsXlsx");
  const date = documentDate(opts.date, null);
  const wb = new ExcelJS.Workbook();
  wb.creator = "upr-matrix";
  wb.lastModifiedBy = "upr-matrix";
  wb.created = date;
  wb.modified = date;
  // Excel allows 31 characters and no []:*?/\ in a sheet name.
  const name = safeText(opts.sheetName).replace(/[[\]:*?/\\]/g, " ").slice(0, 31).trim() || "Recommendations";
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  const { header, rows } = buildRecommendationTable(recommendations);
  const head = ws.addRow(header.map(cellText));
  head.font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow(r.map(cellText));
    row.alignment = { wrapText: true, vertical: "top" };
  }
  ws.columns.forEach((c, i) => {
    c.width = i === 1 ? 80 : i === 9 || i >= 12 ? 40 : 16;
  });
  fitRowHeights(ws, 2);
  fitToPageWidth(ws, "landscape", "1:1");
  if (rows.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  const buffer = await wb.xlsx.writeBuffer();
  return stabilizeZip(new Uint8Array(buffer as ArrayBuffer), date);
}
