// The features classify() takes as ids (feature-ids.ts) equal, in order, the string features
// training used (features.ts), on every real recommendation text of the corpus. Skipped without
// ../shared/corpus.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, test } from "vitest";
import { defaultModels, sharedIndex } from "../../src/classify/models.js";
import { readMatrixFile } from "../../src/node/index.js";
import { expectSameFeatures } from "../classify/same-features.js";
import { corpusDir, hasCorpus, noticeIfAbsent } from "./corpus.js";

noticeIfAbsent("the feature-id check on real texts");

describe.skipIf(!hasCorpus)("feature ids on real texts", () => {
  test("every corpus text gives the string features, in order", async () => {
    const index = sharedIndex(defaultModels());
    for (const dir of ["upr-info", "upr-info-2018", "ohchr-matrices", "uhri-clusters-3rd-cycle", "es-spain-upr4"]) {
      if (!existsSync(join(corpusDir, dir))) continue;
      const files = readdirSync(join(corpusDir, dir)).filter((f) => /\.(csv|docx|xlsx)$/.test(f));
      for (const f of files) for (const r of (await readMatrixFile(join(corpusDir, dir, f))).recommendations) expectSameFeatures(index, r.text);
    }
  }, 120_000);
});
