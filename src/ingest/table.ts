import type { Format } from "../schema/source.js";

/** One row of a table as a reader delivers it: cells by logical column, merged areas filled in. */
export interface TableRow {
  /** 1-based row number in the sheet, table or CSV record list. */
  row: number;
  cells: string[];
  /** 1-based physical line where a CSV record starts. */
  line?: number;
}

/** Where a table comes from, and what its surroundings say (page header, document title). */
export interface TableInfo {
  file: string;
  format: Format;
  /** Sheet name (XLSX) or "Table N" (DOCX); absent for CSV. */
  sheet?: string;
  /** 1-based table index in a DOCX document. */
  table?: number;
  /** Prefix of ids generated for rows without a paragraph id ("row-12"): set for every table but the first. */
  idPrefix?: string;
  /** Text around the table that may name the State, cycle and session (DOCX page header, file title). */
  title?: string;
  /** A hidden or very hidden sheet (read only when asked for, e.g. a tracking workbook's metadata). */
  state?: "hidden" | "veryHidden";
}

/** A whole table, for readers that hold it in memory. */
export interface Table extends TableInfo {
  rows: TableRow[];
}
