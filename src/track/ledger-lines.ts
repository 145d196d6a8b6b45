// Reading a ledger kept as JSON Lines, from bytes in chunks (a file stream, a fetch body, browser
// storage): line by line with a bound on a line's length, so that a huge or damaged line costs that
// line only. A file that is not a ledger at all (another file given by mistake, a ledger re-saved as
// UTF-16) is refused as a whole, in one line, rather than read as thousands of damaged lines.
import * as z from "zod";
import { MatrixError, resolveOptions } from "../errors/matrix-error.js";
import type { Code, Diagnostic } from "../schema/diagnostic.js";
import { StatusEvent } from "../schema/status.js";
import { concatBytes } from "../internal/bytes.js";
import type { LedgerRead } from "./store.js";

/** Options for reading a ledger's lines. */
export const LedgerLinesOptions = z.object({
  /** The file name given in diagnostics. */
  file: z.string().default("ledger.jsonl"),
  /** A longer line is skipped with a `limit-exceeded` error, without being held in memory. Default 64 MiB. */
  maxLineBytes: z.int().positive().default(64 * 1024 * 1024),
  /** Diagnostics listed one by one per code; the rest are counted in one more. Default 20. */
  maxReported: z.int().nonnegative().default(20),
});
export type LedgerLinesOptions = z.input<typeof LedgerLinesOptions>;

/** How the lines of a ledger were used: `lines` (non-blank) is the sum of the others. */
export interface LedgerCounts {
  lines: number;
  events: number;
  /** Events whose id was seen before (read once). */
  duplicates: number;
  /** Lines that are not complete JSON (cut by a crash, or edited by hand). */
  torn: number;
  /** Complete JSON that is not a valid event, or bytes that are not UTF-8. */
  invalid: number;
  /** Lines longer than `maxLineBytes`. */
  tooLong: number;
}

const PREVIEW = 4096;
const utf8 = new TextDecoder("utf-8", { fatal: true });
const lenient = new TextDecoder("utf-8");

// How a line starts: an event (JSON Lines written by `appendLedgerFile` start with {"eventId"), a
// line cut before its id was written, or something else.
function lineStart(line: Uint8Array): "event" | "cut" | "other" {
  const t = lenient.decode(line.subarray(0, PREVIEW));
  if (t.startsWith("{") && t.includes('"eventId"')) return "event";
  return '{"eventId"'.startsWith(t) ? "cut" : "other";
}

const quote = (s: string) => {
  const one = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ").trim();
  return one.length > 80 ? `${one.slice(0, 80)}…` : one;
};

// Bytes of a line that was cut in the middle of a character: valid UTF-8 once its last 1-3 bytes go.
function cutMidCharacter(bytes: Uint8Array): boolean {
  for (let drop = 1; drop <= 3 && drop < bytes.length; drop++) {
    try {
      utf8.decode(bytes.subarray(0, bytes.length - drop));
      return true;
    } catch {
      // try one byte less
    }
  }
  return false;
}

/**
 * Read a JSON Lines ledger from chunks of bytes: every complete, valid event (each id once), with
 * diagnostics for a line that is not complete JSON (`ledger-torn-line`, warning), JSON that is not a
 * valid event or bytes that are not UTF-8 (`ledger-invalid-event`, error), a line over the length
 * bound (`limit-exceeded`, error) and events written twice (`ledger-duplicate-event`, info). A leading
 * byte-order mark is ignored. Throws `MatrixError("not-a-ledger")` when the bytes are not a ledger
 * (UTF-16, or a first line that is not an event).
 * @example
 * const { events, diagnostics, counts } = await readLedgerLines([new TextEncoder().encode(text)], { file: "ledger.jsonl" });
 */
export async function readLedgerLines(
  chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  options: LedgerLinesOptions = {},
): Promise<LedgerRead & { counts: LedgerCounts }> {
  const { file, maxLineBytes, maxReported } = resolveOptions(LedgerLinesOptions, options, "readLedgerLines");
  const events: StatusEvent[] = [];
  const diagnostics: Diagnostic[] = [];
  const counts: LedgerCounts = { lines: 0, events: 0, duplicates: 0, torn: 0, invalid: 0, tooLong: 0 };
  const ids = new Set<string>();
  const reported = new Map<Code, { shown: number; more: number; firstMore: number }>();
  let firstDuplicate = 0;
  let lineNo = 0;
  // Is this a ledger? Decided by its first non-blank line, or its second when the first was cut short.
  let verdict: "unknown" | "cut" | "ledger" = "unknown";
  let firstLine = "";

  const report = (d: Diagnostic) => {
    const r = reported.get(d.code) ?? { shown: 0, more: 0, firstMore: 0 };
    reported.set(d.code, r);
    if (r.shown < maxReported) {
      r.shown++;
      diagnostics.push(d);
    } else {
      r.more++;
      r.firstMore ||= d.place?.line ?? 0;
    }
  };

  const notALedger = (why: string) => {
    throw new MatrixError("not-a-ledger", `${file} is not a tracking ledger: ${why}.`, [{ code: "file-error", severity: "error", message: `Not a tracking ledger: ${why}.`, place: { file } }]);
  };

  // One line, complete or cut short at the end of the input (`last`), or too long (`length` > bound).
  const take = (bytes: Uint8Array, length: number, last: boolean) => {
    lineNo++;
    let end = bytes.length;
    while (end > 0 && (bytes[end - 1] === 0x0d || bytes[end - 1] === 0x20 || bytes[end - 1] === 0x09)) end--;
    let start = 0;
    while (start < end && (bytes[start] === 0x20 || bytes[start] === 0x09)) start++;
    if (length <= maxLineBytes && start === end) return; // blank
    const line = bytes.subarray(start, end);
    if (verdict !== "ledger") {
      const kind = lineStart(line);
      if (kind === "event") verdict = "ledger";
      else if (kind === "cut" && verdict === "unknown") {
        verdict = "cut";
        firstLine = lenient.decode(line);
      } else if (line.includes(0)) notALedger("it holds NUL bytes (saved as UTF-16, or not a text file); save it as UTF-8");
      else {
        const shown = quote(lenient.decode(line.subarray(0, PREVIEW)));
        notALedger(verdict === "cut" ? `its first lines are not events (they read: ${quote(firstLine)} … ${shown})` : `its first line is not an event (it reads: ${shown})`);
      }
    }
    counts.lines++;
    const place = { file, line: lineNo };
    if (length > maxLineBytes) {
      counts.tooLong++;
      report({
        code: "limit-exceeded",
        severity: "error",
        message: `Line ${lineNo} is ${length} bytes long, over the ${maxLineBytes}-byte bound for one event; skipped. Every other event is read.`,
        place,
        actual: quote(lenient.decode(line.subarray(0, 80))),
      });
      return;
    }
    let text: string;
    try {
      text = utf8.decode(line);
    } catch {
      if (!(last || cutMidCharacter(line))) {
        counts.invalid++;
        report({ code: "ledger-invalid-event", severity: "error", message: `Line ${lineNo} is not UTF-8 text (the ledger was re-saved in another encoding?); skipped.`, place });
        return;
      }
      text = lenient.decode(line); // cut in the middle of a character: a torn line, below
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      counts.torn++;
      report({
        code: "ledger-torn-line",
        severity: "warning",
        message: last
          ? `The last line (${text.length} characters) was cut by a crash while being written; skipped. Every complete event is kept.`
          : `Line ${lineNo} is incomplete (cut by a crash while being written, or edited by hand); skipped. Every complete event is kept.`,
        place,
        actual: quote(text),
      });
      return;
    }
    const parsed = StatusEvent.safeParse(json);
    if (!parsed.success) {
      counts.invalid++;
      const issue = parsed.error.issues[0];
      const field = issue?.path.join(".") ?? "";
      report({
        code: "ledger-invalid-event",
        severity: "error",
        message: `Line ${lineNo} is not a valid event: ${field || "event"}: ${issue?.message ?? "invalid"}. Skipped.`,
        place: { ...place, ...(field ? { field } : {}) },
      });
      return;
    }
    if (ids.has(parsed.data.eventId)) {
      counts.duplicates++;
      firstDuplicate ||= lineNo;
      return;
    }
    ids.add(parsed.data.eventId);
    events.push(parsed.data);
    counts.events++;
  };

  // The current line: its first bytes (all of them while under the bound) and its full length.
  let parts: Uint8Array[] = [];
  let length = 0;
  let first = true;
  for await (const chunk of chunks) {
    let at = 0;
    if (first && chunk.length > 0) {
      first = false;
      if ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff)) notALedger("it is saved as UTF-16; save it as UTF-8");
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) at = 3; // a BOM left by an editor
    }
    while (at < chunk.length) {
      const nl = chunk.indexOf(0x0a, at);
      const piece = chunk.subarray(at, nl < 0 ? chunk.length : nl);
      if (nl >= 0 && parts.length === 0 && piece.length <= maxLineBytes) {
        take(piece, piece.length, false); // the common case: a whole line in one chunk, not copied
        at = nl + 1;
        continue;
      }
      // Past the bound only the first bytes are kept (for the message and the first-line check).
      if (length <= maxLineBytes) parts.push(piece.slice(0, Math.max(0, Math.min(piece.length, maxLineBytes + 1 - length))));
      length += piece.length;
      if (nl < 0) break;
      take(concatBytes(parts), length, false);
      parts = [];
      length = 0;
      at = nl + 1;
    }
  }
  if (length > 0) take(concatBytes(parts), length, true);

  if (counts.duplicates > 0) {
    diagnostics.push({
      code: "ledger-duplicate-event",
      severity: "info",
      message: `${counts.duplicates} event(s) were written twice (first at line ${firstDuplicate}); each is read once.`,
      place: { file, line: firstDuplicate },
    });
  }
  for (const [code, r] of reported) {
    if (r.more === 0) continue;
    const severity = code === "ledger-torn-line" ? "warning" : "error";
    diagnostics.push({ code, severity, message: `${r.more} more line(s) like the ones above (from line ${r.firstMore}) were skipped.`, place: { file, line: r.firstMore } });
  }
  return { events, diagnostics, counts };
}
