import { resolveLimits, type Limits } from "../ingest/options.js";
import type { PdfPages, PdfText } from "../pdf/extract.js";
import { guardPdf } from "../pdf/guard.js";
import type { Worker } from "node:worker_threads";
import { spawnWorker } from "./spawn-worker.js";

/** Heap a PDF's worker thread may use, in MB. */
export const PDF_WORKER_MEMORY_MB = 1024;

/** The pdf.js modules a worker loads: the library, and the part that normally runs in its own worker. */
const PDFJS_MODULES = ["pdfjs-dist/legacy/build/pdf.mjs", "pdfjs-dist/legacy/build/pdf.worker.mjs"];

/** Seconds given to start the worker and load pdf.js, on top of limits.maxSeconds. */
const START_SECONDS = 10;

/**
 * A worker that read its last PDF cleanly, kept for the next one (a batch of reports loads pdf.js once):
 * unreferenced, it does not keep the process alive. One that overran, crashed or ran out of heap is
 * never reused.
 */
let spare: Worker | null = null;
let nextId = 0;

function newWorker(): Worker {
  const w = spawnWorker("pdf-worker", { maxOldGenerationSizeMb: PDF_WORKER_MEMORY_MB }, PDFJS_MODULES.map((m) => import.meta.resolve(m)));
  // pdf.js may fail after its read was answered (a promise it rejects later): a worker kept idle then
  // dies or reports an error with no read listening. That must neither reach the caller as an unhandled
  // 'error' event nor leave a dead worker to be handed the next PDF (which would wait for its time limit).
  const drop = () => {
    if (spare === w) spare = null;
  };
  w.on("error", () => {
    drop();
    void w.terminate();
  });
  w.on("exit", drop);
  return w;
}

function takeWorker(): Worker {
  const w = spare ?? newWorker();
  spare = null;
  w.ref();
  return w;
}

function keepWorker(w: Worker): void {
  w.unref();
  if (spare) void w.terminate();
  else spare = w;
}

/**
 * Read a PDF's text layer (extractPdfText) in a worker thread, which is stopped when it overruns
 * limits.maxSeconds or its heap: a hostile PDF that hangs or floods pdf.js cannot hang or crash the
 * caller. A worker that read its PDF cleanly serves the next one. Every outcome is a PdfText; failures
 * are one error diagnostic.
 * @example
 * const { lines, diagnostics } = await extractPdfTextIsolated(bytes, { file: "report.pdf", limits: {} });
 */
export function extractPdfTextIsolated(bytes: Uint8Array, options: { file: string; limits: Partial<Limits>; pages?: PdfPages }): Promise<PdfText> {
  const limits = resolveLimits(options.limits);
  const fail = (code: "limit-exceeded" | "corrupt-file", message: string): PdfText => ({ lines: [], pages: 0, diagnostics: [{ code, severity: "error", message, place: { file: options.file } }] });
  // Bombs and deep nesting are refused here, without starting a worker (the guard itself is bounded).
  const problem = guardPdf(bytes, limits);
  if (problem) return Promise.resolve(fail(problem.code, problem.message));
  return new Promise((resolve) => {
    // From sources, pdf.js is loaded before tsx (see spawnWorker and pdf-worker.ts): tsx would take seconds over it.
    const worker = takeWorker();
    const id = ++nextId;
    let done = false;
    const finish = (text: PdfText, healthy: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      if (healthy) keepWorker(worker);
      else void worker.terminate();
      resolve(text);
    };
    const onMessage = (m: { id: number; text: PdfText }) => {
      if (m.id === id) finish(m.text, true);
    };
    const onError = (e: Error & { code?: string }) =>
      finish(
        e.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? fail("limit-exceeded", `Reading this PDF needed more than ${PDF_WORKER_MEMORY_MB} MB of memory: a damaged or hostile file; stopped.`)
          : fail("corrupt-file", `Cannot read this PDF: ${(e.message ?? String(e)).split("\n")[0]}.`),
        false,
      );
    const onExit = (code: number) => finish(fail("corrupt-file", `The PDF reader stopped (exit code ${code}) on this file.`), false);
    const timer = setTimeout(
      () => finish(fail("limit-exceeded", `Reading this PDF took more than ${limits.maxSeconds} s (limits.maxSeconds): stopped.`), false),
      (limits.maxSeconds + START_SECONDS) * 1000,
    );
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage({ id, bytes, file: options.file, limits, pages: options.pages });
  });
}
