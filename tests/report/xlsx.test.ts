// The filled OHCHR matrix workbook, read back with exceljs (cells, not zip bytes) and with our own reader.
import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { writeReportMatrix } from "../../src/xlsx/report-matrix.js";
import { parseXlsx } from "../../src/ingest/xlsx.js";
import { currentStates } from "../../src/track/ledger.js";
import { sampleEvents } from "../../docs/examples/generate.js";
import { handRecs, handStates, sampleRecs } from "./helpers.js";

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

const str = (v: ExcelJS.CellValue): string => (v === null || v === undefined ? "" : typeof v === "object" ? JSON.stringify(v) : String(v));

describe("XLSX matrix from hand-built recommendations", async () => {
  const recs = handRecs();
  const states = handStates(recs);
  const bytes = await writeReportMatrix(recs, { states });
  const wb = await open(bytes);
  const ws = wb.getWorksheet("Matrix")!;
  const rows = Array.from({ length: ws.rowCount }, (_, i) => ws.getRow(i + 1));

  test("has the Matrix and Summary sheets", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Matrix", "Summary"]);
  });

  test("title row, OHCHR header row, frozen header, filter over the table", () => {
    expect(str(ws.getCell("A1").value)).toBe("UPR of Utopia (3rd cycle): Thematic list of recommendations");
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((c) => str(ws.getRow(2).getCell(c).value))).toEqual([
      "Recommendation", "Position", "Full list of themes", "Assessment/comments on level of implementation",
      "Implementation status", "Lead institution", "Last update", "Report cluster", "Key",
    ]);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(ws.autoFilter).toBe(`A2:I${ws.rowCount}`);
  });

  test("prints fitted to the page width (A4 landscape, header row repeated)", () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "2:2" });
    expect(wb.getWorksheet("Summary")!.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, orientation: "portrait" });
  });

  test("a theme header row (shaded across the table, not merged) starts each matrix theme, then its recommendations", () => {
    const layout = rows.slice(2).map((r) => {
      const a = str(r.getCell(1).value);
      return a.startsWith("Theme:") ? a : a.split(" ")[0];
    });
    expect(layout).toEqual([
      "Theme: A12 Acceptance of international norms", "120.1", "120.2", "120.3", "120.4",
      "Theme: D23 Death penalty", "120.10", "120.11",
      "Theme: F13 Violence against women", "120.20", "120.21",
    ]);
    expect(ws.getCell("I3").isMerged).toBe(false);
    expect(ws.getCell("I3").fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFEDF2F9" } });
  });

  test("recommendation, position, themes and the assessment filled from the ledger", () => {
    const r1 = rows.find((r) => str(r.getCell(9).value) === "Utopia|3|120.1")!;
    expect(str(r1.getCell(1).value)).toBe("120.1 Ratify the Optional Protocol to the Convention against Torture (Denmark);\nSource of position: A/HRC/40/1/Add.1 - Para. 3");
    expect(str(r1.getCell(2).value)).toBe("Supported");
    expect(str(r1.getCell(3).value)).toBe("A12 Acceptance of international norms");
    expect(str(r1.getCell(4).value)).toBe(
      [
        "Fully implemented (since 2024-05-01)",
        "Lead institution: Ministry of Foreign Affairs",
        "Institutions: Parliament",
        "Actions:",
        "- 2024-02-01: Instrument of ratification deposited (Ministry of Foreign Affairs)",
        "Evidence: https://treaties.un.org",
      ].join("\n"),
    );
    expect([5, 6, 7, 8].map((c) => str(r1.getCell(c).value))).toEqual(["Fully implemented", "Ministry of Foreign Affairs", "2024-06-30", "International obligations and cooperation with human rights mechanisms"]);
    expect(r1.getCell(4).alignment).toMatchObject({ wrapText: true, vertical: "top" });
    const r2 = rows.find((r) => str(r.getCell(9).value) === "Utopia|3|120.2")!;
    expect(str(r2.getCell(3).value)).toBe("A12 Acceptance of international norms\nAffected persons:\n- Persons with disabilities");
    const r21 = rows.find((r) => str(r.getCell(9).value) === "Utopia|3|120.21")!;
    expect([str(r21.getCell(4).value), str(r21.getCell(5).value)]).toEqual(["ongoing", "In progress"]);
  });

  test("formula injection is neutralised in every text cell", () => {
    const r11 = rows.find((r) => str(r.getCell(9).value) === "Utopia|3|120.11")!;
    expect(str(r11.getCell(4).value)).toBe("'@SUM(1) no action planned");
    for (const r of rows) {
      r.eachCell((c) => {
        expect(c.formula).toBeUndefined();
        if (typeof c.value === "string") expect(c.value).not.toMatch(/^[=+\-@]/);
      });
    }
  });

  test("the Summary sheet holds the statistics tables, counts as numbers and rates as percentages", () => {
    const sum = wb.getWorksheet("Summary")!;
    const rows: ExcelJS.Row[] = [];
    sum.eachRow((r) => rows.push(r));
    const first = (a: string, from = 0) => rows.findIndex((r, i) => i >= from && str(r.getCell(1).value) === a);
    const table = first("Position by cluster");
    expect(table).toBeGreaterThan(0);
    expect([2, 3, 4, 5].map((c) => str(rows[table + 1]!.getCell(c).value))).toEqual(["Supported", "Partially supported", "Noted", "Total"]);
    expect([2, 3, 4, 5].map((c) => rows[first("Total", table)]!.getCell(c).value)).toEqual([4, 1, 3, 8]);
    const supported = rows[first("Supported (incl. partially)")]!;
    expect(supported.getCell(2).value).toBe(5);
    const rate = [...Array(12).keys()].map((i) => supported.getCell(i + 1)).find((c) => c.numFmt === "0.0%");
    expect(rate?.value).toBe(0.4);
  });

  test("deterministic: the same input gives the same bytes", async () => {
    expect(Buffer.from(await writeReportMatrix(recs, { states })).equals(Buffer.from(bytes))).toBe(true);
  });

  test("French labels", async () => {
    const fr = await open(await writeReportMatrix(recs, { states, lang: "fr" }));
    expect(fr.worksheets.map((w) => w.name)).toEqual(["Matrice", "Synthèse"]);
    expect(str(fr.getWorksheet("Matrice")!.getCell("A3").value)).toBe("Thème\u00a0: A12 Acceptance of international norms");
  });
});

describe("XLSX matrix of the sample (Kenya, 179 recommendations)", async () => {
  const recs = await sampleRecs();
  const states = currentStates(sampleEvents(recs));
  const bytes = await writeReportMatrix(recs, { states });

  test("reads back with upr-matrix's own reader: same recommendations, positions and clusters", async () => {
    const back = await parseXlsx(bytes, { file: "matrix-filled.xlsx", sheet: "Matrix" });
    expect(back.sources[0]?.layout).toBe("ohchr-matrix");
    expect(back.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const byId = new Map(back.recommendations.map((r) => [r.id, r]));
    expect(byId.size).toBe(recs.length);
    for (const r of recs) {
      const b = byId.get(r.id)!;
      expect(b, r.id).toBeDefined();
      expect(b.position).toBe(r.position);
      expect(b.cluster?.code).toBe(r.cluster?.code);
      expect(b.recommendingStates).toEqual(r.recommendingStates);
      expect(b.themes.map((t) => t.code)).toEqual(r.themes.map((t) => t.code));
    }
  });

  test("every paragraph id is in the matrix exactly once", async () => {
    const ws = (await open(bytes)).getWorksheet("Matrix")!;
    const ids: string[] = [];
    ws.eachRow((row, n) => {
      const a = str(row.getCell(1).value);
      if (n > 2 && !a.startsWith("Theme:")) ids.push(a.split(" ")[0]!);
    });
    expect(ids.sort()).toEqual(recs.map((r) => r.id).sort());
  });
});
