import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import type { ParseResult } from "../schema/result.js";
import { type ParseOptions, resolveParseOptions } from "./options.js";
import { failed, readTables } from "./result.js";
import type { Table, TableRow } from "./table.js";

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
}

const W = "w:";

/**
 * Walk WordprocessingML with a SAX parser and collect tables (cells as paragraph lists, with
 * `gridSpan` and `vMerge`) and the paragraphs outside tables. Nested tables are read into their cell.
 */
function readDocumentXml(xml: string): { tables: DocxTable[]; paragraphsBefore: string[] } {
  const tables: DocxTable[] = [];
  const paragraphsBefore: string[] = [];
  const stack: { table: DocxTable; cell: DocxCell | null }[] = [];
  let para: string | null = null;
  let inText = false;
  let gridBefore = 0;
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on("opentag", (tag) => {
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
        if (top && Number.isInteger(v) && v > 0 && v < 64) top.table.rows[top.table.rows.length - 1]!.gridBefore = v;
        gridBefore = v;
        break;
      }
      case "w:tc":
        if (top) {
          top.cell = { paras: [], span: 1, vmerge: null };
          top.table.rows[top.table.rows.length - 1]?.cells.push(top.cell);
        }
        break;
      case "w:gridSpan": {
        const v = Number(tag.attributes["w:val"]);
        if (top?.cell && Number.isInteger(v) && v > 1 && v < 64) top.cell.span = v;
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
    const name = tag.name;
    if (name === "w:t") inText = false;
    else if (name === "w:p") {
      const top = stack[stack.length - 1];
      if (top?.cell) top.cell.paras.push(...(para ?? "").split("\n"));
      else if (stack.length === 0 && tables.length === 0 && para && paragraphsBefore.length < 20) paragraphsBefore.push(para);
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
  parser.write(xml).close();
  return { tables, paragraphsBefore };
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

function textOfXml(xml: string): string {
  const parts: string[] = [];
  let inText = false;
  let para = "";
  const parser = new SaxesParser({ xmlns: false, position: false });
  parser.on("opentag", (t) => {
    if (t.name === "w:t") inText = true;
    else if (t.name === "w:tab") para += " ";
  });
  parser.on("closetag", (t) => {
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

function mainPart(files: Record<string, Uint8Array>): string {
  const rels = files["_rels/.rels"];
  if (rels) {
    const m = /Type="[^"]*\/officeDocument"[^>]*Target="\/?([^"]+)"|Target="\/?([^"]+)"[^>]*Type="[^"]*\/officeDocument"/.exec(new TextDecoder().decode(rels));
    const target = m?.[1] ?? m?.[2];
    if (target && files[target]) return target;
  }
  return "word/document.xml";
}

/**
 * Read the tables of a .docx (and the page-header title) without interpreting them.
 * Throws an Error with a one-line message when the file is not a readable .docx.
 * @example
 * const { tables, title } = readDocxContent(bytes, "uganda.docx");
 */
export function readDocxContent(bytes: Uint8Array, file = "input.docx", maxBytes = 512 * 1024 * 1024): DocxContent {
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        const wanted = /^word\/(document\d*|header\d+)\.xml$/.test(f.name) || f.name === "_rels/.rels";
        if (!wanted) return false;
        total += f.originalSize;
        if (total > maxBytes) throw new Error(`expands to more than ${maxBytes} bytes (limits.maxBytes)`);
        return true;
      },
    });
  } catch (e) {
    throw new Error(`Cannot unzip this .docx: ${(e as Error).message}. The file is damaged or not a Word document.`);
  }
  const part = mainPart(files);
  const doc = files[part];
  if (!doc) throw new Error(`No ${part} inside: this zip is not a Word document.`);
  const decoder = new TextDecoder("utf-8");
  let body: ReturnType<typeof readDocumentXml>;
  try {
    body = readDocumentXml(decoder.decode(doc));
  } catch (e) {
    throw new Error(`The document XML is not well formed: ${(e as Error).message.split("\n")[0]}`);
  }
  const headers: string[] = [];
  for (const name of Object.keys(files).filter((n) => /^word\/header\d+\.xml$/.test(n)).sort()) {
    try {
      const t = textOfXml(decoder.decode(files[name]!)).replace(/\bPage\s+\d*\s*of\s*\d*\s*$/i, "").trim();
      if (t && !headers.includes(t)) headers.push(t);
    } catch {
      // A damaged page header does not stop the table from being read.
    }
  }
  const title = [...headers, ...body.paragraphsBefore.map((p) => p.trim()).filter(Boolean)].join("\n");
  return { tables: body.tables.map((t, i) => ({ ...toTable(t, i, file), title })), title };
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
    content = readDocxContent(bytes, opts.file, opts.limits.maxBytes);
  } catch (e) {
    return failed({ code: "corrupt-file", severity: "error", message: (e as Error).message, place: { file: opts.file } });
  }
  if (content.tables.length === 0) {
    return failed({ code: "no-table", severity: "error", message: "The document has no table: OHCHR matrices are Word tables. Check that this is the matrix, not the report.", place: { file: opts.file } });
  }
  return readTables(content.tables, opts);
}
