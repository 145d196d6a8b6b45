// The body text of a UN document: running headers, page numbers, job numbers and footnotes taken
// away, and lines joined into paragraphs across line and page breaks. Pure.
import type { DocLine } from "./lines.js";

// Running header or footer: the symbol alone (maybe with the page number), a page number, the job number.
const FURNITURE = /^(?:\d{1,4}\s+)?A\s*\/\s*HRC\s*\/\s*[\w.\s/-]*?(?:\s+\d{1,4})?$|^GE\.\s?\d{2}\s?-\s?\d{3,6}\b|^(?:\d{1,4}|page \d{1,4}(?: (?:of|de|sur) \d{1,4})?|\d{1,4}\/\d{1,4})$/i;

/** The font size most of the text is set in (weighted by characters), or null without sizes. */
export function bodySize(lines: readonly DocLine[]): number | null {
  const weight = new Map<number, number>();
  for (const l of lines) if (l.size !== undefined) weight.set(Math.round(l.size * 2) / 2, (weight.get(Math.round(l.size * 2) / 2) ?? 0) + l.text.length);
  let best: number | null = null;
  let most = 0;
  for (const [size, w] of weight) {
    if (w > most) {
      best = size;
      most = w;
    }
  }
  return best;
}

/**
 * The lines of the running text: without running headers and footers (the document symbol, page and job
 * numbers at the top or bottom of a page), and, where font sizes are known, without the smaller text
 * above a page's first body line or below its last (headers, footnotes).
 * @example
 * bodyLines([{ text: "A/HRC/28/15", page: 14, line: 1, size: 9 }, { text: "115.13 Continue its efforts (Indonesia);", page: 14, line: 2, size: 10 }]).length; // 1
 */
export function bodyLines(lines: readonly DocLine[]): DocLine[] {
  const size = bodySize(lines);
  const out: DocLine[] = [];
  let start = 0;
  while (start < lines.length) {
    // One page (or the whole text when it has no pages).
    const page = lines[start]!.page;
    let end = start;
    while (end < lines.length && lines[end]!.page === page) end++;
    const pageLines = lines.slice(start, end);
    start = end;
    const isBody = (l: DocLine) => size === null || l.size === undefined || l.size >= size - 0.6;
    const first = pageLines.findIndex(isBody);
    let last = -1;
    for (let i = pageLines.length - 1; i >= 0; i--) {
      if (isBody(pageLines[i]!) && !FURNITURE.test(pageLines[i]!.text)) {
        last = i;
        break;
      }
    }
    // A text export has no font sizes: footnotes are the lines after a last line that starts with a mark
    // ("** The conclusions ...", "1 See ..."), at the end of the page.
    let notes = pageLines.length;
    if (page !== undefined && (size === null || pageLines.every((l) => l.size === undefined))) {
      for (let i = pageLines.length - 1; i >= Math.max(0, pageLines.length - 8); i--) {
        const t = pageLines[i]!.text;
        if (/^\d{1,3}\.(?:\d{1,3})?\s/.test(t)) break;
        if (/^(?:\*{1,3}|\d{1,2}|[†‡])\s+\p{Lu}/u.test(t)) notes = i;
      }
    }
    pageLines.forEach((l, i) => {
      if (i >= notes && !FURNITURE.test(l.text)) return;
      const edge = page !== undefined && (i < 2 || i >= pageLines.length - 2);
      if (FURNITURE.test(l.text) && (edge || (size !== null && l.size !== undefined && l.size < size - 0.3))) return;
      if (size !== null && l.size !== undefined && l.size < size - 0.6 && (i < first || i > last)) return;
      out.push(l);
    });
  }
  return out;
}

/**
 * Words and hyphenated compounds a document uses, to tell a line-end hyphen that belongs to the word.
 * @example
 * const v = new Vocabulary(["international same-sex unions"]);
 * v.keepsHyphen("inter", "national"); // false: "international" is written whole
 * v.keepsHyphen("same", "sex"); // true
 */
export class Vocabulary {
  private readonly words = new Set<string>();
  private readonly compounds = new Set<string>();

  constructor(texts: Iterable<string>) {
    for (const t of texts) {
      for (const m of t.toLowerCase().matchAll(/\p{L}+(?:-\p{L}+)*/gu)) {
        const w = m[0];
        if (w.includes("-")) {
          this.compounds.add(w);
          for (const part of w.split("-")) this.words.add(part);
        } else this.words.add(w);
      }
    }
  }

  /**
   * Keep the hyphen of "same-" + "sex" (a compound the document writes elsewhere, or one it never writes
   * whole), drop it from "inter-" + "national" when the document writes "international".
   */
  keepsHyphen(before: string, after: string): boolean {
    const a = before.toLowerCase();
    const b = after.toLowerCase();
    if (this.compounds.has(`${a}-${b}`)) return true;
    return !this.words.has(a + b);
  }
}

/**
 * Join the lines of a paragraph into one text: a hyphen at a line end stays when it belongs to the word
 * (see Vocabulary; always before a capital, "Inter-" + "Ministerial"), a dash between numbers ("1–5, 14–" + "16") joins them without a space, otherwise lines
 * are joined with a space.
 * @example
 * joinLines(["Ratify the Optional Protocol to the Convention on the Rights of the", "Child (Spain);"], new Vocabulary([])); // "Ratify ... of the Child (Spain);"
 */
export function joinLines(texts: readonly string[], vocabulary: Vocabulary): string {
  let out = "";
  for (const raw of texts) {
    const t = raw.trim();
    if (!t) continue;
    if (!out) {
      out = t;
      continue;
    }
    const word = /(\p{L}+)-$/u.exec(out);
    const next = /^(\p{Ll}+)/u.exec(t);
    if (word && next) {
      out = vocabulary.keepsHyphen(word[1]!, next[1]!) ? out + t : out.slice(0, -1) + t;
    } else if (word && /^\p{Lu}/u.test(t)) out += t; // "Inter-" + "Ministerial"
    else if (/\d\s?[-–—]$/.test(out) && /^\d/.test(t)) out += t;
    else if (/\/$/.test(out)) out += t;
    else out = `${out} ${t}`;
  }
  return out;
}
