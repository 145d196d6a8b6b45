// Word tokens of a recommendation text: the one tokenizer of the models, the keyword rules and the
// treaty titles. Pure.
import { fold } from "../internal/text.js";

const ASCII = /^[\x00-\x7f]*$/;

/**
 * Lower-case, accent-free word tokens; years become "#year", other numbers stay (resolution 1325).
 * @example
 * tokenize("Abolish the death penalty in 2015"); // ["abolish", "the", "death", "penalty", "in", "#year"]
 */
export function tokenize(text: string): string[] {
  // Nearly all texts are plain ASCII: one scan (tokenize runs on every text), the same tokens as below.
  if (ASCII.test(text)) return asciiTokens(text);
  const out: string[] = [];
  let folded = fold(text);
  if (folded.includes("'")) folded = folded.replace(/'s\b/g, "").replace(/'/g, " ");
  for (const w of folded.split(" ")) if (w) out.push(yearOr(w));
  return out;
}

// fold() and the steps above in one scan: words are runs of letters and digits (lower case); an
// apostrophe ("'" or "`") separates them, and a lone "s" after one is dropped ("women's"); "&" is "and".
function asciiTokens(text: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  let start = -1;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 32;
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (start < 0) start = i;
      continue;
    }
    if (start >= 0) {
      const possessive = i - start === 1 && lower.charCodeAt(start) === 115 && start > 0 && isApostrophe(lower.charCodeAt(start - 1));
      if (!possessive) out.push(yearOr(lower.slice(start, i)));
      start = -1;
    }
    if (c === 38) out.push("and");
  }
  return out;
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 96;
}

// 19xx or 20xx (a character test: tokenize runs on every text) becomes "#year".
function yearOr(w: string): string {
  if (w.length !== 4) return w;
  const a = w.charCodeAt(0);
  const b = w.charCodeAt(1);
  const c = w.charCodeAt(2);
  const d = w.charCodeAt(3);
  return ((a === 49 && b === 57) || (a === 50 && b === 48)) && c >= 48 && c <= 57 && d >= 48 && d <= 57 ? "#year" : w;
}
