import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { classify } from "../../src/classify/classify.js";
import { readMatrixFile } from "../../src/node/index.js";
import { Recommendation } from "../../src/schema/recommendation.js";
import { termByKey } from "../../src/taxonomy/index.js";

const FIXTURES = fileURLToPath(new URL("../../fixtures/", import.meta.url));
const read = async (f: string) => (await readMatrixFile(join(FIXTURES, f))).recommendations;

function blank(r: Recommendation): Recommendation {
  return { ...r, themes: [], affectedPersons: [], sdgs: [], issues: [], actionCategory: null, cluster: null };
}

describe("classify on the fixtures", () => {
  test("fills what a UPR Info export lacks (themes, persons, SDGs) and keeps its issues and action categories", async () => {
    const recs = await read("upr-info.csv");
    const { recommendations } = classify(recs);
    expect(recommendations).toHaveLength(recs.length);
    recommendations.forEach((r, i) => {
      expect(Recommendation.safeParse(r).success).toBe(true);
      expect(r.issues).toEqual(recs[i]!.issues); // given: untouched
      expect(r.actionCategory).toEqual(recs[i]!.actionCategory);
      expect(r.themes.length).toBeGreaterThan(0);
      for (const t of r.themes) {
        expect(t.source).toBe("classifier");
        expect(t.vocabulary).toBe("cycle4"); // the file carries no themes: the default vocabulary
        expect(termByKey("cycle4", t.code!)?.name).toBe(t.name);
        expect(t.confidence).toBeGreaterThanOrEqual(0);
        expect(t.confidence).toBeLessThanOrEqual(1);
        expect(t.evidence!.length).toBeGreaterThan(0);
      }
      for (const p of r.affectedPersons) expect(p.source).toBe("classifier");
    });
    const optcat = recommendations.find((r) => /Optional Protocol to the Convention against Torture/.test(r.text))!;
    expect(optcat.themes.map((t) => t.code)).toEqual(expect.arrayContaining(["ratification", "torture"]));
    expect(optcat.sdgs.map((s) => s.goal)).toContain(16);
    expect(optcat.sdgs[0]).toMatchObject({ vocabulary: "cycle4", name: expect.stringMatching(/^\d+ - [A-Z]/) });
    // The same file in the v1 codes, and in the 2020 names.
    const coded = classify(recs, { vocabulary: "coded" }).recommendations.find((r) => r.id === optcat.id)!;
    expect(coded.themes.map((t) => t.code)).toEqual(expect.arrayContaining(["A12", "D25"]));
    expect(coded.themes.every((t) => t.vocabulary === "coded" && termByKey("coded", t.code!)?.name === t.name)).toBe(true);
    const cycle3 = classify(recs, { vocabulary: "cycle3" }).recommendations.find((r) => r.id === optcat.id)!;
    expect(cycle3.themes.map((t) => t.name)).toContain("Acceptance of international norms");
  });

  test("never overwrites a matrix's themes and persons; infers the missing issues and action categories", async () => {
    const recs = await read("ohchr-g1-en.docx");
    const { recommendations } = classify(recs);
    recommendations.forEach((r, i) => {
      expect(r.themes).toEqual(recs[i]!.themes);
      expect(r.affectedPersons).toEqual(recs[i]!.affectedPersons);
      expect(r.actionCategory?.source).toBe("classifier");
      expect(r.actionCategory!.category).toBeGreaterThanOrEqual(1);
      expect(r.actionCategory!.evidence!.length).toBeGreaterThan(0);
      expect(r.issues.every((x) => x.source === "classifier")).toBe(true);
    });
  });

  test("the same input gives byte-identical output", async () => {
    const recs = (await read("uhri-export.csv")).map(blank);
    expect(JSON.stringify(classify(recs))).toBe(JSON.stringify(classify(recs)));
  });

  test("tasks, thresholds and the cluster: only what was asked, and the file's theme header first", async () => {
    const recs = await read("ohchr-en.xlsx");
    const one = { ...blank(recs[0]!), cluster: recs[0]!.cluster };
    const { recommendations } = classify([one], { tasks: ["themes"] });
    const r = recommendations[0]!;
    if (one.cluster) expect(r.themes[0]).toEqual({ code: one.cluster.code, name: one.cluster.name, source: "matrix" });
    expect(r.issues).toEqual([]);
    expect(r.actionCategory).toBeNull();
    expect(r.sdgs).toEqual([]);
    const strict = classify([blank(recs[0]!)], { tasks: ["themes"], threshold: 0.999, maxLabels: 1 }).recommendations[0]!;
    expect(strict.themes).toHaveLength(1); // at least one, at most one
  });

  test("a text the model reads in French or Spanish still gets rule-based labels", () => {
    const base = blank(Recommendation.parse({
      id: "1", paragraphId: "1", text: "x", recommendingStates: [], stateUnderReview: null, cycle: null, session: null, documentSymbol: null,
      position: "unknown", positionRaw: null, positionSource: null, positionSourceParagraph: null, cluster: null, themes: [], affectedPersons: [],
      sdgs: [], issues: [], actionCategory: null, assessment: null, status: null, institutions: [], extra: [], place: { row: 2 },
    }));
    const { recommendations } = classify([
      { ...base, text: "Abolir la peine de mort et ratifier le deuxième Protocole facultatif (France);" },
      { ...base, id: "2", text: "Continuar fortaleciendo las políticas de igualdad de género (Chile);" },
    ]);
    expect(recommendations[0]!.themes.map((t) => t.code)).toEqual(expect.arrayContaining(["death-penalty", "ratification"]));
    expect(recommendations[0]!.actionCategory).toMatchObject({ category: 5, source: "classifier" });
    expect(recommendations[1]!.actionCategory).toMatchObject({ category: 2 });
    expect(recommendations[1]!.affectedPersons.map((p) => p.name)).toContain("Women & girls");
    expect(classify([{ ...base, text: "" }]).recommendations[0]).toEqual({ ...base, text: "" }); // nothing to read
  });

  test("a confident disagreement with the file's themes is reported, with its place", () => {
    const r = Recommendation.parse({
      id: "117.9", paragraphId: "117.9", text: "Abolish the death penalty and commute all death sentences (France);", recommendingStates: ["France"],
      stateUnderReview: "Uganda", cycle: 2, session: 26, documentSymbol: null, position: "supported", positionRaw: "Supported", positionSource: null,
      positionSourceParagraph: null, cluster: null, themes: [{ code: "E51", name: "Right to education - General", source: "matrix" }], affectedPersons: [],
      sdgs: [], issues: [], actionCategory: null, assessment: null, status: null, institutions: [], extra: [], place: { file: "u.docx", table: 1, row: 9 },
    });
    const { recommendations, diagnostics, summary } = classify([r]);
    expect(recommendations[0]!.themes).toEqual(r.themes);
    expect(diagnostics).toMatchObject([
      { code: "theme-disagreement", severity: "warning", place: { file: "u.docx", row: 9, field: "themes" }, actual: "Right to education - General", expected: expect.arrayContaining(["Death penalty"]) },
    ]);
    expect(summary).toMatchObject({ vocabularies: [{ file: "u.docx", vocabulary: "coded", detected: true }], disagreementsReported: 1, disagreementsWithinGroup: 0 });
    expect(classify([r], { tasks: ["issues"] }).diagnostics).toEqual([]); // themes not asked: no comparison
    // A sibling of the file's theme (same group D) is counted, not reported.
    const sibling = { ...r, themes: [{ code: "D25", name: "Prohibition of torture and cruel, inhuman or degrading treatment", source: "matrix" as const }] };
    const quiet = classify([sibling]);
    expect(quiet.diagnostics).toMatchObject([{ code: "theme-disagreement", severity: "info", place: { file: "u.docx" }, message: expect.stringMatching(/^1 recommendation/) }]);
    expect(quiet.summary).toMatchObject({ disagreementsReported: 0, disagreementsWithinGroup: 1 });
  });
});

describe("errors seen when tried as a new user would (their causes fixed)", () => {
  const base = Recommendation.parse({
    id: "1", paragraphId: "1", text: "x", recommendingStates: [], stateUnderReview: null, cycle: null, session: null, documentSymbol: null,
    position: "unknown", positionRaw: null, positionSource: null, positionSourceParagraph: null, cluster: null, themes: [], affectedPersons: [],
    sdgs: [], issues: [], actionCategory: null, assessment: null, status: null, institutions: [], extra: [], place: { row: 2 },
  });
  const one = (text: string) => classify([{ ...base, text }]).recommendations[0]!;

  test("rape in criminal law is not a children's issue unless children are named", () => {
    for (const text of ["Implement effectively the amended Criminal Code provisions on rape and sexual violence (Iceland);", "Amend the Criminal Code to define rape as sexual intercourse without consent;"]) {
      const r = one(text);
      expect(r.issues.map((i) => i.name), text).not.toContain("Rights of the Child");
      expect(r.themes.map((t) => t.name), text).toContain("Sexual & gender-based violence");
      expect(r.themes.map((t) => t.name), text).not.toContain("Children: definition; general principles; protection");
    }
    expect(one("Criminalize the rape of children and raise the age of consent").issues.map((i) => i.name)).toContain("Rights of the Child");
  });

  test("the migrant workers' convention is about migrants, not marriage and family, nor gender equality", () => {
    const r = one("Consider ratifying the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families (Rwanda);");
    expect(r.themes.map((t) => t.code).sort()).toEqual(["migrants", "ratification"]);
    expect(r.sdgs.map((s) => s.goal)).not.toContain(5);
    expect(r.affectedPersons.map((p) => p.name)).toContain("Migrants");
  });

  test("hate crimes are discrimination, not Other", () => {
    const r = one("Make further efforts to curb hate crimes and ensure redress (Bangladesh);");
    expect(r.themes.map((t) => t.name)).toEqual(expect.arrayContaining(["Equality & non-discrimination", "Racial discrimination"]));
    expect(r.issues.map((i) => i.name)).toContain("Racial discrimination");
    expect(r.issues.map((i) => i.name)).not.toContain("Other");
  });
});

describe("evidence: false", () => {
  test("the same labels and confidences, without evidence; the file's own labels untouched", async () => {
    // French texts: their action category comes from the coding-manual rules (the model knows too few words).
    const recs = [...(await read("upr-info.csv")), ...(await read("ohchr-en.xlsx")), ...(await read("ohchr-fr.docx"))];
    const full = classify(recs).recommendations;
    const bare = classify(recs, { evidence: false }).recommendations;
    expect(full.filter((r) => r.actionCategory?.evidence?.[0]?.startsWith("coding-manual rule (text mostly unknown")).length).toBeGreaterThan(0);
    const strip = (x: { evidence?: string[] }) => {
      const { evidence: _e, ...rest } = x;
      return rest;
    };
    const withoutEvidence = (r: Recommendation) => ({
      ...r,
      themes: r.themes.map(strip),
      affectedPersons: r.affectedPersons.map(strip),
      sdgs: r.sdgs.map(strip),
      issues: r.issues.map(strip),
      actionCategory: r.actionCategory && strip(r.actionCategory),
    });
    expect(bare).toEqual(full.map(withoutEvidence));
    const inferred = bare.flatMap((r) => [...r.themes, ...r.affectedPersons, ...r.sdgs, ...r.issues, ...(r.actionCategory ? [r.actionCategory] : [])]).filter((l) => l.source === "classifier");
    expect(inferred.length).toBeGreaterThan(recs.length);
    for (const l of inferred) expect(l).not.toHaveProperty("evidence");
    for (const r of bare) Recommendation.parse(r);
  });
});
