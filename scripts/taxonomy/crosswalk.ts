// The crosswalk between the UHRI label generations, written and reviewed by hand: one row per
// concept, naming it in each vocabulary with how sure the link is and why. scripts/build-taxonomy.ts
// checks every name and code against the label lists (src/taxonomy/data/themes.json, persons.json and
// the corpus) and writes src/taxonomy/data/vocabularies.json from it.
//
// Vocabularies: cycle4 (current UHRI names, 4th-cycle lists and lists reissued since about 2021),
// cycle3 (the 2020 UHRI names of 3rd-cycle lists: "Acceptance of international norms"), coded (UHRI v1
// codes of 2nd- and early 3rd-cycle lists: "A12"), numbered (the 2014 list: "2.1."). A row is defined
// by its cycle4 term; every other cell says how that vocabulary expresses the same concept.
//
// How a cell is linked to its row (`basis`, with the confidence given to it):
//   same     1.0  the same label (or a code whose UHRI name is that label), seen in a real list
//   renamed  0.8  the same concept under another name of another generation: DOMAIN-DETAIL §4.1 (the two
//                 labels head the same recommendations in the 2020 and 2025 Slovenia lists) or the v1
//                 code of the same UHRI name
//   inferred 0.7  the same concept by meaning (no list shows the two labels side by side)
//   assumed  0.5  no label of this generation seen for the concept: its name is taken as unchanged
//   nearest  0.4  no counterpart: the closest label of the vocabulary (a broader or neighbouring theme)
// Codes cells may list several codes: the first is the concept's code in that vocabulary, the others
// are narrower or broader codes folded into it (v1 level-2 parents, children of a merged theme).

// The confidence of each basis is the reader's LINK_CONFIDENCE (src/taxonomy/vocabularies.ts).
import type { LinkBasis } from "../../src/taxonomy/vocabularies.js";

/** A cell: the term(s) of one vocabulary for the row's concept. */
export interface Cell {
  /** Names (cycle4, cycle3) or codes (coded, numbered). Names: exactly one. */
  terms: readonly string[];
  basis: LinkBasis;
  /** Why, when the basis alone does not say it. */
  note?: string;
}

export interface ThemeRow {
  key: string;
  /** The v1 letter group: A B D E F G H S. */
  group: string;
  cycle4: Cell;
  cycle3: Cell;
  coded: Cell;
  numbered: Cell | null;
}

const c = (terms: string | readonly string[], basis: LinkBasis, note?: string): Cell => ({
  terms: typeof terms === "string" ? [terms] : terms,
  basis,
  ...(note ? { note } : {}),
});

/** Source named by `basis: "renamed"` between cycle3 and cycle4 names. */
export const RENAMES_SOURCE = "DOMAIN-DETAIL §4.1 (renames seen between the 2020 Slovenia UPR34 and 2025 Slovenia UPR48 lists)";

// prettier-ignore
export const THEME_ROWS: readonly ThemeRow[] = [
  // A: scope of obligations, cooperation, national framework
  { key: "ratification", group: "A", cycle4: c("Ratification of & accession to international instruments", "same"), cycle3: c("Acceptance of international norms", "renamed"), coded: c(["A12", "A1"], "renamed"), numbered: c("2.1", "renamed") },
  { key: "scope-of-obligations", group: "A", cycle4: c("Scope of international obligations", "assumed"), cycle3: c("Scope of international obligations", "same"), coded: c("A1", "same"), numbered: c("2.1", "nearest") },
  { key: "reservations", group: "A", cycle4: c("Reservations", "same"), cycle3: c("Reservations", "assumed"), coded: c("A12", "nearest", "v1 has no reservations theme; recommendations to withdraw reservations were filed under A12"), numbered: c("2.2", "same") },
  { key: "cooperation-mechanisms", group: "A", cycle4: c("Cooperation with human rights mechanisms & requests for technical assistance", "same"), cycle3: c("Cooperation with human rights mechanisms & requests for technical assistance", "assumed"), coded: c(["A28", "A2"], "inferred"), numbered: c("3.3", "inferred") },
  { key: "treaty-bodies", group: "A", cycle4: c("Cooperation & Follow up with Treaty Bodies", "same"), cycle3: c("Cooperation & Follow up with Treaty Bodies", "same"), coded: c(["A22", "A23"], "inferred", "v1 split cooperation (A22) and follow-up (A23)"), numbered: c("3.1", "inferred") },
  { key: "special-procedures", group: "A", cycle4: c("Cooperation & Follow up with Special Procedures", "same"), cycle3: c("Cooperation & Follow up with Special Procedures", "assumed"), coded: c("A24", "inferred"), numbered: c("3.2", "inferred") },
  { key: "upr-follow-up", group: "A", cycle4: c("Cooperation & follow up with the Universal Periodic Review (UPR)", "same"), cycle3: c("Cooperation & follow up with the Universal Periodic Review (UPR)", "assumed"), coded: c("A27", "inferred"), numbered: c("3.3", "nearest") },
  { key: "inter-state-cooperation", group: "A", cycle4: c("Inter-State cooperation and assistance", "same"), cycle3: c("Inter-State cooperation & development or humanitarian assistance", "renamed"), coded: c("A3", "inferred"), numbered: c("4", "inferred") },
  { key: "constitutional-framework", group: "A", cycle4: c("Constitutional & legislative framework", "same"), cycle3: c("Constitutional & legislative framework", "same"), coded: c("A41", "same"), numbered: c("5.1", "same") },
  { key: "legal-institutional-reform", group: "A", cycle4: c("Legal & institutional reform", "same"), cycle3: c("Legal, institutional & policy framework", "renamed"), coded: c(["A42", "A4", "A43"], "inferred", "v1 A42 Institutions & policies - General and A43 Human rights policies"), numbered: c("5.2", "inferred") },
  { key: "nhri", group: "A", cycle4: c("National Human Rights Institution (NHRI)", "same"), cycle3: c("National Human Rights Institution (NHRI)", "same"), coded: c("A45", "same"), numbered: c("5.2", "nearest") },
  { key: "action-plans", group: "A", cycle4: c("National Human Rights Action Plans (or specific areas) / implementation plans", "same"), cycle3: c("National Plans of Action on Human Rights (or specific areas)", "renamed"), coded: c("A46", "renamed"), numbered: c("5.2", "nearest") },
  { key: "nmirf", group: "A", cycle4: c("National Mechanisms for Implementation, Reporting and Follow-up (NMIRF)", "same"), cycle3: c("National Mechanisms for Implementation, Reporting and Follow-up (NMIRF)", "assumed", "the NMRF spelling of lists made about 2021 is an alias of the cycle4 term"), coded: c("A44", "inferred", "v1 A44 Structure of the national human rights machinery"), numbered: c("5.2", "nearest") },
  { key: "good-governance", group: "A", cycle4: c("Good governance & corruption", "same"), cycle3: c("Good governance & corruption", "same"), coded: c("A47", "renamed"), numbered: c("5.3", "inferred") },
  { key: "agenda-2030", group: "A", cycle4: c("2030 Agenda & other voluntary commitments", "same"), cycle3: c("2030 Agenda & other voluntary commitments", "assumed"), coded: c(["S", "S01", "S02", "S03", "S04", "S05", "S06", "S07", "S08", "S09", "S10", "S11", "S12", "S13", "S14", "S15", "S16", "S17"], "inferred", "China 2018 files 2030 Agenda recommendations under S Sustainable Development Goal implementation"), numbered: c("39", "inferred", "Voluntary pledges & commitments") },
  { key: "hr-education", group: "A", cycle4: c("Human rights education, trainings & awareness raising", "same"), cycle3: c("Human rights education, trainings & awareness raising", "same"), coded: c(["A5", "A51", "A53", "A54"], "renamed", "v1 split education (A51), professional training (A53) and awareness raising (A54)"), numbered: c("6", "inferred") },
  { key: "data-collection", group: "A", cycle4: c("Data collection & research", "same"), cycle3: c("Statistics, indicators & disaggregated data", "renamed"), coded: c(["A62", "A6"], "inferred"), numbered: c("7.1", "inferred", "Context, statistics, budget, cooperation with civil society: split over three concepts") },
  { key: "budget", group: "A", cycle4: c("Budget & resources (for human rights implementation)", "same"), cycle3: c("Budget & resources (for human rights implementation)", "same"), coded: c("A63", "same"), numbered: c("7.1", "inferred") },
  { key: "civil-society", group: "A", cycle4: c("Cooperation & consultation with civil society", "same"), cycle3: c("Cooperation and meaningful consultation with civil society & participation", "renamed"), coded: c("A61", "renamed"), numbered: c("7.1", "inferred") },
  // B: cross-cutting
  { key: "international-law", group: "B", cycle4: c("International criminal & humanitarian law (including crimes against humanity, war crimes, genocide)", "same"), cycle3: c("International criminal & humanitarian law (including crimes against humanity, war crimes, genocide)", "same"), coded: c(["B1", "B11"], "inferred"), numbered: c("12", "nearest") },
  { key: "self-determination", group: "B", cycle4: c("Right to self-determination", "assumed"), cycle3: c("Right to self-determination", "same"), coded: c("B2", "same"), numbered: c("37", "nearest") },
  { key: "equality", group: "B", cycle4: c("Equality & non-discrimination", "same"), cycle3: c("Equality & non-discrimination", "same"), coded: c(["B31", "B3"], "same"), numbered: c("8", "inferred", "Non-discrimination") },
  { key: "racial-discrimination", group: "B", cycle4: c("Racial discrimination", "same"), cycle3: c("Racial discrimination", "same"), coded: c("B32", "same"), numbered: c("8", "nearest") },
  { key: "development", group: "B", cycle4: c("Right to development", "same"), cycle3: c("Right to development", "same"), coded: c(["B41", "B4"], "same"), numbered: c("37", "inferred") },
  { key: "unilateral-coercive-measures", group: "B", cycle4: c("Unilateral coercive measures", "same"), cycle3: c("Unilateral coercive measures", "assumed"), coded: c("B4", "nearest", "no v1 theme; such recommendations invoke the right to development"), numbered: c("37", "nearest") },
  { key: "access-to-justice", group: "B", cycle4: c("Access to justice & remedy", "same"), cycle3: c("Right to effective remedy & reparations", "renamed"), coded: c(["B51", "B5"], "renamed"), numbered: c("16", "inferred", "Right to an effective remedy, impunity: split over two concepts") },
  { key: "impunity", group: "B", cycle4: c("Rule of law & impunity", "same"), cycle3: c("Impunity & transparency", "renamed"), coded: c("B52", "renamed"), numbered: c("16", "inferred") },
  { key: "victims", group: "B", cycle4: c("Support to victims & witnesses", "same"), cycle3: c("Support to victims & witnesses", "same"), coded: c("B53", "same"), numbered: c("16", "nearest") },
  { key: "business", group: "B", cycle4: c("Business & Human Rights", "same"), cycle3: c("Business & Human Rights", "same"), coded: c("B6", "same"), numbered: c("28.1", "same") },
  { key: "environment", group: "B", cycle4: c("Human rights & the environment", "same"), cycle3: c("Human rights & the environment", "same"), coded: c(["B71", "B7"], "same"), numbered: c("37", "nearest") },
  { key: "climate-change", group: "B", cycle4: c("Human rights & climate change", "same"), cycle3: c("Human rights & climate change", "same"), coded: c("B73", "same"), numbered: c("37", "nearest") },
  { key: "toxics", group: "B", cycle4: c("Human rights & toxics / hazardous wastes", "same"), cycle3: c("Human rights & toxics / hazardous wastes", "assumed"), coded: c("B71", "nearest"), numbered: c("37", "nearest") },
  { key: "counter-terrorism", group: "B", cycle4: c("Human rights & counter-terrorism", "same"), cycle3: c("Human rights & counter-terrorism", "assumed"), coded: c("B8", "same"), numbered: c("20.1", "same") },
  { key: "mercenaries", group: "B", cycle4: c("Human rights & use of mercenaries", "assumed"), cycle3: c("Human rights & use of mercenaries", "assumed"), coded: c("B9", "same"), numbered: c("12", "nearest") },
  // D: civil and political rights
  { key: "cp-rights-general", group: "D", cycle4: c("Civil & political rights - general measures of implementation", "same"), cycle3: c("Civil & political rights - general measures of implementation", "same"), coded: c("D1", "same"), numbered: c("12", "nearest") },
  { key: "physical-integrity", group: "D", cycle4: c("Right to physical & moral integrity", "same"), cycle3: c("Right to physical & moral integrity", "assumed"), coded: c("D2", "same"), numbered: c("12", "same") },
  { key: "right-to-life", group: "D", cycle4: c("Right to life", "same"), cycle3: c("Right to life", "assumed"), coded: c("D21", "same"), numbered: c("12", "nearest") },
  { key: "death-penalty", group: "D", cycle4: c("Death penalty", "same"), cycle3: c("Death penalty", "assumed"), coded: c("D23", "same"), numbered: c("12.4", "same") },
  { key: "torture", group: "D", cycle4: c("Prohibition of torture & ill-treatment (including cruel, inhuman or degrading treatment)", "same"), cycle3: c("Prohibition of torture & cruel, inhuman or degrading treatment", "renamed"), coded: c("D25", "renamed"), numbered: c("12.5", "renamed") },
  { key: "npm", group: "D", cycle4: c("National Preventive Mechanism (NPM)", "same"), cycle3: c("Prohibition of torture & cruel, inhuman or degrading treatment", "nearest"), coded: c("D25", "nearest", "OP-CAT's preventive mechanisms were filed under torture"), numbered: c("12.5", "nearest") },
  { key: "detention-conditions", group: "D", cycle4: c("Conditions of detention", "same"), cycle3: c("Conditions of detention", "same"), coded: c("D26", "same"), numbered: c("12.6", "same") },
  { key: "trafficking", group: "D", cycle4: c("Human trafficking & contemporary forms of slavery", "same"), cycle3: c("Prohibition of slavery, trafficking", "renamed"), coded: c("D27", "renamed"), numbered: c("12.7", "renamed") },
  { key: "gender-based-violence", group: "D", cycle4: c("Sexual & gender-based violence", "same"), cycle3: c("Sexual & other forms of gender-based violence", "renamed"), coded: c("F13", "nearest", "v1 filed gender-based violence under F13 Violence against women"), numbered: c("29.2", "inferred", "Gender-based violence") },
  { key: "domestic-violence", group: "D", cycle4: c("Sexual & gender-based violence", "nearest", "no domestic-violence theme in current lists"), cycle3: c("Domestic violence", "same"), coded: c("D29", "same"), numbered: c("29.2", "nearest") },
  { key: "liberty-security", group: "D", cycle4: c("Liberty & security of the person", "same"), cycle3: c("Liberty & security of the person", "assumed"), coded: c(["D3", "D31"], "same"), numbered: c("13.1", "inferred") },
  { key: "enforced-disappearances", group: "D", cycle4: c("Enforced disappearances", "assumed"), cycle3: c("Enforced disappearances", "same"), coded: c("D32", "same"), numbered: c("13.1", "nearest") },
  { key: "arbitrary-detention", group: "D", cycle4: c("Arbitrary arrest & detention", "same"), cycle3: c("Arbitrary arrest & detention", "same"), coded: c("D33", "same"), numbered: c("13.3", "same") },
  { key: "freedom-of-movement", group: "D", cycle4: c("Freedom of movement", "assumed"), cycle3: c("Freedom of movement", "assumed"), coded: c("D41", "same"), numbered: c("14.3", "nearest") },
  { key: "freedom-of-religion", group: "D", cycle4: c("Freedom of thought, conscience & religion", "same"), cycle3: c("Freedom of thought, conscience & religion", "assumed"), coded: c(["D42", "D4"], "same"), numbered: c("14.2", "same") },
  { key: "freedom-of-expression", group: "D", cycle4: c("Freedom of opinion and expression & access to information", "same"), cycle3: c("Freedom of opinion & expression & right to information", "renamed"), coded: c(["D43", "D4"], "renamed"), numbered: c("14.3", "renamed") },
  { key: "peaceful-assembly", group: "D", cycle4: c("Right to peaceful assembly", "same"), cycle3: c("Right to peaceful assembly", "assumed"), coded: c(["D44", "D4"], "same"), numbered: c("14.4", "same") },
  { key: "freedom-of-association", group: "D", cycle4: c("Freedom of association", "same"), cycle3: c("Freedom of association", "assumed"), coded: c(["D45", "D4"], "same"), numbered: c("14.5", "same") },
  { key: "privacy", group: "D", cycle4: c("Private life & privacy", "same"), cycle3: c("Right to private life, privacy", "renamed"), coded: c("D46", "renamed"), numbered: c("14.3", "nearest") },
  { key: "administration-of-justice", group: "D", cycle4: c("Administration of justice & fair trial", "same"), cycle3: c("Administration of justice & fair trial", "same"), coded: c(["D51", "D5"], "same"), numbered: c("15.1", "same") },
  { key: "nationality", group: "D", cycle4: c("Rights related to name, identity & nationality", "same"), cycle3: c("Rights related to name, identity & nationality", "same"), coded: c("D6", "same"), numbered: c("19", "nearest") },
  { key: "public-participation", group: "D", cycle4: c("Right to participate in public affairs & right to vote", "same"), cycle3: c("Right to participate in public affairs & right to vote", "same"), coded: c("D7", "same"), numbered: c("18", "same") },
  { key: "marriage-family", group: "D", cycle4: c("Rights related to marriage & family", "same"), cycle3: c("Rights related to marriage & family", "same"), coded: c("D8", "same"), numbered: c("19", "same") },
  // E: economic, social and cultural rights
  { key: "esc-rights-general", group: "E", cycle4: c("Economic, social & cultural rights - general measures of implementation", "same"), cycle3: c("Economic, social & cultural rights - general measures of implementation", "same"), coded: c("E1", "same"), numbered: c("22.1", "nearest") },
  { key: "standard-of-living", group: "E", cycle4: c("Right to an adequate standard of living", "same"), cycle3: c("Right to an adequate standard of living", "same"), coded: c(["E21", "E2"], "same"), numbered: c("22.1", "same") },
  { key: "food", group: "E", cycle4: c("Right to food", "same"), cycle3: c("Right to food", "assumed"), coded: c("E22", "same"), numbered: c("22.1", "nearest") },
  { key: "housing", group: "E", cycle4: c("Right to adequate housing", "same"), cycle3: c("Right to adequate housing", "same"), coded: c("E23", "same"), numbered: c("22.3", "same") },
  { key: "social-security", group: "E", cycle4: c("Right to social security", "same"), cycle3: c("Right to social security", "same"), coded: c("E24", "same"), numbered: c("22.1", "nearest") },
  { key: "poverty", group: "E", cycle4: c("Human rights & poverty", "same"), cycle3: c("Human rights & poverty", "same"), coded: c("E25", "same"), numbered: c("22.1", "nearest") },
  { key: "water-sanitation", group: "E", cycle4: c("Safe drinking water & sanitation", "same"), cycle3: c("Human Rights & drinking water & sanitation", "renamed"), coded: c("E26", "renamed"), numbered: c("22.6", "renamed") },
  { key: "labour-rights", group: "E", cycle4: c("Labour rights and right to work", "same"), cycle3: c("Right to work and to just & favorable conditions of work & labour rights", "renamed"), coded: c(["E31", "E3", "E32", "E33"], "inferred", "v1 split the right to work (E31), conditions of work (E32) and trade unions (E33)"), numbered: c(["23.1", "23.2", "23.3"], "inferred") },
  { key: "health", group: "E", cycle4: c("Right to health", "same"), cycle3: c("Right to health", "same"), coded: c(["E41", "E4", "E44"], "same"), numbered: c("24", "same") },
  { key: "sexual-reproductive-health", group: "E", cycle4: c("Sexual & reproductive health and rights", "same"), cycle3: c("Access to sexual & reproductive health & services", "renamed"), coded: c("E41", "nearest", "the v1 code of sexual and reproductive health was not seen in a real list"), numbered: c("24", "nearest") },
  { key: "education", group: "E", cycle4: c("Right to education", "same"), cycle3: c("Right to education", "same"), coded: c(["E51", "E5", "E54"], "same"), numbered: c("25", "same") },
  { key: "property", group: "E", cycle4: c("Land & property rights", "same"), cycle3: c("Land & property rights", "assumed"), coded: c("E6", "inferred"), numbered: c("22.1", "nearest") },
  { key: "cultural-rights", group: "E", cycle4: c("Cultural rights", "same"), cycle3: c("Cultural rights", "same"), coded: c("E7", "same"), numbered: c("25", "nearest") },
  // F: women, children, persons with disabilities
  { key: "advancement-of-women", group: "F", cycle4: c("Advancement of women", "same"), cycle3: c("Advancement of women", "same"), coded: c(["F11", "F1"], "same"), numbered: c("29.1", "nearest") },
  { key: "discrimination-against-women", group: "F", cycle4: c("Discrimination against women", "same"), cycle3: c("Discrimination against women", "same"), coded: c("F12", "same"), numbered: c(["29.1", "10"], "same") },
  { key: "violence-against-women", group: "F", cycle4: c("Violence against women", "same"), cycle3: c("Violence against women", "same"), coded: c("F13", "same"), numbered: c("29.2", "inferred", "Gender-based violence") },
  { key: "women-participation", group: "F", cycle4: c("Participation of women in political & public life", "same"), cycle3: c("Participation of women in political & public life", "same"), coded: c("F14", "same"), numbered: c("29.1", "nearest") },
  { key: "children-general", group: "F", cycle4: c("Children: definition; general principles; protection", "same"), cycle3: c("Children: definition; general principles; protection", "same"), coded: c(["F31", "F3", "F19"], "same", "F19 Girls: girls are a group of persons (Women & girls) in current lists"), numbered: c("30.1", "same") },
  { key: "children-family", group: "F", cycle4: c("Children: family environment & alternative care", "same"), cycle3: c("Children: family environment and alternative care", "same"), coded: c("F32", "same"), numbered: c("30.1", "nearest") },
  { key: "children-exploitation", group: "F", cycle4: c("Children: protection against exploitation", "same"), cycle3: c("Children: protection against exploitation", "same"), coded: c("F33", "same"), numbered: c("30.3", "same") },
  { key: "juvenile-justice", group: "F", cycle4: c("Children: juvenile justice", "same"), cycle3: c("Children: juvenile justice", "assumed"), coded: c("F34", "same"), numbered: c("30.4", "inferred") },
  { key: "disabilities-general", group: "F", cycle4: c("Persons with disabilities: definition, general principles", "same"), cycle3: c("Persons with disabilities: definition, general principles", "same"), coded: c(["F41", "F4"], "same"), numbered: c("31.1", "same") },
  { key: "disabilities-accessibility", group: "F", cycle4: c("Persons with disabilities: accessibility, mobility", "assumed"), cycle3: c("Persons with disabilities: accessibility, mobility", "same"), coded: c("F42", "same"), numbered: c("31.1", "nearest") },
  { key: "disabilities-inclusion", group: "F", cycle4: c("Persons with disabilities: independence, inclusion", "same"), cycle3: c("Persons with disabilities: independence, inclusion", "same"), coded: c("F45", "same"), numbered: c("31.1", "nearest") },
  { key: "disabilities-integrity", group: "F", cycle4: c("Persons with disabilities: protecting the integrity of the person", "same"), cycle3: c("Persons with disabilities: protecting the integrity of the person", "same"), coded: c("F44", "same"), numbered: c("31.4", "same") },
  { key: "disabilities-exploitation", group: "F", cycle4: c("Persons with disabilities: protection against exploitation, violence & abuse", "same"), cycle3: c("Persons with disabilities: protection against exploitation, violence & abuse", "same"), coded: c("F4", "nearest", "the v1 code was not seen in a real list"), numbered: c("31.4", "nearest") },
  { key: "disabilities-risk", group: "F", cycle4: c("Persons with disabilities: protection and safety in situations of risk", "assumed"), cycle3: c("Persons with disabilities: protection and safety in situations of risk", "same"), coded: c("F4", "nearest", "the v1 code was not seen in a real list"), numbered: c("31.4", "nearest") },
  // G, H: other groups (themes of their own)
  { key: "minorities", group: "G", cycle4: c("Members of minorities", "same"), cycle3: c("Members of minorities", "assumed"), coded: c("G1", "same"), numbered: c("32", "same") },
  { key: "lgbti", group: "G", cycle4: c("Lesbian, gay, bisexual and transgender and intersex persons (LGBTI)", "assumed", "not seen as a theme since 2020: recent lists file such recommendations under equality and name LGBTI persons as a group of persons"), cycle3: c("Lesbian, gay, bisexual and transgender and intersex persons (LGBTI)", "assumed"), coded: c("G2", "same"), numbered: c("8", "nearest") },
  { key: "indigenous-peoples", group: "G", cycle4: c("Indigenous peoples", "same"), cycle3: c("Indigenous peoples", "assumed"), coded: c("G3", "same"), numbered: c("32", "nearest") },
  { key: "migrants", group: "G", cycle4: c("Migrants", "same"), cycle3: c("Migrants", "assumed"), coded: c("G4", "same"), numbered: c("34", "same") },
  { key: "refugees", group: "G", cycle4: c("Refugees & asylum seekers", "same"), cycle3: c("Refugees & asylum seekers", "assumed"), coded: c("G5", "same"), numbered: c("34", "nearest") },
  { key: "internally-displaced", group: "G", cycle4: c("Internally displaced persons", "assumed"), cycle3: c("Internally displaced persons", "assumed"), coded: c("G6", "same"), numbered: c("34", "nearest") },
  { key: "older-persons", group: "G", cycle4: c("Older persons", "assumed", "current lists name older persons as a group of persons"), cycle3: c("Older persons", "assumed"), coded: c("G9", "same"), numbered: c("8", "nearest") },
  { key: "human-rights-defenders", group: "H", cycle4: c("Human rights defenders", "same"), cycle3: c("Human rights defenders", "assumed"), coded: c("H1", "same"), numbered: c("36", "same") },
  { key: "hiv-aids", group: "H", cycle4: c("Persons living with HIV/AIDS", "assumed", "current lists name them as a group of persons"), cycle3: c("Persons living with HIV/AIDS", "assumed"), coded: c("H3", "same"), numbered: c("24", "nearest") },
  { key: "rural-areas", group: "H", cycle4: c("Persons living in rural areas", "assumed", "current lists name them as a group of persons"), cycle3: c("Persons living in rural areas", "assumed"), coded: c("H4", "same"), numbered: c("22.1", "nearest") },
];

export interface PersonRow {
  key: string;
  cycle4: Cell;
  cycle3: Cell;
  coded: Cell;
  numbered: Cell | null;
}

// Coded = the v1 "Affected persons" list; cycle3 = 2020 "Affected persons:"; cycle4 = 2024/25 "Groups of
// Persons:"; numbered = the 2014 list (v1 names plus two of its own).
// prettier-ignore
export const PERSON_ROWS: readonly PersonRow[] = [
  { key: "children", cycle4: c("Children", "same"), cycle3: c("Children", "same"), coded: c("Children", "same"), numbered: c("Children", "same") },
  { key: "children-vulnerable", cycle4: c("Children in vulnerable situations (abused, living on the street, institutionalized, indigenous, migrant children etc.)", "same"), cycle3: c("Children in vulnerable situations (abused, living on the street, institutionalized, indigenous, migrant children etc.)", "same"), coded: c("Children in street situations", "inferred"), numbered: null },
  { key: "civil-society", cycle4: c("Civil society", "same"), cycle3: c("Civil society", "same"), coded: c("General", "nearest", "v1 has no civil-society group"), numbered: null },
  { key: "disappeared", cycle4: c("Disappeared persons", "assumed"), cycle3: c("Disappeared persons", "same"), coded: c("Disappeared persons", "same"), numbered: c("Disappeared persons", "same") },
  { key: "educational-staff", cycle4: c("Educational staff & students", "same"), cycle3: c("Educational staff & students", "same"), coded: c("Educational staff", "renamed"), numbered: null },
  { key: "general", cycle4: c("Public officials", "nearest", "current lists have no 'general': a recommendation concerning no particular group names only the duty bearers"), cycle3: c("Public officials", "nearest"), coded: c("General", "same"), numbered: c("General", "same") },
  { key: "women", cycle4: c("Women & girls", "renamed"), cycle3: c("Women", "same"), coded: c("Women", "same"), numbered: c("Women", "same") },
  { key: "girls", cycle4: c("Women & girls", "renamed"), cycle3: c("Girls", "same"), coded: c("Girls", "same"), numbered: c("Girls", "same") },
  { key: "human-rights-defenders", cycle4: c("Human rights defenders", "assumed"), cycle3: c("Human rights defenders", "assumed"), coded: c("Human rights defenders", "same"), numbered: c("Human rights defenders", "same") },
  { key: "indigenous-peoples", cycle4: c("Indigenous peoples", "same"), cycle3: c("Indigenous peoples", "assumed"), coded: c("Indigenous peoples", "same"), numbered: null },
  { key: "internally-displaced", cycle4: c("Internally displaced persons", "same"), cycle3: c("Internally displaced persons", "assumed"), coded: c("Internally displaced persons", "same"), numbered: null },
  { key: "judges-lawyers", cycle4: c("Judges, lawyers and prosecutors", "same"), cycle3: c("Judges, lawyers and prosecutors", "same"), coded: c("Judges, lawyers and prosecutors", "same"), numbered: c("Judiciary", "inferred") },
  { key: "law-enforcement", cycle4: c("Law enforcement / police & prison officials", "same"), cycle3: c("Law enforcement / police & prison officials", "same"), coded: c("Law enforcement / police officials", "renamed"), numbered: null },
  { key: "prison-officials", cycle4: c("Law enforcement / police & prison officials", "renamed"), cycle3: c("Law enforcement / police & prison officials", "renamed"), coded: c("Prison officials", "same"), numbered: null },
  { key: "lgbti", cycle4: c("Lesbian, gay, bisexual and transgender and intersex persons (LGBTI)", "same"), cycle3: c("Lesbian, gay, bisexual and transgender and intersex persons (LGBTI)", "same"), coded: c("Lesbian, gay, bisexual and transgender and intersex persons (LGBTI)", "same"), numbered: null },
  { key: "media", cycle4: c("Media", "same"), cycle3: c("Media", "same"), coded: c("Media", "same"), numbered: c("Media", "same") },
  { key: "medical-staff", cycle4: c("Medical staff / health professionals", "same"), cycle3: c("Medical staff / health professionals", "assumed"), coded: c("Medical staff", "renamed"), numbered: null },
  { key: "mercenaries", cycle4: c("Mercenaries", "assumed"), cycle3: c("Mercenaries", "assumed"), coded: c("Mercenaries", "same"), numbered: null },
  { key: "migrants", cycle4: c("Migrants", "same"), cycle3: c("Migrants & domestic workers", "renamed"), coded: c("Migrants", "same"), numbered: c("Migrants", "same") },
  { key: "military-staff", cycle4: c("Military staff", "assumed"), cycle3: c("Military staff", "assumed"), coded: c("Military staff", "same"), numbered: null },
  { key: "minorities", cycle4: c("Minorities / racial, ethnic, linguistic, religious or descent-based groups", "same"), cycle3: c("Minorities / racial, ethnic, linguistic, religious or descent-based groups", "same"), coded: c("Minorities / racial, ethnic, linguistic, religious or descent-based groups", "same"), numbered: c("Minorities / racial, ethnic, linguistic, religious or descent-based groups", "same") },
  { key: "roma", cycle4: c("Roma, Gypsies, Sinti & Travellers", "same"), cycle3: c("Roma, Gypsies, Sinti & Travellers", "same"), coded: c("Minorities / racial, ethnic, linguistic, religious or descent-based groups", "nearest"), numbered: null },
  { key: "non-citizens", cycle4: c("Non-citizens", "assumed"), cycle3: c("Non-citizens", "same"), coded: c("Non-citizens", "same"), numbered: null },
  { key: "older-persons", cycle4: c("Older persons", "same"), cycle3: c("Older persons", "same"), coded: c("Older persons", "same"), numbered: null },
  { key: "armed-conflict", cycle4: c("Persons affected by armed conflict", "assumed"), cycle3: c("Persons affected by armed conflict", "assumed"), coded: c("Persons affected by armed conflict", "same"), numbered: null },
  { key: "deprived-of-liberty", cycle4: c("Persons deprived of their liberty & detainees", "same"), cycle3: c("Persons deprived of their liberty & detainees", "same"), coded: c("Persons deprived of their liberty", "same"), numbered: c("Persons deprived of their liberty", "same") },
  { key: "poverty", cycle4: c("Persons living in poverty", "same"), cycle3: c("Persons living in poverty", "same"), coded: c("Persons living in poverty", "same"), numbered: c("Persons living in poverty", "same") },
  { key: "rural-areas", cycle4: c("Persons living in rural areas", "assumed"), cycle3: c("Persons living in rural areas", "same"), coded: c("Persons living in rural areas", "same"), numbered: c("Persons living in rural areas", "same") },
  { key: "hiv-aids", cycle4: c("Persons living with HIV/AIDS", "assumed"), cycle3: c("Persons living with HIV/AIDS", "same"), coded: c("Persons living with HIV/AIDS", "same"), numbered: null },
  { key: "disabilities", cycle4: c("Persons with disabilities", "same"), cycle3: c("Persons with disabilities", "same"), coded: c("Persons with disabilities", "same"), numbered: c("Persons with disabilities", "same") },
  { key: "private-security", cycle4: c("Private security", "assumed"), cycle3: c("Private security", "assumed"), coded: c("Private security", "same"), numbered: null },
  { key: "public-officials", cycle4: c("Public officials", "same"), cycle3: c("Public officials", "same"), coded: c("Public officials", "same"), numbered: null },
  { key: "refugees", cycle4: c("Refugees & asylum seekers", "same"), cycle3: c("Refugees & asylum seekers", "same"), coded: c("Refugees & asylum seekers", "same"), numbered: null },
  { key: "rural-women", cycle4: c("Women & girls", "nearest"), cycle3: c("Women", "nearest"), coded: c("Rural women", "same"), numbered: null },
  { key: "social-workers", cycle4: c("Social workers", "assumed"), cycle3: c("Social workers", "assumed"), coded: c("Social workers", "same"), numbered: null },
  { key: "stateless", cycle4: c("Stateless persons", "same"), cycle3: c("Stateless persons", "same"), coded: c("Stateless persons", "same"), numbered: null },
  { key: "vulnerable", cycle4: c("Vulnerable persons/groups", "same"), cycle3: c("Vulnerable persons/groups", "same"), coded: c("Vulnerable persons/groups", "same"), numbered: null },
  { key: "youth", cycle4: c("Youth & juveniles", "renamed"), cycle3: c("Youth", "same"), coded: c("Youth", "same"), numbered: null },
];

/**
 * Variants of a name seen in real lists (spelling, truncation by a parser), joined to the term:
 * [vocabulary, term, variant, source].
 */
type Variant = readonly ["cycle4" | "cycle3" | "coded" | "numbered", string, string, string];

// prettier-ignore
export const THEME_VARIANTS: readonly Variant[] = [
  ["cycle4", "National Mechanisms for Implementation, Reporting and Follow-up (NMIRF)", "National Mechanisms for Reporting & Follow-up (NMRF)", "US UPR36, Namibia UPR38 lists (../shared/corpus/uhri-clusters-3rd-cycle): the name before the 2025 lists"],
  ["cycle4", "Data collection & research", "Research & other measures of implementation", "Denmark UPR38 list (../shared/corpus/uhri-clusters-3rd-cycle)"],
  ["cycle4", "Children: definition; general principles; protection", "Children: definition", "../shared/corpus/uhri-clusters-3rd-cycle: the upstream parser cut the label at its first ';'"],
  ["cycle3", "Budget & resources (for human rights implementation)", "Budget &resources (for human rights implementation)", "Slovenia UPR34 list (2020): as printed, without a space (DOMAIN-DETAIL §4.1)"],
];

/** The affected persons of the 2014 list (Egypt), which uses v1 names plus two of its own. */
export const NUMBERED_PERSONS_SOURCE = "../shared/corpus/ohchr-matrices/EgyptMatriceRecommendations.docx";
// prettier-ignore
export const NUMBERED_PERSONS: readonly string[] = [
  "General", "Women", "Girls", "Children", "Human rights defenders", "Judiciary", "Persons deprived of their liberty", "Media",
  "Persons living in poverty", "Persons with disabilities", "Migrants", "Disappeared persons", "Persons living in rural areas",
  "Minorities / racial, ethnic, linguistic, religious or descent-based groups",
];

// prettier-ignore
export const PERSON_VARIANTS: readonly Variant[] = [
  ["numbered", "Migrants", "Migrant workers", "../shared/corpus/ohchr-matrices/EgyptMatriceRecommendations.docx"],
];
