// Text features shared by training (scripts/train-*.ts) and inference: the same function on both
// sides is what keeps the committed weights meaningful. Pure and deterministic.
import { findState } from "../taxonomy/index.js";
import { tokenize } from "./tokens.js";
import { maskTreaties } from "./treaties.js";

export { tokenize } from "./tokens.js";
import type { FeatureVector } from "./linear.js";

// Unigrams that carry no topic and no action on their own (bigrams keep them: "continue to", "by amending").
const STOP = new Set([
  "a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "its", "it", "by", "as", "at", "from",
  "be", "is", "are", "was", "were", "this", "that", "these", "those", "which", "their", "his", "her", "into",
  "s", "all", "such", "also", "any", "has", "have", "been", "including", "particular", "particularly",
]);

const ID_PREFIX = /^\s*\d{1,3}(?:\.{1,2}\d{1,3}){1,2}\.?\s+/;
// A trailing balanced group "(France)" or "(Venezuela (Bolivarian Republic of))", then ";" or ".".
const TAIL_GROUP = /\(((?:[^()]|\([^()]*\))*)\)[\s;.,]*$/;

function namesStates(inner: string): boolean {
  const first = inner.split(/,|;| on behalf of /i)[0]?.trim() ?? "";
  return /on behalf of/i.test(inner) || (first !== "" && findState(first) !== undefined);
}

/**
 * The part of a recommendation that speaks about its content: without a leading paragraph id and
 * without the trailing recommending-State parentheses, which say who spoke, not what was asked.
 * @example
 * textForFeatures("117.1 Ratify OP-CAT (France) (Chile);"); // "Ratify OP-CAT"
 */
export function textForFeatures(text: string): string {
  let t = text.replace(ID_PREFIX, "");
  for (let i = 0; i < 12; i++) {
    const m = TAIL_GROUP.exec(t);
    if (!m || !namesStates(m[1] ?? "")) break;
    t = t.slice(0, m.index);
  }
  return t.trim();
}

/**
 * The tokens of a text's content with each treaty title as one token (treaties.ts): what the models
 * and the keyword rules read.
 * @example
 * contentTokens("Ratify the Convention against Torture"); // ["ratify", "the", "§cat"]
 */
export function contentTokens(content: string): string[] {
  return maskTreaties(tokenize(content));
}

// Words before the lead verb: subjects ("That Chad ...", "The Government should ..."), report
// formulas ("Recommended ...") and adverbs ("Further strengthen", "Actively consider").
const LEAD_SKIP = new Set([
  "that", "the", "government", "state", "should", "to", "it", "is", "recommended", "recommends", "we", "please",
  "further", "also", "without", "delay", "as", "soon", "possible", "urgently", "immediately",
]);

/**
 * Whether a word is a stop word: no unigram feature of its own, and no bigram with another one.
 * @example
 * isStopWord("the"); // true
 */
export function isStopWord(w: string): boolean {
  return STOP.has(w);
}

/**
 * The index of the lead verb in a text's tokens (see leadVerb).
 * @example
 * leadIndex(["further", "consider", "ratifying"]); // 1
 */
export function leadIndex(tokens: readonly string[]): number {
  let s = 0;
  while (s < tokens.length - 1 && s < 5 && (LEAD_SKIP.has(tokens[s]!) || /ly$/.test(tokens[s]!))) s++;
  return s;
}

/**
 * The lead verb of a recommendation (after subjects, "Recommended" and adverbs), or "".
 * @example
 * leadVerb("Further and actively consider ratifying OP-CAT"); // "consider"
 */
export function leadVerb(text: string): string {
  const tokens = contentTokens(textForFeatures(text));
  return tokens[leadIndex(tokens)] ?? "";
}

/**
 * The features of a text: unigrams (without stop words), bigrams, and lead features for the first
 * verb ("^continue", "^continue and", "^v:consider" after adverbs, and "^&strengthen" for "Continue
 * and strengthen ...", the second verb UPR Info's coders privilege). Each feature once, in first-seen order.
 * @example
 * textFeatures("Continue and strengthen efforts").slice(0, 4); // ["^continue", "^continue and", "^&strengthen", "^v:continue"]
 */
export function textFeatures(text: string): string[] {
  return featuresOfTokens(contentTokens(textForFeatures(text)));
}

/** The tokens and features of one text, computed once and shared by every model and rule set. */
export interface TextAnalysis {
  /** textForFeatures(text): the content without paragraph id and recommending States. */
  content: string;
  tokens: string[];
  /** The features of the tokens (featuresOfTokens), made on first use by textVector when not given. */
  features?: string[];
  /** The text part of every model input (see textVector), computed on first use. */
  vector?: FeatureVector;
}

/**
 * Tokens (for keyword rules) and features (for the models) of a recommendation text.
 * @example
 * analyzeText("Abolish the death penalty (France);").tokens; // ["abolish", "the", "death", "penalty"]
 */
export function analyzeText(text: string): TextAnalysis & { features: string[] } {
  const a = readText(text);
  return { ...a, features: featuresOfTokens(a.tokens) };
}

/**
 * analyzeText without the string features: what classify() reads (it takes the features as ids,
 * see feature-ids.ts).
 * @example
 * readText("Abolish the death penalty (France);").content; // "Abolish the death penalty"
 */
export function readText(text: string): TextAnalysis {
  const content = textForFeatures(text);
  return { content, tokens: contentTokens(content) };
}

function featuresOfTokens(tokens: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  const lead: string[] = [];
  const t0 = tokens[0];
  if (t0 !== undefined) {
    lead.push(`^${t0}`);
    const t1 = tokens[1];
    if (t1 !== undefined) lead.push(`^${t0} ${t1}`);
  }
  const s = leadIndex(tokens);
  const verb = tokens[s];
  if (verb !== undefined) {
    const next = tokens[s + 1];
    if ((next === "and" || next === "or") && tokens[s + 2] !== undefined) lead.push(`^&${tokens[s + 2]}`);
    lead.push(`^v:${verb}`);
  }
  for (const f of lead) addOnce(f, seen, out);
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i]!;
    const stop = STOP.has(w);
    if (!stop && w.length > 1) addOnce(w, seen, out);
    const next = tokens[i + 1];
    // Bigrams of two stop words ("of the", "to the") say nothing and are a quarter of all bigrams.
    if (next !== undefined && !(stop && STOP.has(next))) addOnce(`${w} ${next}`, seen, out);
  }
  return out;
}

function addOnce(f: string, seen: Set<string>, out: string[]): void {
  if (seen.has(f)) return;
  seen.add(f);
  out.push(f);
}

/** The value of a lead feature: constant, so that a long text does not drown its first verb. */
export const LEAD_VALUE = 0.6;

/**
 * The model input for a text: its features, lead features at LEAD_VALUE and the others scaled to
 * unit length (binary, L2-normalised), plus any extra named inputs (stacked model outputs, rules).
 * @example
 * textVector("Ratify OP-CAT").names; // ["^ratify", "^ratify op", "^v:ratify", "ratify", ...]
 */
export function textVector(text: string | TextAnalysis, extra?: FeatureVector): FeatureVector {
  let base: FeatureVector;
  if (typeof text === "string") base = baseVector(textFeatures(text));
  else base = text.vector ??= baseVector((text.features ??= featuresOfTokens(text.tokens)));
  if (!extra || extra.names.length === 0) return base;
  return { names: base.names.concat(extra.names), values: base.values.concat(extra.values) };
}

function baseVector(names: string[]): FeatureVector {
  let plain = 0;
  for (const n of names) if (n.charCodeAt(0) !== 94) plain++; // "^"
  const v = 1 / Math.sqrt(Math.max(1, plain));
  return { names, values: names.map((n) => (n.charCodeAt(0) === 94 ? LEAD_VALUE : v)) };
}
