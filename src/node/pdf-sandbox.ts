import { resolveLimits, type Limits } from "../ingest/options.js";
import type { PdfPages, PdfText } from "../pdf/extract.js";
import { guardPdf } from "../pdf/guard.js";
import { spawnWorker } from "./spawn-worker.js";

/** Heap a PDF's worker thread may use, in MB. */
export const PDF_WORKER_MEMORY_MB = 1024;

/** The pdf.js modules a worker loads: the library, and the part that normally runs in its own worker. */
const PDFJS_MODULES = ["pdfjs-dist/legacy/build/pdf.mjs", "pdfjs-dist/legacy/build/pdf.worker.mjs"];

/** Seconds given to start the worker and load pdf.js, on top of limits.maxSeconds. */
const START_SECONDS = 10;

/**
 * Read a PDF's text layer (extractPdfText) in a worker thread of its own, which is stopped when it
 * overruns limits.maxSeconds or its heap: a hostile PDF that hangs or floods pdf.js cannot hang or crash
 * the caller. Every outcome is a PdfText; failures are one error diagnostic.
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
    // From sources, pdf.js is loaded before tsx (see pdf-worker.ts): tsx would take seconds over it.
    const worker = spawnWorker("pdf-worker", { maxOldGenerationSizeMb: PDF_WORKER_MEMORY_MB }, PDFJS_MODULES.map((m) => import.meta.resolve(m)));
    let done = false;
    const finish = (text: PdfText) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(text);
    };
    const timer = setTimeout(
      () => finish(fail("limit-exceeded", `Reading this PDF took more than ${limits.maxSeconds} s (limits.maxSeconds): stopped.`)),
      (limits.maxSeconds + START_SECONDS) * 1000,
    );
    worker.once("message", (text: PdfText) => finish(text));
    worker.once("error", (e: Error & { code?: string }) =>
      finish(
        e.code === "ERR_WORKER_OUT_OF_MEMORY"
          ? fail("limit-exceeded", `Reading this PDF needed more than ${PDF_WORKER_MEMORY_MB} MB of memory: a damaged or hostile file; stopped.`)
          : fail("corrupt-file", `Cannot read this PDF: ${(e.message ?? String(e)).split("\n")[0]}.`),
      ),
    );
    worker.once("exit", (code) => finish(fail("corrupt-file", `The PDF reader stopped (exit code ${code}) on this file.`)));
    worker.postMessage({ bytes, file: options.file, limits, pages: options.pages });
  });
}
