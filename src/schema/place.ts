import * as z from "zod";

/** Where something sits in a source file. Rows are 1-based, as a person sees them in Excel or Word. */
export const Place = z.object({
  file: z.string().optional(),
  /** Sheet name (XLSX) or "Table N" (DOCX). */
  sheet: z.string().optional(),
  /** 1-based table index inside a DOCX document. */
  table: z.int().positive().optional(),
  /** 1-based row inside the sheet, table or CSV record list (header = 1 when the header is the first row). */
  row: z.int().nonnegative().optional(),
  /** Last row of a range of rows this place covers (inclusive), e.g. a run of blank rows. */
  rowEnd: z.int().nonnegative().optional(),
  /** 1-based page of a PDF document. */
  page: z.int().positive().optional(),
  /** 1-based physical line in a CSV or text file, line on the page of a PDF, paragraph of a Word text. */
  line: z.int().positive().optional(),
  /** 1-based column. */
  column: z.int().positive().optional(),
  /** A1-style cell reference when known. */
  cell: z.string().optional(),
  /** The field of the recommendation the value was read into. */
  field: z.string().optional(),
});
export type Place = z.infer<typeof Place>;
