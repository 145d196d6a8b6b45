import { neutralizeFormula, safeText } from "../internal/safe-cell.js";
// Large Word tables written directly as WordprocessingML strings. The `docx` package builds an object
// per paragraph, run and property (about 0.5 ms per table row); a 10,000-row annex took 7 s that way.
// src/docx/skeleton.ts lets `docx` write the document and puts these tables in place of marker
// paragraphs. Pure string building: browser-safe, deterministic.

/** One cell: its text (lines split on "\n"), optionally bold, smaller, shaded, spanning, or a placeholder. */
export interface WordCell {
  text: string;
  bold?: boolean;
  /** Font size in half-points (18 = 9 pt). */
  size?: number;
  /** Background colour, hex without "#". */
  fill?: string;
  /** Grid columns spanned. */
  span?: number;
  /** Shown as "[text]", highlighted yellow: for the writer to replace. */
  placeholder?: boolean;
}

/** One row; `header` rows repeat on every page, `keep` rows do not split across pages. */
export interface WordRow {
  cells: WordCell[];
  header?: boolean;
  keep?: boolean;
}

/** A table: column widths in twentieths of a point (dxa) and rows. */
export interface WordTable {
  widths: readonly number[];
  rows: readonly WordRow[];
  /** Border colour, hex without "#" (default 999999). */
  border?: string;
}

/**
 * Text made safe for XML element content: markup characters escaped, characters XML cannot hold removed.
 * @example
 * xmlText("a < b & c\u0001"); // "a &lt; b &amp; c"
 */
export function xmlText(s: string): string {
  return safeText(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function runXml(c: WordCell): string {
  let rPr = "";
  if (c.bold) rPr += "<w:b/><w:bCs/>";
  if (c.size) rPr += `<w:sz w:val="${c.size}"/><w:szCs w:val="${c.size}"/>`;
  if (c.placeholder) rPr += '<w:highlight w:val="yellow"/>';
  // A table pasted from Word into a spreadsheet must not run as formulas.
  const text = c.placeholder ? `[${c.text}]` : neutralizeFormula(c.text);
  const body = text
    .split("\n")
    .map((line) => `<w:t xml:space="preserve">${xmlText(line)}</w:t>`)
    .join("<w:br/>");
  return `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}${body}</w:r>`;
}

function cellXml(c: WordCell, width: number): string {
  let tcPr = `<w:tcW w:w="${width}" w:type="dxa"/>`;
  if (c.span && c.span > 1) tcPr += `<w:gridSpan w:val="${c.span}"/>`;
  if (c.fill) tcPr += `<w:shd w:val="clear" w:color="auto" w:fill="${c.fill}"/>`;
  return `<w:tc><w:tcPr>${tcPr}</w:tcPr><w:p>${runXml(c)}</w:p></w:tc>`;
}

/**
 * A table as a `<w:tbl>` element: fixed grid, single borders, header rows repeated on each page,
 * each cell one paragraph whose lines are separated by line breaks.
 * @example
 * wordTableXml({ widths: [4000, 2000], rows: [{ header: true, cells: [{ text: "Recommendation", bold: true }, { text: "Position", bold: true }] }] });
 */
export function wordTableXml(table: WordTable): string {
  const b = table.border ?? "999999";
  const line = (side: string) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${b}"/>`;
  const total = table.widths.reduce((a, w) => a + w, 0);
  const out: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:tblBorders>${["top", "left", "bottom", "right", "insideH", "insideV"].map(line).join("")}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>`,
    `<w:tblGrid>${table.widths.map((w) => `<w:gridCol w:w="${w}"/>`).join("")}</w:tblGrid>`,
  ];
  for (const row of table.rows) {
    const trPr = `${row.keep ? "<w:cantSplit/>" : ""}${row.header ? "<w:tblHeader/>" : ""}`;
    let col = 0;
    const cells = row.cells.map((c) => {
      const span = Math.max(1, c.span ?? 1);
      const width = table.widths.slice(col, col + span).reduce((a, w) => a + w, 0);
      col += span;
      return cellXml(c, width);
    });
    out.push(`<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ""}${cells.join("")}</w:tr>`);
  }
  out.push("</w:tbl>");
  return out.join("");
}
