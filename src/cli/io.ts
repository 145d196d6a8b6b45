// The terminal and outputs of one run of the CLI: streams, environment, clock, global flags, exit code.
// Commands reach the outside world only through a RunContext, so that run() works in-process.
import { createWriteStream } from "node:fs";
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

/** A stream the CLI writes to; `isTTY` and `columns` as on a terminal's stream. */
export type OutStream = NodeJS.WritableStream & { isTTY?: boolean; columns?: number };

/**
 * What the CLI touches outside itself. Every field is optional in `run()`: the defaults are the process's.
 * @example
 * const io: CliIo = { stdout: process.stdout, stderr: process.stderr, env: process.env };
 */
export interface CliIo {
  /** Where data goes (recommendations, reports) when there is no `--out`. */
  stdout: OutStream;
  /** Where diagnostics, notes, the summary and the progress bar go. */
  stderr: OutStream;
  /** Environment read by the commands: NO_COLOR, CI, UPR_MATRIX_NOW, SOURCE_DATE_EPOCH, UPR_MATRIX_DEBUG. */
  env: Readonly<Record<string, string | undefined>>;
  /** stderr is a terminal: colours and the progress bar (default: `stderr.isTTY`). */
  isTTY: boolean;
  /** The clock (default: UPR_MATRIX_NOW when it is a valid date-time, else the system clock). */
  now: () => Date;
}

/** Global flags every command honours. */
export interface GlobalFlags {
  quiet?: boolean;
  verbose?: boolean;
  json?: boolean;
  color?: boolean;
  /** Worker threads for reading files (`--jobs`, "auto" resolved); absent means the number of cores. */
  jobs?: number;
  /** False with --no-progress. */
  progress?: boolean;
}

/**
 * Fill the missing parts of an io with the process's own.
 * @example
 * const io = resolveIo({ env: { NO_COLOR: "1" } });
 */
export function resolveIo(io: Partial<CliIo> = {}): CliIo {
  const stderr = io.stderr ?? process.stderr;
  const env = io.env ?? process.env;
  return {
    stdout: io.stdout ?? process.stdout,
    stderr,
    env,
    isTTY: io.isTTY ?? Boolean(stderr.isTTY),
    now:
      io.now ??
      (() => {
        // UPR_MATRIX_NOW (an ISO date-time) pins the clock for reproducible runs and tests.
        const pinned = env.UPR_MATRIX_NOW;
        return pinned && !Number.isNaN(Date.parse(pinned)) ? new Date(pinned) : new Date();
      }),
  };
}

/**
 * One run of the CLI: its io, its global flags (set once they are parsed) and its exit code.
 * @example
 * const ctx = new RunContext(resolveIo());
 * ctx.note("3 files read.");
 */
export class RunContext {
  /** The global flags of this run (run() sets them before any command runs). */
  flags: GlobalFlags = {};
  /** The exit code the run ends with unless an error ends it first. */
  exitCode = 0;
  // The progress bar's line at the bottom of a terminal: cleared before other messages, then redrawn.
  private status: string | null = null;

  constructor(readonly io: CliIo) {}

  /** The current time as an ISO date-time. */
  now(): string {
    return this.io.now().toISOString();
  }

  /** Colours on stderr: only on a terminal, never with --no-color or NO_COLOR. */
  get color(): boolean {
    return this.flags.color !== false && this.io.isTTY && !this.io.env.NO_COLOR;
  }

  private paint(code: number, s: string): string {
    return this.color ? `\u001b[${code}m${s}\u001b[0m` : s;
  }

  /** Show (or, with null, remove) the status line on stderr; only called on a terminal. */
  setStatusLine(line: string | null): void {
    this.io.stderr.write(`\r\u001b[2K${line ?? ""}`);
    this.status = line;
  }

  /** Write a message on stderr, above the progress bar when there is one. */
  writeErr(text: string): void {
    this.io.stderr.write(this.status === null ? text : `\r\u001b[2K${text}${this.status}`);
  }

  /** A note for people on stderr, silent with --quiet. */
  note(message: string): void {
    if (!this.flags.quiet) this.writeErr(`${message}\n`);
  }

  /**
   * Print diagnostics to stderr: errors and warnings always (unless --quiet), infos with --verbose;
   * --json prints JSON lines.
   */
  reportDiagnostics(diagnostics: readonly Diagnostic[]): void {
    const flags = this.flags;
    let out = "";
    for (const d of diagnostics) {
      if (flags.quiet && d.severity !== "error") continue;
      if (d.severity === "info" && !flags.verbose) continue;
      if (flags.json) {
        out += `${JSON.stringify(d)}\n`;
        continue;
      }
      const colour = d.severity === "error" ? 31 : d.severity === "warning" ? 33 : 2;
      out += `${this.paint(colour, formatDiagnostic(d))}\n`;
    }
    if (out) this.writeErr(out);
  }

  /**
   * Print the end-of-batch summary on stderr (a JSON line with --json; nothing with --quiet).
   * "parse: 3 files, 412 recommendations, 0 errors, 2 warnings in 0.8 s"
   */
  printSummary(s: BatchSummary): void {
    const flags = this.flags;
    if (flags.quiet) return;
    if (flags.json) {
      this.writeErr(`${JSON.stringify({ summary: { ...s, ms: Math.round(s.ms) } })}\n`);
      return;
    }
    const plural = (n: number, w: string) => `${n.toLocaleString("en-US")} ${w}${n === 1 ? "" : "s"}`;
    let line = `${s.command}: ${plural(s.files, "file")}, ${plural(s.recommendations, "recommendation")}, ${plural(s.errors, "error")}, ${plural(s.warnings, "warning")} in ${(s.ms / 1000).toFixed(1)} s`;
    if (s.unreadable) line += ` (${plural(s.unreadable, "file")} could not be read)`;
    if (flags.verbose && s.maxRssMb) line += `; peak memory ${s.maxRssMb} MB`;
    const colour = s.errors || s.unreadable ? 31 : s.warnings ? 33 : 32;
    this.writeErr(`${this.paint(colour, line)}\n`);
  }

  /** Write data to `--out` (creating folders) or to stdout, at once; see openSink to stream. */
  async writeOutput(data: string | Uint8Array, out: string | undefined): Promise<void> {
    if (!out || out === "-") {
      const stdout = this.io.stdout;
      await new Promise<void>((resolve, reject) => stdout.write(data, (e) => (e ? reject(e) : resolve())));
      return;
    }
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, data);
  }

  /**
   * Open stdout (no path, or "-") or a file (its folder created) for streamed writing.
   * A closed pipe (`| head`) ends the writing quietly.
   */
  async openSink(path: string | undefined): Promise<OutputSink> {
    const toStdout = !path || path === "-";
    if (!toStdout) await mkdir(dirname(path), { recursive: true });
    const stream: NodeJS.WritableStream = toStdout ? this.io.stdout : createWriteStream(path);
    let failed: Error | null = null;
    let closedPipe = false;
    const onError = (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") closedPipe = true;
      else failed = e;
    };
    stream.on("error", onError);
    const check = () => {
      if (failed) throw new CliError(`Cannot write ${toStdout ? "to stdout" : path}: ${(failed as Error).message}`);
    };
    let buffer = "";
    const flush = async () => {
      if (!buffer || closedPipe) return;
      const chunk = buffer;
      buffer = "";
      if (!stream.write(chunk))
        await new Promise<void>((resolve) => {
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
        if (toStdout) {
          stream.off("error", onError);
          return;
        }
        await new Promise<void>((resolve) => stream.end(resolve));
        check();
      },
    };
  }
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

/** Where output goes, written piece by piece with backpressure, so that large outputs stream. */
export interface OutputSink {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}
