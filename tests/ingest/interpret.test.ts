import { describe, expect, test } from "vitest";
import { readTables } from "../../src/ingest/tables.js";
import { resolveParseOptions, type ParseOptions } from "../../src/ingest/options.js";
import type { ParseResult } from "../../src/schema/result.js";

function read(rows: string[][], options: ParseOptions = {}): ParseResult {
  const opts = resolveParseOptions({ file: "t.xlsx", ...options });
  return readTables([{ file: "t.xlsx", format: "xlsx", sheet: "Sheet1", rows: rows.map((cells, i) => ({ row: i + 1, cells })) }], opts);
}

function accounted(r: ParseResult) {
  for (const s of r.sources) {
    const c = s.rowCounts;
    expect(c.header + c.title + c.section + c.blank + c.continuation + c.skipped + c.recommendation).toBe(s.rows);
    expect(c.recommendation).toBe(s.recommendations);
  }
}

const HEADER = ["Recommendation", "Position", "Full list of themes", "Assessment/comments on level of implementation"];

describe("OHCHR matrix rows", () => {
  test("title rows, theme rows spanning the table, recommendations", () => {
    const r = read([
      ["UPR of Uganda (2nd Cycle – 26th session)", "UPR of Uganda (2nd Cycle – 26th session)", "", ""],
      HEADER,
      ["Theme: A12 Acceptance of international norms", "Theme: A12 Acceptance of international norms", "Theme: A12 Acceptance of international norms", "Theme: A12 Acceptance of international norms"],
      ["117.1 Ratify OP-CAT (Denmark);\nSource of position: A/HRC/34/10/Add.1 - Para. 3", "Supported", "A12 Acceptance of international norms\nAffected persons:\n- general", ""],
      ["117.2 Abolish the death penalty (France) (Germany);", "Noted", "D23 Death penalty", ""],
    ]);
    accounted(r);
    expect(r.sources[0]).toMatchObject({ layout: "ohchr-matrix", language: "en", stateUnderReview: "Uganda", cycle: 2, session: 26 });
    expect(r.sources[0]!.rowCounts).toMatchObject({ title: 1, header: 1, section: 1, recommendation: 2 });
    const [a, b] = r.recommendations;
    expect(a).toMatchObject({ id: "117.1", position: "supported", positionSource: "A/HRC/34/10/Add.1", documentSymbol: "A/HRC/34/10", stateUnderReview: "Uganda", cycle: 2, cluster: { code: "A12" } });
    expect(b!.recommendingStates).toEqual(["France", "Germany"]);
    // The cluster is the primary theme: put first in themes when the file's list lacks it.
    expect(b!.themes.map((t) => t.code)).toEqual(["A12", "D23"]);
    expect(r.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  });

  test("a table without a header row", () => {
    const r = read([
      ["Theme: D23 Death penalty", "Theme: D23 Death penalty", "Theme: D23 Death penalty", "Theme: D23 Death penalty"],
      ["117.2 Abolish the death penalty (France);", "Noted", "D23 Death penalty", ""],
    ]);
    accounted(r);
    expect(r.recommendations).toHaveLength(1);
    expect(r.recommendations[0]!.position).toBe("noted");
  });

  test("a recommendation split over two rows is joined and reported", () => {
    const r = read([HEADER, ["117.5 Take measures to ensure that the", "Supported", "", ""], ["rights of migrants are protected (Mexico);", "", "", ""]]);
    accounted(r);
    expect(r.recommendations).toHaveLength(1);
    expect(r.recommendations[0]!.text).toBe("Take measures to ensure that the\nrights of migrants are protected (Mexico);");
    expect(r.recommendations[0]!.recommendingStates).toEqual(["Mexico"]);
    expect(r.diagnostics.map((d) => d.code)).toEqual(["split-recommendation"]);
    expect(r.diagnostics[0]!.place).toMatchObject({ row: 3, sheet: "Sheet1", column: 1 });
  });

  test("duplicates, conflicting positions, empty text, unknown positions each have a code", () => {
    const r = read([
      HEADER,
      ["117.1 Ratify OP-CAT (Denmark);", "Supported", "", ""],
      ["117.1 Ratify OP-CAT (Denmark);", "Supported", "", ""],
      ["117.2 Abolish the death penalty (France);", "Supported", "", ""],
      ["117.2 Abolish the death penalty (France);", "Noted", "", ""],
      ["117.3", "Supported", "", ""],
      ["117.4 Ratify ICRMW (Ghana);", "Acepted maybe", "", ""],
    ]);
    accounted(r);
    expect(r.recommendations).toHaveLength(6);
    expect(r.diagnostics.map((d) => [d.code, d.place?.row])).toEqual([
      ["duplicate-id", 3], ["conflicting-position", 5], ["empty-text", 6], ["unknown-position", 7],
    ]);
    expect(r.diagnostics[3]!.actual).toBe("Acepted maybe");
  });

  test("blank rows and unreadable rows are counted and reported, never dropped", () => {
    const r = read([HEADER, ["117.1 Ratify OP-CAT (Denmark);", "Supported", "", ""], ["", "", "", ""], ["", "", "", ""], ["", "Noted", "", "some note"]]);
    accounted(r);
    expect(r.sources[0]!.rowCounts).toMatchObject({ blank: 2, skipped: 1, recommendation: 1 });
    expect(r.diagnostics.map((d) => [d.code, d.place?.row, d.place?.rowEnd])).toEqual([["blank-row", 3, 4], ["unparsed-row", 5, undefined]]);
  });
});

describe("other layouts", () => {
  test("UPR Info export", () => {
    const r = read([
      ["To", "To-Rgrp", "To-Org", "Text", "From", "From-Rgrp", "From-Org", "Response", "Action", "Issue", "Session"],
      ["Albania", "EEG", "OIC", "Adopt a national action plan", "Belgium", "WEOG", "EU", "Noted", "5", "National plan of action,Women's rights", "6"],
    ]);
    expect(r.sources[0]!.layout).toBe("upr-info");
    expect(r.recommendations[0]).toMatchObject({
      stateUnderReview: "Albania", recommendingStates: ["Belgium"], position: "noted", session: 6, cycle: 1,
      actionCategory: { category: 5, source: "matrix" }, paragraphId: null, id: "row-2",
    });
    expect(r.recommendations[0]!.issues.map((i) => i.name)).toEqual(["National plan of action", "Women's rights"]);
    expect(r.recommendations[0]!.extra).toEqual([
      { column: "To-Rgrp", value: "EEG" }, { column: "To-Org", value: "OIC" }, { column: "From-Rgrp", value: "WEOG" }, { column: "From-Org", value: "EU" },
    ]);
  });

  test("a French home-made sheet with a two-row title", () => {
    const r = read([
      ["Suivi des recommandations de l'EPU", "", "", ""],
      ["", "", "", ""],
      ["N°", "Recommandation", "Réponse", "État de mise en œuvre"],
      ["117.1", "Ratifier le Protocole facultatif (Allemagne)", "Acceptée", "En cours"],
    ]);
    accounted(r);
    expect(r.sources[0]).toMatchObject({ layout: "user-sheet", language: "fr" });
    expect(r.recommendations[0]).toMatchObject({ id: "117.1", position: "supported", status: "En cours" });
  });

  test("unknown layout: a diagnostic naming the columns found and expected", () => {
    const r = read([["Foo", "Bar"], ["1", "2"]]);
    accounted(r);
    expect(r.recommendations).toEqual([]);
    const d = r.diagnostics.find((x) => x.code === "unknown-layout");
    expect(d?.message).toContain('"Foo", "Bar"');
    expect(d?.message).toContain("--columns");
    expect(d?.expected).toContain("Recommendation (text, required)");
  });

  test("explicit column mapping reads it anyway", () => {
    const r = read([["Foo", "Bar"], ["Ratify OP-CAT (Denmark)", "Accepted"]], { columns: { text: "Foo", position: "B" } });
    accounted(r);
    expect(r.recommendations[0]).toMatchObject({ text: "Ratify OP-CAT (Denmark)", position: "supported", recommendingStates: ["Denmark"] });
  });

  test("header names that look like object keys are harmless", () => {
    const r = read([["__proto__", "constructor", "Recommendation", "prototype"], ["x", "y", "Ratify OP-CAT", "z"]]);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(r.recommendations[0]!.extra).toEqual([
      { column: "__proto__", value: "x" }, { column: "constructor", value: "y" }, { column: "prototype", value: "z" },
    ]);
  });
});
