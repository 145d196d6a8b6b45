// The CSV row source: bytes (or text) pushed in chunks, decoded by one incremental decoder, line breaks
// of every kind split outside quotes, records cut by papaparse's parser and pushed one at a time. A
// whole file is one chunk: whole and streamed reads run the same code.
import Papa from "papaparse";
import type { Diagnostic } from "../schema/diagnostic.js";
import type { ParseResult } from "../schema/result.js";
import { findUncleanCharBesidesBreaks } from "../internal/text.js";
import { quote } from "../internal/quote.js";
import { IncrementalDecoder } from "./decode.js";
import { requireRecommendations } from "./guard.js";
import { type ParseOptions, type ResolvedParseOptions, resolveParseOptions } from "./options.js";
import { failed } from "./result.js";
import { TableSink, type RowSink } from "./tables.js";

/** The delimiters CSV exports use, in the order papaparse tries them. */
export const CSV_DELIMITERS: readonly string[] = [",", ";", "\t", "|"];

/** Text papaparse's guesses look at before parsing starts (its own line-break guess reads 1 MiB). */
const GUESS_CHARS = 1 << 20;

/** Invalid bytes reported one by one; more are counted in one last diagnostic. */
const MAX_BYTE_NOTES = 20;

type Newline = "\r\n" | "\r" | "\n";

// What CsvRows.find() looks for: a line feed, a carriage return, a double space, another character
// cleanCell() would change.
const LF = 0;
const CR = 1;
const DOUBLE_SPACE = 2;
const UNCLEAN_CHAR = 3;
type Search = typeof LF | typeof CR | typeof DOUBLE_SPACE | typeof UNCLEAN_CHAR;
const SEARCHES: readonly ((text: string, from: number) => number)[] = [
  (text, from) => text.indexOf("\n", from),
  (text, from) => text.indexOf("\r", from),
  (text, from) => text.indexOf("  ", from),
  findUncleanCharBesidesBreaks,
];

/** papaparse's core parser (the one its streamers drive), which @types/papaparse does not declare. */
interface CoreParser {
  parse(input: string, baseIndex: number, ignoreLastRow: boolean): { meta: { cursor: number } };
}
type StepResult = { data: string[][]; errors: Papa.ParseError[]; meta: { cursor: number } };
const PapaParser = (Papa as unknown as { Parser: new (config: object) => CoreParser }).Parser;

/**
 * Does `text` hold a line break other than `newline` (a CRLF file with LF lines appended)? One scan
 * for each kind of break, by indexOf.
 */
function hasForeignBreak(text: string, newline: Newline): boolean {
  if (newline === "\n") return text.includes("\r");
  if (newline === "\r") return text.includes("\n");
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) if (text.charCodeAt(i - 1) !== 13) return true;
  for (let i = text.indexOf("\r"); i >= 0; i = text.indexOf("\r", i + 1)) if (text.charCodeAt(i + 1) !== 10) return true;
  return false;
}

const ANY_BREAK = /\r\n|\r|\n/g;

/**
 * Reads CSV text into a RowSink: bytes or text pushed in chunks, any mix of CRLF, LF and bare CR line
 * breaks, records handed to the sink as they complete, each with its first physical line. The delimiter
 * and the usual line break are guessed from the first megabyte (papaparse's rules); a line break of
 * another kind is turned into the usual one before papaparse sees it (inside quotes too: cells are
 * cleaned to "\n" anyway). Work stays linear in the length of a line: an unfinished record is parsed
 * again only once the text has doubled, and a cell still open past limits.maxCellLength stops growing.
 * @example
 * const sink = new TableSink(resolveParseOptions({ file: "a.csv" }));
 * const csv = new CsvRows(resolveParseOptions({ file: "a.csv" }), sink);
 * csv.push(bytes, true);
 * const result = sink.finish();
 */
export class CsvRows {
  private readonly file: string;
  private readonly sink: RowSink;
  private readonly maxCell: number;
  private decoder: IncrementalDecoder | null = null;
  /** Has any text other than whitespace come? */
  sawText = false;
  private delimiter = ",";
  private newline: Newline = "\r\n";
  private parser: CoreParser | null = null;
  // The text from offset `base` on that is not parsed yet (the unfinished record first); `length`
  // characters came in all.
  private text = "";
  private base = 0;
  private length = 0;
  private ended = false;
  private reparseAt = 0;
  /** A carriage return that ended the last chunk: a CRLF may be split between two chunks. */
  private heldCr = false;
  // Records: how many, the physical line the next starts on, the offset where it starts.
  private lastCursor = -1;
  private row = 0;
  private line = 1;
  private offset = 0;
  // The next of each Search (global offsets, -1 for none up to `scanned`), remembered between records so
  // that the text is scanned once for each.
  private readonly next = [-1, -1, -1, -1];
  private readonly scanned = [0, 0, 0, 0];
  /** Invalid bytes waiting for the record they fall in (offsets in the text), and how many were noted. */
  private byteNotes: { offset: number; value: number; char: string; byte: number }[] = [];
  private bytesNoted = 0;
  /** An oversized cell being skipped to its end: "quoted" or "plain", or null. */
  private skipping: "quoted" | "plain" | null = null;
  private skipQuote = false;

  constructor(opts: ResolvedParseOptions, sink: RowSink) {
    this.file = opts.file;
    this.sink = sink;
    this.maxCell = opts.limits.maxCellLength;
    sink.table({ file: opts.file, format: "csv" });
  }

  /** Add the next chunk of the file (bytes to decode, or text); `last` when no more will come. */
  push(chunk: Uint8Array | string, last: boolean): void {
    let text: string;
    // Invalid bytes the decoder found in this chunk, at their offset in its text.
    let invalid: { at: number; value: number; char: string; byte: number }[] = [];
    if (typeof chunk === "string") {
      text = this.started ? chunk : chunk.replace(/^\ufeff/, "");
    } else {
      const d = (this.decoder ??= new IncrementalDecoder());
      const seen = d.invalid.length;
      text = d.push(chunk, last);
      if (d.invalid.length > seen) invalid = d.invalid.slice(seen).map((b) => ({ at: b.offset - this.decoded, value: b.value, char: b.char, byte: b.byte }));
      this.decoded += text.length;
      if (!this.encodingNoted && d.guessed) {
        this.encodingNoted = true;
        this.sink.note(encodingGuessed(this.file, d.encoding));
      }
    }
    this.started ||= text !== "";
    if (!this.sawText && /\S/.test(text)) this.sawText = true;
    this.append(text, last, invalid);
  }

  private started = false;
  private encodingNoted = false;
  /** Characters the decoder gave so far. */
  private decoded = 0;

  private append(chunk: string, last: boolean, invalid: { at: number; value: number; char: string; byte: number }[]): void {
    let shift = 0;
    let text = chunk;
    if (this.heldCr) {
      text = `\r${text}`;
      shift = 1;
    }
    this.heldCr = !last && text.endsWith("\r");
    if (this.heldCr) text = text.slice(0, -1);
    if (this.skipping) {
      const before = text.length;
      text = this.skip(text);
      shift -= before - text.length;
    }
    // Invalid bytes at their offset in the whole text (those in a skipped cell are not read, like the cell).
    for (const b of invalid) if (b.at + shift >= 0) this.byteNotes.push({ offset: this.length + b.at + shift, value: b.value, char: b.char, byte: b.byte });
    if (this.parser === null) {
      // Guesses are made on the first megabyte (or the whole text when shorter).
      this.text += text;
      this.length += text.length;
      if (this.text.length < GUESS_CHARS && !last) return;
      this.delimiter = guessDelimiter(this.text);
      this.newline = guessNewline(this.text);
      this.parser = new PapaParser({ delimiter: this.delimiter, newline: this.newline, step: (r: StepResult) => this.record(r) });
      this.text = this.normalized(this.text, 0);
      this.length = this.text.length;
    } else {
      text = this.normalized(text, this.length);
      // Drop what is parsed already, in large steps so that slicing stays rare.
      if (this.offset - this.base > 1 << 22) {
        this.text = this.text.slice(this.offset - this.base);
        this.base = this.offset;
      }
      this.text = this.text ? this.text + text : text;
      this.length += text.length;
    }
    if (last) this.ended = true;
    // An unfinished record is parsed again only once the text has doubled: linear in a long line.
    if (!last && this.length - this.offset < this.reparseAt) return;
    this.parser.parse(this.text.slice(this.offset - this.base), this.offset, !last);
    const unfinished = this.length - this.offset;
    this.reparseAt = unfinished * 2;
    if (!last && unfinished > 2 * this.maxCell + 2) this.cutOpenCell();
  }

  /** Line breaks of another kind than the usual one, turned into it (`at`: where `text` starts). */
  private normalized(text: string, at: number): string {
    if (!hasForeignBreak(text, this.newline)) return text;
    if (this.byteNotes.length) {
      // Offsets of invalid bytes after a replaced break move with it.
      const delta = (offset: number) => {
        let d = 0;
        for (const m of text.slice(0, Math.max(0, offset - at)).matchAll(ANY_BREAK)) d += this.newline.length - m[0].length;
        return d;
      };
      for (const n of this.byteNotes) if (n.offset >= at) n.offset += delta(n.offset);
    }
    return text.replace(ANY_BREAK, this.newline);
  }

  /**
   * The unfinished record holds a cell longer than limits.maxCellLength: keep the cell's first
   * 2 × maxCellLength + 2 characters (enough for the reader to cut and report it, quotes doubled or not)
   * and skip the rest of it as it comes, so that a 100 MB line never sits in memory.
   */
  private cutOpenCell(): void {
    const rest = this.text.slice(this.offset - this.base);
    // Where the last cell of the unfinished record starts, and whether it is quoted (a CSV state machine).
    let cellStart = 0;
    let quoted = false;
    let inQuotes = false;
    const d = this.delimiter.charCodeAt(0);
    for (let i = 0; i < rest.length; i++) {
      const c = rest.charCodeAt(i);
      if (inQuotes) {
        if (c === 34) {
          if (rest.charCodeAt(i + 1) === 34) i++;
          else inQuotes = false;
        }
      } else if (c === d) {
        cellStart = i + 1;
        quoted = false;
      } else if (c === 34 && i === cellStart) {
        quoted = true;
        inQuotes = true;
      }
    }
    const keep = cellStart + (quoted ? 1 : 0) + 2 * this.maxCell + 2;
    if (rest.length <= keep || (quoted && !inQuotes)) return;
    // A doubled quote cut in half would close the cell: cut before it.
    let cut = keep;
    if (quoted) {
      let run = 0;
      for (let i = cut - 1; i > cellStart && rest.charCodeAt(i) === 34; i--) run++;
      if (run % 2 === 1) cut--;
    }
    this.text = this.text.slice(0, this.offset - this.base + cut);
    this.length = this.offset + cut;
    this.byteNotes = this.byteNotes.filter((b) => b.offset < this.length);
    this.reparseAt = 0;
    this.skipping = quoted ? "quoted" : "plain";
    this.skipQuote = false;
  }

  /** Skip the rest of an oversized cell; returns the text after it (its closing quote kept). */
  private skip(text: string): string {
    if (this.skipping === "plain") {
      let end = text.length;
      for (const s of [this.delimiter, "\r", "\n"]) {
        const i = text.indexOf(s);
        if (i >= 0 && i < end) end = i;
      }
      if (end === text.length) return "";
      this.skipping = null;
      return text.slice(end);
    }
    // Quoted: the cell ends at a quote not followed by another (a doubled quote is a quote in the text).
    let i = 0;
    if (this.skipQuote) {
      // The last chunk ended with a quote: a quote now doubles it, anything else ends the cell.
      this.skipQuote = false;
      if (text.charCodeAt(0) === 34) i = 1;
      else {
        this.skipping = null;
        return `"${text}`;
      }
    }
    for (;;) {
      const q = text.indexOf('"', i);
      if (q < 0) return "";
      if (q + 1 === text.length) {
        this.skipQuote = true;
        return "";
      }
      if (text.charCodeAt(q + 1) === 34) {
        i = q + 2;
        continue;
      }
      this.skipping = null;
      return text.slice(q);
    }
  }

  /** Take the next record from papaparse. */
  private record(r: StepResult): void {
    const data = r.data[0] ?? [];
    const cursor = r.meta.cursor;
    // The newline that ends the last line is not a row of its own: papaparse gives it as an empty
    // record that reads nothing (a blank last line, "a\r\n\r\n", does read its line break).
    const consumed = cursor !== this.lastCursor;
    this.lastCursor = cursor;
    if (data.length === 1 && data[0] === "" && this.ended && cursor >= this.length && !consumed) return;
    this.row++;
    const startLine = this.line;
    const at = this.row;
    for (const e of r.errors) {
      if (e.code === "UndetectableDelimiter") continue; // one column: fine
      this.sink.note({
        code: e.type === "Quotes" ? "csv-quotes" : "csv-parse",
        severity: "error",
        message: `${e.message} (record ${at}).`,
        place: { file: this.file, row: at, line: startLine },
      });
    }
    if (this.byteNotes.length && this.byteNotes[0]!.offset < cursor) this.noteBytes(cursor, at, startLine);
    const from = this.offset;
    this.countLines(cursor);
    // Cells are pieces of the record's text (quotes aside): a record on one line (its own line break
    // aside) without any other character cleanCell() would change gives cells that need no cleaning.
    const breaks = this.line - startLine;
    const plain = r.errors.length === 0 && (breaks === 0 || (breaks === 1 && this.text.startsWith(this.newline, cursor - this.base - this.newline.length))) && this.isPlain(from, cursor);
    this.sink.row({ row: at, line: startLine, cells: data }, plain);
  }

  /** Report the invalid bytes that fall in the record ending at `cursor`, at their own line. */
  private noteBytes(cursor: number, row: number, startLine: number): void {
    while (this.byteNotes.length && this.byteNotes[0]!.offset < cursor) {
      const b = this.byteNotes.shift()!;
      this.bytesNoted++;
      if (this.bytesNoted > MAX_BYTE_NOTES) continue;
      // The line of the byte itself (a record may span lines): counted here, apart from countLines.
      let line = startLine;
      const text = this.text;
      for (let i = Math.max(this.offset, this.base); i < b.offset; ) {
        const n = text.indexOf("\n", i - this.base);
        const c = text.indexOf("\r", i - this.base);
        const next = (n < 0 ? c : c < 0 ? n : Math.min(n, c)) + this.base;
        if (next < this.base || next >= b.offset) break;
        line++;
        i = next + (text.charCodeAt(next - this.base) === 13 && text.charCodeAt(next - this.base + 1) === 10 ? 2 : 1);
      }
      const hex = `0x${b.value.toString(16).toUpperCase().padStart(2, "0")}`;
      this.sink.note({
        code: "invalid-encoding",
        severity: "warning",
        message: `Byte ${hex} (file offset ${b.byte}) is not valid UTF-8 in a UTF-8 file; read as ${quote(b.char)} (Windows-1252). Check the text around it.`,
        place: { file: this.file, row, line },
        actual: hex,
      });
    }
  }

  /** The file is read: the invalid bytes past the last record, and how many were not listed one by one. */
  finish(): void {
    if (this.byteNotes.length) this.noteBytes(Number.MAX_SAFE_INTEGER, this.row, this.line);
    if (this.bytesNoted > MAX_BYTE_NOTES) {
      this.sink.note({ code: "invalid-encoding", severity: "warning", message: `${this.bytesNoted - MAX_BYTE_NOTES} more bytes are not valid UTF-8 (read as Windows-1252); the first ${MAX_BYTE_NOTES} are listed.`, place: { file: this.file } });
    }
  }

  private countLines(to: number): void {
    const text = this.text;
    const base = this.base;
    for (let i = this.offset; i < to; ) {
      const n = this.find(LF, i);
      const r = this.find(CR, i);
      const next = n < 0 ? r : r < 0 ? n : Math.min(n, r);
      if (next < 0 || next >= to) break;
      this.line++;
      i = next + (text.charCodeAt(next - base) === 13 && text.charCodeAt(next - base + 1) === 10 ? 2 : 1);
    }
    this.offset = to;
  }

  /** Does the text from `from` to `to` hold no character cleanCell() would change, line breaks aside? */
  private isPlain(from: number, to: number): boolean {
    const double = this.find(DOUBLE_SPACE, from);
    const char = this.find(UNCLEAN_CHAR, from);
    return (double < 0 || double >= to) && (char < 0 || char >= to);
  }

  /** The offset of the next `k` at or after `i`, or -1 when the text so far has none. */
  private find(k: Search, i: number): number {
    const at = this.next[k]!;
    if (at >= i) return at;
    if (at === -1 && this.scanned[k]! >= this.length) return -1;
    // A space that ended the text scanned so far may start a double space with the next chunk.
    const from = at === -1 ? Math.max(i, this.scanned[k]! - (k === DOUBLE_SPACE ? 1 : 0)) : i;
    const found = SEARCHES[k]!(this.text, from - this.base);
    this.next[k] = found < 0 ? -1 : found + this.base;
    this.scanned[k] = this.length;
    return this.next[k]!;
  }
}

/**
 * The delimiter of a CSV text (",", ";", tab or "|"), chosen by papaparse's rule (the most fields per
 * record, as even as any other candidate, and at least two) over the first 20 records, with quoted
 * fields blanked out first: a ";" or "," inside a quoted recommendation is not a delimiter.
 * @example
 * guessDelimiter('Recommendation,"Ratify OP-CAT (Ghana);"\r\nRecommendation\r\n'); // ","
 */
export function guessDelimiter(text: string): string {
  // The first 16 KiB hold dozens of records of any real export; papaparse itself looks at 10.
  const head = text.slice(0, 1 << 14);
  const lines = head.replace(/"(?:[^"]|"")*"/g, "x").split(/\r\n|\r|\n/, 21);
  // The last piece is cut short, or the empty "line" after the final line break.
  if (lines.length > 1 && (lines.length === 21 || head.length < text.length || lines[lines.length - 1] === "")) lines.pop();
  let best = ",";
  let bestDelta = Infinity;
  let maxFields = -Infinity;
  for (const d of CSV_DELIMITERS) {
    let delta = 0;
    let total = 0;
    let previous: number | undefined;
    for (const line of lines) {
      const fields = line.split(d).length;
      total += fields;
      if (previous !== undefined) delta += Math.abs(fields - previous);
      previous = fields;
    }
    const average = lines.length ? total / lines.length : 0;
    if (delta <= bestDelta && average > maxFields && average > 1.99) {
      best = d;
      bestDelta = delta;
      maxFields = average;
    }
  }
  return best;
}

/**
 * The line break papaparse would guess for `text` (its guessLineEndings: over the first 1 MiB, with
 * quoted parts removed, "\r" unless there is none or a "\n" comes first, "\r\n" when at least half
 * the pieces between "\r"s start with "\n"), in one pass without the copies papaparse makes. Passing
 * it to papaparse saves that scan; tests check both agree.
 * @example
 * guessNewline('a,"b\r\nc"\rd\r'); // "\r"
 */
export function guessNewline(text: string): Newline {
  const end = Math.min(text.length, 1 << 20);
  let cr = 0; // "\r"s kept
  let crLf = 0; // pieces between "\r"s that start with "\n" (the first piece: the text itself)
  let firstCr = -1;
  let firstLf = -1;
  let pending = true; // the last character kept was a "\r", or none was kept yet
  let quotes = true; // quoted parts are still to be removed
  // The next "\r" and "\n" (Infinity: none), searched again only once passed: one scan of the text.
  const next = (s: string, from: number) => {
    const at = text.indexOf(s, from);
    return at < 0 ? Infinity : at;
  };
  let nextCr = -1;
  let nextLf = -1;
  for (let i = 0; i < end; ) {
    // The kept part runs from i to the next quoted part, removed as papaparse's /"([^]*?)"/g does.
    let stop = end;
    let resume = end;
    if (quotes) {
      const open = text.indexOf('"', i);
      const close = open < 0 || open >= end ? -1 : text.indexOf('"', open + 1);
      if (close >= 0 && close < end) {
        stop = open;
        resume = close + 1;
      } else quotes = false; // no pair left: the rest is kept, a lone quote included
    }
    if (i < stop) {
      if (pending && text.charCodeAt(i) === 10) crLf++;
      pending = false;
      if (nextCr < i) nextCr = next("\r", i);
      while (nextCr < stop) {
        cr++;
        if (firstCr < 0) firstCr = nextCr;
        if (nextCr + 1 < stop) {
          if (text.charCodeAt(nextCr + 1) === 10) crLf++;
        } else pending = true; // the next kept character comes after a quoted part
        nextCr = next("\r", nextCr + 1);
      }
      if (firstLf < 0) {
        if (nextLf < i) nextLf = next("\n", i);
        if (nextLf < stop) firstLf = nextLf;
      }
    }
    i = resume;
  }
  if (cr === 0 || (firstLf >= 0 && firstLf < firstCr)) return "\n";
  return crLf >= (cr + 1) / 2 ? "\r\n" : "\r";
}

/**
 * Read a whole CSV text or file into `sink` (as one chunk), and say whether it held any text.
 * @example
 * const sink = new TableSink(opts);
 * if (!readCsvInto(bytes, opts, sink)) console.log("empty");
 */
export function readCsvInto(input: Uint8Array | string, opts: ResolvedParseOptions, sink: RowSink): boolean {
  const csv = new CsvRows(opts, sink);
  csv.push(input, true);
  csv.finish();
  return csv.sawText;
}

/**
 * Parse a CSV (or tab-separated) export: UHRI, UPR Info or a home-made sheet. Bytes are decoded with
 * encoding detection (UTF-8 ± BOM, UTF-16, Windows-1252, MacRoman; a stray invalid byte in UTF-8 text
 * is read as Windows-1252 and reported); the delimiter is detected, and line ends may be CRLF, LF, a
 * bare CR (old Mac exports), or any mix of them.
 * @example
 * const { recommendations, diagnostics } = parseCsv(bytes, { file: "uprinfo.csv" });
 */
export function parseCsv(input: Uint8Array | string, options: ParseOptions = {}): ParseResult {
  const opts = resolveParseOptions(options, "parseCsv");
  const file = opts.file;
  if (typeof input !== "string" && input.length > opts.limits.maxBytes) {
    return failed({ code: "limit-exceeded", severity: "error", message: `File is ${input.length} bytes, over the ${opts.limits.maxBytes}-byte limit (limits.maxBytes).`, place: { file } });
  }
  const sink = new TableSink(opts);
  if (!readCsvInto(input, opts, sink)) return emptyFile(file);
  return requireRecommendations(sink.finish(), file);
}

/**
 * The error for a file that holds no text at all (or only whitespace).
 * @example
 * emptyFile("a.csv").diagnostics[0]?.code; // "empty-file"
 */
export function emptyFile(file: string): ParseResult {
  return failed({ code: "empty-file", severity: "error", message: "The file is empty.", place: { file } });
}

/**
 * The note that a file's encoding was inferred from its content.
 * @example
 * encodingGuessed("a.csv", "macintosh").code; // "encoding-guessed"
 */
export function encodingGuessed(file: string, encoding: string): Diagnostic {
  return { code: "encoding-guessed", severity: "info", message: `No byte-order mark and not UTF-8: read as ${encoding}.`, place: { file }, actual: encoding };
}
