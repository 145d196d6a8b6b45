import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readMatrixFile } from "../../src/node/index.js";
import { ParseResult } from "../../src/schema/result.js";
import { corpusDir, hasCorpus, noticeIfAbsent } from "./corpus.js";

// Figures established by reading the documents independently (scripts/corpus-expected.py).
const expected = JSON.parse(readFileSync(new URL("./expected.json", import.meta.url), "utf8")) as {
  matrices: Record<string, { rows: number; themeRows: number; recommendations: number; firstId: string; lastId: string; positionWordings: Record<string, number>; ids: string[] }>;
  uprInfo: Record<string, { rows: number; recommendations: number; responses: Record<string, number>; actions: Record<string, number>; firstText: string; lastText: string; fromUnknown: number }>;
};

// How each wording found in the corpus must be normalised.
const WORDING: Record<string, string> = { Supported: "supported", Noted: "noted", "Supported/Noted": "partially-supported", Accepted: "supported", "Voluntary Pledge": "supported" };

noticeIfAbsent("tests over the real OHCHR matrices and UPR Info exports");

describe.skipIf(!hasCorpus)("real OHCHR matrices", () => {
  for (const [name, want] of Object.entries(expected.matrices)) {
    test(name, async () => {
      const r = await readMatrixFile(join(corpusDir, "ohchr-matrices", name));
      ParseResult.parse(r);
      expect(r.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
      expect(r.recommendations).toHaveLength(want.recommendations);
      expect(r.recommendations[0]!.id).toBe(want.firstId);
      expect(r.recommendations.at(-1)!.id).toBe(want.lastId);
      const positions: Record<string, number> = {};
      for (const x of r.recommendations) positions[x.position] = (positions[x.position] ?? 0) + 1;
      const wanted: Record<string, number> = {};
      for (const [w, n] of Object.entries(want.positionWordings)) wanted[WORDING[w]!] = (wanted[WORDING[w]!] ?? 0) + n;
      expect(positions).toEqual(wanted);

      // Paragraph ids: at least 99% recall and 100% precision against the independent reading.
      const found = r.recommendations.map((x) => x.paragraphId);
      const truth = new Set(want.ids);
      const hits = found.filter((id) => id !== null && truth.has(id)).length;
      expect(hits / truth.size).toBeGreaterThanOrEqual(0.99);
      expect(hits).toBe(found.length);

      // Nothing lost: every row of the table is a header, theme, or recommendation row.
      const s = r.sources[0]!;
      expect(s.rows).toBe(want.rows);
      expect(s.rowCounts).toMatchObject({ header: 1, section: want.themeRows, recommendation: want.recommendations, skipped: 0, continuation: 0 });

      // Every cell names its recommending State(s) and its themes.
      const withStates = r.recommendations.filter((x) => x.recommendingStates.length > 0).length;
      expect(withStates / r.recommendations.length).toBeGreaterThanOrEqual(0.99);
      expect(r.recommendations.every((x) => x.themes.length > 0 && x.cluster !== null)).toBe(true);
      expect(r.recommendations.every((x) => x.stateUnderReview === s.stateUnderReview && s.stateUnderReview)).toBe(true);
    });
  }

  test("the legacy .doc gets a clear 'convert it' error", async () => {
    const r = await readMatrixFile(join(corpusDir, "ohchr-matrices", "EgyptMatriceRecommendations.doc"));
    expect(r.recommendations).toEqual([]);
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ code: "unsupported-format", severity: "error" });
    expect(r.diagnostics[0]!.message).toMatch(/save it as \.docx/);
  });

  test("the legacy .xls gets a clear 'convert it' error", async () => {
    const r = await readMatrixFile(join(corpusDir, "upr-info", "xls", "uprinfo_voluntary.xls"));
    expect(r.diagnostics[0]).toMatchObject({ code: "unsupported-format", severity: "error" });
    expect(r.diagnostics[0]!.message).toMatch(/save it as \.xlsx/);
  });

  test("cycle and session from the page header", async () => {
    const r = await readMatrixFile(join(corpusDir, "ohchr-matrices", "China_2018_matrix.docx"));
    expect(r.sources[0]).toMatchObject({ stateUnderReview: "China", cycle: 3, session: 31, layout: "ohchr-matrix", language: "en" });
    expect(r.recommendations[0]).toMatchObject({ documentSymbol: "A/HRC/40/6", positionSource: "A/HRC/40/6/Add.1" });
  });
});

describe.skipIf(!hasCorpus)("real UPR Info exports (CR line ends, MacRoman)", () => {
  for (const [name, want] of Object.entries(expected.uprInfo)) {
    test(name, async () => {
      const r = await readMatrixFile(join(corpusDir, "upr-info", name));
      expect(r.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
      expect(r.diagnostics.map((d) => d.code)).toEqual(["encoding-guessed"]);
      expect(r.sources[0]).toMatchObject({ layout: "upr-info", rows: want.rows, recommendations: want.recommendations });
      expect(r.recommendations[0]!.text).toBe(want.firstText.trim());
      expect(r.recommendations.at(-1)!.text).toBe(want.lastText.trim());
      const responses: Record<string, number> = {};
      const actions: Record<string, number> = {};
      for (const x of r.recommendations) {
        responses[x.positionRaw ?? ""] = (responses[x.positionRaw ?? ""] ?? 0) + 1;
        actions[String(x.actionCategory?.category ?? "")] = (actions[String(x.actionCategory?.category ?? "")] ?? 0) + 1;
        expect(x.position).toBe(WORDING[x.positionRaw ?? ""]);
      }
      expect(responses).toEqual(want.responses);
      expect(actions).toEqual(want.actions);
      expect(r.recommendations.every((x) => x.recommendingStates.length <= 1 && x.stateUnderReview)).toBe(true);
      // "From" is "&#40;Unknown&#41;" (an HTML-escaped "(Unknown)") on a few rows: no State, not a State named "(Unknown)".
      expect(r.recommendations.filter((x) => x.recommendingStates.length === 0)).toHaveLength(want.fromUnknown);
    });
  }
});
