// classify() gives the same bytes for the same input and options: a hash of its output over two real
// lists (a full 3rd-cycle matrix and a cluster list, their labels removed), in two vocabularies.
// Speed work on the classifier must keep it; a deliberate change of models or rules updates OUTPUT
// (the failure prints the new hash). Skipped without ../shared/corpus.
import { createHash } from "node:crypto";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { classify } from "../../src/classify/classify.js";
import { readMatrixFile } from "../../src/node/index.js";
import { corpusDir, hasCorpus, noticeIfAbsent } from "./corpus.js";

noticeIfAbsent("the classify() output hash");

const FILES = ["ohchr-matrices/China_2018_matrix.docx", "uhri-clusters-3rd-cycle/Denmark_UPR38.csv"];
const OUTPUT: Record<"cycle4" | "coded", string> = {
  cycle4: "9e03789df51458aabce6d9c38c7ddb62c6b12c52c9ace3c2cc23b6f98c382fd1",
  coded: "49f65fc1ce4991898b3523cb421c9a165b51af7b4613d0f3ba27d5cd800fff16",
};

describe.skipIf(!hasCorpus)("classify() output on real lists", () => {
  test.each(["cycle4", "coded"] as const)("%s: the same bytes as recorded", async (vocabulary) => {
    const recs = [];
    for (const f of FILES) {
      const { recommendations } = await readMatrixFile(join(corpusDir, f));
      recs.push(...recommendations.map((r) => ({ ...r, themes: [], affectedPersons: [], sdgs: [], issues: [], actionCategory: null, cluster: null })));
    }
    const out = classify(recs, { vocabulary });
    // Places name the files relative to the corpus, so that the hash holds on any machine.
    const hash = createHash("sha256").update(JSON.stringify(out).replaceAll(corpusDir, "")).digest("hex");
    expect(hash).toBe(OUTPUT[vocabulary]);
  });
});
