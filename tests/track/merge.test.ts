// mergeReturnedWorkbooks on workbooks as readTrackWorkbook returns them (built here, no xlsx): future
// dates, answers that do not become current, one workbook giving two statuses, colliding keys and
// the text of columns people add.
import { describe, expect, test } from "vitest";
import { recommendationKey, recommendationKeys } from "../../src/schema/key.js";
import { Recommendation } from "../../src/schema/recommendation.js";
import type { StatusEvent } from "../../src/schema/status.js";
import { createEvent } from "../../src/track/event.js";
import { currentStates } from "../../src/track/ledger.js";
import { mergeReturnedWorkbooks, type ReturnedCell, type ReturnedRow, type ReturnedWorkbook } from "../../src/track/merge.js";
import type { TrackColumn } from "../../src/track/workbook.js";

const rec = (id: string, over: Partial<Recommendation> = {}): Recommendation =>
  Recommendation.parse({
    id, paragraphId: id, text: `Recommendation ${id} (France);`, recommendingStates: ["France"], stateUnderReview: "Kenya", cycle: 4, session: 49,
    documentSymbol: null, position: "supported", positionRaw: "Supported", positionSource: null, positionSourceParagraph: null,
    cluster: null, themes: [], affectedPersons: [], sdgs: [], issues: [], actionCategory: null,
    assessment: null, status: null, institutions: [], extra: [], place: { file: "kenya.docx", row: 2 }, ...over,
  });

const RECS = [rec("142.23"), rec("142.24")];
const K = recommendationKey(RECS[0]!);
const ROUND = "20250601T090000Z";
const NOW = { recordedAt: "2025-07-01T09:00:00.000Z", today: "2025-07-01" };

const cell = (text: string, column: number, extra: Partial<ReturnedCell> = {}): ReturnedCell => ({ text, column, cell: `${String.fromCharCode(64 + column)}?`, ...extra });
function row(n: number, values: Partial<Record<TrackColumn, string | ReturnedCell>>, extra?: ReturnedRow["extra"]): ReturnedRow {
  const cells: ReturnedRow["cells"] = {};
  const columns: TrackColumn[] = ["key", "id", "status", "date", "action", "reportedBy"];
  for (const [name, v] of Object.entries(values) as [TrackColumn, string | ReturnedCell][]) cells[name] = typeof v === "string" ? cell(v, columns.indexOf(name) + 1) : v;
  return { row: n, cells, ...(extra ? { extra } : {}) };
}
function workbook(rows: ReturnedRow[], over: Partial<ReturnedWorkbook> = {}): ReturnedWorkbook {
  return {
    file: "mj.xlsx", sheet: "Recommendations",
    meta: { format: "upr-matrix-track/1", round: ROUND, exportedAt: "2025-06-01T09:00:00.000Z", by: "institution", target: "Ministry of Justice", lang: "en" },
    snapshot: new Map(RECS.map((r) => [recommendationKey(r), { status: "", action: "" }])),
    rows, ignoredColumns: [], ...over,
  };
}

describe("dates", () => {
  test("D6: a date of update in the future (typed or a real date) is reported at its cell; the update is dated the import day", () => {
    const merged = mergeReturnedWorkbooks(
      [workbook([row(2, { key: K, status: "Fully implemented", date: "30/06/2205" }), row(3, { key: recommendationKey(RECS[1]!), status: "In progress", date: cell("", 4, { date: "2205-06-30" }) })])],
      { recommendations: RECS, events: [], ...NOW },
    );
    expect(merged.diagnostics.map((d) => [d.code, d.severity, d.place?.row, d.place?.field, d.actual])).toEqual([
      ["invalid-field", "warning", 2, "date", "30/06/2205"],
      ["invalid-field", "warning", 3, "date", "2205-06-30"],
    ]);
    expect(merged.diagnostics[0]!.message).toBe("The date of update 2205-06-30 is in the future (today is 2025-07-01); the update is dated 2025-07-01.");
    expect(merged.events.map((e) => e.date)).toEqual(["2025-07-01", "2025-07-01"]);
  });

  test("D6: an answer dated before the current status is recorded, and the import says it does not become current", () => {
    const current = createEvent({ recommendation: K, status: "in-progress", date: "2025-06-30", source: { reporter: "NMIRF" } }, { recordedAt: "2025-06-30T10:00:00.000Z" });
    const merged = mergeReturnedWorkbooks([workbook([row(2, { key: K, status: "Fully implemented", date: "2025-01-15" })])], { recommendations: RECS, events: [current], ...NOW });
    expect(merged.events).toHaveLength(1);
    expect(merged.diagnostics).toMatchObject([{ code: "update-not-current", severity: "warning", place: { file: "mj.xlsx", row: 2 }, actual: "2025-01-15" }]);
    expect(merged.diagnostics[0]!.message).toBe('142.23: "Fully implemented" (dated 2025-01-15) is recorded, but the status stays "In progress" from a later update (2025-06-30, NMIRF).');
    expect(currentStates([current, ...merged.events]).get(K)!.status).toBe("in-progress");
  });
});

describe("one workbook, one recommendation, two rows", () => {
  test("D16: different statuses from one reporter are a conflict; the later row is the status in either order", () => {
    for (const [first, second] of [["In progress", "Partially implemented"], ["Partially implemented", "In progress"]] as const) {
      const merged = mergeReturnedWorkbooks([workbook([row(2, { key: K, status: first }), row(3, { key: K, status: second })])], { recommendations: RECS, events: [], ...NOW });
      expect(merged.diagnostics.map((d) => d.code)).toEqual(["duplicate-id", "status-conflict"]);
      expect(merged.diagnostics[1]!.message).toBe(
        `142.23: Ministry of Justice gives different statuses in one workbook — ${first} (mj.xlsx row 2); ${second} (mj.xlsx row 3). Both answers are kept; settle it with "upr-matrix track update".`,
      );
      const state = currentStates(merged.events).get(K)!;
      expect(state.status).toBe(second === "In progress" ? "in-progress" : "partially-implemented");
      expect(state.conflicts).toHaveLength(2);
    }
  });
});

describe("colliding keys", () => {
  test("D3: recommendations that would share a key are matched by their own keys; a bare number naming both is not guessed", () => {
    const recs = [
      rec("121.1", { stateUnderReview: null, cycle: null, text: "Ratify OP-CAT (Ghana);", place: { file: "kenya.csv", row: 2 } }),
      rec("121.1", { stateUnderReview: null, cycle: null, text: "Adopt a law on domestic violence (Chile);", place: { file: "uganda.csv", row: 2 } }),
    ];
    const { keys } = recommendationKeys(recs);
    expect(keys).toEqual(["||121.1@kenya.csv", "||121.1@uganda.csv"]);
    const merged = mergeReturnedWorkbooks(
      [workbook([row(2, { key: keys[1]!, status: "Fully implemented" }), row(3, { id: "121.1", status: "In progress" })], { snapshot: null, meta: null })],
      { recommendations: recs, events: [], ...NOW },
    );
    expect(merged.events.map((e) => [e.recommendation, e.status])).toEqual([["||121.1@uganda.csv", "fully-implemented"]]);
    expect(merged.diagnostics).toMatchObject([{ code: "unknown-recommendation", place: { row: 3 }, actual: "121.1" }]);
  });
});

describe("columns people add", () => {
  test("T3: their text is kept with the answer (even on a row with nothing else), reported once, and not kept twice", () => {
    const notes = (text: string): ReturnedRow["extra"] => [{ column: "My notes", cell: cell(text, 16) }];
    const wb = workbook([row(2, { key: K, status: "In progress" }, notes("ask the minister's office")), row(3, { key: recommendationKey(RECS[1]!) }, notes("Budget line 12 approved"))], { ignoredColumns: ["My notes"] });
    const merged = mergeReturnedWorkbooks([wb], { recommendations: RECS, events: [], ...NOW });
    expect(merged.events.map((e) => [e.status, e.extra])).toEqual([
      ["in-progress", [{ column: "My notes", value: "ask the minister's office" }]],
      [null, [{ column: "My notes", value: "Budget line 12 approved" }]],
    ]);
    expect(merged.diagnostics).toMatchObject([{ code: "added-column", severity: "info", place: { file: "mj.xlsx" }, actual: "My notes" }]);
    expect(merged.summaries[0]).toMatchObject({ changed: 2, unchanged: 0 });
    // The same workbook read again, even as a copy without its round: nothing new.
    const ledger: StatusEvent[] = merged.events;
    for (const again of [wb, { ...wb, meta: null, snapshot: null }]) {
      const second = mergeReturnedWorkbooks([again], { recommendations: RECS, events: ledger, recordedAt: "2025-07-02T09:00:00.000Z", today: "2025-07-02" });
      expect(second.events).toEqual([]);
    }
  });
});
