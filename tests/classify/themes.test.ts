// The parts of theme classification: the neighbour index, the combination of model, neighbours and
// rules, groups of persons and SDGs named in a vocabulary, treaty titles.
import { describe, expect, test } from "vitest";
import { analyzeText } from "../../src/classify/features.js";
import { buildNeighbourIndex, loadNeighbours, votes } from "../../src/classify/neighbours.js";
import { personsIn } from "../../src/classify/person-vocabulary.js";
import { sdgName, sdgsFromThemes } from "../../src/classify/sdgs.js";
import { chooseThemes, themeConfidence, type ThemeCandidate } from "../../src/classify/themes.js";
import { maskTreaties, TREATIES, treatyOf } from "../../src/classify/treaties.js";
import { tokenize } from "../../src/classify/tokens.js";

describe("nearest labelled neighbours", () => {
  const docs = [
    { doc: { ref: "A 1.1", labels: { cycle4: ["ratification", "torture"] } }, text: "Ratify the Optional Protocol to the Convention against Torture" },
    { doc: { ref: "A 1.2", labels: { cycle4: ["death-penalty"] } }, text: "Abolish the death penalty in law and practice" },
    { doc: { ref: "B 2.1", labels: { cycle4: ["ratification"] }, partial: true }, text: "Ratify OP-CAT without delay" },
    { doc: { ref: "B 2.2", labels: { cycle4: ["death-penalty"] }, partial: true }, text: "Establish a moratorium on the death penalty" },
    { doc: { ref: "C 3.1", labels: { cycle4: ["education"] } }, text: "Ensure access to quality education for all children" },
  ];
  const index = loadNeighbours(buildNeighbourIndex(docs.map((d) => ({ doc: d.doc, features: analyzeText(d.text).features })), 2, 2, {}));

  test("the closest documents vote, full lists apart from cluster lists", () => {
    const { all, full } = votes(index, analyzeText("Consider ratifying the OP-CAT").features, "cycle4");
    expect(all.nearest.map((n) => n.doc.ref).sort()).toEqual(["A 1.1", "B 2.1"]);
    expect(all.scores.get("ratification")).toBeGreaterThan(0.5);
    // A cluster list's document knows one theme only: it does not vote on the full set.
    expect(full.nearest.every((n) => !n.doc.partial)).toBe(true);
    expect(full.scores.get("torture")).toBeGreaterThan(0);
    expect(full.head).toBe("cycle4");
  });

  test("nothing shared, no vote; deterministic", () => {
    expect(votes(index, analyzeText("Xylophone quartz").features, "cycle4").all.nearest).toEqual([]);
    const a = votes(index, analyzeText("Abolish the death penalty").features, "cycle4");
    const b = votes(index, analyzeText("Abolish the death penalty").features, "cycle4");
    expect([...a.all.scores]).toEqual([...b.all.scores]);
  });
});

describe("choosing themes", () => {
  const cand = (label: string, probability: number, neighbours: number, rule: number, phrases?: string[]): ThemeCandidate => ({
    label, probability, neighbours, neighboursAll: neighbours, rule, phrases,
  });
  const c = { set: { support: 0.1, alone: 0.9, maxLabels: 3 }, primary: { model: 0.5, neighbours: 0.5, rules: 0 } };

  test("a keyword hit needs a little support; the model alone must be sure; the first theme always given", () => {
    const given = chooseThemes(
      [cand("death-penalty", 0.95, 0.8, 0.9, ["death penalty"]), cand("torture", 0.05, 0, 0.6, ["torture"]), cand("right-to-life", 0.3, 0.2, 0.7, ["right to life"]), cand("equality", 0.6, 0, 0)],
      c,
    ).given.map((g) => g.candidate.label);
    expect(given).toEqual(["death-penalty", "right-to-life"]);
    // No candidate in the set: the first theme still.
    expect(chooseThemes([cand("equality", 0.2, 0.1, 0)], c).given.map((g) => g.candidate.label)).toEqual(["equality"]);
    expect(chooseThemes([], c).given).toEqual([]);
  });

  test("confidence: the strongest of the three sources", () => {
    expect(themeConfidence(cand("x", 0.2, 0.5, 0.7, ["x"]))).toBe(0.7);
  });
});

describe("treaty titles", () => {
  test("the longest title wins; every title is read back as its treaty", () => {
    expect(maskTreaties(tokenize("Ratify the Optional Protocol to the Convention against Torture and the Convention against Torture"))).toEqual(["ratify", "the", "§opcat", "and", "the", "§cat"]);
    for (const t of TREATIES) for (const title of t.titles) expect(maskTreaties(tokenize(title)).map((x) => treatyOf(x)?.key), title).toEqual([t.key]);
  });
});

describe("groups of persons and SDGs in a vocabulary", () => {
  const scored = [
    { label: "Women", confidence: 0.9, evidence: ['keyword "women"'] },
    { label: "General", confidence: 0.5, evidence: [] },
  ];

  test("coded keeps v1 names; cycle4 adds the duty bearers and renames", () => {
    expect(personsIn(scored, "coded", [], 6).map((p) => [p.name, p.vocabulary])).toEqual([["Women", "coded"], ["General", "coded"]]);
    const c4 = personsIn(scored, "cycle4", tokenize("Protect Roma women"), 6);
    expect(c4.map((p) => p.name)).toEqual(["Public officials", "Women & girls", "Roma, Gypsies, Sinti & Travellers"]);
    expect(c4.every((p) => p.vocabulary === "cycle4" && p.source === "classifier" && p.code)).toBe(true);
    expect(personsIn(scored, "cycle3", [], 6).map((p) => p.name)).toEqual(["Women", "Public officials"]);
    expect(personsIn(scored, "cycle4", [], 2)).toHaveLength(2);
  });

  test("SDGs from themes of any vocabulary, named as the lists print them", () => {
    expect(sdgName(16)).toBe("16 - PEACE, JUSTICE AND STRONG INSTITUTIONS");
    expect(sdgsFromThemes(["E51"], []).map((s) => s.goal)).toEqual([4]);
    expect(sdgsFromThemes(["education"], [], "cycle3")).toMatchObject([{ goal: 4, code: "4", name: "4 - QUALITY EDUCATION", vocabulary: "cycle3" }]);
    // The migrant workers' convention is migrants (goal 10), not marriage and family (goal 5).
    expect(sdgsFromThemes(["migrants", "ratification"], analyzeText("Ratify the Convention on Migrant Workers and Members of their Families").tokens).map((s) => s.goal)).toEqual([10, 16]);
  });
});
