// D3: recommendation keys that collide (sheets naming no State or cycle; ids stored as numbers) are
// kept apart and reported, never merged; and the one paragraph-id order.
import ExcelJS from "exceljs";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseCsv } from "../../src/ingest/csv.js";
import { parseMatrix } from "../../src/ingest/parse-matrix.js";
import { compareParagraphIds, recommendationKeys } from "../../src/schema/key.js";
import type { Recommendation } from "../../src/schema/recommendation.js";
import { findRecommendation, initialEvents } from "../../src/track/assign.js";
import { createEvent } from "../../src/track/event.js";
import { currentStates } from "../../src/track/ledger.js";
import { progressBy } from "../../src/track/progress.js";
import { planTrackExport } from "../../src/track/workbook.js";
import { buildReport } from "../../src/report/model.js";

const AT = { recordedAt: "2025-07-01T09:00:00.000Z", date: "2025-07-01" };
const csv = (file: string, rows: string[]) => parseCsv(`Recommendation,Position\r\n${rows.join("\r\n")}\r\n`, { file }).recommendations;

describe("colliding keys", () => {
  const kenya = csv("data/kenya.csv", ['"121.1 Ratify OP-CAT (Ghana);",Supported', '"121.2 Abolish the death penalty (France);",Noted']);
  const uganda = csv("uganda.csv", ['"121.1 Adopt a law on domestic violence (Chile);",Supported', '"121.2 Ensure free primary education (Peru);",Supported']);
  const recs = [...kenya, ...uganda];

  test("two sheets without State or cycle: each recommendation keeps a key of its own, and each collision is reported", () => {
    const { keys, collisions } = recommendationKeys(recs);
    expect(keys).toEqual(["||121.1@kenya.csv", "||121.2@kenya.csv", "||121.1@uganda.csv", "||121.2@uganda.csv"]);
    expect(collisions.map((c) => [c.key, c.members.map((m) => m.key)])).toEqual([
      ["||121.1", ["||121.1@kenya.csv", "||121.1@uganda.csv"]],
      ["||121.2", ["||121.2@kenya.csv", "||121.2@uganda.csv"]],
    ]);
    const init = initialEvents(recs, AT);
    expect(init.diagnostics.map((d) => [d.code, d.severity, d.place?.file, d.actual])).toEqual([
      ["key-collision", "warning", "data/kenya.csv", "||121.1"],
      ["key-collision", "warning", "data/kenya.csv", "||121.2"],
    ]);
    expect(init.diagnostics[0]!.message).toBe(
      '"121.1" names 2 different recommendations (no State or cycle): "Ratify OP-CAT (Ghana);" is tracked as ||121.1@kenya.csv; "Adopt a law on domestic violence (Chile);" is tracked as ||121.1@uganda.csv. Give each file its State and cycle (or check that ids such as 121.10 were not read as numbers) for keys of their own.',
    );
  });

  test("an update by number is ambiguous; by key it reaches one recommendation only, in progress and exports", () => {
    expect(findRecommendation(recs, "121.1")).toEqual({ recommendation: null, candidates: ["||121.1@kenya.csv", "||121.1@uganda.csv"] });
    expect(findRecommendation(recs, "||121.1").candidates).toHaveLength(2);
    expect(findRecommendation(recs, "||121.1@uganda.csv").recommendation).toBe(uganda[0]);
    const states = currentStates([createEvent({ recommendation: "||121.1@uganda.csv", status: "fully-implemented", date: "2025-07-01" }, AT)]);
    expect(progressBy(recs, states, "position").at(-1)).toMatchObject({ total: 4, byStatus: { "fully-implemented": 1, none: 3 } });
    // Reports look states up by the same keys: the status reaches the Ugandan recommendation only
    // (a report cluster lists its recommendations in paragraph order, as the export does).
    const report = buildReport(recs, { states });
    expect(report.clusters.flatMap((c) => c.items).map((r) => [r.key, r.state?.status ?? null])).toEqual([
      ["||121.1@kenya.csv", null], ["||121.1@uganda.csv", "fully-implemented"], ["||121.2@kenya.csv", null], ["||121.2@uganda.csv", null],
    ]);
    const rows = planTrackExport(recs, states, { round: "r1", exportedAt: AT.recordedAt })[0]!.rows;
    expect(rows.map((r) => [r.key, r.values.status])).toEqual([
      ["||121.1@kenya.csv", ""], ["||121.1@uganda.csv", "Fully implemented"], ["||121.2@kenya.csv", ""], ["||121.2@uganda.csv", ""],
    ]);
  });

  test("a copied row (same text) stays one recommendation with one key", () => {
    const copy = csv("kenya-copy.csv", ['"121.1 Ratify OP-CAT (Ghana);",Supported']);
    const { keys, collisions } = recommendationKeys([...kenya, ...copy]);
    expect(keys).toEqual(["||121.1", "||121.2", "||121.1"]);
    expect(collisions).toEqual([]);
  });

  test("ids stored as numbers in one sheet (121.10 read as 121.1): told apart by row, whatever the reader gives", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Matrix");
    ws.addRow(["No.", "Recommendation", "Position"]);
    for (const [id, text, pos] of [
      [121.1, "Ratify OP-CAT (Ghana);", "Supported"], [121.10, "Abolish the death penalty (France);", "Noted"],
      [121.2, "Adopt a law on domestic violence (Chile);", "Supported"], [121.20, "Ensure free primary education (Peru);", "Supported"],
    ] as const) ws.addRow([id, text, pos]);
    const { recommendations } = await parseMatrix(new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer), { file: "z15.xlsx" });
    expect(recommendations).toHaveLength(4);
    const { keys } = recommendationKeys(recommendations);
    expect(new Set(keys).size).toBe(4); // never merged, whether the reader kept "121.10" or not
    const noted = recommendations.findIndex((r) => r.position === "noted");
    const states = currentStates([createEvent({ recommendation: keys[0]!, status: "fully-implemented", date: "2025-07-01" }, AT)]);
    expect(states.get(keys[noted]!)).toBeUndefined(); // the noted death-penalty recommendation is not "fully implemented"
  });

  test("property: keys do not depend on the order of the recommendations, and different texts never share one", () => {
    const arb = fc.array(
      fc.record({ id: fc.constantFrom("1.1", "1.2"), text: fc.constantFrom("a", "b", "c"), file: fc.constantFrom("x.csv", "y.csv"), row: fc.integer({ min: 2, max: 4 }) }),
      { maxLength: 10 },
    );
    fc.assert(
      fc.property(arb, (specs) => {
        const recs = specs.map((s) => ({ stateUnderReview: null, cycle: null, id: s.id, text: s.text, place: { file: s.file, row: s.row } })) as Pick<Recommendation, "stateUnderReview" | "cycle" | "id" | "text" | "place">[];
        const { keys } = recommendationKeys(recs);
        expect(recommendationKeys([...recs].reverse()).keys.reverse()).toEqual(keys);
        for (let i = 0; i < recs.length; i++) for (let j = 0; j < recs.length; j++) if (recs[i]!.text !== recs[j]!.text) expect(keys[i]).not.toBe(keys[j]);
      }),
      { numRuns: 300 },
    );
  });
});

describe("compareParagraphIds", () => {
  test("numbers by value, the rest by code point, a total order", () => {
    expect(["142.10", "142.2", "142.1", "142.10.1", "142.9"].sort(compareParagraphIds)).toEqual(["142.1", "142.2", "142.9", "142.10", "142.10.1"]);
    expect(["12.4", "2.1", "2"].sort(compareParagraphIds)).toEqual(["2", "2.1", "12.4"]);
    expect(["row-12", "row-2", "117.1"].sort(compareParagraphIds)).toEqual(["117.1", "row-2", "row-12"]);
    expect(compareParagraphIds("117.01", "117.1")).not.toBe(0); // only equal ids compare equal
    expect(compareParagraphIds("9".repeat(40), "1".repeat(41))).toBeLessThan(0); // long digit runs by length
  });
});
