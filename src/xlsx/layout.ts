// How the workbooks look on paper and on screen when opened: fitted to the page width, and rows tall
// enough for their wrapped text. exceljs writes no row heights, and LibreOffice (like Excel in some
// cases) then keeps the default 15 points, so wrapped lines overlap the next rows.
import type ExcelJS from "exceljs";

/**
 * Print setup: A4, fitted to one page wide (as many pages tall as needed), header rows repeated, so that a
 * printed sheet is not cut into strips of columns.
 * @example
 * fitToPageWidth(ws, "landscape", "1:1");
 */
export function fitToPageWidth(ws: ExcelJS.Worksheet, orientation: "portrait" | "landscape", repeatRows?: string): void {
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: 9,
    orientation,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    ...(repeatRows ? { printTitlesRow: repeatRows } : {}),
  };
}

// Excel's limit for a row height, in points.
const MAX_ROW_HEIGHT = 409;

/** Lines a text takes in a column `width` characters wide (each hard line wrapped on its own; bold is wider). */
function wrappedLines(text: string, width: number, bold = false): number {
  const perLine = Math.max(1, Math.floor(width * (bold ? 0.8 : 1.05)));
  return text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

function textOf(value: ExcelJS.CellValue): string {
  if (typeof value === "string") return value;
  if (value && typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("");
  return value === null || value === undefined ? "" : String(value);
}

/**
 * Give every row with wrapped text a height that shows all its lines (estimated from the text length and
 * the column widths; 15 points a line at 11 pt), from `fromRow` on.
 * @example
 * fitRowHeights(ws, 3);
 */
export function fitRowHeights(ws: ExcelJS.Worksheet, fromRow = 1, pointsPerLine = 15): void {
  const widths = ws.columns.map((c) => c.width ?? 9);
  ws.eachRow((row, n) => {
    if (n < fromRow) return;
    let lines = 1;
    row.eachCell((cell, col) => {
      if (!cell.alignment?.wrapText) return;
      lines = Math.max(lines, wrappedLines(textOf(cell.value), widths[col - 1] ?? 9, Boolean(cell.font?.bold)));
    });
    if (lines > 1) row.height = Math.min(MAX_ROW_HEIGHT, lines * pointsPerLine + 2);
  });
}
