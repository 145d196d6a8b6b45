// A worker thread that reads PDFs' text layers, one after another, and posts them back (see pdf-sandbox.ts): pdf.js runs
// here, where the main thread can stop it.
import { parentPort } from "node:worker_threads";
import type { Limits } from "../ingest/options.js";
import { extractPdfTextWith, type PdfPages } from "../pdf/extract.js";
import { ignoreStrayPdfJsRejections } from "./pdf-stray.js";

ignoreStrayPdfJsRejections();

// pdf.js runs its parsing part in this thread (a "fake worker"); given here, it is not imported again.
const g = globalThis as { pdfjsWorker?: unknown; __uprMatrixPreloaded?: unknown[] };
g.pdfjsWorker ??= g.__uprMatrixPreloaded?.[1] ?? (await import("pdfjs-dist/legacy/build/pdf.worker.mjs"));

// One PDF after another (see pdf-sandbox.ts). The limits come resolved from the main thread: the option
// schemas (zod) are not loaded here.
parentPort?.on("message", (m: { id: number; bytes: Uint8Array; file: string; limits: Limits; pages?: PdfPages }) => {
  void extractPdfTextWith(m.bytes, { file: m.file, limits: m.limits, ...(m.pages ? { pages: m.pages } : {}), checked: true }).then((text) => parentPort!.postMessage({ id: m.id, text }));
});
