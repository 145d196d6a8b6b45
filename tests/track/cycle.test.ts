import { fileURLToPath } from "node:url";
// The whole cycle on a real fixture: init from an OHCHR matrix, export per-institution workbooks,
// edit them the way people do, import, and check the derived state, the conflicts and that no event
// was lost.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { jsonlLedgerStore, readLedgerFile, readMatrixFile } from "../../src/node/index.js";
import { recommendationKey } from "../../src/schema/key.js";
import type { Recommendation } from "../../src/schema/recommendation.js";
import { assignInstitutions, initialEvents, parseAssignments } from "../../src/track/assign.js";
import { createEvent } from "../../src/track/event.js";
import { currentStates } from "../../src/track/ledger.js";
import { mergeReturnedWorkbooks, type MergeResult } from "../../src/track/merge.js";
import { progressBy } from "../../src/track/progress.js";
import { recordEvents } from "../../src/track/store.js";
import { planTrackExport, type TrackWorkbookPlan } from "../../src/track/workbook.js";
import { readTrackWorkbook, TRACK_META_SHEET } from "../../src/ingest/track-workbook.js";
import { writeTrackWorkbook } from "../../src/xlsx/track-workbook.js";

const FIXTURE = fileURLToPath(new URL("../../fixtures/sample/ohchr-matrix-en.docx", import.meta.url));
const EXPECTED = JSON.parse(await readFile(new URL("../../fixtures/sample/ohchr-matrix-en.expected.json", import.meta.url), "utf8")) as { recommendations: number };
const ASSIGNMENTS = "match,lead,supporting\nA,Ministry of Foreign Affairs,\nD,Ministry of Justice,National Police Service\nF,Ministry of Gender,\n*,Ministry of Health,\n";
const ROUND = "20250601T090000Z";
const STATUS_COLUMN = 10;

let dir: string;
let recs: Recommendation[];
const keyOf = (id: string) => recommendationKey(recs.find((r) => r.id === id)!);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "upr-cycle-"));
  recs = (await readMatrixFile(FIXTURE)).recommendations;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Open a workbook, let `edit` change the data sheet like a person would, save it. */
async function editWorkbook(bytes: Uint8Array, edit: (ws: ExcelJS.Worksheet, wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  edit(wb.getWorksheet("Recommendations")!, wb);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

const rowOf = (ws: ExcelJS.Worksheet, id: string) => {
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(2).value === id) return r;
  throw new Error(`no row for ${id}`);
};

/** Reverse the data rows: the import must not care about order. */
function resort(ws: ExcelJS.Worksheet) {
  const rows: ExcelJS.CellValue[][] = [];
  for (let r = 2; r <= ws.rowCount; r++) rows.push(Array.from({ length: 15 }, (_, c) => ws.getRow(r).getCell(c + 1).value));
  rows.reverse().forEach((vals, i) => vals.forEach((v, c) => (ws.getRow(i + 2).getCell(c + 1).value = v ?? null)));
}

describe("a whole tracking cycle on fixtures/sample/ohchr-matrix-en.docx", () => {
  const ledger = () => join(dir, "ledger.jsonl");
  let plans: TrackWorkbookPlan[];
  let merged: MergeResult;
  const returned = new Map<string, Uint8Array>();
  const unknownAt: { row: number } = { row: 0 };
  // Civil and political rights (D) go to both the Ministry of Justice and the Police.
  const D = () => recs.filter((r) => r.cluster?.code?.startsWith("D") && r.position === "supported").map((r) => r.id);

  test("init: every recommendation of the matrix, assigned by the table", async () => {
    expect(recs).toHaveLength(EXPECTED.recommendations);
    const { rules } = parseAssignments(ASSIGNMENTS);
    const { assignments, diagnostics } = assignInstitutions(recs, rules);
    expect(diagnostics).toEqual([]);
    const init = initialEvents(recs, { recordedAt: "2025-05-01T08:00:00.000Z", date: "2025-05-01", assignments });
    expect(init.diagnostics).toEqual([]);
    const { added } = await recordEvents(jsonlLedgerStore(ledger()), init.events);
    expect(added).toHaveLength(EXPECTED.recommendations);
    const states = currentStates((await readLedgerFile(ledger())).events);
    expect(states.get(keyOf(D()[0]!))).toMatchObject({ lead: "Ministry of Justice", institutions: ["Ministry of Justice", "National Police Service"], status: null });
  });

  test("export: one workbook per institution, shared recommendations in each", async () => {
    const { events } = await readLedgerFile(ledger());
    plans = planTrackExport(recs, currentStates(events), { round: ROUND, exportedAt: "2025-06-01T09:00:00.000Z" });
    expect(plans.map((p) => p.fileName)).toEqual([
      "ministry-of-foreign-affairs.xlsx", "ministry-of-gender.xlsx", "ministry-of-health.xlsx", "ministry-of-justice.xlsx", "national-police-service.xlsx",
    ]);
    const justice = plans.find((p) => p.meta.target === "Ministry of Justice")!;
    const police = plans.find((p) => p.meta.target === "National Police Service")!;
    expect(police.rows.map((r) => r.key)).toEqual(justice.rows.map((r) => r.key));
    // Every recommendation is in at least one workbook.
    expect(new Set(plans.flatMap((p) => p.rows.map((r) => r.key))).size).toBe(EXPECTED.recommendations);
  });

  test("people edit the workbooks: re-sorted rows, other words and languages, a blank row, a new column, a disagreement", async () => {
    const [x, y, z] = D();
    expect(z).toBeDefined();
    const files = new Map<string, Uint8Array>();
    for (const p of plans) files.set(p.fileName, await writeTrackWorkbook(p));

    returned.set("ministry-of-justice.xlsx", await editWorkbook(files.get("ministry-of-justice.xlsx")!, (ws) => {
      resort(ws);
      const rx = rowOf(ws, x!);
      ws.getCell(rx, STATUS_COLUMN).value = "done";
      ws.getCell(rx, 11).value = new Date(Date.UTC(2025, 5, 20));
      ws.getCell(rx, 12).value = "Abolition bill adopted by parliament";
      ws.getCell(rx, 13).value = "https://parliament.example/acts/2025-7\nGazette No. 45";
      ws.getCell(rowOf(ws, y!), STATUS_COLUMN).value = "En cours";
      ws.getCell(rowOf(ws, y!), 11).value = "15/06/2025";
      ws.spliceRows(6, 0, []); // a blank row in the middle
      ws.getCell(rowOf(ws, z!), STATUS_COLUMN).value = "kinda";
      unknownAt.row = rowOf(ws, z!);
      ws.getCell(1, 16).value = "My notes"; // an added column
      ws.getCell(3, 16).value = "ask the minister's office";
    }));
    returned.set("national-police-service.xlsx", await editWorkbook(files.get("national-police-service.xlsx")!, (ws) => {
      ws.getCell(rowOf(ws, x!), STATUS_COLUMN).value = "ongoing"; // disagrees with Justice
      ws.getCell(rowOf(ws, x!), 15).value = "Insp. Otieno";
      ws.getCell(rowOf(ws, y!), STATUS_COLUMN).value = "In progress"; // agrees with Justice
    }));
    returned.set("ministry-of-health.xlsx", await editWorkbook(files.get("ministry-of-health.xlsx")!, (ws) => {
      const h1 = recs.find((r) => r.cluster?.code === "E41")!.id;
      ws.getCell(rowOf(ws, h1), STATUS_COLUMN).value = "Implementada";
      ws.getCell(rowOf(ws, h1), 12).value = '=HYPERLINK("http://evil.example","click")';
    }));
    // The Gender workbook comes back as a copy without the hidden sheet.
    returned.set("ministry-of-gender.xlsx", await editWorkbook(files.get("ministry-of-gender.xlsx")!, (ws, wb) => {
      wb.removeWorksheet(wb.getWorksheet(TRACK_META_SHEET)!.id);
      const f13 = recs.find((r) => r.cluster?.code === "F13")!.id;
      ws.getCell(rowOf(ws, f13), STATUS_COLUMN).value = "Partiellement mise en œuvre";
    }));
    returned.set("ministry-of-foreign-affairs.xlsx", files.get("ministry-of-foreign-affairs.xlsx")!); // nothing changed
  });

  test("import: changed rows become events, unknown words and conflicts are reported, nothing is overwritten", async () => {
    const before = await readLedgerFile(ledger());
    const workbooks = [];
    for (const [file, bytes] of returned) {
      const { workbook, diagnostics } = await readTrackWorkbook(bytes, file);
      expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      workbooks.push(workbook!);
    }
    merged = mergeReturnedWorkbooks(workbooks, { recommendations: recs, events: before.events, recordedAt: "2025-06-30T12:00:00.000Z", today: "2025-06-30" });
    const [x, y, z] = D();

    const unknown = merged.diagnostics.filter((d) => d.code === "unknown-status");
    expect(unknown).toHaveLength(1);
    expect(unknown[0]).toMatchObject({ severity: "warning", actual: "kinda", place: { file: "ministry-of-justice.xlsx", sheet: "Recommendations", row: unknownAt.row, column: STATUS_COLUMN, field: "status" } });
    const conflicts = merged.diagnostics.filter((d) => d.code === "status-conflict");
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.message).toContain(x!);
    expect(conflicts[0]!.message).toMatch(/Ministry of Justice: Fully implemented.*National Police Service \(Insp\. Otieno\): In progress/);
    // The note typed in an added column is kept with its row's answer (a row that changed nothing else).
    expect(merged.diagnostics.filter((d) => d.code === "added-column").map((d) => [d.place?.file, d.actual])).toEqual([["ministry-of-justice.xlsx", "My notes"]]);
    expect(merged.events.filter((e) => e.extra).map((e) => [e.source.row, e.status, e.extra])).toEqual([[3, null, [{ column: "My notes", value: "ask the minister's office" }]]]);
    expect(merged.diagnostics.filter((d) => !["unknown-status", "status-conflict", "added-column"].includes(d.code))).toEqual([]);

    const byFile = new Map(merged.summaries.map((s) => [s.file, s]));
    const justiceRows = plans.find((p) => p.meta.target === "Ministry of Justice")!.rows.length;
    expect(byFile.get("ministry-of-justice.xlsx")).toMatchObject({ rows: justiceRows + 1, blank: 1, changed: 4, unchanged: justiceRows - 4, unknown: 0 });
    expect(byFile.get("national-police-service.xlsx")).toMatchObject({ changed: 2 });
    expect(byFile.get("ministry-of-health.xlsx")).toMatchObject({ changed: 1 });
    expect(byFile.get("ministry-of-gender.xlsx")).toMatchObject({ changed: 1 });
    expect(byFile.get("ministry-of-foreign-affairs.xlsx")).toMatchObject({ changed: 0, unchanged: plans[0]!.rows.length });
    expect(merged.events).toHaveLength(8);

    await recordEvents(jsonlLedgerStore(ledger()), merged.events);
    const after = await readLedgerFile(ledger());
    expect(after.diagnostics).toEqual([]);
    // Nothing lost: every earlier event and every new one is in the file.
    expect(after.events).toHaveLength(before.events.length + merged.events.length);
    const ids = new Set(after.events.map((e) => e.eventId));
    for (const e of [...before.events, ...merged.events]) expect(ids.has(e.eventId)).toBe(true);

    const states = currentStates(after.events);
    const sx = states.get(keyOf(x!))!;
    // Claims in ledger order: Justice dated its answer 2025-06-20, the Police's is dated the import day.
    expect(sx.conflicts.map((c) => [c.reporter, c.status, c.date])).toEqual([
      ["Ministry of Justice", "fully-implemented", "2025-06-20"],
      ["National Police Service (Insp. Otieno)", "in-progress", "2025-06-30"],
    ]);
    expect(sx.status).toBe("in-progress"); // the latest answer, flagged by the conflict
    expect(sx.actions.map((a) => a.text)).toEqual(["Abolition bill adopted by parliament"]);
    expect(sx.evidence).toEqual(["https://parliament.example/acts/2025-7", "Gazette No. 45"]);
    expect(states.get(keyOf(y!))).toMatchObject({ status: "in-progress", since: "2025-06-15", conflicts: [] });
    const sz = states.get(keyOf(z!))!;
    expect(sz.status).toBeNull(); // "kinda" changed nothing...
    expect(after.events.some((e) => e.recommendation === keyOf(z!) && e.statusRaw === "kinda")).toBe(true); // ...but is kept
    const h1 = states.get(keyOf(recs.find((r) => r.cluster?.code === "E41")!.id))!;
    expect(h1).toMatchObject({ status: "fully-implemented", statusRaw: "Implementada", since: "2025-06-30" });
    expect(h1.actions[0]!.text).toBe('=HYPERLINK("http://evil.example","click")'); // kept as written, as data
    const f13 = after.events.find((e) => e.source.file === "ministry-of-gender.xlsx")!;
    expect(f13).toMatchObject({ status: "partially-implemented", source: { round: null, reporter: "ministry-of-gender.xlsx" } });

    const byInstitution = progressBy(recs, states, "institution");
    expect(byInstitution.find((g) => g.group === "Ministry of Justice")).toMatchObject({ conflicts: 1 });
    expect(byInstitution.at(-1)).toMatchObject({ group: "total", total: EXPECTED.recommendations, conflicts: 1 });
  });

  test("importing the same workbooks again records nothing new", async () => {
    const { events } = await readLedgerFile(ledger());
    const workbooks = [];
    for (const [file, bytes] of returned) workbooks.push((await readTrackWorkbook(bytes, file)).workbook!);
    const again = mergeReturnedWorkbooks(workbooks, { recommendations: recs, events, recordedAt: "2025-07-02T12:00:00.000Z", today: "2025-07-02" });
    // The copied Gender workbook has no round: it is compared with the current state, which already has its answer.
    expect(again.events).toEqual([]);
    expect(again.summaries.reduce((n, s) => n + s.alreadyRecorded, 0)).toBe(7);
    expect(again.diagnostics.filter((d) => d.code === "status-conflict")).toEqual([]);
  });

  test("the coordinator settles the conflict; the next export carries the result", async () => {
    const [x] = D();
    const settle = createEvent({ recommendation: keyOf(x!), status: "fully-implemented", date: "2025-07-03", source: { reporter: "NMRF secretariat" } }, { recordedAt: "2025-07-03T09:00:00.000Z" });
    await recordEvents(jsonlLedgerStore(ledger()), [settle]);
    const states = currentStates((await readLedgerFile(ledger())).events);
    expect(states.get(keyOf(x!))).toMatchObject({ status: "fully-implemented", conflicts: [] });
    const next = planTrackExport(recs, states, { round: "20250901T090000Z", exportedAt: "2025-09-01T09:00:00.000Z", only: ["Ministry of Health"] });
    expect(next).toHaveLength(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await writeTrackWorkbook(next[0]!)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet("Recommendations")!;
    const h1 = recs.find((r) => r.cluster?.code === "E41")!.id;
    const row = rowOf(ws, h1);
    expect(ws.getCell(row, STATUS_COLUMN).value).toBe("Fully implemented");
    expect(ws.getCell(row, 9).value).toBe('2025-06-30 (Ministry of Health): =HYPERLINK("http://evil.example","click")'); // text, not a formula
    expect(ws.getCell(row, 12).value).toBeNull(); // answer cells go out blank
  });
});
