// Reports on the real corpus (../shared/corpus): skipped with a one-line notice when it is absent.
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { corpusDir, hasCorpus, noticeIfAbsent } from "../corpus/corpus.js";
import { readMatrixFile } from "../../src/node/index.js";
import { buildReport } from "../../src/report/model.js";
import { buildStats } from "../../src/report/stats.js";
import { buildSkeletonOutline } from "../../src/report/skeleton.js";
import { writeReportMatrix } from "../../src/xlsx/report-matrix.js";
import { parseXlsx } from "../../src/ingest/xlsx.js";
import { findState } from "../../src/taxonomy/index.js";

noticeIfAbsent("report tests on the corpus");

const MATRICES = [
  ["China_2013_matrix.docx", 252],
  ["China_2018_matrix.docx", 346],
  ["EgyptMatriceRecommendations.docx", 300],
  ["UPR20__Slovenia_ThematicListRecommendations_E.docx", 163],
] as const;

describe.skipIf(!hasCorpus)("reports on the OHCHR matrices of the corpus", () => {
  test.each(MATRICES)("%s: stats, XLSX round trip and skeleton keep every recommendation", async (file, count) => {
    const { recommendations: recs } = await readMatrixFile(join(corpusDir, "ohchr-matrices", file));
    expect(recs).toHaveLength(count);
    const stats = buildStats(recs);
    expect(stats.clusters.reduce((n, c) => n + c.total, 0)).toBe(count);
    expect(stats.topLevels.every((t) => t.code !== null)).toBe(true); // every cluster found in the taxonomy

    const back = await parseXlsx(await writeReportMatrix(recs), { file: "out.xlsx", sheet: "Matrix" });
    const byId = new Map(back.recommendations.map((r) => [r.id, r]));
    expect(byId.size).toBe(new Set(recs.map((r) => r.id)).size);
    for (const r of recs) expect(byId.get(r.id)?.position, `${file} ${r.id}`).toBe(r.position);

    const outline = buildSkeletonOutline(recs);
    const impl = outline.sections.find((s) => s.id === "implementation")!;
    const inBody = impl.subsections.flatMap((s) => s.keys);
    expect(new Set(inBody).size).toBe(new Set(recs.map((r) => `${r.stateUnderReview}|${r.cycle}|${r.id}`)).size);
    expect(outline.sections.reduce((n, s) => n + s.words, 0)).toBe(10_700);
    const clusters = impl.subsections.filter((s) => s.id.startsWith("cluster-"));
    console.log(`[report] ${file}: ${count} recommendations, ${buildStats(recs).clusters.length} clusters, ${clusters.length} skeleton subsections (smallest budget ${Math.min(...clusters.map((c) => c.words))} words)`);
    expect(clusters.every((c) => c.words >= 150)).toBe(true);
  });

  test("Slovenia: a theme split over the supported and noted blocks is one cluster", async () => {
    const { recommendations } = await readMatrixFile(join(corpusDir, "ohchr-matrices", "UPR20__Slovenia_ThematicListRecommendations_E.docx"));
    const a12 = buildReport(recommendations).themes.find((g) => g.theme.code === "A12")!;
    expect([a12.items.length, a12.items.filter((r) => r.rec.position === "supported").length, a12.items.filter((r) => r.rec.position === "noted").length]).toEqual([19, 10, 9]);
  });
});

// UPR Info's own group names; observers (State of Palestine, Holy See) have no regional group.
const UPR_INFO_GROUPS: Record<string, string> = { Africa: "African", Asia: "Asia-Pacific", "Asia-Pacific": "Asia-Pacific", EEG: "EEG", GRULAC: "GRULAC", WEOG: "WEOG", Observer: "none" };

describe.skipIf(!hasCorpus)("UPR Info export (sessions 14-17, 9,598 recommendations)", () => {
  test("regional groups of recommending States agree with UPR Info's own From-Rgrp column", async () => {
    const { recommendations } = await readMatrixFile(join(corpusDir, "upr-info", "uprinfo_sessions_14-17.csv"));
    let compared = 0;
    let agree = 0;
    const disagreements = new Map<string, number>();
    for (const r of recommendations) {
      const theirs = r.extra.find((e) => e.column === "From-Rgrp")?.value.trim();
      const name = r.recommendingStates[0];
      if (!theirs || !name || r.recommendingStates.length !== 1) continue;
      const ours = findState(name)?.group ?? "none";
      compared++;
      if (ours === (UPR_INFO_GROUPS[theirs] ?? theirs)) agree++;
      else disagreements.set(`${name}: ${theirs} vs ${ours}`, (disagreements.get(`${name}: ${theirs} vs ${ours}`) ?? 0) + 1);
    }
    console.log(`[report] regional groups: ${agree}/${compared} agree with UPR Info's From-Rgrp; differences: ${[...disagreements].slice(0, 5).map(([k, n]) => `${k} (${n})`).join("; ") || "none"}`);
    expect(compared).toBeGreaterThan(9000);
    expect(agree / compared).toBeGreaterThan(0.99);
    const stats = buildStats(recommendations);
    expect(stats.actionCategories.filter((c) => c.category !== null).reduce((n, c) => n + c.count, 0)).toBeGreaterThan(9000);
    // Grouped through UPR Info issues into the plain-language clusters, not one "without theme" lump.
    expect(stats.clusters.length).toBeGreaterThan(10);
    expect(stats.clusters.find((c) => c.key === "")?.total ?? 0).toBe(0);
  });
});
