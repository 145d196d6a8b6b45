// The terminal and outputs of one run of the CLI: streams, environment, clock, global flags, exit code.
// Commands reach the outside world only through a RunContext, so that run() works in-process.
import { realpath, stat } from "node:fs/promises";
import { resolve } from "node:path";
import type { Diagnostic } from "../schema/diagnostic.js";
import { formatDiagnostic } from "../diagnostics/format.js";
import { type AtomicFile, openAtomic, writeFileAtomic } from "../node/write-file.js";
import { displayName, escapeControls, jsonLine } from "./safe-text.js";

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
  /** Worker threads for reading files (`--jobs`); absent or "auto": the cores, when the input pays for them. */
  jobs?: number | "auto";
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
  // The files this run reads (with their identities) and writes: an output never replaces an input.
  private readonly inputIds = new Map<string, Promise<string | null>>();
  private readonly outputs = new Set<string>();

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

  /** A note for people on stderr, silent with --quiet; one line whatever the names in it hold. */
  note(message: string): void {
    if (!this.flags.quiet) this.writeErr(`${escapeControls(message)}\n`);
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
        out += `${jsonLine(d)}\n`;
        continue;
      }
      const colour = d.severity === "error" ? 31 : d.severity === "warning" ? 33 : 2;
      const shown = d.place?.file ? { ...d, place: { ...d.place, file: displayName(d.place.file) } } : d;
      out += `${this.paint(colour, escapeControls(formatDiagnostic(shown)))}\n`;
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
      this.writeErr(`${jsonLine({ summary: { ...s, ms: Math.round(s.ms) } })}\n`);
      return;
    }
    const plural = (n: number, w: string) => `${n.toLocaleString("en-US")} ${w}${n === 1 ? "" : "s"}`;
    let line = `${s.command}: ${plural(s.files, "file")}, ${plural(s.recommendations, "recommendation")}, ${plural(s.errors, "error")}, ${plural(s.warnings, "warning")} in ${(s.ms / 1000).toFixed(1)} s`;
    if (s.unreadable) line += ` (${plural(s.unreadable, "file")} could not be read)`;
    if (flags.verbose && s.maxRssMb) line += `; peak memory ${s.maxRssMb} MB`;
    const colour = s.errors || s.unreadable ? 31 : s.warnings ? 33 : 32;
    this.writeErr(`${this.paint(colour, line)}\n`);
  }

  /**
   * Remember files this run reads. An output is never written over one of them (`parse in.csv --out
   * in.csv` would destroy its input): a CliError as soon as both are known.
   */
  async readsFrom(...paths: string[]): Promise<void> {
    for (const p of paths) if (!this.inputIds.has(p)) this.inputIds.set(p, identity(p));
    await this.refuseOverlap();
  }

  /** Declare a file this run will write (`--out`), so that it is refused before any work if it is an input. */
  async writesTo(path: string | undefined): Promise<void> {
    if (!path || path === "-") return;
    this.outputs.add(path);
    await this.refuseOverlap();
  }

  /** Same file by identity (device and inode), so links and other spellings of a path are caught too. */
  private async refuseOverlap(): Promise<void> {
    if (this.outputs.size === 0 || this.inputIds.size === 0) return;
    const inputs = new Set(await Promise.all(this.inputIds.values()));
    for (const out of this.outputs) {
      const s = await stat(out).catch(() => null);
      if (!s?.isFile() || !inputs.has(await identity(out))) continue;
      throw new CliError(`Will not write ${displayName(out)}: it is one of the files this command reads. Choose another output.`);
    }
  }

  /**
   * Write data to `--out` or to stdout, at once (see openSink to stream). A file is written as a whole
   * or not at all (a temporary file renamed over it, folders created); a failed write is a CliError.
   */
  async writeOutput(data: string | Uint8Array, out: string | undefined): Promise<void> {
    if (!out || out === "-") {
      const stdout = this.io.stdout;
      await new Promise<void>((resolve, reject) => stdout.write(data, (e) => (e ? reject(cannotWrite(undefined, e)) : resolve())));
      return;
    }
    await this.writesTo(out);
    await writeFileAtomic(out, data).catch((e: Error) => {
      throw cannotWrite(out, e);
    });
  }

  /**
   * Open stdout (no path, or "-") or a file for streamed writing. A file appears only when the sink is
   * closed, whole (see writeOutput); a closed pipe (`| head`) ends the writing to stdout quietly.
   */
  async openSink(path: string | undefined): Promise<OutputSink> {
    if (path && path !== "-") {
      await this.writesTo(path);
      const file = await openAtomic(path).catch((e: Error) => {
        throw cannotWrite(path, e);
      });
      return fileSink(path, file);
    }
    const stream = this.io.stdout;
    let failed: Error | null = null;
    let closedPipe = false;
    const onError = (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") closedPipe = true;
      else failed = e;
    };
    stream.on("error", onError);
    const check = () => {
      if (failed) throw cannotWrite(undefined, failed);
    };
    const buffer = new WriteBuffer();
    const flush = async () => {
      if (!buffer.size || closedPipe) {
        buffer.take();
        return;
      }
      const chunk = buffer.take();
      // Waiting for each chunk's callback is the backpressure (it comes once the chunk is taken), and it
      // reports the chunk's own failure, even on a stream already broken.
      await new Promise<void>((resolve) => {
        stream.write(chunk, (e) => {
          if (e && (e as NodeJS.ErrnoException).code !== "EPIPE") failed ??= e;
          resolve();
        });
      });
      check();
    };
    return {
      async write(data) {
        check();
        buffer.add(data);
        if (buffer.size >= 1 << 16) await flush();
      },
      async close() {
        await flush();
        stream.off("error", onError);
      },
      async abort() {
        stream.off("error", onError);
      },
    };
  }
}

/** "Cannot write out.json: ENOSPC: no space left on device, write" as a usage-level error (exit 2). */
export function cannotWrite(path: string | undefined, e: Error): CliError {
  return new CliError(`Cannot write ${path === undefined ? "to stdout" : displayName(path)}: ${e.message}`);
}

/** A file's identity: device and inode where the system gives them, else its resolved path. */
async function identity(path: string): Promise<string | null> {
  const s = await stat(path).catch(() => null);
  if (!s) return null;
  return s.ino ? `${s.dev}:${s.ino}` : await realpath(path).catch(() => resolve(path));
}

/**
 * Text and bytes waiting to be written, taken as one piece: small writes are gathered, and bytes
 * already encoded (a worker's rendered recommendations) are not decoded and encoded again.
 */
class WriteBuffer {
  private chunks: (string | Uint8Array)[] = [];
  /** About how many bytes wait (characters for text). */
  size = 0;
  add(data: string | Uint8Array): void {
    if (data.length === 0) return;
    this.chunks.push(data);
    this.size += data.length;
  }
  /** What waits, as one string or one buffer; the buffer is then empty. */
  take(): string | Uint8Array {
    const chunks = this.chunks;
    this.chunks = [];
    this.size = 0;
    if (chunks.length === 1) return chunks[0]!;
    if (chunks.every((c) => typeof c === "string")) return chunks.join("");
    return Buffer.concat(chunks.map((c) => (typeof c === "string" ? Buffer.from(c, "utf8") : c)));
  }
}

/** A sink over a file written as a whole: buffered, and a failed write aborts it (the target untouched). */
function fileSink(path: string, file: AtomicFile): OutputSink {
  const buffer = new WriteBuffer();
  const attempt = async (step: () => Promise<void>) => {
    try {
      await step();
    } catch (e) {
      await file.abort();
      throw cannotWrite(path, e as Error);
    }
  };
  return {
    async write(data) {
      buffer.add(data);
      if (buffer.size < 1 << 16) return;
      const chunk = buffer.take();
      await attempt(() => file.write(chunk));
    },
    async close() {
      await attempt(async () => {
        await file.write(buffer.take());
        await file.commit();
      });
    },
    abort: () => file.abort(),
  };
}

/** Figures of a batch, printed at the end on stderr. */
interface BatchSummary {
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
  /** Text, or bytes already encoded as UTF-8. */
  write(data: string | Uint8Array): Promise<void>;
  /** Finish: a file is now in place, whole. */
  close(): Promise<void>;
  /** Give up after an error: a file is not written at all. */
  abort(): Promise<void>;
}
