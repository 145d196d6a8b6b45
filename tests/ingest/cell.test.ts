import { describe, expect, test } from "vitest";
import {
  normalizeId, readIdPrefix, readRecommendationCell, readRecommendingStates, readSourceOfPosition, reportSymbol,
} from "../../src/ingest/cell.js";

describe("paragraph ids", () => {
  test.each([
    ["117.1 Ratify the OP-CAT", "117.1", "Ratify the OP-CAT"],
    ["186.28. Continue its efforts", "186.28", "Continue its efforts"],
    ["60.1.5 That Pakistan continue", "60.1.5", "That Pakistan continue"],
    ["140.254\u00a0Consider", "140.254", "Consider"],
  ])("%s", (text, id, rest) => {
    expect(readIdPrefix(text.replace(/\u00a0/g, " "))).toEqual({ id, rest });
  });

  test("a year or a plain number is not an id", () => {
    expect(readIdPrefix("2030 Agenda implementation")).toBeNull();
    expect(readIdPrefix("Ratify 2 conventions")).toBeNull();
  });

  test.each([["117.1.", "117.1"], ["Rec. 18", "18"], [" 18 ", "18"], ["N° 5", "5"]])("normalizeId(%s)", (raw, id) => {
    expect(normalizeId(raw)).toBe(id);
  });
});

describe("Source of position", () => {
  test.each([
    ["Source of position: A/HRC/28/15/Add.1 - Para. 3", "A/HRC/28/15/Add.1", "3"],
    ["Source of position: A/HRC/28/15/Add.1, para. 3 - Para. 3", "A/HRC/28/15/Add.1", "3"],
    ["Source of Position: A/HRC/43/15 - Para 121", "A/HRC/43/15", "121"],
    ["Source of Position: A/HRC/43/15/Add.1 - Para.3", "A/HRC/43/15/Add.1", "3"],
    ["Source of Position: A/HRC/43/15/Add.1", "A/HRC/43/15/Add.1", null],
    ["Source of Position: A/HRC/59/15/Add.1 - Para.3vv", "A/HRC/59/15/Add.1", "3"],
    ["Source of position: A/HRC/25/5/Add.1 - Para. 186.28. ", "A/HRC/25/5/Add.1", "186.28"],
    ["Source de la position : A/HRC/38/9/Add.1 - Para. 3", "A/HRC/38/9/Add.1", "3"],
    ["Fuente de la posición: A/HRC/34/10/Add.1 - Párr. 5", "A/HRC/34/10/Add.1", null],
  ])("%s", (line, symbol, paragraph) => {
    expect(readSourceOfPosition(line)).toEqual({ symbol, paragraph });
  });

  test("not a source line", () => {
    expect(readSourceOfPosition("Ratify the Convention")).toBeNull();
  });

  test("report symbol behind an addendum", () => {
    expect(reportSymbol("A/HRC/34/10/Add.1")).toBe("A/HRC/34/10");
  });
});

describe("recommending States", () => {
  test("several groups, nested parentheses, on behalf of", () => {
    expect(readRecommendingStates("Ratify OP-CAT (Venezuela (Bolivarian Republic of)) (France);").states).toEqual([
      "Venezuela (Bolivarian Republic of)", "France",
    ]);
    expect(readRecommendingStates("Ratify the CRC OP3 (Portugal, Slovakia);").states).toEqual(["Portugal", "Slovakia"]);
    expect(readRecommendingStates("Adopt the plan (Ghana, on behalf of the Group of African States);").states).toEqual(["Ghana"]);
    expect(readRecommendingStates("Ratify the Rome Statute of the ICC (Chile); (Estonia); (Slovenia);").states).toEqual(["Chile", "Estonia", "Slovenia"]);
  });

  test("merged items, each with its State", () => {
    const r = readRecommendingStates("Complete the ratification of the Istanbul Convention (Ukraine); Increase efforts towards ratification (Slovakia);");
    expect(r.states).toEqual(["Ukraine", "Slovakia"]);
  });

  test("acronyms and treaty names in parentheses are not States", () => {
    expect(readRecommendingStates("Ratify the Optional Protocol (OP-CAT) and the Convention (CEDAW) (Denmark);").states).toEqual(["Denmark"]);
    expect(readRecommendingStates("Accede to the Convention (1961)").states).toEqual([]);
  });

  test("missing parentheses: a known State at the end", () => {
    expect(readRecommendingStates("Ratify the Convention against Torture - France;").states).toEqual(["France"]);
  });
});

describe("recommendation cell", () => {
  test("G1 cell with source line", () => {
    const cell = readRecommendationCell(
      "115.3 Ratify the Optional Protocol to the Rights of the Child on a communications procedure (Portugal, Slovakia);\nSource of position: A/HRC/28/15/Add.1 - Para. 3",
    );
    expect(cell).toEqual({
      paragraphId: "115.3",
      text: "Ratify the Optional Protocol to the Rights of the Child on a communications procedure (Portugal, Slovakia);",
      recommendingStates: ["Portugal", "Slovakia"],
      unknownStates: [],
      positionSource: "A/HRC/28/15/Add.1",
      positionSourceParagraph: "3",
    });
  });

  test("text over several paragraphs stays whole", () => {
    const cell = readRecommendationCell("117.9 Take measures to\nprotect journalists (Norway);");
    expect(cell.text).toBe("Take measures to\nprotect journalists (Norway);");
    expect(cell.recommendingStates).toEqual(["Norway"]);
  });
});
