// SDG goals from UHRI themes (given or inferred) and keywords. The table below was written by hand
// from the SDG targets' wording (16.3 rule of law, 16.a national human rights institutions, 5.2
// violence against women, 8.7 forced labour and trafficking, 4.7 human rights education, 10.2-10.3
// inclusion and equal opportunity), one line per theme concept of the crosswalk, so that themes of
// every vocabulary link alike; it was not fitted to a labelled file.
import type { SdgLabel, Vocabulary } from "../schema/recommendation.js";
import { conceptOf, SDG_GOALS, termByKey } from "../taxonomy/index.js";
import { KeywordMatcher } from "./keywords.js";

/** Theme concept (crosswalk row) → SDG goals. */
// prettier-ignore
export const THEME_SDGS: ReadonlyMap<string, readonly number[]> = new Map([
  ["ratification", [16]], ["scope-of-obligations", [16]], ["reservations", [16]], ["cooperation-mechanisms", [16]], ["treaty-bodies", [16]],
  ["special-procedures", [16]], ["upr-follow-up", [16]], ["inter-state-cooperation", [17]], ["constitutional-framework", [16]],
  ["legal-institutional-reform", [16]], ["nhri", [16]], ["action-plans", [16]], ["nmirf", [16]], ["good-governance", [16]], ["agenda-2030", [17]],
  ["hr-education", [4]], ["data-collection", [17]], ["budget", [16]], ["civil-society", [16]],
  ["international-law", [16]], ["self-determination", [16]], ["equality", [10, 16]], ["racial-discrimination", [10, 16]], ["development", [17]],
  ["unilateral-coercive-measures", [17]], ["access-to-justice", [16]], ["impunity", [16]], ["victims", [16]], ["business", [8, 12]],
  ["environment", [12]], ["climate-change", [13]], ["toxics", [3, 12]], ["counter-terrorism", [16]], ["mercenaries", [16]],
  ["cp-rights-general", [16]], ["physical-integrity", [16]], ["right-to-life", [16]], ["death-penalty", [16]], ["torture", [16]], ["npm", [16]],
  ["detention-conditions", [16]], ["trafficking", [8, 16]], ["gender-based-violence", [5, 16]], ["domestic-violence", [5, 16]],
  ["liberty-security", [16]], ["enforced-disappearances", [16]], ["arbitrary-detention", [16]], ["freedom-of-movement", [16]],
  ["freedom-of-religion", [16]], ["freedom-of-expression", [16]], ["peaceful-assembly", [16]], ["freedom-of-association", [16]], ["privacy", [16]],
  ["administration-of-justice", [16]], ["nationality", [16]], ["public-participation", [16]], ["marriage-family", [5]],
  ["esc-rights-general", [1]], ["standard-of-living", [1]], ["food", [2]], ["housing", [11]], ["social-security", [1]], ["poverty", [1]],
  ["water-sanitation", [6]], ["labour-rights", [8]], ["health", [3]], ["sexual-reproductive-health", [3, 5]], ["education", [4]], ["property", [1]],
  ["cultural-rights", [11]],
  ["advancement-of-women", [5]], ["discrimination-against-women", [5]], ["violence-against-women", [5]], ["women-participation", [5]],
  ["children-general", [16]], ["children-family", [16]], ["children-exploitation", [8, 16]], ["juvenile-justice", [16]],
  ["disabilities-general", [10]], ["disabilities-accessibility", [11]], ["disabilities-inclusion", [10]], ["disabilities-integrity", [10]],
  ["disabilities-exploitation", [10]], ["disabilities-risk", [10]],
  ["minorities", [10]], ["lgbti", [10]], ["indigenous-peoples", [10]], ["migrants", [10]], ["refugees", [10]], ["internally-displaced", [10]],
  ["older-persons", [10]], ["human-rights-defenders", [16]], ["hiv-aids", [3]], ["rural-areas", [2]],
]);

const V1 = /^[A-HS]\d{0,2}$/;

/** The concept of a theme key: a v1 code ("E32" → "labour-rights") or a concept already ("labour-rights"). */
function conceptOfKey(key: string): string | null {
  if (!V1.test(key)) return key;
  const t = termByKey("coded", key);
  return t ? conceptOf(t) : null;
}

const SDG_KEYWORDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["1", ["poverty", "social protection", "pauvrete", "pobreza"]],
  ["2", ["hunger", "food security", "malnutrition", "agricultur*"]],
  ["3", ["health", "maternal mortality", "hiv", "sante", "salud"]],
  ["4", ["education", "school*", "literacy", "educacion"]],
  ["5", ["women", "gender equality", "girls", "femmes", "mujeres"]],
  ["6", ["water", "sanitation"]],
  ["7", ["energy"]],
  ["8", ["employment", "decent work", "labour", "child labour", "forced labour", "economic growth"]],
  ["11", ["housing", "urban"]],
  ["13", ["climate change", "climate", "disaster risk"]],
  ["14", ["ocean*", "marine", "fisheries"]],
  ["15", ["forest*", "biodiversity", "desertification"]],
  ["16", ["justice", "violence", "corruption", "institutions", "birth registration", "rule of law"]],
  ["17", ["international cooperation", "development assistance", "statistics", "partnership*"]],
];

let matcher: KeywordMatcher | undefined;

/**
 * The name of a goal as the lists print it ("16 - PEACE, JUSTICE AND STRONG INSTITUTIONS"); the same in
 * every vocabulary (the coded lists had no SDGs).
 * @example
 * sdgName(5); // "5 - GENDER EQUALITY"
 */
export function sdgName(goal: number): string {
  return SDG_NAMES.get(goal) ?? `${goal} - `;
}

// Goal → its printed name, made once (classify names goals on every recommendation).
const SDG_NAMES: ReadonlyMap<number, string> = new Map(SDG_GOALS.map((g, i) => [i + 1, `${i + 1} - ${g.en.toUpperCase()}`]));

/**
 * SDG goals for a recommendation from its themes (v1 codes or concept keys, THEME_SDGS) and, when no
 * theme links to a goal, from keywords; each goal with the themes or words that decided it, named as
 * the lists of `vocabulary` print goals.
 * @example
 * sdgsFromThemes(["E51", "F12"], ["ensure", "girls", "education"]).map((s) => s.goal); // [4, 5]
 * sdgsFromThemes(["education"], []).map((s) => s.name); // ["4 - QUALITY EDUCATION"]
 */
export function sdgsFromThemes(codes: readonly string[], tokens: readonly string[], vocabulary: Vocabulary = "cycle4"): SdgLabel[] {
  return sdgLabels(codes, tokens, vocabulary, true);
}

/**
 * sdgsFromThemes, with its evidence only when `explain` (classify's `evidence: false` builds none: the
 * labels then have no `evidence` key).
 * @example
 * sdgLabels(["education"], [], "cycle4", false); // [{ goal: 4, code: "4", name: "4 - QUALITY EDUCATION", ... }]
 */
export function sdgLabels(codes: readonly string[], tokens: readonly string[], vocabulary: Vocabulary, explain: boolean): SdgLabel[] {
  // By goal number, so that reading it in order sorts the goals.
  const found: ({ evidence: string[] | null; theme: boolean; keyword: boolean } | undefined)[] = [];
  let byThemes = false;
  for (const code of codes) {
    const concept = conceptOfKey(code);
    const goals = concept ? THEME_SDGS.get(concept) : undefined;
    if (!goals) continue;
    for (const g of goals) {
      byThemes = true;
      const f = found[g];
      if (f) f.evidence?.push(`theme ${code}`);
      else found[g] = { evidence: explain ? [`theme ${code}`] : null, theme: true, keyword: false };
    }
  }
  matcher ??= new KeywordMatcher(SDG_KEYWORDS);
  for (const [g, phrases] of matcher.match(tokens)) {
    const goal = Number(g);
    // Keywords confirm a goal the themes gave, or add goals only when the themes gave none (themes
    // are the UHRI way).
    let f = found[goal];
    if (!f) {
      if (byThemes) continue;
      f = found[goal] = { evidence: explain ? [] : null, theme: false, keyword: false };
    }
    f.keyword = true;
    if (f.evidence) for (const p of phrases) f.evidence.push(`keyword "${p}"`);
  }
  const out: SdgLabel[] = [];
  for (let goal = 1; goal < found.length; goal++) {
    const f = found[goal];
    if (!f) continue;
    const confidence = f.theme && f.keyword ? 0.8 : 0.6;
    out.push(f.evidence ? { goal, code: String(goal), name: sdgName(goal), source: "classifier", confidence, evidence: f.evidence, vocabulary } : { goal, code: String(goal), name: sdgName(goal), source: "classifier", confidence, vocabulary });
  }
  return out;
}
