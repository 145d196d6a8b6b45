// pdf.js runs its parser in the reading thread (a "fake worker"). On some damaged PDFs (a broken
// cross-reference entry) it rejects an internal promise nobody awaits, after the read has already ended
// with its diagnostic; Node would then end the whole thread. Only threads that read PDFs install this.

// The errors pdf.js itself throws (util.js BaseException and its kin), by name.
const PDFJS_ERRORS = new Set(["XRefEntryException", "XRefParseException", "FormatError", "MissingDataException", "ParserEOFException", "InvalidPDFException", "UnknownErrorException", "UnexpectedResponseException", "PasswordException", "AbortException"]);

/**
 * In this thread, ignore a rejection nobody handled when it is one of pdf.js's own errors (its read has
 * already been answered); any other unhandled rejection still ends the thread as Node does by default.
 * @example
 * ignoreStrayPdfJsRejections(); // at the top of a worker thread that runs pdf.js
 */
export function ignoreStrayPdfJsRejections(): void {
  process.on("unhandledRejection", (reason) => {
    if (PDFJS_ERRORS.has((reason as Error | undefined)?.name ?? "")) return;
    throw reason;
  });
}
