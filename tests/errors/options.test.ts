import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import * as core from "../../src/index.js";
import * as taxonomyEntry from "../../src/taxonomy.js";
import * as classifyEntry from "../../src/classify.js";
import * as xlsxEntry from "../../src/xlsx.js";
import * as docxEntry from "../../src/docx.js";
import * as nodeEntry from "../../src/node/index.js";
import * as pdfEntry from "../../src/pdf.js";

// Every exported function that takes an options object, called with one bad option, throws (or rejects
// with) a MatrixError with code "invalid-options" naming the option, before doing any work. A new export
// must be listed below, either with such a call or among the functions that take no options object.

const dir = mkdtempSync(join(tmpdir(), "upr-options-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const bytes = new TextEncoder().encode("Recommendation,Position\nRatify the Convention (France);,Supported\n");
const report = core.buildReport([]);
const outline = core.buildSkeletonOutline([]);
const event = { recommendation: "Kenya|2|142.28", status: "in-progress" as const, date: "2025-06-01", source: { reporter: "Ministry of Justice" } };

/** A call with one bad option, and the option's name as the message should give it. */
type BadCall = [call: () => unknown, field: string];

// The function, keyed by entry and export name.
const BAD: Record<string, BadCall> = {
  "upr-matrix parseMatrix": [() => core.parseMatrix(bytes, { headerRow: -1 }), "headerRow"],
  "upr-matrix parseCsv": [() => core.parseCsv(bytes, { limits: { maxRows: 0 } }), "limits.maxRows"],
  "upr-matrix parseXlsx": [() => core.parseXlsx(bytes, { sheet: 3 as unknown as string }), "sheet"],
  "upr-matrix parseDocx": [() => core.parseDocx(bytes, { cycle: 0 }), "cycle"],
  "upr-matrix resolveParseOptions": [() => core.resolveParseOptions({ columns: { text: "" } }), "columns.text"],
  "upr-matrix readTrackWorkbook": [() => core.readTrackWorkbook(bytes, "returned.xlsx", { limits: { maxCells: 0 } }), "limits.maxCells"],
  "upr-matrix readAddendumPositions": [() => core.readAddendumPositions("117.1", { paragraph: 117 as unknown as string }), "paragraph"],
  "upr-matrix applyAddendumPositions": [() => core.applyAddendumPositions([], new Map(), { overwrite: "yes" as unknown as boolean }), "overwrite"],
  "upr-matrix normalizeStatus": [() => core.normalizeStatus("done", { position: "maybe" as unknown as "noted" }), "position"],
  "upr-matrix createEvent": [() => core.createEvent(event, { recordedAt: "yesterday" }), "recordedAt"],
  "upr-matrix initialEvents": [() => core.initialEvents([], { recordedAt: "2025-06-01T09:00:00Z", date: "June" }), "date"],
  "upr-matrix planTrackExport": [() => core.planTrackExport([], new Map(), { round: "r1", exportedAt: "2025-06-01T09:00:00Z", lang: "de" as "en" }), "lang"],
  "upr-matrix mergeReturnedWorkbooks": [() => core.mergeReturnedWorkbooks([], { recommendations: [], events: [], recordedAt: "2025-06-01T09:00:00Z", today: "tomorrow" }), "today"],
  "upr-matrix buildReport": [() => core.buildReport([], { lang: "de" as "en" }), "lang"],
  "upr-matrix buildSkeletonOutline": [() => core.buildSkeletonOutline([], { kind: "annual" as "national" }), "kind"],
  "upr-matrix renderRecommendationsCsv": [() => core.renderRecommendationsCsv([], { delimiter: "|" as "," }), "delimiter"],
  "upr-matrix/taxonomy findTerm": [() => taxonomyEntry.findTerm("Women", { kind: "group" as "person" }), "kind"],
  "upr-matrix/classify classify": [() => classifyEntry.classify([], { maxLabels: 0 }), "maxLabels"],
  "upr-matrix/xlsx writeReportMatrix": [() => xlsxEntry.writeReportMatrix([], { date: "2025-06-01" as unknown as Date }), "date"],
  "upr-matrix/xlsx renderReportMatrix": [() => xlsxEntry.renderReportMatrix(report, { date: new Date("June") }), "date"],
  "upr-matrix/xlsx writeRecommendationsXlsx": [() => xlsxEntry.writeRecommendationsXlsx([], { sheetName: 5 as unknown as string }), "sheetName"],
  "upr-matrix/docx writeSkeletonDocx": [() => docxEntry.writeSkeletonDocx([], { date: "2025-06-01" as unknown as Date }), "date"],
  "upr-matrix/docx renderSkeletonDocx": [() => docxEntry.renderSkeletonDocx(outline, { date: new Date("June") }), "date"],
  "upr-matrix/node readMatrixFile": [() => nodeEntry.readMatrixFile("fixtures/upr-info.csv", { headerRow: 1.5 }), "headerRow"],
  "upr-matrix/node processFiles": [() => nodeEntry.processFiles(["fixtures/upr-info.csv"], { jobs: 0 }).next(), "jobs"],
  "upr-matrix/node readLedgerFile": [() => nodeEntry.readLedgerFile(join(dir, "ledger.jsonl"), { missingOk: "yes" as unknown as boolean }), "missingOk"],
  "upr-matrix/node appendLedgerFile": [() => nodeEntry.appendLedgerFile(join(dir, "ledger.jsonl"), [], { lockTimeoutMs: -1 }), "lockTimeoutMs"],
  "upr-matrix/node jsonlLedgerStore": [() => nodeEntry.jsonlLedgerStore(join(dir, "ledger.jsonl"), { staleLockMs: -1 }), "staleLockMs"],
  "upr-matrix/node updateLedgerFile": [() => nodeEntry.updateLedgerFile(join(dir, "ledger.jsonl"), () => ({ append: [], result: 0 }), { lockTimeoutMs: -1 }), "lockTimeoutMs"],
  "upr-matrix readLedgerLines": [() => core.readLedgerLines([], { maxLineBytes: 0 }), "maxLineBytes"],
  "upr-matrix/pdf parseWgReport": [() => pdfEntry.parseWgReport(bytes, { cycle: 0 }), "cycle"],
  "upr-matrix/pdf readWgReport": [() => pdfEntry.readWgReport([], { session: -1 }), "session"],
  "upr-matrix/pdf extractPdfText": [() => pdfEntry.extractPdfText(bytes, { pages: "some" as "all" }), "pages"],
  "upr-matrix/pdf readDocumentText": [() => pdfEntry.readDocumentText(bytes, { file: "report.txt", extract: "pdf.js" as unknown as pdfEntry.PdfExtractor }), "extract"],
  "upr-matrix/pdf applyAddendum": [() => pdfEntry.applyAddendum(core.parseCsv(bytes), [], "add1.txt", { paragraph: 115 as unknown as string }), "paragraph"],
  "upr-matrix/pdf reconcileRecommendations": [() => pdfEntry.reconcileRecommendations(core.parseCsv(bytes), core.parseCsv(bytes), { left: 1 as unknown as string }), "left"],
};

// Exported functions that take no options object.
const NO_OPTIONS = new Set([
  "upr-matrix recommendationKey", "upr-matrix recommendationKeys", "upr-matrix formatDiagnostic", "upr-matrix formatDiagnostics", "upr-matrix hasErrors",
  "upr-matrix/taxonomy themeByCode", "upr-matrix/taxonomy findTheme", "upr-matrix/taxonomy topLevelOf",
  "upr-matrix/taxonomy topLevelName", "upr-matrix/taxonomy findPerson", "upr-matrix/taxonomy findSdg",
  "upr-matrix/taxonomy findState", "upr-matrix/taxonomy findIssue", "upr-matrix/taxonomy vocabularyTerms",
  "upr-matrix/taxonomy termByKey", "upr-matrix/taxonomy mapTerm", "upr-matrix/taxonomy termIn",
  "upr-matrix/taxonomy conceptOf", "upr-matrix/taxonomy nameIn", "upr-matrix/taxonomy detectVocabulary",
  "upr-matrix currentStates", "upr-matrix historyOf", "upr-matrix planAppend", "upr-matrix memoryLedgerStore", "upr-matrix recordEvents",
  "upr-matrix supersededBy", "upr-matrix checkUpdateDate", "upr-matrix updateLedger",
  "upr-matrix progressBy", "upr-matrix findStale", "upr-matrix parseAssignments", "upr-matrix assignInstitutions",
  "upr-matrix buildStats", "upr-matrix renderMarkdown", "upr-matrix renderHtml", "upr-matrix renderJson", "upr-matrix messagesFor",
  "upr-matrix/classify defaultModels", "upr-matrix/classify loadLinearModel", "upr-matrix/classify actionCategoryByRules",
  "upr-matrix/classify sdgsFromThemes", "upr-matrix/classify themeKey", "upr-matrix/classify personKey",
  "upr-matrix/xlsx writeTrackWorkbook",
  "upr-matrix/node readRegisterFile", "upr-matrix/node writeRegisterFile", "upr-matrix/node run",
  "upr-matrix parseClusterMap", "upr-matrix/node extractPdfTextIsolated", "upr-matrix/pdf addendumParagraphs",
]);

const ENTRIES: Record<string, Record<string, unknown>> = {
  "upr-matrix": core,
  "upr-matrix/taxonomy": taxonomyEntry,
  "upr-matrix/classify": classifyEntry,
  "upr-matrix/xlsx": xlsxEntry,
  "upr-matrix/docx": docxEntry,
  "upr-matrix/node": nodeEntry,
  "upr-matrix/pdf": pdfEntry,
};

const isClass = (f: unknown) => typeof f === "function" && /^class\b/.test(Function.prototype.toString.call(f));

/** The error a call ends with, thrown or as a rejected promise; undefined when it ends well. */
async function errorOf(call: () => unknown): Promise<unknown> {
  try {
    await call();
    return undefined;
  } catch (e) {
    return e;
  }
}

test("every exported function is listed: with a bad-option call, or as taking no options", () => {
  const functions = Object.entries(ENTRIES).flatMap(([entry, m]) =>
    Object.entries(m)
      .filter(([, v]) => typeof v === "function" && !isClass(v))
      .map(([name]) => `${entry} ${name}`),
  );
  const unlisted = functions.filter((f) => !(f in BAD) && !NO_OPTIONS.has(f));
  expect(unlisted, "add them to BAD (with a call) or NO_OPTIONS in tests/errors/options.test.ts").toEqual([]);
  const stale = [...Object.keys(BAD), ...NO_OPTIONS].filter((f) => !functions.includes(f));
  expect(stale, "no longer exported: remove them from the lists").toEqual([]);
});

describe("a bad option throws MatrixError invalid-options", () => {
  for (const [name, [call, field]] of Object.entries(BAD)) {
    test(name, async () => {
      const e = await errorOf(call);
      expect(e).toBeInstanceOf(core.MatrixError);
      expect((e as core.MatrixError).code).toBe("invalid-options");
      expect((e as core.MatrixError).message).toContain(field);
    });
  }
});
