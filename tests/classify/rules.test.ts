import { describe, expect, test } from "vitest";
import { actionCategoryByRules } from "../../src/classify/action-rules.js";
import { analyzeText, leadVerb, textFeatures, textForFeatures, textVector, tokenize } from "../../src/classify/features.js";
import { ISSUE_KEYWORDS, issueMatcher } from "../../src/classify/issue-rules.js";
import { ISSUE_PERSONS, ISSUE_THEMES } from "../../src/classify/issue-map.js";
import { KeywordMatcher } from "../../src/classify/keywords.js";
import { PERSON_KEYWORDS, personKey } from "../../src/classify/person-rules.js";
import { sdgsFromThemes, THEME_SDGS } from "../../src/classify/sdgs.js";
import { ruleTarget, THEME_KEYWORDS, themeHits, themeMatcher } from "../../src/classify/theme-rules.js";
import { TREATIES } from "../../src/classify/treaties.js";
import { themeKey } from "../../src/classify/theme-key.js";
import { findIssue, nameIn, PERSONS, themeByCode, vocabularyTerms } from "../../src/taxonomy/index.js";

describe("features", () => {
  test("the recommending States and the paragraph id are not content", () => {
    expect(textForFeatures("117.1 Ratify OP-CAT (Venezuela (Bolivarian Republic of)) (France);")).toBe("Ratify OP-CAT");
    expect(textForFeatures("Ratify the Convention (CEDAW)")).toBe("Ratify the Convention (CEDAW)");
    expect(tokenize("Abolish the death penalty by 2015, women's rights")).toEqual(["abolish", "the", "death", "penalty", "by", "#year", "women", "rights"]);
  });
  test("ASCII and other texts are tokenized alike (the ASCII scan is fold() in one pass)", () => {
    // Possessives with either apostrophe, "&", an "'s" that is not one, years and other numbers, underscores.
    const text = "Women's & Girls` RIGHTS, O'Sullivan's law_reform ('s) it'sX 1999/20155 res.1325";
    const expected = ["women", "and", "girls", "rights", "o", "sullivan", "law", "reform", "it", "sx", "#year", "20155", "res", "1325"];
    expect(tokenize(text)).toEqual(expected);
    expect(tokenize(`${text} é`)).toEqual([...expected, "e"]);
  });
  test("lead features find the verb after subjects and adverbs, and the second of two verbs", () => {
    expect(leadVerb("That the Government further actively consider ratifying OP-CAT")).toBe("consider");
    expect(textFeatures("Continue and strengthen efforts")).toEqual(expect.arrayContaining(["^continue", "^&strengthen", "^v:continue", "strengthen efforts"]));
  });
  test("vectors: lead features at a constant value, the rest unit length; the analysis is reused", () => {
    const a = analyzeText("Ratify the Rome Statute");
    const v = textVector(a, { names: ["#r:A12"], values: [1] });
    const plain = v.names.map((n, i) => [n, v.values[i]!] as const).filter(([n]) => !n.startsWith("^") && !n.startsWith("#"));
    expect(plain.reduce((s, [, x]) => s + x * x, 0)).toBeCloseTo(1, 10);
    expect(v.values[v.names.indexOf("^v:ratify")]).toBe(0.6);
    expect(textVector(a).names).not.toContain("#r:A12"); // the cached base is not mutated
  });
});

describe("keyword matching", () => {
  test("phrases on consecutive tokens; '*' matches a prefix; accents and case folded", () => {
    const m = new KeywordMatcher([["x", ["death penalty", "discriminat*"]], ["y", ["peine de mort"]]]);
    expect(Object.fromEntries(m.match(tokenize("Abolish the DEATH penalty and discrimination; la peine de mort")))).toEqual({ x: ["death penalty", "discriminat*"], y: ["peine de mort"] });
    expect(m.match(tokenize("death and penalty")).size).toBe(0);
  });
  test("the rule tables name real labels", () => {
    // Keyed by v1 code, or by crosswalk concept where v1 has no code of its own: named in both heads.
    for (const [key] of THEME_KEYWORDS) {
      if (/^[A-HS]\d{0,2}$/.test(key)) expect(themeByCode(key)?.taxonomy, key).toBe("uhri-v1-coded");
      // A head may have no term a real list shows for it (v1 B2 self-determination has no current list yet).
      expect(ruleTarget(key, "coded") ?? ruleTarget(key, "cycle4"), key).not.toBeNull();
    }
    for (const [name] of ISSUE_KEYWORDS) expect(findIssue(name)?.name, name).toBe(name);
    const persons = new Set(PERSONS.map((p) => p.name));
    for (const [name] of PERSON_KEYWORDS) expect(persons.has(name), name).toBe(true);
    for (const codes of ISSUE_THEMES.values()) for (const c of codes) expect(themeByCode(c)?.taxonomy, c).toBe("uhri-v1-coded");
    for (const [issue, names] of ISSUE_PERSONS) {
      expect(findIssue(issue), issue).toBeDefined();
      for (const n of names) expect(persons.has(n), n).toBe(true);
    }
    // The SDG table is keyed by crosswalk concept: every concept has its goals, every key is a concept.
    const concepts = vocabularyTerms("cycle4").map((t) => t.key);
    for (const concept of THEME_SDGS.keys()) expect(nameIn(concept, "cycle4"), concept).toBeDefined();
    for (const c of concepts) expect(THEME_SDGS.has(c), c).toBe(true);
    for (const t of TREATIES) for (const c of t.concepts) expect(nameIn(c, "cycle4"), `${t.key} ${c}`).toBeDefined();
  });
  test("a treaty's title is one thing: its themes, not its words", () => {
    const a = analyzeText("Ratify the International Convention on the Protection of the Rights of All Migrant Workers and Members of Their Families (Rwanda);");
    expect(a.tokens).toEqual(["ratify", "the", "§icrmw"]);
    expect([...themeHits(a.tokens, "cycle4").keys()].sort()).toEqual(["migrants", "ratification"]);
    expect([...themeHits(a.tokens, "coded").keys()].sort()).toEqual(["A12", "G4"]);
    expect(themeHits(a.tokens, "cycle4").get("migrants")).toEqual(["ICRMW (treaty)"]);
  });

  test("rules keyed by a concept v1 has no code for are read in both heads", () => {
    const tokens = analyzeText("Ensure access to sexual and reproductive health services and combat gender-based violence").tokens;
    const c4 = themeHits(tokens, "cycle4");
    expect(c4.has("sexual-reproductive-health")).toBe(true);
    expect(c4.has("gender-based-violence")).toBe(true);
    const coded = themeHits(tokens, "coded");
    expect(coded.has("E41")).toBe(true);
    expect(coded.has("F13")).toBe(true);
  });

  test("rules on real wording", () => {
    expect([...themeMatcher().match(tokenize("Establish a moratorium on the death penalty")).keys()]).toEqual(["D23"]);
    expect([...issueMatcher().match(tokenize("Ratify the Convention against Torture")).keys()]).toEqual(expect.arrayContaining(["International instruments", "Torture and other CID treatment"]));
  });
});

describe("label keys", () => {
  test("themes of every generation map to v1 codes; person labels to v1 names", () => {
    expect(themeKey({ code: "2.1", name: "Acceptance of international norms" })).toBe("A12");
    expect(themeKey({ code: null, name: "Ratification of & accession to international instruments" })).toBe("A12");
    expect(themeKey({ code: "D23", name: "Death penalty" })).toBe("D23");
    expect(personKey("Judiciary")).toBe("Judges, lawyers and prosecutors");
    expect(personKey("- women")).toBe("Women");
    expect(personKey("nobody at all")).toBeNull();
  });
});

// UPR Info's coding manual (Database_Action_Category.pdf): its categories, verbs and principles.
const ACTION: ReadonlyArray<readonly [string, number]> = [
  ["Call on the international community to support Djibouti", 1],
  ["Seek technical assistance from OHCHR", 1],
  ["Share its experience in poverty reduction with other countries", 1],
  ["Continue its efforts to combat poverty", 2],
  ["Maintain its moratorium on executions", 2],
  ["Persevere in its efforts", 2],
  ["Consider ratifying the Optional Protocol", 3],
  ["Envisage the ratification of ICRMW", 3],
  ["Study the possibility of establishing an NHRI", 3],
  ["Ensure that all children are registered at birth", 4],
  ["Take measures to combat trafficking", 4],
  ["Strengthen its national human rights institution", 4],
  ["Continue and strengthen efforts to promote women's rights", 4], // two verbs: the second one
  ["Ratify the Rome Statute", 5],
  ["Abolish the death penalty", 5],
  ["Adopt a law on domestic violence", 5],
  ["Improve women's rights by amending the family code", 5], // general action with specific means
  ["Thoroughly investigate all cases of torture", 5],
  ["Ratifier la Convention contre la torture", 5],
  ["Poursuivre ses efforts en faveur des droits de l'enfant", 2],
  ["Considerar la posibilidad de ratificar el Protocolo", 3],
  ["Redoblar sus esfuerzos para combatir la trata", 4],
  ["Cooperate fully with the special procedures", 4], // verbs beyond the manual's examples, by the training rows
  ["Fully comply with the recommendations of the Committee against Torture", 4],
  ["Commute all death sentences to prison terms", 5],
  ["Impose a moratorium on executions", 5],
];

describe("actionCategoryByRules", () => {
  test.each(ACTION)("%s → %i", (text, category) => {
    expect(actionCategoryByRules(text)?.category).toBe(category);
  });
  test("evidence names the deciding words; no known verb gives null", () => {
    expect(actionCategoryByRules("Continue and strengthen efforts")?.evidence).toEqual(["second of two verbs (continue ... strengthen)", "strengthen"]);
    expect(actionCategoryByRules("Improve women's rights by amending the family code")?.evidence.join(" ")).toMatch(/by amending/);
    expect(actionCategoryByRules("Zebras")).toBeNull();
  });
});

describe("SDG goals from themes", () => {
  test("themes give goals with their evidence; keywords only add when no theme links", () => {
    expect(sdgsFromThemes(["E51", "F12"], tokenize("Ensure girls' education")).map((s) => [s.goal, s.evidence])).toEqual([
      [4, ["theme E51", 'keyword "education"']],
      [5, ["theme F12", 'keyword "girls"']],
    ]);
    expect(sdgsFromThemes([], tokenize("Reduce poverty")).map((s) => s.goal)).toEqual([1]);
    expect(sdgsFromThemes(["D23"], tokenize("Reduce poverty")).map((s) => s.goal)).toEqual([16]);
  });

  test("without a theme link, every goal a keyword names is given, each at 0.6", () => {
    const sdgs = sdgsFromThemes([], tokenize("Reduce poverty and ensure access to water and to education"));
    expect(sdgs.map((s) => [s.goal, s.confidence])).toEqual([[1, 0.6], [4, 0.6], [6, 0.6]]);
  });
});
