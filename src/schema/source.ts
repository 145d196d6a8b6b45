import * as z from "zod";

export const Format = z.enum(["xlsx", "csv", "docx", "pdf", "txt"]);
export type Format = z.infer<typeof Format>;

export const Layout = z.enum(["ohchr-matrix", "uhri-export", "upr-info", "user-sheet", "wg-report", "unknown"]);
export type Layout = z.infer<typeof Layout>;

export const Language = z.enum(["en", "fr", "es"]);
export type Language = z.infer<typeof Language>;

/** How every row of a table was used: the parts add up to `rows` (nothing is lost). */
export const RowCounts = z.object({
  header: z.int().nonnegative(),
  title: z.int().nonnegative(),
  section: z.int().nonnegative(),
  blank: z.int().nonnegative(),
  continuation: z.int().nonnegative(),
  skipped: z.int().nonnegative(),
  recommendation: z.int().nonnegative(),
});
export type RowCounts = z.infer<typeof RowCounts>;

/** One table read: a CSV file, an XLSX sheet or a DOCX table. */
export const Source = z.object({
  file: z.string(),
  format: Format,
  sheet: z.string().optional(),
  layout: Layout,
  language: Language.nullable(),
  /** Rows read, title, header and theme rows included. */
  rows: z.int().nonnegative(),
  recommendations: z.int().nonnegative(),
  rowCounts: RowCounts,
  /** Source column header → recommendation field, as detected or given. */
  columns: z.array(z.object({ column: z.int().positive(), header: z.string(), field: z.string().nullable() })),
  title: z.string().nullable(),
  stateUnderReview: z.string().nullable(),
  cycle: z.int().positive().nullable(),
  session: z.int().positive().nullable(),
});
export type Source = z.infer<typeof Source>;
