// A look at a PDF's raw structure before pdf.js reads it: compressed streams are inflated under a budget
// (a "PDF bomb" is a small file whose streams inflate to gigabytes), and arrays and dictionaries may not
// nest deeper than a limit (deep nesting overflows a recursive parser's stack). Pure (fflate only).
import { Unzlib } from "fflate";
import type { Limits } from "../ingest/options.js";
import { concatBytes } from "../internal/bytes.js";

/** Bytes one compressed stream may inflate to (less when limits.maxBytes is smaller). */
export const MAX_STREAM_BYTES = 64 * 1024 * 1024;

/** Why a PDF is refused before it is read. */
export interface PdfGuardProblem {
  code: "limit-exceeded" | "corrupt-file";
  message: string;
}

/** What the guard allows. */
export interface PdfGuardLimits {
  /** Bytes one stream may inflate to. */
  maxStreamBytes: number;
  /** Bytes all streams together may inflate to. */
  maxBytes: number;
  /** Nesting of arrays and dictionaries. */
  maxDepth: number;
}

const STREAM = /stream\r?\n/g;
const STEP = 64 * 1024;

class Budget extends Error {}

/** Inflate a zlib stream, throwing Budget past `max` bytes; null when it is not a zlib stream. */
function inflate(data: Uint8Array, max: number, spent: { bytes: number; total: number }): Uint8Array | null {
  const chunks: Uint8Array[] = [];
  let got = 0;
  const z = new Unzlib((chunk) => {
    got += chunk.length;
    spent.bytes += chunk.length;
    if (got > max || spent.bytes > spent.total) throw new Budget();
    chunks.push(chunk);
  });
  try {
    for (let i = 0; i < data.length; i += STEP) z.push(data.subarray(i, Math.min(data.length, i + STEP)), i + STEP >= data.length);
    if (data.length === 0) return new Uint8Array(0);
  } catch (e) {
    if (e instanceof Budget) throw e;
    // Damaged data: pdf.js reads what it can and reports the rest; it is not a bomb so far.
    if (got === 0) return null;
  }
  return concatBytes(chunks);
}

/** The deepest nesting of `[` and `<<` in PDF syntax, strings and comments skipped. Stops past `max`. */
function depthOf(bytes: Uint8Array, from: number, to: number, max: number): number {
  let depth = 0;
  let deepest = 0;
  let i = from;
  while (i < to) {
    const c = bytes[i]!;
    if (c === 0x28) {
      // A literal string: balanced parentheses, backslash escapes.
      let open = 1;
      i++;
      while (i < to && open > 0) {
        const s = bytes[i]!;
        if (s === 0x5c) i++;
        else if (s === 0x28) open++;
        else if (s === 0x29) open--;
        i++;
      }
      continue;
    }
    if (c === 0x25) {
      while (i < to && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
      continue;
    }
    if (c === 0x5b || (c === 0x3c && bytes[i + 1] === 0x3c)) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > max) return deepest;
      i += c === 0x5b ? 1 : 2;
      continue;
    }
    if (c === 0x5d || (c === 0x3e && bytes[i + 1] === 0x3e)) {
      depth = Math.max(0, depth - 1);
      i += c === 0x5d ? 1 : 2;
      continue;
    }
    i++;
  }
  return deepest;
}

/**
 * Check a PDF before reading it: every FlateDecode stream (chains of them too) inflates within
 * `maxStreamBytes` and all of them within `maxBytes`, and no array or dictionary nests deeper than
 * `maxDepth` (object streams are looked into). Returns the problem, or null for a file pdf.js may read.
 * @example
 * checkPdf(bytes, { maxStreamBytes: 64 << 20, maxBytes: 512 << 20, maxDepth: 256 }); // null
 */
export function checkPdf(bytes: Uint8Array, limits: PdfGuardLimits): PdfGuardProblem | null {
  const spent = { bytes: 0, total: limits.maxBytes };
  // One character per byte (Windows-1252 decoding keeps offsets): the syntax is ASCII.
  const text = new TextDecoder("latin1").decode(bytes);
  let outside = 0;
  STREAM.lastIndex = 0;
  for (let m = STREAM.exec(text); m; m = STREAM.exec(text)) {
    const dataStart = m.index + m[0].length;
    // The stream's dictionary: from the last "obj" before it.
    const objAt = text.lastIndexOf(" obj", m.index);
    const dict = text.slice(Math.max(objAt, m.index - 4096, outside), m.index);
    if (!/>>\s*$/.test(dict)) continue; // "stream" inside other text, not a stream keyword
    const depth = depthOf(bytes, outside, m.index, limits.maxDepth);
    if (depth > limits.maxDepth) return nested(limits.maxDepth);
    const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    let dataEnd = length ? dataStart + Number(length[1]) : -1;
    if (dataEnd < dataStart || dataEnd > bytes.length || text.slice(dataEnd, dataEnd + 32).indexOf("endstream") < 0) dataEnd = text.indexOf("endstream", dataStart);
    if (dataEnd < 0) break;
    outside = dataEnd;
    STREAM.lastIndex = dataEnd;
    const filters = /\/Filter\s*(\[[^\]]*\]|\/\w+)/.exec(dict)?.[1] ?? "";
    const chain = filters.match(/\/\w+/g) ?? [];
    // Images are never decoded to read text; fonts, pages and object streams are.
    if (chain.length === 0 || chain.some((f) => f !== "/FlateDecode" && f !== "/Fl") || /\/Subtype\s*\/Image\b/.test(dict)) continue;
    let data: Uint8Array | null = bytes.subarray(dataStart, dataEnd);
    try {
      for (let k = 0; k < chain.length && data; k++) data = inflate(data, limits.maxStreamBytes, spent);
    } catch (e) {
      if (!(e instanceof Budget)) throw e;
      return spent.bytes > spent.total
        ? { code: "limit-exceeded", message: `The PDF's compressed streams inflate to more than ${limits.maxBytes} bytes (limits.maxBytes): a "PDF bomb" or a huge document; not read.` }
        : { code: "limit-exceeded", message: `A compressed stream of this PDF inflates to more than ${limits.maxStreamBytes} bytes (the most one stream may hold): a "PDF bomb"; not read.` };
    }
    if (data && /\/Type\s*\/ObjStm\b/.test(dict) && depthOf(data, 0, data.length, limits.maxDepth) > limits.maxDepth) return nested(limits.maxDepth);
  }
  if (depthOf(bytes, outside, bytes.length, limits.maxDepth) > limits.maxDepth) return nested(limits.maxDepth);
  return null;
}

function nested(max: number): PdfGuardProblem {
  return { code: "limit-exceeded", message: `The PDF nests arrays or dictionaries more than ${max} deep (limits.maxDepth): a damaged or hostile file; not read.` };
}

/**
 * checkPdf under the readers' limits: each compressed stream within MAX_STREAM_BYTES, all of them within
 * limits.maxBytes, nesting within limits.maxDepth.
 * @example
 * guardPdf(bytes, resolveLimits({})); // null for a file pdf.js may read
 */
export function guardPdf(bytes: Uint8Array, limits: Limits): PdfGuardProblem | null {
  return checkPdf(bytes, { maxStreamBytes: Math.min(MAX_STREAM_BYTES, limits.maxBytes), maxBytes: limits.maxBytes, maxDepth: limits.maxDepth });
}
