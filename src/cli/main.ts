#!/usr/bin/env node
// The upr-matrix command line: the only code that touches argv, exit codes and the terminal.
import { Command, CommanderError } from "commander";
import { registerParse } from "./commands/parse.js";
import { CliError, type GlobalFlags } from "./io.js";
import { VERSION } from "./version.js";

const program = new Command();
program
  .name("upr-matrix")
  .description("Parse, classify, track and report on UN Universal Periodic Review matrices of recommendations.")
  .version(VERSION, "-V, --version")
  .option("-q, --quiet", "print only errors on stderr")
  .option("-v, --verbose", "also print informational notes")
  .option("--json", "print diagnostics on stderr as JSON lines")
  .option("--no-color", "never colour output")
  .showHelpAfterError("(run with --help for usage)")
  .exitOverride();

const globals = () => program.opts<GlobalFlags>();
registerParse(program, globals);

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
