import type { Command } from "commander";
import type { Diagnostic } from "../../schema/diagnostic.js";
import type { Recommendation } from "../../schema/recommendation.js";
import type { TrackedState } from "../../schema/status.js";
import { Language } from "../../schema/source.js";
import { recommendationKey } from "../../schema/key.js";
import { hasErrors } from "../../diagnostics/format.js";
import { fold } from "../../internal/text.js";
import { findState } from "../../taxonomy/index.js";
import { currentStates } from "../../track/ledger.js";
import { readLedgerFile } from "../../node/ledger-file.js";
import { buildReport } from "../../report/model.js";
import { renderMarkdown } from "../../report/markdown.js";
import { renderHtml } from "../../report/html.js";
import { renderJson } from "../../report/json.js";
import { parseOptionsFromFlags, readInputs, withReadFlags } from "./parse.js";
import { CliError, type GlobalFlags, note, reportDiagnostics, writeOutput } from "../io.js";

const FORMATS = ["md", "html", "json", "xlsx", "docx"] as const;
type ReportFormat = (typeof FORMATS)[number];

interface CommonFlags extends GlobalFlags {
  out?: string;
  ledger?: string;
  lang: string;
  state?: string;
  cycle?: string;
  columns?: string;
  sheet?: string;
  headerRow?: string;
  strict?: boolean;
}

interface ReportFlags extends CommonFlags {
  format: string;
  title?: string;
  midTerm?: boolean;
}

interface SkeletonFlags extends CommonFlags {
  midTerm?: boolean;
  words?: string;
}

function language(flag: string): Language {
  const r = Language.safeParse(flag);
  if (!r.success) throw new CliError(`--lang must be en, fr or es, not "${flag}".`);
  return r.data;
}

/** SOURCE_DATE_EPOCH (seconds) fixes the date written into XLSX/DOCX files, for reproducible builds. */
function documentDateFromEnv(): Date | undefined {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  if (!epoch) return undefined;
  const n = Number(epoch);
  if (!Number.isInteger(n) || n < 315_532_800) throw new CliError(`SOURCE_DATE_EPOCH must be seconds since 1970 after 1980, not "${epoch}".`);
  return new Date(n * 1000);
}

/** Keep the recommendations of one State under review and cycle when asked. */
function filterRecommendations(recs: readonly Recommendation[], flags: CommonFlags): Recommendation[] {
  let out = [...recs];
  if (flags.state) {
    // "Senegal" finds "Sénégal" and "Türkiye" finds "Turkey": by folded name or by any alias the taxonomy knows.
    const want = fold(flags.state);
    const known = findState(flags.state)?.name;
    out = out.filter((r) => r.stateUnderReview !== null && (fold(r.stateUnderReview) === want || (known !== undefined && findState(r.stateUnderReview)?.name === known)));
    if (out.length === 0) throw new CliError(`No recommendation has "${flags.state}" as State under review.`, 1);
  }
  if (flags.cycle !== undefined) {
    const c = Number(flags.cycle);
    if (!Number.isInteger(c) || c < 1) throw new CliError(`--cycle must be a cycle number (1-4), not "${flags.cycle}".`);
    out = out.filter((r) => r.cycle === c);
    if (out.length === 0) throw new CliError(`No recommendation is from cycle ${c}.`, 1);
  }
  return out;
}

/** The reviews (State under review, cycle) the recommendations belong to, most recommendations first. */
function reviewsOf(recs: readonly Recommendation[]): string[] {
  const counts = new Map<string, number>();
  for (const r of recs) {
    const k = `${r.stateUnderReview ?? "unknown State"}, cycle ${r.cycle ?? "?"}`;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} (${n})`);
}

/** A skeleton covers one review: say which reviews the files hold when there are several. */
function requireOneReview(recs: readonly Recommendation[], unreadable: number): void {
  const reviews = reviewsOf(recs);
  if (reviews.length > 1) {
    const shown = reviews.slice(0, 5).join("; ");
    throw new CliError(`A skeleton covers one review, and the files hold ${reviews.length}: ${shown}${reviews.length > 5 ? ` and ${reviews.length - 5} more` : ""}. Choose one with --state and --cycle.`);
  }
  if (recs.length === 0) throw new CliError("No recommendation was read: nothing to write a skeleton for.", unreadable > 0 ? 2 : 1);
}

/** Read the ledger and derive the current states; say when it matches none of the recommendations. */
async function ledgerStates(path: string | undefined, recs: readonly Recommendation[], g: GlobalFlags): Promise<{ states?: Map<string, TrackedState>; diagnostics: Diagnostic[] }> {
  if (!path) return { diagnostics: [] };
  const read = await readLedgerFile(path);
  const unreadable = read.diagnostics.find((d) => d.code === "file-error");
  if (unreadable) throw new CliError(`${path}: ${unreadable.message}`);
  const states = currentStates(read.events);
  const keys = new Set(recs.map((r) => recommendationKey(r)));
  let matched = 0;
  for (const k of states.keys()) if (keys.has(k)) matched++;
  if (states.size > 0 && matched === 0) {
    note(g, `Warning: none of the ${states.size} recommendations in the ledger ${path} is among those read (keys are "State|cycle|paragraph", e.g. "${[...keys][0] ?? ""}").`);
  } else if (g.verbose) note(g, `Ledger ${path}: ${read.events.length} events, ${matched} of ${recs.length} recommendations tracked.`);
  return { states, diagnostics: read.diagnostics };
}

async function load(paths: string[], flags: CommonFlags) {
  const { result, unreadable } = await readInputs(paths, parseOptionsFromFlags(flags));
  const recommendations = filterRecommendations(result.recommendations, flags);
  return { result, unreadable, recommendations };
}

function exitCode(unreadable: number, diagnostics: readonly Diagnostic[], strict?: boolean): number {
  return unreadable > 0 ? 2 : hasErrors(diagnostics, strict) ? 1 : 0;
}

const COMMON_HELP = `
Exit codes: 0 read cleanly; 1 the input (or the ledger) had errors, output still written; 2 usage error or a file could not be read.
SOURCE_DATE_EPOCH (seconds) sets the date written into XLSX and DOCX files; by default it is the ledger's latest update.`;

function commonOptions(cmd: Command): Command {
  return withReadFlags(cmd)
    .option("--ledger <file>", "ledger of status events (JSON Lines) for implementation status")
    .option("--lang <lang>", "language of headings and labels: en | fr | es", "en")
    .option("--state <name>", "only the recommendations to this State under review")
    .option("--cycle <n>", "only the recommendations of this cycle")
    .option("--strict", "treat warnings as errors for the exit code");
}

/** `upr-matrix report FILE...`: statistics and reports in Markdown, HTML, JSON, XLSX or DOCX. */
export function registerReport(program: Command, globals: () => GlobalFlags): void {
  commonOptions(
    program
      .command("report")
      .description("Report on recommendations and their implementation: Markdown, HTML with charts, JSON, the filled XLSX matrix, or the DOCX national-report skeleton.")
      .argument("<files...>", "matrices (XLSX, CSV, DOCX) or folders")
      .option("-f, --format <format>", "md | html | json | xlsx | docx", "md")
      .option("-o, --out <path>", "write to this file (required for xlsx and docx; else stdout)")
      .option("--mid-term", "with --format docx: the mid-term report skeleton")
      .option("--title <text>", "report title (md, html, json, xlsx)"),
  )
    .addHelpText("after", `
Examples:
  upr-matrix report matrix.docx --ledger ledger.jsonl --format html --out report.html
  upr-matrix report matrix.docx --ledger ledger.jsonl --format xlsx --lang fr --out matrice.xlsx
  upr-matrix report exports/ --format json > stats.json
${COMMON_HELP}`)
    .action(async (paths: string[], flags: ReportFlags) => {
      const g = { ...globals(), ...flags };
      if (!(FORMATS as readonly string[]).includes(flags.format)) throw new CliError(`--format must be md, html, json, xlsx or docx, not "${flags.format}".`);
      const format = flags.format as ReportFormat;
      const lang = language(flags.lang);
      if ((format === "xlsx" || format === "docx") && (!flags.out || flags.out === "-")) {
        throw new CliError(`--format ${format} writes a binary file: give --out PATH.`);
      }
      if (flags.midTerm && format !== "docx") throw new CliError("--mid-term goes with --format docx.");
      const date = documentDateFromEnv();
      const { result, unreadable, recommendations } = await load(paths, flags);
      if (format === "docx") requireOneReview(recommendations, unreadable);
      const ledger = await ledgerStates(flags.ledger, recommendations, g);
      const options = { lang, ...(ledger.states ? { states: ledger.states } : {}), ...(flags.title ? { title: flags.title } : {}) };
      let out: string | Uint8Array;
      if (format === "docx") out = await (await import("../../docx/skeleton.js")).writeSkeletonDocx(recommendations, { ...options, kind: flags.midTerm ? "mid-term" : "national", ...(date ? { date } : {}) });
      else {
        const report = buildReport(recommendations, options);
        if (format === "md") out = renderMarkdown(report);
        else if (format === "html") out = renderHtml(report);
        else if (format === "json") out = renderJson(report);
        else out = await (await import("../../xlsx/report-matrix.js")).renderReportMatrix(report, date ? { date } : {});
      }
      await writeOutput(out, flags.out);
      const diagnostics = [...result.diagnostics, ...ledger.diagnostics];
      reportDiagnostics(diagnostics, g);
      if (flags.out && flags.out !== "-") note(g, `Wrote the ${format.toUpperCase()} report on ${recommendations.length} recommendations to ${flags.out}.`);
      process.exitCode = exitCode(unreadable, diagnostics, flags.strict);
    });
}

/** `upr-matrix skeleton FILE... --out report.docx`: the Word national-report (or mid-term) skeleton. */
export function registerSkeleton(program: Command, globals: () => GlobalFlags): void {
  commonOptions(
    program
      .command("skeleton")
      .description("Write the Word skeleton of a national report (Guidance Note sections, 10,700-word budget, annex matrix) or, with --mid-term, of a mid-term report.")
      .argument("<files...>", "matrices (XLSX, CSV, DOCX) or folders, for one State under review")
      .requiredOption("-o, --out <path>", "the .docx file to write")
      .option("--mid-term", "the shorter voluntary mid-term report")
      .option("--words <n>", "word limit of the body, annexes excluded (default 10700; 4500 for --mid-term)"),
  )
    .addHelpText("after", `
Examples:
  upr-matrix skeleton matrix.docx --ledger ledger.jsonl --out national-report.docx
  upr-matrix skeleton matrix.docx --ledger ledger.jsonl --mid-term --lang es --out informe-mitad.docx
  upr-matrix skeleton uprinfo.csv --state Kenya --cycle 2 --out kenya.docx
${COMMON_HELP}`)
    .action(async (paths: string[], flags: SkeletonFlags) => {
      const g = { ...globals(), ...flags };
      const lang = language(flags.lang);
      if (flags.out === "-") throw new CliError("The skeleton is a binary .docx file: give --out PATH.");
      let wordLimit: number | undefined;
      if (flags.words !== undefined) {
        wordLimit = Number(flags.words);
        if (!Number.isInteger(wordLimit) || wordLimit < 100) throw new CliError(`--words must be a whole number of at least 100, not "${flags.words}".`);
      }
      const date = documentDateFromEnv();
      const { result, unreadable, recommendations } = await load(paths, flags);
      requireOneReview(recommendations, unreadable);
      const ledger = await ledgerStates(flags.ledger, recommendations, g);
      const bytes = await (await import("../../docx/skeleton.js")).writeSkeletonDocx(recommendations, {
        lang,
        kind: flags.midTerm ? "mid-term" : "national",
        ...(ledger.states ? { states: ledger.states } : {}),
        ...(wordLimit ? { wordLimit } : {}),
        ...(date ? { date } : {}),
      });
      await writeOutput(bytes, flags.out);
      const diagnostics = [...result.diagnostics, ...ledger.diagnostics];
      reportDiagnostics(diagnostics, g);
      note(g, `Wrote the ${flags.midTerm ? "mid-term" : "national"} report skeleton (${recommendations.length} recommendations) to ${flags.out}.`);
      process.exitCode = exitCode(unreadable, diagnostics, flags.strict);
    });
}
