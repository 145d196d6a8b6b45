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
  cycle4: "ea8bbc9cbb6bfb01fa72a4832e1a8bc3b074840bf1a19a58da4673b04c356b8b",
  coded: "c605cdfd18d726f7282121ff465ac15c4571ba0c1b81840e89b8853a283e9c28",
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
