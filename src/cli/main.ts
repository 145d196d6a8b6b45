#!/usr/bin/env node
// The upr-matrix command line: the only code that touches argv, exit codes and the terminal.
import { Command, CommanderError } from "commander";
import { registerParse } from "./commands/parse.js";
import { registerClassify } from "./commands/classify.js";
import { registerTrack } from "./commands/track.js";
import { registerReport, registerSkeleton } from "./commands/report.js";
import { CliError, type GlobalFlags, setGlobals } from "./io.js";
import { VERSION } from "./version.js";

// A reader that stops early (`| head`) closes stdout: stop quietly, never with a stack trace.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
});

const program = new Command();
program
  .name("upr-matrix")
  .description("Parse, classify, track and report on UN Universal Periodic Review matrices of recommendations.")
  .version(VERSION, "-V, --version")
  .option("-q, --quiet", "print only errors on stderr")
  .option("-v, --verbose", "also print informational notes")
  .option("--json", "print diagnostics on stderr as JSON lines")
  .option("--no-color", "never colour output")
  .option("-j, --jobs <n>", "worker threads reading files in parallel (default: the number of cores)")
  .option("--no-progress", "never show the progress bar (it shows only on a terminal anyway)")
  .addHelpText(
    "after",
    `
Global options go before the command: upr-matrix --quiet --jobs 2 parse exports/

Examples:
  upr-matrix parse matrix.docx > recommendations.json
  upr-matrix parse exports/ "more/**/*.csv" --format jsonl --out all.jsonl
  upr-matrix <command> --help          each command's options, with examples

Exit codes: 0 success; 1 the input had errors (output still written); 2 usage error or unreadable file.`,
  )
  .showHelpAfterError("(run with --help for usage)")
  .exitOverride();

const globals = () => program.opts<GlobalFlags>();
// Helpers shared by commands (readInputs: --jobs, the progress bar) read the global flags from here.
program.hook("preAction", () => setGlobals(program.opts<GlobalFlags>()));
registerParse(program, globals);
registerClassify(program, globals);
registerTrack(program, globals);
registerReport(program, globals);
registerSkeleton(program, globals);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    // --help and --version end here with code 0; usage errors were already printed by commander.
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else if (e instanceof CliError) {
    process.stderr.write(`upr-matrix: ${e.message}\n`);
    process.exitCode = e.exitCode;
  } else {
    // Never a stack trace for users; UPR_MATRIX_DEBUG=1 shows it.
    process.stderr.write(`upr-matrix: unexpected error: ${(e as Error).message}\n`);
    if (process.env.UPR_MATRIX_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    process.exitCode = 2;
  }
}
