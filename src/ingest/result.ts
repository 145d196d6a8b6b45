import type { Diagnostic } from "../schema/diagnostic.js";
import type { ParseResult } from "../schema/result.js";

/** An empty result holding only file-level diagnostics. */
export function failed(...diagnostics: Diagnostic[]): ParseResult {
  return { recommendations: [], diagnostics, sources: [] };
}

/**
 * Concatenate results (several sheets, tables or files) in order.
 * @example
 * mergeResults([a, b]).recommendations.length === a.recommendations.length + b.recommendations.length;
 */
export function mergeResults(results: readonly ParseResult[]): ParseResult {
  const out: ParseResult = { recommendations: [], diagnostics: [], sources: [] };
  for (const r of results) {
    for (const x of r.recommendations) out.recommendations.push(x);
    for (const x of r.diagnostics) out.diagnostics.push(x);
    for (const x of r.sources) out.sources.push(x);
  }
  return out;
}

/**
 * When some table of a file holds recommendations, turn the other tables' `unknown-layout` into an
 * `ignored-table` note (an instructions sheet or a legend is not a problem). Changes `results` in place.
 */
export function noteOtherTables(results: ParseResult[]): void {
  if (!results.some((r) => r.recommendations.length > 0 || (r.sources[0]?.recommendations ?? 0) > 0)) return;
  for (const r of results) {
    if (r.recommendations.length > 0 || (r.sources[0]?.recommendations ?? 0) > 0) continue;
    r.diagnostics = r.diagnostics.map((d) =>
      d.code === "unknown-layout" ? { ...d, code: "ignored-table", severity: "info", message: `Not a recommendations table; not read. ${d.message}` } : d,
    );
  }
}
