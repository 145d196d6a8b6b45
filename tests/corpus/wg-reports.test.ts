import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readMatrixFile } from "../../src/node/index.js";
import { parseWgReport, reconcileRecommendations } from "../../src/pdf.js";
import type { Recommendation } from "../../src/schema/recommendation.js";
import { ParseResult } from "../../src/schema/result.js";
import { corpusDir, hasCorpus, noticeIfAbsent } from "./corpus.js";

// What the documents themselves say (read by eye in the PDFs; the addenda state their own totals):
// A/HRC/14/15 para 111 lists 97 numbered recommendations; A/HRC/28/15 para 115 lists 115.1-115.163;
// A/HRC/43/15 para 121 lists 121.1-121.58 ("enjoy the support") and para 122 lists 122.1-122.157 ("will
// be examined"), and its Add.1 says 124 of those 157 are now supported and 33 noted.
const wg = (f: string) => join(corpusDir, "wg-reports", f);
const range = (p: number, n: number) => Array.from({ length: n }, (_, i) => `${p}.${i + 1}`);
const count = (recs: readonly Recommendation[]) => {
  const c: Record<string, number> = {};
  for (const r of recs) c[r.position] = (c[r.position] ?? 0) + 1;
  return c;
};
const read = (report: string, addendum?: string) =>
  parseWgReport(readFileSync(wg(report)), { file: report, ...(addendum ? { addendum: { bytes: readFileSync(wg(addendum)), file: addendum } } : {}) });

noticeIfAbsent("tests over the real Working Group reports of Slovenia");

describe.skipIf(!hasCorpus)("real Working Group reports (Slovenia, cycles 1-3)", () => {
  test("1st cycle, A/HRC/14/15: 97 recommendations numbered 1.-97. under paragraph 111; Add.1 answers one by one", async () => {
    const r = await read("g1012049.pdf", "g1012465.pdf");
    ParseResult.parse(r);
    expect(r.sources[0]).toMatchObject({ layout: "wg-report", language: "en", stateUnderReview: "Slovenia", cycle: 1, session: 7, rows: 99 });
    expect(r.recommendations.map((x) => x.id)).toEqual(range(111, 97));
    expect(r.recommendations.every((x) => x.documentSymbol === "A/HRC/14/15")).toBe(true);
    expect(r.recommendations[0]!.recommendingStates).toEqual(["Algeria", "Egypt", "Bosnia and Herzegovina", "Argentina"]);
    // The addendum answers each number: "accepts" 90, accepts in part and "cannot accept" the rest (32, 58),
    // "cannot accept" / "does not accept" (84, 88, 93); 1 and 15 say neither (reported, left pending).
    expect(count(r.recommendations)).toEqual({ supported: 90, "partially-supported": 2, noted: 3, pending: 2 });
    expect(r.recommendations.filter((x) => x.position === "noted").map((x) => x.id)).toEqual(["111.84", "111.88", "111.93"]);
    expect(r.recommendations.filter((x) => x.position === "partially-supported").map((x) => x.id)).toEqual(["111.32", "111.58"]);
    expect(r.diagnostics.filter((d) => d.code === "unknown-position").map((d) => d.actual?.slice(0, 40))).toEqual([
      "Slovenia cannot, at this point in time, ", "Slovenia agrees with the importance of t",
    ]);
  });

  test("2nd cycle, A/HRC/28/15 with Add.1, reconciled with OHCHR's matrix: same ids, positions and States; texts equal but for two", async () => {
    const r = await read("g1423930.pdf", "g1504261.pdf");
    expect(r.sources[0]).toMatchObject({ stateUnderReview: "Slovenia", cycle: 2, session: 20 });
    expect(r.recommendations.map((x) => x.id)).toEqual(range(115, 163));
    expect(r.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    expect(count(r.recommendations)).toEqual({ supported: 142, noted: 21 });
    const matrix = await readMatrixFile(join(corpusDir, "ohchr-matrices", "UPR20__Slovenia_ThematicListRecommendations_E.docx"));
    const byId = new Map(matrix.recommendations.map((x) => [x.id, x]));
    expect(r.recommendations.every((x) => byId.get(x.id)?.position === x.position)).toBe(true);
    expect(r.recommendations.every((x) => JSON.stringify(byId.get(x.id)?.recommendingStates) === JSON.stringify(x.recommendingStates))).toBe(true);
    const { summary, diagnostics } = reconcileRecommendations(matrix, r);
    expect(summary).toMatchObject({ matched: 163, onlyLeft: [], onlyRight: [], positionDiffer: [], textEqual: 161 });
    // The report's own text layer: "childre," and "(netherlands)"; and the matrix files 115.141 under Add.1 para. 4, the addendum lists it in para. 3.
    expect(summary.textDiffer.sort()).toEqual(["115.104", "115.106"]);
    expect(summary.sourceDiffer).toEqual(["115.141"]);
    expect(diagnostics.find((d) => d.actual?.startsWith("Establish a clear"))?.message).toContain('"…violence against childre, and');
    expect(r.recommendations.find((x) => x.id === "115.104")!.place).toEqual({ file: "g1423930.pdf", page: 19, line: 23 });
  });

  test("3rd cycle, A/HRC/43/15 with Add.1: 58 supported in the report, 124 supported and 33 noted in the addendum", async () => {
    const r = await read("g1934994.pdf", "g2004192.pdf");
    expect(r.sources[0]).toMatchObject({ stateUnderReview: "Slovenia", cycle: 3, session: 34, rows: 218 });
    expect(r.recommendations.map((x) => x.id)).toEqual([...range(121, 58), ...range(122, 157)]);
    expect(r.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
    const report = r.recommendations.filter((x) => x.positionSource === "A/HRC/43/15");
    expect(report.map((x) => x.id)).toEqual(range(121, 58));
    expect(report.every((x) => x.position === "supported" && x.positionSourceParagraph === "121")).toBe(true);
    const add = r.recommendations.filter((x) => x.positionSource === "A/HRC/43/15/Add.1");
    expect(count(add)).toEqual({ supported: 124, noted: 33 });
    expect(r.recommendations.find((x) => x.id === "121.2")!.recommendingStates).toEqual(["Ukraine", "Slovakia"]);
  });

  test("an addendum read as a report, a national report and a scanned letter each get one clear error", async () => {
    for (const [file, code] of [
      [wg("g1504261.pdf"), "no-recommendations"],
      [join(corpusDir, "national-reports-fr", "huridocs__trainable-entity-extractor", "ohchr_2_fr.pdf"), "unsupported-format"],
      [join(corpusDir, "hc-letters", "Letter-OHCHR-HC-Slovenia.pdf"), "no-text-layer"],
    ] as const) {
      const r = await parseWgReport(readFileSync(file), { file });
      expect(r.recommendations).toEqual([]);
      expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([[code, "error"]]);
    }
  });
});
