// The classifier on the real corpus: the committed models on held-out States, and classify() on a
// real matrix. Floors only (the figures themselves are printed by `npm run eval`).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { classify } from "../../src/classify/classify.js";
import { MultiLabelScore } from "../../scripts/classify/metrics.js";
import { goldIssues } from "../../scripts/classify/training.js";
import { termByKey } from "../../src/taxonomy/index.js";
import { readMatrixFile } from "../../src/node/index.js";
import type { Recommendation } from "../../src/schema/recommendation.js";
import { corpusDir, hasCorpus, noticeIfAbsent } from "./corpus.js";

const split = JSON.parse(readFileSync(fileURLToPath(new URL("../../src/classify/models/split.json", import.meta.url)), "utf8")) as {
  testStates: string[];
  validationStates: string[];
  heldOutSessions: number[];
  matrixFolds: string[][];
};

noticeIfAbsent("classifier tests over the real corpus");

describe("the committed split", () => {
  test("test and validation States are disjoint, and the matrix States are test States", () => {
    expect(split.testStates.filter((s) => split.validationStates.includes(s))).toEqual([]);
    for (const [s] of split.matrixFolds) expect(split.testStates).toContain(s);
    expect(split.heldOutSessions.length).toBeGreaterThan(0);
  });
});

describe.skipIf(!hasCorpus)("classifier on the real corpus", () => {
  test("held-out States of UPR Info sessions 14-17: issues and action categories from the committed models", async () => {
    const { recommendations } = await readMatrixFile(join(corpusDir, "upr-info", "uprinfo_sessions_14-17.csv"));
    const held = recommendations.filter((r) => split.testStates.includes(r.stateUnderReview ?? "")).slice(0, 800);
    expect(held.length).toBeGreaterThan(500);
    const blank = held.map((r): Recommendation => ({ ...r, issues: [], actionCategory: null }));
    const out = classify(blank, { tasks: ["issues", "actionCategory"] }).recommendations;
    const issues = new MultiLabelScore();
    let right = 0;
    out.forEach((r, i) => {
      issues.add(goldIssues(held[i]!), r.issues.map((x) => x.name));
      if (r.actionCategory!.category === held[i]!.actionCategory!.category) right++;
    });
    expect(issues.microF1).toBeGreaterThan(0.75);
    expect(right / out.length).toBeGreaterThan(0.8);
  });

  test("China 2013 matrix with its themes removed: every recommendation gets coded themes; top level mostly right", async () => {
    const { recommendations } = await readMatrixFile(join(corpusDir, "ohchr-matrices", "China_2013_matrix.docx"));
    const out = classify(recommendations.map((r) => ({ ...r, themes: [], cluster: null })), { tasks: ["themes"], vocabulary: "coded" }).recommendations;
    const top = new MultiLabelScore();
    const v1 = (code: string | null) => (code && termByKey("coded", code)?.group) ?? "";
    out.forEach((r, i) => {
      expect(r.themes.length).toBeGreaterThan(0);
      expect(r.themes.every((t) => t.vocabulary === "coded")).toBe(true);
      top.add(recommendations[i]!.themes.map((t) => v1(t.code)), r.themes.map((t) => v1(t.code)));
    });
    // The committed theme model saw China in training: this is a floor, not a held-out figure.
    expect(top.microF1).toBeGreaterThan(0.7);
    // Given labels stay as they were.
    const kept = classify(recommendations, { tasks: ["themes", "affectedPersons"] }).recommendations;
    kept.forEach((r, i) => {
      expect(r.themes).toEqual(recommendations[i]!.themes);
      expect(r.affectedPersons).toEqual(recommendations[i]!.affectedPersons);
    });
  });
});
