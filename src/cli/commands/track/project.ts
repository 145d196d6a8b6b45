// What every `track` subcommand shares: the tracking folder (register + ledger) and finding a recommendation.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { type Command, Option } from "commander";
import type { Diagnostic } from "../../../schema/diagnostic.js";
import { ParseResult } from "../../../schema/result.js";
import type { Recommendation } from "../../../schema/recommendation.js";
import type { StatusEvent } from "../../../schema/status.js";
import { hasErrors } from "../../../diagnostics/format.js";
import { findRecommendation } from "../../../track/assign.js";
import { readLedgerFile } from "../../../node/ledger-file.js";
import { CliError, type RunContext } from "../../io.js";

/** The recommendation list of a tracking folder. */
export const REGISTER = "recommendations.json";
/** The ledger of a tracking folder. */
export const LEDGER = "ledger.jsonl";
/** The tracking folder when --dir is not given. */
export const DEFAULT_DIR = "upr-tracking";

/** The flag every subcommand takes. */
export interface DirFlags {
  dir: string;
}

/**
 * Add `--dir`, the tracking folder.
 * @example
 * withDir(track.command("status"));
 */
export function withDir(cmd: Command): Command {
  return cmd.addOption(new Option("-d, --dir <dir>", "tracking folder").default(DEFAULT_DIR));
}

/** A tracking folder, read. */
export interface Project {
  recommendations: Recommendation[];
  events: StatusEvent[];
  ledgerPath: string;
  ledgerDiagnostics: Diagnostic[];
}

/**
 * The tracked recommendations and the ledger of a tracking folder; ledger damage is reported, not fatal
 * (every complete event is used, and the exit code becomes 1).
 * @example
 * const { recommendations, events } = await loadProject(ctx, "upr-tracking");
 */
export async function loadProject(ctx: RunContext, dir: string): Promise<Project> {
  const registerPath = join(dir, REGISTER);
  let raw: string;
  try {
    raw = await readFile(registerPath, "utf8");
  } catch {
    throw new CliError(`No tracking data in "${dir}" (${REGISTER} is missing). Start with: upr-matrix track init MATRIX --dir ${dir}`);
  }
  let parsed: ParseResult;
  try {
    parsed = ParseResult.parse(JSON.parse(raw));
  } catch (e) {
    throw new CliError(`${registerPath} is not a valid recommendation list (${(e as Error).message.split("\n")[0]}). Re-create it with: upr-matrix track init MATRIX --dir ${dir} --force`);
  }
  const ledgerPath = join(dir, LEDGER);
  const ledger = await readLedgerFile(ledgerPath, { missingOk: true });
  ctx.reportDiagnostics(ledger.diagnostics);
  // A damaged ledger line is an input error (exit 1), but every complete event is still used.
  if (hasErrors(ledger.diagnostics)) ctx.exitCode = 1;
  return { recommendations: parsed.recommendations, events: ledger.events, ledgerPath, ledgerDiagnostics: ledger.diagnostics };
}

/**
 * The recommendation a paragraph number (142.28) or key (State|cycle|number) names; a usage error otherwise.
 * @example
 * const rec = resolveRef(recommendations, "142.28");
 */
export function resolveRef(recommendations: readonly Recommendation[], ref: string): Recommendation {
  const { recommendation, candidates } = findRecommendation(recommendations, ref);
  if (recommendation) return recommendation;
  if (candidates.length > 1) throw new CliError(`"${ref}" is ambiguous: ${candidates.join(", ")}. Give the full key.`);
  throw new CliError(`No tracked recommendation "${ref}". Give a paragraph number (e.g. 142.28) or a key (State|cycle|number).`);
}
