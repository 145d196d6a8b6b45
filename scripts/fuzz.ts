/**
 * Bounded fuzzing of the readers: mutate the real fixtures and an exported tracking workbook (bytes, zip
 * parts, XML, cells), parse each mutant in a worker thread under a time and memory limit (and read each
 * .xlsx as a returned tracking workbook, as `track import` does), and check that every run ends in a
 * result that keeps the contract (a valid ParseResult, every row accounted for, one-line messages) or a
 * typed error: never an uncaught exception, a hang or an out-of-memory crash.
 *
 *   npm run fuzz -- --seconds 60              # default 60 s, seed from the clock (printed)
 *   npm run fuzz -- --seconds 300 --seed 42 --jobs 2 --timeout-ms 10000
 *
 * Failing inputs are saved in .tmp/fuzz-failures/ (git-ignored) with a .json note beside each: what broke,
 * the seed and the mutations. Exit code 1 when anything failed. See docs/security.md.
 */
import { seededRandom } from "../src/internal/random.js";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, extname, join, resolve } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isMainThread, parentPort, Worker } from "node:worker_threads";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import Papa from "papaparse";
import { checkLedger, ledgerSeeds, mutateLedger } from "./fuzz-ledger.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

// ------------------------------------------------------------------------------------------------
// Worker: parse one input, check the contract, answer
// ------------------------------------------------------------------------------------------------

interface Job {
  id: number;
  name: string;
  bytes: Uint8Array;
}

interface Answer {
  id: number;
  ok: boolean;
  /** What broke, one line. */
  problem?: string;
  recommendations?: number;
  codes?: string[];
  /** Time spent parsing, in the worker. */
  ms?: number;
}

async function workerMain(): Promise<void> {
  const { parseMatrix } = await import("../src/ingest/parse-matrix.js");
  const { ParseResult } = await import("../src/schema/result.js");
  // PDFs are read with pdf.js in this worker (the fuzzer bounds its time and memory), not in a worker of
  // their own as parseMatrix would: one per input would cost a second each.
  const { parseWgReportWith } = await import("../src/pdf/document.js");
  const { extractPdfText } = await import("../src/pdf/extract-text.js");
  // As in the PDF worker thread of readMatrixFile (src/node/pdf-worker.ts).
  (await import("../src/node/pdf-stray.js")).ignoreStrayPdfJsRejections();
  const { sniffFormat } = await import("../src/ingest/sniff.js");
  const { Diagnostic } = await import("../src/schema/diagnostic.js");
  const { readTrackWorkbook } = await import("../src/ingest/track-workbook.js");
  parentPort!.on("message", async (job: Job) => {
    // The ledger reader is a target too (scripts/fuzz-ledger.ts).
    if (job.name.endsWith(".jsonl")) return parentPort!.postMessage({ id: job.id, ...(await checkLedger(job.id, job.name, job.bytes)) });
    let answer: Answer;
    const started = performance.now();
    try {
      const result = sniffFormat(job.bytes) === "pdf" ? await parseWgReportWith(job.bytes, { file: job.name }, extractPdfText) : await parseMatrix(job.bytes, { file: job.name });
      const ms = Math.round(performance.now() - started);
      const checked = ParseResult.safeParse(result);
      const problems: string[] = [];
      if (!checked.success) problems.push(`invalid result: ${checked.error.issues[0]?.message ?? "?"} at ${checked.error.issues[0]?.path.join(".")}`);
      for (const s of result.sources) {
        const c = s.rowCounts;
        if (c.header + c.title + c.section + c.blank + c.continuation + c.skipped + c.recommendation !== s.rows) problems.push(`rows not accounted for in ${s.sheet ?? s.file}`);
        if (c.recommendation !== s.recommendations) problems.push("recommendation count differs from rowCounts");
      }
      if (result.recommendations.length !== result.sources.reduce((n, s) => n + s.recommendations, 0)) problems.push("recommendations differ from the sources' counts");
      const multiline = result.diagnostics.find((d) => /[\r\n\u2028\u2029]/.test(d.message));
      if (multiline) problems.push(`multi-line message (${multiline.code})`);
      // Messages are printed on a terminal: a control character from a file (ESC...) could drive it.
      const control = result.diagnostics.find((d) => /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(`${d.message}${d.place?.sheet ?? ""}`));
      if (control) problems.push(`control character in message (${control.code})`);
      if (result.sources.length === 0 && result.diagnostics.length === 0) problems.push("nothing read and nothing said");
      // The same bytes as a returned tracking workbook (`track import`): a result, never an exception.
      if (job.name.endsWith(".xlsx")) {
        const track = await readTrackWorkbook(job.bytes, job.name);
        const bad = track.diagnostics.find((d) => !Diagnostic.safeParse(d).success || /[\r\n\u2028\u2029\u0000-\u0008\u000b-\u001f\u007f-\u009f]/.test(d.message));
        if (bad) problems.push(`track import: bad diagnostic (${bad.code})`);
        if (track.workbook === null && !track.diagnostics.some((d) => d.severity === "error")) problems.push("track import: no workbook and no error");
        if (track.workbook?.rows.some((r) => r.row < 1)) problems.push("track import: a row before the first");
      }
      if (Object.getOwnPropertyNames(Object.prototype).length !== PROTO_KEYS) problems.push("Object.prototype was changed");
      answer = problems.length
        ? { id: job.id, ok: false, problem: problems.join("; ") }
        : { id: job.id, ok: true, recommendations: result.recommendations.length, codes: [...new Set(result.diagnostics.map((d) => d.code))], ms };
    } catch (e) {
      const err = e as Error;
      answer = { id: job.id, ok: false, problem: `uncaught ${err.name}: ${String(err.message).split("\n")[0]} ${String(err.stack ?? "").split("\n").slice(1, 3).map((l) => l.trim()).join(" ")}` };
    }
    parentPort!.postMessage(answer);
  });
  parentPort!.postMessage({ ready: true });
}

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).length;
/** A parse slower than this is kept in .tmp/fuzz-slow/ to check that its time follows its size. */
const SLOW_MS = 2000;

/**
 * Failure classes already reported, whose fix lies outside the readers (files being changed by someone
 * else when this was written). They are counted and listed, not treated as new failures; --strict makes
 * them fail the run. Remove an entry once its fix is in.
 */
// Both classes this fuzzer found outside the readers (messages quoting cells with their line breaks and
// control characters; session/cycle 0 or 1e20 breaking the schema) are fixed in the interpreter (src/ingest/table-reader.ts, cell-readers.ts); their
// fixtures are csv-multiline-cells.csv and csv-invalid-numbers.csv.
const KNOWN: readonly { match: RegExp; fix: string }[] = [];

// ------------------------------------------------------------------------------------------------
// Random numbers and mutations
// ------------------------------------------------------------------------------------------------

type Rng = () => number;

const rngFrom: (seed: number) => Rng = seededRandom;

const int = (r: Rng, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)]!;

/** Cell texts that have broken parsers before: formulas, prototype names, markup, odd whitespace, sizes. */
const HOSTILE_CELLS = [
  "=1+1", '=HYPERLINK("http://attacker.example","x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\t=1", "\r=1",
  "__proto__", "constructor", "prototype", "toString", "hasOwnProperty", '{"__proto__":{"polluted":true}}',
  "<script>alert(1)</script>", "&lt;b&gt;", "&#0;", "&#x110000;", "&amp;amp;", "]]>", "<![CDATA[x]]>",
  "Theme: A12 Acceptance of international norms", "Theme:", "Supported", "Noted", "Recommendation", "Position",
  "117.1", "117.1.", "117.1 (France)", "((((((((((", "))))))))", "(" .repeat(5000), "a (b (c (d (e", "Source of position:",
  "\u202e\u2066evil\u2069", "\u0000", "\ufeff", "\u00a0\u00a0", "\ud800", "😀".repeat(100), "x".repeat(120_000),
  "a,".repeat(3000), '"'.repeat(101), "\n".repeat(500), " ", "", "- ".repeat(2000), ";".repeat(4000),
];

const XML_SNIPPETS = [
  '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]>',
  '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
  "&e;", "&undefined;", "&#xFFFF;", "<![CDATA[ <w:t>x</w:t> ]]>", "<?pi x?>", "<!-- c -->",
  '<w:gridSpan w:val="63"/>', '<w:gridSpan w:val="999999"/>', '<w:gridBefore w:val="63"/>', '<w:vMerge w:val="restart"/>', "<w:vMerge/>",
  "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>nested</w:t></w:r></w:p></w:tc></w:tr></w:tbl>", "<w:tc></w:tc>", "<w:tr></w:tr>", "<w:br/>", "<w:tab/>",
  '<mergeCell ref="A1:XFD1048576"/>', '<mergeCell ref="B2:A1"/>', '<mergeCell ref="ZZZZ9"/>', '<c r="XFD1048576" t="inlineStr"><is><t>far</t></is></c>',
  '<c r="A1" t="s"><v>99999999</v></c>', '<c r="A1" t="s"><v>-1</v></c>', '<c r="A1" t="s"><v>__proto__</v></c>', '<row r="0"/>', '<row r="99999999"/>',
  '<c r="A1" s="999"><v>45000</v></c>', '<c r="A1" t="b"><v>2</v></c>', '<c r="A1" t="e"><v>#N/A</v></c>', '<c r="A1"><f>1/0</f></c>',
  '<sheet name="__proto__" sheetId="9" r:id="rId1"/>', '<sheet name="x" sheetId="1" r:id="constructor"/>', "<x>".repeat(400),
];

/** Inputs are kept under this size: the fuzzer's own memory stays small (the readers' limits are tested by fixtures). */
const MAX_INPUT = 8 * 1024 * 1024;

function join3(a: Uint8Array, b: Uint8Array, c: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.min(MAX_INPUT, a.length + b.length + c.length));
  let at = 0;
  for (const part of [a, b, c]) {
    const n = Math.min(part.length, out.length - at);
    out.set(part.subarray(0, n), at);
    at += n;
  }
  return out;
}

function mutateBytes(r: Rng, b: Uint8Array, steps: string[]): Uint8Array {
  let out: Uint8Array = b.slice();
  const n = 1 + int(r, 4);
  for (let k = 0; k < n; k++) {
    const op = int(r, 8);
    if (out.length === 0) return out;
    const at = int(r, out.length);
    if (op === 0) {
      out[at] = out[at]! ^ (1 << int(r, 8));
      steps.push(`flip bit at ${at}`);
    } else if (op === 1) {
      out[at] = pick(r, [0, 0xff, 0x7f, 0x80, 0x3c, 0x26, 0x22, 0x0a]);
      steps.push(`set byte ${at}`);
    } else if (op === 2) {
      out = out.subarray(0, at);
      steps.push(`truncate at ${at}`);
    } else if (op === 3) {
      const len = int(r, Math.min(4096, out.length - at) + 1);
      out = join3(out.subarray(0, at), out.subarray(at + len), new Uint8Array(0));
      steps.push(`delete ${len} at ${at}`);
    } else if (op === 4) {
      const len = int(r, Math.min(4096, out.length - at) + 1);
      const chunk = out.subarray(at, at + len);
      const where = int(r, out.length);
      out = join3(out.subarray(0, where), chunk, out.subarray(where));
      steps.push(`duplicate ${len} from ${at} to ${where}`);
    } else if (op === 5) {
      const len = 1 + int(r, 64);
      for (let i = 0; i < len && at + i < out.length; i++) out[at + i] = int(r, 256);
      steps.push(`randomise ${len} at ${at}`);
    } else if (op === 6) {
      // Zip directory fields: sizes and offsets near the end of the file.
      const p = Math.max(0, out.length - 1 - int(r, Math.min(out.length, 400)));
      out[p] = pick(r, [0, 0xff, 0x7f, 1]);
      steps.push(`set directory byte ${p}`);
    } else {
      const v = strToU8(pick(r, HOSTILE_CELLS).slice(0, 2000));
      out = join3(out.subarray(0, at), v, out.subarray(at));
      steps.push(`insert hostile text at ${at}`);
    }
  }
  return out;
}

/** PDF syntax that has broken PDF readers: wrong lengths and offsets, filters, cycles, nesting, odd numbers. */
const PDF_SNIPPETS = [
  "/Length 999999999", "/Length -1", "/Length 0", "/Filter /FlateDecode", "/Filter [/FlateDecode /FlateDecode]", "/Filter /LZWDecode", "/Filter /ASCII85Decode",
  "/Kids [2 0 R 2 0 R]", "/Count 99999999", "/Count -1", "/Parent 4 0 R", "/Type /ObjStm /N 99999 /First 0", "/Encrypt 1 0 R", "/Prev 0",
  "[".repeat(300), "<<".repeat(300), "(unbalanced", ")", "<4142", "9999999999 0 R", "1e308", "-0", "stream\nendstream", "startxref\n0\n%%EOF",
  "BT /F1 1e9 Tf 1 0 0 1 1e9 -1e9 Tm (x) Tj ET", "BT /F9 12 Tf (no font) Tj ET", "BT (no Tf) Tj ET", "q ".repeat(2000),
];

/** Mutate a PDF as text: numbers changed (offsets, lengths, counts), PDF snippets inserted, objects cut or doubled. */
function mutatePdf(r: Rng, bytes: Uint8Array, steps: string[]): Uint8Array {
  let text = strFromU8(bytes, true);
  const n = 1 + int(r, 3);
  for (let k = 0; k < n; k++) {
    const op = int(r, 4);
    if (op === 0) {
      const numbers = [...text.matchAll(/\d+/g)];
      if (!numbers.length) continue;
      const m = pick(r, numbers);
      const v = pick(r, ["0", "1", "9999999", String(Number(m[0]) + 1 + int(r, 50)), "-3"]);
      text = text.slice(0, m.index) + v + text.slice(m.index! + m[0].length);
      steps.push(`number ${m[0]} at ${m.index} to ${v}`);
    } else if (op === 1) {
      const at = int(r, text.length);
      text = text.slice(0, at) + pick(r, PDF_SNIPPETS) + text.slice(at);
      steps.push(`insert PDF snippet at ${at}`);
    } else if (op === 2) {
      const objects = [...text.matchAll(/\d+ 0 obj[\s\S]*?endobj/g)];
      if (!objects.length) continue;
      const m = pick(r, objects);
      const drop = int(r, 2) === 0;
      text = text.slice(0, m.index) + (drop ? "" : m[0] + m[0]) + text.slice(m.index! + m[0].length);
      steps.push(`${drop ? "drop" : "double"} object at ${m.index}`);
    } else {
      const lines = [...text.matchAll(/\((?:[^()\\]|\\.)*\) Tj/g)];
      if (!lines.length) continue;
      const m = pick(r, lines);
      const cell = pick(r, HOSTILE_CELLS).slice(0, 500).replace(/[()\\]/g, "");
      text = `${text.slice(0, m.index)}(${cell}) Tj${text.slice(m.index! + m[0].length)}`;
      steps.push(`text of a line at ${m.index}`);
    }
  }
  return strToU8(text, true).subarray(0, MAX_INPUT);
}

/** Mutate an XML part as text: hostile snippets, removed or doubled elements, changed attribute values, cell texts. */
function mutateXml(r: Rng, xml: string, steps: string[]): string {
  let s = xml;
  const n = 1 + int(r, 3);
  for (let k = 0; k < n; k++) {
    const op = int(r, 6);
    if (op === 0) {
      const at = s.indexOf("<", int(r, s.length));
      if (at < 0) continue;
      s = s.slice(0, at) + pick(r, XML_SNIPPETS) + s.slice(at);
      steps.push("insert XML snippet");
    } else if (op === 1) {
      // A DTD in the prolog.
      s = s.replace(/^(<\?xml[^>]*\?>)?/, (m) => m + pick(r, XML_SNIPPETS.slice(0, 2)));
      steps.push("insert DTD");
    } else if (op === 2) {
      const texts = [...s.matchAll(/<(?:w:)?t(?: [^<>]{0,200})?>([^<]*)</g)];
      if (!texts.length) continue;
      const m = pick(r, texts);
      const start = m.index! + m[0].length - 1 - m[1]!.length;
      const value = pick(r, HOSTILE_CELLS).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/\u0000/g, "");
      s = s.slice(0, start) + value + s.slice(start + m[1]!.length);
      steps.push("replace a cell text");
    } else if (op === 3) {
      const attrs = [...s.matchAll(/\s([\w:]{1,40})="([^"]{0,2000})"/g)];
      if (!attrs.length) continue;
      const m = pick(r, attrs);
      const value = pick(r, ["0", "-1", "99999999", "", "__proto__", "A1:XFD1048576", "XFD1048576", "1e309", "NaN", "restart", "&amp;", "x".repeat(5000)]);
      const start = m.index! + 1 + m[1]!.length + 2;
      s = s.slice(0, start) + value + s.slice(start + m[2]!.length);
      steps.push(`set attribute ${m[1]}`);
    } else if (op === 4) {
      // Remove an element's start or end tag: unbalanced XML.
      const tags = [...s.matchAll(/<\/?[\w:]{1,40}[^<>]{0,2000}>/g)];
      if (!tags.length) continue;
      const m = pick(r, tags);
      s = s.slice(0, m.index!) + s.slice(m.index! + m[0].length);
      steps.push("remove a tag");
    } else if (r() < 0.3) {
      // WordprocessingML under another prefix (ns0:, as Python writes it), or a cell of many breaks.
      if (s.includes("xmlns:w=") && r() < 0.5) {
        s = s.replace(/(<\/?)w:/g, "$1ns0:").replace(/ w:/g, " ns0:").replace("xmlns:w=", "xmlns:ns0=");
        steps.push("prefix w: renamed ns0:");
      } else {
        const at = s.indexOf("</w:r>");
        if (at < 0) continue;
        s = s.slice(0, at) + "<w:br/>".repeat(pick(r, [1000, 100_000])) + s.slice(at);
        steps.push("many line breaks in a run");
      }
    } else {
      // Repeat a row or table row many times (found with indexOf: no regex that could backtrack).
      const tag = s.includes("<w:tr") ? "w:tr" : "row";
      const start = s.indexOf(`<${tag}`, int(r, s.length));
      const close = start < 0 ? -1 : s.indexOf(`</${tag}>`, start);
      if (close < 0) continue;
      const chunk = s.slice(start, close + tag.length + 3);
      const times = pick(r, [2, 50, 2000]);
      if (chunk.length * times > 4_000_000) continue;
      s = s.slice(0, start) + chunk.repeat(times) + s.slice(start);
      steps.push(`repeat a ${tag} ${times} times`);
    }
  }
  return s;
}

function mutateZip(r: Rng, bytes: Uint8Array, steps: string[]): Uint8Array | null {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    return null;
  }
  const names = Object.keys(files);
  const xmlNames = names.filter((n) => /\.(xml|rels)$/.test(n));
  const out: Zippable = {};
  const target = pick(r, xmlNames.length ? xmlNames : names);
  const mode = int(r, 10);
  for (const name of names) {
    let data = files[name]!;
    if (name === target) {
      // Text mutations on parts of a few MB at most: the fuzzer's own work stays small and linear.
      if (mode < 7 && data.length < 2_000_000) data = strToU8(mutateXml(r, strFromU8(data), steps));
      else if (mode < 7) data = mutateBytes(r, data, steps);
      else if (mode === 7) {
        steps.push(`drop ${name}`);
        continue;
      } else if (mode === 8) data = mutateBytes(r, data, steps);
      else if (r() < 0.5) {
        // Entry names that could reach an object's prototype.
        out[pick(r, ["__proto__", "constructor", "word/__proto__.xml", "xl/worksheets/constructor.xml"])] = data;
        steps.push("add an entry with a prototype name");
      } else {
        // The same part twice, by a name that differs only in case (part names are case-insensitive).
        out[name.toUpperCase()] = data;
        steps.push("add an entry whose name differs only in case");
      }
    }
    out[name] = [data, { level: int(r, 3) === 0 ? 0 : 6, mtime: new Date(2024, 0, 15) }];
  }
  if (!xmlNames.includes(target)) steps.push(`zip target ${target}`);
  const zipped = zipSync(out);
  return zipped.length > MAX_INPUT ? zipped.subarray(0, MAX_INPUT) : zipped;
}

function mutateCsv(r: Rng, bytes: Uint8Array, steps: string[]): Uint8Array {
  const text = new TextDecoder("utf-8").decode(bytes).replace(/^\ufeff/, "");
  const rows = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false }).data;
  const n = 1 + int(r, 4);
  for (let k = 0; k < n && rows.length; k++) {
    const op = int(r, 6);
    const row = rows[int(r, rows.length)]!;
    if (op === 0 && row.length) {
      row[int(r, row.length)] = pick(r, HOSTILE_CELLS);
      steps.push("replace a cell");
    } else if (op === 1) {
      rows[0] = rows[0]!.map((h) => (r() < 0.3 ? pick(r, ["__proto__", "constructor", "prototype", "", h.toUpperCase(), `${h} ${h}`]) : h));
      steps.push("rename headers");
    } else if (op === 2) {
      row.push(...Array.from({ length: int(r, 5) }, () => pick(r, HOSTILE_CELLS)));
      steps.push("widen a row");
    } else if (op === 3) {
      rows.splice(int(r, rows.length), 0, ...Array.from({ length: pick(r, [1, 10, 1000]) }, () => row.slice()));
      steps.push("duplicate rows");
    } else if (op === 4) {
      rows.splice(int(r, rows.length), int(r, 5));
      steps.push("delete rows");
    } else {
      row.length = int(r, row.length + 1);
      steps.push("shorten a row");
    }
  }
  const delimiter = pick(r, [",", ";", "\t", "|"]);
  const eol = pick(r, ["\r\n", "\n", "\r"]);
  // Line endings that change from row to row (a CRLF file with LF lines appended).
  const mixed = r() < 0.2;
  if (mixed) steps.push("mixed line endings");
  const quoteAll = r() < 0.2;
  let body = "";
  for (const row of rows) {
    body += (body ? (mixed ? pick(r, ["\r\n", "\n", "\r"]) : eol) : "") + row.map((c) => (quoteAll || /[",;\t|\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter);
    if (body.length > MAX_INPUT / 2) {
      steps.push("cut at the size cap");
      break;
    }
  }
  steps.push(`write with ${JSON.stringify(delimiter)} and ${JSON.stringify(eol)}`);
  const enc = int(r, 5);
  if (enc === 0) {
    steps.push("utf-16le");
    const out = new Uint8Array(body.length * 2);
    for (let i = 0; i < body.length; i++) {
      out[i * 2] = body.charCodeAt(i) & 0xff;
      out[i * 2 + 1] = body.charCodeAt(i) >> 8;
    }
    return r() < 0.5 ? join3(new Uint8Array([0xff, 0xfe]), out, new Uint8Array(0)) : out;
  }
  if (enc === 1) {
    steps.push("latin1 bytes");
    return Uint8Array.from(body, (c) => c.charCodeAt(0) & 0xff);
  }
  const out = strToU8(enc === 2 ? `\ufeff${body}` : body);
  if (r() < 0.2 && out.length) {
    // Stray bytes that are not UTF-8 in a UTF-8 file (a Windows-1252 character, a cut sequence).
    const n = 1 + int(r, 3);
    for (let k = 0; k < n; k++) out[int(r, out.length)] = pick(r, [0x92, 0x80, 0xc3, 0xe9, 0xff, 0xf0]);
    steps.push(`${n} stray non-UTF-8 byte(s)`);
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// Main: seeds, workers, the time budget, the report
// ------------------------------------------------------------------------------------------------

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** Update workbooks as `track export` writes them (data sheet, drop-down, very hidden metadata): what `track import` reads. */
async function trackWorkbookSeeds(): Promise<{ name: string; bytes: Uint8Array }[]> {
  const { readMatrixFile } = await import("../src/node/read-file.js");
  const { planTrackExport } = await import("../src/track/workbook.js");
  const { writeTrackWorkbook } = await import("../src/xlsx/track-workbook.js");
  const path = join(ROOT, "fixtures", "ohchr-en.xlsx");
  if (!existsSync(path)) return [];
  const { recommendations } = await readMatrixFile(path);
  const plans = planTrackExport(recommendations, new Map(), { round: "20250101T000000Z", exportedAt: "2025-01-01T00:00:00Z" });
  return Promise.all(plans.slice(0, 2).map(async (plan, i) => ({ name: `track-export-${i + 1}.xlsx`, bytes: await writeTrackWorkbook(plan) })));
}

function seedFiles(): { name: string; bytes: Uint8Array }[] {
  const out: { name: string; bytes: Uint8Array }[] = [];
  for (const dir of ["fixtures", "fixtures/sample", "fixtures/bad", "fixtures/wg-reports"]) {
    const abs = join(ROOT, dir);
    if (!existsSync(abs)) continue;
    for (const f of readdirSync(abs).sort()) {
      if (!/\.(csv|xlsx|docx|pdf|txt)$/.test(f)) continue;
      const bytes = new Uint8Array(readFileSync(join(abs, f)));
      // The bad corpus seeds mutations too, but not its bombs: their expansion would cost the fuzzer
      // itself (it unzips seeds to mutate them) and they are tested whole in tests/hostile/.
      if (dir === "fixtures/bad" && (bytes.length > 40_000 || /bomb|nesting|million|far-cells|5mb|20mb|span|too-many|many-rows|share-part|300k/.test(f))) continue;
      out.push({ name: f, bytes });
    }
  }
  return out;
}

class Slot {
  worker!: Worker;
  ready!: Promise<void>;
  constructor(private readonly memoryMb: number) {
    this.start();
  }
  start(): void {
    // The worker runs this same file through tsx's ESM API (a worker does not inherit tsx's loader).
    const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")).href;
    // pdf.js is loaded before tsx: through tsx it would take seconds, at every start of a worker.
    const pdfjs = ["pdfjs-dist/legacy/build/pdf.mjs", "pdfjs-dist/legacy/build/pdf.worker.mjs"].map((m) => JSON.stringify(import.meta.resolve(m)));
    const code = `Promise.all([${pdfjs.join(", ")}].map((m) => import(m))).then(([, w]) => { globalThis.pdfjsWorker = w; }).then(() => import(${JSON.stringify(tsx)})).then((api) => api.register()).then(() => import(${JSON.stringify(import.meta.url)}));`;
    this.worker = new Worker(code, { eval: true, resourceLimits: { maxOldGenerationSizeMb: this.memoryMb, maxYoungGenerationSizeMb: 16 } });
    this.ready = new Promise((resolve) => {
      const onReady = (m: { ready?: boolean }) => {
        if (m.ready) {
          this.worker.off("message", onReady);
          resolve();
        }
      };
      this.worker.on("message", onReady);
    });
  }
  async run(job: Job, timeoutMs: number): Promise<Answer> {
    await this.ready;
    return new Promise((resolve) => {
      const done = (a: Answer, restart: boolean) => {
        clearTimeout(timer);
        this.worker.off("message", onMessage);
        this.worker.off("error", onError);
        this.worker.off("exit", onExit);
        if (restart) {
          void this.worker.terminate();
          this.start();
        }
        resolve(a);
      };
      const onMessage = (a: Answer) => {
        if (a.id === job.id) done(a, false);
      };
      const onError = (e: Error) => done({ id: job.id, ok: false, problem: `worker crashed: ${e.name}: ${e.message.split("\n")[0]}` }, true);
      const onExit = (code: number) => done({ id: job.id, ok: false, problem: `worker exited with code ${code}` }, true);
      const timer = setTimeout(() => done({ id: job.id, ok: false, problem: `no answer within ${timeoutMs} ms (hang)` }, true), timeoutMs);
      this.worker.on("message", onMessage);
      this.worker.on("error", onError);
      this.worker.on("exit", onExit);
      this.worker.postMessage(job, [job.bytes.buffer as ArrayBuffer]);
    });
  }
  stop(): Promise<number> {
    return this.worker.terminate();
  }
}

async function main(): Promise<void> {
  const seconds = Number(argValue("seconds") ?? 60);
  const seed = Number(argValue("seed") ?? Date.now() % 1_000_000);
  const jobs = Number(argValue("jobs") ?? 2);
  const timeoutMs = Number(argValue("timeout-ms") ?? 10_000);
  const memoryMb = Number(argValue("memory-mb") ?? 1024);
  const failDir = join(ROOT, ".tmp", "fuzz-failures");
  const seeds = [...seedFiles(), ...(await trackWorkbookSeeds()), ...ledgerSeeds()];
  if (!seeds.length) throw new Error("no fixtures to mutate: run npm run fixtures");
  console.log(`fuzz: ${seeds.length} seed files, ${seconds} s, seed ${seed}, ${jobs} workers, ${timeoutMs} ms and ${memoryMb} MB per input`);

  const rng = rngFrom(seed);
  const slots = Array.from({ length: jobs }, () => new Slot(memoryMb));
  const end = Date.now() + seconds * 1000;
  let tried = 0;
  const failures: { problem: string; file: string }[] = [];
  const known = new Map<string, number>();
  const strict = process.argv.includes("--strict");
  const byKind = new Map<string, number>();
  const codes = new Map<string, number>();
  let slowest = { ms: 0, what: "" };
  let slow = 0;
  const slowDir = join(ROOT, ".tmp", "fuzz-slow");
  let id = 0;

  const next = (): { job: Job; steps: string[]; seedName: string } => {
    const s = pick(rng, seeds);
    const steps: string[] = [];
    const ext = extname(s.name);
    let bytes: Uint8Array | null = null;
    const how = int(rng, 10);
    if ((ext === ".docx" || ext === ".xlsx") && how < 6) bytes = mutateZip(rng, s.bytes, steps);
    else if (ext === ".csv" && how < 6) bytes = mutateCsv(rng, s.bytes, steps);
    else if (ext === ".pdf" && how < 7) bytes = mutatePdf(rng, s.bytes, steps);
    else if (ext === ".jsonl" && how < 7) bytes = mutateLedger(rng, s.bytes, steps);
    if (!bytes) bytes = mutateBytes(rng, s.bytes, steps);
    // The name keeps the extension, as a person's file would.
    return { job: { id: id++, name: `fuzz-${id}${ext}`, bytes }, steps, seedName: s.name };
  };

  await Promise.all(
    slots.map(async (slot) => {
      // The input this worker read before: a failure may depend on what the worker did last.
      let previous: { seedFile: string; mutations: string[]; bytes: Uint8Array } | null = null;
      while (Date.now() < end) {
        const { job, steps, seedName } = next();
        const copy = job.bytes.slice();
        const answer = await slot.run(job, timeoutMs);
        const ms = answer.ms ?? 0;
        tried++;
        const kind = extname(seedName);
        byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
        if (ms > slowest.ms) slowest = { ms, what: `${(copy.length / 1e6).toFixed(2)} MB from ${seedName}: ${steps.join(", ")}` };
        if (ms > SLOW_MS) {
          // Slow but finished: kept for a look (is the time proportional to the size?).
          mkdirSync(slowDir, { recursive: true });
          writeFileSync(join(slowDir, `${ms}ms-${seedName.replace(/\W+/g, "-")}${kind}`), copy);
          slow++;
        }
        for (const c of answer.codes ?? []) codes.set(c, (codes.get(c) ?? 0) + 1);
        const knownFix = answer.ok ? undefined : KNOWN.find((k) => k.match.test(answer.problem ?? ""));
        if (knownFix && !strict) {
          known.set(knownFix.fix, (known.get(knownFix.fix) ?? 0) + 1);
        } else if (!answer.ok) {
          mkdirSync(failDir, { recursive: true });
          const hash = createHash("sha1").update(copy).digest("hex").slice(0, 12);
          const file = join(failDir, `${seedName.replace(/\W+/g, "-")}-${hash}${kind}`);
          writeFileSync(file, copy);
          if (previous) writeFileSync(`${file}.previous${extname(previous.seedFile)}`, previous.bytes);
          const before = previous ? { seedFile: previous.seedFile, mutations: previous.mutations, file: `${file}.previous${extname(previous.seedFile)}` } : null;
          writeFileSync(`${file}.json`, `${JSON.stringify({ problem: answer.problem, seed, seedFile: seedName, mutations: steps, ms, previousInput: before }, null, 2)}\n`);
          failures.push({ problem: answer.problem ?? "?", file });
          console.log(`FAIL ${answer.problem} (${seedName}; ${steps.join(", ")}) -> ${file}`);
        }
        previous = { seedFile: seedName, mutations: steps, bytes: copy };
      }
    }),
  );
  await Promise.all(slots.map((s) => s.stop()));

  console.log(`inputs tried: ${tried} (${[...byKind].map(([k, v]) => `${v} ${k}`).join(", ")}) in ${seconds} s`);
  console.log(`failures: ${failures.length}${failures.length ? ` (saved in ${failDir})` : ""}`);
  for (const [fix, n] of known) console.log(`known, waiting for a fix outside the readers: ${n} x ${fix}`);
  console.log(`slowest parse: ${slowest.ms} ms (${slowest.what.slice(0, 160)}); ${slow} input(s) over ${SLOW_MS} ms kept in ${slowDir}`);
  console.log(`outcomes by diagnostic code: ${[...codes].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${v}`).join(", ")}`);
  process.exitCode = failures.length ? 1 : 0;
}

if (isMainThread) {
  main().catch((e) => {
    console.error(`fuzz: ${(e as Error).message}`);
    process.exitCode = 2;
  });
} else {
  void workerMain();
}
