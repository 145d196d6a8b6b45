// A flat table of recommendations, one row each, with the column names upr-matrix reads back: the CSV
// export here and the XLSX export in src/xlsx/recommendations.ts. Reading either one back gives the same
// recommendations (a property test proves it), except that cells a spreadsheet would run as a formula
// carry a leading apostrophe.
import * as z from "zod";
import { resolveOptions } from "../errors/matrix-error.js";
import type { Recommendation } from "../schema/recommendation.js";
import { neutralizeFormula } from "../internal/safe-cell.js";

/** Column headers of the recommendations table, in order. Each is one upr-matrix reads into its field. */
export const RECOMMENDATION_COLUMNS = [
  "Paragraph",
  "Recommendation",
  "Recommending State",
  "State under review",
  "Cycle",
  "Session",
  "Document symbol",
  "Position",
  "Theme",
  "Full list of themes",
  "Issues",
  "Action category",
  "Assessment",
  "Status",
  "Responsible institution",
] as const;

/** The last column: where each recommendation was read (file, sheet, row). Read back as an extra column. */
export const SOURCE_COLUMN = "Source";

/** Header and rows of text, before any format's escaping. Cells hold the text as read, not neutralised. */
export interface RecommendationTable {
  header: string[];
  rows: string[][];
}

function themeLine(t: { code: string | null; name: string }): string {
  if (t.code === null) return t.name;
  // Numbered codes ("2.1") are written "2.1. Name", as the matrices that use them do.
  return /^\d/.test(t.code) ? `${t.code}. ${t.name}` : `${t.code} ${t.name}`;
}

/**
 * The "Full list of themes" cell as OHCHR matrices write it: theme lines, then "Affected persons:" and
 * "SDGs:" with a dash list each. Names are kept whole, commas included ("judges, lawyers and prosecutors").
 */
function themesCell(r: Recommendation): string {
  const lines = r.themes.map(themeLine);
  if (r.affectedPersons.length) lines.push("Affected persons:", ...r.affectedPersons.map((p) => `- ${p.name}`));
  if (r.sdgs.length) lines.push("SDGs:", ...r.sdgs.map((s) => `- SDG ${s.goal}`));
  return lines.join("\n");
}

function sourceOf(r: Recommendation): string {
  const p = r.place;
  return [p.file, p.sheet, p.row !== undefined ? `row ${p.row}` : undefined].filter(Boolean).join(", ");
}

/**
 * Lay recommendations out as one table: the fields upr-matrix reads, then the columns the source had
 * that map to no field (`extra`), then the source place.
 * @example
 * const { header, rows } = buildRecommendationTable(result.recommendations);
 */
export function buildRecommendationTable(recommendations: readonly Recommendation[]): RecommendationTable {
  // Extra columns, in the order they are first met; a Map because the names come from files.
  const extra = new Map<string, number>();
  for (const r of recommendations) for (const x of r.extra) if (!extra.has(x.column)) extra.set(x.column, extra.size);
  const header = [...RECOMMENDATION_COLUMNS, ...extra.keys(), SOURCE_COLUMN];
  const rows = recommendations.map((r) => {
    // A recommendation cell carries its "Source of position" line, as OHCHR matrices write it.
    const source = r.positionSource ? `\nSource of position: ${r.positionSource}${r.positionSourceParagraph ? ` - Para. ${r.positionSourceParagraph}` : ""}` : "";
    const cells = [
      // The id: the paragraph id, with the part of a recommendation a tracker split ("143.2-P1").
      r.paragraphId === null ? "" : r.id,
      `${r.text}${source}`,
      r.recommendingStates.join("; "),
      r.stateUnderReview ?? "",
      r.cycle === null ? "" : String(r.cycle),
      r.session === null ? "" : String(r.session),
      r.documentSymbol ?? "",
      r.positionRaw ?? (r.position === "unknown" ? "" : r.position),
      r.cluster ? themeLine(r.cluster) : "",
      themesCell(r),
      r.issues.map((i) => i.name).join("\n"),
      r.actionCategory ? String(r.actionCategory.category) : "",
      r.assessment ?? "",
      r.status ?? "",
      r.institutions.join("; "),
    ];
    const more = new Array<string>(extra.size).fill("");
    for (const x of r.extra) {
      const i = extra.get(x.column)!;
      more[i] = more[i] ? `${more[i]}\n${x.value}` : x.value;
    }
    return [...cells, ...more, sourceOf(r)];
  });
  return { header, rows };
}

/** Options of `renderRecommendationsCsv`. */
export const CsvOptions = z.object({
  /** Field separator; "," by default (";" suits Excel in locales with a decimal comma). */
  delimiter: z.enum([",", ";", "\t"]).default(","),
  /** Start with a UTF-8 byte-order mark so that Excel reads accents right (default true). */
  bom: z.boolean().default(true),
});
export type CsvOptions = z.input<typeof CsvOptions>;

/**
 * Write recommendations as CSV (RFC 4180: CRLF, fields quoted when needed). Every cell that a spreadsheet
 * would run as a formula (starting with = + - @, tab or CR) gets a leading apostrophe, so that opening the
 * file in Excel, LibreOffice or Google Sheets never runs anything.
 * @example
 * await writeFile("recommendations.csv", renderRecommendationsCsv(result.recommendations));
 */
export function renderRecommendationsCsv(recommendations: readonly Recommendation[], options: CsvOptions = {}): string {
  const { delimiter, bom } = resolveOptions(CsvOptions, options, "renderRecommendationsCsv");
  const { header, rows } = buildRecommendationTable(recommendations);
  const field = (value: string) => {
    const v = neutralizeFormula(value);
    return v.includes(delimiter) || /["\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v;
  };
  const lines = [header, ...rows].map((r) => r.map(field).join(delimiter));
  return `${bom ? "\ufeff" : ""}${lines.join("\r\n")}\r\n`;
}
