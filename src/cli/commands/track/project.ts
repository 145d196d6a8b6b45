// What every `track` subcommand shares: the tracking folder (register + ledger) and finding a recommendation.
import { stat } from "node:fs/promises";
import { join } from "node:path";
import { type Command, Option } from "commander";
import { MatrixError } from "../../../errors/matrix-error.js";
import type { Diagnostic } from "../../../schema/diagnostic.js";
import { recommendationKeys } from "../../../schema/key.js";
import type { ParseResult } from "../../../schema/result.js";
import type { Recommendation } from "../../../schema/recommendation.js";
import type { StatusEvent } from "../../../schema/status.js";
import { hasErrors } from "../../../diagnostics/format.js";
import { findRecommendation } from "../../../track/assign.js";
import { futureDatedDiagnostics } from "../../../track/ledger.js";
import { readRegisterFile } from "../../../node/register-file.js";
import { readLedger } from "../../ledger.js";
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
interface Project {
  recommendations: Recommendation[];
  events: StatusEvent[];
  ledgerPath: string;
  ledgerDiagnostics: Diagnostic[];
}

/**
 * The tracked recommendations and the ledger of a tracking folder; ledger damage is reported, not fatal
 * (every complete event is used, and the exit code becomes 1). A ledger that cannot be read at all, or
 * is not a ledger, throws a MatrixError: never read as an empty one.
 * @example
 * const { recommendations, events } = await loadProject(ctx, "upr-tracking");
 */
export async function loadProject(ctx: RunContext, dir: string): Promise<Project> {
  const registerPath = join(dir, REGISTER);
  await ctx.readsFrom(registerPath);
  if (!(await stat(registerPath).catch(() => null))) {
    throw new CliError(`No tracking data in "${dir}" (${REGISTER} is missing). Start with: upr-matrix track init MATRIX --dir ${dir}`);
  }
  let parsed: ParseResult;
  try {
    parsed = await readRegisterFile(registerPath);
  } catch (e) {
    if (!(e instanceof MatrixError)) throw e;
    throw new CliError(`${e.message} Re-create it with: upr-matrix track init MATRIX --dir ${dir} --force`);
  }
  const ledgerPath = join(dir, LEDGER);
  const ledger = await readLedger(ctx, ledgerPath, { missingOk: true });
  const diagnostics = [...ledger.diagnostics, ...futureDatedDiagnostics(ledger.events, ledgerPath)];
  ctx.reportDiagnostics(diagnostics);
  // A damaged ledger line is an input error (exit 1), but every complete event is still used.
  if (hasErrors(diagnostics)) ctx.exitCode = 1;
  return { recommendations: parsed.recommendations, events: ledger.events, ledgerPath, ledgerDiagnostics: diagnostics };
}

/**
 * The key each tracked recommendation has in the ledger (see `recommendationKeys`).
 * @example
 * keysOf(recommendations).get(rec); // "Kenya|4|142.23"
 */
export function keysOf(recommendations: readonly Recommendation[]): Map<Recommendation, string> {
  const { keys } = recommendationKeys(recommendations);
  return new Map(recommendations.map((r, i) => [r, keys[i]!]));
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
