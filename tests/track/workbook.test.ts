import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { recommendationKey } from "../../src/schema/key.js";
import { Recommendation } from "../../src/schema/recommendation.js";
import { createEvent } from "../../src/track/event.js";
import { currentStates } from "../../src/track/ledger.js";
import { mergeReturnedWorkbooks } from "../../src/track/merge.js";
import { COLUMN_LABELS, fileSlug, matchTrackHeader, planTrackExport, TRACK_COLUMNS } from "../../src/track/workbook.js";
import { compareParagraphIds } from "../../src/schema/key.js";
import { readTrackWorkbook, TRACK_META_SHEET } from "../../src/ingest/track-workbook.js";
import { writeTrackWorkbook } from "../../src/xlsx/track-workbook.js";

const rec = (id: string, over: Partial<Recommendation> = {}): Recommendation =>
  Recommendation.parse({
    id, paragraphId: id, text: `Recommendation ${id} (France);`, recommendingStates: ["France"], stateUnderReview: "Sénégal", cycle: 3, session: 31,
    documentSymbol: "A/HRC/40/5", position: "supported", positionRaw: "Soutenue", positionSource: null, positionSourceParagraph: null,
    cluster: { code: "A12", name: "Acceptance of international norms" }, themes: [], affectedPersons: [], sdgs: [], issues: [], actionCategory: null,
    assessment: null, status: null, institutions: ["Ministère de la Justice"], extra: [], place: { file: "m.docx", row: 2 }, ...over,
  });

const RECS = [
  rec("143.10"),
  rec("143.2", { text: "=HYPERLINK(\"http://evil.example\",\"x\")", recommendingStates: ["+cmd|' /C calc'!A0"], institutions: ["-Ministère de la Justice"] }),
  rec("143.3", { position: "noted", cluster: { code: "D23", name: "Death penalty" }, institutions: ["Ministère de la Justice", "@Police"] }),
];
const ROUND = "20250601T090000Z";
const opts = { round: ROUND, exportedAt: "2025-06-01T09:00:00.000Z" };

async function load(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

describe("planning an export", () => {
  test("one workbook per institution; rows in cluster then paragraph order; slugs and ids sort as people expect", () => {
    const plans = planTrackExport(RECS, new Map(), opts);
    expect(plans.map((p) => [p.fileName, p.meta.target, p.rows.map((r) => r.values.id)])).toEqual([
      ["ministere-de-la-justice.xlsx", "-Ministère de la Justice", ["143.2"]],
      ["police.xlsx", "@Police", ["143.3"]],
      ["ministere-de-la-justice-2.xlsx", "Ministère de la Justice", ["143.10", "143.3"]],
    ]);
    expect(["143.10", "143.2", "143.1"].sort(compareParagraphIds)).toEqual(["143.1", "143.2", "143.10"]);
    expect(fileSlug("   ")).toBe("workbook");
    const byCluster = planTrackExport(RECS, new Map(), { ...opts, by: "cluster" });
    expect(byCluster.map((p) => p.fileName)).toEqual(["cluster-a12-acceptance-of-international-norms.xlsx", "cluster-d23-death-penalty.xlsx"]);
  });

  test("headers are recognised in English, French and Spanish, with or without their hints", () => {
    for (const lang of ["en", "fr", "es"] as const) for (const c of TRACK_COLUMNS) expect(matchTrackHeader(COLUMN_LABELS[lang][c])).toBe(c);
    expect(matchTrackHeader("STATUT")).toBe("status");
    expect(matchTrackHeader("Date")).toBe("date");
    expect(matchTrackHeader("My notes")).toBeNull();
  });
});

describe("the written workbook", () => {
  test("instructions first, drop-down of statuses, protected ids, unlocked answers, a very hidden snapshot", async () => {
    const states = currentStates([createEvent({ recommendation: recommendationKey(RECS[0]!), status: "in-progress", date: "2025-05-01", action: "Projet de loi", source: { reporter: "MJ" } }, { recordedAt: "2025-05-01T00:00:00.000Z" })]);
    const plan = planTrackExport(RECS, states, { ...opts, lang: "fr", only: ["Ministère de la Justice"] })[0]!;
    const wb = await load(await writeTrackWorkbook(plan));
    expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([["Instructions", "visible"], ["Recommandations", "visible"], [TRACK_META_SHEET, "veryHidden"]]);
    const info = wb.worksheets[0]!;
    const lines = info.getColumn(1).values.filter(Boolean).map(String);
    expect(lines[0]).toBe("UPR recommendations: implementation update for Ministère de la Justice");
    expect(lines).toContain("Comment remplir ce classeur"); // English, then French
    expect(lines.some((l) => l.includes("Non commencée | En cours"))).toBe(true);

    const ws = wb.getWorksheet("Recommandations")!;
    expect(ws.getRow(1).getCell(10).value).toBe("Statut");
    const r2 = ws.getRow(2);
    expect(r2.getCell(2).value).toBe("143.10");
    expect(r2.getCell(9).value).toBe("2025-05-01 (MJ): Projet de loi");
    expect(r2.getCell(10).value).toBe("En cours");
    expect(r2.getCell(10).dataValidation).toMatchObject({ type: "list", formulae: ['"Non commencée,En cours,Partiellement mise en œuvre,Pleinement mise en œuvre,Sans objet,Pris note - aucune mesure"'], errorStyle: "warning" });
    expect(ws.getRow(3).getCell(10).dataValidation?.type).toBe("list");
    for (const c of [1, 2, 4, 7]) expect(r2.getCell(c).protection?.locked).not.toBe(false);
    for (const c of [10, 11, 12, 13, 14, 15]) expect(r2.getCell(c).protection?.locked).toBe(false);
    expect((ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection).toMatchObject({ sheet: true, sort: true, autoFilter: true });
  });

  test("deterministic: the same plan gives the same bytes", async () => {
    const plan = planTrackExport(RECS, new Map(), opts)[2]!;
    const a = await writeTrackWorkbook(plan);
    await new Promise((r) => setTimeout(r, 2100)); // zip entry times have a 2-second resolution
    const b = await writeTrackWorkbook(plan);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });

  test("every text cell that a spreadsheet would run as a formula is neutralised, and read back as written", async () => {
    const plans = planTrackExport(RECS, new Map(), opts);
    const evil = plans.find((p) => p.meta.target === "-Ministère de la Justice")!;
    const bytes = await writeTrackWorkbook(evil);
    const wb = await load(bytes);
    const row = wb.getWorksheet("Recommendations")!.getRow(2);
    expect(row.getCell(4).value).toBe("'=HYPERLINK(\"http://evil.example\",\"x\")");
    expect(row.getCell(5).value).toBe("'+cmd|' /C calc'!A0");
    expect(row.getCell(7).value).toBe("'-Ministère de la Justice");
    expect(wb.getWorksheet(TRACK_META_SHEET)!.getCell(5, 2).value).toBe("'-Ministère de la Justice");
    for (const w of wb.worksheets) {
      w.eachRow((r) => r.eachCell((c) => {
        expect(typeof c.value === "object" && c.value !== null && "formula" in c.value).toBe(false);
        if (typeof c.value === "string") expect(c.value).not.toMatch(/^[=+\-@]/);
      }));
    }
    const back = await readTrackWorkbook(bytes, "evil.xlsx");
    expect(back.workbook!.meta!.target).toBe("-Ministère de la Justice");
    expect(back.workbook!.rows[0]!.cells.text!.text).toBe("=HYPERLINK(\"http://evil.example\",\"x\")");
  });
});

describe("reading returned workbooks", () => {
  test("a sheet a person re-created: Spanish headers in another order, an extra column, no hidden sheet", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Hoja1");
    ws.addRow(["Seguimiento EPU"]); // a title row above the header
    ws.addRow(["Notas", "Estado", "N.º", "Medidas adoptadas", "Fecha de actualización"]);
    ws.addRow(["ver", "En curso", "143.10", "Ley en preparación", "2025-06-02"]);
    ws.addRow([]);
    ws.addRow(["", "Cumplida", "143.99", "", ""]);
    ws.addRow(["", "", "", "Taller realizado", ""]);
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const { workbook, diagnostics } = await readTrackWorkbook(bytes, "devuelto.xlsx");
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([["unknown-layout", "info"], ["missing-column", "warning"]]);
    expect(workbook).toMatchObject({ sheet: "Hoja1", meta: null, snapshot: null, ignoredColumns: ["Notas"] });
    const merged = mergeReturnedWorkbooks([workbook!], { recommendations: RECS, events: [], recordedAt: "2025-06-30T00:00:00.000Z", today: "2025-06-30" });
    expect(merged.events).toHaveLength(1);
    expect(merged.events[0]).toMatchObject({ recommendation: recommendationKey(RECS[0]!), status: "in-progress", statusRaw: "En curso", date: "2025-06-02", action: "Ley en preparación", source: { reporter: "devuelto.xlsx", round: null, row: 3, sheet: "Hoja1" } });
    expect(merged.events[0]!.extra).toEqual([{ column: "Notas", value: "ver" }]); // the added column's text is kept
    expect(merged.diagnostics.map((d) => [d.code, d.place?.row])).toEqual([["unknown-recommendation", 5], ["unknown-recommendation", 6], ["added-column", 1]]);
    expect(merged.summaries[0]).toMatchObject({ rows: 4, blank: 1, changed: 1, unknown: 2, unchanged: 0 });
  });

  test("a bad date is reported at its cell and the update is dated the import day", async () => {
    const plan = planTrackExport(RECS, new Map(), opts)[2]!;
    const wb = await load(await writeTrackWorkbook(plan));
    const ws = wb.getWorksheet("Recommendations")!;
    ws.getCell(2, 10).value = "Terminé";
    ws.getCell(2, 11).value = "31/02/2025";
    const back = await readTrackWorkbook(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), "mj.xlsx");
    const merged = mergeReturnedWorkbooks([back.workbook!], { recommendations: RECS, events: [], recordedAt: "2025-06-30T00:00:00.000Z", today: "2025-06-30" });
    expect(merged.diagnostics).toMatchObject([{ code: "invalid-field", place: { file: "mj.xlsx", sheet: "Recommendations", row: 2, column: 11, cell: "K2", field: "date" }, actual: "31/02/2025" }]);
    expect(merged.events[0]).toMatchObject({ status: "fully-implemented", statusRaw: "Terminé", date: "2025-06-30" });
  });

  test("not a workbook, or a workbook without the columns, is an error, never an exception", async () => {
    expect((await readTrackWorkbook(new TextEncoder().encode("hello"), "x.xlsx")).diagnostics).toMatchObject([{ code: "corrupt-file", severity: "error" }]);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("S").addRow(["a", "b"]);
    const r = await readTrackWorkbook(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), "y.xlsx");
    expect(r.diagnostics.at(-1)).toMatchObject({ code: "missing-column", severity: "error", place: { file: "y.xlsx" } });
    expect(r.workbook!.rows).toEqual([]);
  });
});
