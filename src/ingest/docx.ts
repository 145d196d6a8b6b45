// The DOCX row source: fflate + saxes under the limits of options.ts. The page headers are read first
// (they are the title), then word/document.xml is parsed while it inflates: each top-level table is
// pushed as a table, each of its rows once the row closes, so a large document never sits in memory.
import type { SaxesTagPlain } from "saxes";
import * as z from "zod";
import { resolveOptions } from "../errors/matrix-error.js";
import { quote } from "../internal/quote.js";
import type { ParseResult } from "../schema/result.js";
import { requireRecommendations } from "./guard.js";
import { Limits, type ParseOptions, resolveLimits, resolveParseOptions } from "./options.js";
import { failed } from "./result.js";
import type { Table, TableRow } from "./table.js";
import { TableSink, TablesCollector, type RowSink } from "./tables.js";
import { parseXml, xmlParser } from "./xml.js";
import { ZipError, ZipReader } from "./zip.js";

/** How the DOCX row source reads a document. */
export const DocxReadOptions = z.object({
  /** Name shown in places and messages. */
  file: z.string().default("input.docx"),
  limits: Limits.default(Limits.parse({})),
});
export type DocxReadOptions = z.input<typeof DocxReadOptions>;
type Resolved = z.output<typeof DocxReadOptions>;

/** Tables and surrounding text read from a Word document. */
export interface DocxContent {
  tables: Table[];
  /** Page headers and the paragraphs before the first table: where matrices name the State and cycle. */
  title: string;
  /** Every paragraph outside tables, in order (a report's running text). */
  paragraphs: string[];
}

/** WordprocessingML's namespace (transitional and strict): its elements may carry any prefix (`w:`, `ns0:`). */
const WML = new Set(["http://schemas.openxmlformats.org/wordprocessingml/2006/main", "http://purl.oclc.org/ooxml/wordprocessingml/main"]);

/**
 * Names WordprocessingML elements by their local name, whatever prefix the document binds to the
 * namespace on its root element (Word writes `w:`, Python's ElementTree `ns0:`); other elements
 * (DrawingML's `a:t`, `a:tbl`) are not WordprocessingML and get null. A root that declares no
 * WordprocessingML namespace is read with Word's `w:` prefix.
 */
class WordNames {
  private prefix = "w:";
  private unprefixed = false;
  private rooted = false;

  /** The local name of a WordprocessingML element, or null. */
  element(tag: SaxesTagPlain): string | null {
    if (!this.rooted) this.root(tag);
    const name = tag.name;
    if (name.startsWith(this.prefix)) return name.slice(this.prefix.length);
    return this.unprefixed && !name.includes(":") ? name : null;
  }

  /** A WordprocessingML attribute (`w:val`) of an element. */
  attribute(tag: SaxesTagPlain, local: string): string | undefined {
    const v = tag.attributes[`${this.prefix}${local}`] ?? (this.unprefixed ? tag.attributes[local] : undefined);
    return typeof v === "string" ? v : undefined;
  }

  private root(tag: SaxesTagPlain): void {
    this.rooted = true;
    for (const [k, v] of Object.entries(tag.attributes)) {
      if (typeof v !== "string" || !WML.has(v)) continue;
      if (k === "xmlns") {
        this.unprefixed = true;
        this.prefix = "\u0000"; // no prefixed name matches
      } else if (k.startsWith("xmlns:")) {
        this.prefix = `${k.slice(6)}:`;
        this.unprefixed = false;
        return;
      }
    }
  }
}

interface DocxCell {
  paras: string[];
  /** Characters in `paras` so far: a cell stops growing past limits.maxCellLength. */
  chars: number;
  span: number;
  vmerge: "restart" | "continue" | null;
}

interface DocxTableState {
  rows: { cells: DocxCell[]; gridBefore: number }[];
  /** Top-level tables only: the text of each grid column in the row above (for vMerge), and rows pushed. */
  above: string[];
  pushed: number;
}

/** Lay a row's cells on the grid: spanned columns repeat the cell, vertically merged cells take the text above. */
function gridRow(r: { cells: DocxCell[]; gridBefore: number }, above: string[]): string[] {
  const cells: string[] = [];
  for (let g = 0; g < r.gridBefore; g++) cells.push("");
  for (const c of r.cells) {
    const col = cells.length;
    let text = c.paras.join("\n");
    if (c.vmerge === "continue") text = above[col] ?? "";
    for (let s = 0; s < c.span; s++) {
      above[col + s] = text;
      cells.push(text);
    }
  }
  return cells;
}

/**
 * Walk word/document.xml with a SAX parser: paragraphs before the first table become the title; each
 * top-level table is pushed to the sink as it opens and each of its rows as the row closes (cells as
 * paragraph lists, `gridSpan` and `vMerge` laid out); nested tables become lines of their cell.
 */
function* readDocument(zip: ZipReader, part: string, headers: readonly string[], sink: RowSink, opts: Resolved, onParagraph?: (text: string) => void): Generator<void, number, undefined> {
  const { maxDepth, maxCells, maxCellLength } = opts.limits;
  const names = new WordNames();
  const paragraphsBefore: string[] = [];
  const stack: { table: DocxTableState; cell: DocxCell | null }[] = [];
  let tables = 0;
  let para: string | null = null;
  let inText = false;
  // Grid cells laid out so far (a cell spanning 63 columns counts 63): bounds what the rows hold.
  let cells = 0;
  const charge = (n: number) => {
    cells += n;
    if (cells > maxCells) throw new ZipError("limit-exceeded", `the document's tables hold more than ${maxCells} cells (limits.maxCells)`);
  };
  const addText = (t: string) => {
    // A paragraph stops growing one character past the cell limit: the reader cuts and reports it.
    if (para !== null && para.length <= maxCellLength) para += para.length + t.length > maxCellLength + 1 ? t.slice(0, maxCellLength + 1 - para.length) : t;
  };
  const addLines = (cell: DocxCell, text: string) => {
    // One line per paragraph or break; a loop, not push(...lines): a cell of 300,000 breaks is one cell.
    for (const line of text.split("\n")) {
      if (cell.chars > maxCellLength) return;
      cell.paras.push(line);
      cell.chars += line.length + 1;
    }
  };
  // Nesting is bounded (xml.ts): nested tables are folded into their parent cell level by level, so
  // their depth multiplies the work.
  const open = (tag: SaxesTagPlain) => {
    const name = names.element(tag);
    if (name === null) return;
    const top = stack[stack.length - 1];
    switch (name) {
      case "tbl":
        stack.push({ table: { rows: [], above: [], pushed: 0 }, cell: null });
        if (stack.length === 1) {
          tables++;
          const title = [...headers, ...paragraphsBefore.map((p) => p.trim()).filter(Boolean)].join("\n");
          sink.table({ file: opts.file, format: "docx", sheet: `Table ${tables}`, table: tables, ...(title ? { title } : {}) });
        }
        break;
      case "tr":
        if (top) top.table.rows.push({ cells: [], gridBefore: 0 });
        break;
      case "gridBefore": {
        const v = Number(names.attribute(tag, "val"));
        const last = top?.table.rows[top.table.rows.length - 1];
        if (last && Number.isInteger(v) && v > 0 && v < 64) {
          charge(v - last.gridBefore);
          last.gridBefore = v;
        }
        break;
      }
      case "tc":
        charge(1);
        if (top) {
          top.cell = { paras: [], chars: 0, span: 1, vmerge: null };
          top.table.rows[top.table.rows.length - 1]?.cells.push(top.cell);
        }
        break;
      case "gridSpan": {
        const v = Number(names.attribute(tag, "val"));
        if (top?.cell && Number.isInteger(v) && v > 1 && v < 64) {
          charge(v - top.cell.span);
          top.cell.span = v;
        }
        break;
      }
      case "vMerge":
        if (top?.cell) top.cell.vmerge = names.attribute(tag, "val") === "restart" ? "restart" : "continue";
        break;
      case "p":
        para = "";
        break;
      case "t":
        inText = true;
        break;
      case "tab":
        addText(" ");
        break;
      case "br":
      case "cr":
        addText("\n");
        break;
      case "noBreakHyphen":
        addText("-");
        break;
    }
  };
  const close = (tag: SaxesTagPlain) => {
    const name = names.element(tag);
    if (name === null) return;
    if (name === "t") inText = false;
    else if (name === "p") {
      const top = stack[stack.length - 1];
      if (top?.cell) addLines(top.cell, para ?? "");
      else if (stack.length === 0) {
        onParagraph?.(para ?? "");
        if (tables === 0 && para && paragraphsBefore.length < 20) paragraphsBefore.push(para);
      }
      para = null;
    } else if (name === "tc") {
      const top = stack[stack.length - 1];
      if (top) top.cell = null;
    } else if (name === "tr" && stack.length === 1) {
      // A row of a top-level table is complete: push it, and keep only what the next row needs.
      const t = stack[0]!.table;
      const row = t.rows.pop();
      if (row) sink.row({ row: ++t.pushed, cells: gridRow(row, t.above) } satisfies TableRow);
    } else if (name === "tbl") {
      const done = stack.pop()?.table;
      if (!done) return;
      const parent = stack[stack.length - 1];
      // A table inside a cell: its rows become lines of that cell.
      if (parent?.cell) for (const r of done.rows) addLines(parent.cell, r.cells.map((c) => c.paras.join(" ").trim()).filter(Boolean).join(" | "));
    }
  };
  const text = (t: string) => {
    if (inText) addText(t);
  };
  const parser = xmlParser(part, maxDepth, { open, close, text });
  try {
    // The XML comes in pieces as it is inflated: a large document is never held whole as a string.
    for (const text of zip.chunks(part)) {
      parser.write(text);
      yield;
    }
    parser.close();
  } catch (e) {
    if (e instanceof ZipError) throw new ZipError(e.code, `Cannot read this .docx: ${e.message}.`);
    throw e;
  }
  return tables;
}

/** The text of a page header part, its paragraphs joined by spaces. */
function textOfXml(xml: string, part: string, maxDepth: number): string {
  const names = new WordNames();
  const parts: string[] = [];
  let inText = false;
  let para = "";
  parseXml(xml, part, maxDepth, {
    open: (t) => {
      const name = names.element(t);
      if (name === "t") inText = true;
      else if (name === "tab") para += " ";
    },
    close: (t) => {
      const name = names.element(t);
      if (name === "t") inText = false;
      else if (name === "p") {
        if (para.trim()) parts.push(para.trim());
        para = "";
      }
    },
    text: (x) => {
      if (inText && para.length < 2000) para += x;
    },
  });
  return parts.join(" ");
}

/** The main document part named by `_rels/.rels` (read with a SAX parser: no regex over file text). */
function mainPart(zip: ZipReader, maxDepth: number): string {
  const rels = zip.read("_rels/.rels");
  if (rels) {
    let target: string | undefined;
    try {
      parseXml(new TextDecoder().decode(rels), "_rels/.rels", maxDepth, {
        open: (tag) => {
          const type = tag.attributes["Type"];
          const t = tag.attributes["Target"];
          if (target === undefined && typeof type === "string" && type.endsWith("/officeDocument") && typeof t === "string") target = t.replace(/^\//, "");
        },
      });
    } catch (e) {
      // A damaged relationships part: fall back to the usual name (a bomb in it is not forgiven).
      if (!(e instanceof ZipError) || e.code !== "corrupt-file") throw e;
    }
    if (target && WANTED.test(target) && zip.has(target)) return target;
  }
  return "word/document.xml";
}

const WANTED = /^word\/(document\d*|header\d+)\.xml$/;

/** The page headers' texts, each once: a damaged header does not stop the table from being read; a bomb in one does. */
function readHeaders(zip: ZipReader, maxDepth: number): string[] {
  const headers: string[] = [];
  for (const name of [...zip.entries.keys()].filter((n) => /^word\/header\d+\.xml$/.test(n)).sort()) {
    try {
      const t = textOfXml(zip.text(name) ?? "", name, maxDepth).replace(/\bPage\s+\d*\s*of\s*\d*\s*$/i, "").trim();
      if (t && !headers.includes(t)) headers.push(t);
    } catch (e) {
      if (e instanceof ZipError && e.code !== "corrupt-file") throw new ZipError(e.code, `Cannot read this .docx: ${e.message}.`);
    }
  }
  return headers;
}

/**
 * The DOCX row source: pushes every table of a Word document into `sink`, row by row (with the page
 * header and the paragraphs before the first table as each table's title). Iterate it to read: it
 * pauses after each piece of the document it inflates. Returns the number of tables; throws a
 * `ZipError` (`corrupt-file`, `limit-exceeded`, `unsafe-xml`) when the bytes are not a readable .docx.
 * @example
 * const sink = new TableSink(resolveParseOptions({ file: "uganda.docx" }));
 * for (const _ of docxRows(bytes, sink, { file: "uganda.docx" }));
 */
export function* docxRows(bytes: Uint8Array, sink: RowSink, options: DocxReadOptions = {}, onParagraph?: (text: string) => void): Generator<void, number, undefined> {
  const opts = resolveOptions(DocxReadOptions, options, "docxRows");
  const lim = opts.limits;
  let zip: ZipReader;
  let part: string;
  try {
    // Only the parts read count against maxBytes (a large embedded image is never inflated).
    zip = new ZipReader(bytes, { maxBytes: lim.maxBytes, maxEntries: lim.maxZipEntries }, (name) => WANTED.test(name) || name === "_rels/.rels");
    part = mainPart(zip, lim.maxDepth);
  } catch (e) {
    if (e instanceof ZipError) throw new ZipError(e.code, `Cannot read this .docx: ${e.message}.`);
    throw new ZipError("corrupt-file", `Cannot unzip this .docx: ${(e as Error).message}. The file is damaged or not a Word document.`);
  }
  if (!zip.has(part)) throw new ZipError("corrupt-file", `No ${quote(part)} inside: this zip is not a Word document.`);
  const headers = readHeaders(zip, lim.maxDepth);
  return yield* readDocument(zip, part, headers, sink, opts, onParagraph);
}

/**
 * Read the tables of a .docx (and the page-header title, and the paragraphs outside tables) without
 * interpreting them, under the limits. The earlier form `(bytes, file, limits)` (a number for `maxBytes`)
 * still works. Throws an Error with a one-line message when the file is not a readable .docx: a
 * `ZipError` whose `code` is `corrupt-file`, `limit-exceeded` or `unsafe-xml`.
 * @example
 * const { tables, title } = readDocxContent(bytes, { file: "uganda.docx" });
 */
export function readDocxContent(bytes: Uint8Array, options: DocxReadOptions | string = {}, limits?: number | Partial<Limits>): DocxContent {
  const collect = new TablesCollector();
  const given = typeof limits === "number" ? { maxBytes: limits } : limits;
  const opts: DocxReadOptions = typeof options === "string" ? { file: options, ...(given ? { limits: resolveLimits(given) } : {}) } : options;
  const paragraphs: string[] = [];
  for (const _ of docxRows(bytes, collect, opts, (p) => paragraphs.push(p)));
  return { tables: collect.tables, title: collect.tables[0]?.title ?? "", paragraphs };
}

/**
 * Parse an OHCHR matrix (or any recommendations table) from a .docx file.
 * @example
 * const { recommendations, diagnostics, sources } = parseDocx(bytes, { file: "uganda.docx" });
 */
export function parseDocx(bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
  const opts = resolveParseOptions(options, "parseDocx");
  const sink = new TableSink(opts);
  try {
    for (const _ of docxRows(bytes, sink, { file: opts.file, limits: opts.limits }));
  } catch (e) {
    return sink.fail(e);
  }
  if (sink.tableCount === 0) {
    return failed({ code: "no-table", severity: "error", message: "The document has no table: OHCHR matrices are Word tables. Check that this is the matrix, not the report.", place: { file: opts.file } });
  }
  return requireRecommendations(sink.finish(), opts.file);
}
