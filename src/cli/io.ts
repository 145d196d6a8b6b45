import { createWriteStream } from "node:fs";
import { writeFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { availableParallelism } from "node:os";
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
  /** Worker threads for reading files: a number, or "auto" (the number of cores). */
  jobs?: string;
  /** False with --no-progress. */
  progress?: boolean;
}

let current: GlobalFlags = {};

/** Remember the global flags of this run (main.ts does, before any command runs). */
export function setGlobals(flags: GlobalFlags): void {
  current = flags;
}

/**
 * The global flags of this run, for helpers called without them (readInputs).
 * @example
 * const jobs = jobsFrom(currentGlobals());
 */
export function currentGlobals(): GlobalFlags {
  return current;
}

/**
 * The number of worker threads `--jobs` asks for; "auto" or absent means the number of cores.
 * @example
 * jobsFrom({ jobs: "4" }); // 4
 */
export function jobsFrom(flags: GlobalFlags): number {
  const raw = flags.jobs;
  if (raw === undefined || raw === "auto" || raw === "0") return availableParallelism();
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 256) throw new CliError(`--jobs must be a number of worker threads (1-256) or "auto", not "${raw}".`);
  return n;
}

/**
 * Colours on stderr: only on a terminal, never with --no-color or NO_COLOR.
 * @example
 * const red = useColor(flags) ? "\u001b[31m" : "";
 */
export function useColor(flags: GlobalFlags): boolean {
  return flags.color !== false && Boolean(process.stderr.isTTY) && !process.env.NO_COLOR;
}

function paint(flags: GlobalFlags, code: number, s: string): string {
  return useColor(flags) ? `\u001b[${code}m${s}\u001b[0m` : s;
}

// The progress bar's line at the bottom of a terminal: cleared before other messages, then redrawn.
let status: string | null = null;

/**
 * Show (or, with null, remove) the status line on stderr; only called on a terminal.
 * @example
 * setStatusLine("[####----] 4/8 files"); // later: setStatusLine(null)
 */
export function setStatusLine(line: string | null): void {
  process.stderr.write(`\r\u001b[2K${line ?? ""}`);
  status = line;
}

/**
 * Write a message on stderr, above the progress bar when there is one.
 * @example
 * writeErr("3 files read.\n");
 */
export function writeErr(text: string): void {
  if (status === null) {
    process.stderr.write(text);
    return;
  }
  process.stderr.write(`\r\u001b[2K${text}${status}`);
}

/**
 * Print diagnostics to stderr: errors and warnings always (unless --quiet), infos with --verbose; --json prints JSON lines.
 * @example
 * reportDiagnostics(result.diagnostics, { ...globals(), ...flags });
 */
export function reportDiagnostics(diagnostics: readonly Diagnostic[], flags: GlobalFlags): void {
  let out = "";
  for (const d of diagnostics) {
    if (flags.quiet && d.severity !== "error") continue;
    if (d.severity === "info" && !flags.verbose) continue;
    if (flags.json) {
      out += `${JSON.stringify(d)}\n`;
      continue;
    }
    const line = formatDiagnostic(d);
    const colour = d.severity === "error" ? 31 : d.severity === "warning" ? 33 : 2;
    out += `${paint(flags, colour, line)}\n`;
  }
  if (out) writeErr(out);
}

/**
 * A note for people on stderr, silent with --quiet.
 * @example
 * note(flags, `Wrote 212 recommendations to out.json.`);
 */
export function note(flags: GlobalFlags, message: string): void {
  if (!flags.quiet) writeErr(`${message}\n`);
}

/**
 * Write data to `--out` (creating folders) or to stdout, at once; see openSink to stream.
 * @example
 * await writeOutput(`${JSON.stringify(report, null, 2)}\n`, flags.out);
 */
export async function writeOutput(data: string | Uint8Array, out: string | undefined): Promise<void> {
  if (!out || out === "-") {
    await new Promise<void>((resolve, reject) => process.stdout.write(data, (e) => (e ? reject(e) : resolve())));
    return;
  }
  await mkdir(dirname(out), { recursive: true });
  await writeFile(out, data);
}

/** Figures of a batch, printed at the end on stderr. */
export interface BatchSummary {
  command: string;
  files: number;
  recommendations: number;
  errors: number;
  warnings: number;
  /** Files that could not be read at all. */
  unreadable: number;
  ms: number;
  /** Peak resident memory of the process (all threads), in MB. */
  maxRssMb?: number;
}

/**
 * Print the end-of-batch summary on stderr (a JSON line with --json; nothing with --quiet).
 * @example
 * printSummary({ command: "parse", files: 3, recommendations: 412, errors: 0, warnings: 2, unreadable: 0, ms: 830 }, flags);
 * // parse: 3 files, 412 recommendations, 0 errors, 2 warnings in 0.8 s
 */
export function printSummary(s: BatchSummary, flags: GlobalFlags): void {
  if (flags.quiet) return;
  if (flags.json) {
    writeErr(`${JSON.stringify({ summary: { ...s, ms: Math.round(s.ms) } })}\n`);
    return;
  }
  const plural = (n: number, w: string) => `${n.toLocaleString("en-US")} ${w}${n === 1 ? "" : "s"}`;
  let line = `${s.command}: ${plural(s.files, "file")}, ${plural(s.recommendations, "recommendation")}, ${plural(s.errors, "error")}, ${plural(s.warnings, "warning")} in ${(s.ms / 1000).toFixed(1)} s`;
  if (s.unreadable) line += ` (${plural(s.unreadable, "file")} could not be read)`;
  if (flags.verbose && s.maxRssMb) line += `; peak memory ${s.maxRssMb} MB`;
  const colour = s.errors || s.unreadable ? 31 : s.warnings ? 33 : 32;
  writeErr(`${paint(flags, colour, line)}\n`);
}

/** Where output goes, written piece by piece with backpressure, so that large outputs stream. */
export interface OutputSink {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Open stdout (no path, or "-") or a file (its folder created) for streamed writing.
 * A closed pipe (`| head`) ends the writing quietly.
 * @example
 * const sink = await openSink("out.jsonl");
 * await sink.write("{}\n");
 * await sink.close();
 */
export async function openSink(path: string | undefined): Promise<OutputSink> {
  const toStdout = !path || path === "-";
  if (!toStdout) await mkdir(dirname(path), { recursive: true });
  const stream: NodeJS.WritableStream = toStdout ? process.stdout : createWriteStream(path);
  let failed: Error | null = null;
  let closedPipe = false;
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") closedPipe = true;
    else failed = e;
  });
  const check = () => {
    if (failed) throw new CliError(`Cannot write ${toStdout ? "to stdout" : path}: ${(failed as Error).message}`);
  };
  let buffer = "";
  const flush = async () => {
    if (!buffer || closedPipe) return;
    const chunk = buffer;
    buffer = "";
    if (!stream.write(chunk)) await new Promise<void>((resolve) => {
      const done = () => {
        stream.off("drain", done);
        stream.off("error", done);
        resolve();
      };
      stream.on("drain", done);
      stream.on("error", done);
    });
    check();
  };
  return {
    async write(text) {
      check();
      buffer += text;
      if (buffer.length >= 1 << 16) await flush();
    },
    async close() {
      await flush();
      if (toStdout) return;
      await new Promise<void>((resolve) => stream.end(resolve));
      check();
    },
  };
}
