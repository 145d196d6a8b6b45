// Generates the sample reports in docs/examples/ from the bundled sample matrix
// (fixtures/sample/ohchr-matrix-en.docx, Kenya, 2nd cycle, 179 recommendations) and a made-up ledger
// (docs/examples/ledger.jsonl, written here). Run: `npx tsx docs/examples/generate.ts` (or
// `npm run render-check`, which also screenshots the HTML and converts the Word files to PDF).
// The output is deterministic: running it twice gives the same bytes.
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { parseMatrix } from "../../src/index.js";
import { recommendationKey } from "../../src/schema/key.js";
import type { Recommendation } from "../../src/schema/recommendation.js";
import type { Status, StatusEvent, TrackedState } from "../../src/schema/status.js";
import { createEvent } from "../../src/track/event.js";
import { currentStates } from "../../src/track/ledger.js";
import { buildReport } from "../../src/report/model.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderHtml } from "../../src/report/html.js";
import { renderJson } from "../../src/report/json.js";
import { renderReportMatrix } from "../../src/xlsx/report-matrix.js";
import { writeSkeletonDocx } from "../../src/docx/skeleton.js";

export const examplesDir = fileURLToPath(new URL("./", import.meta.url));
export const sampleMatrix = fileURLToPath(new URL("../../fixtures/sample/ohchr-matrix-en.docx", import.meta.url));

const LEADS = ["Ministry of Justice", "Ministry of Interior", "Ministry of Health", "Ministry of Education", "National Gender and Equality Commission", "Office of the Attorney General"];
const ACTIONS = [
  "Bill tabled in Parliament",
  "National action plan adopted by Cabinet",
  "Training delivered to 400 police officers",
  "Budget line created in the 2024/25 estimates",
  "Regulations gazetted",
  "Inter-ministerial working group set up",
];

/**
 * A made-up but plausible ledger for the sample: most supported recommendations assigned and
 * updated twice, noted ones marked "no action" now and then. Deterministic (index-based choices).
 */
export function sampleEvents(recommendations: readonly Recommendation[]): StatusEvent[] {
  const events: StatusEvent[] = [];
  const supportedSteps: (Status | null)[] = ["fully-implemented", "partially-implemented", "in-progress", "in-progress", "not-started", null];
  recommendations.forEach((rec, i) => {
    const key = recommendationKey(rec);
    const lead = LEADS[i % LEADS.length]!;
    const noted = rec.position === "noted";
    const status = noted ? (i % 3 === 0 ? "noted-no-action" : i % 3 === 1 ? "in-progress" : null) : supportedSteps[i % supportedSteps.length]!;
    events.push(createEvent({ recommendation: key, date: "2023-06-30", lead, institutions: [lead], status: noted ? null : "not-started", source: { reporter: "NMIRF secretariat" } }, { recordedAt: "2023-07-01T09:00:00.000Z" }));
    if (status && status !== "not-started") {
      events.push(
        createEvent(
          { recommendation: key, date: `2024-${String((i % 9) + 1).padStart(2, "0")}-15`, status, action: status === "noted-no-action" ? null : ACTIONS[i % ACTIONS.length]!, source: { reporter: lead } },
          { recordedAt: `2024-${String((i % 9) + 1).padStart(2, "0")}-16T09:00:00.000Z` },
        ),
      );
    }
  });
  return events;
}

/** Read the sample matrix and its made-up ledger states. */
export async function loadSample(): Promise<{ recommendations: Recommendation[]; events: StatusEvent[]; states: Map<string, TrackedState> }> {
  const { recommendations } = await parseMatrix(new Uint8Array(readFileSync(sampleMatrix)), { file: "ohchr-matrix-en.docx" });
  const events = sampleEvents(recommendations);
  return { recommendations, events, states: currentStates(events) };
}

/** The 4th-cycle-like fixture: Slovenia's 4th-cycle list layout (G3, Relevant SDGs), 46 recommendations. */
export const cycle4Matrix = fileURLToPath(new URL("../../fixtures/ohchr-g3-en.docx", import.meta.url));

/** Read the 4th-cycle-like fixture and a made-up ledger for it. */
export async function loadCycle4(): Promise<{ recommendations: Recommendation[]; events: StatusEvent[]; states: Map<string, TrackedState> }> {
  const { recommendations } = await parseMatrix(new Uint8Array(readFileSync(cycle4Matrix)), { file: "ohchr-g3-en.docx" });
  const events = sampleEvents(recommendations);
  return { recommendations, events, states: currentStates(events) };
}

/** Every sample file name, by format: the bundled sample (English) ... */
export const EXAMPLES = {
  ledger: "ledger.jsonl",
  md: "report.md",
  html: "report.html",
  json: "report.json",
  xlsx: "matrix-filled.xlsx",
  docx: "national-report.docx",
  midTerm: "mid-term-report.docx",
  png: "report.png",
  pdf: "national-report.pdf",
  midTermPdf: "mid-term-report.pdf",
  xlsxPdf: "matrix-filled.pdf",
  // ... and the 4th-cycle-like fixture, in French and Spanish: a report for a 5th-cycle review.
  c4Ledger: "cycle4/ledger.jsonl",
  c4Md: "cycle4/rapport.md",
  c4Html: "cycle4/rapport.html",
  c4Xlsx: "cycle4/matriz.xlsx",
  c4Docx: "cycle4/national-report.docx",
  c4DocxFr: "cycle4/rapport-national.docx",
  c4MidTermEs: "cycle4/informe-mitad-periodo.docx",
  c4Pdf: "cycle4/national-report.pdf",
  c4PdfFr: "cycle4/rapport-national.pdf",
  c4MidTermEsPdf: "cycle4/informe-mitad-periodo.pdf",
  c4XlsxPdf: "cycle4/matriz.pdf",
  c4Png: "cycle4/rapport.png",
} as const;

/** Write every sample into `dir` (default docs/examples/); returns the paths written. */
export async function generateExamples(dir = examplesDir): Promise<Record<keyof typeof EXAMPLES, string>> {
  mkdirSync(join(dir, "cycle4"), { recursive: true });
  const path = Object.fromEntries(Object.entries(EXAMPLES).map(([k, f]) => [k, join(dir, f)])) as Record<keyof typeof EXAMPLES, string>;
  const jsonl = (events: readonly StatusEvent[]) => events.map((e) => JSON.stringify(e)).join("\n") + "\n";

  const { recommendations, events, states } = await loadSample();
  writeFileSync(path.ledger, jsonl(events));
  const report = buildReport(recommendations, { states });
  writeFileSync(path.md, renderMarkdown(report));
  writeFileSync(path.html, renderHtml(report));
  writeFileSync(path.json, renderJson(report));
  writeFileSync(path.xlsx, await renderReportMatrix(report));
  writeFileSync(path.docx, await writeSkeletonDocx(recommendations, { states }));
  writeFileSync(path.midTerm, await writeSkeletonDocx(recommendations, { states, kind: "mid-term" }));

  const c4 = await loadCycle4();
  writeFileSync(path.c4Ledger, jsonl(c4.events));
  const fr = buildReport(c4.recommendations, { states: c4.states, lang: "fr" });
  writeFileSync(path.c4Md, renderMarkdown(fr));
  writeFileSync(path.c4Html, renderHtml(fr));
  writeFileSync(path.c4Xlsx, await renderReportMatrix(buildReport(c4.recommendations, { states: c4.states, lang: "es" })));
  writeFileSync(path.c4Docx, await writeSkeletonDocx(c4.recommendations, { states: c4.states }));
  writeFileSync(path.c4DocxFr, await writeSkeletonDocx(c4.recommendations, { states: c4.states, lang: "fr" }));
  writeFileSync(path.c4MidTermEs, await writeSkeletonDocx(c4.recommendations, { states: c4.states, lang: "es", kind: "mid-term" }));
  return path;
}

/** The samples that are text (compared as text) and Word files (compared by their paragraphs and tables). */
export const TEXT_EXAMPLES = ["ledger", "md", "html", "json", "c4Ledger", "c4Md", "c4Html"] as const;
export const DOCX_EXAMPLES = ["docx", "midTerm", "c4Docx", "c4DocxFr", "c4MidTermEs"] as const;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const paths = await generateExamples();
  for (const k of [...TEXT_EXAMPLES, ...DOCX_EXAMPLES, "xlsx", "c4Xlsx"] as const) console.log(`wrote ${paths[k]}`);
}
