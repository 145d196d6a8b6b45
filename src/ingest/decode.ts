// Decoding a text file's bytes, whole or chunk by chunk with one incremental decoder: the encoding is
// decided from the byte-order mark, the zero bytes of UTF-16, then the first bytes that are not ASCII
// (ASCII reads the same in every candidate, so nothing before them waits).
import { concatBytes } from "../internal/bytes.js";

/** The encodings a text file is read in. */
export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" | "macintosh";

/** A byte that is not valid UTF-8 in a file read as UTF-8: read through Windows-1252 instead. */
export interface InvalidByte {
  /** Offset of the byte in the file. */
  byte: number;
  /** Offset of the character it became in the decoded text. */
  offset: number;
  value: number;
  /** The character it was read as. */
  char: string;
}

/** The text of a file and how it was decoded. */
export interface Decoded {
  text: string;
  encoding: TextEncodingName;
  /** True when the encoding was inferred from the content (no BOM, not UTF-8). */
  guessed: boolean;
  bom: boolean;
  /** Bytes that were not valid UTF-8 in a file read as UTF-8 (each read as its Windows-1252 character). */
  invalid: InvalidByte[];
}

// Accented letters common in English, French and Spanish UN texts (names, quotes).
const PLAUSIBLE = /[a-zA-Z][àâäáãåçéèêëíìîïñóòôöõúùûüÿœæßÀÂÄÁÇÉÈÊËÍÎÏÑÓÔÖÚÙÛÜ]|[àâäáãåçéèêëíìîïñóòôöõúùûüÿœæÀÂÄÁÇÉÈÊËÍÎÏÑÓÔÖÚÙÛÜ][a-z]|[‘’“”–—…«»€]/g;

// Windows-1252's 0x80-0x9F (euro sign, curly quotes, dashes...). Node 20's TextDecoder("windows-1252")
// decodes these bytes as latin1 C1 controls, so they are mapped here; the five bytes the code page leaves
// undefined stay C1 controls, as the WHATWG decoder (and a browser) gives them.
const CP1252_HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

/**
 * Repair text that `new TextDecoder("windows-1252")` decoded: on Node 20 it gives latin1 C1 controls for
 * 0x80-0x9F ("\u0093" for a curly quote). Safe on text from a correct decoder (nothing left to map), and on
 * any chunk of a stream, since every byte is one character.
 * @example
 * repairWindows1252(new TextDecoder("windows-1252").decode(new Uint8Array([0x93, 0x41, 0x94]))); // "“A”"
 */
export function repairWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/** One byte's Windows-1252 character. */
function cp1252Char(b: number): string {
  return b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : String.fromCharCode(b);
}

/** Bytes after the first non-ASCII byte looked at to choose between UTF-8 and a single-byte code page. */
const SAMPLE_BYTES = 64 * 1024;

/**
 * How plausible a decoded text is: the accented letters next to plain ones, and the typographic marks,
 * it holds. Of two single-byte readings of the same bytes, the right one scores higher.
 * @example
 * score("Côte d'Ivoire") > score("C√¥te d'Ivoire"); // true
 */
export function score(text: string): number {
  return text.match(PLAUSIBLE)?.length ?? 0;
}

/**
 * UTF-16 without a byte-order mark, told by the zero bytes of ASCII text in the first 4 KiB.
 * @example
 * utf16Guess(new Uint8Array([0x41, 0, 0x42, 0])); // "utf-16le"
 */
export function utf16Guess(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return "utf-16le";
  if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return "utf-16be";
  return null;
}

/**
 * The length of the valid UTF-8 sequence starting at `i` (1 to 4), 0 when the byte there starts none,
 * or -1 when the bytes end before the sequence does (its start is valid so far).
 */
function sequenceAt(b: Uint8Array, i: number, end: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  let n: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (c >= 0xc2 && c <= 0xdf) n = 2;
  else if (c >= 0xe0 && c <= 0xef) {
    n = 3;
    if (c === 0xe0) lo = 0xa0;
    else if (c === 0xed) hi = 0x9f; // no surrogates
  } else if (c >= 0xf0 && c <= 0xf4) {
    n = 4;
    if (c === 0xf0) lo = 0x90;
    else if (c === 0xf4) hi = 0x8f;
  } else return 0;
  for (let k = 1; k < n; k++) {
    if (i + k >= end) return -1;
    const x = b[i + k]!;
    if (x < (k === 1 ? lo : 0x80) || x > (k === 1 ? hi : 0xbf)) return 0;
  }
  return n;
}

/** Valid multi-byte sequences and invalid bytes in a sample: tells mostly-UTF-8 text from a code page. */
function countUtf8(b: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < b.length; ) {
    if (b[i]! < 0x80) {
      i++;
      continue;
    }
    const n = sequenceAt(b, i, b.length);
    if (n < 0) break;
    if (n === 0) {
      invalid++;
      i++;
    } else {
      valid++;
      i += n;
    }
  }
  return { valid, invalid };
}

function firstHigh(b: Uint8Array, from: number): number {
  for (let i = from; i < b.length; i++) if (b[i]! >= 0x80) return i;
  return -1;
}

/**
 * Decodes a text file pushed in chunks of bytes, with the rules of `decodeText`: BOM (UTF-8, UTF-16
 * LE/BE), UTF-16 without BOM (NUL-byte pattern in the first 4 KiB), then, at the first non-ASCII byte,
 * UTF-8 when the next 64 KiB are mostly valid UTF-8 (a stray invalid byte is read as its Windows-1252
 * character and listed in `invalid`), else Windows-1252 or MacRoman, whichever reads as more plausible
 * text. Text comes out as soon as its encoding is known.
 * @example
 * const d = new IncrementalDecoder();
 * const text = d.push(chunk1, false) + d.push(chunk2, true);
 */
export class IncrementalDecoder {
  encoding: TextEncodingName = "utf-8";
  guessed = false;
  bom = false;
  /** Invalid bytes found so far (UTF-8 only), offsets counted from the file's start. */
  readonly invalid: InvalidByte[] = [];
  /** Bytes held until the encoding is known (or an incomplete UTF-8 sequence at a chunk's end), and where they start. */
  private held: Uint8Array = new Uint8Array(0);
  private heldAt = 0;
  private mode: "start" | "ascii" | "utf-8" | "decoder" = "start";
  private decoder: TextDecoder | null = null;
  /** Characters of text given out so far. */
  private chars = 0;
  /** The first 64 KiB of text (an old-Mac line-break hint), and its last characters (context for scoring). */
  private head = "";
  private tail = "";

  /** Decode the next chunk; `last` when no more will come. Returns the text now known. */
  push(chunk: Uint8Array, last: boolean): string {
    let b = concatBytes([this.held, chunk]);
    let at = this.heldAt;
    this.held = new Uint8Array(0);
    if (this.mode === "start") {
      if (b.length < 4096 && !last) return this.hold(b, at);
      const skip = this.start(b);
      b = b.subarray(skip);
      at += skip;
    }
    let out = "";
    if (this.mode === "ascii") {
      const high = firstHigh(b, 0);
      if (high < 0) return this.emit(ascii(b));
      out = this.emit(ascii(b.subarray(0, high)));
      b = b.subarray(high);
      at += high;
      // Decided from the non-ASCII bytes that come first: 64 KiB of them, or the rest of the file.
      if (b.length < SAMPLE_BYTES && !last) return out + this.hold(b, at);
      this.decide(b.subarray(0, SAMPLE_BYTES));
    }
    if (this.mode === "utf-8") return out + this.utf8(b, at, last);
    const text = this.decoder!.decode(b, { stream: !last });
    return out + this.emit(this.encoding === "windows-1252" ? repairWindows1252(text) : text);
  }

  private hold(b: Uint8Array, at: number): string {
    this.held = b.slice();
    this.heldAt = at;
    return "";
  }

  private emit(text: string): string {
    if (this.head.length < 65536) this.head += text.slice(0, 65536 - this.head.length);
    if (this.mode === "ascii") this.tail = (this.tail + text.slice(-64)).slice(-64);
    this.chars += text.length;
    return text;
  }

  /** BOM, UTF-16 without BOM, or ASCII until the first byte that is not; returns the BOM's length. */
  private start(b: Uint8Array): number {
    if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
      this.bom = true;
      this.mode = "utf-8";
      return 3;
    }
    if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) {
      this.bom = true;
      this.useDecoder(b[0] === 0xff ? "utf-16le" : "utf-16be");
      return 2;
    }
    const wide = utf16Guess(b);
    if (wide) {
      this.guessed = true;
      this.useDecoder(wide);
    } else this.mode = "ascii";
    return 0;
  }

  private useDecoder(encoding: TextEncodingName): void {
    this.encoding = encoding;
    this.mode = "decoder";
    this.decoder = new TextDecoder(encoding);
  }

  /** UTF-8 when the sample is mostly valid UTF-8, else the single-byte code page that reads better. */
  private decide(sample: Uint8Array): void {
    const { valid, invalid } = countUtf8(sample);
    if (valid > 0 && invalid <= valid) {
      this.mode = "utf-8";
      return;
    }
    const win = this.tail + repairWindows1252(new TextDecoder("windows-1252").decode(sample));
    const mac = this.tail + new TextDecoder("macintosh").decode(sample);
    const start = (this.head + win.slice(this.tail.length)).slice(0, 65536);
    const crOnly = /\r(?!\n)/.test(start) && !/\n/.test(start);
    const macBetter = score(mac) > score(win) || (score(mac) === score(win) && crOnly);
    this.guessed = true;
    this.useDecoder(macBetter ? "macintosh" : "windows-1252");
  }

  /** UTF-8, each invalid byte read as its Windows-1252 character; a sequence cut by the chunk's end waits for the next. */
  private utf8(b: Uint8Array, at: number, last: boolean): string {
    let end = b.length;
    if (!last) {
      for (let k = Math.max(0, end - 3); k < end; k++) {
        if (b[k]! >= 0xc0 && sequenceAt(b, k, end) < 0) {
          this.hold(b.subarray(k), at + k);
          end = k;
          break;
        }
      }
    }
    const body = b.subarray(0, end);
    try {
      return this.emit(FATAL.decode(body));
    } catch {
      // Some bytes are not UTF-8: decode the valid runs, and read each invalid byte as Windows-1252.
    }
    let out = "";
    let run = 0;
    for (let i = 0; i < end; ) {
      const n = b[i]! < 0x80 ? 1 : sequenceAt(b, i, end);
      if (n > 0) {
        i += n;
        continue;
      }
      out += LENIENT.decode(b.subarray(run, i));
      const char = cp1252Char(b[i]!);
      this.invalid.push({ byte: at + i, offset: this.chars + out.length, value: b[i]!, char });
      out += char;
      run = ++i;
    }
    out += LENIENT.decode(b.subarray(run, end));
    return this.emit(out);
  }
}

const FATAL = new TextDecoder("utf-8", { fatal: true });
const LENIENT = new TextDecoder("utf-8");

/** ASCII bytes as text. */
function ascii(b: Uint8Array): string {
  return LENIENT.decode(b);
}

/**
 * Decode a text file: UTF-8 (with or without BOM), UTF-16 (with or without BOM), else Windows-1252 or
 * MacRoman, whichever reads as more plausible text (old UPR Info exports are MacRoman). A mostly-UTF-8
 * file with a stray invalid byte stays UTF-8: the byte is read as Windows-1252 and listed in `invalid`.
 * @example
 * decodeText(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])).text; // "A"
 */
export function decodeText(bytes: Uint8Array): Decoded {
  const d = new IncrementalDecoder();
  const text = d.push(bytes, true);
  return { text, encoding: d.encoding, guessed: d.guessed, bom: d.bom, invalid: d.invalid };
}
