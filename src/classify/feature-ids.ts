// The text features of classify(), as ids of the shared table (models.ts), made from the tokens with
// integer tables: one map lookup per token, then bigrams and lead features from token-id tables,
// instead of a string built, hashed and looked up per feature (most of the lookup time). The same
// features in the same order as featuresOfTokens() (features.ts) gives, which training uses:
// tests/classify/feature-ids.test.ts checks it on the corpus.
import { isStopWord, leadIndex } from "./features.js";
import { PairMap } from "./pair-map.js";

/** Token-id tables of every text feature the models and the neighbour index know. */
export interface FeatureTables {
  /** Token → token id: the words of the known text features. */
  tokens: Map<string, number>;
  /** By token id, the feature id (-1: none) of the unigram "t", the lead "^t", the second verb "^&t", the lead verb "^v:t". */
  unigram: Int32Array;
  first: Int32Array;
  second: Int32Array;
  verb: Int32Array;
  /** Token-id pairs → the feature id of the bigram "a b", of the lead "^a b", of the action model's "v>verb:word". */
  bigram: PairMap;
  firstTwo: PairMap;
  verbWord: PairMap;
  /** 1 for a stop word (see isStopWord). */
  stop: Uint8Array;
  /** By feature id: 1 for a unigram (the features coverage counts). */
  isUnigram: Uint8Array;
}

type Kind = "unigram" | "first" | "second" | "verb" | "bigram" | "firstTwo" | "verbWord";

// The kind and words of a feature's name; null for the names made of other than tokens: rule and
// action features ("#r:", "#a:"; tokens hold no ":" or ">", nor spaces).
function parseName(name: string): [Kind, string[]] | null {
  let kind: Kind;
  let rest = name;
  if (name.startsWith("v>")) {
    const words = name.slice(2).split(":");
    return words.length === 2 && words.every((w) => w !== "" && !/[ >]/.test(w)) ? ["verbWord", words] : null;
  }
  if (name.startsWith("^v:")) [kind, rest] = ["verb", name.slice(3)];
  else if (name.startsWith("^&")) [kind, rest] = ["second", name.slice(2)];
  else if (name.startsWith("^")) [kind, rest] = [name.includes(" ") ? "firstTwo" : "first", name.slice(1)];
  else kind = name.includes(" ") ? "bigram" : "unigram";
  if (/[:>]/.test(rest)) return null;
  const words = rest.split(" ");
  const pair = kind === "bigram" || kind === "firstTwo";
  if (words.length !== (pair ? 2 : 1) || words.some((w) => w === "")) return null;
  return [kind, words];
}

/**
 * The token-id tables of a feature table (name → id), built once at model load.
 * @example
 * const tables = featureTables(new Map([["death penalty", 0], ["^v:abolish", 1]]));
 * tables.bigram.get(tables.tokens.get("death")!, tables.tokens.get("penalty")!); // 0
 */
export function featureTables(ids: ReadonlyMap<string, number>): FeatureTables {
  const tokens = new Map<string, number>();
  const parsed: [Kind, number[], number][] = [];
  for (const [name, id] of ids) {
    const p = parseName(name);
    if (!p) continue;
    const words = p[1].map((w) => {
      let t = tokens.get(w);
      if (t === undefined) tokens.set(w, (t = tokens.size));
      return t;
    });
    parsed.push([p[0], words, id]);
  }
  const n = tokens.size;
  const byToken = () => new Int32Array(n).fill(-1);
  const t: FeatureTables = {
    tokens,
    unigram: byToken(),
    first: byToken(),
    second: byToken(),
    verb: byToken(),
    bigram: new PairMap(parsed.length),
    firstTwo: new PairMap(1024),
    verbWord: new PairMap(8192),
    stop: new Uint8Array(n),
    isUnigram: new Uint8Array(ids.size),
  };
  for (const [kind, [a, b], id] of parsed) {
    if (kind === "bigram" || kind === "firstTwo" || kind === "verbWord") t[kind].add(a!, b!, id);
    else t[kind][a!] = id;
    if (kind === "unigram") t.isUnigram[id] = 1;
  }
  for (const [w, id] of tokens) if (isStopWord(w)) t.stop[id] = 1;
  return t;
}

/** The text features of one text as ids, and the counts of those the tables do not know. */
export interface TextFeatureIds {
  /** The tokens read, and their ids (ids past the tables' own for unknown words, the same for the same word). */
  tokens: readonly string[];
  tokenIds: Int32Array;
  /** Ids of the known features, in featuresOfTokens() order: the `leads` lead features ("^...") first. */
  ids: number[];
  leads: number;
  /** Distinct features that are not lead features, known or not: the text vector's length. */
  plain: number;
  /** Distinct unigram features, known or not. */
  unigrams: number;
}

// Per-text state, reused (classification is synchronous): the text's token ids, "seen" stamps by
// feature id and by token id (unknown tokens get ids past the table's, in order of first sight), and
// the bigrams of unknown words seen.
let tids = new Int32Array(256);
let featureSeen = new Int32Array(0);
let tokenSeen = new Int32Array(0);
let stamp = 0;
const unknownTokens = new Map<string, number>();
let unknownPairs = new PairMap(256);

/**
 * The features of a text's tokens (contentTokens) as ids of the tables: each feature once, in the
 * order featuresOfTokens() gives it; unknown features are only counted.
 * @example
 * const { ids, leads, plain } = textFeatureIds(tables, contentTokens("Abolish the death penalty"));
 */
export function textFeatureIds(t: FeatureTables, tokens: readonly string[]): TextFeatureIds {
  const n = tokens.length;
  const known = t.tokens.size;
  if (tids.length < n) tids = new Int32Array(n * 2);
  // isUnigram has one entry per feature id: the size of the feature table.
  if (featureSeen.length < t.isUnigram.length) featureSeen = new Int32Array(t.isUnigram.length);
  nextStamp();
  for (let i = 0; i < n; i++) {
    const w = tokens[i]!;
    let id = t.tokens.get(w);
    if (id === undefined) {
      id = unknownTokens.get(w);
      if (id === undefined) unknownTokens.set(w, (id = known + unknownTokens.size));
    }
    tids[i] = id;
  }
  if (tokenSeen.length < known + unknownTokens.size) tokenSeen = new Int32Array((known + unknownTokens.size) * 2);

  const ids: number[] = [];
  const lead = (f: number) => {
    if (f >= 0) ids.push(f);
  };
  // Lead features: "^t0", "^t0 t1", "^&t" (after "verb and"), "^v:verb". Distinct strings by their form.
  if (n > 0) {
    const a = tids[0]!;
    if (a < known) {
      lead(t.first[a]!);
      if (n > 1 && tids[1]! < known) lead(t.firstTwo.get(a, tids[1]!));
    }
  }
  const s = leadIndex(tokens);
  if (s < n) {
    const next = tokens[s + 1];
    if ((next === "and" || next === "or") && s + 2 < n && tids[s + 2]! < known) lead(t.second[tids[s + 2]!]!);
    if (tids[s]! < known) lead(t.verb[tids[s]!]!);
  }
  const leads = ids.length;

  let plain = 0;
  let unigrams = 0;
  for (let i = 0; i < n; i++) {
    const a = tids[i]!;
    const stop = a < known ? t.stop[a] === 1 : isStopWord(tokens[i]!);
    if (!stop && tokens[i]!.length > 1 && tokenSeen[a] !== stamp) {
      tokenSeen[a] = stamp;
      plain++;
      unigrams++;
      const f = a < known ? t.unigram[a]! : -1;
      if (f >= 0) ids.push(f);
    }
    if (i + 1 === n) break;
    const b = tids[i + 1]!;
    // No bigram of two stop words (as featuresOfTokens).
    if (stop && (b < known ? t.stop[b] === 1 : isStopWord(tokens[i + 1]!))) continue;
    const f = a < known && b < known ? t.bigram.get(a, b) : -1;
    if (f >= 0) {
      if (featureSeen[f] !== stamp) {
        featureSeen[f] = stamp;
        plain++;
        ids.push(f);
      }
    } else if (unknownPairs.add(a, b, 0)) plain++;
  }
  // A huge text leaves a huge table: not kept, as clearing it would cost every later text.
  if (unknownPairs.size > 4096) unknownPairs = new PairMap(256);
  else unknownPairs.clear();
  if (unknownTokens.size > 0) unknownTokens.clear();
  return { tokens, tokenIds: tids.slice(0, n), ids, leads, plain, unigrams };
}

function nextStamp(): void {
  if (++stamp === 0x3fffffff) {
    featureSeen.fill(0);
    tokenSeen.fill(0);
    stamp = 1;
  }
}

/**
 * verbWordIds for an action parse that reads the text's own tokens (most texts): the words after the
 * lead verb (token `at`) taken by their token ids, without a string or a set made.
 * @example
 * const text = textFeatureIds(tables, tokens);
 * verbWordIdsAt(tables, text, parse.at); // the same as verbWordIds(tables, verb, words)
 */
export function verbWordIdsAt(t: FeatureTables, text: TextFeatureIds, at: number): number[] {
  const { tokens, tokenIds } = text;
  const known = t.tokens.size;
  const v = tokenIds[at]!;
  const ids: number[] = [];
  nextStamp();
  for (let j = at + 1; j < tokens.length; j++) {
    const w = tokenIds[j]!;
    if (tokens[j]!.length <= 2 || tokenSeen[w] === stamp) continue;
    tokenSeen[w] = stamp;
    ids.push(v < known && w < known ? t.verbWord.get(v, w) : -1);
  }
  return ids;
}

/**
 * The ids of the action model's "v>verb:word" features (verbWords in action-features.ts), -1 for
 * the unknown ones, in order.
 * @example
 * verbWordIds(tables, "develop", new Set(["national", "plan"])); // [812, 4410]
 */
export function verbWordIds(t: FeatureTables, verb: string, words: Iterable<string>): number[] {
  const ids: number[] = [];
  const v = t.tokens.get(verb);
  for (const w of words) {
    const id = v === undefined ? undefined : t.tokens.get(w);
    ids.push(id === undefined ? -1 : t.verbWord.get(v!, id));
  }
  return ids;
}
