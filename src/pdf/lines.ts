// Lines of a document's text with their places: from the positioned text items of a PDF page, from a
// text file, or from the paragraphs of a Word document. Pure: no Node built-ins, no pdf.js.
import { cleanLine } from "../internal/text.js";

/** One line of a document's text, with where it is. */
export interface DocLine {
  text: string;
  /** 1-based page (PDF; a text file split by form feeds). */
  page?: number;
  /** 1-based line on its page (PDF, text with pages), line of a text file, or paragraph of a Word document. */
  line: number;
  /** Left edge in points (PDF only). */
  x?: number;
  /** Baseline in points from the bottom of the page (PDF only). */
  y?: number;
  /** Font size in points (PDF only). */
  size?: number;
  /** Height of the page in points (PDF only). */
  pageHeight?: number;
  /** The line is a whole paragraph (a Word document's paragraph), not one line of a wrapped paragraph. */
  whole?: boolean;
}

/** A piece of text placed on a PDF page, as pdf.js gives it (`transform[4]`, `transform[5]`). */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

interface Row {
  y: number;
  items: (PdfTextItem & { sup?: boolean })[];
}

// A superscript that is only a footnote mark ("1", "2,3", "*", "**", "†"): dropped from the text.
const FOOTNOTE_MARK = /^[\s\d*†‡§,]+$/;

/** The tallest font of a row's own (not superscript) items. */
function rowSize(r: Row): number {
  let size = 0;
  for (const it of r.items) if (!it.sup && it.str.trim()) size = Math.max(size, it.height);
  return size;
}

/**
 * Lay out the text items of one PDF page as lines, top to bottom: items on one baseline are joined
 * left to right, with a space where the gap between them is wider than a fifth of the font size or a
 * space item lies between. Superscripts (smaller, raised) join the line below them: footnote marks are
 * dropped, other superscripts ("2nd", "3e") are kept glued. Rotated text (margins, watermarks) is skipped
 * by the caller.
 * @example
 * linesOfPage([{ str: "115.1", x: 142, y: 558, width: 22, height: 10 }, { str: "Ratify", x: 170, y: 558, width: 25, height: 10 }], 13, 842);
 * // [{ text: "115.1 Ratify", page: 13, line: 1, x: 142, y: 558, size: 10, pageHeight: 842 }]
 */
export function linesOfPage(items: readonly PdfTextItem[], page: number, pageHeight?: number): DocLine[] {
  const sorted = items.filter((it) => it.str !== "" && Number.isFinite(it.x) && Number.isFinite(it.y)).sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Row[] = [];
  for (const it of sorted) {
    const last = rows[rows.length - 1];
    if (last && Math.abs(last.y - it.y) <= 2) last.items.push(it);
    else rows.push({ y: it.y, items: [it] });
  }
  // Rows of small text just above a row of larger text, within its span: superscripts of that row.
  for (let i = rows.length - 1; i >= 0; i--) {
    const r = rows[i]!;
    const below = rows[i + 1];
    const size = rowSize(r);
    if (!below || size === 0) continue;
    const belowSize = rowSize(below);
    const raise = r.y - below.y;
    if (size < 0.8 * belowSize && raise > 0 && raise < 0.7 * belowSize) {
      const left = Math.min(...below.items.map((x) => x.x)) - belowSize;
      const right = Math.max(...below.items.map((x) => x.x + x.width)) + belowSize;
      if (r.items.every((x) => x.x >= left && x.x <= right)) {
        below.items.push(...r.items.map((x) => ({ ...x, sup: true })));
        rows.splice(i, 1);
      }
    }
  }
  const out: DocLine[] = [];
  for (const r of rows) {
    r.items.sort((a, b) => a.x - b.x);
    const size = rowSize(r) || Math.max(...r.items.map((x) => x.height));
    let text = "";
    let end = -Infinity;
    let space = false;
    let x: number | undefined;
    for (const it of r.items) {
      if (it.sup && FOOTNOTE_MARK.test(it.str)) continue;
      if (!it.str.trim()) {
        space = true;
        continue;
      }
      if (text && (space || (!it.sup && it.x - end > 0.2 * size)) && !/\s$/.test(text)) text += " ";
      text += it.str;
      end = Math.max(end, it.x + it.width);
      space = false;
      if (x === undefined && !it.sup) x = it.x;
    }
    text = text.replace(/\s+/g, " ").trim();
    if (!text) continue;
    out.push({ text, page, line: out.length + 1, x: x ?? r.items[0]!.x, y: r.y, size, ...(pageHeight ? { pageHeight } : {}) });
  }
  return out;
}

/**
 * The lines of a text file: pages split by form feeds (as `pdftotext` writes them), lines numbered
 * within their page when there are pages, else within the file. Blank lines are dropped (their numbers
 * are kept by the others).
 * @example
 * linesOfText("115.1 Ratify OP-CAT (France);\n115.2 Ratify ICRMW (Chile);").map((l) => l.line); // [1, 2]
 */
export function linesOfText(text: string): DocLine[] {
  const pages = text.replace(/\r\n?/g, "\n").split("\f");
  const paged = pages.length > 1;
  const out: DocLine[] = [];
  let fileLine = 0;
  pages.forEach((p, pi) => {
    p.split("\n").forEach((raw, li) => {
      fileLine++;
      const t = cleanLine(raw);
      if (!t) return;
      out.push(paged ? { text: t, page: pi + 1, line: li + 1 } : { text: t, line: fileLine });
    });
  });
  return out;
}

/**
 * The paragraphs of a Word document as lines, numbered by paragraph (blank ones keep their numbers).
 * @example
 * linesOfParagraphs(["II. Conclusions and/or recommendations", "", "115. The recommendations..."])[1]?.line; // 3
 */
export function linesOfParagraphs(paragraphs: readonly string[]): DocLine[] {
  const out: DocLine[] = [];
  paragraphs.forEach((p, i) => {
    const t = cleanLine(p.replace(/\n/g, " "));
    if (t) out.push({ text: t, line: i + 1, whole: true });
  });
  return out;
}
