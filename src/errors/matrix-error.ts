import * as z from "zod";
import { MATRIX_ERROR_CODES, MatrixError } from "./error.js";

export { MatrixError } from "./error.js";

/**
 * Why a call could not go ahead at all (see MatrixError): bad options, input that cannot be read as a
 * whole, a locked or foreign ledger, `strict: true`, or an output beyond a documented size limit.
 * @example
 * MatrixErrorCode.parse("invalid-options");
 */
export const MatrixErrorCode = z.enum(MATRIX_ERROR_CODES);
export type MatrixErrorCode = z.infer<typeof MatrixErrorCode>;

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
