// Theme and group names in one vocabulary per output: the file's own by default, or the one asked for;
// a theme the classifier added in another vocabulary is shown in the file's, never mixed.
import { describe, expect, test } from "vitest";
import { buildReport } from "../../src/report/model.js";
import { themesCell } from "../../src/report/matrix-cells.js";
import { messagesFor } from "../../src/i18n/index.js";
import { writeReportMatrix } from "../../src/xlsx/report-matrix.js";
import { parseXlsx } from "../../src/ingest/xlsx.js";
import { rec, sampleRecs } from "./helpers.js";

describe("names in one vocabulary", async () => {
  const sample = await sampleRecs(); // a coded list (A12 ...)
  const L = messagesFor("en");

  test("by default the file's vocabulary: the coded sample stays coded", () => {
    const report = buildReport(sample);
    expect(report.names.vocabulary).toBe("coded");
    expect(report.stats.themes[0]!.code).toMatch(/^[A-H]\d+$/);
  });

  test("asked for cycle4: every theme line and the letter-group tables use the current names", () => {
    const report = buildReport(sample, { vocabulary: "cycle4" });
    const a12 = sample.find((r) => r.themes.some((t) => t.code === "A12"))!;
    expect(themesCell(a12, L, "en", "themes", report.names)).toContain("Ratification of & accession to international instruments");
    expect(report.stats.themes.some((t) => /^[A-H]\d+ /.test(`${t.code ?? ""} ${t.name}`))).toBe(false);
  });

  test("a classified theme in another vocabulary is shown in the file's", () => {
    const recs = [
      rec({ id: "1.1", text: "a", cluster: { code: "A42", name: "Institutions & policies - General" }, themes: [{ code: "A42", name: "Institutions & policies - General", source: "matrix" }] }),
      rec({ id: "1.2", text: "b", cluster: { code: "D23", name: "Death penalty" }, themes: [{ code: "D23", name: "Death penalty", source: "matrix" }, { code: "ratification", name: "Ratification of & accession to international instruments", source: "classifier", vocabulary: "cycle4" }] }),
    ];
    const report = buildReport(recs);
    expect(report.names.vocabulary).toBe("coded");
    expect(themesCell(recs[1]!, L, "en", "themes", report.names)).toBe("D23 Death penalty\nA12 Acceptance of international norms");
  });

  test("the filled matrix in the file's vocabulary reads back with the same themes", async () => {
    const back = await parseXlsx(await writeReportMatrix(sample), { file: "m.xlsx", sheet: "Matrix" });
    const byId = new Map(back.recommendations.map((r) => [r.id, r]));
    for (const r of sample) expect(byId.get(r.id)!.themes.map((t) => t.code)).toEqual(r.themes.map((t) => t.code));
  });
});
