import Papa from "papaparse";
import type { Diagnostic } from "../schema/diagnostic.js";
import type { ParseResult } from "../schema/result.js";
import { decodeText } from "./decode.js";
import { TableReader } from "./table-reader.js";
import { type ParseOptions, type ResolvedParseOptions, resolveParseOptions } from "./options.js";
import { requireRecommendations } from "./guard.js";
import { failed } from "./result.js";
import { findUnclean } from "../internal/text.js";

/** The delimiters CSV exports use, in the order papaparse tries them. */
export const CSV_DELIMITERS: readonly string[] = [",", ";", "\t", "|"];

/** A record as papaparse's `step` callback gives it. */
export interface CsvRecord {
  data: string[];
  errors: readonly Papa.ParseError[];
  /** Offset in the whole text just after the record (its line break included). */
  cursor: number;
  /** The line break papaparse splits records on (its `meta.linebreak`). */
  linebreak?: string;
}

/**
 * Feeds papaparse's records, one at a time, into a TableReader: CSV errors become diagnostics and each
 * record keeps the physical line it starts on. The text comes whole (parseCsv) or in chunks (a stream
 * reader appends each chunk before papaparse parses it); only the part not yet counted is kept.
 * @example
 * const feed = new CsvFeed(resolveParseOptions({ file: "a.csv" }));
 * feed.append(text, true);
 * Papa.parse<string[]>(text, { delimiter: guessDelimiter(text), step: (r) => feed.record({ data: r.data, errors: r.errors, cursor: r.meta.cursor, linebreak: r.meta.linebreak }) });
 * const result = feed.finish();
 */
export class CsvFeed {
  readonly reader: TableReader;
  private readonly file: string;
  private diagnostics: Diagnostic[] = [];
  // The text from offset `base` on; `length` characters were appended in all.
  private text = "";
  private base = 0;
  private length = 0;
  private ended = false;
  private lastCursor = -1;
  private row = 0;
  private line = 1;
  private offset = 0;
  // The next "\n" and "\r" (global offsets, -1 for none up to `scanned`). They are remembered between
  // records so the text is scanned once: UPR Info files end lines with a bare "\r" and hold no "\n".
  private readonly next: [number, number] = [-1, -1];
  private readonly scanned: [number, number] = [0, 0];
  // The next character cleanCell() would change (global offset, -1 for none up to `uncleanScanned`):
  // one scan of the text tells which records need no cleaning, instead of one scan per cell.
  private nextUnclean = -1;
  private uncleanScanned = 0;

  constructor(opts: ResolvedParseOptions) {
    this.file = opts.file;
    this.reader = new TableReader({ file: opts.file, format: "csv" }, opts);
  }

  /** Add the next chunk of text; `last` when no more will come. */
  append(chunk: string, last: boolean): void {
    // Drop what is counted already, in large steps so that slicing stays rare.
    if (this.offset - this.base > 1 << 22) {
      this.text = this.text.slice(this.offset - this.base);
      this.base = this.offset;
    }
    this.text = this.text ? this.text + chunk : chunk;
    this.length += chunk.length;
    if (last) this.ended = true;
  }

  /** A diagnostic about the file as a whole (e.g. its encoding), listed before the rows' ones. */
  note(d: Diagnostic): void {
    this.diagnostics.push(d);
  }

  /** Take the next record. */
  record(r: CsvRecord): void {
    // The newline that ends the last line is not a row of its own: papaparse gives it as an empty
    // record that reads nothing (a blank last line, "a\r\n\r\n", does read its line break).
    const consumed = r.cursor !== this.lastCursor;
    this.lastCursor = r.cursor;
    if (r.data.length === 1 && r.data[0] === "" && this.ended && r.cursor >= this.length && !consumed) return;
    this.row++;
    const startLine = this.line;
    const at = this.row;
    for (const e of r.errors) {
      if (e.code === "UndetectableDelimiter") continue; // one column: fine
      this.diagnostics.push({
        code: e.type === "Quotes" ? "csv-quotes" : "csv-parse",
        severity: "error",
        message: `${e.message} (record ${at}).`,
        place: { file: this.file, row: at, line: startLine },
      });
    }
    // Cells are pieces of the record's text (quotes aside): a text that holds nothing to clean but the
    // line break that ends it gives cells that need no cleaning.
    const plain = r.errors.length === 0 && r.linebreak !== undefined && this.isPlain(this.offset, r.cursor, r.linebreak);
    this.reader.push({ row: at, line: startLine, cells: r.data }, plain);
    this.countLines(r.cursor);
  }

  /** Recommendations and diagnostics read so far (see TableReader.drain). */
  drain(): Pick<ParseResult, "recommendations" | "diagnostics"> {
    const part = this.reader.drain();
    const diagnostics = this.diagnostics.length ? [...this.diagnostics, ...part.diagnostics] : part.diagnostics;
    this.diagnostics = [];
    return { recommendations: part.recommendations, diagnostics };
  }

  /** Finish: what is left of the result (all of it unless drain() was called). */
  finish(): ParseResult {
    const out = this.reader.finish();
    return { ...out, diagnostics: [...this.diagnostics, ...out.diagnostics] };
  }

  private countLines(to: number): void {
    const text = this.text;
    const base = this.base;
    for (let i = this.offset; i < to; ) {
      const n = this.find(0, i);
      const r = this.find(1, i);
      const next = n < 0 ? r : r < 0 ? n : Math.min(n, r);
      if (next < 0 || next >= to) break;
      this.line++;
      i = next + (text.charCodeAt(next - base) === 13 && text.charCodeAt(next - base + 1) === 10 ? 2 : 1);
    }
    this.offset = to;
  }

  /** Does the text from `from` to `to` hold no character cleanCell() would change, but for a closing `linebreak`? */
  private isPlain(from: number, to: number, linebreak: string): boolean {
    const at = this.findUnclean(from);
    if (at < 0 || at >= to) return true;
    // The line break that ends the record (papaparse reads it as one only there, absent errors).
    return at === to - linebreak.length && this.text.startsWith(linebreak, at - this.base);
  }

  /** The offset of the next character cleanCell() would change at or after `i`, or -1 when the text so far has none. */
  private findUnclean(i: number): number {
    const at = this.nextUnclean;
    if (at >= i) return at;
    if (at === -1 && this.uncleanScanned >= this.length) return -1;
    // A space that ended the text scanned so far may start a double space with the next chunk.
    const from = at === -1 ? Math.max(i, this.uncleanScanned - 1) : i;
    const found = findUnclean(this.text, from - this.base);
    this.nextUnclean = found < 0 ? -1 : found + this.base;
    this.uncleanScanned = this.length;
    return this.nextUnclean;
  }

  /** The offset of the next "\n" (k = 0) or "\r" (k = 1) at or after `i`, or -1 when the text so far has none. */
  private find(k: 0 | 1, i: number): number {
    const at = this.next[k]!;
    if (at >= i) return at;
    if (at === -1 && this.scanned[k]! >= this.length) return -1;
    const from = at === -1 ? Math.max(i, this.scanned[k]!) : i;
    const found = this.text.indexOf(k === 0 ? "\n" : "\r", from - this.base);
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
export function guessNewline(text: string): "\r\n" | "\r" | "\n" {
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
 * Parse a CSV (or tab-separated) export: UHRI, UPR Info or a home-made sheet. Bytes are decoded with
 * encoding detection (UTF-8 ± BOM, UTF-16, Windows-1252, MacRoman); the delimiter and line endings
 * (CRLF, LF, bare CR) are detected.
 * @example
 * const { recommendations, diagnostics } = parseCsv(bytes, { file: "uprinfo.csv" });
 */
export function parseCsv(input: Uint8Array | string, options: ParseOptions = {}): ParseResult {
  const opts = resolveParseOptions(options);
  const file = opts.file;
  if (typeof input !== "string" && input.length > opts.limits.maxBytes) {
    return failed({ code: "limit-exceeded", severity: "error", message: `File is ${input.length} bytes, over the ${opts.limits.maxBytes}-byte limit (limits.maxBytes).`, place: { file } });
  }
  const decoded = typeof input === "string" ? null : decodeText(input);
  const text = typeof input === "string" ? input.replace(/^\ufeff/, "") : decoded!.text;
  if (text.trim() === "") {
    return failed({ code: "empty-file", severity: "error", message: "The file is empty.", place: { file } });
  }
  const feed = new CsvFeed(opts);
  if (decoded?.guessed) feed.note(encodingGuessed(file, decoded.encoding));
  feed.append(text, true);
  Papa.parse<string[]>(text, {
    delimiter: guessDelimiter(text),
    newline: guessNewline(text), // papaparse's own guess, made faster
    skipEmptyLines: false,
    step: (result) => feed.record({ data: result.data, errors: result.errors, cursor: result.meta.cursor, linebreak: result.meta.linebreak }),
  });
  // A trailing newline gives papaparse a last empty record: it is not a row (see CsvFeed.record).
  return requireRecommendations(feed.finish(), file);
}

/**
 * The note that a file's encoding was inferred from its content.
 * @example
 * encodingGuessed("a.csv", "macintosh").code; // "encoding-guessed"
 */
export function encodingGuessed(file: string, encoding: string): Diagnostic {
  return { code: "encoding-guessed", severity: "info", message: `No byte-order mark and not UTF-8: read as ${encoding}.`, place: { file }, actual: encoding };
}
