import type { Diagnostic, Severity } from "../schema/diagnostic.js";
import type { Place } from "../schema/place.js";

/**
 * Where a diagnostic points, as a person reads it: "uganda.docx, Table 1, row 14, column 2".
 * @example
 * formatPlace({ file: "a.csv", row: 3, column: 2 }); // "a.csv, row 3, column 2"
 */
export function formatPlace(place: Place | undefined): string {
  if (!place) return "";
  const parts: string[] = [];
  if (place.file) parts.push(place.file);
  if (place.sheet && !(place.table !== undefined && place.sheet === `Table ${place.table}`)) parts.push(`sheet "${place.sheet}"`);
  if (place.table !== undefined) parts.push(`table ${place.table}`);
  if (place.page !== undefined) parts.push(`page ${place.page}`);
  if (place.row !== undefined) parts.push(place.rowEnd !== undefined && place.rowEnd !== place.row ? `rows ${place.row}-${place.rowEnd}` : `row ${place.row}`);
  if (place.line !== undefined) parts.push(`line ${place.line}`);
  if (place.cell) parts.push(`cell ${place.cell}`);
  else if (place.column !== undefined) parts.push(`column ${place.column}`);
  return parts.join(", ");
}

/**
 * One line per diagnostic: place, severity, code, message.
 * @example
 * formatDiagnostic(d); // "a.csv, row 3: warning unknown-position: Position \"Acepted\" is not a known wording ..."
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = formatPlace(d.place);
  return `${where ? `${where}: ` : ""}${d.severity} ${d.code}: ${d.message}`;
}

/** Format many diagnostics, one per line. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map(formatDiagnostic).join("\n");
}

/**
 * True when any diagnostic has severity `error` (or, with `strict`, `warning`).
 * @example
 * if (hasErrors(result.diagnostics)) process.exitCode = 1;
 */
export function hasErrors(diagnostics: readonly Diagnostic[], strict = false): boolean {
  return diagnostics.some((d) => d.severity === "error" || (strict && d.severity === "warning"));
}

/** Count diagnostics by severity. */
export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) out[d.severity]++;
  return out;
}
