import { stat } from "node:fs/promises";
import { availableParallelism, loadavg } from "node:os";
import type { Worker } from "node:worker_threads";
import type { Diagnostic } from "../schema/diagnostic.js";
import type { ParseResult } from "../schema/result.js";
import * as z from "zod";
import { resolveOptions } from "../errors/matrix-error.js";
import { ParseOptions } from "../ingest/options.js";
import { expandPaths } from "./expand-paths.js";
import { UNREADABLE } from "../ingest/parse-matrix.js";
import { spawnWorker } from "./spawn-worker.js";
import { CSV_STREAM_ABOVE, DEFAULT_PARTS, type PartsConfig } from "./read-parts.js";
import { ClassifyOptions } from "../classify/options.js";
import { type AfterRead, type Delivery, readTask, type FromWorker, type ToWorker } from "./task.js";

/** Files above this size (bytes) are read one at a time, beside any number of smaller ones. */
const LARGE_FILE = 2 * 1024 * 1024;

/**
 * With `jobs: "auto"` (the default), worker threads start only when the files besides the largest one
 * hold at least this many bytes: below it, each worker's start (about 0.4 s of CPU: modules, compiled
 * code, a heap of its own) and its extra garbage collection cost more than reading in parallel saves
 * (docs/cli.md "Benchmarks" has the figures); one file is read by one thread whatever its size.
 * @example
 * const parallel = totalBytes - largestBytes >= PARALLEL_MIN_BYTES; // what jobs "auto" weighs
 */
export const PARALLEL_MIN_BYTES = 16 * 1024 * 1024;

/**
 * Results read ahead of the one being handed over wait in memory up to this many bytes (rendered text,
 * or about 1 KiB per recommendation as objects); past it, readers wait for the consumer (backpressure).
 */
const AHEAD_BYTES = 16 * 1024 * 1024;

/** Names of files that are CSV text (a hint for scheduling only: the reader tells the format from the bytes). */
const CSV_NAME = /\.(csv|tsv|txt)$/i;

/**
 * Young generation of each worker, MB. V8's default (up to 48 MB a thread) took the batch benchmark's
 * peak to 355-384 MB; 24 MB gave 316 MB for no measurable CPU; 8 MB (before) doubled the workers'
 * garbage-collection time.
 */
const YOUNG_GENERATION_MB = 24;

/** A recommendation held as objects, in bytes: roughly what it costs to keep (for AHEAD_BYTES). */
const OBJECT_BYTES = 1024;

/** Options of processFiles: the parse options every file gets, and how the batch runs. */
export const ProcessOptions = ParseOptions.omit({ file: true }).extend({
  /**
   * Worker threads reading files in parallel; 1 reads in this thread. Default "auto": as many as there
   * are cores, when the input is large enough to pay for them (see PARALLEL_MIN_BYTES), else 1.
   */
  jobs: z.union([z.int().min(1).max(256), z.literal("auto")]).optional(),
  /** Called once, before any file is read, with how the batch runs (threads and why). */
  onPlan: z.custom<(plan: BatchPlan) => void>((v) => typeof v === "function", "must be a function").optional(),
  /** Called as files are read (from this thread; keep it cheap). */
  onProgress: z.custom<(progress: BatchProgress) => void>((v) => typeof v === "function", "must be a function").optional(),
  /**
   * Workbooks and documents whose XML declares more than this many bytes once inflated, and CSV files
   * larger than this (or than 4 MiB), are handed over in parts; default 16 MiB.
   */
  streamAbove: z.number().nonnegative().optional(),
  /** A file read in parts is handed over every `partSize` recommendations or so; default 5,000. */
  partSize: z.int().positive().optional(),
  /** Heap limit of each worker thread in MB; a file needing more is reported, not fatal. Default 1024. */
  workerMemoryMb: z.int().min(16).optional(),
  /**
   * Have the workers write the recommendations as text, in parallel, instead of sending objects back:
   * "jsonl" (one JSON object per line) or "json" (the elements of the JSON document's array). Then
   * `recommendations` is empty and `rendered` holds the text. For writers of large outputs.
   */
  render: z.enum(["jsonl", "json"]).optional(),
  /**
   * Classify the recommendations as they are read, in the workers (see classify()): themes, persons,
   * SDGs, issues and action categories filled in parallel; classify's diagnostics join the file's.
   */
  classify: ClassifyOptions.optional(),
});
export type ProcessOptions = z.input<typeof ProcessOptions>;

/** What one file gave: a ParseResult plus where it stands in the batch. */
export interface FileResult extends ParseResult {
  /** The path as expanded (also `place.file` in recommendations and diagnostics). */
  path: string;
  /** Position of the file in the batch (results come in this order). */
  index: number;
  /** 0 for the first part of a file; a large file read as a stream comes in several parts. */
  part: number;
  /** True on the last part of a file (for most files, the only one): it carries the file's `sources`. */
  final: boolean;
  /** Size of the file in bytes (0 when it could not be read). */
  bytes: number;
  /** Milliseconds spent reading the file (on the final part). */
  ms: number;
  /** The file could not be read at all: missing, unsupported or damaged (final part). */
  unreadable: boolean;
  /** Recommendations in this result: `recommendations.length`, or those in `rendered`. */
  count: number;
  /** With the `render` option: the recommendations as UTF-8 text (write the bytes as they are). */
  rendered?: Uint8Array;
}

/**
 * How a batch runs: in this thread or in worker threads, and why (processFiles' `onPlan`).
 * @example
 * processFiles(["exports/"], { onPlan: (p) => console.error(`${p.threads} thread(s): ${p.reason}`) });
 */
export interface BatchPlan {
  /** Files to read (patterns that matched nothing aside). */
  files: number;
  /** Their size in bytes. */
  bytes: number;
  /** Threads reading: 1 is this thread; more are worker threads. */
  threads: number;
  /** Why, in a sentence (for `--verbose`). */
  reason: string;
}

/** How far a batch has got. */
export interface BatchProgress {
  files: number;
  filesDone: number;
  bytes: number;
  bytesDone: number;
  recommendations: number;
  errors: number;
  warnings: number;
  elapsedMs: number;
}

type Sink = (part: Delivery) => Promise<void>;

interface Runner {
  run(path: string, emit: Sink): Promise<Delivery>;
  close(): Promise<void>;
}

function count(progress: BatchProgress, diagnostics: readonly Diagnostic[]): void {
  for (const d of diagnostics) {
    if (d.severity === "error") progress.errors++;
    else if (d.severity === "warning") progress.warnings++;
  }
}

// The heap limit fails a file that needs too much; memory is otherwise bounded by backpressure (parts
// and results read ahead wait, see AHEAD_BYTES) and a young generation of moderate size.
function batchWorker(memoryMb: number): Worker {
  return spawnWorker("worker", { maxOldGenerationSizeMb: memoryMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB });
}

class WorkerSlot {
  private worker: Worker;
  private task: { id: number; emit: Sink; resolve: (r: Delivery) => void; file: string } | null = null;
  private nextId = 0;

  constructor(
    private readonly options: ParseOptions,
    private readonly config: PartsConfig,
    private readonly memoryMb: number,
    private readonly after: AfterRead,
  ) {
    this.worker = this.spawn();
  }

  private spawn(): Worker {
    const w = batchWorker(this.memoryMb);
    w.unref();
    w.on("message", (m: FromWorker) => {
      const t = this.task;
      if (!t || m.id !== t.id) return;
      if (m.type === "part") void t.emit(m.part).then(() => w.postMessage({ type: "ack", id: m.id } satisfies ToWorker));
      else {
        this.task = null;
        w.unref();
        t.resolve(m.result);
      }
    });
    w.on("error", (e: Error & { code?: string }) => this.crashed(w, e));
    w.on("exit", (code) => this.crashed(w, new Error(`worker stopped with exit code ${code}`)));
    return w;
  }

  // A worker that dies (out of memory, a crash in a dependency) fails its file only; a new one takes its place.
  private crashed(w: Worker, e: Error & { code?: string }): void {
    if (w !== this.worker) return;
    const t = this.task;
    this.task = null;
    this.worker = this.spawn();
    if (!t) return;
    const oom = e.code === "ERR_WORKER_OUT_OF_MEMORY";
    t.resolve({
      count: 0,
      recommendations: [],
      diagnostics: [
        oom
          ? { code: "limit-exceeded", severity: "error", message: `Reading this file needed more than the ${this.memoryMb} MB a worker may use (raise --worker-memory); the other files were read.`, place: { file: t.file } }
          : { code: "file-error", severity: "error", message: `The reader stopped on this file (${e.message}); the other files were read.`, place: { file: t.file } },
      ],
      sources: [],
    });
  }

  run(path: string, emit: Sink): Promise<Delivery> {
    const id = ++this.nextId;
    return new Promise((resolve) => {
      this.task = { id, emit, resolve, file: path };
      this.worker.ref();
      this.worker.postMessage({ type: "read", id, path, options: { ...this.options, file: path }, config: this.config, after: this.after } satisfies ToWorker);
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null as unknown as Worker; // exits after this are expected
    await w.terminate();
  }
}

function workerRunner(options: ParseOptions, config: PartsConfig, memoryMb: number, after: AfterRead): Runner {
  const idle: WorkerSlot[] = [];
  const all: WorkerSlot[] = [];
  return {
    async run(path, emit) {
      let slot = idle.pop();
      if (!slot) {
        slot = new WorkerSlot(options, config, memoryMb, after);
        all.push(slot);
      }
      try {
        return await slot.run(path, emit);
      } finally {
        idle.push(slot);
      }
    },
    async close() {
      await Promise.all(all.map((s) => s.close()));
    },
  };
}

function localRunner(options: ParseOptions, config: PartsConfig, after: AfterRead): Runner {
  return {
    run: (path, emit) => readTask({ type: "read", id: 0, path, options: { ...options, file: path }, config, after }, emit),
    close: async () => {},
  };
}

/**
 * How many threads read the batch. An explicit `jobs` is taken as asked (no more than the files);
 * "auto" uses the cores only when the files besides the largest hold PARALLEL_MIN_BYTES or more.
 */
function planThreads(sizes: readonly number[], jobs: number | "auto" | undefined): { threads: number; reason: string } {
  const n = sizes.length;
  if (typeof jobs === "number") {
    const threads = Math.max(1, Math.min(jobs, n));
    return { threads, reason: threads === 1 ? "jobs is 1" : `jobs is ${jobs}${threads < jobs ? `, ${n} files` : ""}` };
  }
  const cores = availableParallelism();
  if (cores < 2) return { threads: 1, reason: "one core" };
  if (n < 2) return { threads: 1, reason: "one file is read by one thread" };
  // Workers pay only with idle cores: on busy ones they cost CPU (their own start, heaps and garbage
  // collection) and read no faster. loadavg() is [0, 0, 0] where the system does not tell (Windows).
  const load = loadavg()[0]!;
  if (load >= cores) return { threads: 1, reason: `the ${cores} cores are busy, load average ${load.toFixed(1)}` };
  const total = sizes.reduce((a, b) => a + b, 0);
  const rest = total - sizes.reduce((a, b) => Math.max(a, b), 0);
  const mb = (b: number) => `${(b / 1e6).toFixed(1)} MB`;
  if (rest < PARALLEL_MIN_BYTES) return { threads: 1, reason: `${mb(rest)} besides the largest file, under the ${mb(PARALLEL_MIN_BYTES)} that pay for worker threads` };
  return { threads: Math.min(cores, n), reason: `${n} files, ${mb(total)}` };
}

/**
 * Read many matrix files (paths, folders read recursively, glob patterns) in parallel worker threads,
 * yielding one result per file in input order; a large file read as a stream comes in parts (`final`
 * marks its last one). One bad file never stops the batch: it gives a result with error diagnostics.
 * Memory stays bounded: results read ahead of the one handed over wait up to AHEAD_BYTES, then the
 * readers wait for the consumer. With `render`, the workers write the JSON text and hand it over as
 * bytes. By default (`jobs: "auto"`) workers start only when the input pays for them (see onPlan).
 * @example
 * for await (const r of processFiles(["exports/"], { jobs: 4, onProgress: (p) => console.error(p.filesDone, "/", p.files) })) {
 *   for (const rec of r.recommendations) out.write(`${JSON.stringify(rec)}\n`);
 *   if (r.final && r.unreadable) console.error(`${r.path}: could not be read`);
 * }
 */
export async function* processFiles(paths: readonly string[], options: ProcessOptions = {}): AsyncGenerator<FileResult, void, undefined> {
  // Bad options throw here, once, not in every worker; the workers get the options as given.
  resolveOptions(ProcessOptions, options, "processFiles");
  const { jobs: jobsOption, onProgress, onPlan, streamAbove, partSize, workerMemoryMb, render, classify, ...parseOptions } = options;
  const after: AfterRead = { ...(render ? { render } : {}), ...(classify ? { classify } : {}) };
  const config: PartsConfig = { streamAbove: streamAbove ?? DEFAULT_PARTS.streamAbove, partSize: partSize ?? DEFAULT_PARTS.partSize };
  const started = performance.now();
  const { files, unmatched } = await expandPaths(paths);
  const sizes = await Promise.all(files.map((f) => stat(f).then((s) => (s.isFile() ? s.size : 0), () => 0)));
  const progress: BatchProgress = {
    files: files.length + unmatched.length,
    filesDone: 0,
    bytes: sizes.reduce((a, b) => a + b, 0),
    bytesDone: 0,
    recommendations: 0,
    errors: 0,
    warnings: 0,
    elapsedMs: 0,
  };
  const report = () => {
    progress.elapsedMs = performance.now() - started;
    onProgress?.({ ...progress });
  };

  for (const [i, pattern] of unmatched.entries()) {
    const diagnostics: Diagnostic[] = [{ code: "file-error", severity: "error", message: "No file matches this pattern.", place: { file: pattern } }];
    progress.filesDone++;
    count(progress, diagnostics);
    report();
    yield { recommendations: [], diagnostics, sources: [], path: pattern, index: i, part: 0, final: true, bytes: 0, ms: 0, unreadable: true, count: 0 };
  }
  if (files.length === 0) return;

  const plan = planThreads(sizes, jobsOption);
  const jobs = plan.threads;
  onPlan?.({ files: files.length, bytes: progress.bytes, threads: jobs, reason: plan.reason });
  const runner = jobs === 1 ? localRunner(parseOptions, config, after) : workerRunner(parseOptions, config, workerMemoryMb ?? 1024, after);
  type Item = { result: FileResult; weight: number; ack?: () => void };
  const queues = new Map<number, Item[]>();
  let wake: (() => void) | null = null;
  const notify = () => {
    const w = wake;
    wake = null;
    w?.();
  };
  // Files not started yet, in input order; `head` is the file being handed over.
  const waiting = files.map((_, i) => i);
  let head = 0;
  let running = 0;
  let largeRunning = 0;
  // Bytes of results read ahead and waiting to be handed over (see AHEAD_BYTES).
  let ahead = 0;
  // Files started beyond the head: bounds what waits in memory when results are small.
  const window = Math.max(jobs * 16, 32);
  const base = unmatched.length;

  const start = () => {
    for (let k = 0; k < waiting.length && running < jobs; ) {
      const i = waiting[k]!;
      // The file being handed over always starts (nothing else can move until it does); others
      // within the window and the budget of results read ahead.
      if (i !== head && (i >= head + window || ahead >= AHEAD_BYTES)) break;
      // Two large files read whole at once are most of the peak memory of a batch: one at a time, and
      // smaller files after a waiting large one go ahead of it. A CSV file that large is read as a
      // stream (bounded by its parts), so it may run beside one.
      const large = sizes[i]! > LARGE_FILE && !(CSV_NAME.test(files[i]!) && sizes[i]! > Math.min(streamAbove ?? DEFAULT_PARTS.streamAbove, CSV_STREAM_ABOVE));
      if (large && largeRunning > 0 && i !== head) {
        k++;
        continue;
      }
      waiting.splice(k, 1);
      if (large) largeRunning++;
      const path = files[i]!;
      const queue: Item[] = [];
      queues.set(i, queue);
      running++;
      let part = 0;
      const t0 = performance.now();
      const shell = (r: Delivery, final: boolean): FileResult => ({
        recommendations: r.recommendations,
        diagnostics: r.diagnostics,
        sources: r.sources,
        count: r.count,
        ...(r.rendered !== undefined ? { rendered: r.rendered } : {}),
        path,
        index: base + i,
        part: part++,
        final,
        bytes: sizes[i]!,
        ms: final ? performance.now() - t0 : 0,
        unreadable: final && r.sources.length === 0 && r.diagnostics.some((d) => UNREADABLE.has(d.code)),
      });
      const queued = (r: Delivery, final: boolean, ack?: () => void) => {
        const weight = r.rendered ? r.rendered.byteLength : r.count * OBJECT_BYTES;
        ahead += weight;
        // A part within the budget lets its reader go on at once; past it, when the part is taken.
        const early = ack && ahead <= AHEAD_BYTES;
        if (early) ack();
        queue.push({ result: shell(r, final), weight, ...(ack && !early ? { ack } : {}) });
        progress.recommendations += r.count;
        count(progress, r.diagnostics);
      };
      const emit = (p: Delivery) =>
        new Promise<void>((ack) => {
          queued(p, false, ack);
          report();
          notify();
        });
      void runner.run(path, emit).then((r) => {
        queued(r, true);
        running--;
        if (large) largeRunning--;
        progress.filesDone++;
        progress.bytesDone += sizes[i]!;
        report();
        start();
        notify();
      });
    }
  };

  try {
    start();
    while (head < files.length) {
      const item = queues.get(head)!.shift();
      if (!item) {
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      ahead -= item.weight;
      item.ack?.(); // the reader may go on with its next part
      yield item.result;
      if (item.result.final) {
        queues.delete(head);
        head++;
      }
      start();
    }
  } finally {
    await runner.close();
  }
}
