// What `report` and `skeleton` share: their flags, reading the matrices (filtered to one State or cycle),
// the ledger's current states and the document date.
import { type Command, Option } from "commander";
import { countBy, orderBy } from "lodash-es";
import type { Diagnostic } from "../schema/diagnostic.js";
import type { Recommendation } from "../schema/recommendation.js";
import type { Language } from "../schema/source.js";
import type { Vocabulary } from "../schema/recommendation.js";
import type { TrackedState } from "../schema/status.js";
import { recommendationKeys } from "../schema/key.js";
import { hasErrors } from "../diagnostics/format.js";
import { fold } from "../internal/text.js";
import { findState } from "../taxonomy/index.js";
import { currentStates } from "../track/ledger.js";
import { MatrixError } from "../errors/matrix-error.js";
import { readFileBytes } from "../node/read-parts.js";
import { parseClusterMap } from "../report/cluster-map.js";
import type { ClusterMap } from "../report/clusters.js";
import { flag, type ReadFlags, readOptions } from "./flags.js";
import { readInputs } from "./inputs.js";
import { readLedger } from "./ledger.js";
import { CliError, type RunContext } from "./io.js";

/** The flags `report` and `skeleton` share. */
export interface ReviewFlags extends ReadFlags {
  out?: string;
  ledger?: string;
  lang: Language;
  state?: string;
  cycle?: number;
  strict?: boolean;
  clusters?: string;
  vocabulary?: Vocabulary;
}

/**
 * Help text both commands end with.
 * @example
 * cmd.addHelpText("after", `Examples: ...${REVIEW_HELP}`);
 */
export const REVIEW_HELP = `
Exit codes: 0 read cleanly; 1 the input (or the ledger) had errors, output still written; 2 usage error or a file could not be read.
SOURCE_DATE_EPOCH (seconds) sets the date written into XLSX and DOCX files; by default it is the ledger's latest update.`;

/**
 * Add the flags `report` and `skeleton` share.
 * @example
 * withReviewFlags(program.command("report").argument("<files...>"));
 */
export function withReviewFlags(cmd: Command): Command {
  for (const o of flag.read()) cmd.addOption(o);
  return cmd
    .addOption(new Option("--ledger <file>", "ledger of status events (JSON Lines) for implementation status"))
    .addOption(flag.lang("language of headings and labels: en | fr | es"))
    .addOption(new Option("--state <name>", "only the recommendations to this State under review"))
    .addOption(flag.cycle())
    .addOption(flag.clusters())
    .addOption(flag.vocabulary("theme and group names in this vocabulary: cycle4 | cycle3 | coded | numbered (default: the one the file uses)"))
    .addOption(flag.strict());
}

/**
 * SOURCE_DATE_EPOCH (seconds) fixes the date written into XLSX/DOCX files, for reproducible builds.
 * @example
 * documentDate(ctx); // undefined, or the Date SOURCE_DATE_EPOCH gives
 */
export function documentDate(ctx: RunContext): Date | undefined {
  const epoch = ctx.io.env.SOURCE_DATE_EPOCH;
  if (!epoch) return undefined;
  const n = Number(epoch);
  if (!Number.isInteger(n) || n < 315_532_800) throw new CliError(`SOURCE_DATE_EPOCH must be seconds since 1970 after 1980, not "${epoch}".`);
  return new Date(n * 1000);
}

/** Keep the recommendations of one State under review and cycle when asked. */
function filterRecommendations(recs: readonly Recommendation[], flags: ReviewFlags): Recommendation[] {
  let out = [...recs];
  if (flags.state) {
    // "Senegal" finds "Sénégal" and "Türkiye" finds "Turkey": by folded name or by any alias the taxonomy knows.
    const want = fold(flags.state);
    const known = findState(flags.state)?.name;
    out = out.filter((r) => r.stateUnderReview !== null && (fold(r.stateUnderReview) === want || (known !== undefined && findState(r.stateUnderReview)?.name === known)));
    if (out.length === 0) throw new CliError(`No recommendation has "${flags.state}" as State under review.`, 1);
  }
  if (flags.cycle !== undefined) {
    const c = flags.cycle;
    out = out.filter((r) => r.cycle === c);
    if (out.length === 0) throw new CliError(`No recommendation is from cycle ${c}.`, 1);
  }
  return out;
}

/** The reviews (State under review, cycle) the recommendations belong to, most recommendations first. */
function reviewsOf(recs: readonly Recommendation[]): string[] {
  const counts = countBy(recs, (r) => `${r.stateUnderReview ?? "unknown State"}, cycle ${r.cycle ?? "?"}`);
  return orderBy(Object.entries(counts), [1], ["desc"]).map(([k, n]) => `${k} (${n})`);
}

/**
 * A skeleton covers one review: say which reviews the files hold when there are several.
 * @example
 * requireOneReview(recommendations, unreadable);
 */
export function requireOneReview(recs: readonly Recommendation[], unreadable: number): void {
  const reviews = reviewsOf(recs);
  if (reviews.length > 1) {
    const shown = reviews.slice(0, 5).join("; ");
    throw new CliError(`A skeleton covers one review, and the files hold ${reviews.length}: ${shown}${reviews.length > 5 ? ` and ${reviews.length - 5} more` : ""}. Choose one with --state and --cycle.`);
  }
  if (recs.length === 0) throw new CliError("No recommendation was read: nothing to write a skeleton for.", unreadable > 0 ? 2 : 1);
}

/**
 * Read the ledger and derive the current states; say when it matches none of the recommendations.
 * @example
 * const { states, diagnostics } = await ledgerStates(ctx, flags.ledger, recommendations);
 */
export async function ledgerStates(ctx: RunContext, path: string | undefined, recs: readonly Recommendation[]): Promise<{ states?: Map<string, TrackedState>; diagnostics: Diagnostic[] }> {
  if (!path) return { diagnostics: [] };
  // A missing, unreadable or foreign ledger stops the command: one line, never an empty ledger.
  const read = await readLedger(ctx, path);
  const states = currentStates(read.events);
  const keys = new Set(recommendationKeys(recs).keys);
  let matched = 0;
  for (const k of states.keys()) if (keys.has(k)) matched++;
  if (states.size > 0 && matched === 0) {
    ctx.note(`Warning: none of the ${states.size} recommendations in the ledger ${path} is among those read (keys are "State|cycle|paragraph", e.g. "${[...keys][0] ?? ""}").`);
  } else if (ctx.flags.verbose) ctx.note(`Ledger ${path}: ${read.events.length} events, ${matched} of ${recs.length} recommendations tracked.`);
  return { states, diagnostics: read.diagnostics };
}

/**
 * Read the matrices and keep the recommendations `--state` and `--cycle` ask for.
 * @example
 * const { result, unreadable, recommendations } = await loadReview(ctx, paths, flags);
 */
export async function loadReview(ctx: RunContext, paths: string[], flags: ReviewFlags) {
  const { result, unreadable } = await readInputs(ctx, paths, readOptions(flags));
  const recommendations = filterRecommendations(result.recommendations, flags);
  return { result, unreadable, recommendations };
}

/**
 * Read a cluster map given with --clusters (none: the default clusters). A map that cannot be used at all
 * is a usage error (exit 2); entries it cannot place are reported as diagnostics.
 * @example
 * const { map, diagnostics } = await loadClusterMap(flags.clusters);
 */
export async function loadClusterMap(path: string | undefined): Promise<{ map: ClusterMap | null; diagnostics: Diagnostic[] }> {
  if (!path) return { map: null, diagnostics: [] };
  // A cluster map is a few lines: the bounded reader refuses devices, folders and anything over 1 MiB.
  const bytes = await readFileBytes(path, path, 1 << 20);
  if (!(bytes instanceof Uint8Array)) throw new CliError(`Cannot read the cluster map "${path}": ${bytes.message}`);
  try {
    return parseClusterMap(new TextDecoder().decode(bytes), path);
  } catch (e) {
    if (e instanceof MatrixError) throw new CliError(e.message);
    throw e;
  }
}

/**
 * 2 when a file could not be read, 1 when the input had errors (or warnings with --strict), else 0.
 * @example
 * ctx.exitCode = reviewExitCode(unreadable, diagnostics, flags.strict);
 */
export function reviewExitCode(unreadable: number, diagnostics: readonly Diagnostic[], strict?: boolean): number {
  return unreadable > 0 ? 2 : hasErrors(diagnostics, strict) ? 1 : 0;
}
