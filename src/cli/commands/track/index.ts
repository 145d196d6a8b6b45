import type { Command } from "commander";
import type { RunContext } from "../../io.js";
import { registerExport } from "./export.js";
import { registerHistory } from "./history.js";
import { registerImport } from "./import.js";
import { registerInit } from "./init.js";
import { DEFAULT_DIR, LEDGER, REGISTER } from "./project.js";
import { registerStatus } from "./status.js";
import { registerUpdate } from "./update.js";

/**
 * `upr-matrix track ...`: the implementation-tracking ledger and the workbook round trip.
 * @example
 * registerTrack(program, ctx);
 */
export function registerTrack(program: Command, ctx: RunContext): void {
  const track = program
    .command("track")
    .description("Track implementation: a ledger of status updates, workbooks out to institutions and back in.")
    .addHelpText("after", `
A tracking folder (default ./${DEFAULT_DIR}) holds ${REGISTER} (the recommendations) and ${LEDGER}
(every status update, append-only).

Examples:
  upr-matrix track init matrix.docx --assign assignments.csv
  upr-matrix track export --lang fr
  upr-matrix track import returned/
  upr-matrix track status --by institution
  upr-matrix track update 142.28 --status "in progress" --action "Bill tabled in parliament" --by "Ministry of Justice"
  upr-matrix track history 142.28`);
  registerInit(track, ctx);
  registerStatus(track, ctx);
  registerUpdate(track, ctx);
  registerExport(track, ctx);
  registerImport(track, ctx);
  registerHistory(track, ctx);
}
