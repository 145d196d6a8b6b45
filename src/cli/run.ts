// The upr-matrix command line as a function: argv and an io in, an exit code out. main.ts wires it to
// the process; tests and other programs call it in-process.
import { Command, CommanderError, Option } from "commander";
import { registerParse } from "./commands/parse.js";
import { registerClassify } from "./commands/classify.js";
import { registerTrack } from "./commands/track/index.js";
import { registerReport } from "./commands/report.js";
import { registerSkeleton } from "./commands/skeleton.js";
import { registerReconcile } from "./commands/reconcile.js";
import { MatrixError } from "../errors/matrix-error.js";
import { flag } from "./flags.js";
import { CliError, type CliIo, type GlobalFlags, resolveIo, RunContext } from "./io.js";
import { VERSION } from "./version.js";
import { escapeControls } from "./safe-text.js";

function program(ctx: RunContext): Command {
  const { stdout, stderr } = ctx.io;
  const cmd = new Command()
    .name("upr-matrix")
    .description("Parse, classify, track and report on UN Universal Periodic Review matrices of recommendations.")
    // Before anything else: subcommands inherit where commander writes and that it throws instead of exiting.
    .configureOutput({
      writeOut: (s) => void stdout.write(s),
      writeErr: (s) => void stderr.write(s),
      getOutHelpWidth: () => (stdout.isTTY && stdout.columns ? stdout.columns : 80),
      getErrHelpWidth: () => (stderr.isTTY && stderr.columns ? stderr.columns : 80),
      getOutHasColors: () => false,
      getErrHasColors: () => false,
    })
    .exitOverride()
    .version(VERSION, "-V, --version")
    .addOption(new Option("-q, --quiet", "print only errors on stderr"))
    .addOption(new Option("-v, --verbose", "also print informational notes"))
    .addOption(new Option("--json", "print diagnostics on stderr as JSON lines"))
    .addOption(new Option("--no-color", "never colour output"))
    .addOption(flag.jobs())
    .addOption(new Option("--no-progress", "never show the progress bar (it shows only on a terminal anyway)"))
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
    .showHelpAfterError("(run with --help for usage)");
  // The global flags are known once commander has read them, before the command's action runs.
  cmd.hook("preAction", () => {
    ctx.flags = cmd.opts<GlobalFlags>();
  });
  registerParse(cmd, ctx);
  registerClassify(cmd, ctx);
  registerTrack(cmd, ctx);
  registerReport(cmd, ctx);
  registerSkeleton(cmd, ctx);
  registerReconcile(cmd, ctx);
  return cmd;
}

/**
 * Run the upr-matrix command line in this process and return its exit code (0 success, 1 the input had
 * errors, 2 usage error or unreadable file). `argv` is the arguments after the program name; `io` gives
 * the streams, environment and clock (the process's own by default). Relative paths are read from the
 * process's working folder.
 * @example
 * import { run } from "upr-matrix/node";
 * const code = await run(["parse", "matrix.docx", "--format", "summary"]);
 */
export async function run(argv: readonly string[], io: Partial<CliIo> = {}): Promise<number> {
  const ctx = new RunContext(resolveIo(io));
  try {
    await program(ctx).parseAsync([...argv], { from: "user" });
    return ctx.exitCode;
  } catch (e) {
    // --help and --version end here with code 0; usage errors were already printed by commander.
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    if (e instanceof CliError) {
      ctx.writeErr(`upr-matrix: ${escapeControls(e.message)}\n`);
      return e.exitCode;
    }
    // The library's one error (a ledger that is not one, unreadable input, a lock): one line (its
    // diagnostics say the same at more length); a file that is not what it should be is an input error
    // (1), the rest like usage (2).
    if (e instanceof MatrixError) {
      ctx.writeErr(`upr-matrix: ${escapeControls(e.message)}\n`);
      return e.code === "not-a-ledger" || e.code === "strict" ? 1 : 2;
    }
    // Never a stack trace for users; UPR_MATRIX_DEBUG=1 shows it.
    ctx.writeErr(`upr-matrix: unexpected error: ${escapeControls((e as Error).message)}\n`);
    if (ctx.io.env.UPR_MATRIX_DEBUG) ctx.writeErr(`${(e as Error).stack}\n`);
    return 2;
  }
}
