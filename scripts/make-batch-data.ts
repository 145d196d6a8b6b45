/**
 * Generates the batch benchmark's input: a folder of about 350 files in mixed formats holding about
 * 300,000 recommendations (the size of the whole UN record), built from real data: the UPR Info
 * exports and OHCHR matrices of ../shared/corpus when present, and the fixtures in fixtures/.
 *
 *   npx tsx scripts/make-batch-data.ts [--out bench-data/batch] [--force]
 *
 * What is in it (deterministic: a seeded random generator, fixed order):
 * - csv/:     UPR Info-style exports, one per State under review and session group (some with a BOM,
 *             CRLF or bare-CR line ends, ";" or tab delimiters)
 * - xlsx/:    OHCHR thematic matrices (title rows, merged theme rows, a themes cell) and UHRI exports
 * - docx/:    OHCHR thematic matrices as Word tables
 * - copies/:  the real matrices of the corpus and the fixtures, byte for byte
 * - large/:   one large CSV (read as a stream) and one large workbook
 * - damaged/: a few unreadable files (truncated, empty, legacy .doc), which must not stop the batch
 * The texts, States, positions, issues and themes are real rows, recombined. A manifest.json records
 * the counts; the folder is reused while the manifest's version matches (--force rebuilds it).
 */
import { seededRandom } from "../src/internal/random.js";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { AlignmentType, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { Recommendation } from "../src/schema/recommendation.js";
import { parseMatrix } from "../src/ingest/parse-matrix.js";
import { STATES, THEMES } from "../src/taxonomy/index.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CORPUS = resolve(ROOT, "..", "shared", "corpus");
const FIXTURES = join(ROOT, "fixtures");
/** Bump when the generated set changes, so that old folders are rebuilt. */
const VERSION = 4;

export interface BatchManifest {
  version: number;
  files: number;
  /** Recommendations the generator wrote (the readers may find a few more or fewer in copies of real files). */
  recommendations: number;
  bytes: number;
  byFolder: Record<string, { files: number; recommendations: number; bytes: number }>;
  sources: { corpus: boolean; fixtures: boolean; pool: number };
}

const rng = seededRandom;

const random = rng(20240501);
const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;

// ------------------------------------------------------------------------------------------------
// The pool of real recommendations

function walk(dir: string, keep: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p, keep));
    else if (keep(e.name)) out.push(p);
  }
  return out;
}

async function readPool(): Promise<{ pool: Recommendation[]; corpusFiles: string[]; fixtureFiles: string[] }> {
  const corpusFiles = walk(CORPUS, (n) => /\.(csv|docx)$/i.test(n));
  // The realistic fixtures (not fixtures/bad, whose files are damaged on purpose, nor report outputs).
  const fixtureFiles = walk(FIXTURES, (n) => /\.(csv|xlsx|docx)$/i.test(n)).filter((f) => !/[/\\](bad|report)[/\\]/.test(f));
  const pool: Recommendation[] = [];
  for (const f of [...corpusFiles, ...fixtureFiles]) {
    const r = await parseMatrix(new Uint8Array(readFileSync(f)), { file: basename(f) });
    for (const rec of r.recommendations) if (rec.text.length > 20) pool.push(rec);
  }
  if (pool.length === 0) throw new Error("No corpus (../shared/corpus) and no fixtures (fixtures/): nothing to build the batch from. Run `npm run fixtures` first.");
  return { pool, corpusFiles, fixtureFiles };
}

let cursor = 0;
function take(pool: readonly Recommendation[], n: number): Recommendation[] {
  const out: Recommendation[] = [];
  for (let i = 0; i < n; i++) out.push(pool[(cursor++ * 7919) % pool.length]!); // a stride that visits the whole pool
  return out;
}

const STATE_NAMES = STATES.filter((s) => s.group !== null);
const CODED_THEMES = THEMES.filter((t) => t.taxonomy === "uhri-v1-coded" && t.level !== null && t.level >= 2 && t.code && !t.code.startsWith("S"));
const GROUP_OF = new Map(STATES.map((s) => [s.name, s.group ?? ""]));
const RGRP: Record<string, string> = { African: "Africa", "Asia-Pacific": "Asia", EEG: "EEG", GRULAC: "GRULAC", WEOG: "WEOG" };

function statesOf(r: Recommendation): string[] {
  return r.recommendingStates.length ? r.recommendingStates : [pick(STATE_NAMES).name];
}

function responseOf(r: Recommendation): string {
  return r.position === "noted" ? "Noted" : r.position === "supported" ? "Accepted" : pick(["Accepted", "Accepted", "Noted"]);
}

function themesOf(r: Recommendation): { code: string; name: string }[] {
  const coded = r.themes.filter((t) => t.code && /^[A-H]\d/.test(t.code)).map((t) => ({ code: t.code!, name: t.name }));
  if (coded.length) return coded.slice(0, 3);
  const n = int(1, 3);
  const out: { code: string; name: string }[] = [];
  for (let i = 0; i < n; i++) {
    const t = pick(CODED_THEMES);
    if (!out.some((o) => o.code === t.code)) out.push({ code: t.code!, name: t.name });
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// Writers

const UPRINFO_HEADER = ["To", "To-Rgrp", "To-Org", "Text", "From", "From-Rgrp", "From-Org", "Response", "Action", "Issue", "Session"];

function uprInfoRows(recs: readonly Recommendation[], sur: string, session: number): string[][] {
  return recs.map((r) => {
    const from = statesOf(r)[0]!;
    return [
      sur, RGRP[GROUP_OF.get(sur) ?? ""] ?? "", "", r.text.replace(/\s*\n\s*/g, " "), from, RGRP[GROUP_OF.get(from) ?? ""] ?? "", "",
      responseOf(r), String(r.actionCategory?.category ?? int(1, 5)), r.issues.map((i) => i.name).join(","), String(session),
    ];
  });
}

function writeCsv(path: string, rows: string[][], variant: number): number {
  const delimiter = variant % 11 === 0 ? ";" : path.endsWith(".tsv") ? "\t" : ",";
  const newline = variant % 5 === 0 ? "\r" : variant % 2 === 0 ? "\r\n" : "\n";
  let text = Papa.unparse([UPRINFO_HEADER, ...rows], { delimiter, newline, quotes: false });
  if (variant % 7 === 0) text = `\ufeff${text}`;
  writeFileSync(path, `${text}${newline}`);
  return rows.length;
}

function recommendationCell(r: Recommendation, id: string, symbol: string): string {
  return `${id} ${r.text.replace(/\s*\n\s*/g, " ")} (${statesOf(r).join(", ")})\nSource of position: ${symbol}/Add.1 - Para. ${int(2, 40)}`;
}

function themesCell(themes: readonly { code: string; name: string }[]): string {
  return `${themes.map((t) => `${t.code} ${t.name}`).join("\n")}\nAffected persons:\n- ${pick(["general", "women", "children", "persons with disabilities", "migrants"])}`;
}

/** Recommendations grouped under their first theme, as OHCHR clusters them. */
function clusters(recs: readonly Recommendation[]): { theme: { code: string; name: string }; items: { r: Recommendation; themes: { code: string; name: string }[] }[] }[] {
  const byTheme = new Map<string, { theme: { code: string; name: string }; items: { r: Recommendation; themes: { code: string; name: string }[] }[] }>();
  for (const r of recs) {
    const themes = themesOf(r);
    const t = themes[0]!;
    let c = byTheme.get(t.code);
    if (!c) byTheme.set(t.code, (c = { theme: t, items: [] }));
    c.items.push({ r, themes });
  }
  return [...byTheme.values()].sort((a, b) => (a.theme.code < b.theme.code ? -1 : 1));
}

async function writeMatrixXlsx(path: string, recs: readonly Recommendation[], sur: string, session: number): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet("Thematic list");
  const symbol = `A/HRC/${session + 6}/${int(5, 20)}`;
  ws.addRow([`UPR of ${sur} (3rd cycle – ${session}th session)`]).commit();
  ws.addRow(["Thematic list of recommendations"]).commit();
  ws.addRow(["Recommendation", "Position", "Full list of themes", "Assessment/comments on level of implementation"]).commit();
  let row = 3;
  let n = 0;
  let para = 100 + int(0, 50);
  for (const c of clusters(recs)) {
    row++;
    const title = `Theme: ${c.theme.code} ${c.theme.name}`;
    const themeRow = ws.addRow([title, title, title, title]);
    ws.mergeCells(row, 1, row, 4);
    themeRow.commit();
    for (const { r, themes } of c.items) {
      row++;
      n++;
      ws.addRow([recommendationCell(r, `${para}.${n}`, symbol), responseOf(r) === "Noted" ? "Noted" : "Supported", themesCell(themes), ""]).commit();
    }
    if (random() < 0.2) para++;
  }
  await wb.commit();
  return n;
}

async function writeUhriXlsx(path: string, recs: readonly Recommendation[], sheet = "Export"): Promise<number> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: false });
  const ws = wb.addWorksheet(sheet);
  ws.addRow(["Text", "UPR Session", "Countries Concerned", "Reccomending Body", "Document Symbol", "UPR Reccomending States", "UPR Position", "Themes", "Affected Persons", "Sdgs"]).commit();
  for (const r of recs) {
    const session = r.session ?? int(27, 40);
    ws.addRow([
      r.text.replace(/\s*\n\s*/g, " "), session, r.stateUnderReview ?? pick(STATE_NAMES).name, "UPR", `A/HRC/${session + 6}/${int(5, 20)}`,
      statesOf(r).join("; "), r.position === "noted" ? "Noted" : "Supported", themesOf(r).map((t) => t.name).join("; "), "general", String(int(1, 17)),
    ]).commit();
  }
  await wb.commit();
  return recs.length;
}

function cell(text: string, opts: { span?: number; bold?: boolean } = {}): TableCell {
  return new TableCell({
    columnSpan: opts.span,
    width: { size: opts.span ? 9000 : 2250, type: WidthType.DXA },
    children: text.split("\n").map((line) => new Paragraph({ children: [new TextRun({ text: line, bold: opts.bold })] })),
  });
}

async function writeMatrixDocx(path: string, recs: readonly Recommendation[], sur: string, session: number): Promise<number> {
  const symbol = `A/HRC/${session + 6}/${int(5, 20)}`;
  const rows: TableRow[] = [new TableRow({ tableHeader: true, children: ["Recommendation", "Position", "Full list of themes", "Assessment/comments on level of implementation"].map((h) => cell(h, { bold: true })) })];
  let n = 0;
  const para = 110 + int(0, 40);
  for (const c of clusters(recs)) {
    rows.push(new TableRow({ children: [cell(`Theme: ${c.theme.code} ${c.theme.name}`, { span: 4, bold: true })] }));
    for (const { r, themes } of c.items) {
      n++;
      rows.push(new TableRow({ children: [cell(recommendationCell(r, `${para}.${n}`, symbol)), cell(responseOf(r) === "Noted" ? "Noted" : "Supported"), cell(themesCell(themes)), cell("")] }));
    }
  }
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: `UPR of ${sur} (3rd cycle – ${session}th session)`, bold: true })] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun("Thematic list of recommendations")] }),
          new Table({ width: { size: 9000, type: WidthType.DXA }, rows }),
        ],
      },
    ],
  });
  writeFileSync(path, new Uint8Array(await Packer.toBuffer(doc)));
  return n;
}

// ------------------------------------------------------------------------------------------------

/**
 * Build the batch folder (or reuse it when its manifest is current) and return its manifest.
 * @example
 * const { files, recommendations } = await makeBatchData("bench-data/batch");
 */
export async function makeBatchData(out = join(ROOT, "bench-data", "batch"), force = false): Promise<BatchManifest> {
  const manifestPath = join(out, "manifest.json");
  if (!force && existsSync(manifestPath)) {
    const m = JSON.parse(readFileSync(manifestPath, "utf8")) as BatchManifest;
    if (m.version === VERSION) return m;
  }
  rmSync(out, { recursive: true, force: true });
  const { pool, corpusFiles, fixtureFiles } = await readPool();
  const byFolder: BatchManifest["byFolder"] = {};
  const add = (folder: string, path: string, recs: number) => {
    const f = (byFolder[folder] ??= { files: 0, recommendations: 0, bytes: 0 });
    f.files++;
    f.recommendations += recs;
    f.bytes += statSync(path).size;
  };
  const dir = (name: string) => {
    const d = join(out, name);
    mkdirSync(d, { recursive: true });
    return d;
  };

  // UPR Info-style exports: 200 files, 300-1,100 rows each.
  const csv = dir("csv");
  for (let i = 0; i < 200; i++) {
    const sur = pick(STATE_NAMES).name;
    const session = int(1, 40);
    const path = join(csv, `uprinfo-${String(i).padStart(3, "0")}-${sur.replace(/[^A-Za-z]+/g, "-").toLowerCase()}.${i % 13 === 0 ? "tsv" : "csv"}`);
    add("csv", path, writeCsv(path, uprInfoRows(take(pool, int(300, 1100)), sur, session), i));
  }

  // Workbooks: 40 OHCHR matrices (~400 recommendations) and 20 UHRI exports (~1,000).
  const xlsx = dir("xlsx");
  for (let i = 0; i < 40; i++) {
    const sur = pick(STATE_NAMES).name;
    const path = join(xlsx, `matrix-${String(i).padStart(2, "0")}.xlsx`);
    add("xlsx", path, await writeMatrixXlsx(path, take(pool, int(250, 550)), sur, int(27, 40)));
  }
  for (let i = 0; i < 20; i++) {
    const path = join(xlsx, `uhri-export-${String(i).padStart(2, "0")}.xlsx`);
    add("xlsx", path, await writeUhriXlsx(path, take(pool, int(700, 1300))));
  }

  // Word matrices: 30 files, ~250 recommendations.
  const docx = dir("docx");
  for (let i = 0; i < 30; i++) {
    const sur = pick(STATE_NAMES).name;
    const path = join(docx, `matrix-${String(i).padStart(2, "0")}.docx`);
    add("docx", path, await writeMatrixDocx(path, take(pool, int(150, 350)), sur, int(27, 40)));
  }

  // Real files, byte for byte: the corpus matrices 5 times, the fixtures 3 times.
  const copies = dir("copies");
  const real = [...corpusFiles.filter((f) => f.endsWith(".docx")).flatMap((f) => [f, f, f, f, f]), ...fixtureFiles.flatMap((f) => [f, f, f])];
  for (const [i, f] of real.entries()) {
    const path = join(copies, `${String(i).padStart(3, "0")}-${basename(f)}`);
    copyFileSync(f, path);
    add("copies", path, 0);
  }

  // Large files: an 80,000-row CSV (read as a stream) and a 30,000-row workbook.
  const large = dir("large");
  {
    const path = join(large, "uprinfo-all-sessions.csv");
    const rows: string[][] = [];
    for (let k = 0; k < 80; k++) rows.push(...uprInfoRows(take(pool, 1000), pick(STATE_NAMES).name, int(1, 40)));
    add("large", path, writeCsv(path, rows, 1));
    const book = join(large, "uhri-export-all.xlsx");
    add("large", book, await writeUhriXlsx(book, take(pool, 30000)));
  }

  // Damaged files: the batch must report them and go on.
  const damaged = dir("damaged");
  const bad = join(FIXTURES, "bad");
  const badOnes = ["docx-truncated.docx", "xlsx-truncated.xlsx", "csv-empty.csv", "docx-is-doc.docx"].map((f) => join(bad, f)).filter(existsSync);
  for (const f of badOnes) {
    const path = join(damaged, basename(f));
    copyFileSync(f, path);
    add("damaged", path, 0);
  }
  if (badOnes.length === 0) {
    const a = join(damaged, "truncated.docx");
    writeFileSync(a, new Uint8Array(readFileSync(fixtureFiles.find((f) => f.endsWith(".docx")) ?? corpusFiles[0]!)).subarray(0, 2000));
    add("damaged", a, 0);
    const b = join(damaged, "empty.csv");
    writeFileSync(b, "");
    add("damaged", b, 0);
  }

  const manifest: BatchManifest = {
    version: VERSION,
    files: Object.values(byFolder).reduce((a, f) => a + f.files, 0),
    recommendations: Object.values(byFolder).reduce((a, f) => a + f.recommendations, 0),
    bytes: Object.values(byFolder).reduce((a, f) => a + f.bytes, 0),
    byFolder,
    sources: { corpus: corpusFiles.length > 0, fixtures: fixtureFiles.length > 0, pool: pool.length },
  };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const outAt = args.indexOf("--out");
  const t = performance.now();
  const m = await makeBatchData(outAt >= 0 ? resolve(args[outAt + 1]!) : undefined, args.includes("--force"));
  console.log(`${m.files} files, ${m.recommendations.toLocaleString("en-US")} recommendations written (+ copies of real files), ${(m.bytes / 1e6).toFixed(1)} MB, in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  for (const [k, v] of Object.entries(m.byFolder)) console.log(`  ${k.padEnd(8)} ${String(v.files).padStart(4)} files ${String(v.recommendations).padStart(8)} recs ${(v.bytes / 1e6).toFixed(1).padStart(7)} MB`);
}
