// The XLSX row source: fflate + saxes under the limits of options.ts. Only the parts that hold cell
// text are read (workbook, relationships, shared strings, number formats, sheets); everything else in
// the zip (drawings, validations, defined names, pivot caches, macros) is never inflated. Each sheet is
// read in two SAX passes while it inflates: its merged areas first (only when it has any), then its
// rows, pushed one at a time with merged areas filled in, so a large sheet never sits in memory.
import type { SaxesTagPlain } from "saxes";
import * as z from "zod";
import { resolveOptions } from "../errors/matrix-error.js";
import { quote } from "../internal/quote.js";
import { columnLetter } from "../internal/columns.js";
import type { ParseResult } from "../schema/result.js";
import { requireRecommendations } from "./guard.js";
import { Limits, type ParseOptions, resolveLimits, resolveParseOptions } from "./options.js";
import { failed } from "./result.js";
import type { Table } from "./table.js";
import { TableSink, TablesCollector, type RowSink } from "./tables.js";
import { localName, xmlParser as guardedParser, type XmlParser } from "./xml.js";
import { ZipError, ZipReader } from "./zip.js";

/** Excel's grid: 1,048,576 rows by 16,384 columns (A to XFD). */
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30), as exceljs reads them. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** How the XLSX row source reads a workbook. */
export const XlsxReadOptions = z.object({
  /** Name shown in places and messages. */
  file: z.string().default("input.xlsx"),
  /** Only this sheet (an error lists the sheets when there is none of that name). */
  sheet: z.string().optional(),
  /** Read hidden and very hidden sheets too (as tables with their `state`); otherwise they are noted. */
  hidden: z.boolean().default(false),
  /**
   * A formula cell whose saved result is missing or an error: read as "" (`result`), or as the formula
   * itself, `=...` (`text`: someone typed "- done" and Excel made it a formula).
   */
  formulas: z.enum(["result", "text"]).default("result"),
  limits: Limits.default(Limits.parse({})),
});
export type XlsxReadOptions = z.input<typeof XlsxReadOptions>;
type Resolved = z.output<typeof XlsxReadOptions>;

interface SheetInfo {
  name: string;
  state: "visible" | "hidden" | "veryHidden";
  part: string | undefined;
}

/** Excel's escapes for characters XML cannot hold (`_x000D_`). */
function unescapeX(s: string): string {
  if (!s.includes("_x")) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => {
    const c = Number.parseInt(h, 16);
    // Tab, line feed and carriage return are text; other control characters (ESC...) and the
    // noncharacters U+FFFE/U+FFFF are dropped.
    return c === 9 || c === 10 || c === 13 || (c >= 0x20 && (c < 0x7f || c > 0x9f) && c < 0xfffe) ? String.fromCharCode(c) : "";
  });
}

/** SAX handlers that get elements by their local name (some writers prefix SpreadsheetML: `x:row`). */
interface XmlHandlers {
  open?: (tag: SaxesTagPlain, name: string) => void;
  close?: (name: string) => void;
  text?: (t: string) => void;
}

/** The shared guarded parser (xml.ts), with local names. */
function xmlParser(part: string, maxDepth: number, h: XmlHandlers): XmlParser {
  const { open, close, text } = h;
  return guardedParser(part, maxDepth, {
    ...(open ? { open: (tag: SaxesTagPlain) => open(tag, localName(tag.name)) } : {}),
    ...(close ? { close: (tag: SaxesTagPlain) => close(localName(tag.name)) } : {}),
    ...(text ? { text } : {}),
  });
}

/** Parse a whole part (small ones: relationships, workbook, styles). */
function parseXml(xml: string, part: string, maxDepth: number, handlers: XmlHandlers): void {
  const p = xmlParser(part, maxDepth, handlers);
  p.write(xml);
  p.close();
}

function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const v = tag.attributes[name];
  return typeof v === "string" ? v : undefined;
}

/** The relationship id attribute (`r:id`, whatever the prefix). */
function relId(tag: SaxesTagPlain): string | undefined {
  for (const [k, v] of Object.entries(tag.attributes)) if (k !== "sheetId" && /(^|:)id$/.test(k) && k.includes(":") && typeof v === "string") return v;
  return attr(tag, "id");
}

/** Resolve a relationship target against the folder of the part that owns it. */
function resolvePart(base: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = base.split("/").slice(0, -1);
  for (const seg of target.split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== "." && seg !== "") parts.push(seg);
  }
  return parts.join("/");
}

/** Relationships of a part: id → { type, target }, as a Map (ids come from the file). */
function readRels(zip: ZipReader, part: string, maxDepth: number): Map<string, { type: string; target: string }> {
  const slash = part.lastIndexOf("/");
  const relsName = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const xml = zip.text(relsName);
  const out = new Map<string, { type: string; target: string }>();
  if (xml === undefined) return out;
  parseXml(xml, relsName, maxDepth, {
    open: (tag, name) => {
      if (name !== "Relationship") return;
      const id = attr(tag, "Id");
      const target = attr(tag, "Target");
      if (id && target && attr(tag, "TargetMode") !== "External" && !out.has(id)) out.set(id, { type: attr(tag, "Type") ?? "", target: resolvePart(part, target) });
    },
  });
  return out;
}

/** Text accumulated from SAX text events, kept to `max` + 1 characters (enough to tell it was longer). */
class CappedText {
  value = "";
  constructor(private readonly max: number) {}
  add(t: string): void {
    if (this.value.length <= this.max) this.value += this.value.length + t.length > this.max + 1 ? t.slice(0, this.max + 1 - this.value.length) : t;
  }
}

/** The shared strings, each counted against limits.maxCells and kept to limits.maxCellLength + 1 characters. */
function readSharedStrings(zip: ZipReader, part: string, limits: Limits): string[] {
  const strings: string[] = [];
  let si: string | null = null;
  let plain: string | null = null;
  let inT = false;
  let inRun = false;
  let phonetic = 0;
  const text = new CappedText(limits.maxCellLength);
  const parser = xmlParser(part, limits.maxDepth, {
    open: (_tag, name) => {
      if (name === "si") {
        si = "";
        plain = null;
      } else if (name === "rPh") phonetic++;
      else if (name === "r") inRun = true;
      else if (name === "t" && si !== null && phonetic === 0) {
        inT = true;
        text.value = "";
      }
    },
    text: (t) => {
      if (inT) text.add(t);
    },
    close: (name) => {
      if (name === "t" && inT) {
        inT = false;
        // A run's text is appended; a lone <t> is the whole string (the last one wins, as in exceljs).
        if (inRun) si = cap(si + unescapeX(text.value), limits.maxCellLength);
        else plain = unescapeX(text.value);
      } else if (name === "r") inRun = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si") {
        if (strings.length >= limits.maxCells) throw new ZipError("limit-exceeded", `${quote(part)} holds more than ${limits.maxCells} shared strings (limits.maxCells)`);
        strings.push(plain ?? si ?? "");
        si = null;
      }
    },
  });
  for (const t of zip.chunks(part)) parser.write(t);
  parser.close();
  return strings;
}

const cap = (s: string, max: number) => (s.length > max + 1 ? s.slice(0, max + 1) : s);

/** Which cell styles (`s` index) show numbers as dates: exceljs's rule, so dates read as before. */
function readDateStyles(xml: string | undefined, part: string, maxDepth: number): Set<number> {
  const dates = new Set<number>();
  if (xml === undefined) return dates;
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  parseXml(xml, part, maxDepth, {
    open: (tag, name) => {
      if (name === "numFmt") {
        const id = Number(attr(tag, "numFmtId"));
        if (Number.isInteger(id)) custom.set(id, attr(tag, "formatCode") ?? "");
      } else if (name === "cellXfs") inCellXfs = true;
      else if (name === "xf" && inCellXfs) xfFormats.push(Number(attr(tag, "numFmtId") ?? 0));
    },
    close: (name) => {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  xfFormats.forEach((id, i) => {
    const code = custom.get(id);
    const isDate = code !== undefined ? /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, "")) : BUILTIN_DATE_FORMATS.has(id);
    if (isDate) dates.add(i);
  });
  return dates;
}

/** A1-style reference → 1-based row and column; null when it is not one inside Excel's grid. */
function decodeRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]!.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(m[2]);
  return row >= 1 && row <= MAX_ROW && col >= 1 && col <= MAX_COL ? { row, col } : null;
}

/** An Excel date serial as ISO text, the way exceljs turned it into a Date (and xlsx.ts into text). */
function serialToIso(serial: number, date1904: boolean): string {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(d.getTime()) ? "" : d.toISOString().slice(0, d.getUTCHours() || d.getUTCMinutes() ? 16 : 10);
}

/** What the whole workbook shares: strings, date styles, the date system. */
interface Book {
  shared: readonly string[];
  dateStyles: ReadonlySet<number>;
  date1904: boolean;
}

/** What a sheet's cells are read into: called for every cell with text, and at every row's end. */
interface CellHandlers {
  row(row: number): void;
  cell(col: number, text: string): void;
  endRow(): void;
}

/** Counts of a sheet's cells worth a note. */
interface SheetNotes {
  formulas: number;
  firstFormula: string;
  missingStrings: number;
}

/**
 * A SAX handler that reads a worksheet's cells as text (shared strings looked up, dates as ISO text,
 * formulas by their saved result) into `into`, and its merged areas into `merges` when given.
 */
function sheetHandler(part: string, book: Book, opts: Resolved, into: CellHandlers, notes: SheetNotes, merges?: Merges): XmlHandlers {
  const limits = opts.limits;
  let rowNumber = 0;
  let colNumber = 0;
  let inRow = false;
  // The cell being read.
  let type = "";
  let style = -1;
  let hasFormula = false;
  let value: string | null = null;
  let inline: string | null = null;
  let inV = false;
  let inT = false;
  let inF = false;
  let inRun = false;
  let phonetic = 0;
  let inInline = false;
  const text = new CappedText(limits.maxCellLength);
  const formula = new CappedText(limits.maxCellLength);
  return {
    open: (tag, name) => {
      switch (name) {
        case "row": {
          const r = Number(attr(tag, "r") ?? rowNumber + 1);
          rowNumber = Number.isInteger(r) && r >= 1 && r <= MAX_ROW ? r : rowNumber + 1;
          if (rowNumber > MAX_ROW) throw new ZipError("corrupt-file", `${quote(part)} has rows beyond Excel's last row (${MAX_ROW})`);
          colNumber = 0;
          inRow = true;
          into.row(rowNumber);
          break;
        }
        case "c": {
          const ref = attr(tag, "r");
          const at = ref ? decodeRef(ref) : null;
          colNumber = at ? at.col : colNumber + 1;
          if (colNumber > MAX_COL) throw new ZipError("corrupt-file", `${quote(part)} has cells beyond Excel's last column (XFD)`);
          type = attr(tag, "t") ?? "n";
          style = Number(attr(tag, "s") ?? -1);
          hasFormula = false;
          value = null;
          inline = null;
          formula.value = "";
          break;
        }
        case "f":
          hasFormula = true;
          inF = opts.formulas === "text";
          break;
        case "v":
          inV = true;
          text.value = "";
          break;
        case "is":
          inInline = true;
          inline = "";
          break;
        case "rPh":
          phonetic++;
          break;
        case "r":
          if (inInline) inRun = true;
          break;
        case "t":
          if (inInline && phonetic === 0) {
            inT = true;
            text.value = "";
          }
          break;
        case "mergeCell": {
          if (!merges) break;
          const [a, b] = (attr(tag, "ref") ?? "").split(":");
          const from = a ? decodeRef(a) : null;
          const to = b ? decodeRef(b) : from;
          if (from && to) merges.add(Math.min(from.row, to.row), Math.min(from.col, to.col), Math.max(from.row, to.row), Math.max(from.col, to.col), part, limits.maxCells);
          break;
        }
      }
    },
    text: (t) => {
      if (inV || inT) text.add(t);
      else if (inF) formula.add(t);
    },
    close: (name) => {
      switch (name) {
        case "v":
          inV = false;
          value = text.value;
          break;
        case "f":
          inF = false;
          break;
        case "t":
          if (inT) {
            inT = false;
            inline = inRun ? cap(`${inline ?? ""}${unescapeX(text.value)}`, limits.maxCellLength) : unescapeX(text.value);
          }
          break;
        case "r":
          inRun = false;
          break;
        case "rPh":
          phonetic--;
          break;
        case "is":
          inInline = false;
          break;
        case "c": {
          let out = "";
          if (type === "inlineStr") out = inline ?? "";
          else if (value !== null) {
            if (type === "s" && !hasFormula) {
              const i = Number(value);
              const s = Number.isInteger(i) ? book.shared[i] : undefined;
              if (s === undefined) notes.missingStrings++;
              out = s ?? "";
            } else if (type === "str" || type === "d") out = value;
            else if (type === "b") out = Number.parseInt(value, 10) !== 0 ? "true" : "false";
            else if (type === "e") out = hasFormula ? "" : value;
            else {
              const n = Number.parseFloat(value);
              out = book.dateStyles.has(style) ? serialToIso(n, book.date1904) : Number.isNaN(n) ? value : String(n);
            }
          }
          if (hasFormula) {
            notes.formulas++;
            notes.firstFormula ||= `${columnLetter(colNumber)}${rowNumber}`;
            if (opts.formulas === "text" && (value === null || type === "e") && formula.value) out = `=${formula.value}`;
          }
          if (out !== "" && inRow) into.cell(colNumber, out);
          break;
        }
        case "row":
          inRow = false;
          into.endRow();
          break;
      }
    },
  };
}

/** A sheet's merged areas, in file order (later areas overwrite earlier ones where they overlap). */
class Merges {
  /** r1, c1, r2, c2 of each area. */
  private data = new Int32Array(64);
  count = 0;

  add(r1: number, c1: number, r2: number, c2: number, part: string, maxCells: number): void {
    // Each area costs at least its master cell: a million one-cell merges is not free.
    if (this.count >= maxCells) throw new ZipError("limit-exceeded", `${quote(part)} lists more than ${maxCells} merged areas (limits.maxCells)`);
    if (this.count * 4 + 4 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data.set([r1, c1, r2, c2], this.count * 4);
    this.count++;
  }

  r1 = (i: number) => this.data[i * 4]!;
  c1 = (i: number) => this.data[i * 4 + 1]!;
  r2 = (i: number) => this.data[i * 4 + 2]!;
  c2 = (i: number) => this.data[i * 4 + 3]!;
}

/** What the first pass over a sheet with merged areas learns: the areas, and how far the data goes. */
interface Extent {
  merges: Merges;
  /** The last row element's number. */
  lastRow: number;
  /** The widest row's last column holding a value (merged areas are clipped to the data). */
  maxCol: number;
}

/** Pass 1: the merged areas and the extent of the data, or null when the sheet has no merged area. */
function* readExtent(zip: ZipReader, part: string, book: Book, opts: Resolved): Generator<void, Extent | null, undefined> {
  // Merged areas follow the cells (<mergeCells> comes after <sheetData>): a plain text search of the
  // inflated part tells whether there are any, and the SAX pass is only made when there are. The
  // search reads the whole part, so that it is charged to limits.maxBytes once, whatever the passes.
  let any = false;
  let tail = "";
  for (const t of zip.chunks(part)) {
    if (!any) any = t.includes("mergeCell") || (tail + t.slice(0, 9)).includes("mergeCell");
    tail = t.slice(-9);
    yield;
  }
  if (!any) return null;
  const extent: Extent = { merges: new Merges(), lastRow: 0, maxCol: 0 };
  const notes: SheetNotes = { formulas: 0, firstFormula: "", missingStrings: 0 };
  const parser = xmlParser(part, opts.limits.maxDepth, sheetHandler(part, book, opts, {
    row: (r) => {
      if (r > extent.lastRow) extent.lastRow = r;
    },
    cell: (col) => {
      if (col > extent.maxCol) extent.maxCol = col;
    },
    endRow: () => {},
  }, notes, extent.merges));
  for (const t of zip.chunks(part)) {
    parser.write(t);
    yield;
  }
  parser.close();
  return extent.merges.count > 0 ? extent : null;
}

/**
 * Pass 2: the rows of a sheet, in order, every row up to the last row element (rows the file leaves out
 * are blank), merged areas filled with their first cell's text and clipped to the data. Every cell laid
 * out (the empty ones before a row's last value included) and every cell a merge writes is counted
 * against limits.maxCells.
 */
function* readRows(zip: ZipReader, part: string, book: Book, opts: Resolved, extent: Extent | null, sink: RowSink, notes: SheetNotes): Generator<void, number, undefined> {
  const maxCells = opts.limits.maxCells;
  const tooMany = () => new ZipError("limit-exceeded", `${quote(part)} holds more than ${maxCells} cells, counting the empty ones before each row's last value and those merged cells fill (limits.maxCells)`);
  let cells = 0;
  let written = 0;
  let emitted = 0;
  let current: string[] = [];
  let currentRow = 0;
  let outOfOrder = false;
  const merges = extent?.merges;
  // Areas that start at a row (file order kept within a row), the areas covering the row being emitted,
  // and each area's master text (taken at its first row).
  const starting = new Map<number, number[]>();
  if (merges) {
    for (let i = 0; i < merges.count; i++) {
      const r1 = merges.r1(i);
      if (r1 > extent.lastRow) continue;
      const list = starting.get(r1);
      if (list) list.push(i);
      else starting.set(r1, [i]);
    }
  }
  let active: number[] = [];
  const masters = new Map<number, string>();

  const emit = (r: number, row: string[]) => {
    if (merges) {
      const start = starting.get(r);
      if (start) active = [...active, ...start].sort((a, b) => a - b);
      if (active.length) active = active.filter((i) => Math.min(merges.r2(i), extent!.lastRow) >= r);
      for (const i of active) {
        const r1 = merges.r1(i);
        const c1 = merges.c1(i);
        if (r === r1) masters.set(i, row[c1 - 1] ?? "");
        const master = masters.get(i)!;
        const c2 = Math.min(merges.c2(i), Math.max(extent!.maxCol, c1));
        for (let c = c1; c <= c2; c++) {
          if (r === r1 && c === c1) continue;
          if (++written > maxCells) throw tooMany();
          if (c > row.length) {
            if (master === "") break;
            cells += c - row.length;
            if (cells > maxCells) throw tooMany();
            while (row.length < c - 1) row.push("");
            row.push(master);
          } else row[c - 1] = master;
        }
      }
    }
    // Empty cells after the last value carry nothing: rows end with their last value.
    let end = row.length;
    while (end > 0 && row[end - 1] === "") end--;
    sink.row({ row: r, cells: end === row.length ? row : row.slice(0, end) });
  };
  const parser = xmlParser(part, opts.limits.maxDepth, sheetHandler(part, book, opts, {
    row: (r) => {
      // Rows come in order in every workbook Excel writes; a file that goes back is read in file order.
      currentRow = r > emitted ? r : emitted + 1;
      if (r <= emitted) outOfOrder = true;
      current = [];
    },
    cell: (col, text) => {
      const before = current.length;
      if (col > before) {
        cells += col - before;
        if (cells > maxCells) throw tooMany();
        for (let i = before; i < col - 1; i++) current.push("");
        current.push(text);
      } else current[col - 1] = text;
    },
    endRow: () => {
      for (let r = emitted + 1; r < currentRow; r++) emit(r, []); // rows the file leaves out are blank
      emit(currentRow, current);
      emitted = currentRow;
    },
  }, notes));
  for (const t of zip.chunks(part)) {
    parser.write(t);
    yield;
  }
  parser.close();
  if (outOfOrder) {
    sink.note({ code: "corrupt-file", severity: "warning", message: `Rows of ${quote(part)} are out of order (a damaged or hand-made workbook); read in file order.`, place: { file: opts.file } });
  }
  return emitted;
}

/** Count a hidden sheet's rows (it is not read, but said how large it is). */
function* countRows(zip: ZipReader, part: string, opts: Resolved): Generator<void, number, undefined> {
  let last = 0;
  const parser = xmlParser(part, opts.limits.maxDepth, {
    open: (tag, name) => {
      if (name !== "row") return;
      const r = Number(attr(tag, "r") ?? last + 1);
      last = Number.isInteger(r) && r >= 1 && r <= MAX_ROW ? Math.max(last, r) : last + 1;
    },
  });
  for (const t of zip.chunks(part)) {
    parser.write(t);
    yield;
  }
  parser.close();
  return last;
}

/** The sheets of a workbook and what they share. Throws a ZipError. */
function openWorkbook(zip: ZipReader, opts: Resolved): { sheets: SheetInfo[]; book: Book } {
  const lim = opts.limits;
  const rootRels = readRels(zip, "", lim.maxDepth);
  let bookPart = "xl/workbook.xml";
  for (const rel of rootRels.values()) if (rel.type.endsWith("/officeDocument") && zip.has(rel.target)) bookPart = rel.target;
  const bookXml = zip.text(bookPart);
  if (bookXml === undefined) throw new ZipError("corrupt-file", `no ${bookPart} inside: the file is damaged or not an Excel workbook`);
  const rels = readRels(zip, bookPart, lim.maxDepth);
  const sheets: SheetInfo[] = [];
  let date1904 = false;
  parseXml(bookXml, bookPart, lim.maxDepth, {
    open: (tag, name) => {
      if (name === "workbookPr") date1904 = ["1", "true"].includes(attr(tag, "date1904") ?? "");
      else if (name === "sheet") {
        const id = relId(tag);
        const rel = id ? rels.get(id) : undefined;
        const state = attr(tag, "state");
        const n = sheets.length + 1;
        // Sheet names reach places and the terminal: no line breaks or control characters.
        sheets.push({
          name: (attr(tag, "name") ?? `Sheet${n}`).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " "),
          state: state === "hidden" || state === "veryHidden" ? state : "visible",
          part: rel?.target ?? (zip.has(`xl/worksheets/sheet${n}.xml`) ? `xl/worksheets/sheet${n}.xml` : undefined),
        });
      }
    },
  });
  let sharedPart = "xl/sharedStrings.xml";
  let stylesPart = "xl/styles.xml";
  for (const rel of rels.values()) {
    if (rel.type.endsWith("/sharedStrings")) sharedPart = rel.target;
    else if (rel.type.endsWith("/styles")) stylesPart = rel.target;
  }
  const shared = zip.has(sharedPart) ? readSharedStrings(zip, sharedPart, lim) : [];
  const dateStyles = readDateStyles(zip.text(stylesPart), stylesPart, lim.maxDepth);
  return { sheets, book: { shared, dateStyles, date1904 } };
}

/** The parts an XLSX reader may inflate: XML only (images and other media never count). */
const XML_PART = (name: string) => /\.(xml|rels)$/i.test(name);

/**
 * Open a workbook's zip under the limits; throws a ZipError saying what is wrong.
 * @example
 * const zip = openXlsxZip(bytes, Limits.parse({}));
 */
export function openXlsxZip(bytes: Uint8Array, limits: Limits): ZipReader {
  try {
    return new ZipReader(bytes, { maxBytes: limits.maxBytes, maxEntries: limits.maxZipEntries }, XML_PART);
  } catch (e) {
    if (e instanceof ZipError) throw new ZipError(e.code, `Cannot read this .xlsx: ${e.message}.`);
    throw e;
  }
}

/**
 * The XLSX row source: pushes every visible sheet of a workbook (every sheet with `hidden`) into `sink`
 * as a table, row by row: merged cells carry their master's text, formulas their saved result, dates
 * read as ISO text. Iterate it to read: it pauses after each piece of a part it inflates, so a caller
 * can hand over what is read so far. Throws a `ZipError` (`corrupt-file`, `limit-exceeded`,
 * `unsafe-xml`) when the bytes are not a readable workbook, or a sheet breaks a limit.
 * @example
 * const sink = new TableSink(resolveParseOptions({ file: "big.xlsx" }));
 * for (const _ of xlsxRows(bytes, sink, { file: "big.xlsx" })) if (sink.pending > 5000) send(sink.drain());
 */
export function* xlsxRows(bytes: Uint8Array, sink: RowSink, options: XlsxReadOptions = {}): Generator<void, void, undefined> {
  const opts = resolveOptions(XlsxReadOptions, options, "xlsxRows");
  const file = opts.file;
  const zip = openXlsxZip(bytes, opts.limits);
  const { sheets, book } = explained(() => openWorkbook(zip, opts));
  if (opts.sheet !== undefined && !sheets.some((s) => s.name === opts.sheet)) {
    throw new ZipError("corrupt-file", `No sheet named ${quote(opts.sheet)} (sheets: ${sheets.map((w) => quote(w.name)).join(", ")}).`);
  }
  const readBy = new Map<string, string>();
  for (const info of sheets) {
    if (opts.sheet !== undefined && info.name !== opts.sheet) continue;
    const part = info.part;
    if (part === undefined || !zip.has(part)) {
      sink.note({ code: "corrupt-file", severity: "warning", message: `Sheet ${quote(info.name)} has no worksheet part in the file; not read.`, place: { file, sheet: info.name } });
      continue;
    }
    // Two sheets pointing at one part would read (and inflate) it twice: a 76 KB file could expand
    // 30 times over. Excel never writes that.
    const first = readBy.get(part);
    if (first !== undefined) {
      sink.note({ code: "corrupt-file", severity: "warning", message: `Sheet ${quote(info.name)} points to the worksheet part of sheet ${quote(first)}; not read twice.`, place: { file, sheet: info.name } });
      continue;
    }
    readBy.set(part, info.name);
    if (info.state !== "visible" && !opts.hidden) {
      const rows = yield* explainedSteps(countRows(zip, part, opts));
      if (rows > 0) sink.note({ code: "ignored-table", severity: "info", message: `Sheet ${quote(info.name)} is hidden; not read (${rows} rows).`, place: { file, sheet: info.name, row: 1, rowEnd: rows } });
      continue;
    }
    const extent = yield* explainedSteps(readExtent(zip, part, book, opts));
    sink.table({ file, format: "xlsx", sheet: info.name, ...(info.state !== "visible" ? { state: info.state } : {}) });
    const notes: SheetNotes = { formulas: 0, firstFormula: "", missingStrings: 0 };
    yield* explainedSteps(readRows(zip, part, book, opts, extent, sink, notes));
    if (notes.missingStrings > 0) {
      sink.note({ code: "corrupt-file", severity: "warning", message: `${notes.missingStrings} cell(s) in ${quote(info.name)} point to shared strings the file does not have; read as empty.`, place: { file, sheet: info.name } });
    }
    if (notes.formulas > 0) {
      sink.note({ code: "formula-cell", severity: "info", message: `${notes.formulas} formula cell(s) in ${quote(info.name)} read by their saved result (first: ${notes.firstFormula}); formulas are never evaluated.`, place: { file, sheet: info.name, cell: notes.firstFormula } });
    }
  }
}

/** A ZipError from reading the workbook's parts, said to be about this .xlsx. */
function explain(e: unknown): unknown {
  return e instanceof ZipError ? new ZipError(e.code, `Cannot read this .xlsx: ${e.message}.`) : e;
}

function explained<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    throw explain(e);
  }
}

function* explainedSteps<T>(steps: Generator<void, T, undefined>): Generator<void, T, undefined> {
  try {
    return yield* steps;
  } catch (e) {
    throw explain(e);
  }
}

/**
 * The bytes the XML parts of a workbook (or document) declare once inflated: what reading it costs,
 * whatever its compressed size. Null when the zip directory cannot be read.
 * @example
 * if ((declaredXmlSize(bytes) ?? 0) > 16 << 20) readInParts();
 */
export function declaredXmlSize(bytes: Uint8Array): number | null {
  try {
    return new ZipReader(bytes, { maxBytes: Number.MAX_SAFE_INTEGER, maxEntries: Number.MAX_SAFE_INTEGER }, () => false).declaredSize(XML_PART);
  } catch {
    return null;
  }
}

/**
 * Read the sheets of a workbook as whole tables (cells as text, merged areas filled), under the limits.
 * The earlier form `(bytes, file, sheetName, limits)` still works. Throws an Error with a one-line
 * message when the bytes are not a readable workbook: a `ZipError` whose `code` is `corrupt-file`,
 * `limit-exceeded` or `unsafe-xml`.
 * @example
 * const { tables, diagnostics } = readXlsxTables(bytes, { file: "matrix.xlsx" });
 */
export function readXlsxTables(bytes: Uint8Array, options: XlsxReadOptions | string = {}, sheetName?: string, limits?: Partial<Limits>): { tables: Table[]; diagnostics: ParseResult["diagnostics"] } {
  const collect = new TablesCollector();
  const opts: XlsxReadOptions = typeof options === "string" ? { file: options, ...(sheetName !== undefined ? { sheet: sheetName } : {}), ...(limits ? { limits: resolveLimits(limits) } : {}) } : options;
  for (const _ of xlsxRows(bytes, collect, opts));
  return { tables: collect.tables, diagnostics: collect.notes };
}

/**
 * Parse recommendations from an Excel workbook: every visible sheet, merged cells resolved.
 * @example
 * const { recommendations } = await parseXlsx(bytes, { file: "matrix.xlsx" });
 */
export async function parseXlsx(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParseResult> {
  const opts = resolveParseOptions(options, "parseXlsx");
  if (bytes.length > opts.limits.maxBytes) {
    return failed({ code: "limit-exceeded", severity: "error", message: `File is ${bytes.length} bytes, over the ${opts.limits.maxBytes}-byte limit (limits.maxBytes).`, place: { file: opts.file } });
  }
  const sink = new TableSink(opts);
  try {
    for (const _ of xlsxRows(bytes, sink, { file: opts.file, sheet: opts.sheet, limits: opts.limits }));
  } catch (e) {
    return sink.fail(e);
  }
  return requireRecommendations(sink.finish(), opts.file);
}
