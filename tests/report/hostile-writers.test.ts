// Writers against hostile text and sizes (RELIABILITY-DEFECTS D8, D14, D21): characters XML cannot hold
// never make an .xlsx or .docx malformed, any line break stays inside its Markdown table cell, and sizes
// that used to overflow the stack or go quadratic either work or stop with a clear limit-exceeded error.
import { unzipSync } from "fflate";
import { SaxesParser } from "saxes";
import { describe, expect, test } from "vitest";
import { safeText } from "../../src/internal/safe-cell.js";
import { buildReport } from "../../src/report/model.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { stackedBarChart } from "../../src/report/charts.js";
import { renderReportMatrix } from "../../src/xlsx/report-matrix.js";
import { writeRecommendationsXlsx } from "../../src/xlsx/recommendations.js";
import { writeTrackWorkbook } from "../../src/xlsx/track-workbook.js";
import { writeSkeletonDocx, MAX_SKELETON_RECOMMENDATIONS } from "../../src/docx/skeleton.js";
import { planTrackExport } from "../../src/track/workbook.js";
import { MatrixError } from "../../src/errors/matrix-error.js";
import { rec, tracked } from "./helpers.js";
import { recommendationKey } from "../../src/schema/key.js";

const NASTY = "Ratify OP-CAT \ufffe now \uffff, lone \ud800 high and \udc00 low, bell \u0007 and \u001b[2J (Ghana);";

/** Every XML part of an OOXML package parses as well-formed XML. */
function expectWellFormed(bytes: Uint8Array): void {
  for (const [name, data] of Object.entries(unzipSync(bytes))) {
    if (!name.endsWith(".xml") && !name.endsWith(".rels")) continue;
    const xml = new TextDecoder().decode(data);
    expect(() => new SaxesParser({ xmlns: false }).write(xml).close(), name).not.toThrow();
    expect(xml, name).not.toMatch(/[\ufffe\uffff\u0007\u001b]/);
  }
}

describe("D8: U+FFFE/U+FFFF, lone surrogates and C0 controls", () => {
  const recs = [
    rec({ id: "121.1", text: NASTY, recommendingStates: ["Gh\ufffeana"], cluster: { code: null, name: "Theme \uffff" }, themes: [{ code: null, name: "Theme \uffff", source: "matrix" }] }),
    rec({ id: "121.2", text: "Fine text (Chile);", position: "noted", positionRaw: "Noted" }),
  ];
  const states = new Map([[recommendationKey(recs[0]!), tracked(recommendationKey(recs[0]!), "in-progress", { lead: "Ministry \ufffe", actions: [{ date: "2024-01-01", text: "done \uffff\u0001", by: "X \ud83d" }] })]]);

  test("safeText keeps tabs, line breaks and real surrogate pairs, drops the rest", () => {
    expect(safeText("a\tb\nc\r😀 \ud83d \ufffe\u0000")).toBe("a\tb\nc\r😀  ");
  });

  test("the filled matrix, the recommendations table, the tracking workbook and both skeletons stay well formed", async () => {
    expectWellFormed(await renderReportMatrix(buildReport(recs, { states })));
    expectWellFormed(await writeRecommendationsXlsx(recs, { sheetName: "Sheet \ufffe" }));
    const plan = planTrackExport(recs, states, { round: "r", exportedAt: "2025-01-01T00:00:00.000Z" })[0]!;
    expectWellFormed(await writeTrackWorkbook(plan));
    for (const kind of ["national", "mid-term"] as const) expectWellFormed(await writeSkeletonDocx(recs, { states, kind, lang: "fr" }));
  });
});

describe("D14: line breaks in Markdown table cells", () => {
  test("bare CR, CRLF, LF and Unicode separators become <br>: rows are not split, no heading is injected", () => {
    const r = rec({ id: "121.2", text: "Abolish\rthe | death\u2028penalty\u2029now (Norway);" });
    const states = new Map([[recommendationKey(r), tracked(recommendationKey(r), "fully-implemented", { actions: [{ date: "2024-01-01", text: "done\r| a | b |\r# INJECTED HEADING", by: null }] })]]);
    const md = renderMarkdown(buildReport([r], { states }));
    expect(md).not.toMatch(/\r/);
    expect(md.split("\n").filter((l) => l.startsWith("# "))).toHaveLength(1);
    const row = md.split("\n").find((l) => l.startsWith("| 121.2"))!;
    expect(row).toContain("Abolish<br>the \\| death<br>penalty<br>now");
    expect(row).toContain("done<br>\\| a \\| b \\|<br># INJECTED HEADING");
  });
});

describe("D21: scale", () => {
  test("a chart of 200,000 bars is drawn without overflowing the call stack", () => {
    const rows = Array.from({ length: 200_000 }, (_, i) => ({ label: `Theme ${i}`, values: [i % 7, 1] }));
    const svg = stackedBarChart({ id: "big", title: "Big", series: [{ key: "a", label: "A", color: "#000000" }, { key: "b", label: "B", color: "#ffffff" }], rows });
    expect(svg.startsWith("<svg")).toBe(true);
  });

  test("the filled matrix has no merged ranges (one per theme row made writing quadratic)", async () => {
    const recs = Array.from({ length: 300 }, (_, i) => rec({ id: `1.${i + 1}`, text: `Text ${i}`, cluster: { code: null, name: `Theme ${i}` }, themes: [] }));
    const files = unzipSync(await renderReportMatrix(buildReport(recs)));
    expect(new TextDecoder().decode(files["xl/worksheets/sheet1.xml"]!)).not.toContain("<mergeCell ");
    expect(new TextDecoder().decode(files["xl/sharedStrings.xml"]!).match(/Theme: Theme \d+/g)).toHaveLength(300);
  });

  test("many distinct themes still give at most the default clusters (reports and skeletons stay small)", () => {
    const recs = Array.from({ length: 5000 }, (_, i) => rec({ id: `1.${i + 1}`, text: `Text ${i}`, cluster: { code: null, name: `Made-up theme ${i}` }, themes: [] }));
    expect(buildReport(recs).clusters.length).toBe(1); // all in "Other themes"
  });

  test("a skeleton beyond one review's size stops with limit-exceeded, before writing anything", async () => {
    const recs = Array.from({ length: MAX_SKELETON_RECOMMENDATIONS + 1 }, (_, i) => rec({ id: `1.${i + 1}`, text: "x" }));
    const err = await writeSkeletonDocx(recs).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MatrixError);
    expect(err).toMatchObject({ code: "limit-exceeded" });
    expect((err as MatrixError).diagnostics[0]).toMatchObject({ code: "limit-exceeded", actual: String(MAX_SKELETON_RECOMMENDATIONS + 1) });
  });
});
