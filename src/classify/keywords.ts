// Phrase matching over folded word tokens, for the transparent keyword rules. A phrase is matched as
// consecutive tokens; a word ending in "*" matches any token starting with it ("discriminat*").
import { tokenize } from "./features.js";

interface Phrase {
  words: string[];
  /** Bit j set: word j is a prefix (one number, not an array: matching reads it for every candidate). */
  prefixes: number;
  label: string;
  text: string;
}

/** The phrases of each matcher (by id) that can start at a token. */
type Entry = (readonly Phrase[] | undefined)[];

// Every matcher's phrases in two tables shared by all matchers, so that one scan of a text finds the
// places where any phrase can start: classify matches one text with five or six matchers in a row, and
// most tokens start no phrase of any. Rebuilt when a matcher is made (a handful, once each).
interface Tables {
  /** Exact first word → phrases per matcher (those with a prefix that fits the word included). */
  exact: Map<string, Entry>;
  /** First 3 letters of a prefix first word ("discriminat*") → phrases per matcher. */
  prefixed: Map<number, Entry>;
}
// The phrases of each matcher, in rule order (index: the matcher's id).
const phrasesOf: Phrase[][] = [];
let tables: Tables | null = null;

function buildTables(): Tables {
  const exact = new Map<string, Entry>();
  const prefixed = new Map<number, Entry>();
  const add = <K>(m: Map<K, Entry>, key: K, id: number, p: Phrase) => {
    let entry = m.get(key);
    if (!entry) m.set(key, (entry = []));
    ((entry[id] as Phrase[] | undefined) ??= []).push(p);
  };
  phrasesOf.forEach((phrases, id) => {
    for (const p of phrases) {
      if (p.prefixes & 1) add(prefixed, key3(p.words[0]!), id, p);
      else add(exact, p.words[0]!, id, p);
    }
  });
  // A word with exact phrases takes the prefixed ones it fits after them (the order phrases are tried in).
  for (const [word, entry] of exact) {
    const pre = prefixed.get(key3(word));
    if (!pre) continue;
    pre.forEach((ps, id) => {
      const fit = ps?.filter((p) => word.startsWith(p.words[0]!));
      if (fit?.length) entry[id] = [...(entry[id] ?? []), ...fit];
    });
  }
  return { exact, prefixed };
}

/** Where phrases can start in one text: token indexes and their entries. */
interface Starts {
  at: number[];
  entries: Entry[];
}

// The starts of the tokens scanned last: the matchers of one text share them. Token arrays are never
// changed after tokenize() makes them; the length check guards the rest.
let lastTokens: readonly string[] | null = null;
let lastLength = 0;
let lastStarts: Starts = { at: [], entries: [] };

function startsOf(tokens: readonly string[]): Starts {
  if (tokens === lastTokens && lastLength === tokens.length) return lastStarts;
  const t = (tables ??= buildTables());
  const at: number[] = [];
  const entries: Entry[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const entry = t.exact.get(token) ?? (t.prefixed.size ? t.prefixed.get(key3(token)) : undefined);
    if (entry === undefined) continue;
    at.push(i);
    entries.push(entry);
  }
  lastTokens = tokens;
  lastLength = tokens.length;
  lastStarts = { at, entries };
  return lastStarts;
}

/** A compiled set of keyword rules: label → phrases. */
export class KeywordMatcher {
  private readonly id = phrasesOf.length;

  /**
   * Compile the rules (phrases in any case, with or without accents).
   * @example
   * new KeywordMatcher([["D23", ["death penalty", "capital punishment"]]]);
   */
  constructor(rules: Iterable<readonly [string, readonly string[]]>) {
    const list: Phrase[] = [];
    for (const [label, phrases] of rules) {
      for (const text of phrases) {
        const words: string[] = [];
        let prefixes = 0;
        for (const part of text.split(/\s+/)) {
          const star = part.endsWith("*");
          const toks = tokenize(star ? part.slice(0, -1) : part);
          toks.forEach((t, i) => {
            if (star && i === toks.length - 1) prefixes |= 1 << words.length;
            words.push(t);
          });
        }
        if (words.length === 0) continue;
        // Prefixes are at least 3 letters ("ngo*" would be too loose anyway).
        if (prefixes & 1 && words[0]!.length < 3) throw new Error(`keyword prefix too short: ${text}`);
        if (words.length > 31) throw new Error(`keyword phrase too long: ${text}`);
        list.push({ words, prefixes, label, text });
      }
    }
    phrasesOf.push(list);
    tables = null;
    lastTokens = null;
  }

  /**
   * The labels whose phrases occur in the tokens, each with the phrases found (in rule order).
   * @example
   * matcher.match(tokenize("Abolish the death penalty")); // Map { "D23" => ["death penalty"] }
   */
  match(tokens: readonly string[]): Map<string, string[]> {
    const found = new Map<string, string[]>();
    const { at, entries } = startsOf(tokens);
    for (let k = 0; k < at.length; k++) {
      const candidates = entries[k]![this.id];
      if (candidates === undefined) continue;
      for (const p of candidates) {
        if (!matchesAt(p, tokens, at[k]!)) continue;
        const list = found.get(p.label);
        if (!list) found.set(p.label, [p.text]);
        else if (!list.includes(p.text)) list.push(p.text);
      }
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
    if ((p.prefixes >> j) & 1 ? !t.startsWith(w) : t !== w) return false;
  }
  return true;
}
