// Word tokens of a recommendation text: the one tokenizer of the models, the keyword rules and the
// treaty titles. Pure.
import { fold } from "../internal/text.js";

/**
 * Lower-case, accent-free word tokens; years become "#year", other numbers stay (resolution 1325).
 * @example
 * tokenize("Abolish the death penalty in 2015"); // ["abolish", "the", "death", "penalty", "in", "#year"]
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  let folded = fold(text);
  // Most texts have no apostrophe: two passes saved.
  if (folded.includes("'")) folded = folded.replace(/'s\b/g, "").replace(/'/g, " ");
  for (let w of folded.split(" ")) {
    if (!w) continue;
    if (w.length === 4 && isYear(w)) w = "#year";
    out.push(w);
  }
  return out;
}

// 19xx or 20xx (a character test: tokenize runs on every text).
function isYear(w: string): boolean {
  const a = w.charCodeAt(0);
  const b = w.charCodeAt(1);
  const c = w.charCodeAt(2);
  const d = w.charCodeAt(3);
  return ((a === 49 && b === 57) || (a === 50 && b === 48)) && c >= 48 && c <= 57 && d >= 48 && d <= 57;
}
