// Every output names themes in one vocabulary: the file's own, or the one asked for (issue 11 item 2 relies
// on it). Real outputs are scanned for labels only one vocabulary has: "A12 Acceptance of international
// norms" (coded), "2.1 Acceptance of international norms" (numbered), names only the current (cycle4) or
// the 3rd-cycle list uses. Inputs: the coded sample and a list in the current UHRI names (corpus) with rows
// left without theme, both through the real classifier, which fills themes in v1 codes.
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { corpusDir, hasCorpus } from "../corpus/corpus.js";
import { readMatrixFile } from "../../src/node/index.js";
import { classify } from "../../src/classify/classify.js";
import { buildReport } from "../../src/report/model.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderHtml } from "../../src/report/html.js";
import { renderReportMatrix } from "../../src/xlsx/report-matrix.js";
import { writeSkeletonDocx } from "../../src/docx/skeleton.js";
import { planTrackExport } from "../../src/track/workbook.js";
import { writeTrackWorkbook } from "../../src/xlsx/track-workbook.js";
import { vocabularyTerms } from "../../src/taxonomy/vocabularies.js";
import type { Recommendation, Vocabulary } from "../../src/schema/recommendation.js";
import { readDocxBlocks, sampleFile } from "./helpers.js";

const VOCABULARIES = ["cycle4", "cycle3", "coded", "numbered"] as const satisfies readonly Vocabulary[];
const low = (s: string) => s.toLowerCase();
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

// Names of each theme; a bare name counts only when no other vocabulary has it (coded and cycle3 share many).
const owners = new Map<string, Set<Vocabulary>>();
for (const v of VOCABULARIES) for (const t of vocabularyTerms(v)) owners.set(low(t.name), (owners.get(low(t.name)) ?? new Set()).add(v));
const patterns = VOCABULARIES.map((v) => ({
  v,
  labels: vocabularyTerms(v).flatMap((t) =>
    v === "coded" || v === "numbered"
      ? [{ label: `${t.key} ${t.name}`, re: new RegExp(`(?:^|[^\\w.])${escape(t.key)} ${escape(t.name)}`, "i") }]
      : owners.get(low(t.name))!.size === 1 ? [{ label: t.name, re: new RegExp(escape(t.name), "i") }] : [],
  ),
}));

/** The labels of each vocabulary found in a text. */
function labelsIn(text: string): Record<Vocabulary, string[]> {
  const flat = text.replace(/\s+/g, " ").replace(/&amp;/g, "&");
  return Object.fromEntries(patterns.map(({ v, labels }) => [v, labels.filter((l) => l.re.test(flat)).map((l) => l.label)])) as Record<Vocabulary, string[]>;
}

async function xlsxText(bytes: Uint8Array): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => out.push(String(c.text)))));
  return out.join("\n");
}

const docxText = (bytes: Uint8Array) =>
  readDocxBlocks(bytes).map((b) => (b.kind === "p" ? b.text : b.rows.map((r) => r.join(" | ")).join("\n"))).join("\n");

/** Every output a user gets from these recommendations, as text, named in `vocabulary` (or the file's). */
async function outputs(recs: readonly Recommendation[], vocabulary?: Vocabulary): Promise<Record<string, string>> {
  const opts = vocabulary ? { vocabulary } : {};
  const report = buildReport(recs, opts);
  const date = new Date("2025-06-01T00:00:00Z");
  const texts: Record<string, string> = {
    markdown: renderMarkdown(report),
    html: renderHtml(report),
    "report workbook": await xlsxText(await renderReportMatrix(report, { date })),
    "national skeleton": docxText(await writeSkeletonDocx(recs, { ...opts, date })),
    "mid-term skeleton": docxText(await writeSkeletonDocx(recs, { ...opts, kind: "mid-term", date })),
  };
  if (!vocabulary) {
    // Tracking workbooks filed by the matrix's own clusters: the file's names (they take no vocabulary).
    const plans = planTrackExport(recs, new Map(), { by: "cluster", round: "r1", exportedAt: "2025-06-01T00:00:00.000Z" });
    texts["tracking workbooks"] = (await Promise.all(plans.slice(0, 8).map(async (p) => xlsxText(await writeTrackWorkbook(p))))).join("\n");
  }
  return texts;
}

function expectOneVocabulary(texts: Record<string, string>, expected: Vocabulary) {
  for (const [name, text] of Object.entries(texts)) {
    const found = labelsIn(text);
    for (const v of VOCABULARIES) if (v !== expected) expect(found[v], `${name}: ${v} labels in a ${expected} output`).toEqual([]);
    expect(found[expected].length, `${name}: shows ${expected} labels`).toBeGreaterThan(0);
  }
}

describe("theme names in one vocabulary, in every output", async () => {
  const sample = classify((await readMatrixFile(sampleFile)).recommendations).recommendations;

  test("by default the coded sample's outputs are coded throughout", async () => {
    expectOneVocabulary(await outputs(sample), "coded");
  });

  test.each(VOCABULARIES)("asked for %s: every output of the sample in that vocabulary only", async (v) => {
    expectOneVocabulary(await outputs(sample, v), v);
  });

  describe.skipIf(!hasCorpus)("a list in the current UHRI names, a quarter of its rows without theme (corpus: Denmark UPR38)", async () => {
    const file = join(corpusDir, "uhri-clusters-3rd-cycle", "Denmark_UPR38.csv");
    // Rows without a theme are common in real lists: the classifier fills them, in v1 codes.
    const read = hasCorpus ? (await readMatrixFile(file)).recommendations : [];
    const recs = classify(read.map((r, i) => (i % 4 === 0 ? { ...r, cluster: null, themes: [] } : r))).recommendations;

    test("the classifier's themes are in another vocabulary than the file's (what could mix)", () => {
      const added = recs.flatMap((r) => r.themes.filter((t) => t.source === "classifier"));
      expect(added.length).toBeGreaterThan(read.length / 8);
      expect(added.every((t) => t.code !== null && /^[A-H]\d+$/.test(t.code))).toBe(true);
    });

    test("by default in the file's names, never with v1 codes", async () => {
      const own = buildReport(recs).names.vocabulary!;
      expect(["cycle4", "cycle3"]).toContain(own);
      expectOneVocabulary(await outputs(recs), own);
    });

    test.each(["coded", "numbered"] as const)("asked for %s: that vocabulary's codes and names throughout", async (v) => {
      expectOneVocabulary(await outputs(recs, v), v);
    });
  });
});
