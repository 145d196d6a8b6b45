// Features of the action-category model beyond the shared text features (features.ts), for the
// decision the coding manual's categories 4 and 5 turn on: the same lead verb is general action with
// "measures", "efforts" or "a strategy" and specific action with "a plan of action", "legislation" or
// specific means ("..., including by amending the Penal Code"). Each feature is a conjunction a bag of
// words cannot form: the lead verb with the words of its object and of the rest of the text, the rule's
// decision with how it was reached, the verbs of a later clause. Token scans and Set look-ups only.
import { verbLevel, type ActionParse } from "./action-rules.js";
import type { FeatureVector } from "./linear.js";

/** The value of the rule's decision ("#r:<category>") and of the other constant features. */
const RULE_VALUE = 1;
const VALUE = 0.6;
/** Words of the object phrase crossed with the lead verb's level ("#a:o4 strategy"). */
const OBJECT_WORDS = 3;

// A particle after the lead verb ("set up", "carry out", "put in place").
const PARTICLE = new Set(["up", "out", "in", "into", "on"]);
// Words that end the object phrase ("develop a national strategy | to combat ...").
const PHRASE_END = new Set([
  "to", "for", "of", "in", "on", "with", "that", "which", "aimed", "and", "or", "by", "through", "including", "against", "so", "as",
  "at", "from", "into", "within", "regarding", "concerning", "towards", "toward", "between", "under", "where", "who",
]);
const ARTICLE = new Set(["a", "an", "the", "its", "their", "all", "any", "his", "her", "this", "these", "those"]);
// "by amending", "through the adoption of", "including by ratifying": the words before the means.
const MEANS_START = new Set(["by", "through", "including", "notably", "via"]);
const MEANS_GAP = new Set(["by", "through", "including", "notably", "via", "inter", "alia", "means", "of", "the", "such", "as"]);
const NOMINAL = new Map<string, number>([
  ["adoption", 5], ["enactment", 5], ["amendment", 5], ["amendments", 5], ["establishment", 5], ["ratification", 5], ["accession", 5],
  ["creation", 5], ["introduction", 5], ["abolition", 5], ["repeal", 5], ["criminalization", 5], ["criminalisation", 5], ["implementation", 5],
  ["development", 5], ["elaboration", 5], ["allocation", 5], ["revision", 5], ["strengthening", 4], ["promotion", 4], ["improvement", 4],
]);
/** How far after the lead verb means and later verbs are looked for. */
const WINDOW = 40;

// The level of a verb, its "-ing" form or its noun ("amending", "amendment" → 5).
function levelOfForm(word: string): number | undefined {
  const direct = verbLevel(word) ?? NOMINAL.get(word);
  if (direct !== undefined || word.length < 6 || !word.endsWith("ing")) return direct;
  const stem = word.slice(0, -3);
  return verbLevel(stem) ?? verbLevel(`${stem}e`) ?? (stem.at(-1) === stem.at(-2) ? verbLevel(stem.slice(0, -1)) : undefined);
}

/**
 * The action model's own input: the coding manual's rule decision ("#r:<category>", "#r:none") and
 * the features above (names starting "#a:" at a constant value; "v>verb:word" for each word after
 * the lead verb, scaled to unit length like the text's words, and like them kept by training only
 * when seen in two texts: the "#" features are always kept).
 * @example
 * actionFeatures(parseAction("Develop a national strategy to combat trafficking")).names;
 * // ["#r:5", "#a:o5 national", "#a:o5 strategy", "v>develop:national", ...]
 */
export function actionFeatures(p: ActionParse, withVerbWords = true): FeatureVector {
  const r = p.result;
  const names: string[] = [r ? `#r:${r.category}` : "#r:none"];
  const values: number[] = [RULE_VALUE];
  const add = (name: string, value = VALUE) => {
    names.push(name);
    values.push(value);
  };
  if (r && p.adjust) add(`#a:rule ${r.category} ${p.adjust}`);
  if (p.at < 0) return { names, values };
  const t = p.tokens;
  const level = p.verbLevel ?? 0;
  // "Continue and strengthen": the levels of both verbs.
  if (p.at !== p.start) add(`#a:verbs ${verbLevel(t[p.start]!) ?? 0} ${level}`);
  // The object phrase: up to OBJECT_WORDS words after the verb (and a particle), articles skipped.
  let i = p.at + 1;
  if (i < t.length && PARTICLE.has(t[i]!)) i++;
  for (let k = 0; i < t.length && k < OBJECT_WORDS; i++) {
    const w = t[i]!;
    if (ARTICLE.has(w)) continue;
    if (PHRASE_END.has(w)) break;
    add(`#a:o${level} ${w}`);
    k++;
  }
  // Specific means and the verbs of later clauses ("... and ratify", "... to establish").
  let means = 0;
  let later = 0;
  const end = Math.min(t.length, p.at + WINDOW);
  for (let j = p.at + 1; j < end; j++) {
    const w = t[j]!;
    if (means === 0 && MEANS_START.has(w)) {
      let k = j + 1;
      while (k < end && MEANS_GAP.has(t[k]!)) k++;
      if (k < end) means = levelOfForm(t[k]!) ?? 0;
    }
    if ((w === "and" || w === "to") && j > p.at + 1 && j + 1 < end) {
      const l = verbLevel(t[j + 1]!);
      if (l !== undefined && l > later && (w === "and" || l !== 4)) later = l;
    }
  }
  if (means) add(`#a:means ${level} ${means}`);
  if (later) add(`#a:later ${level} ${later}`);
  const vw = withVerbWords ? verbWords(p) : null;
  if (vw) {
    const v = verbWordValue(vw.words.size);
    for (const w of vw.words) add(`v>${vw.verb}:${w}`, v);
  }
  return { names, values };
}

/**
 * The lead verb and the later words it is crossed with ("v>verb:word" features: "develop ... plan"
 * is 5, "develop ... strategy" 4), each word once, in order; null without a lead verb. classify()
 * looks them up as token-id pairs (actionFeatures(p, false) leaves them out).
 * @example
 * verbWords(parseAction("Develop a national plan"))?.words; // Set { "national", "plan" }
 */
export function verbWords(p: ActionParse): { verb: string; words: Set<string> } | null {
  if (p.at < 0) return null;
  const t = p.tokens;
  const words = new Set<string>();
  for (let j = p.at + 1; j < t.length; j++) if (t[j]!.length > 2) words.add(t[j]!);
  return { verb: t[p.at]!, words };
}

/**
 * The value of each "v>verb:word" feature of a text with `count` of them: unit length, like the text's words.
 * @example
 * verbWordValue(4); // 0.5
 */
export function verbWordValue(count: number): number {
  return 1 / Math.sqrt(Math.max(1, count));
}
