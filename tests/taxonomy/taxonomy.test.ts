import { describe, expect, test } from "vitest";
import {
  ISSUES,
  PERSONS,
  SDG_GOALS,
  STATES,
  THEMES,
  findIssue,
  findPerson,
  findSdg,
  findState,
  findTheme,
  themeByCode,
  topLevelName,
  topLevelOf,
  type Theme,
} from "../../src/taxonomy/index.js";
import { normalizeKey } from "../../src/taxonomy/normalize.js";

const TOPS = ["A", "B", "D", "E", "F", "G", "H", "S"];

function theme(label: string): Theme {
  const t = findTheme(label);
  if (!t) throw new Error(`no theme for ${JSON.stringify(label)}`);
  return t;
}

describe("normalizeKey", () => {
  test("folds case, accents, NBSP, '&', dashes, curly quotes and edge punctuation", () => {
    expect(normalizeKey(" - Business &\u00a0Human  Rights ")).toBe("business and human rights");
    expect(normalizeKey("Côte d’Ivoire")).toBe("cote d'ivoire");
    expect(normalizeKey("Liberty & security – general")).toBe(normalizeKey("Liberty and security - general"));
    expect(normalizeKey("Minorities/ racial")).toBe(normalizeKey("Minorities / racial"));
    expect(normalizeKey("Budget &resources")).toBe("budget and resources");
    expect(normalizeKey("ESC rights -general")).toBe(normalizeKey("ESC rights - general"));
    expect(normalizeKey("2.1. ")).toBe("2.1");
    expect(normalizeKey("")).toBe("");
  });
});

describe("themes: data", () => {
  test("ids and codes are unique; every code, parent and legacy code resolves", () => {
    const ids = new Set(THEMES.map((t) => t.id));
    expect(ids.size).toBe(THEMES.length);
    const codes = THEMES.flatMap((t) => (t.code ? [t.code] : []));
    expect(new Set(codes).size).toBe(codes.length);
    for (const t of THEMES) {
      expect(TOPS).toContain(t.top);
      if (t.code) expect(themeByCode(t.code)).toBe(t);
      if (t.legacyCode) expect(themeByCode(t.legacyCode)?.taxonomy).toBe("uhri-v1-coded");
      if (t.parent) expect(themeByCode(t.parent), `${t.id} parent ${t.parent}`).toBeDefined();
    }
  });

  test("each generation has its entries and shapes", () => {
    const by = (tax: string) => THEMES.filter((t) => t.taxonomy === tax);
    expect(by("uhri-v1-coded").every((t) => /^[A-HS](\d{1,2})?$/.test(t.code ?? ""))).toBe(true);
    expect(by("uhri-v1-coded").every((t) => t.legacyCode === t.code)).toBe(true);
    expect(by("uhri-2020").length).toBeGreaterThan(50);
    expect(by("uhri-2025").length).toBeGreaterThan(30);
    expect([...by("uhri-2020"), ...by("uhri-2025")].every((t) => t.code === null && t.level === null)).toBe(true);
    expect(by("uhri-numbered-2014").every((t) => /^\d{1,2}(\.\d{1,2})?$/.test(t.code ?? ""))).toBe(true);
    expect(by("uhri-numbered-2014")).toHaveLength(50);
  });

  test("the v1 codes seen in the China matrices are there, with parents by prefix", () => {
    const expected: Record<string, string> = {
      A23: "Follow-up to treaty bodies",
      A28: "Cooperation with other international mechanisms and institutions",
      A44: "Structure of the national human rights machinery",
      A46: "National Plans of Action on Human Rights (or specific areas)",
      A53: "Professional training in human rights",
      A61: "Cooperation with civil society",
      A63: "Budget and resources (for human rights implementation)",
      B11: "International humanitarian law",
      B41: "Right to development",
      B52: "Impunity",
      B71: "Human rights and the environment",
      B73: "Human rights and climate change",
      D23: "Death penalty",
      D26: "Conditions of detention",
      D31: "Liberty and security - general",
      D33: "Arbitrary arrest and detention",
      D41: "Freedom of movement",
      D44: "Right to peaceful assembly",
      D45: "Freedom of association",
      E22: "Right to food",
      E44: "Health awareness raising, access to information",
      E54: "technical and vocational education",
      F11: "Advancement of women",
      F14: "Participation of women in political and public life",
      F19: "Girls",
      F45: "Persons with disabilities: independence, inclusion",
      G9: "Older persons",
      H3: "Persons living with HIV/AIDS",
      H4: "Persons living in rural areas",
    };
    for (const [code, name] of Object.entries(expected)) {
      const t = themeByCode(code);
      expect(t?.name, code).toBe(name);
      expect(t?.confirmed).toBe(true);
      expect(t?.parent).toBe(code.length === 3 ? code.slice(0, 2) : code.charAt(0));
    }
    expect(themeByCode("A47")?.confirmed).toBe(true);
  });

  test("S codes: goals 1-17 and the S group", () => {
    expect(themeByCode("S")?.name).toBe("Sustainable Development Goal implementation");
    for (let g = 1; g <= 17; g++) {
      const t = themeByCode(`S${String(g).padStart(2, "0")}`);
      expect(t?.parent).toBe("S");
      expect(t?.name.startsWith(`SDG ${g} - `)).toBe(true);
      expect(t?.confirmed).toBe(![7, 9, 10, 11, 12].includes(g));
    }
  });

  test("THEMES and its entries are frozen", () => {
    expect(Object.isFrozen(THEMES)).toBe(true);
    expect(Object.isFrozen(THEMES[0])).toBe(true);
    expect(Object.isFrozen(THEMES[0]?.aliases)).toBe(true);
  });
});

describe("themeByCode", () => {
  test.each([
    ["A12", "A12"],
    ["a12", "A12"],
    [" A12 ", "A12"],
    ["2.1", "2.1"],
    ["2.1.", "2.1"],
    ["S16", "S16"],
    ["s1", "S01"],
    ["G9", "G9"],
  ])("%j -> %s", (code, expected) => {
    expect(themeByCode(code)?.code).toBe(expected);
  });

  test("unknown codes", () => {
    expect(themeByCode("C1")).toBeUndefined();
    expect(themeByCode("A99")).toBeUndefined();
    expect(themeByCode("")).toBeUndefined();
    expect(themeByCode("constructor")).toBeUndefined();
  });
});

describe("findTheme", () => {
  test.each([
    ["A12 Acceptance of international norms", "uhri-v1-A12"],
    ["Theme: A12 Acceptance of international norms", "uhri-v1-A12"],
    ["Theme:\u00a0A12\u00a0Acceptance of international norms ", "uhri-v1-A12"],
    ["THEME: a12 ACCEPTANCE OF INTERNATIONAL NORMS", "uhri-v1-A12"],
    ["Thème : A12 Acceptance of international norms", "uhri-v1-A12"],
    ["A12", "uhri-v1-A12"],
    ["Acceptance of international norms", "uhri-acceptance-of-international-norms"],
    ["- Acceptance of international norms", "uhri-acceptance-of-international-norms"],
    ["2.1. Acceptance of international norms", "uhri-numbered-2014-2.1"],
    ["Right or area: 2.1. Acceptance of international norms", "uhri-numbered-2014-2.1"],
    ["2.1", "uhri-numbered-2014-2.1"],
    ["Right or area: 13.1. Liberty & security – general", "uhri-numbered-2014-13.1"],
    ["13.1. Liberty and security - general", "uhri-numbered-2014-13.1"],
    ["4. Inter-state cooperation & development assistance", "uhri-numbered-2014-4"],
    ["B6 Business & Human Rights", "uhri-v1-B6"],
    ["B6 Business and human rights", "uhri-v1-B6"],
    ["D1 Civil & political rights - general measures of implementation", "uhri-v1-D1"],
    ["F14 Participation of women in political and public life\u00a0", "uhri-v1-F14"],
    ["S Sustainable Development Goal implementation", "uhri-v1-S"],
    ["S04 SDG 4 \u00a0- education", "uhri-v1-S04"],
    ["S16 SDG 16 - peace, justice and strong institutions", "uhri-v1-S16"],
    ["- Ratification of & accession to international instruments", "uhri-ratification-of-accession-to-international-instruments"],
    ["- Ratification of and accession to international instruments", "uhri-ratification-of-accession-to-international-instruments"],
    ["Budget &resources (for human rights implementation)", "uhri-budget-resources-for-human-rights-implementation"],
    ["2030 Agenda & other voluntary commitments", "uhri-2030-agenda-other-voluntary-commitments"],
    ["Lesbian, gay, bisexual, transgender and intersex persons (LGBTI)", "uhri-v1-G2"],
  ])("%j -> %s", (label, id) => {
    expect(findTheme(label)?.id).toBe(id);
  });

  test("an exact code wins over the name that follows it", () => {
    // A12's label changed; the code still identifies it.
    expect(findTheme("A12 Ratification of & accession to international instruments")?.id).toBe("uhri-v1-A12");
    expect(findTheme("12.4. Prohibition of torture")?.code).toBe("12.4");
  });

  test("an unknown code falls back to the name", () => {
    expect(findTheme("A99 Death penalty")?.legacyCode).toBe("D23");
    expect(findTheme("99. Death penalty")?.legacyCode).toBe("D23");
  });

  test("a bare letter is not trusted without a matching name", () => {
    expect(findTheme("A Something else")).toBeUndefined();
    expect(findTheme("A General framework of implementation")?.code).toBe("A");
  });

  test("unknown and non-theme labels", () => {
    expect(findTheme("")).toBeUndefined();
    expect(findTheme("   ")).toBeUndefined();
    expect(findTheme("Affected persons:")).toBeUndefined();
    expect(findTheme("16 - PEACE, JUSTICE AND STRONG INSTITUTIONS")).toBeUndefined();
    expect(findTheme("__proto__")).toBeUndefined();
    expect(findTheme("toString")).toBeUndefined();
  });

  test("bare names prefer the uncoded generations, which carry the v1 code", () => {
    const dp = theme("Death penalty");
    expect(dp.taxonomy).toBe("uhri-2025");
    expect(dp.legacyCode).toBe("D23");
    expect(theme("Racial discrimination").taxonomy).toBe("uhri-2020");
    expect(theme("Human rights education - general").code).toBe("A51");
  });
});

describe("renames map to the same legacy code", () => {
  // DOMAIN-DETAIL.md 4.1: 2020 label -> 2024/25 label.
  const RENAMES: ReadonlyArray<readonly [string, string]> = [
    ["Acceptance of international norms", "Ratification of & accession to international instruments"],
    ["Prohibition of slavery, trafficking", "Human trafficking & contemporary forms of slavery"],
    ["Sexual & other forms of gender-based violence", "Sexual & gender-based violence"],
    ["Access to sexual & reproductive health & services", "Sexual & reproductive health and rights"],
    ["Freedom of opinion & expression & right to information", "Freedom of opinion and expression & access to information"],
    ["Human Rights & drinking water & sanitation", "Safe drinking water & sanitation"],
    ["Right to work and to just & favorable conditions of work & labour rights", "Labour rights and right to work"],
    ["Children: family environment and alternative care", "Children: family environment & alternative care"],
    ["Right to effective remedy & reparations", "Access to justice & remedy"],
    ["Impunity & transparency", "Rule of law & impunity"],
    ["Legal, institutional & policy framework", "Legal & institutional reform"],
    ["National Plans of Action on Human Rights (or specific areas)", "National Human Rights Action Plans (or specific areas) / implementation plans"],
    ["Statistics, indicators & disaggregated data", "Data collection & research"],
    ["Cooperation and meaningful consultation with civil society & participation", "Cooperation & consultation with civil society"],
    ["Budget &resources (for human rights implementation)", "Budget & resources (for human rights implementation)"],
    ["National Mechanisms for Reporting & Follow-up (NMRF)", "National Mechanisms for Implementation, Reporting and Follow-up (NMIRF)"],
  ];

  test.each(RENAMES)("%s -> %s", (before, after) => {
    const a = theme(before);
    const b = theme(after);
    expect(a.legacyCode).toBe(b.legacyCode);
    expect(topLevelOf(a)).toBe(topLevelOf(b));
  });

  test("the 2020 name, the 2024/25 name, the v1 code and the 2014 number agree", () => {
    const group = [
      theme("Acceptance of international norms"),
      theme("Ratification of & accession to international instruments"),
      theme("A12 Acceptance of international norms"),
      theme("2.1. Acceptance of international norms"),
    ];
    expect(new Set(group.map((t) => t.legacyCode))).toEqual(new Set(["A12"]));
    expect(theme("12.4. Death penalty").legacyCode).toBe(theme("D23 Death penalty").code);
    expect(theme("12.5. Prohibition of torture and cruel, inhuman or degrading treatment").legacyCode).toBe("D25");
    expect(theme("29.1. Discrimination against women").legacyCode).toBe("F12");
    expect(theme("36. Human rights defenders").legacyCode).toBe("H1");
  });
});

describe("topLevelOf / topLevelName", () => {
  test.each([
    ["A12", "A"],
    ["Death penalty", "D"],
    ["Unilateral coercive measures", "B"],
    ["Members of minorities", "G"],
    ["Human rights defenders", "H"],
    ["2.2. Reservations", "A"],
    ["39. Voluntary pledges & commitments", "A"],
    ["37. Right to development – general measures of implementation", "B"],
    ["S16", "S"],
  ])("%s is in group %s", (label, top) => {
    expect(topLevelOf(theme(label))).toBe(top);
  });

  test("falls back to legacy code or parent for a hand-made theme", () => {
    const t: Theme = { ...theme("A12"), top: "", code: null, legacyCode: null, parent: "D2" };
    expect(topLevelOf(t)).toBe("D");
  });

  test("v1 level-1 names", () => {
    expect(topLevelName("A")).toBe("General framework of implementation");
    expect(topLevelName("b")).toBe("Universal or cross-cutting issues");
    expect(topLevelName("D")).toBe("Civil & political rights");
    expect(topLevelName("E")).toBe("Economic, social and cultural rights");
    expect(topLevelName("F")).toBe("Specific persons or groups");
    expect(topLevelName("G")).toBe("Specific groups (other)");
    expect(topLevelName("H")).toBe("Human rights defenders and others");
    expect(topLevelName("S")).toBe("Sustainable Development Goal implementation");
    expect(topLevelName("C")).toBeUndefined();
    expect(topLevelName("A1")).toBeUndefined();
  });
});

describe("persons", () => {
  test("ids are unique; each name and alias finds its own entry", () => {
    expect(new Set(PERSONS.map((p) => p.id)).size).toBe(PERSONS.length);
    for (const p of PERSONS) for (const label of [p.name, ...p.aliases]) expect(findPerson(label)).toBe(p);
  });

  test.each([
    ["- general", "General"],
    ["Women", "Women"],
    ["- WOMEN", "Women"],
    ["Women & girls", "Women & girls"],
    ["women and girls", "Women & girls"],
    ["- minorities/ racial, ethnic, linguistic, religious or descent-based groups", "Minorities / racial, ethnic, linguistic, religious or descent-based groups"],
    ["judiciary", "Judiciary"],
    ["migrant workers", "Migrant workers"],
    ["lesbian, gay, bisexual, transgender and intersex persons (lgbti)", "Lesbian, gay, bisexual and transgender and intersex persons (LGBTI)"],
    ["- lesbian, gay, bisexual, transgender and intersex persons (LGBTI) ", "Lesbian, gay, bisexual and transgender and intersex persons (LGBTI)"],
    ["LGBTI", "Lesbian, gay, bisexual and transgender and intersex persons (LGBTI)"],
    ["persons living with HIV/AIDS", "Persons living with HIV/AIDS"],
    ["Persons deprived of their liberty & detainees", "Persons deprived of their liberty & detainees"],
  ])("%j -> %s", (label, name) => {
    expect(findPerson(label)?.name).toBe(name);
  });

  test("a group seen in several lists is one entry", () => {
    expect(findPerson("children")?.lists).toEqual(["uhri-v1", "uhri-2020", "uhri-2025-groups-of-persons"]);
  });

  test("unknown", () => {
    expect(findPerson("martians")).toBeUndefined();
    expect(findPerson("")).toBeUndefined();
  });
});

describe("SDGs", () => {
  test("17 goals in three languages", () => {
    expect(SDG_GOALS.map((g) => g.goal)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    for (const g of SDG_GOALS) {
      expect(findSdg(g.en)).toBe(g.goal);
      expect(findSdg(g.fr)).toBe(g.goal);
      expect(findSdg(g.es)).toBe(g.goal);
      expect(findSdg(`${g.goal} - ${g.en.toUpperCase()}`)).toBe(g.goal);
    }
  });

  test.each([
    ["16 - PEACE, JUSTICE AND STRONG INSTITUTIONS", 16],
    ["- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS", 16],
    ["SDG 16 - peace, justice and strong institutions", 16],
    ["S16 SDG 16 - peace, justice and strong institutions", 16],
    ["S04 SDG 4 \u00a0- education", 4],
    ["S17 SDG 17 \u00a0- partnerships", 17],
    ["16", 16],
    ["SDG16", 16],
    ["Goal 3", 3],
    ["Objectif 16", 16],
    ["ODD 5", 5],
    ["ODS 16", 16],
    ["Objetivo 13", 13],
    ["16.3", 16],
    ["PEACE, JUSTICE AND STRONG INSTITUTIONS", 16],
    ["Paix, justice et institutions efficaces", 16],
    ["Faim « zéro »", 2],
    ["Faim zéro", 2],
    ["Igualdad de género", 5],
  ])("%j -> %i", (label, goal) => {
    expect(findSdg(label)).toBe(goal);
  });

  test.each(["", "0", "18", "2030", "S Sustainable Development Goal implementation", "Human rights"])("%j -> undefined", (label) => {
    expect(findSdg(label)).toBeUndefined();
  });
});

describe("States", () => {
  test("193 members with a regional group, two observers, the EU", () => {
    expect(STATES.filter((s) => s.group !== null)).toHaveLength(193);
    expect(findState("Holy See")?.group).toBeNull();
    expect(findState("State of Palestine")?.group).toBeNull();
    expect(findState("European Union")?.group).toBeNull();
  });

  test("each name and alias finds its own entry (no alias is shared)", () => {
    for (const s of STATES) for (const n of [s.name, ...s.aliases]) expect(findState(n)).toBe(s);
  });

  test.each([
    ["Türkiye", "Türkiye"],
    ["Turkey", "Türkiye"],
    ["Turquie", "Türkiye"],
    ["Venezuela (Bolivarian Republic of)", "Venezuela (Bolivarian Republic of)"],
    ["Bolivarian Republic of Venezuela", "Venezuela (Bolivarian Republic of)"],
    ["Iran (Islamic Republic of)", "Iran (Islamic Republic of)"],
    ["Islamic Republic of Iran", "Iran (Islamic Republic of)"],
    ["Bolivia (Plurinational State of)", "Bolivia (Plurinational State of)"],
    ["Republic of Korea", "Republic of Korea"],
    ["Democratic People's Republic of Korea", "Democratic People's Republic of Korea"],
    ["Democratic People’s Republic of Korea", "Democratic People's Republic of Korea"],
    ["Russian Federation", "Russian Federation"],
    ["United Kingdom of Great Britain and Northern Ireland", "United Kingdom of Great Britain and Northern Ireland"],
    ["United States of America", "United States of America"],
    ["Czechia", "Czechia"],
    ["Czech Republic", "Czechia"],
    ["State of Palestine", "State of Palestine"],
    ["Côte d'Ivoire", "Côte d'Ivoire"],
    ["COTE D’IVOIRE", "Côte d'Ivoire"],
    ["Viet Nam", "Viet Nam"],
    ["Lao People's Democratic Republic", "Lao People's Democratic Republic"],
    ["Syrian Arab Republic", "Syrian Arab Republic"],
    ["Republic of Moldova", "Republic of Moldova"],
    ["North Macedonia", "North Macedonia"],
    ["The former Yugoslav Republic of Macedonia", "North Macedonia"],
    ["the former Yugoslav Republic of Macedonia", "North Macedonia"],
    ["Eswatini", "Eswatini"],
    ["Swaziland", "Eswatini"],
    ["Cabo Verde", "Cabo Verde"],
    ["Timor-Leste", "Timor-Leste"],
    ["Sudan", "Sudan"],
    ["South Sudan", "South Sudan"],
    ["Congo", "Congo"],
    ["Democratic Republic of the Congo", "Democratic Republic of the Congo"],
    ["the Netherlands", "Netherlands"],
    ["Antigua and Barbuda", "Antigua and Barbuda"],
    ["Saint Kitts and Nevis", "Saint Kitts and Nevis"],
    ["Allemagne", "Germany"],
    ["Alemania", "Germany"],
    ["États-Unis d'Amérique", "United States of America"],
    ["Etats-Unis d Amerique", undefined],
    ["Emiratos Árabes Unidos", "United Arab Emirates"],
    ["  germany\u00a0", "Germany"],
  ])("%j -> %s", (name, expected) => {
    expect(findState(name)?.name).toBe(expected);
  });

  test("regional groups", () => {
    expect(findState("Germany")?.group).toBe("WEOG");
    expect(findState("China")?.group).toBe("Asia-Pacific");
    expect(findState("Algeria")?.group).toBe("African");
    expect(findState("Poland")?.group).toBe("EEG");
    expect(findState("Brazil")?.group).toBe("GRULAC");
  });

  test("unknown", () => {
    expect(findState("(Unknown)")).toBeUndefined();
    expect(findState("Atlantis")).toBeUndefined();
    expect(findState("Korea")).toBeUndefined();
    expect(findState("hasOwnProperty")).toBeUndefined();
  });
});

describe("UPR Info issues", () => {
  test("57 issues, each found by name, by code and by its other names", () => {
    expect(ISSUES).toHaveLength(57); // 55, and two UPR Info added by 2018 (Privacy; Statelessness and the right to nationality)
    for (const i of ISSUES) {
      expect(findIssue(i.name)).toBe(i);
      expect(findIssue(i.code)).toBe(i);
      expect(findIssue(i.name.toUpperCase())).toBe(i);
      for (const a of i.aliases) expect(findIssue(a)).toBe(i);
    }
    // UPR Info's 2018 export renames two.
    expect(findIssue("National Human Rights Institution")?.name).toBe("NHRI");
    expect(findIssue("Right to water and sanitation")?.name).toBe("Right to water");
  });

  test("spelling variants", () => {
    expect(findIssue("ESC rights -general")?.code).toBe("esc-rights-general");
    expect(findIssue("ESC rights - general")?.code).toBe("esc-rights-general");
    expect(findIssue("Women’s rights")?.code).toBe("women-s-rights");
    expect(findIssue("Business & human rights")?.code).toBe("business-and-human-rights");
    expect(findIssue("nope")).toBeUndefined();
  });
});

describe("speed", () => {
  test("300k lookups run in well under a second each kind", () => {
    const labels = ["A12 Acceptance of international norms", "- Death penalty", "2.1. Acceptance of international norms", "Unknown theme"];
    const t0 = performance.now();
    let hits = 0;
    for (let i = 0; i < 300_000; i++) if (findTheme(labels[i % labels.length]!)) hits++;
    const elapsed = performance.now() - t0;
    expect(hits).toBe(225_000);
    expect(elapsed).toBeLessThan(3000);
  });
});
