// The error upr-matrix throws, without zod: the taxonomy entry throws it too and stays free of zod's weight.
import type { Diagnostic } from "../schema/diagnostic.js";

/**
 * Why a call could not go ahead at all. Everything else is a diagnostic in the result: only bad options,
 * input that cannot be read as a whole, a locked or foreign ledger, `strict: true`, or an output beyond a
 * documented size limit (`limit-exceeded`) throw. (The zod enum `MatrixErrorCode` is built from this list.)
 * @example
 * MATRIX_ERROR_CODES.includes("invalid-options"); // true
 */
export const MATRIX_ERROR_CODES = ["invalid-options", "unreadable-input", "ledger-locked", "not-a-ledger", "strict", "limit-exceeded"] as const;
export type MatrixErrorCode = (typeof MATRIX_ERROR_CODES)[number];

/**
 * The one error upr-matrix throws, with a stable `code` and the diagnostics behind it.
 *
 * @example
 * try {
 *   buildReport(recs, { lang: "de" });
 * } catch (e) {
 *   if (e instanceof MatrixError && e.code === "invalid-options") console.error(e.message);
 * }
 */
export class MatrixError extends Error {
  readonly code: MatrixErrorCode;
  readonly diagnostics: Diagnostic[];
  constructor(code: MatrixErrorCode, message: string, diagnostics: Diagnostic[] = []) {
    super(message);
    this.name = "MatrixError";
    this.code = code;
    this.diagnostics = diagnostics;
  }
}
