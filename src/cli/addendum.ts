// --addendum: the State's addendum to a Working Group report (A/HRC/../Add.1), as PDF, .docx or text.
import type { ParseResult } from "../schema/result.js";
import { readDocumentText } from "../pdf/document.js";
import { applyAddendum, type AddendumReading } from "../pdf/addendum.js";
import type { DocLine } from "../pdf/lines.js";
import { resolveLimits } from "../ingest/options.js";
import { extractPdfTextIsolated } from "../node/pdf-sandbox.js";
import { readFileBytes } from "../node/read-parts.js";
import { CliError, type RunContext } from "./io.js";

/** An addendum read from its file: its lines, ready to apply to any number of results. */
export interface Addendum {
  file: string;
  lines: DocLine[];
}

/**
 * Read the addendum named by --addendum (a PDF in a worker thread, a .docx by its paragraphs, text);
 * a file that cannot be read (missing, a folder, a device, over limits.maxBytes) is a usage error (exit 2)
 * saying why. It is an input: no output may be
 * written over it.
 * @example
 * const addendum = await readAddendumFile(ctx, "A_HRC_43_15_Add.1.pdf");
 */
export async function readAddendumFile(ctx: RunContext, path: string): Promise<Addendum> {
  await ctx.readsFrom(path);
  // Read as matrices are: a regular file only (never a device or a pipe), never past limits.maxBytes.
  const bytes = await readFileBytes(path, path, resolveLimits().maxBytes);
  if (!(bytes instanceof Uint8Array)) throw new CliError(`Cannot read the addendum ${path}: ${bytes.message}`);
  const text = await readDocumentText(bytes, { file: path, extract: extractPdfTextIsolated });
  const error = text.diagnostics.find((d) => d.severity === "error");
  if (error) throw new CliError(`Cannot read the addendum ${path}: ${error.message}`);
  return { file: path, lines: text.lines };
}

/**
 * Give the recommendations of `result` that have no position yet (or are pending) the positions the
 * addendum lists; its diagnostics join the result's.
 * @example
 * const { result, reading } = withAddendum(parsed, addendum);
 */
export function withAddendum(result: ParseResult, addendum: Addendum, options: { paragraph?: string; symbol?: string } = {}): { result: ParseResult; reading: AddendumReading } {
  return applyAddendum(result, addendum.lines, addendum.file, options);
}
