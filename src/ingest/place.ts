import type { Code, Diagnostic, Severity } from "../schema/diagnostic.js";
import type { Place } from "../schema/place.js";
import type { TableInfo } from "./table.js";

/** What a diagnostic may add to its message and place. */
export interface DiagnosticMore {
  actual?: string;
  expected?: string[];
}

/**
 * A diagnostic about a table: its place gets the table's file, and its sheet and table number unless
 * `at` gives its own.
 * @example
 * tableDiagnostic({ file: "a.xlsx", format: "xlsx", sheet: "S" }, "blank-row", "info", "Blank row.", { row: 4 });
 */
export function tableDiagnostic(info: TableInfo, code: Code, severity: Severity, message: string, at: Partial<Place>, more: DiagnosticMore = {}): Diagnostic {
  const place: Place = { file: info.file, ...at };
  if (info.sheet !== undefined && place.sheet === undefined) place.sheet = info.sheet;
  if (info.table !== undefined && place.table === undefined) place.table = info.table;
  return { code, severity, message, place, ...more };
}
