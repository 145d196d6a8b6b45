import * as z from "zod";
import { Place } from "./place.js";

/** Stable, kebab-case diagnostic codes. Listed with explanations in docs/diagnostics.md. */
export const Code = z.enum([
  // file level
  "file-error",
  "unsupported-format",
  "corrupt-file",
  "empty-file",
  "limit-exceeded",
  "encoding-guessed",
  "invalid-encoding",
  "no-table",
  "unsafe-xml",
  "no-recommendations",
  "no-text-layer",
  "encrypted-file",
  // layout
  "unknown-layout",
  "missing-column",
  "ignored-table",
  "column-roles",
  // rows
  "blank-row",
  "unparsed-row",
  "split-recommendation",
  "missing-id",
  "empty-text",
  "duplicate-id",
  "conflicting-position",
  "csv-quotes",
  "csv-parse",
  // cells
  "unknown-position",
  "unknown-theme",
  "unknown-state",
  "invalid-field",
  "formula-cell",
  "id-gap",
  // reconciling a matrix with the Working Group report
  "missing-recommendation",
  "text-mismatch",
  "position-mismatch",
  // classification
  "theme-disagreement",
  // tracking
  "ledger-torn-line",
  "ledger-invalid-event",
  "unknown-status",
  "status-conflict",
  "unknown-recommendation",
  "ledger-duplicate-event",
  "key-collision",
  "update-not-current",
  "added-column",
]);
export type Code = z.infer<typeof Code>;

export const Severity = z.enum(["error", "warning", "info"]);
export type Severity = z.infer<typeof Severity>;

/** A problem found in the input, with where it is. Data, not an exception. */
export const Diagnostic = z.object({
  code: Code,
  severity: Severity,
  message: z.string(),
  place: Place.optional(),
  /** The offending value, quoted from the source. */
  actual: z.string().optional(),
  /** What would have been accepted. */
  expected: z.array(z.string()).optional(),
});
export type Diagnostic = z.infer<typeof Diagnostic>;
