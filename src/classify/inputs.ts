// The model input of each task, built the same way for training (scripts/train-models.ts) and for
// inference (classify): text features plus the task's keyword-rule hits as "#r:<label>" features.
// classify() takes the text features as ids (feature-ids.ts) and the task's own parts from here.
import { actionFeatures } from "./action-features.js";
import { parseAction, type ActionParse, type ActionRuleResult } from "./action-rules.js";
import { analyzeText, textVector, type TextAnalysis } from "./features.js";
import { issueMatcher } from "./issue-rules.js";
import type { FeatureVector } from "./linear.js";
import { personHits } from "./person-rules.js";
import { themeHits, type ThemeHead } from "./theme-rules.js";

/** A multi-label task's input: the vector and the keyword hits (label → phrases). */
export interface RuleInput {
  x: FeatureVector;
  hits: Map<string, string[]>;
}

// "#r:<label>" for each rule label, made once: the same string object each time, so that looking it
// up in a model's table hashes nothing new (labels are the rule tables' own, a bounded set).
const RULE_NAMES = new Map<string, string>();
function ruleName(label: string): string {
  let name = RULE_NAMES.get(label);
  if (name === undefined) RULE_NAMES.set(label, (name = `#r:${label}`));
  return name;
}

/**
 * A task's keyword hits as model features: "#r:<label>" at 1 each (added to the text's features).
 * @example
 * ruleFeatures(new Map([["D23", ["death penalty"]]])).names; // ["#r:D23"]
 */
export function ruleFeatures(hits: ReadonlyMap<string, string[]>): FeatureVector {
  const names: string[] = [];
  const values: number[] = [];
  for (const k of hits.keys()) {
    names.push(ruleName(k));
    values.push(1);
  }
  return { names, values };
}

function analysis(a: string | TextAnalysis): TextAnalysis {
  return typeof a === "string" ? analyzeText(a) : a;
}

/**
 * The input of the UPR Info issues model.
 * @example
 * issueInput("Abolish the death penalty").hits.get("Death penalty"); // ["death penalty"]
 */
export function issueInput(text: string | TextAnalysis): RuleInput {
  const a = analysis(text);
  const hits = issueMatcher().match(a.tokens);
  return { x: textVector(a, ruleFeatures(hits)), hits };
}

/**
 * The input of a UHRI themes model (one per head vocabulary): its rule hits are terms of that vocabulary.
 * @example
 * themeInput("Abolish the death penalty", "coded").hits.get("D23"); // ["death penalty"]
 * themeInput("Abolish the death penalty", "cycle4").hits.get("death-penalty"); // ["death penalty"]
 */
export function themeInput(text: string | TextAnalysis, head: ThemeHead): RuleInput {
  const a = analysis(text);
  const hits = themeHits(a.tokens, head);
  return { x: textVector(a, ruleFeatures(hits)), hits };
}

/**
 * The input of the affected-persons model.
 * @example
 * personInput("Protect women journalists").hits.has("Media"); // true
 */
export function personInput(text: string | TextAnalysis): RuleInput {
  const a = analysis(text);
  const hits = personHits(a.tokens);
  return { x: textVector(a, ruleFeatures(hits)), hits };
}

/**
 * The input of the action-category model: text features plus the coding manual's rule decision and
 * the action features of action-features.ts (lead verb with its object, specific means, later verbs).
 * @example
 * actionInput("Ratify OP-CAT").rule?.category; // 5
 */
export function actionInput(text: string, a: TextAnalysis = analyzeText(text)): { x: FeatureVector; rule: ActionRuleResult | null } {
  const { extra, parse } = actionParts(a);
  return { x: textVector(a, extra), rule: parse.result };
}

/**
 * What the action-category model adds to the text's features (classify() takes the text's features
 * as ids, feature-ids.ts): the coding manual's rule decision and the action features, with or
 * without the "v>verb:word" ones (classify() looks those up as ids: verbWords).
 * @example
 * actionParts(analyzeText("Ratify OP-CAT")).parse.result?.category; // 5
 */
export function actionParts(a: TextAnalysis, withVerbWords = true): { extra: FeatureVector; parse: ActionParse } {
  const parse = parseAction(a);
  return { extra: actionFeatures(parse, withVerbWords), parse };
}
