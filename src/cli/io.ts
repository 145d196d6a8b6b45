import { writeFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { Diagnostic } from "../schema/diagnostic.js";
import { formatDiagnostic } from "../diagnostics/format.js";

/** A usage or environment problem: printed as one line, exit code 2. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** Global flags every command honours. */
export interface GlobalFlags {
  quiet?: boolean;
  verbose?: boolean;
  json?: boolean;
  color?: boolean;
}

const useColor = (flags: GlobalFlags) => flags.color !== false && Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;

function paint(flags: GlobalFlags, code: number, s: string): string {
  return useColor(flags) ? `\u001b[${code}m${s}\u001b[0m` : s;
}

/** Print diagnostics to stderr: errors and warnings always (unless --quiet), infos with --verbose; --json prints JSON lines. */
export function reportDiagnostics(diagnostics: readonly Diagnostic[], flags: GlobalFlags): void {
  for (const d of diagnostics) {
    if (flags.quiet && d.severity !== "error") continue;
    if (d.severity === "info" && !flags.verbose) continue;
    if (flags.json) {
      process.stderr.write(`${JSON.stringify(d)}\n`);
      continue;
    }
    const line = formatDiagnostic(d);
    const colour = d.severity === "error" ? 31 : d.severity === "warning" ? 33 : 2;
    process.stderr.write(`${paint(flags, colour, line)}\n`);
  }
}

/** A note for people on stderr, silent with --quiet. */
export function note(flags: GlobalFlags, message: string): void {
  if (!flags.quiet) process.stderr.write(`${message}\n`);
}

/** Write data to `--out` (creating folders) or to stdout. */
export async function writeOutput(data: string | Uint8Array, out: string | undefined): Promise<void> {
  if (!out || out === "-") {
    await new Promise<void>((resolve, reject) => process.stdout.write(data, (e) => (e ? reject(e) : resolve())));
    return;
  }
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, data);
}
