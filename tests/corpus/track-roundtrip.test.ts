// The tracking round trip on the real OHCHR matrices: every recommendation goes out in exactly one
// per-cluster workbook, an untouched workbook comes back with no change, and one changed status per
// workbook becomes exactly one event.
import { join } from "node:path";
import ExcelJS from "exceljs";
import { describe, expect, test } from "vitest";
import { readMatrixFile } from "../../src/node/index.js";
import { recommendationKey } from "../../src/schema/key.js";
import { currentStates } from "../../src/track/ledger.js";
import { mergeReturnedWorkbooks } from "../../src/track/merge.js";
import { planTrackExport } from "../../src/track/workbook.js";
import { readTrackWorkbook } from "../../src/index.js";
import { writeTrackWorkbook } from "../../src/xlsx.js";
import { corpusDir, hasCorpus, noticeIfAbsent } from "./corpus.js";

noticeIfAbsent("the tracking round trip on real matrices");

const MATRICES = ["UPR20__Slovenia_ThematicListRecommendations_E.docx", "China_2018_matrix.docx"];

describe.skipIf(!hasCorpus)("tracking round trip on real matrices", () => {
  for (const name of MATRICES) {
    test(name, async () => {
      const { recommendations } = await readMatrixFile(join(corpusDir, "ohchr-matrices", name));
      const keys = new Set(recommendations.map(recommendationKey));
      const plans = planTrackExport(recommendations, new Map(), { by: "cluster", round: "corpus", exportedAt: "2025-06-01T00:00:00.000Z" });
      expect(plans.reduce((n, p) => n + p.rows.length, 0)).toBe(keys.size);
      const returned = [];
      for (const [i, plan] of plans.entries()) {
        let bytes = await writeTrackWorkbook(plan);
        if (i % 2 === 0) {
          const wb = new ExcelJS.Workbook();
          await wb.xlsx.load(bytes as unknown as ArrayBuffer);
          wb.getWorksheet("Recommendations")!.getCell(2, 10).value = "ongoing";
          bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
        }
        const { workbook, diagnostics } = await readTrackWorkbook(bytes, plan.fileName);
        expect(diagnostics).toEqual([]);
        returned.push(workbook!);
      }
      const merged = mergeReturnedWorkbooks(returned, { recommendations, events: [], recordedAt: "2025-06-30T00:00:00.000Z", today: "2025-06-30" });
      expect(merged.diagnostics).toEqual([]);
      expect(merged.events).toHaveLength(Math.ceil(plans.length / 2));
      expect(merged.summaries.reduce((n, s) => n + s.changed + s.unchanged, 0)).toBe(keys.size);
      const states = currentStates(merged.events);
      for (const e of merged.events) expect(states.get(e.recommendation)).toMatchObject({ status: "in-progress", statusRaw: "ongoing" });
    });
  }
});
