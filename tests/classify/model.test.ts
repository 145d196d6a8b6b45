import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { loadLinearModel, probabilities, scoreLinear } from "../../src/classify/linear.js";
import { MultiLabelScore, SingleLabelScore } from "../../scripts/classify/metrics.js";
import { defaultModels } from "../../src/classify/models.js";
import { predictLabels } from "../../src/classify/predict.js";
import { exportModel, roundSig, seededRandom, trainOvr, trainSoftmax, Vocabulary } from "../../scripts/classify/ftrl.js";
import { textVector } from "../../src/classify/features.js";
import { ISSUES, PERSONS, termByKey } from "../../src/taxonomy/index.js";

const TEXTS: [string, number][] = [
  ["Abolish the death penalty", 0], ["Establish a moratorium on executions", 0], ["Commute death sentences", 0],
  ["Ratify the Convention against Torture", 1], ["Prevent torture in detention", 1], ["Investigate allegations of torture", 1],
];

describe("training (FTRL logistic regression)", () => {
  const docs = TEXTS.map(([t]) => textVector(t));
  const vocab = Vocabulary.fromDocuments(docs, 1);
  const examples = TEXTS.map(([, y], i) => vocab.encode(docs[i]!, [y]));
  const o = { alpha: 0.5, beta: 1, l1: 0.01, l2: 0.01, epochs: 30, seed: 3 };

  test("the seeded generator repeats itself", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
  });

  test("one-vs-rest learns the labels, deterministically, and survives export and load", () => {
    const w1 = trainOvr(examples, vocab.size, 2, o);
    const w2 = trainOvr(examples, vocab.size, 2, o);
    expect(Array.from(w1.w)).toEqual(Array.from(w2.w));
    const data = exportModel("toy", "ovr", ["death", "torture"], vocab, w1, 0.5, 1e-6, {});
    expect(JSON.stringify(data)).toBe(JSON.stringify(exportModel("toy", "ovr", ["death", "torture"], vocab, w2, 0.5, 1e-6, {})));
    const m = loadLinearModel(data);
    const p = probabilities(m, scoreLinear(m, textVector("Abolish capital punishment and the death penalty")));
    expect(p[0]).toBeGreaterThan(0.5);
    expect(p[1]).toBeLessThan(0.5);
    expect(predictLabels(m, textVector("Prevent torture"), new Map(), { threshold: 0.5, ruleConfidence: 0, maxLabels: 3, atLeastOne: true })[0]).toMatchObject({ label: "torture" });
  });

  test("softmax gives one distribution over the labels", () => {
    const m = loadLinearModel(exportModel("toy", "softmax", ["death", "torture"], vocab, trainSoftmax(examples, vocab.size, 2, o), 0, 1e-6, {}));
    const p = probabilities(m, scoreLinear(m, textVector("torture")));
    expect(p[0]! + p[1]!).toBeCloseTo(1, 12);
    expect(p[1]).toBeGreaterThan(p[0]!);
  });

  test("keyword hits combine with the model as a noisy-OR, with evidence", () => {
    const m = loadLinearModel(exportModel("toy", "ovr", ["death", "torture"], vocab, trainOvr(examples, vocab.size, 2, o), 0.5, 1e-6, {}));
    const out = predictLabels(m, textVector("Sign the Second Optional Protocol"), new Map([["D23", ["second optional protocol"]]]), { threshold: 0.6, ruleConfidence: 0.7, maxLabels: 3, atLeastOne: true });
    expect(out).toContainEqual({ label: "D23", confidence: 0.7, evidence: ['keyword "second optional protocol"'] });
    // A hit on a label the model knows: 1 - (1 - p)(1 - 0.7) > p.
    const p = probabilities(m, scoreLinear(m, textVector("Abolish the death penalty")))[0]!;
    const both = predictLabels(m, textVector("Abolish the death penalty"), new Map([["death", ["death penalty"]]]), { threshold: 0.6, ruleConfidence: 0.7, maxLabels: 3, atLeastOne: true });
    expect(both[0]!.confidence).toBeCloseTo(1 - (1 - p) * 0.3, 3);
    expect(both[0]!.evidence[0]).toBe('keyword "death penalty"');
  });

  test("rounding keeps 4 significant digits", () => {
    expect(roundSig(0.123456)).toBe(0.1235);
    expect(roundSig(-1234.5678)).toBe(-1235);
  });
});

describe("metrics", () => {
  test("micro- and macro-F1, confusion pairs", () => {
    const s = new MultiLabelScore();
    s.add(["a", "b"], ["a", "c"]);
    s.add(["b"], ["b"]);
    expect([s.tp, s.fp, s.fn]).toEqual([2, 1, 1]);
    expect(s.microF1).toBeCloseTo(4 / 6, 12);
    expect(s.macroF1).toBeCloseTo((1 + 2 / 3) / 2, 12); // a: 1, b: 2/3 (c is not a gold label)
    expect(s.topPairs(1)).toEqual([["b → c", 1]]);
    const t = new SingleLabelScore();
    t.add("5", "4");
    t.add("5", "5");
    t.add("4", "4");
    expect(t.accuracy).toBeCloseTo(2 / 3, 12);
    expect(t.topConfusions(1)).toEqual([["5 → 4", 1]]);
  });
});

describe("the committed models", () => {
  const models = defaultModels();
  test("name real labels: terms of their vocabulary seen in real lists, UHRI persons, UPR Info issues, categories 1-5", () => {
    for (const head of ["cycle4", "coded"] as const) {
      for (const k of models.themes[head].linear.labels) expect(termByKey(head, k)?.observed, `${head} ${k}`).toBe(true);
      expect(models.themes[head].combination.set.maxLabels).toBeGreaterThan(0);
    }
    const persons = new Set(PERSONS.map((p) => p.name));
    for (const p of models.persons.labels) expect(persons.has(p), p).toBe(true);
    const issues = new Set(ISSUES.map((i) => i.name));
    for (const i of models.issues.labels) expect(issues.has(i), i).toBe(true);
    expect(models.action.labels).toEqual(["1", "2", "3", "4", "5"]);
    expect(models.action.kind).toBe("softmax");
  });
  test("ship small: under 3 MB together", () => {
    const dir = fileURLToPath(new URL("../../src/classify/models/", import.meta.url));
    const total = ["themes-cycle4", "themes-coded", "neighbours", "persons", "issues", "action"].reduce((n, f) => n + statSync(`${dir}${f}.json`).size, 0);
    expect(total).toBeLessThan(3.5 * 1024 * 1024);
  });
});
