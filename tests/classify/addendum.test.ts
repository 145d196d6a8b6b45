import { describe, expect, test } from "vitest";
import { applyAddendumPositions, readAddendumPositions } from "../../src/classify/addendum.js";
import type { Recommendation } from "../../src/schema/recommendation.js";

const positions = (text: string, paragraph?: string) => Object.fromEntries(readAddendumPositions(text, paragraph ? { paragraph } : {}).positions);

describe("readAddendumPositions", () => {
  test("a WG-report list with full ids and a range (cycle 3)", () => {
    expect(positions("The following recommendations enjoy the support of Slovenia: 117.1-117.3, 117.50")).toEqual({
      "117.1": "supported", "117.2": "supported", "117.3": "supported", "117.50": "supported",
    });
  });

  test("cycle-2 bare numbers with an en dash, qualified by the report paragraph", () => {
    expect(positions("3. Slovenia accepts the recommendations 1–3, 14–15.", "115")).toEqual({
      "115.1": "supported", "115.2": "supported", "115.3": "supported", "115.14": "supported", "115.15": "supported",
    });
    // Without the paragraph the numbers stay bare (applyAddendumPositions resolves them).
    expect(Object.keys(positions("Slovenia accepts the recommendations 1–2"))).toEqual(["1", "2"]);
  });

  test("cycle-4 shorthand: 140.82-85, 87 and 140.120, 209; a stray full stop between ids", () => {
    expect(positions("Slovenia supports recommendations 140.82-84, 87 and 140.120, 209.")).toEqual({
      "140.82": "supported", "140.83": "supported", "140.84": "supported", "140.87": "supported", "140.120": "supported", "140.209": "supported",
    });
    expect(positions("Slovenia notes recommendations 140.35. 140.36.")).toEqual({ "140.35": "noted", "140.36": "noted" });
  });

  test("two lists in one sentence take their own positions; 'did not enjoy the support' is noted", () => {
    expect(positions("Slovenia supports 1-2 and notes 3")).toEqual({ "1": "supported", "2": "supported", "3": "noted" });
    expect(positions("The following recommendations did not enjoy the support of Slovenia and are noted: 117.46-117.47")).toEqual({
      "117.46": "noted", "117.47": "noted",
    });
  });

  test("French and Spanish addenda", () => {
    expect(positions("Les recommandations suivantes ont recueilli l'adhésion du Sénégal : 143.1 à 143.2")).toEqual({ "143.1": "supported", "143.2": "supported" });
    expect(positions("Las recomendaciones siguientes cuentan con el apoyo de Bolivia: 115.1-115.2, 115.7")).toEqual({
      "115.1": "supported", "115.2": "supported", "115.7": "supported",
    });
  });

  test("'notes that the following ... enjoy its support' is support, not noted", () => {
    expect(positions("Slovenia notes that the following recommendations enjoy its support: 122.17-18")).toEqual({ "122.17": "supported", "122.18": "supported" });
  });

  test("prose numbers are not ids; a list without position wording is reported; a conflict is partial", () => {
    expect(positions("In 2019 the Government adopted 5 laws and paragraph 3 explains them.")).toEqual({});
    const r = readAddendumPositions("The recommendations 117.1-117.2 concern the Roma.", { file: "add1.txt" });
    expect(r.positions.size).toBe(0);
    expect(r.diagnostics).toMatchObject([{ code: "unknown-position", severity: "warning", place: { file: "add1.txt", line: 1 } }]);
    // A reference and a count are not lists.
    expect(positions("Rec. 30 See recommendation 24. The Government of Slovenia accepts 142 recommendations.")).toEqual({});
    const c = readAddendumPositions("Slovenia supports recommendations 117.1-117.2.\nSlovenia notes recommendation 117.2.");
    expect(c.positions.get("117.2")).toBe("partially-supported");
    expect(c.diagnostics.map((d) => d.code)).toEqual(["conflicting-position"]);
  });

  test("an impossible range is skipped with a diagnostic", () => {
    const r = readAddendumPositions("Slovenia supports recommendations 117.9-117.3, 117.20");
    expect(Object.fromEntries(r.positions)).toEqual({ "117.20": "supported" });
    expect(r.diagnostics.map((d) => d.code)).toEqual(["invalid-field"]);
  });
});

function rec(id: string, position: Recommendation["position"] = "unknown"): Recommendation {
  return {
    id, paragraphId: id, text: "Ratify OP-CAT", recommendingStates: [], stateUnderReview: "Slovenia", cycle: 2, session: 20,
    documentSymbol: null, position, positionRaw: position === "unknown" ? null : "Supported", positionSource: null, positionSourceParagraph: null,
    cluster: null, themes: [], affectedPersons: [], sdgs: [], issues: [], actionCategory: null, assessment: null, status: null,
    institutions: [], extra: [], place: { file: "m.docx", row: 2 },
  };
}

describe("applyAddendumPositions", () => {
  test("fills unknown positions, keeps given ones, maps bare numbers, reports unmatched ids", () => {
    const read = readAddendumPositions("Slovenia accepts the recommendations 1-2. Slovenia notes recommendations 3, 99.");
    const { recommendations, applied, diagnostics } = applyAddendumPositions([rec("115.1"), rec("115.2", "noted"), rec("115.3")], read, { source: "A/HRC/28/15/Add.1" });
    expect(recommendations.map((r) => r.position)).toEqual(["supported", "noted", "noted"]);
    expect(recommendations[0]).toMatchObject({ positionSource: "A/HRC/28/15/Add.1", positionRaw: "accepts" });
    expect(applyAddendumPositions([rec("115.1")], read.positions, { source: "A/HRC/28/15/Add.1" }).recommendations[0]?.positionRaw).toBe("listed in A/HRC/28/15/Add.1");
    expect(applied).toBe(2);
    expect(diagnostics).toMatchObject([{ code: "unknown-recommendation", actual: "99" }]);
  });
});
