import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { extractPdfTextIsolated, readMatrixFile } from "../../src/node/index.js";
import { extractPdfText, parseWgReport } from "../../src/pdf.js";
import { parseMatrix } from "../../src/ingest/parse-matrix.js";
import { ParseResult } from "../../src/schema/result.js";

// fixtures/wg-reports/<name>.expected.json, written by scripts/make-fixtures.ts from the words it laid out.
interface Expected {
  report: string[];
  addendum: string[];
  language: string;
  symbol: string;
  addendumSymbol: string;
  stateUnderReview: string;
  cycle: number;
  session: number;
  recommendations: { id: string; text: string; states: string[]; position: string; withAddendum: string; page: number; line: number }[];
}

const dir = fileURLToPath(new URL("../../fixtures/wg-reports/", import.meta.url));
const cases = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".expected.json")).sort() : [];

describe.skipIf(cases.length === 0)("Working Group report fixtures (French, Spanish)", () => {
  for (const name of cases) {
    const want = JSON.parse(readFileSync(join(dir, name), "utf8")) as Expected;
    for (const file of want.report) {
      test(`${file}: every recommendation, its id, text, States and position; the masthead`, async () => {
        const r = await parseWgReport(readFileSync(join(dir, file)), { file });
        ParseResult.parse(r);
        expect(r.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
        expect(r.sources[0]).toMatchObject({ format: file.split(".").pop(), layout: "wg-report", language: want.language, stateUnderReview: want.stateUnderReview, cycle: want.cycle, session: want.session });
        const got = r.recommendations.map((x) => ({ id: x.id, text: x.text, states: x.recommendingStates, position: x.position }));
        expect(got).toEqual(want.recommendations.map((x) => ({ id: x.id, text: x.text, states: x.states, position: x.position })));
        for (const x of r.recommendations) expect(x).toMatchObject({ documentSymbol: want.symbol, stateUnderReview: want.stateUnderReview, cycle: want.cycle, session: want.session });
        if (file.endsWith(".pdf")) expect(r.recommendations.map((x) => [x.place.page, x.place.line])).toEqual(want.recommendations.map((x) => [x.page, x.line]));
      });
    }
    for (const add of want.addendum) {
      test(`${want.report[0]} with ${add}: the addendum's positions, symbol and paragraph`, async () => {
        const r = await parseWgReport(readFileSync(join(dir, want.report[0]!)), { file: want.report[0], addendum: { bytes: readFileSync(join(dir, add)), file: add } });
        expect(r.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
        expect(r.recommendations.map((x) => [x.id, x.position])).toEqual(want.recommendations.map((x) => [x.id, x.withAddendum]));
        for (const x of r.recommendations.filter((y) => want.recommendations.find((w) => w.id === y.id)?.position === "pending")) {
          expect(x.positionSource).toBe(want.addendumSymbol);
          expect(x.positionSourceParagraph).toMatch(/^\d+$/);
        }
      });
    }
  }

  test("readMatrixFile reads a report's PDF in a worker thread, with the same result", async () => {
    const want = JSON.parse(readFileSync(join(dir, cases[0]!), "utf8")) as Expected;
    const file = want.report.find((f) => f.endsWith(".pdf"))!;
    const [isolated, inProcess] = await Promise.all([readMatrixFile(join(dir, file), { file }), parseWgReport(readFileSync(join(dir, file)), { file })]);
    expect(isolated).toEqual(inProcess);
  });

  test("the core's parseMatrix reads a report's PDF only with an extractor (pdf.js stays out of the core), its Word and text forms without", async () => {
    const want = JSON.parse(readFileSync(join(dir, cases[0]!), "utf8")) as Expected;
    const file = want.report.find((f) => f.endsWith(".pdf"))!;
    const bytes = readFileSync(join(dir, file));
    const bare = await parseMatrix(bytes, { file });
    expect(bare.recommendations).toEqual([]);
    expect(bare.diagnostics.map((d) => [d.code, d.message])).toEqual([["unsupported-format", expect.stringContaining("parseWgReport (upr-matrix/pdf)")]]);
    expect(await parseMatrix(bytes, { file }, extractPdfText)).toEqual(await parseWgReport(bytes, { file }));
    for (const other of want.report.filter((f) => !f.endsWith(".pdf"))) {
      expect((await parseMatrix(readFileSync(join(dir, other)), { file: other })).recommendations).toHaveLength(want.recommendations.length);
    }
  });

  test("the PDF worker serves one PDF after another, a hostile one in between, and two at once", async () => {
    const want = JSON.parse(readFileSync(join(dir, cases[0]!), "utf8")) as Expected;
    const bytes = readFileSync(join(dir, want.report.find((f) => f.endsWith(".pdf"))!));
    const first = await extractPdfTextIsolated(bytes, { file: "a.pdf", limits: {} });
    const hostile = await extractPdfTextIsolated(readFileSync(join(dir, "..", "bad", "pdf-page-loop.pdf")), { file: "b.pdf", limits: { maxSeconds: 5 } });
    expect(hostile.diagnostics.filter((d) => d.severity === "error")).toHaveLength(1);
    const again = await Promise.all([extractPdfTextIsolated(bytes, { file: "a.pdf", limits: {} }), extractPdfTextIsolated(bytes, { file: "a.pdf", limits: {} })]);
    expect(again).toEqual([first, first]);
  });
});
