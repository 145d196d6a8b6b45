// Reading Excel workbooks with fflate + saxes: only the parts that hold cell text are read (workbook,
// relationships, shared strings, number formats, sheets), under the limits of options.ts. Everything
// else in the zip (drawings, validations, defined names, pivot caches, macros) is never inflated.
import { SaxesParser, type SaxesTagPlain } from "saxes";
import type { Diagnostic } from "../schema/diagnostic.js";
import type { ParseResult } from "../schema/result.js";
import { type Limits, type ParseOptions, resolveLimits, resolveParseOptions } from "./options.js";
import { requireRecommendations } from "./guard.js";
import { failed, mergeResults, readTables } from "./result.js";
import type { Table, TableRow } from "./table.js";
import { quote } from "../internal/quote.js";
import { ZipError, ZipReader } from "./zip.js";

/** Excel's grid: 1,048,576 rows by 16,384 columns (A to XFD). */
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;

/** Built-in number formats that show dates or times (ECMA-376 §18.8.30), as exceljs reads them. */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

interface SheetInfo {
  name: string;
  state: string;
  part: string | undefined;
}

interface Sheet {
  rows: Map<number, string[]>;
  lastRow: number;
  merges: { r1: number; c1: number; r2: number; c2: number }[];
  formulas: number;
  firstFormula: string;
  cells: number;
  /** Cells pointing to a shared string the file does not have (read as empty). */
  missingStrings: number;
}

/** The element name without its namespace prefix: some writers prefix SpreadsheetML (`x:row`). */
function local(name: string): string {
  const i = name.indexOf(":");
  return i < 0 ? name : name.slice(i + 1);
}

/** Excel's escapes for characters XML cannot hold (`_x000D_`). */
function unescapeX(s: string): string {
  if (!s.includes("_x")) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => {
    const c = Number.parseInt(h, 16);
    // Tab, line feed and carriage return are text; other control characters (ESC...) are dropped.
    return c === 9 || c === 10 || c === 13 || (c >= 0x20 && (c < 0x7f || c > 0x9f)) ? String.fromCharCode(c) : "";
  });
}

interface XmlHandlers {
  open?: (tag: SaxesTagPlain, name: string) => void;
  close?: (name: string) => void;
  text?: (t: string) => void;
}

/** Run a SAX parser over XML with a nesting bound; parser errors become one-line `corrupt-file` errors. */
function parseXml(xml: string, part: string, maxDepth: number, handlers: XmlHandlers): void {
  parseXmlStream((write) => write(xml), part, maxDepth, handlers);
}

/**
 * Like parseXml, for XML handed over in pieces (`feed` calls `write` for each): a worksheet is parsed as
 * it is inflated, so a large one is never held whole as a string.
 */
function parseXmlStream(feed: (write: (text: string) => void) => void, part: string, maxDepth: number, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  let depth = 0;
  parser.on("opentag", (tag) => {
    if (++depth > maxDepth) throw new ZipError("limit-exceeded", `${quote(part)} nests XML elements more than ${maxDepth} deep (limits.maxDepth)`);
    handlers.open?.(tag, local(tag.name));
  });
  parser.on("closetag", (tag) => {
    depth--;
    handlers.close?.(local(tag.name));
  });
  if (handlers.text) parser.on("text", handlers.text);
  try {
    feed((text) => {
      parser.write(text);
    });
    parser.close();
  } catch (e) {
    if (e instanceof ZipError) throw e;
    throw new ZipError("corrupt-file", `${quote(part)} is not well formed XML: ${((e as Error).message.split("\n")[0] ?? "").slice(0, 200)}`);
  }
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

function readSharedStrings(feed: (write: (text: string) => void) => void, part: string, maxDepth: number): string[] {
  const strings: string[] = [];
  let si: string | null = null;
  let plain: string | null = null;
  let inT = false;
  let inRun = false;
  let phonetic = 0;
  let text = "";
  parseXmlStream(feed, part, maxDepth, {
    open: (_tag, name) => {
      if (name === "si") {
        si = "";
        plain = null;
      } else if (name === "rPh") phonetic++;
      else if (name === "r") inRun = true;
      else if (name === "t" && si !== null && phonetic === 0) {
        inT = true;
        text = "";
      }
    },
    text: (t) => {
      if (inT) text += t;
    },
    close: (name) => {
      if (name === "t" && inT) {
        inT = false;
        // A run's text is appended; a lone <t> is the whole string (the last one wins, as in exceljs).
        if (inRun) si += unescapeX(text);
        else plain = unescapeX(text);
      } else if (name === "r") inRun = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si") {
        strings.push(plain ?? si ?? "");
        si = null;
      }
    },
  });
  return strings;
}

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

function columnName(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** An Excel date serial as ISO text, the way exceljs turned it into a Date (and xlsx.ts into text). */
function serialToIso(serial: number, date1904: boolean): string {
  const d = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(d.getTime()) ? "" : d.toISOString().slice(0, d.getUTCHours() || d.getUTCMinutes() ? 16 : 10);
}

function readSheet(feed: (write: (text: string) => void) => void, part: string, shared: readonly string[], dateStyles: ReadonlySet<number>, date1904: boolean, limits: Limits): Sheet {
  const sheet: Sheet = { rows: new Map(), lastRow: 0, merges: [], formulas: 0, firstFormula: "", cells: 0, missingStrings: 0 };
  let rowNumber = 0;
  let colNumber = 0;
  let row: string[] | null = null;
  // The cell being read.
  let type = "";
  let style = -1;
  let hasFormula = false;
  let value: string | null = null;
  let inline: string | null = null;
  let inV = false;
  let inT = false;
  let inRun = false;
  let phonetic = 0;
  let inInline = false;
  let text = "";
  let missingStrings = 0;
  const put = (col: number, v: string) => {
    if (!row) {
      row = [];
      sheet.rows.set(rowNumber, row);
    }
    const before = row.length;
    if (col > before) {
      sheet.cells += col - before;
      if (sheet.cells > limits.maxCells) {
        throw new ZipError("limit-exceeded", `${quote(part)} holds more than ${limits.maxCells} cells, counting the empty ones before each row's last value (limits.maxCells)`);
      }
      for (let i = before; i < col - 1; i++) row.push("");
      row.push(v);
    } else row[col - 1] = v;
  };
  parseXmlStream(feed, part, limits.maxDepth, {
    open: (tag, name) => {
      switch (name) {
        case "row": {
          const r = Number(attr(tag, "r") ?? rowNumber + 1);
          rowNumber = Number.isInteger(r) && r >= 1 && r <= MAX_ROW ? r : rowNumber + 1;
          if (rowNumber > MAX_ROW) throw new ZipError("corrupt-file", `${quote(part)} has rows beyond Excel's last row (${MAX_ROW})`);
          row = sheet.rows.get(rowNumber) ?? null;
          colNumber = 0;
          if (rowNumber > sheet.lastRow) sheet.lastRow = rowNumber;
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
          break;
        }
        case "f":
          hasFormula = true;
          break;
        case "v":
          inV = true;
          text = "";
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
            text = "";
          }
          break;
        case "mergeCell": {
          const [a, b] = (attr(tag, "ref") ?? "").split(":");
          const from = a ? decodeRef(a) : null;
          const to = b ? decodeRef(b) : from;
          if (from && to) sheet.merges.push({ r1: Math.min(from.row, to.row), c1: Math.min(from.col, to.col), r2: Math.max(from.row, to.row), c2: Math.max(from.col, to.col) });
          break;
        }
      }
    },
    text: (t) => {
      if (inV || inT) text += t;
    },
    close: (name) => {
      switch (name) {
        case "v":
          inV = false;
          value = text;
          break;
        case "t":
          if (inT) {
            inT = false;
            inline = inRun ? `${inline ?? ""}${unescapeX(text)}` : unescapeX(text);
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
              const s = Number.isInteger(i) ? shared[i] : undefined;
              if (s === undefined) missingStrings++;
              out = s ?? "";
            } else if (type === "str" || type === "d") out = value;
            else if (type === "b") out = Number.parseInt(value, 10) !== 0 ? "true" : "false";
            else if (type === "e") out = hasFormula ? "" : value;
            else {
              const n = Number.parseFloat(value);
              out = dateStyles.has(style) ? serialToIso(n, date1904) : Number.isNaN(n) ? value : String(n);
            }
          }
          if (hasFormula) {
            sheet.formulas++;
            sheet.firstFormula ||= `${columnName(colNumber)}${rowNumber}`;
          }
          if (out !== "") put(colNumber, out);
          break;
        }
        case "row":
          row = null;
          break;
      }
    },
  });
  sheet.missingStrings = missingStrings;
  return sheet;
}

/** Lay a parsed sheet out as table rows: every row up to the last one, merged areas filled with their first cell's text. */
function toRows(sheet: Sheet, part: string, limits: Limits): TableRow[] {
  let maxCol = 0;
  for (const r of sheet.rows.values()) if (r.length > maxCol) maxCol = r.length;
  let cells = sheet.cells;
  // Every cell a merge writes is charged: overlapping merges (invalid, but possible) cannot multiply the work.
  let written = 0;
  for (const m of sheet.merges) {
    // Merged areas are clipped to the cells in use: a merge over the whole grid costs no more than the data.
    const master = sheet.rows.get(m.r1)?.[m.c1 - 1] ?? "";
    const r2 = Math.min(m.r2, sheet.lastRow);
    const c2 = Math.min(m.c2, Math.max(maxCol, m.c1));
    for (let r = m.r1; r <= r2; r++) {
      let row = sheet.rows.get(r);
      for (let c = m.c1; c <= c2; c++) {
        if (r === m.r1 && c === m.c1) continue;
        if (++written > limits.maxCells) {
          throw new ZipError("limit-exceeded", `merged cells in ${quote(part)} cover more than ${limits.maxCells} cells (limits.maxCells)`);
        }
        if (!row) {
          if (master === "") break;
          row = [];
          sheet.rows.set(r, row);
        }
        if (c > row.length) {
          if (master === "") break;
          cells += c - row.length;
          if (cells > limits.maxCells) {
            throw new ZipError("limit-exceeded", `merged cells in ${quote(part)} cover more than ${limits.maxCells} cells (limits.maxCells)`);
          }
          while (row.length < c - 1) row.push("");
          row.push(master);
        } else row[c - 1] = master;
      }
    }
  }
  const rows: TableRow[] = new Array(sheet.lastRow);
  for (let r = 1; r <= sheet.lastRow; r++) {
    const cellsOfRow = sheet.rows.get(r) ?? [];
    // Empty cells after the last value carry nothing: rows end with their last value.
    let end = cellsOfRow.length;
    while (end > 0 && cellsOfRow[end - 1] === "") end--;
    rows[r - 1] = { row: r, cells: end === cellsOfRow.length ? cellsOfRow : cellsOfRow.slice(0, end) };
  }
  return rows;
}

/**
 * Read every visible sheet of a workbook as a table; merged cells carry their master's text, formulas
 * their saved result, dates read as ISO text. Throws an Error with a one-line message when the bytes are
 * not a readable workbook: a `ZipError` whose `code` is `corrupt-file`, `limit-exceeded` or `unsafe-xml`.
 * @example
 * const { tables } = await readXlsxTables(bytes, "matrix.xlsx");
 */
export async function readXlsxTables(
  bytes: Uint8Array,
  file = "input.xlsx",
  sheetName?: string,
  limits: Partial<Limits> = {},
): Promise<{ tables: Table[]; diagnostics: Diagnostic[] }> {
  const lim = resolveLimits(limits);
  let zip: ZipReader;
  try {
    // Only XML parts are ever read: images and other media do not count against the limit.
    zip = new ZipReader(bytes, { maxBytes: lim.maxBytes, maxEntries: lim.maxZipEntries }, (name) => /\.(xml|rels)$/i.test(name));
  } catch (e) {
    if (e instanceof ZipError) throw new ZipError(e.code, `Cannot read this .xlsx: ${e.message}.`);
    throw e;
  }
  try {
    return readWorkbook(zip, file, sheetName, lim);
  } catch (e) {
    if (e instanceof ZipError) throw new ZipError(e.code, `Cannot read this .xlsx: ${e.message}.`);
    throw e;
  }
}

function readWorkbook(zip: ZipReader, file: string, sheetName: string | undefined, lim: Limits): { tables: Table[]; diagnostics: Diagnostic[] } {
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
        // Sheet names reach places and the terminal: no line breaks or control characters.
        sheets.push({ name: (attr(tag, "name") ?? `Sheet${sheets.length + 1}`).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " "), state: attr(tag, "state") ?? "visible", part: rel?.target ?? (zip.has(`xl/worksheets/sheet${sheets.length + 1}.xml`) ? `xl/worksheets/sheet${sheets.length + 1}.xml` : undefined) });
      }
    },
  });
  let sharedPart = "xl/sharedStrings.xml";
  let stylesPart = "xl/styles.xml";
  for (const rel of rels.values()) {
    if (rel.type.endsWith("/sharedStrings")) sharedPart = rel.target;
    else if (rel.type.endsWith("/styles")) stylesPart = rel.target;
  }
  const shared = zip.has(sharedPart) ? readSharedStrings((write) => zip.stream(sharedPart, write), sharedPart, lim.maxDepth) : [];
  const dateStyles = readDateStyles(zip.text(stylesPart), stylesPart, lim.maxDepth);

  const tables: Table[] = [];
  const diagnostics: Diagnostic[] = [];
  for (const info of sheets) {
    if (sheetName !== undefined && info.name !== sheetName) continue;
    const part = info.part;
    if (part === undefined || !zip.has(part)) {
      diagnostics.push({ code: "corrupt-file", severity: "warning", message: `Sheet ${quote(info.name)} has no worksheet part in the file; not read.`, place: { file, sheet: info.name } });
      continue;
    }
    const sheet = readSheet((write) => zip.stream(part, write), part, shared, dateStyles, date1904, lim);
    if (info.state === "hidden" || info.state === "veryHidden") {
      if (sheet.lastRow > 0) {
        diagnostics.push({ code: "ignored-table", severity: "info", message: `Sheet ${quote(info.name)} is hidden; not read (${sheet.lastRow} rows).`, place: { file, sheet: info.name, row: 1, rowEnd: sheet.lastRow } });
      }
      continue;
    }
    if (sheet.missingStrings > 0) {
      diagnostics.push({ code: "corrupt-file", severity: "warning", message: `${sheet.missingStrings} cell(s) in ${quote(info.name)} point to shared strings the file does not have; read as empty.`, place: { file, sheet: info.name } });
    }
    if (sheet.formulas > 0) {
      diagnostics.push({ code: "formula-cell", severity: "info", message: `${sheet.formulas} formula cell(s) in ${quote(info.name)} read by their saved result (first: ${sheet.firstFormula}); formulas are never evaluated.`, place: { file, sheet: info.name, cell: sheet.firstFormula } });
    }
    tables.push({ file, format: "xlsx", sheet: info.name, rows: toRows(sheet, part, lim) });
  }
  if (sheetName !== undefined && tables.length === 0) {
    throw new Error(`No sheet named ${quote(sheetName)} (sheets: ${sheets.map((w) => quote(w.name)).join(", ")}).`);
  }
  return { tables, diagnostics };
}

/**
 * Parse recommendations from an Excel workbook: every visible sheet, merged cells resolved.
 * @example
 * const { recommendations } = await parseXlsx(bytes, { file: "matrix.xlsx" });
 */
export async function parseXlsx(bytes: Uint8Array, options: ParseOptions = {}): Promise<ParseResult> {
  const opts = resolveParseOptions(options);
  if (bytes.length > opts.limits.maxBytes) {
    return failed({ code: "limit-exceeded", severity: "error", message: `File is ${bytes.length} bytes, over the ${opts.limits.maxBytes}-byte limit (limits.maxBytes).`, place: { file: opts.file } });
  }
  let read: Awaited<ReturnType<typeof readXlsxTables>>;
  try {
    read = await readXlsxTables(bytes, opts.file, opts.sheet, opts.limits);
  } catch (e) {
    const code = e instanceof ZipError ? e.code : "corrupt-file";
    return failed({ code, severity: "error", message: ((e as Error).message.split("\n")[0] ?? "").slice(0, 400), place: { file: opts.file } });
  }
  const result = readTables(read.tables, opts);
  return requireRecommendations(mergeResults([{ recommendations: [], diagnostics: read.diagnostics, sources: [] }, result]), opts.file);
}
