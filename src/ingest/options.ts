import * as z from "zod";
import { resolveOptions } from "../errors/matrix-error.js";
import { Field } from "./fields.js";

/**
 * Limits that keep a hostile or broken file from exhausting memory or time. Each one reached gives a
 * `limit-exceeded` diagnostic naming the option to raise. See docs/security.md.
 */
export const Limits = z.object({
  /** Rows read per table; the rest are counted and reported, not read. */
  maxRows: z.int().positive().default(2_000_000),
  /** Characters per cell; longer cells are cut and reported. */
  maxCellLength: z.int().positive().default(100_000),
  /**
   * Bytes of a file, and bytes a zip (xlsx, docx) may expand to: the sizes its directory declares are
   * checked first, then the real inflated bytes are counted and inflating stops at the limit.
   */
  maxBytes: z.int().positive().default(512 * 1024 * 1024),
  /** Entries a zip (xlsx, docx) may list. Real workbooks and documents have tens, rarely hundreds. */
  maxZipEntries: z.int().positive().default(10_000),
  /**
   * Cells per XLSX sheet or DOCX table, counting the empty ones a row holds before its last value and
   * those a merged area fills: a sparse sheet (one value in column XFD of every row) stays bounded.
   */
  maxCells: z.int().positive().default(20_000_000),
  /** XML element nesting depth in XLSX and DOCX parts (nested tables are folded level by level), and nesting of arrays and dictionaries in a PDF. */
  maxDepth: z.int().positive().default(256),
  /** Pages of a PDF. Working Group reports have 20 to 60. */
  maxPages: z.int().positive().default(2000),
  /** Seconds reading one PDF may take; then it is stopped and reported. */
  maxSeconds: z.number().positive().default(120),
});
export type Limits = z.infer<typeof Limits>;

/**
 * Limits with their defaults filled in; throws a `MatrixError("invalid-options")` on bad values.
 * @example
 * resolveLimits({ maxBytes: 1_000_000 }).maxZipEntries; // 10000
 */
export function resolveLimits(limits: Partial<Limits> = {}): Limits {
  return resolveOptions(Limits, limits, "limits");
}

/** Options shared by every reader. */
export const ParseOptions = z.object({
  /** Name shown in places and sources (the path, or a label). */
  file: z.string().default("input"),
  /** Only this sheet (XLSX). */
  sheet: z.string().optional(),
  /** 1-based header row; 0 when the table has none. Detected when absent. */
  headerRow: z.int().nonnegative().optional(),
  /** Explicit column mapping, field → header text, column letter ("C") or 1-based number. */
  columns: z.partialRecord(Field, z.union([z.string().min(1), z.int().positive()])).optional(),
  /** Use this when the file does not say (title rows, columns). */
  stateUnderReview: z.string().optional(),
  cycle: z.int().positive().optional(),
  session: z.int().positive().optional(),
  limits: Limits.default(Limits.parse({})),
});
export type ParseOptions = z.input<typeof ParseOptions>;

/** Options after defaults, with the column mapping as a Map (keys never touch an object prototype). */
export interface ResolvedParseOptions extends Omit<z.output<typeof ParseOptions>, "columns"> {
  columns: Map<Field, string | number> | undefined;
}

/**
 * Validate options once, up front; throws a `MatrixError("invalid-options")` naming each bad field
 * (`where` names the function in the message).
 * @example
 * resolveParseOptions({ file: "uganda.docx" }).limits.maxRows; // 2000000
 */
export function resolveParseOptions(options: ParseOptions = {}, where = "parse"): ResolvedParseOptions {
  const o = resolveOptions(ParseOptions, options, where);
  const columns = o.columns ? new Map(Object.entries(o.columns) as [Field, string | number][]) : undefined;
  return { ...o, columns };
}

/**
 * Parse a CLI column mapping: "text=B,position=Response,id=1".
 * @example
 * parseColumnMapping("text=B,position=C"); // { text: "B", position: "C" }
 */
export function parseColumnMapping(spec: string): NonNullable<z.input<typeof ParseOptions>["columns"]> {
  const out: Partial<Record<Field, string | number>> = {};
  for (const pair of spec.split(",")) {
    const [k, ...rest] = pair.split("=");
    const key = (k ?? "").trim();
    const value = rest.join("=").trim();
    const field = Field.safeParse(key);
    if (!field.success) throw new Error(`Unknown field "${key}" in column mapping; fields are: ${Field.options.join(", ")}.`);
    if (!value) throw new Error(`No column given for "${key}" in column mapping.`);
    out[field.data] = /^\d+$/.test(value) ? Number(value) : value;
  }
  return out;
}
