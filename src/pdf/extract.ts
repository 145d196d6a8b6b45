// The text of a PDF as lines with their places, through pdf.js (the legacy build, which runs on Node 20
// and in browsers). Bounded: the raw structure is checked first (guard.ts), then pages and time are
// counted; every failure is one diagnostic, never an exception.
import { getDocument, type PDFDocumentProxy } from "pdfjs-dist/legacy/build/pdf.mjs";
import { plain } from "../internal/quote.js";
import type { Diagnostic } from "../schema/diagnostic.js";
import type { Limits } from "../ingest/options.js";
import { guardPdf } from "./guard.js";
import { linesOfPage, type DocLine, type PdfTextItem } from "./lines.js";
import { isSectionHeading } from "./heading.js";

/** The text of a PDF. */
export interface PdfText {
  lines: DocLine[];
  pages: number;
  /** Problems; an error means the text could not be read (or not all of it). */
  diagnostics: Diagnostic[];
}


/**
 * Which pages to read: all of them, or those a Working Group report's reader needs (the first pages, for
 * the masthead and introduction, then from the last page back to the recommendations section's heading).
 */
export type PdfPages = "all" | "report";

/** First pages read in "report" mode: masthead, contents, introduction. */
const HEAD_PAGES = 4;

/** Characters per page below which a PDF counts as a scan without text. */
const SCAN_CHARS = 20;

class OutOfTime extends Error {}


function fail(file: string, code: Diagnostic["code"], message: string): PdfText {
  return { lines: [], pages: 0, diagnostics: [{ code, severity: "error", message, place: { file } }] };
}

/**
 * extractPdfText with limits already resolved (resolveLimits): what a worker thread runs, without
 * loading the option schemas (`checked`: the caller ran guardPdf already).
 * @example
 * const { lines } = await extractPdfTextWith(bytes, { file: "A_HRC_28_15.pdf", limits: resolveLimits({}) });
 */
export async function extractPdfTextWith(bytes: Uint8Array, options: { file: string; limits: Limits; pages?: PdfPages; checked?: boolean }): Promise<PdfText> {
  const { file, limits } = options;
  const started = performance.now();
  const deadline = started + limits.maxSeconds * 1000;
  if (bytes.length > limits.maxBytes) return fail(file, "limit-exceeded", `File is ${bytes.length} bytes, over the ${limits.maxBytes}-byte limit (limits.maxBytes).`);
  const problem = options.checked ? null : guardPdf(bytes, limits);
  if (problem) return fail(file, problem.code, problem.message);

  // Every wait is bounded by what is left of the time allowed.
  const inTime = <T>(p: Promise<T>): Promise<T> => {
    const left = deadline - performance.now();
    if (left <= 0) return Promise.reject(new OutOfTime());
    let timer: ReturnType<typeof setTimeout> | undefined;
    return Promise.race([p, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new OutOfTime()), left)))]).finally(() => clearTimeout(timer));
  };
  const diagnostics: Diagnostic[] = [];
  const lines: DocLine[] = [];
  let doc: PDFDocumentProxy | undefined;
  let pages = 0;
  let read = 0;
  let task: ReturnType<typeof getDocument> | undefined;
  try {
    task = getDocument({
      // pdf.js may take the buffer over, and refuses Node's Buffer: hand it a plain copy.
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      isOffscreenCanvasSupported: false,
      enableXfa: false,
      stopAtErrors: false,
      verbosity: 0,
    });
    doc = await inTime(task.promise);
    pages = doc.numPages;
    if (pages > limits.maxPages) {
      return fail(file, "limit-exceeded", `The PDF has ${pages} pages, over the ${limits.maxPages}-page limit (limits.maxPages); not read.`);
    }
    let chars = 0;
    const order = options.pages === "report" ? [...Array.from({ length: Math.min(HEAD_PAGES, pages) }, (_, i) => i + 1), ...Array.from({ length: Math.max(0, pages - HEAD_PAGES) }, (_, i) => pages - i)] : Array.from({ length: pages }, (_, i) => i + 1);
    const byPage = new Map<number, DocLine[]>();
    for (const p of order) {
      const page = await inTime(doc.getPage(p));
      const content = await inTime(page.getTextContent());
      const items: PdfTextItem[] = [];
      for (const it of content.items) {
        if (!("str" in it)) continue;
        const [a, b, c, , x, y] = it.transform as number[];
        // Rotated text (margin notes, watermarks) is not part of the running text.
        if (Math.abs(b ?? 0) > 1e-3 || Math.abs(c ?? 0) > 1e-3 || (a ?? 1) < 0) continue;
        items.push({ str: it.str, x: x ?? 0, y: y ?? 0, width: it.width, height: it.height });
        chars += it.str.trim().length;
      }
      const [, , , top] = page.view;
      const pageLines = linesOfPage(items, p, top);
      byPage.set(p, pageLines);
      page.cleanup();
      read++;
      // Read back from the end: the section starts on this page, the pages before it are not needed.
      if (options.pages === "report" && p > HEAD_PAGES && pageLines.some((l) => isSectionHeading(l.text))) break;
    }
    for (const p of [...byPage.keys()].sort((a, b) => a - b)) lines.push(...byPage.get(p)!);
    if (read > 0 && chars < SCAN_CHARS * read) {
      return fail(file, "no-text-layer", `This PDF has no text layer (${chars} characters on ${read} page(s)): it is a scan, its pages are images. Run OCR on it first (e.g. "ocrmypdf in.pdf out.pdf"), or get the text version of the document from the UN Official Document System (documents.un.org).`);
    }
  } catch (e) {
    const name = (e as Error)?.name ?? "";
    // pdf.js quotes the bytes it choked on: control characters escaped, so that the message stays one line.
    const message = plain(((e as Error)?.message ?? String(e)).split("\n")[0]!.slice(0, 200).replace(/\.+$/, ""));
    if (e instanceof OutOfTime) return fail(file, "limit-exceeded", `Reading this PDF took more than ${limits.maxSeconds} s (limits.maxSeconds); stopped after reading ${read} of ${pages || "?"} pages.`);
    if (name === "PasswordException") return fail(file, "encrypted-file", "This PDF is password-protected: its text cannot be read. Open it with its password and save or print it to a PDF without one, then read that.");
    if (name === "InvalidPDFException") return fail(file, "corrupt-file", `This is not a readable PDF (${message}): the file is damaged or truncated. Download it again.`);
    if (e instanceof RangeError) return fail(file, "limit-exceeded", `This PDF is nested too deeply to read (${message}): a damaged or hostile file.`);
    return fail(file, "corrupt-file", `Cannot read this PDF: ${message}. The file is damaged or not a PDF.`);
  } finally {
    await task?.destroy().catch(() => undefined);
  }
  return { lines, pages, diagnostics };
}
