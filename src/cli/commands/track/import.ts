import { readFile } from "node:fs/promises";
import { basename } from "node:path";
import { type Command, Option } from "commander";
import type { Diagnostic } from "../../../schema/diagnostic.js";
import { hasErrors } from "../../../diagnostics/format.js";
import { dateOf } from "../../../track/event.js";
import { mergeReturnedWorkbooks, type ReturnedWorkbook } from "../../../track/merge.js";
import { recordEvents } from "../../../track/store.js";
import { jsonlLedgerStore } from "../../../node/ledger-file.js";
import { flag } from "../../flags.js";
import { expandPaths } from "../../inputs.js";
import { CliError, type RunContext } from "../../io.js";
import { type DirFlags, loadProject, withDir } from "./project.js";

interface ImportFlags extends DirFlags {
  date?: string;
  dryRun?: boolean;
  strict?: boolean;
}

/** The returned workbooks that could be read, with the problems of the others (one file never stops the rest). */
interface ReadWorkbooks {
  workbooks: ReturnedWorkbook[];
  diagnostics: Diagnostic[];
  unreadable: number;
}

/**
 * Read returned workbooks one by one: a file that is not .xlsx is skipped with a warning, an unreadable
 * one counted and reported.
 * @example
 * const { workbooks, diagnostics, unreadable } = await readReturnedWorkbooks(["returned/mj.xlsx"]);
 */
export async function readReturnedWorkbooks(files: readonly string[]): Promise<ReadWorkbooks> {
  // exceljs takes a third of a second to load: only the commands that write or read workbooks load it.
  const { readTrackWorkbook } = await import("../../../xlsx/track-workbook.js");
  const out: ReadWorkbooks = { workbooks: [], diagnostics: [], unreadable: 0 };
  for (const f of files) {
    if (!/\.xls[xm]$/i.test(f)) {
      out.diagnostics.push({ code: "unsupported-format", severity: "warning", message: "Not an .xlsx workbook; skipped.", place: { file: f } });
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(f));
    } catch (e) {
      out.unreadable++;
      out.diagnostics.push({ code: "file-error", severity: "error", message: (e as NodeJS.ErrnoException).code === "ENOENT" ? "No such file." : `Cannot read the file: ${(e as Error).message}`, place: { file: f } });
      continue;
    }
    const read = await readTrackWorkbook(bytes, f);
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
      const files = await expandPaths(paths);
      if (files.length === 0) throw new CliError("No workbooks found.");
      const { workbooks, diagnostics, unreadable } = await readReturnedWorkbooks(files);
      const merged = mergeReturnedWorkbooks(workbooks, { recommendations, events, recordedAt, today });
      diagnostics.push(...merged.diagnostics);
      let added = merged.events.length;
      if (!flags.dryRun && merged.events.length > 0) added = (await recordEvents(jsonlLedgerStore(ledgerPath), merged.events)).added.length;
      ctx.reportDiagnostics(diagnostics);
      for (const s of merged.summaries) {
        const parts = [`${s.changed} changed`, `${s.unchanged} unchanged`];
        if (s.alreadyRecorded) parts.push(`${s.alreadyRecorded} already recorded`);
        if (s.blank) parts.push(`${s.blank} blank`);
        if (s.unknown) parts.push(`${s.unknown} unknown`);
        ctx.note(`  ${basename(s.file)}${s.target ? ` (${s.target})` : ""}: ${s.rows} rows: ${parts.join(", ")}`);
      }
      const conflicts = merged.diagnostics.filter((d) => d.code === "status-conflict").length;
      ctx.note(`${flags.dryRun ? "Would record" : "Recorded"} ${added} event(s) from ${workbooks.length} workbook(s)${conflicts ? `; ${conflicts} conflict(s) to settle (see "upr-matrix track status")` : ""}.`);
      ctx.exitCode = unreadable > 0 ? 2 : hasErrors([...ledgerDiagnostics, ...diagnostics], flags.strict) ? 1 : 0;
    });
}
