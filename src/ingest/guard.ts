import type { ParseResult } from "../schema/result.js";

/**
 * A file that was read without errors but gave no recommendation at all (only a header, only blank or
 * hidden sheets, an empty table) gets one `no-recommendations` error, so that a script notices (exit 1)
 * instead of carrying on with an empty list.
 * @example
 * requireRecommendations(readTables(tables, opts), "template.xlsx").diagnostics.at(-1)?.code; // "no-recommendations"
 */
export function requireRecommendations(result: ParseResult, file: string): ParseResult {
  if (result.recommendations.length > 0 || result.diagnostics.some((d) => d.severity === "error")) return result;
  const rows = result.sources.reduce((n, s) => n + s.rows, 0);
  const where = result.sources.length === 0 ? "no visible sheet or table was read" : `${rows} row(s) read, none of them a recommendation`;
  return {
    ...result,
    diagnostics: [...result.diagnostics, { code: "no-recommendations", severity: "error", message: `No recommendations found: ${where}. Check that this is the filled-in matrix, not a template.`, place: { file } }],
  };
}
