// SDG goals from UHRI themes (given or inferred) and keywords. Only one labelled file carries SDGs
// (China 2018), so no model is trained: the table below was written by hand from the SDG targets'
// wording (e.g. 16.3 rule of law, 16.a national human rights institutions, 5.2 violence against
// women, 8.7 forced labour and trafficking, 4.7 human rights education), not fitted to that file.
import type { SdgLabel } from "../schema/recommendation.js";
import { KeywordMatcher } from "./keywords.js";

/** v1 theme code (or its level-2 parent) → SDG goals. */
export const THEME_SDGS: ReadonlyMap<string, readonly number[]> = new Map([
  ["A1", [16]], ["A12", [16]], ["A2", [16]], ["A22", [16]], ["A23", [16]], ["A24", [16]], ["A27", [16]], ["A28", [16]],
  ["A3", [17]], ["A4", [16]], ["A41", [16]], ["A42", [16]], ["A43", [16]], ["A44", [16]], ["A45", [16]], ["A46", [16]], ["A47", [16]],
  ["A5", [4]], ["A51", [4]], ["A53", [16]], ["A54", [4]], ["A6", [16]], ["A61", [16]], ["A62", [17]], ["A63", [16]],
  ["B1", [16]], ["B11", [16]], ["B2", [16]], ["B3", [10]], ["B31", [10, 16]], ["B32", [10, 16]], ["B4", [17]], ["B41", [17]],
  ["B5", [16]], ["B51", [16]], ["B52", [16]], ["B53", [16]], ["B6", [8, 12]], ["B7", [13]], ["B71", [12]], ["B73", [13]], ["B8", [16]], ["B9", [16]],
  ["D1", [16]], ["D2", [16]], ["D21", [16]], ["D23", [16]], ["D25", [16]], ["D26", [16]], ["D27", [8, 16]], ["D29", [5, 16]],
  ["D3", [16]], ["D31", [16]], ["D32", [16]], ["D33", [16]], ["D4", [16]], ["D41", [16]], ["D42", [16]], ["D43", [16]], ["D44", [16]],
  ["D45", [16]], ["D46", [16]], ["D5", [16]], ["D51", [16]], ["D6", [16]], ["D7", [16]], ["D8", [5]],
  ["E1", [1]], ["E2", [1]], ["E21", [1]], ["E22", [2]], ["E23", [11]], ["E24", [1]], ["E25", [1]], ["E26", [6]],
  ["E3", [8]], ["E31", [8]], ["E32", [8]], ["E33", [8]], ["E4", [3]], ["E41", [3]], ["E44", [3]], ["E5", [4]], ["E51", [4]], ["E54", [4]],
  ["E6", [1]], ["E7", [11]],
  ["F1", [5]], ["F11", [5]], ["F12", [5]], ["F13", [5]], ["F14", [5]], ["F19", [5]],
  ["F3", [16]], ["F31", [16]], ["F32", [16]], ["F33", [8, 16]], ["F34", [16]],
  ["F4", [10]], ["F41", [10]], ["F42", [11]], ["F44", [10]], ["F45", [10]],
  ["G1", [10]], ["G2", [10]], ["G3", [10]], ["G4", [10]], ["G5", [10]], ["G6", [10]], ["G9", [10]],
  ["H1", [16]], ["H3", [3]], ["H4", [2]],
]);

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
 * SDG goals for a recommendation from its theme codes (THEME_SDGS) and, when no theme links to a
 * goal, from keywords; each goal with the themes or words that decided it.
 * @example
 * sdgsFromThemes(["E51", "F12"], ["ensure", "girls", "education"]).map((s) => s.goal); // [4, 5]
 */
export function sdgsFromThemes(codes: readonly string[], tokens: readonly string[]): SdgLabel[] {
  const found = new Map<number, { evidence: string[]; theme: boolean; keyword: boolean }>();
  for (const code of codes) {
    const goals = THEME_SDGS.get(code) ?? THEME_SDGS.get(code.slice(0, 2));
    if (!goals) continue;
    for (const g of goals) {
      const f = found.get(g);
      if (f) f.evidence.push(`theme ${code}`);
      else found.set(g, { evidence: [`theme ${code}`], theme: true, keyword: false });
    }
  }
  matcher ??= new KeywordMatcher(SDG_KEYWORDS);
  const byThemes = found.size > 0;
  for (const [g, phrases] of matcher.match(tokens)) {
    const goal = Number(g);
    // Keywords confirm a goal the themes gave, or add goals only when the themes gave none (themes
    // are the UHRI way).
    let f = found.get(goal);
    if (!f) {
      if (byThemes) continue;
      f = { evidence: [], theme: false, keyword: false };
      found.set(goal, f);
    }
    f.keyword = true;
    for (const p of phrases) f.evidence.push(`keyword "${p}"`);
  }
  const out: SdgLabel[] = [];
  for (const goal of [...found.keys()].sort((a, b) => a - b)) {
    const f = found.get(goal)!;
    out.push({ goal, source: "classifier", confidence: f.theme && f.keyword ? 0.8 : 0.6, evidence: f.evidence });
  }
  return out;
}
