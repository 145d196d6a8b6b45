import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readMatrixFile } from "../../src/node/index.js";
import { corpusDir, hasCorpus, noticeIfAbsent } from "./corpus.js";

noticeIfAbsent("the test over UPR Info's original 2018 export");

// The export as UPR Info's site wrote it: `;`, BOM, CRLF, SuR;Rgrp;Org;Recommendation;RS;Rgrp;Org;
// Response;Action;Issue;Session (CATALOG.md: 8,447 rows of sessions 22-24).
describe.skipIf(!hasCorpus)("UPR Info's original export (sessions 22-24, July 2018)", () => {
  test("every row is read with its recommending State, and both States' regional groups and organisations", async () => {
    const r = await readMatrixFile(join(corpusDir, "upr-info-2018", "22-24-UPR-INFO-DATABASE-EXPORT-2018_07_25-20_24_15.csv"), { file: "export.csv" });
    expect(r.sources[0]).toMatchObject({ layout: "upr-info", rows: 8448, recommendations: 8447 });
    expect(r.recommendations.filter((x) => x.recommendingStates.length === 1)).toHaveLength(8447);
    const sessions: Record<number, number> = {};
    for (const x of r.recommendations) sessions[x.session!] = (sessions[x.session!] ?? 0) + 1;
    expect(sessions).toEqual({ 22: 2749, 23: 2808, 24: 2890 });
    expect(r.recommendations.every((x) => x.cycle === 2 && x.stateUnderReview && (x.position === "supported" || x.position === "noted"))).toBe(true);
    const rgrp = r.recommendations.filter((x) => x.extra.some((e) => e.column === "RS-Rgrp")).length;
    expect(rgrp / r.recommendations.length).toBeGreaterThan(0.99);
    expect(r.recommendations.every((x) => x.extra.some((e) => e.column === "SuR-Rgrp"))).toBe(true);
    expect(r.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  });
});
