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

/** Every sample file name, by format. */
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
} as const;

/** Write every sample into `dir` (default docs/examples/); returns the paths written. */
export async function generateExamples(dir = examplesDir): Promise<Record<keyof typeof EXAMPLES, string>> {
  mkdirSync(dir, { recursive: true });
  const { recommendations, events, states } = await loadSample();
  const path = Object.fromEntries(Object.entries(EXAMPLES).map(([k, f]) => [k, join(dir, f)])) as Record<keyof typeof EXAMPLES, string>;
  writeFileSync(path.ledger, events.map((e) => JSON.stringify(e)).join("\n") + "\n");
  const report = buildReport(recommendations, { states });
  writeFileSync(path.md, renderMarkdown(report));
  writeFileSync(path.html, renderHtml(report));
  writeFileSync(path.json, renderJson(report));
  writeFileSync(path.xlsx, await renderReportMatrix(report));
  writeFileSync(path.docx, await writeSkeletonDocx(recommendations, { states }));
  writeFileSync(path.midTerm, await writeSkeletonDocx(recommendations, { states, kind: "mid-term" }));
  return path;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const paths = await generateExamples();
  for (const p of Object.values(paths).slice(0, 7)) console.log(`wrote ${p}`);
}
