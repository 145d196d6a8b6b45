import { basename } from "node:path";
import { type Command, Option } from "commander";
import type { Diagnostic } from "../../../schema/diagnostic.js";
import { hasErrors } from "../../../diagnostics/format.js";
import { dateOf } from "../../../track/event.js";
import { checkUpdateDate } from "../../../track/ledger.js";
import { mergeReturnedWorkbooks, type ReturnedWorkbook } from "../../../track/merge.js";
import { readTrackWorkbook } from "../../../ingest/track-workbook.js";
import { updateLedger } from "../../../track/store.js";
import { jsonlLedgerStore } from "../../../node/ledger-file.js";
import { readFileBytes } from "../../../node/read-parts.js";
import { Limits } from "../../../ingest/options.js";
import { flag } from "../../flags.js";
import { displayName } from "../../safe-text.js";
import { expandPaths } from "../../inputs.js";
import { CliError, type RunContext } from "../../io.js";
import { type DirFlags, loadProject, withDir } from "./project.js";

interface ImportFlags extends DirFlags {
  date?: string;
  dryRun?: boolean;
  strict?: boolean;
}

/** The returned workbooks that could be read, with the problems of the others. */
interface ReadWorkbooks {
  workbooks: ReturnedWorkbook[];
  diagnostics: Diagnostic[];
  unreadable: number;
}

// Returned workbooks are read one by one, each on its own under the limits `parse` applies (a regular
// file of at most maxBytes, the guarded XLSX reader): a file that is not .xlsx is skipped with a warning,
// an unreadable one (missing, a device, too large, damaged, a zip or XML bomb) counted and reported, and
// the others still read. One function, so that the reading can change without touching the import.
async function readReturnedWorkbooks(files: readonly string[]): Promise<ReadWorkbooks> {
  const out: ReadWorkbooks = { workbooks: [], diagnostics: [], unreadable: 0 };
  const { maxBytes } = Limits.parse({});
  for (const f of files) {
    if (!/\.xls[xm]$/i.test(f)) {
      out.diagnostics.push({ code: "unsupported-format", severity: "warning", message: "Not an .xlsx workbook; skipped.", place: { file: f } });
      continue;
    }
    const bytes = await readFileBytes(f, f, maxBytes);
    const read = bytes instanceof Uint8Array ? await readTrackWorkbook(bytes, f) : { workbook: null, diagnostics: [bytes] };
    out.diagnostics.push(...read.diagnostics);
    if (read.workbook) out.workbooks.push(read.workbook);
    else out.unreadable++;
  }
  return out;
}

/**
 * `upr-matrix track import FILE...`: returned workbooks into the ledger.
 * @example
 * registerImport(track, ctx);
 */
export function registerImport(track: Command, ctx: RunContext): void {
  withDir(track.command("import"))
    .description("Read returned update workbooks into the ledger (conflicts are reported, nothing is overwritten).")
    .argument("<files...>", "returned .xlsx workbooks or folders")
    .addOption(flag.date("date", "date for rows that give none (default today)"))
    .addOption(new Option("--dry-run", "report what would be recorded, record nothing"))
    .addOption(flag.strict())
    .action(async (paths: string[], flags: ImportFlags) => {
      const { recommendations, events, ledgerPath, ledgerDiagnostics } = await loadProject(ctx, flags.dir);
      const recordedAt = ctx.now();
      const today = flags.date ?? dateOf(recordedAt);
      const future = checkUpdateDate(today, dateOf(recordedAt));
      if (future) throw new CliError(`--date ${future}: an update reports what was done, so it cannot be dated ahead.`);
      const files = await expandPaths(paths);
      if (files.length === 0) throw new CliError("No workbooks found.");
      const { workbooks, diagnostics, unreadable } = await readReturnedWorkbooks(files);
      const context = { recommendations, recordedAt, today };
      // Merged again on the ledger as it is under the lock: an import running at the same time (of the
      // same workbook, say) is seen, and nothing is recorded twice.
      const merged = flags.dryRun
        ? mergeReturnedWorkbooks(workbooks, { ...context, events })
        : await updateLedger(jsonlLedgerStore(ledgerPath), (ledger) => {
            const m = mergeReturnedWorkbooks(workbooks, { ...context, events: ledger.events });
            return { append: m.events, result: m };
          });
      diagnostics.push(...merged.diagnostics);
      const added = merged.events.length;
      ctx.reportDiagnostics(diagnostics);
      for (const s of merged.summaries) {
        const parts = [`${s.changed} changed`, `${s.unchanged} unchanged`];
        if (s.alreadyRecorded) parts.push(`${s.alreadyRecorded} already recorded`);
        if (s.blank) parts.push(`${s.blank} blank`);
        if (s.unknown) parts.push(`${s.unknown} unknown`);
        ctx.note(`  ${displayName(basename(s.file))}${s.target ? ` (${s.target})` : ""}: ${s.rows} rows: ${parts.join(", ")}`);
      }
      const conflicts = merged.diagnostics.filter((d) => d.code === "status-conflict").length;
      ctx.note(`${flags.dryRun ? "Would record" : "Recorded"} ${added} event(s) from ${workbooks.length} workbook(s)${conflicts ? `; ${conflicts} conflict(s) to settle (see "upr-matrix track status")` : ""}.`);
      ctx.exitCode = unreadable > 0 ? 2 : hasErrors([...ledgerDiagnostics, ...diagnostics], flags.strict) ? 1 : 0;
    });
}
