import { describe, expect, test } from "vitest";
import { zlibSync } from "fflate";
import { addendumParagraphs, applyAddendum } from "../../src/pdf/addendum.js";
import { checkPdf } from "../../src/pdf/guard.js";
import { linesOfText } from "../../src/pdf/lines.js";
import { reconcileRecommendations, textKey } from "../../src/pdf/reconcile.js";
import { readWgReport } from "../../src/pdf/wg-report.js";
import { ParseResult } from "../../src/schema/result.js";

const REPORT = `United Nations A/HRC/28/15
Report of the Working Group on the Universal Periodic Review
Slovenia
Contents
II. Conclusions and/or recommendations ........................ 115–116 13
1. The Working Group on the Universal Periodic Review held its twentieth session from 27 October to 7 November 2014.
\fA/HRC/28/15
II. Conclusions and/or recommendations
115. The recommendations listed below will be examined by Slovenia, which will provide responses in due time:
115.1 Ratify the Optional Protocol to the Convention against Torture (Denmark);
115.2 Abolish the death penalty in all circumstances (France) (Venezuela (Bolivarian
Republic of));
13
\fA/HRC/28/15
115.4 Strengthen the national human rights institution (Ghana).
116. All conclusions and/or recommendations contained in the present report reflect the position of the submitting State(s).
Annex
Composition of the delegation`;

describe("readWgReport: a report's text lines into the contract", () => {
  test("ids, texts across page breaks, States, the report's own position, places, and a gap reported", () => {
    const r = readWgReport(linesOfText(REPORT), { file: "r.txt", format: "txt" });
    ParseResult.parse(r);
    expect(r.recommendations.map((x) => [x.id, x.text, x.recommendingStates, x.position, x.place])).toEqual([
      ["115.1", "Ratify the Optional Protocol to the Convention against Torture (Denmark);", ["Denmark"], "pending", { file: "r.txt", page: 2, line: 4 }],
      ["115.2", "Abolish the death penalty in all circumstances (France) (Venezuela (Bolivarian Republic of));", ["France", "Venezuela (Bolivarian Republic of)"], "pending", { file: "r.txt", page: 2, line: 5 }],
      ["115.4", "Strengthen the national human rights institution (Ghana).", ["Ghana"], "pending", { file: "r.txt", page: 3, line: 2 }],
    ]);
    expect(r.recommendations[0]).toMatchObject({ stateUnderReview: "Slovenia", cycle: 2, session: 20, documentSymbol: "A/HRC/28/15", positionSource: "A/HRC/28/15", positionSourceParagraph: "115" });
    expect(r.diagnostics.map((d) => [d.code, d.message])).toEqual([["id-gap", "Recommendation 115.4 follows 115.2: 115.3 is missing."]]);
    expect(r.sources[0]).toMatchObject({ layout: "wg-report", rows: 5, rowCounts: { section: 2, recommendation: 3 } });
  });

  test("1st-cycle items '1.', '2.' under one paragraph; 'enjoy the support' and 'did not enjoy the support'", () => {
    const text = `Report of the Working Group on the Universal Periodic Review
Chile
held its fifth session
II. CONCLUSIONS AND/OR RECOMMENDATIONS
86. The recommendations formulated during the interactive dialogue have been examined by Chile and the recommendations listed below enjoy the support of Chile:
1. To ratify OP-CAT (Denmark);
2. To combat discrimination (France);
87. The following recommendations did not enjoy the support of Chile:
1. To abolish the death penalty (Italy).
88. All conclusions and/or recommendations contained in the present report reflect the position of the submitting State(s).`;
    const r = readWgReport(linesOfText(text), { file: "c.txt", format: "txt" });
    expect(r.recommendations.map((x) => [x.id, x.position, x.extra])).toEqual([
      ["86.1", "supported", [{ column: "number in the report", value: "1." }]],
      ["86.2", "supported", [{ column: "number in the report", value: "2." }]],
      ["87.1", "noted", [{ column: "number in the report", value: "1." }]],
    ]);
    expect(r.recommendations[0]).toMatchObject({ stateUnderReview: "Chile", session: 5, cycle: 1 });
  });

  test("no section: one clear error, no exception; a PDF that is no report at all says what upr-matrix reads", () => {
    const lines = linesOfText("National report submitted in accordance with paragraph 15 (a)\n1. Methodology");
    expect(readWgReport(lines, { format: "txt" }).diagnostics.map((d) => d.code)).toEqual(["no-recommendations"]);
    expect(readWgReport(lines, { format: "pdf" }).diagnostics.map((d) => d.code)).toEqual(["unsupported-format"]);
  });
});

describe("applyAddendum and reconcile", () => {
  test("the addendum's lists give the pending recommendations their positions, with its symbol and paragraph", () => {
    const report = readWgReport(linesOfText(REPORT), { file: "r.txt", format: "txt" });
    const add = linesOfText(`United Nations A/HRC/28/15/Add.1
Report of the Working Group on the Universal Periodic Review
Slovenia
Addendum
2. The Government of Slovenia accepts 2 recommendations and notes 1 recommendation.
3. The Government of the Republic of Slovenia accepts the recommendations 1, 4.
Rec. 4 See recommendation 1.
5. For the time being, the Government of the Republic of Slovenia notes recommendation 2.`);
    expect(addendumParagraphs(add, "a.txt").map((p) => p.text.slice(0, 12))).toEqual(["United Natio", "2. The Gover", "3. The Gover", "Rec. 4 See r", "5. For the t"]);
    const { result, reading } = applyAddendum(report, add, "a.txt");
    expect(reading).toMatchObject({ symbol: "A/HRC/28/15/Add.1", applied: 3 });
    expect(result.recommendations.map((x) => [x.id, x.position, x.positionSource, x.positionSourceParagraph, x.positionRaw])).toEqual([
      ["115.1", "supported", "A/HRC/28/15/Add.1", "3", "accepts"],
      ["115.2", "noted", "A/HRC/28/15/Add.1", "5", "notes"],
      ["115.4", "supported", "A/HRC/28/15/Add.1", "3", "accepts"],
    ]);
    expect(result.diagnostics.filter((d) => d.code !== "id-gap")).toEqual([]);
  });

  test("reconcile: missing on either side, texts compared without whitespace, positions, a cited paragraph", () => {
    const rec = (id: string, text: string, position: "supported" | "noted", para = "3") => ({
      id, paragraphId: id, text, recommendingStates: [], stateUnderReview: "Slovenia", cycle: 2, session: 20, documentSymbol: "A/HRC/28/15", position, positionRaw: null,
      positionSource: "A/HRC/28/15/Add.1", positionSourceParagraph: para, cluster: null, themes: [], affectedPersons: [], sdgs: [], issues: [], actionCategory: null,
      assessment: null, status: null, institutions: [], extra: [], place: { file: "x", row: 1 },
    });
    const matrix = { recommendations: [rec("115.1", "Ratify the amendment toarticle8 (Belgium);", "supported"), rec("115.2", "Abolish the death penalty (France);", "supported"), rec("115.3", "Ratify OP-CAT (Chile);", "noted", "5"), rec("115.9", "Only here", "noted")], diagnostics: [], sources: [] };
    const report = { recommendations: [rec("115.1", "Ratify the amendment to article 8 (Belgium);", "supported"), rec("115.2", "Abolish death penalty (France);", "supported", "4"), rec("115.3", "Ratify OP-CAT (Chile);", "supported"), rec("115.5", "Only there", "noted")], diagnostics: [], sources: [] };
    const { summary, diagnostics } = reconcileRecommendations(matrix, report);
    expect(summary).toMatchObject({ matched: 3, onlyLeft: ["115.9"], onlyRight: ["115.5"], textEqual: 2, textDiffer: ["115.2"], positionDiffer: ["115.3"], sourceDiffer: ["115.2"] });
    expect(diagnostics.map((d) => [d.code, d.severity])).toEqual([
      ["text-mismatch", "warning"], ["position-mismatch", "info"], ["position-mismatch", "warning"], ["missing-recommendation", "warning"], ["missing-recommendation", "warning"],
    ]);
    expect(diagnostics[0]!.message).toContain('matrix: "Abolish the death penalty (France);"; report (row 1): "Abolish death penalty (France);"');
    expect(textKey("“Ratify”  the OP‑CAT")).toBe(textKey('"Ratify" theOP-CAT'));
  });
});

describe("checkPdf: bombs and nesting before pdf.js", () => {
  const pdf = (body: string | Uint8Array, dict: string) => {
    const head = new TextEncoder().encode(`%PDF-1.7\n1 0 obj\n${dict}\nstream\n`);
    const data = typeof body === "string" ? new TextEncoder().encode(body) : body;
    const tail = new TextEncoder().encode("\nendstream\nendobj\n%%EOF\n");
    const out = new Uint8Array(head.length + data.length + tail.length);
    out.set(head);
    out.set(data, head.length);
    out.set(tail, head.length + data.length);
    return out;
  };
  const limits = { maxStreamBytes: 1 << 20, maxBytes: 4 << 20, maxDepth: 64 };
  test("a stream that inflates past the limit (twice compressed too), and deep nesting, are refused; an honest file passes", () => {
    const big = zlibSync(new Uint8Array(2 << 20).fill(32));
    expect(checkPdf(pdf(big, `<< /Length ${big.length} /Filter /FlateDecode >>`), limits)?.message).toMatch(/inflates to more than 1048576 bytes/);
    const twice = zlibSync(big);
    expect(checkPdf(pdf(twice, `<< /Length ${twice.length} /Filter [/FlateDecode /FlateDecode] >>`), limits)?.code).toBe("limit-exceeded");
    expect(checkPdf(new TextEncoder().encode(`%PDF-1.7\n1 0 obj\n${"[".repeat(100)}${"]".repeat(100)}\nendobj\n`), limits)?.message).toMatch(/nests arrays or dictionaries more than 64 deep/);
    const ok = zlibSync(new TextEncoder().encode("BT (a (nested) string [ with ] brackets) Tj ET"));
    expect(checkPdf(pdf(ok, `<< /Length ${ok.length} /Filter /FlateDecode >>`), limits)).toBeNull();
    // An image is never decoded to read text: not checked.
    expect(checkPdf(pdf(big, `<< /Type /XObject /Subtype /Image /Length ${big.length} /Filter /FlateDecode >>`), limits)).toBeNull();
  });
});
