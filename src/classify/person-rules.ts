// Affected persons (UHRI list) as keyword rules and the label space of the persons model: the
// generations of the list (v1, 2020, 2024/25, numbered 2014) folded onto the v1 names.
import { findPerson, PERSONS } from "../taxonomy/index.js";
import { KeywordMatcher } from "./keywords.js";
import { treatyOf } from "./treaties.js";

// Later or older labels → the v1 label of the same group.
const MERGE: ReadonlyMap<string, string> = new Map([
  ["ap-judiciary", "ap-judges-lawyers-and-prosecutors"],
  ["ap-migrant-workers", "ap-migrants"],
  ["ap-migrants-and-domestic-workers", "ap-migrants"],
  ["ap-women-and-girls", "ap-women"],
  ["ap-youth-and-juveniles", "ap-youth"],
  ["ap-law-enforcement-police-and-prison-officials", "ap-law-enforcement-police-officials"],
  ["ap-persons-deprived-of-their-liberty-and-detainees", "ap-persons-deprived-of-their-liberty"],
  ["ap-educational-staff-and-students", "ap-educational-staff"],
  ["ap-medical-staff-health-professionals", "ap-medical-staff"],
  ["ap-children-in-vulnerable-situations-abused-living-on-the-street-institutionalized-indigenous-migrant-children-etc", "ap-children"],
]);

const NAME_OF = new Map(PERSONS.map((p) => [p.id, p.name]));

/**
 * The label a person group is classified and measured under: its v1 name ("Judiciary" and "Judges,
 * lawyers and prosecutors" are one group), or null when the label is unknown.
 * @example
 * personKey("Migrant workers"); // "Migrants"
 */
export function personKey(label: string): string | null {
  const p = findPerson(label);
  if (!p) return null;
  return NAME_OF.get(MERGE.get(p.id) ?? p.id) ?? p.name;
}

/** Person group (v1 name) → phrases. "General" is what remains when no group is named. */
export const PERSON_KEYWORDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["Women", ["women", "woman", "gender", "female", "maternal", "mothers", "cedaw", "femmes", "mujeres", "mujer", "genero"]],
  ["Girls", ["girls", "girl", "girl child", "filles", "ninas"]],
  ["Children", ["child", "children", "childrens", "minors", "juvenile*", "adolescen*", "crc", "birth registration", "pupils", "enfant*", "nino*", "infancia"]],
  ["Children in street situations", ["street children", "children in street situations", "children living on the street*", "ninos de la calle", "enfants des rues"]],
  ["Persons with disabilities", ["disabilit*", "disabled", "crpd", "handicap*", "discapacidad*"]],
  ["Migrants", ["migrant*", "migration", "foreign workers", "immigra*", "domestic workers", "migrante*"]],
  ["Refugees & asylum seekers", ["refugee*", "asylum*", "non refoulement", "refugie*", "refugiad*", "asile", "asilo"]],
  ["Minorities / racial, ethnic, linguistic, religious or descent-based groups", ["minorit*", "roma", "ethnic", "racial", "caste", "dalit*", "religious groups", "sinti", "afro descendant*", "people of african descent", "minorias", "minorites"]],
  ["Indigenous peoples", ["indigenous", "indigen*", "autochtone*", "aborigin*", "first nations"]],
  ["Human rights defenders", ["human rights defender*", "defenders", "activists", "defenseur*", "defensores"]],
  ["Media", ["journalist*", "media", "press", "bloggers", "periodistas", "journalistes"]],
  ["Judges, lawyers and prosecutors", ["judges", "lawyers", "prosecutors", "judiciary", "legal profession", "jueces", "abogados", "juges", "avocats"]],
  ["Persons deprived of their liberty", ["detainee*", "detention", "detained", "prison*", "deprived of their liberty", "deprived of liberty", "custody", "pre trial", "pretrial", "carcel*", "presos", "detenus"]],
  ["Law enforcement / police officials", ["police", "law enforcement", "security forces", "policia", "forces de l ordre"]],
  ["Public officials", ["public officials", "civil servants", "public servants", "government officials", "state officials", "funcionarios publicos", "fonctionnaires"]],
  ["Persons living in poverty", ["poverty", "poor", "pauvrete", "pobreza"]],
  ["Persons living in rural areas", ["rural", "farmers", "peasants", "countryside", "rurales"]],
  ["Lesbian, gay, bisexual and transgender and intersex persons (LGBTI)", ["sexual orientation", "gender identity", "lgbt*", "lesbian*", "gay", "homosexual*", "same sex", "transgender", "intersex"]],
  ["Older persons", ["older persons", "elderly", "ageing", "aging", "personnes agees", "personas mayores", "adultos mayores"]],
  ["Youth", ["youth", "young people", "jovenes", "jeunes"]],
  ["Persons living with HIV/AIDS", ["hiv", "aids", "vih", "sida"]],
  ["Disappeared persons", ["disappear*", "missing persons", "desaparecid*", "disparu*"]],
  ["Stateless persons", ["stateless*", "apatrid*"]],
  ["Non-citizens", ["non citizens", "foreigners", "aliens", "non nationals", "extranjeros", "etrangers"]],
  ["Persons affected by armed conflict", ["armed conflict*", "civilians", "conflict affected", "war", "conflit arme", "conflicto armado"]],
  ["Internally displaced persons", ["internally displaced", "idps", "idp", "displaced persons", "desplazad*", "deplacees"]],
  ["Vulnerable persons/groups", ["vulnerable groups", "vulnerable", "marginali*", "disadvantaged", "vulnerables"]],
  ["Rural women", ["rural women", "femmes rurales", "mujeres rurales"]],
  ["Educational staff", ["teachers", "educational staff", "enseignants", "docentes", "maestros"]],
  ["Medical staff", ["medical staff", "health workers", "health professionals", "doctors", "nurses"]],
  ["Prison officials", ["prison officials", "prison staff", "prison guards", "penitentiary staff"]],
  ["Military staff", ["military personnel", "armed forces", "soldiers", "military staff"]],
];

let matcher: KeywordMatcher | undefined;

/**
 * The groups of persons a text names (v1 names), each with the phrases that name it: keywords, and the
 * treaties whose titles name a group (the CRPD names persons with disabilities).
 * @example
 * personHits(analyzeText("Ratify the CRPD").tokens).has("Persons with disabilities"); // true
 */
export function personHits(tokens: readonly string[]): Map<string, string[]> {
  const hits = personMatcher().match(tokens);
  for (const token of tokens) {
    const treaty = treatyOf(token);
    if (!treaty) continue;
    for (const p of treaty.persons) {
      const list = hits.get(p) ?? [];
      const phrase = `${treaty.key.toUpperCase()} (treaty)`;
      if (!list.includes(phrase)) list.push(phrase);
      hits.set(p, list);
    }
  }
  return hits;
}

/**
 * The keyword matcher for affected persons (compiled once).
 * @example
 * personMatcher().match(tokenize("Protect women journalists")); // Map { "Women" => [...], "Media" => [...] }
 */
export function personMatcher(): KeywordMatcher {
  matcher ??= new KeywordMatcher(PERSON_KEYWORDS);
  return matcher;
}
