// Layout detection: which row is the header, which column holds which field, the table's layout and
// language. Pure: the first rows of a table in, a TableLayout out.
import type { Diagnostic } from "../schema/diagnostic.js";
import type { Language, Layout } from "../schema/source.js";
import { fold } from "../internal/text.js";
import { quote, plain } from "../internal/quote.js";
import { readIdPrefix } from "./cell.js";
import { decideColumnRoles } from "./column-roles.js";
import { headerMatch } from "./cell-readers.js";
import { EXPECTED_COLUMNS, Field, matchHeader } from "./fields.js";
import type { ResolvedParseOptions } from "./options.js";
import { tableDiagnostic } from "./place.js";
import type { TableInfo, TableRow } from "./table.js";
import { readThemeHeader } from "./themes-cell.js";

/** Rows looked at to find the header. Title blocks in real files are a few rows high. */
export const HEADER_SCAN = 30;

/** A column of the table and the field it is read into. */
export interface Column {
  /** 0-based. */
  index: number;
  header: string;
  field: Field | null;
}

/** Per field: its one 0-based column, UNMAPPED, or MERGED (several columns, joined by fieldValue()). */
export type ColumnOf = Readonly<Record<Field, number>>;
export const UNMAPPED = -1;
export const MERGED = -2;

/** How a table is laid out: what detectLayout found in its first rows. */
export interface TableLayout {
  /** Index (in the rows given) of the first header row; -1 when the table has none. */
  headerAt: number;
  /** Row numbers of the header row(s): two for a two-level header. */
  headerRows: ReadonlySet<number>;
  /** Every header cell text, both rows of a two-level header included. */
  headerTexts: readonly string[];
  columns: readonly Column[];
  /** Field → its 0-based columns (a merged header groups several). */
  mapping: ReadonlyMap<Field, readonly number[]>;
  /** The mapping as fieldValue() reads it on every row: a property load instead of a Map lookup. */
  columnOf: ColumnOf;
  layout: Layout;
  /** The language the header's wording reveals, or null. */
  language: Language | null;
  /** No recommendation can be read: every row is counted as skipped. */
  unusable: boolean;
  /** What was wrong with the layout (no text column, a column mapping naming no column...). */
  diagnostics: Diagnostic[];
}

/**
 * A cell of a row by field ("" when unmapped); a field mapped to several columns joins their distinct values.
 * @example
 * fieldValue(layout, ["117.1 Ratify OP-CAT", "Supported"], "position"); // "Supported"
 */
export function fieldValue(layout: TableLayout, cells: readonly string[], field: Field): string {
  const col = layout.columnOf[field];
  if (col >= 0) return cells[col] ?? "";
  if (col === UNMAPPED) return "";
  const parts: string[] = [];
  for (const c of layout.mapping.get(field)!) {
    const v = cells[c] ?? "";
    if (v && !parts.includes(v)) parts.push(v);
  }
  return parts.join(" ");
}

/**
 * Does every filled cell repeat the header of its column (compared folded, or exactly)? A header
 * repeated further down a pasted table.
 * @example
 * repeatsHeader(layout, ["Recommendation", "Position"], false); // true for that header
 */
export function repeatsHeader(layout: TableLayout, cells: readonly string[], folded: boolean): boolean {
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (c === "") continue;
    const header = layout.columns[i]?.header ?? "";
    if (folded ? fold(c) !== fold(header) : c !== header) return false;
  }
  return true;
}

/**
 * All non-empty cells hold the same text: a merged row spanning the table (theme rows, titles).
 * @example
 * spanningText(["Theme: A12", "Theme: A12", ""]); // "Theme: A12"
 */
export function spanningText(cells: readonly string[]): string | null {
  let value: string | null = null;
  for (const c of cells) {
    if (c === "") continue;
    if (value === null) value = c;
    else if (c !== value) return null;
  }
  return value;
}

/**
 * Is every cell of a row empty?
 * @example
 * isBlank(["", ""]); // true
 */
export function isBlank(cells: readonly string[]): boolean {
  return cells.every((c) => c === "");
}

/** A 0-based column for a mapping reference: header text, column letter or 1-based number. */
function columnIndex(ref: string | number, headers: readonly string[]): number | undefined {
  if (typeof ref === "number") return ref >= 1 ? ref - 1 : undefined;
  const key = fold(ref);
  const byHeader = headers.findIndex((h) => fold(h) === key);
  if (byHeader >= 0) return byHeader;
  if (/^[A-Z]{1,3}$/i.test(ref.trim())) {
    let n = 0;
    for (const ch of ref.trim().toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
    return n - 1;
  }
  if (/^\d+$/.test(ref.trim())) return Number(ref) - 1;
  return undefined;
}

/** A ColumnOf for a mapping. Every field is a key, so that fieldValue() reads one shape of object. */
function columnOf(mapping: ReadonlyMap<Field, readonly number[]>): ColumnOf {
  const out = {} as Record<Field, number>;
  for (const f of Field.options) {
    const cols = mapping.get(f);
    out[f] = !cols ? UNMAPPED : cols.length === 1 ? cols[0]! : MERGED;
  }
  return out;
}

/** Is `next` a second header row under `header` (merged cells over sub-headers)? */
function isSecondHeader(header: readonly string[], next: readonly string[]): boolean {
  let matched = 0;
  let other = 0;
  let mergedAbove = false;
  for (let i = 0; i < next.length; i++) {
    const c = next[i] ?? "";
    if (!c) continue;
    if (c === header[i]) {
      mergedAbove = true; // vertically merged header cell, filled in by the reader
      continue;
    }
    if (matchHeader(c) && c.length < 80) matched++;
    else other++;
  }
  return matched >= 1 && other === 0 && (mergedAbove || header.some((h, i) => i > 0 && h !== "" && h === header[i - 1]));
}

/** The row (index) that looks most like a header: the most distinct fields, long texts counting against. */
function findHeaderRow(rows: readonly TableRow[]): number {
  let headerAt = -1;
  let best = 0;
  for (let i = 0; i < rows.length; i++) {
    const fields = new Set<Field>();
    let long = 0;
    for (const c of rows[i]!.cells) {
      const m = c ? headerMatch(c) : undefined;
      if (m) fields.add(m.field);
      if (c.length > 150) long++;
    }
    const score = fields.size - long;
    if (score > best && (fields.size >= 2 || fields.has("text"))) {
      best = score;
      headerAt = i;
    }
  }
  return headerAt;
}

interface Mapped {
  columns: Column[];
  mapping: Map<Field, number[]>;
  language: Language | null;
  diagnostics: Diagnostic[];
}

/** Map header texts to fields: an explicit mapping first, then the wordings (`assumed`: headers are field names). */
function mapColumns(headers: readonly string[], info: TableInfo, explicit: ResolvedParseOptions["columns"], assumed: boolean): Mapped {
  const mapping = new Map<Field, number[]>();
  const votes = new Map<Language, number>();
  const diagnostics: Diagnostic[] = [];
  const columns: Column[] = headers.map((h, i) => ({ index: i, header: h, field: null }));
  if (explicit) {
    for (const [field, ref] of explicit) {
      const idx = columnIndex(ref, headers);
      if (idx === undefined || idx < 0) {
        diagnostics.push(tableDiagnostic(info, "missing-column", "error", `Column ${quote(String(ref), 120)} given for ${field} is not in the header row (${headers.filter(Boolean).map((h) => quote(h, 120)).join(", ")}).`, {}));
        continue;
      }
      mapping.set(field, [idx]);
      if (!columns[idx]) columns[idx] = { index: idx, header: "", field: null };
      columns[idx]!.field = field;
    }
  }
  for (let i = 0; i < headers.length; i++) {
    const h = headers[i] ?? "";
    if (!h || columns[i]!.field) continue;
    // A merged header cell repeated over several columns: one logical column.
    if (i > 0 && h === headers[i - 1] && columns[i - 1]!.field) {
      const field = columns[i - 1]!.field!;
      mapping.get(field)!.push(i);
      columns[i]!.field = field;
      continue;
    }
    const m = assumed ? { field: h as Field, language: null } : matchHeader(h);
    if (!m || mapping.has(m.field)) continue;
    if (explicit && explicit.has(m.field)) continue;
    mapping.set(m.field, [i]);
    columns[i]!.field = m.field;
    if (m.language) votes.set(m.language, (votes.get(m.language) ?? 0) + 1);
  }
  let language: Language | null = null;
  let bestVotes = 0;
  for (const [lang, n] of votes) {
    if (n > bestVotes || (n === bestVotes && lang === "en")) {
      language = lang;
      bestVotes = n;
    }
  }
  return { columns, mapping, language, diagnostics };
}

function classifyLayout(headers: readonly string[], headerTexts: readonly string[], mapping: ReadonlyMap<Field, readonly number[]>): Layout {
  const keys = new Set(headers.map((h) => fold(h)));
  const has = (f: Field) => mapping.has(f);
  if (keys.has("to") && keys.has("from") && (keys.has("response") || keys.has("action"))) return "upr-info";
  if (keys.has("sur") && keys.has("rs")) return "upr-info"; // UPR Info's own export (SuR;Rgrp;Org;Recommendation;RS;...)
  if (keys.has("countries concerned") || keys.has("reccomending body") || keys.has("recommending body") || keys.has("upr position") || keys.has("ohchr annotation id")) return "uhri-export";
  if (has("text") && has("position") && (has("themes") || has("sdgs") || (has("assessment") && !has("status") && !has("id")))) return "ohchr-matrix";
  const ohchr = /^(assessment comments on level of implementation|full list of themes|position of the state under review|human rights themes and groups of persons)$/;
  if (has("text") && has("position") && headerTexts.some((h) => ohchr.test(fold(h)))) return "ohchr-matrix";
  return has("text") ? "user-sheet" : "unknown";
}

/** A layout from mapped columns; without a text column it is unusable, with a `missing-column` error. */
function fromMapping(headers: readonly string[], headerTexts: readonly string[], headerAt: number, headerRows: Set<number>, info: TableInfo, explicit: ResolvedParseOptions["columns"], assumed: boolean, data: readonly TableRow[] = []): TableLayout {
  const m = mapColumns(headers, info, explicit, assumed);
  // The values of the first data rows complete what the header names said (not when columns were given).
  if (!explicit && !assumed) m.diagnostics.push(...decideColumnRoles(m, data, info));
  const base = { headerAt, headerRows, headerTexts, columns: m.columns, mapping: m.mapping, columnOf: columnOf(m.mapping), language: m.language, diagnostics: m.diagnostics };
  if (m.mapping.has("text")) return { ...base, layout: classifyLayout(headers, headerTexts, m.mapping), unusable: false };
  const found = headers.filter(Boolean);
  m.diagnostics.push(
    tableDiagnostic(
      info, "missing-column", "error",
      `No recommendation text column${info.sheet ? ` in ${plain(info.sheet)}` : ""}. Columns found: ${found.map((f) => quote(f, 120)).join(", ") || "none"}. ` +
        `Name one column "Recommendation" (or Recommandation, Recomendación), or pass a column mapping (--columns text=B).`,
      {}, { expected: [...EXPECTED_COLUMNS] },
    ),
  );
  return { ...base, layout: "unknown", unusable: true };
}

/**
 * Find the header row among the first rows of a table (up to HEADER_SCAN), map its columns to fields
 * (an explicit `columns` mapping first, then English, French and Spanish wordings), and tell the layout
 * and language. A table without a header that looks like an OHCHR matrix (theme rows, paragraph ids)
 * gets the matrix's default columns; one that does not, and has no mapping, is unusable and said so.
 * @example
 * const layout = detectLayout(firstRows, { file: "a.csv", format: "csv" }, resolveParseOptions());
 * layout.layout; // "user-sheet"
 */
export function detectLayout(rows: readonly TableRow[], info: TableInfo, opts: ResolvedParseOptions): TableLayout {
  const explicit = opts.columns;
  let headerAt = -1;
  if (opts.headerRow !== undefined) headerAt = opts.headerRow === 0 ? -1 : rows.findIndex((r) => r.row === opts.headerRow);
  else headerAt = findHeaderRow(rows);

  if (headerAt < 0 && explicit && opts.headerRow === undefined) {
    // A mapping by header names tells where the header is.
    const names = [...explicit.values()].filter((v): v is string => typeof v === "string" && !/^[A-Z]{1,3}$/.test(v) && !/^\d+$/.test(v)).map(fold);
    if (names.length) headerAt = rows.findIndex((r) => r.cells.some((c) => names.includes(fold(c))));
  }

  // A two-level header picked at its lower row ("Assessment/comments..." merged over "Level of
  // implementation | Comments"): start at the upper row.
  if (headerAt > 0 && opts.headerRow === undefined) {
    const above = rows[headerAt - 1]!;
    if (above.cells.some((c) => c && headerMatch(c)) && isSecondHeader(above.cells, rows[headerAt]!.cells)) headerAt--;
  }

  if (headerAt >= 0) {
    const header = rows[headerAt]!;
    let headers = header.cells.slice();
    const headerTexts = header.cells.slice();
    const headerRows = new Set([header.row]);
    // A second header row under merged cells ("Position" over "Supported | Noted", or a two-level header).
    const next = rows[headerAt + 1];
    if (next && isSecondHeader(header.cells, next.cells)) {
      headers = headers.map((h, i) => {
        const sub = next.cells[i] ?? "";
        if (!sub || sub === h) return h;
        return !h || headerMatch(sub) ? sub : `${h} ${sub}`;
      });
      headerTexts.push(...next.cells);
      headerRows.add(next.row);
    }
    return fromMapping(headers, headerTexts, headerAt, headerRows, info, explicit, false, rows.slice(headerAt + headerRows.size));
  }

  // No header row: an OHCHR table without one (first row already a theme or recommendation row),
  // explicit columns, or an unknown layout.
  const width = Math.max(0, ...rows.map((r) => r.cells.length));
  const looksLikeMatrix = rows.some((r) => {
    const t = spanningText(r.cells);
    return (t !== null && readThemeHeader(t) !== null) || readIdPrefix(r.cells[0] ?? "") !== null;
  });
  if (explicit || looksLikeMatrix) {
    const defaults: Field[] = ["text", "position", "themes", "assessment"];
    const headers = Array.from({ length: width }, (_, i) => (explicit ? "" : (defaults[i] ?? "")));
    return fromMapping(headers, [], -1, new Set(), info, explicit, !explicit);
  }

  const firstRow = rows.find((r) => !isBlank(r.cells));
  const found = firstRow ? firstRow.cells.filter(Boolean).map((c) => c.slice(0, 60)) : [];
  const sheet = info.sheet ? ` in ${plain(info.sheet)}` : "";
  const diagnostics: Diagnostic[] = [];
  if (rows.length === 0) {
    // Nothing to say about an empty table; the file-level reader reports empty files.
  } else if (found.length === 0) {
    diagnostics.push(tableDiagnostic(info, "ignored-table", "info", `Table${sheet} holds no text; ignored.`, { row: rows[0]!.row, rowEnd: rows[rows.length - 1]!.row }));
  } else {
    diagnostics.push(
      tableDiagnostic(
        info, "unknown-layout", info.format === "docx" || info.sheet ? "warning" : "error",
        `No recommendation column found${sheet}. Columns found: ${found.map((f) => quote(f, 60)).join(", ")}. ` +
          `Expected a header row naming at least the recommendation text; pass a column mapping (--columns text=B,position=C) to read it anyway.`,
        { row: firstRow!.row }, { expected: [...EXPECTED_COLUMNS] },
      ),
    );
  }
  const mapping = new Map<Field, number[]>();
  return {
    headerAt: -1, headerRows: new Set(), headerTexts: [], mapping, columnOf: columnOf(mapping), layout: "unknown", language: null, unusable: true, diagnostics,
    columns: (firstRow?.cells ?? []).map((h, i) => ({ index: i, header: h.slice(0, 120), field: null })),
  };
}
