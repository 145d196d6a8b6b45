// Phrase matching over folded word tokens, for the transparent keyword rules. A phrase is matched as
// consecutive tokens; a word ending in "*" matches any token starting with it ("discriminat*").
import { tokenize } from "./features.js";

interface Phrase {
  words: string[];
  prefix: boolean[];
  label: string;
  text: string;
}

const NONE: readonly Phrase[] = [];
/** The phrases each matcher (by id) can start at one token. */
type TokenEntry = (readonly Phrase[] | undefined)[];
// token → its entry, for all matchers; cleared when the vocabulary grows large.
const byToken = new Map<string, TokenEntry>();
const MAX_TOKENS = 200_000;
// Longer tokens are not remembered (no phrase word is this long; a file could hold huge ones).
const MAX_TOKEN_LENGTH = 64;
let matchers = 0;

// The entries of the tokens matched last: classify matches one text's tokens with four matchers in a
// row, so the tokens are looked up once, not once per matcher. Token arrays are never changed after
// tokenize() makes them; the length check guards the rest.
let lastTokens: readonly string[] | null = null;
let lastEntries: TokenEntry[] = [];
function entriesOf(tokens: readonly string[]): TokenEntry[] {
  if (tokens === lastTokens && lastEntries.length === tokens.length) return lastEntries;
  const entries: TokenEntry[] = [];
  for (const token of tokens) {
    let entry = byToken.get(token);
    if (entry === undefined) {
      entry = [];
      if (token.length <= MAX_TOKEN_LENGTH) {
        if (byToken.size >= MAX_TOKENS) byToken.clear();
        byToken.set(token, entry);
      }
    }
    entries.push(entry);
  }
  lastTokens = tokens;
  lastEntries = entries;
  return entries;
}

/** A compiled set of keyword rules: label → phrases. */
export class KeywordMatcher {
  private readonly byFirst = new Map<string, Phrase[]>();
  // Phrases whose first word is a prefix ("discriminat*"), indexed by that word's first 3 letters.
  private readonly prefixed = new Map<number, Phrase[]>();
  private readonly id = matchers++;

  /**
   * Compile the rules (phrases in any case, with or without accents).
   * @example
   * new KeywordMatcher([["D23", ["death penalty", "capital punishment"]]]);
   */
  constructor(rules: Iterable<readonly [string, readonly string[]]>) {
    for (const [label, phrases] of rules) {
      for (const text of phrases) {
        const words: string[] = [];
        const prefix: boolean[] = [];
        for (const part of text.split(/\s+/)) {
          const star = part.endsWith("*");
          const toks = tokenize(star ? part.slice(0, -1) : part);
          toks.forEach((t, i) => {
            words.push(t);
            prefix.push(star && i === toks.length - 1);
          });
        }
        if (words.length === 0) continue;
        const p: Phrase = { words, prefix, label, text };
        if (prefix[0]) {
          // Prefixes are at least 3 letters ("ngo*" would be too loose anyway).
          if (words[0]!.length < 3) throw new Error(`keyword prefix too short: ${text}`);
          const key = key3(words[0]!);
          const list = this.prefixed.get(key) ?? [];
          list.push(p);
          this.prefixed.set(key, list);
        } else {
          const list = this.byFirst.get(words[0]!) ?? [];
          list.push(p);
          this.byFirst.set(words[0]!, list);
        }
      }
    }
  }

  /**
   * The labels whose phrases occur in the tokens, each with the phrases found (in rule order).
   * @example
   * matcher.match(tokenize("Abolish the death penalty")); // Map { "D23" => ["death penalty"] }
   */
  match(tokens: readonly string[]): Map<string, string[]> {
    const found = new Map<string, string[]>();
    const entries = entriesOf(tokens);
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.startingWith(entries[i]!, tokens[i]!);
      if (candidates === NONE) continue;
      for (const p of candidates) {
        if (!matchesAt(p, tokens, i)) continue;
        const list = found.get(p.label);
        if (!list) found.set(p.label, [p.text]);
        else if (!list.includes(p.text)) list.push(p.text);
      }
    }
    return found;
  }

  // The phrases that can start at a token: exact first words, then prefixed ones, remembered in the
  // token's entry (see entriesOf).
  private startingWith(entry: TokenEntry, token: string): readonly Phrase[] {
    let found = entry[this.id];
    if (found === undefined) {
      const exact = this.byFirst.get(token);
      const pre = this.prefixed.size ? this.prefixed.get(key3(token)) : undefined;
      found = exact && pre ? [...exact, ...pre] : (exact ?? pre ?? NONE);
      entry[this.id] = found;
    }
    return found;
  }
}

// The first three characters of a word as one number (collisions only cost a failed match).
function key3(w: string): number {
  return w.length < 3 ? -1 : ((w.charCodeAt(0) & 0x3ff) << 20) | ((w.charCodeAt(1) & 0x3ff) << 10) | (w.charCodeAt(2) & 0x3ff);
}

function matchesAt(p: Phrase, tokens: readonly string[], i: number): boolean {
  if (i + p.words.length > tokens.length) return false;
  for (let j = 0; j < p.words.length; j++) {
    const t = tokens[i + j]!;
    const w = p.words[j]!;
    if (p.prefix[j] ? !t.startsWith(w) : t !== w) return false;
  }
  return true;
}
