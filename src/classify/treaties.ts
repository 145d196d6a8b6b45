// Treaty names in recommendation texts. A treaty's title is one thing, not its words: "the Rights of All
// Migrant Workers and Members of Their Families" is the migrant workers' convention, not labour or
// family; "Convention against Torture" names torture once. Texts are read with each title replaced by
// one token ("§icrmw"), which the models learn from like a word and the keyword rules read as the
// treaty's theme and group of persons.
import { tokenize } from "./tokens.js";

/** A treaty: its token, the theme concepts (crosswalk rows) it stands for, the groups of persons it concerns, and its titles. */
export interface Treaty {
  key: string;
  concepts: readonly string[];
  persons: readonly string[];
  titles: readonly string[];
}

// Titles as recommendations write them (official titles, short forms, acronyms); longer titles first
// within a treaty is not needed: the longest match wins.
// prettier-ignore
export const TREATIES: readonly Treaty[] = [
  { key: "icrmw", concepts: ["migrants"], persons: ["Migrants"], titles: [
    "international convention on the protection of the rights of all migrant workers and members of their families",
    "convention on the protection of the rights of all migrant workers and members of their families",
    "international convention on the rights of all migrant workers and members of their families",
    "convention on the rights of all migrant workers and members of their families",
    "international convention on the rights of migrant workers and members of their families",
    "convention on the rights of migrant workers and members of their families",
    "convention on migrant workers and members of their families",
    "convention on the protection of the rights of migrant workers", "migrant workers convention", "migrant workers' convention", "icrmw", "icmw",
  ] },
  { key: "cedaw", concepts: ["discrimination-against-women"], persons: ["Women"], titles: [
    "convention on the elimination of all forms of discrimination against women", "cedaw",
  ] },
  { key: "opsc", concepts: ["children-exploitation"], persons: ["Children"], titles: [
    "optional protocol to the convention on the rights of the child on the sale of children child prostitution and child pornography",
    "optional protocol on the sale of children child prostitution and child pornography", "opsc", "op crc sc",
  ] },
  { key: "opac", concepts: ["children-exploitation"], persons: ["Children"], titles: [
    "optional protocol to the convention on the rights of the child on the involvement of children in armed conflict",
    "optional protocol on the involvement of children in armed conflict", "opac", "op crc ac",
  ] },
  { key: "crc", concepts: ["children-general"], persons: ["Children"], titles: ["convention on the rights of the child", "crc"] },
  { key: "crpd", concepts: ["disabilities-general"], persons: ["Persons with disabilities"], titles: ["convention on the rights of persons with disabilities", "crpd"] },
  { key: "opcat", concepts: ["torture"], persons: ["Persons deprived of their liberty"], titles: [
    "optional protocol to the convention against torture and other cruel inhuman or degrading treatment or punishment",
    "optional protocol to the convention against torture", "opcat", "op cat",
  ] },
  { key: "cat", concepts: ["torture"], persons: [], titles: [
    "convention against torture and other cruel inhuman or degrading treatment or punishment", "convention against torture", "uncat",
  ] },
  { key: "cped", concepts: ["enforced-disappearances"], persons: ["Disappeared persons"], titles: [
    "international convention for the protection of all persons from enforced disappearance",
    "convention for the protection of all persons from enforced disappearance",
    "convention on enforced disappearance", "cped", "icped", "icpped",
  ] },
  { key: "iccpr-op2", concepts: ["death-penalty"], persons: [], titles: [
    "second optional protocol to the international covenant on civil and political rights aiming at the abolition of the death penalty",
    "second optional protocol to the international covenant on civil and political rights",
    "second optional protocol to the iccpr", "iccpr op2", "op2 iccpr",
  ] },
  { key: "iccpr", concepts: ["cp-rights-general"], persons: [], titles: ["international covenant on civil and political rights", "iccpr"] },
  { key: "icescr", concepts: ["esc-rights-general"], persons: [], titles: ["international covenant on economic social and cultural rights", "icescr", "op icescr"] },
  { key: "icerd", concepts: ["racial-discrimination"], persons: [], titles: [
    "international convention on the elimination of all forms of racial discrimination", "convention on the elimination of all forms of racial discrimination", "icerd",
  ] },
  { key: "rome-statute", concepts: ["international-law"], persons: [], titles: ["rome statute of the international criminal court", "rome statute"] },
  { key: "genocide", concepts: ["international-law"], persons: [], titles: ["convention on the prevention and punishment of the crime of genocide", "genocide convention"] },
  { key: "refugee-convention", concepts: ["refugees"], persons: ["Refugees & asylum seekers"], titles: [
    "convention relating to the status of refugees", "refugee convention", "protocol relating to the status of refugees",
  ] },
  { key: "statelessness", concepts: ["nationality"], persons: ["Stateless persons"], titles: [
    "convention relating to the status of stateless persons", "convention on the reduction of statelessness", "statelessness conventions", "statelessness convention",
  ] },
  { key: "ilo-169", concepts: ["indigenous-peoples"], persons: ["Indigenous peoples"], titles: [
    "indigenous and tribal peoples convention", "ilo convention no 169", "ilo convention 169", "convention no 169",
  ] },
  { key: "ilo-189", concepts: ["labour-rights"], persons: ["Migrants"], titles: [
    "domestic workers convention", "ilo convention no 189", "ilo convention 189", "convention no 189",
  ] },
  { key: "istanbul", concepts: ["violence-against-women"], persons: ["Women"], titles: [
    "council of europe convention on preventing and combating violence against women and domestic violence", "istanbul convention",
  ] },
  { key: "lanzarote", concepts: ["children-exploitation"], persons: ["Children"], titles: [
    "council of europe convention on the protection of children against sexual exploitation and sexual abuse", "lanzarote convention",
  ] },
  { key: "trafficking-protocol", concepts: ["trafficking"], persons: [], titles: [
    "protocol to prevent suppress and punish trafficking in persons especially women and children", "palermo protocol",
    "council of europe convention on action against trafficking in human beings",
  ] },
  { key: "escazu", concepts: ["environment"], persons: [], titles: [
    "regional agreement on access to information public participation and justice in environmental matters in latin america and the caribbean", "escazu agreement",
  ] },
  { key: "education-convention", concepts: ["education"], persons: [], titles: ["convention against discrimination in education"] },
  { key: "mandela-rules", concepts: ["detention-conditions"], persons: ["Persons deprived of their liberty"], titles: [
    "united nations standard minimum rules for the treatment of prisoners", "standard minimum rules for the treatment of prisoners", "nelson mandela rules", "mandela rules", "bangkok rules",
  ] },
  { key: "paris-principles", concepts: ["nhri"], persons: [], titles: ["principles relating to the status of national institutions", "paris principles"] },
  { key: "undrip", concepts: ["indigenous-peoples"], persons: ["Indigenous peoples"], titles: ["united nations declaration on the rights of indigenous peoples", "declaration on the rights of indigenous peoples", "undrip"] },
];

interface Title {
  words: string[];
  treaty: Treaty;
}

let byFirst: Map<string, Title[]> | undefined;

function titles(): Map<string, Title[]> {
  if (byFirst) return byFirst;
  const m = new Map<string, Title[]>();
  for (const treaty of TREATIES) {
    for (const t of treaty.titles) {
      const words = tokenize(t);
      const list = m.get(words[0]!) ?? [];
      list.push({ words, treaty });
      m.set(words[0]!, list);
    }
  }
  for (const list of m.values()) list.sort((a, b) => b.words.length - a.words.length);
  byFirst = m;
  return m;
}

/** The token a treaty's title is replaced with. */
export function treatyToken(key: string): string {
  return `§${key}`;
}

const BY_TOKEN = new Map(TREATIES.map((t) => [treatyToken(t.key), t]));

/**
 * The treaty a token stands for (after maskTreaties), or undefined.
 * @example
 * treatyOf("§icrmw")?.concepts; // ["migrants"]
 */
export function treatyOf(token: string): Treaty | undefined {
  return token.charCodeAt(0) === 167 ? BY_TOKEN.get(token) : undefined;
}

/**
 * The tokens with every treaty title replaced by its token (the longest title at each place); the same
 * array when the text names no treaty.
 * @example
 * maskTreaties(tokenize("Ratify the Convention on the Rights of the Child")); // ["ratify", "the", "§crc"]
 */
export function maskTreaties(tokens: string[]): string[] {
  const m = titles();
  let out: string[] | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const list = m.get(tokens[i]!);
    let found: Title | undefined;
    if (list) {
      for (const t of list) {
        if (i + t.words.length > tokens.length) continue;
        let ok = true;
        for (let j = 1; j < t.words.length; j++) {
          if (tokens[i + j] !== t.words[j]) {
            ok = false;
            break;
          }
        }
        if (ok) {
          found = t;
          break;
        }
      }
    }
    if (found) {
      out ??= tokens.slice(0, i);
      out.push(treatyToken(found.treaty.key));
      i += found.words.length - 1;
    } else if (out) out.push(tokens[i]!);
  }
  return out ?? tokens;
}
