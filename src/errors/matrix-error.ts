import * as z from "zod";
import type { Diagnostic } from "../schema/diagnostic.js";

/**
 * Why a call could not go ahead at all. Everything else is a diagnostic in the result: only bad options,
 * input that cannot be read as a whole, a locked or foreign ledger, `strict: true`, or an output beyond a
 * documented size limit (`limit-exceeded`) throw.
 */
export const MatrixErrorCode = z.enum(["invalid-options", "unreadable-input", "ledger-locked", "not-a-ledger", "strict", "limit-exceeded"]);
export type MatrixErrorCode = z.infer<typeof MatrixErrorCode>;

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

/**
 * Resolves loose options against their zod schema once, up front: defaults filled in, and a
 * `MatrixError("invalid-options")` naming each bad field instead of a `TypeError` later on.
 *
 * @example
 * const opts = resolveOptions(ReportOptions, options, "buildReport");
 */
export function resolveOptions<S extends z.ZodType>(schema: S, options: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(options ?? {});
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    const field = issue.path.map(String).join(".") || "(options)";
    return `${field}: ${issue.message}`;
  });
  throw new MatrixError("invalid-options", `${where}: invalid options: ${problems.join("; ")}.`);
}
