import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { Readable } from "node:stream";
import Papa from "papaparse";
import type { ParseResult } from "../schema/result.js";
import { CsvFeed, encodingGuessed, guessDelimiter, guessNewline } from "../ingest/csv.js";
import { score, utf16Guess } from "../ingest/decode.js";
import type { ResolvedParseOptions } from "../ingest/options.js";
import { requireRecommendations } from "../ingest/guard.js";
import { failed } from "../ingest/result.js";
import type { PartSink } from "./parts.js";

type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252" | "macintosh";

/** How to decode a file: the encoding, the byte-order mark to skip, and whether it was inferred. */
interface Detected {
  encoding: Encoding;
  skip: number;
  guessed: boolean;
}

// The same rules as decodeText (ingest/decode.ts), applied to a file read in chunks: BOM, UTF-16 without
// BOM, UTF-8 if the whole file is valid UTF-8, else Windows-1252 or MacRoman by the plausibility of
// accented letters over the whole file. Tests check that both agree on the corpus and the fixtures.

async function* chunks(path: string, start: number, chunkBytes: number): AsyncGenerator<Uint8Array> {
  for await (const c of createReadStream(path, { start, highWaterMark: chunkBytes })) yield c as Uint8Array;
}

async function detectEncoding(path: string, chunkBytes: number): Promise<Detected> {
  const fh = await open(path, "r");
  const head = new Uint8Array(4096);
  let got: number;
  try {
    got = (await fh.read(head, 0, head.length, 0)).bytesRead;
  } finally {
    await fh.close();
  }
  const b = head.subarray(0, got);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: "utf-8", skip: 3, guessed: false };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: "utf-16le", skip: 2, guessed: false };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: "utf-16be", skip: 2, guessed: false };
  const wide = utf16Guess(b);
  if (wide) return { encoding: wide, skip: 0, guessed: true };
  try {
    const utf8 = new TextDecoder("utf-8", { fatal: true });
    for await (const c of chunks(path, 0, chunkBytes)) utf8.decode(c, { stream: true });
    utf8.decode();
    return { encoding: "utf-8", skip: 0, guessed: false };
  } catch {
    // Not UTF-8: a single-byte code page, chosen as decodeText chooses.
  }
  const win = new TextDecoder("windows-1252");
  const mac = new TextDecoder("macintosh");
  let winScore = 0;
  let macScore = 0;
  let start = "";
  for await (const c of chunks(path, 0, chunkBytes)) {
    const w = win.decode(c, { stream: true });
    if (start.length < 65536) start += w.slice(0, 65536 - start.length);
    winScore += score(w);
    macScore += score(mac.decode(c, { stream: true }));
  }
  const crOnly = /\r(?!\n)/.test(start) && !/\n/.test(start);
  const macBetter = macScore > winScore || (macScore === winScore && crOnly);
  return { encoding: macBetter ? "macintosh" : "windows-1252", skip: 0, guessed: true };
}

/** Tuning for tests: the size of the reads (bytes) and of the first text chunk papaparse sees (characters). */
export interface StreamTuning {
  chunkBytes?: number;
  firstChunkChars?: number;
}

/**
 * Read a large CSV file as a stream: decoded chunk by chunk, parsed by papaparse's Node stream input,
 * fed to a TableReader row by row, and handed to `emit` in parts of about `partSize` recommendations.
 * The result is the same as parseCsv on the whole file. Returns the last part, with the source.
 * @example
 * const rest = await streamCsvFile("big.csv", resolveParseOptions({ file: "big.csv" }), 5000, async (part) => write(part));
 */
export async function streamCsvFile(path: string, opts: ResolvedParseOptions, partSize: number, emit: PartSink, tuning: StreamTuning = {}): Promise<ParseResult> {
  const chunkBytes = tuning.chunkBytes ?? 1 << 20;
  // papaparse guesses line endings from the first 1 MiB of its first chunk, as it does for a whole text.
  const firstChunkChars = tuning.firstChunkChars ?? 1 << 20;
  const detected = await detectEncoding(path, chunkBytes);
  const feed = new CsvFeed(opts);
  if (detected.guessed) feed.note(encodingGuessed(opts.file, detected.encoding));
  let sawText = false;
  let queued: Pick<ParseResult, "recommendations" | "diagnostics">[] = [];
  const flush = async () => {
    const ready = queued;
    queued = [];
    for (const p of ready) await emit(p);
  };

  async function* text(): AsyncGenerator<string> {
    const decoder = new TextDecoder(detected.encoding);
    let pending = "";
    let first = true;
    for await (const c of chunks(path, detected.skip, chunkBytes)) {
      pending += decoder.decode(c, { stream: true });
      if (first && pending.length < firstChunkChars) continue;
      first = false;
      const out = pending;
      pending = "";
      if (!sawText && /\S/.test(out)) sawText = true;
      feed.append(out, false);
      yield out;
      await flush(); // backpressure: the next chunk waits until the parts are taken
    }
    const out = pending + decoder.decode();
    if (!sawText && /\S/.test(out)) sawText = true;
    feed.append(out, true);
    if (out) yield out;
  }

  // The delimiter is guessed from the first chunk, as parseCsv guesses it from the start of the text.
  const chunksOfText = text();
  const head = await chunksOfText.next();
  const delimiter = guessDelimiter(head.done ? "" : head.value);
  // papaparse guesses line endings from its first chunk: the same guess, made faster (see guessNewline).
  const newline = guessNewline(head.done ? "" : head.value);
  async function* all(): AsyncGenerator<string> {
    if (head.done) return;
    yield head.value;
    yield* chunksOfText;
  }

  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(Readable.from(all(), { objectMode: true, highWaterMark: 1 }) as unknown as NodeJS.ReadableStream, {
      delimiter,
      newline,
      skipEmptyLines: false,
      step: (result) => {
        feed.record({ data: result.data, errors: result.errors, cursor: result.meta.cursor, linebreak: result.meta.linebreak });
        if (feed.reader.pending > partSize) queued.push(feed.drain());
      },
      complete: () => resolve(),
      error: (e: Error) => reject(e),
    });
  });
  await flush();
  if (!sawText) return failed({ code: "empty-file", severity: "error", message: "The file is empty.", place: { file: opts.file } });
  return requireRecommendations(feed.finish(), opts.file);
}
