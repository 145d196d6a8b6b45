// A defensive zip reader for .docx and .xlsx: the directory is read with bounds checks, entries are
// inflated in small steps so that a zip bomb is stopped after a few megabytes, not after it has filled
// memory, and XML parts that declare a DTD (entity bombs, external entities) are refused.
import { Inflate } from "fflate";
import { quote } from "../internal/quote.js";

/** Why a zip could not be read: the diagnostic code it becomes. */
export type ZipProblem = "corrupt-file" | "limit-exceeded" | "unsafe-xml";

/**
 * A zip (or a part in it) that is damaged, too big or hostile; `message` is one line for people, `code`
 * the diagnostic it becomes.
 * @example
 * throw new ZipError("limit-exceeded", "the zip lists 70000 entries, more than 10000 (limits.maxZipEntries)");
 */
export class ZipError extends Error {
  readonly code: ZipProblem;
  constructor(code: ZipProblem, message: string) {
    super(message);
    this.code = code;
    this.name = "ZipError";
  }
}

/** One entry of a zip's central directory. Sizes are as declared; inflating checks them. */
export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate; anything else is refused when inflated. */
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
}

/** The limits a zip is read under (see `Limits` in options.ts). */
export interface ZipLimits {
  /** Bytes all inflated entries together may reach. */
  maxBytes: number;
  /** Entries the directory may list. */
  maxEntries: number;
}

/** Bytes inflated so far, shared by the entries of one file. */
export interface InflateBudget {
  used: number;
  readonly max: number;
}

/** Compressed bytes pushed to the inflater at a time: one push expands to at most ~1032x this. */
const STEP = 16 * 1024;
/** Bytes of an XML part's start searched for a DTD; a longer prolog is refused. */
const PROLOG_WINDOW = 64 * 1024;

const u16 = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u32 = (b: Uint8Array, i: number) => (b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24)) >>> 0;
function u64(b: Uint8Array, i: number): number {
  const hi = u32(b, i + 4);
  // Sizes and offsets beyond 2^53 cannot be real in a file held in memory.
  if (hi > 0x1fffff) throw new ZipError("corrupt-file", "the zip directory holds an impossible 64-bit size or offset");
  return hi * 0x100000000 + u32(b, i);
}

function corrupt(why: string): never {
  throw new ZipError("corrupt-file", why);
}

/**
 * Read a zip's central directory (zip64 included) with every offset checked against the file.
 * Throws a `ZipError` when the directory is missing or damaged, or lists more than `maxEntries` entries.
 * @example
 * readZipDirectory(bytes, 10_000).map((e) => e.name); // ["[Content_Types].xml", "word/document.xml", ...]
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipEntry[] {
  const n = bytes.length;
  if (n < 22) corrupt("the file is too short to be a zip");
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  let eocd = -1;
  for (let i = n - 22, stop = Math.max(0, n - 22 - 0xffff); i >= stop; i--) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 0x05 && bytes[i + 3] === 0x06) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) corrupt("no zip directory at the end of the file (truncated or not a zip)");
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  const loc = eocd - 20;
  if (loc >= 0 && u32(bytes, loc) === 0x07064b50) {
    const z = u64(bytes, loc + 8);
    if (z + 56 > n || u32(bytes, z) !== 0x06064b50) corrupt("the zip64 directory record is missing or damaged");
    count = u64(bytes, z + 32);
    cdSize = u64(bytes, z + 40);
    cdOffset = u64(bytes, z + 48);
  }
  if (count > maxEntries) {
    throw new ZipError("limit-exceeded", `the zip lists ${count} entries, more than ${maxEntries} (limits.maxZipEntries)`);
  }
  if (cdOffset + cdSize > n) corrupt("the zip directory points past the end of the file (truncated?)");
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder("utf-8");
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > n || u32(bytes, p) !== 0x02014b50) corrupt(`zip directory entry ${k + 1} of ${count} is damaged`);
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const crc = u32(bytes, p + 16);
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let offset = u32(bytes, p + 42);
    const end = p + 46 + nameLen + extraLen + commentLen;
    if (end > n) corrupt(`zip directory entry ${k + 1} runs past the end of the file`);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    if (size === 0xffffffff || compressedSize === 0xffffffff || offset === 0xffffffff) {
      // Zip64: the real values are in the extra field (id 1), in this order, each only when needed.
      for (let x = p + 46 + nameLen, xEnd = x + extraLen; x + 4 <= xEnd; ) {
        const id = u16(bytes, x);
        const len = u16(bytes, x + 2);
        if (x + 4 + len > xEnd) break;
        if (id === 1) {
          let q = x + 4;
          const take = () => {
            if (q + 8 > x + 4 + len) corrupt(`the zip64 sizes of ${quote(name)} are damaged`);
            const v = u64(bytes, q);
            q += 8;
            return v;
          };
          if (size === 0xffffffff) size = take();
          if (compressedSize === 0xffffffff) compressedSize = take();
          if (offset === 0xffffffff) offset = take();
        }
        x += 4 + len;
      }
    }
    entries.push({ name, method, flags, crc, compressedSize, size, offset });
    p = end;
  }
  return entries;
}

let CRC_TABLE: Uint32Array | undefined;

/** CRC-32 as zip files use it, continued from `crc` (0 to start). */
function crc32(data: Uint8Array, crc = 0): number {
  let table = CRC_TABLE;
  if (!table) {
    table = new Uint32Array(256);
    for (let i = 0; i < 256; i++) {
      let c = i;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[i] = c >>> 0;
    }
    CRC_TABLE = table;
  }
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

/** Where an entry's compressed bytes are, from its local header. */
function entryData(bytes: Uint8Array, e: ZipEntry): Uint8Array {
  const p = e.offset;
  if (p + 30 > bytes.length || u32(bytes, p) !== 0x04034b50) corrupt(`the local header of ${quote(e.name)} is missing (truncated or damaged zip)`);
  const start = p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28);
  if (start + e.compressedSize > bytes.length) corrupt(`${quote(e.name)} runs past the end of the file (truncated zip)`);
  return bytes.subarray(start, start + e.compressedSize);
}

/** Would the entry's declared size overspend the budget? Then it is refused before anything is inflated. */
function checkBudget(e: ZipEntry, budget: InflateBudget): void {
  if (budget.used + e.size > budget.max) throw new ZipError("limit-exceeded", `the zip expands to more than ${budget.max} bytes (limits.maxBytes)`);
}

/**
 * Inflate one entry piece by piece, charging its bytes to `budget`. Stops as soon as the entry grows
 * past its declared size (a lying directory) or the budget is spent (a zip bomb), and checks the CRC
 * once the last piece is out. Throws a `ZipError`.
 * @example
 * for (const piece of inflateChunks(bytes, entry, { used: 0, max: 64 << 20 })) hash.update(piece);
 */
export function* inflateChunks(bytes: Uint8Array, e: ZipEntry, budget: InflateBudget): Generator<Uint8Array, void, undefined> {
  if (e.flags & 1) corrupt(`${quote(e.name)} is encrypted inside the zip`);
  if (e.method !== 0 && e.method !== 8) corrupt(`${quote(e.name)} uses zip compression method ${e.method}, which Office never writes`);
  checkBudget(e, budget);
  const data = entryData(bytes, e);
  let got = 0;
  let crc = 0;
  const ready: Uint8Array[] = [];
  const take = (chunk: Uint8Array) => {
    if (got + chunk.length > e.size) corrupt(`${quote(e.name)} expands past its declared ${e.size} bytes (a damaged or hostile zip)`);
    got += chunk.length;
    budget.used += chunk.length;
    crc = crc32(chunk, crc);
    ready.push(chunk);
  };
  if (e.method === 0) {
    if (e.compressedSize !== e.size) corrupt(`${quote(e.name)} is stored with inconsistent sizes`);
    for (let i = 0; i < data.length; i += STEP) {
      take(data.subarray(i, Math.min(data.length, i + STEP)));
      yield ready.pop()!;
    }
  } else {
    const inflater = new Inflate((chunk) => {
      if (chunk.length) take(chunk);
    });
    for (let i = 0; i === 0 || i < data.length; i += STEP) {
      try {
        inflater.push(data.subarray(i, Math.min(data.length, i + STEP)), i + STEP >= data.length);
      } catch (err) {
        if (err instanceof ZipError) throw err;
        corrupt(`${quote(e.name)} cannot be inflated (${(err as Error).message})`);
      }
      // Handed over between pushes: whatever the consumer throws never passes through fflate.
      for (const chunk of ready.splice(0)) yield chunk;
    }
  }
  if (got !== e.size) corrupt(`${quote(e.name)} inflates to ${got} bytes, not the ${e.size} its directory declares (truncated or damaged zip)`);
  if (crc !== e.crc) corrupt(`${quote(e.name)} fails its CRC check (the zip is damaged)`);
}

/**
 * Inflate one entry whole (see inflateChunks). Throws a `ZipError`.
 * @example
 * const xml = new TextDecoder().decode(inflateEntry(bytes, entry, { used: 0, max: 64 << 20 }));
 */
export function inflateEntry(bytes: Uint8Array, e: ZipEntry, budget: InflateBudget): Uint8Array {
  // The declared size is checked against the budget first, so this allocation is bounded.
  checkBudget(e, budget);
  const out = new Uint8Array(e.size);
  let at = 0;
  for (const chunk of inflateChunks(bytes, e, budget)) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * Does this XML text declare a DTD (`<!DOCTYPE`) before its root element? Office files never do; a DTD is
 * how entity-expansion bombs and external-entity references get in. Only the prolog is scanned, and a
 * prolog longer than 64 KB counts as a DTD. Returns the reason, or null when the prolog is clean.
 * @example
 * declaresDtd('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>'); // "declares a DTD (<!DOCTYPE ...>)"
 */
export function declaresDtd(xml: string): string | null {
  const n = Math.min(xml.length, PROLOG_WINDOW);
  let i = 0;
  const skipSpace = () => {
    while (i < n) {
      const c = xml.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xfeff || c === 0) i++;
      else break;
    }
  };
  for (;;) {
    skipSpace();
    if (i >= n) return xml.length > n ? "has an XML prolog longer than 64 KB" : null;
    if (xml.startsWith("<?", i)) {
      const end = xml.indexOf("?>", i + 2);
      if (end < 0 || end >= n) return xml.length > n ? "has an XML prolog longer than 64 KB" : null;
      i = end + 2;
    } else if (xml.startsWith("<!--", i)) {
      const end = xml.indexOf("-->", i + 4);
      if (end < 0 || end >= n) return xml.length > n ? "has an XML prolog longer than 64 KB" : null;
      i = end + 3;
    } else if (/^<!doctype/i.test(xml.slice(i, i + 9))) {
      return /<!ENTITY[^>]*\b(?:SYSTEM|PUBLIC)\b/i.test(xml.slice(i, i + 4096))
        ? "declares an external entity (<!ENTITY ... SYSTEM ...>)"
        : "declares a DTD (<!DOCTYPE ...>)";
    } else return null;
  }
}

/**
 * The start of an entry's bytes as text for `declaresDtd`: byte-order mark skipped, UTF-16 NULs dropped.
 * @example
 * declaresDtd(prologText(inflatedBytes.subarray(0, 131072)));
 */
export function prologText(head: Uint8Array): string {
  let from = 0;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) from = 3;
  else if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) from = 2;
  // windows-1252 maps every byte to one character: the markup is ASCII whatever the real encoding.
  return new TextDecoder("windows-1252").decode(head.subarray(from, from + PROLOG_WINDOW * 2)).replace(/\0/g, "");
}

/**
 * Reads entries of one zip on demand under shared limits: every entry read is charged once to one
 * budget of `maxBytes` inflated bytes (reading it again, as a second pass over a worksheet does, is
 * free), and XML parts that declare a DTD are refused (`unsafe-xml`).
 * @example
 * const zip = new ZipReader(bytes, { maxBytes: 64 << 20, maxEntries: 10_000 });
 * const xml = zip.text("xl/workbook.xml");
 */
export class ZipReader {
  /** Entries by name (a Map: names come from the file). */
  readonly entries: Map<string, ZipEntry>;
  private readonly bytes: Uint8Array;
  private readonly budget: InflateBudget;
  /** Entries inflated whole once already (sizes and CRC checked, bytes charged). */
  private readonly charged = new Set<string>();

  /**
   * Reads the directory; throws a `ZipError` when it is damaged, lists too many entries or one name
   * twice, or declares more than `maxBytes` for the entries `counted` selects (those that may be read:
   * a bomb is refused before anything is inflated).
   */
  constructor(bytes: Uint8Array, limits: ZipLimits, counted: (name: string) => boolean = () => true) {
    this.bytes = bytes;
    const list = readZipDirectory(bytes, limits.maxEntries);
    let declared = 0;
    for (const e of list) if (counted(e.name)) declared += e.size;
    if (declared > limits.maxBytes) {
      throw new ZipError("limit-exceeded", `the zip declares ${declared} bytes once expanded, more than ${limits.maxBytes} (limits.maxBytes)`);
    }
    this.entries = new Map();
    // Part names are case-insensitive in Office files: two entries with one name would be read one way
    // here and another way elsewhere (Excel, another library), so the file is refused.
    const folded = new Set<string>();
    for (const e of list) {
      const key = e.name.toLowerCase();
      if (folded.has(key)) corrupt(`the zip holds two entries named ${quote(e.name)} (a damaged or hostile zip)`);
      folded.add(key);
      this.entries.set(e.name, e);
    }
    this.budget = { used: 0, max: limits.maxBytes };
  }

  /** The sum of the sizes the directory declares for the entries `select` picks. */
  declaredSize(select: (name: string) => boolean): number {
    let n = 0;
    for (const e of this.entries.values()) if (select(e.name)) n += e.size;
    return n;
  }

  /** Does the zip hold this entry? */
  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The inflated bytes of an entry (undefined when absent); throws a `ZipError`. */
  read(name: string): Uint8Array | undefined {
    const e = this.entries.get(name);
    if (!e) return undefined;
    const data = inflateEntry(this.bytes, e, this.budgetFor(name));
    this.charged.add(name);
    const why = declaresDtd(prologText(data.subarray(0, PROLOG_WINDOW * 2)));
    if (why) throw new ZipError("unsafe-xml", `${quote(name)} ${why}; Office files never do, so it is refused as unsafe (entity expansion or external entities)`);
    return data;
  }

  /** An entry decoded as UTF-8 text (undefined when absent); throws a `ZipError`. */
  text(name: string): string | undefined {
    const data = this.read(name);
    return data && new TextDecoder("utf-8").decode(data);
  }

  /**
   * An entry's UTF-8 text, piece by piece as it is inflated, never holding the whole part: a large
   * worksheet is parsed while it is inflated. The start is checked for a DTD before any text is
   * handed over. Yields nothing when the entry is absent; throws a `ZipError`.
   */
  *chunks(name: string): Generator<string, void, undefined> {
    const e = this.entries.get(name);
    if (!e) return;
    const decoder = new TextDecoder("utf-8");
    let head: Uint8Array[] | null = [];
    let headSize = 0;
    const headText = (): string => {
      const start = new Uint8Array(headSize);
      let at = 0;
      for (const part of head!) {
        start.set(part, at);
        at += part.length;
      }
      head = null;
      const why = declaresDtd(prologText(start));
      if (why) throw new ZipError("unsafe-xml", `${quote(name)} ${why}; Office files never do, so it is refused as unsafe (entity expansion or external entities)`);
      return decoder.decode(start, { stream: true });
    };
    for (const chunk of inflateChunks(this.bytes, e, this.budgetFor(name))) {
      if (head) {
        head.push(chunk.slice());
        headSize += chunk.length;
        if (headSize >= PROLOG_WINDOW * 2) yield headText();
      } else yield decoder.decode(chunk, { stream: true });
    }
    this.charged.add(name);
    if (head) yield headText();
    const rest = decoder.decode();
    if (rest) yield rest;
  }

  /** The shared budget, or a free one for an entry already inflated whole (checked, and charged then). */
  private budgetFor(name: string): InflateBudget {
    return this.charged.has(name) ? { used: 0, max: Number.MAX_SAFE_INTEGER } : this.budget;
  }
}
