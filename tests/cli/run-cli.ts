// The CLI run in this process through run(argv, io), for tests: stdout and stderr captured, no TTY
// unless asked, the environment only what the test gives. Much cheaper than a child process (no Node
// start, no bundle), so most CLI tests use it; tests/cli/process.test.ts keeps the process-level checks.
import { Writable } from "node:stream";
import { run } from "../../src/cli/run.js";

/** What a run of the CLI gave. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A stream that keeps what is written to it; `isTTY` and `columns` as a terminal's stream has them. */
export class Capture extends Writable {
  private readonly chunks: Buffer[] = [];
  constructor(
    readonly isTTY = false,
    readonly columns?: number,
  ) {
    super();
  }
  override _write(chunk: Buffer | string, encoding: BufferEncoding, done: (e?: Error | null) => void): void {
    this.chunks.push(typeof chunk === "string" ? Buffer.from(chunk, encoding) : chunk);
    done();
  }
  get text(): string {
    return Buffer.concat(this.chunks).toString("utf8");
  }
}

/** Options of runCli. */
export interface RunOptions {
  /** The environment the run sees (nothing else from process.env). */
  env?: Record<string, string>;
  /** Pretend stderr is a terminal this wide: colours and the progress bar. */
  tty?: { columns: number };
}

/**
 * Run `upr-matrix ARGS...` in this process. Files are read in this thread (`--jobs 1`) unless the
 * arguments ask for worker threads: a worker started from the TypeScript sources takes a second or two
 * to load them.
 * @example
 * const { code, stdout, stderr } = await runCli(["parse", "fixtures/upr-info.csv", "--format", "summary"]);
 */
export async function runCli(args: readonly string[], options: RunOptions = {}): Promise<Run> {
  const stdout = new Capture();
  const stderr = new Capture(Boolean(options.tty), options.tty?.columns);
  const jobs = args.some((a) => a === "-j" || a === "--jobs" || a.startsWith("--jobs=")) ? [] : ["--jobs", "1"];
  const code = await run([...jobs, ...args], { stdout, stderr, env: { ...options.env }, isTTY: Boolean(options.tty) });
  return { code, stdout: stdout.text, stderr: stderr.text };
}
