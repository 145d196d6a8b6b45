// Office files written by exceljs and docx carry the time of writing (zip entry times, core.xml
// dates). Rewriting both with one fixed date makes the same input give the same bytes.
import { unzipSync, zipSync, type Zippable } from "fflate";
import * as z from "zod";

/** The option every file writer takes: the date written into the file (default: the ledger's latest update, else 2000-01-01). */
export const WriterOptions = z.object({ date: z.date().optional() });
export type WriterOptions = z.input<typeof WriterOptions>;

/** The date written when none is given and the ledger has none: stable, and after the zip epoch (1980). */
export const DEFAULT_DOCUMENT_DATE = "2000-01-01T00:00:00Z";

const CORE_DATE = /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g;

/**
 * Re-zip an OOXML package with every entry dated `date` and core.xml's created/modified set to it,
 * keeping entry order and contents otherwise; `transforms` may rewrite named XML parts on the way.
 * @example
 * const stable = stabilizeZip(await workbook.xlsx.writeBuffer(), new Date("2025-01-01T00:00:00Z"));
 */
export function stabilizeZip(bytes: Uint8Array, date: Date, transforms: Readonly<Record<string, (xml: string) => string>> = {}): Uint8Array {
  const files = unzipSync(bytes);
  const iso = `${date.toISOString().slice(0, 19)}Z`;
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files)) {
    const transform = transforms[name];
    if (name === "docProps/core.xml" || transform) {
      let xml = new TextDecoder().decode(data);
      if (name === "docProps/core.xml") xml = xml.replace(CORE_DATE, `$1${iso}$2`);
      if (transform) xml = transform(xml);
      out[name] = [new TextEncoder().encode(xml), { mtime: date }];
    } else out[name] = [data, { mtime: date }];
  }
  return zipSync(out, { level: 6 });
}

/**
 * The date documents carry: the given one, else the ledger's latest update, else a fixed date.
 * @example
 * documentDate(undefined, "2025-03-01").toISOString(); // "2025-03-01T00:00:00.000Z"
 */
export function documentDate(date: Date | undefined, asOf: string | null): Date {
  if (date && !Number.isNaN(date.getTime()) && date.getUTCFullYear() >= 1980) return date;
  return new Date(asOf ? `${asOf}T00:00:00Z` : DEFAULT_DOCUMENT_DATE);
}
