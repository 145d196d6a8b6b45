import { mkdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { type Command, Option } from "commander";
import type { Diagnostic } from "../../../schema/diagnostic.js";
import { recommendationKeys } from "../../../schema/key.js";
import { hasErrors } from "../../../diagnostics/format.js";
import { assignInstitutions, initialEvents, parseAssignments } from "../../../track/assign.js";
import { dateOf } from "../../../track/event.js";
import { checkUpdateDate } from "../../../track/ledger.js";
import { recordEvents } from "../../../track/store.js";
import { jsonlLedgerStore } from "../../../node/ledger-file.js";
import { writeRegisterFile } from "../../../node/register-file.js";
import { flag } from "../../flags.js";
import { readInputs } from "../../inputs.js";
import { CliError, cannotWrite, type RunContext } from "../../io.js";
import { type DirFlags, LEDGER, REGISTER, withDir } from "./project.js";

interface InitFlags extends DirFlags {
  assign?: string;
  date?: string;
  force?: boolean;
}

/**
 * `upr-matrix track init MATRIX...`: the register of recommendations and the first events.
 * @example
 * registerInit(track, ctx);
 */
export function registerInit(track: Command, ctx: RunContext): void {
  withDir(track.command("init"))
    .description("Start tracking the recommendations of one or more matrices.")
    .argument("<files...>", "matrices (XLSX, CSV, DOCX) or folders")
    .addOption(new Option("--assign <csv>", "assignment table: match,lead,supporting (match = number, theme code, cluster, group letter or *)"))
    .addOption(flag.date("date", "date of the statuses the source already holds (default today)"))
    .addOption(new Option("--force", "replace the recommendation list of an existing folder (the ledger is kept)"))
    .addHelpText("after", `
Example assignment table:
  match,lead,supporting
  D23,Ministry of Justice,Prisons Service; Police
  F,Ministry of Gender,
  *,Ministry of Foreign Affairs,`)
    .action(async (files: string[], flags: InitFlags) => {
      const registerPath = join(flags.dir, REGISTER);
      if ((await stat(registerPath).catch(() => null)) && !flags.force) {
        throw new CliError(`"${flags.dir}" already tracks recommendations. Use --force to replace the list (the ledger is kept), or --dir for a new folder.`);
      }
      const recordedAt = ctx.now();
      const date = flags.date ?? dateOf(recordedAt);
      const future = checkUpdateDate(date, dateOf(recordedAt));
      if (future) throw new CliError(`--date ${future}: the statuses a source holds cannot be dated ahead.`);
      const { result, unreadable } = await readInputs(ctx, files, {});
      const diagnostics: Diagnostic[] = [...result.diagnostics];
      if (result.recommendations.length === 0) {
        ctx.reportDiagnostics(diagnostics);
        throw new CliError("No recommendations found in the input; nothing to track.", unreadable > 0 ? 2 : 1);
      }
      let assignments;
      if (flags.assign) {
        await ctx.readsFrom(flags.assign);
        let text: string;
        try {
          text = await readFile(flags.assign, "utf8");
        } catch {
          throw new CliError(`Cannot read the assignment table "${flags.assign}".`);
        }
        const parsed = parseAssignments(text, flags.assign);
        const assigned = assignInstitutions(result.recommendations, parsed.rules, flags.assign);
        diagnostics.push(...parsed.diagnostics, ...assigned.diagnostics);
        assignments = assigned.assignments;
      }
      const init = initialEvents(result.recommendations, { recordedAt, date, ...(assignments ? { assignments } : {}) });
      diagnostics.push(...init.diagnostics);
      // A line per recommendation, through a temporary file: scales past one string, never half-written.
      await mkdir(flags.dir, { recursive: true });
      await writeRegisterFile(registerPath, result).catch((e: Error) => {
        throw cannotWrite(registerPath, e);
      });
      const store = jsonlLedgerStore(join(flags.dir, LEDGER));
      const recorded = await recordEvents(store, init.events);
      ctx.reportDiagnostics([...diagnostics, ...recorded.diagnostics]);
      const keys = new Set(recommendationKeys(result.recommendations).keys);
      const assigned = init.events.filter((e) => e.institutions.length > 0).length;
      const withStatus = init.events.filter((e) => e.status !== null).length;
      ctx.note(`Tracking ${keys.size} recommendations in ${flags.dir}/ (${recorded.added.length} events recorded: ${assigned} with institutions, ${withStatus} with a status).`);
      if (assigned < keys.size) ctx.note(`${keys.size - assigned} recommendation(s) have no institution yet: use --assign, or "upr-matrix track update NUMBER --lead NAME".`);
      ctx.note(`Next: upr-matrix track export --dir ${flags.dir}`);
      ctx.exitCode = unreadable > 0 ? 2 : hasErrors(diagnostics) ? 1 : 0;
    });
}
