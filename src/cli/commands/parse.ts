import type { Command } from "commander";
import type { ParseResult } from "../../schema/result.js";
import { countBySeverity, hasErrors } from "../../diagnostics/format.js";
import { parseColumnMapping, type ParseOptions } from "../../ingest/options.js";
import { mergeResults } from "../../ingest/result.js";
import { readMatrixFile } from "../../node/read-file.js";
import { UNREADABLE } from "../../node/parse-matrix.js";
import { expandPaths } from "../files.js";
import { CliError, type GlobalFlags, note, reportDiagnostics, writeOutput } from "../io.js";

interface ParseFlags extends GlobalFlags {
  format: string;
  out?: string;
  columns?: string;
  sheet?: string;
  headerRow?: string;
  strict?: boolean;
}

/** Parse options from CLI flags; bad flags are usage errors. */
export function parseOptionsFromFlags(flags: { columns?: string; sheet?: string; headerRow?: string }): ParseOptions {
  const options: ParseOptions = {};
  try {
    if (flags.columns) options.columns = parseColumnMapping(flags.columns);
  } catch (e) {
    throw new CliError(`--columns: ${(e as Error).message}`);
  }
  if (flags.sheet) options.sheet = flags.sheet;
  if (flags.headerRow !== undefined) {
    const n = Number(flags.headerRow);
    if (!Number.isInteger(n) || n < 0) throw new CliError(`--header-row must be a row number (0 for none), not "${flags.headerRow}".`);
    options.headerRow = n;
  }
  return options;
}

/** Read every file named on the command line (folders recursively) into one result. */
export async function readInputs(paths: readonly string[], options: ParseOptions): Promise<{ result: ParseResult; unreadable: number }> {
  const files = await expandPaths(paths);
  if (files.length === 0) throw new CliError("No input files found.");
  const results: ParseResult[] = [];
  let unreadable = 0;
  for (const f of files) {
    const r = await readMatrixFile(f, options);
    if (r.sources.length === 0 && r.diagnostics.some((d) => UNREADABLE.has(d.code))) unreadable++;
    results.push(r);
  }
  return { result: mergeResults(results), unreadable };
}

function summary(result: ParseResult): string {
  const lines: string[] = [];
  for (const s of result.sources) {
    if (s.recommendations === 0 && s.layout === "unknown") continue;
    const recs = result.recommendations.filter((r) => r.place.file === s.file && (s.sheet === undefined || r.place.sheet === s.sheet));
    const pos = new Map<string, number>();
    for (const r of recs) pos.set(r.position, (pos.get(r.position) ?? 0) + 1);
    const who = [s.stateUnderReview, s.cycle ? `cycle ${s.cycle}` : null, s.session ? `session ${s.session}` : null].filter(Boolean).join(", ");
    lines.push(`${s.file}${s.sheet ? ` [${s.sheet}]` : ""}: ${s.layout}${s.language ? ` (${s.language})` : ""}${who ? `, ${who}` : ""}`);
    lines.push(`  ${s.rows} rows: ${s.recommendations} recommendations, ${s.rowCounts.section} theme rows, ${s.rowCounts.header + s.rowCounts.title} header/title rows${s.rowCounts.blank ? `, ${s.rowCounts.blank} blank` : ""}${s.rowCounts.continuation ? `, ${s.rowCounts.continuation} continuation` : ""}${s.rowCounts.skipped ? `, ${s.rowCounts.skipped} skipped` : ""}`);
    lines.push(`  positions: ${[...pos].map(([k, v]) => `${k} ${v}`).join(", ") || "none"}`);
  }
  const c = countBySeverity(result.diagnostics);
  lines.push(`Total: ${result.recommendations.length} recommendations from ${new Set(result.sources.map((s) => s.file)).size} file(s); ${c.error} errors, ${c.warning} warnings, ${c.info} notes.`);
  return `${lines.join("\n")}\n`;
}

/** `upr-matrix parse FILE...`: read matrices into the JSON contract. */
export function registerParse(program: Command, globals: () => GlobalFlags): void {
  program
    .command("parse")
    .description("Read matrices (XLSX, CSV, DOCX; English, French, Spanish) into typed recommendations.")
    .argument("<files...>", "files or folders (read recursively)")
    .option("-f, --format <format>", "json | jsonl | summary", "json")
    .option("-o, --out <path>", "write to this file instead of stdout")
    .option("--columns <mapping>", "explicit column mapping, e.g. text=B,position=Response,id=1")
    .option("--sheet <name>", "read only this sheet of an XLSX workbook")
    .option("--header-row <n>", "the header row (1-based; 0 when there is none)")
    .option("--strict", "treat warnings as errors for the exit code")
    .addHelpText("after", `
Examples:
  upr-matrix parse matrix.docx --format json > recommendations.json
  upr-matrix parse exports/ --format summary
  upr-matrix parse tracking.xlsx --columns text=B,position=D --header-row 3

Exit codes: 0 read cleanly; 1 the input had errors (output still written); 2 usage error or a file could not be read.`)
    .action(async (paths: string[], flags: ParseFlags) => {
      const g = { ...globals(), ...flags };
      if (!["json", "jsonl", "summary"].includes(flags.format)) throw new CliError(`--format must be json, jsonl or summary, not "${flags.format}".`);
      const { result, unreadable } = await readInputs(paths, parseOptionsFromFlags(flags));
      let out: string;
      if (flags.format === "json") out = `${JSON.stringify(result, null, 2)}\n`;
      else if (flags.format === "jsonl") out = result.recommendations.map((r) => JSON.stringify(r)).join("\n") + (result.recommendations.length ? "\n" : "");
      else out = summary(result);
      await writeOutput(out, flags.out);
      reportDiagnostics(result.diagnostics, g);
      if (flags.out) note(g, `Wrote ${result.recommendations.length} recommendations to ${flags.out}.`);
      process.exitCode = unreadable > 0 ? 2 : hasErrors(result.diagnostics, flags.strict) ? 1 : 0;
    });
}
