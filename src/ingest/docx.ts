import { SaxesParser } from "saxes";
import type { ParseResult } from "../schema/result.js";
import { type Limits, type ParseOptions, resolveLimits, resolveParseOptions } from "./options.js";
import { requireRecommendations } from "./guard.js";
import { failed, readTables } from "./result.js";
import type { Table, TableRow } from "./table.js";
import { quote } from "../internal/quote.js";
import { ZipError, ZipReader } from "./zip.js";

interface DocxCell {
  paras: string[];
  span: number;
  vmerge: "restart" | "continue" | null;
}

interface DocxTable {
  rows: { cells: DocxCell[]; gridBefore: number }[];
}

/** Tables and surrounding text read from a Word document. */
export interface DocxContent {
  tables: Table[];
  /** Page headers and the paragraphs before the first table: where matrices name the State and cycle. */
  title: string;
  /** Every paragraph outside tables, in order (a report's running text). */
  paragraphs: string[];
}

const W = "w:";

/**
 * Walk WordprocessingML with a SAX parser and collect tables (cells as paragraph lists, with
 * `gridSpan` and `vMerge`) and the paragraphs outside tables. Nested tables are read into their cell.
 */
function readDocumentXml(feed: (write: (text: string) => void) => void, maxDepth: number, maxCells: number): { tables: DocxTable[]; paragraphsBefore: string[]; paragraphs: string[] } {
  const tables: DocxTable[] = [];
  const paragraphsBefore: string[] = [];
  const paragraphs: string[] = [];
  const stack: { table: DocxTable; cell: DocxCell | null }[] = [];
  let para: string | null = null;
  let inText = false;
  let gridBefore = 0;
  let depth = 0;
  // Grid cells laid out so far (a cell spanning 63 columns counts 63): bounds the table toTable builds.
  let cells = 0;
  const charge = (n: number) => {
    cells += n;
    if (cells > maxCells) throw new ZipError("limit-exceeded", `the document's tables hold more than ${maxCells} cells (limits.maxCells)`);
  };
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on("opentag", (tag) => {
    // Nesting is bounded: nested tables are folded into their parent cell level by level, so their depth
    // multiplies the work.
    if (++depth > maxDepth) throw new ZipError("limit-exceeded", `the document nests XML elements more than ${maxDepth} deep (limits.maxDepth)`);
    const name = tag.name;
    if (!name.startsWith(W)) return;
    const top = stack[stack.length - 1];
    switch (name) {
      case "w:tbl":
        stack.push({ table: { rows: [] }, cell: null });
        break;
      case "w:tr":
        if (top) top.table.rows.push({ cells: [], gridBefore: 0 });
        gridBefore = 0;
        break;
      case "w:gridBefore": {
        const v = Number(tag.attributes["w:val"]);
        const last = top?.table.rows[top.table.rows.length - 1];
        if (last && Number.isInteger(v) && v > 0 && v < 64) {
          charge(v - last.gridBefore);
          last.gridBefore = v;
        }
        gridBefore = v;
        break;
      }
      case "w:tc":
        charge(1);
        if (top) {
          top.cell = { paras: [], span: 1, vmerge: null };
          top.table.rows[top.table.rows.length - 1]?.cells.push(top.cell);
        }
        break;
      case "w:gridSpan": {
        const v = Number(tag.attributes["w:val"]);
        if (top?.cell && Number.isInteger(v) && v > 1 && v < 64) {
          charge(v - top.cell.span);
          top.cell.span = v;
        }
        break;
      }
      case "w:vMerge":
        if (top?.cell) top.cell.vmerge = tag.attributes["w:val"] === "restart" ? "restart" : "continue";
        break;
      case "w:p":
        para = "";
        break;
      case "w:t":
        inText = true;
        break;
      case "w:tab":
        if (para !== null) para += " ";
        break;
      case "w:br":
      case "w:cr":
        if (para !== null) para += "\n";
        break;
      case "w:noBreakHyphen":
        if (para !== null) para += "-";
        break;
    }
  });
  parser.on("text", (text) => {
    if (inText && para !== null) para += text;
  });
  parser.on("closetag", (tag) => {
    depth--;
    const name = tag.name;
    if (name === "w:t") inText = false;
    else if (name === "w:p") {
      const top = stack[stack.length - 1];
      if (top?.cell) top.cell.paras.push(...(para ?? "").split("\n"));
      else if (stack.length === 0) {
        paragraphs.push(para ?? "");
        if (tables.length === 0 && para && paragraphsBefore.length < 20) paragraphsBefore.push(para);
      }
      para = null;
    } else if (name === "w:tc") {
      const top = stack[stack.length - 1];
      if (top) top.cell = null;
    } else if (name === "w:tbl") {
      const done = stack.pop()?.table;
      if (!done) return;
      const parent = stack[stack.length - 1];
      if (parent?.cell) {
        // A table inside a cell: its rows become lines of that cell.
        for (const r of done.rows) parent.cell.paras.push(r.cells.map((c) => c.paras.join(" ").trim()).filter(Boolean).join(" | "));
      } else tables.push(done);
    }
  });
  void gridBefore;
  // The XML comes in pieces as it is inflated: a large document is never held whole as a string.
  feed((text) => {
    parser.write(text);
  });
  parser.close();
  return { tables, paragraphsBefore, paragraphs };
}

/** Lay the cells of a table on its grid: spanned columns repeat the cell, vertically merged cells take the text above. */
function toTable(t: DocxTable, index: number, file: string): Table {
  const above: string[] = [];
  const rows: TableRow[] = t.rows.map((r, i) => {
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
    return { row: i + 1, cells };
  });
  return { file, format: "docx", sheet: `Table ${index + 1}`, table: index + 1, rows };
}

function textOfXml(xml: string, maxDepth: number): string {
  const parts: string[] = [];
  let inText = false;
  let para = "";
  let depth = 0;
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on("opentag", (t) => {
    if (++depth > maxDepth) throw new ZipError("limit-exceeded", `a page header nests XML elements more than ${maxDepth} deep (limits.maxDepth)`);
    if (t.name === "w:t") inText = true;
    else if (t.name === "w:tab") para += " ";
  });
  parser.on("closetag", (t) => {
    depth--;
    if (t.name === "w:t") inText = false;
    else if (t.name === "w:p") {
      if (para.trim()) parts.push(para.trim());
      para = "";
    }
  });
  parser.on("text", (x) => {
    if (inText) para += x;
  });
  parser.write(xml).close();
  return parts.join(" ");
}

/** The main document part named by `_rels/.rels` (read with a SAX parser: no regex over file text). */
function mainPart(zip: ZipReader, maxDepth: number): string {
  const rels = zip.read("_rels/.rels");
  if (rels) {
    let target: string | undefined;
    let depth = 0;
    const parser = new SaxesParser({ xmlns: false, position: false });
    parser.on("opentag", (tag) => {
      if (++depth > maxDepth) throw new ZipError("limit-exceeded", `_rels/.rels nests XML elements more than ${maxDepth} deep (limits.maxDepth)`);
      const type = tag.attributes["Type"];
      const t = tag.attributes["Target"];
      if (target === undefined && typeof type === "string" && type.endsWith("/officeDocument") && typeof t === "string") target = t.replace(/^\//, "");
    });
    parser.on("closetag", () => {
      depth--;
    });
    try {
      parser.write(new TextDecoder().decode(rels)).close();
    } catch (e) {
      if (e instanceof ZipError) throw e;
      // A damaged relationships part: fall back to the usual name.
    }
    if (target && WANTED.test(target) && zip.has(target)) return target;
  }
  return "word/document.xml";
}

const WANTED = /^word\/(document\d*|header\d+)\.xml$/;

/**
 * Read the tables of a .docx (and the page-header title) without interpreting them. The zip is read under
 * `limits` (`maxBytes` bounds the inflated size, `maxZipEntries`, `maxDepth`; a number is `maxBytes`).
 * Throws an Error with a one-line message when the file is not a readable .docx: a `ZipError` whose `code`
 * is `corrupt-file`, `limit-exceeded` or `unsafe-xml` for damaged, oversized or hostile files.
 * @example
 * const { tables, title } = readDocxContent(bytes, "uganda.docx");
 */
export function readDocxContent(bytes: Uint8Array, file = "input.docx", limits: number | Partial<Limits> = {}): DocxContent {
  const lim = resolveLimits(typeof limits === "number" ? { maxBytes: limits } : limits);
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
  let body: ReturnType<typeof readDocumentXml>;
  try {
    body = readDocumentXml((write) => zip.stream(part, write), lim.maxDepth, lim.maxCells);
  } catch (e) {
    if (e instanceof ZipError) throw new ZipError(e.code, `Cannot read this .docx: ${e.message}.`);
    throw new ZipError("corrupt-file", `The document XML is not well formed: ${oneLine((e as Error).message)}`);
  }
  const headers: string[] = [];
  for (const name of [...zip.entries.keys()].filter((n) => /^word\/header\d+\.xml$/.test(n)).sort()) {
    try {
      const t = textOfXml(zip.text(name) ?? "", lim.maxDepth).replace(/\bPage\s+\d*\s*of\s*\d*\s*$/i, "").trim();
      if (t && !headers.includes(t)) headers.push(t);
    } catch (e) {
      // A damaged page header does not stop the table from being read; a bomb in one does.
      if (e instanceof ZipError && e.code !== "corrupt-file") throw new ZipError(e.code, `Cannot read this .docx: ${e.message}.`);
    }
  }
  const title = [...headers, ...body.paragraphsBefore.map((p) => p.trim()).filter(Boolean)].join("\n");
  return { tables: body.tables.map((t, i) => ({ ...toTable(t, i, file), title })), title, paragraphs: body.paragraphs };
}

/** The first line of a parser message, without the stack or the XML that follows it. */
function oneLine(message: string): string {
  return (message.split("\n")[0] ?? "").slice(0, 300);
}

/**
 * Parse an OHCHR matrix (or any recommendations table) from a .docx file.
 * @example
 * const { recommendations, diagnostics, sources } = parseDocx(bytes, { file: "uganda.docx" });
 */
export function parseDocx(bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
  const opts = resolveParseOptions(options);
  let content: DocxContent;
  try {
    content = readDocxContent(bytes, opts.file, opts.limits);
  } catch (e) {
    const code = e instanceof ZipError ? e.code : "corrupt-file";
    return failed({ code, severity: "error", message: oneLine((e as Error).message), place: { file: opts.file } });
  }
  if (content.tables.length === 0) {
    return failed({ code: "no-table", severity: "error", message: "The document has no table: OHCHR matrices are Word tables. Check that this is the matrix, not the report.", place: { file: opts.file } });
  }
  return requireRecommendations(readTables(content.tables, opts), opts.file);
}
