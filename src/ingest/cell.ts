import { cleanLine, lines } from "../internal/text.js";
import { findState } from "../taxonomy/index.js";
import { Memo } from "./memo.js";

/** A recommendation cell split into its parts. */
export interface RecommendationCell {
  paragraphId: string | null;
  /** The recommendation text without the paragraph id and the "Source of position" line. */
  text: string;
  recommendingStates: string[];
  /** Parenthesised groups at the end of a part that looked like States but are not in the taxonomy. */
  unknownStates: string[];
  positionSource: string | null;
  positionSourceParagraph: string | null;
}

// "117.1", "186.28." (trailing dot), cycle-1 forms like "60.1.5"; a paragraph number alone is not an id.
const ID_PREFIX = /^(\d{1,3}(?:\.{1,2}\d{1,3}){1,2})\.?(?=\s|$)\s*/;
const SOURCE_LINE = /^(?:source of position|source de la position|fuente de la posici[oó]n)\s*:?\s*(.*)$/i;
const SYMBOL = /\b(A\s*\/\s*HRC\s*\/\s*(?:WG\.6\s*\/\s*)?\d+\s*\/\s*\d+(?:\s*\/\s*Add\s*\.\s*\d+)?)/i;
const PARA = /\bpara(?:graph|graphe|\.)?\s*\.?\s*(\d+(?:\.\d+)*)/gi;

/**
 * Read a paragraph id at the start of a text ("117.1 Ratify ...", "186.28. Continue ...").
 * @example
 * readIdPrefix("186.28. Continue its efforts"); // { id: "186.28", rest: "Continue its efforts" }
 */
export function readIdPrefix(text: string): { id: string; rest: string } | null {
  const m = ID_PREFIX.exec(text);
  if (!m?.[1]) return null;
  return { id: m[1].replace(/\.\./g, "."), rest: text.slice(m[0].length) };
}

/**
 * Normalise an id given in its own column: "117.1.", "Rec. 18", " 18 ".
 * @example
 * normalizeId("117.1."); // "117.1"
 */
export function normalizeId(raw: string): string | null {
  const t = cleanLine(raw).replace(/^(?:rec(?:ommendation)?|recommandation|recomendaci[oó]n|para(?:graph)?|n[°º]?|no)\.?\s*/i, "");
  const m = /^(\d+(?:\.\d+)*)\.?$/.exec(t);
  if (m?.[1]) return m[1];
  return t ? t : null;
}

/** A recommendation code as national trackers write it: "R144.44P1" is recommendation 144.44, part 1. */
export interface IdCode {
  /** The paragraph id, "144.44". */
  paragraphId: string;
  /** The part of a recommendation split in a tracker ("1", "a"), or null. */
  part: string | null;
  /** The letters before the id ("R", "REC-"), or "". */
  prefix: string;
}

// An optional prefix of letters, the paragraph id, an optional part: "R144.44P1", "REC-144.44", "144.44 (b)",
// "EPU 144.44/2", "144.44 partie 1". Two or three levels: a bare number is not a code.
const ID_CODE = /^([A-Za-z]{1,4}[-_ .]?)?(\d{1,3}(?:\.\d{1,3}){1,2})\.?(?:\s*[-_/]?\s*(?:p(?:art(?:ie|e)?)?\.?\s*|\()?(\d{1,2}|[a-z])\)?)?$/i;

/**
 * Read a tracker's recommendation code: letters before the paragraph id, a part after it.
 * @example
 * readIdCode("R144.44P1"); // { paragraphId: "144.44", part: "1", prefix: "R" }
 */
export function readIdCode(raw: string): IdCode | null {
  const m = ID_CODE.exec(cleanLine(raw));
  if (!m?.[2]) return null;
  return { paragraphId: m[2], part: m[3] ? m[3].toLowerCase() : null, prefix: (m[1] ?? "").trim() };
}

/**
 * Read "Source of position: A/HRC/34/10/Add.1 - Para. 3" (English, French or Spanish wording).
 * @example
 * readSourceOfPosition("Source of Position: A/HRC/43/15 - Para 121"); // { symbol: "A/HRC/43/15", paragraph: "121" }
 */
export function readSourceOfPosition(line: string): { symbol: string | null; paragraph: string | null } | null {
  const m = SOURCE_LINE.exec(cleanLine(line));
  if (!m) return null;
  const rest = m[1] ?? "";
  const sym = SYMBOL.exec(rest);
  const symbol = sym?.[1] ? sym[1].replace(/\s+/g, "") : null;
  let paragraph: string | null = null;
  for (const p of rest.matchAll(PARA)) paragraph = (p[1] ?? "").replace(/\.$/, "") || paragraph; // the last "Para." wins
  return { symbol, paragraph };
}

/** The Working Group report symbol behind an addendum: "A/HRC/34/10/Add.1" → "A/HRC/34/10". */
export function reportSymbol(symbol: string): string {
  return symbol.replace(/\/Add\.\d+$/i, "");
}

interface Group {
  start: number;
  end: number; // index just after ")"
  inner: string;
}

// Parenthesised groups at the top level, balanced ("(Venezuela (Bolivarian Republic of))" is one group).
// Bounded: a cell is at most a few thousand characters, and the scan is linear.
function topLevelGroups(text: string): Group[] {
  const groups: Group[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(") {
      if (depth === 0) start = i;
      depth++;
    } else if (ch === ")" && depth > 0) {
      depth--;
      if (depth === 0) groups.push({ start, end: i + 1, inner: text.slice(start + 1, i) });
    }
  }
  return groups;
}

// Split a States list on commas and "and"/"et"/"y", keeping nested parentheses intact.
function splitList(inner: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of inner) {
    if (ch === "(") depth++;
    if (ch === ")") depth = Math.max(0, depth - 1);
    if ((ch === "," || ch === ";") && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  // "Bosnia and Herzegovina" is one State; "France and Germany" are two.
  return parts
    .flatMap((p) => (findState(p.trim()) ? [p] : p.split(/\s+(?:and|et|y)\s+(?=[A-ZÀ-Ý])/)))
    .map((p) => p.trim())
    .filter(Boolean);
}

const ON_BEHALF = /^(.*?)\s*,?\s*(?:on behalf of|au nom d[eu']|en nombre de)\s*(.*)$/i;
const NAME_LIKE = /^(?:the\s+)?[A-ZÀ-Ý][\p{L}'’.-]*(?:\s+(?:\(?[\p{L}'’.-]+\)?|of|and|the|de|del|la|le|les|du|d['’]\p{L}+))*$/u;

function looksLikeStateName(s: string): boolean {
  if (s.length > 60 || /\d/.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.length > 7) return false;
  if (/^[A-Z0-9-]{2,}$/.test(s)) return false; // an acronym such as ICC or OP-CAT
  return NAME_LIKE.test(s);
}

/** Read a parenthesised group as recommending States, or null when it is not one. */
function readStateGroupOnce(inner: string): { states: string[]; unknown: string[] } | null {
  const states: string[] = [];
  const unknown: string[] = [];
  let known = 0;
  for (const part of splitList(inner)) {
    const behalf = ON_BEHALF.exec(part);
    const name = (behalf ? behalf[1] : part)?.trim() ?? "";
    if (!name) {
      if (behalf) continue; // "(on behalf of the European Union)" alone: the group, no State
      return null;
    }
    const info = findState(name);
    if (info) {
      known++;
      states.push(info.name);
    } else if (looksLikeStateName(name)) {
      states.push(name);
      unknown.push(name);
    } else return null;
  }
  if (states.length === 0 || known === 0) return null;
  return { states, unknown };
}

// Groups repeat from text to text ("(France)", "(CEDAW)"): read once each. The lists are shared, not to be changed.
const stateGroups = new Memo(readStateGroupOnce);

// What may follow a States group: the end, ";", ".", ",", another group, or a line break.
const AFTER_GROUP = /^\s*(?:$|[;.,:]|\(|\n|and\b|et\b|y\b)/;

/**
 * Find the recommending States in a recommendation text: the balanced parenthesised groups that end
 * a part ("... (France); ... (Germany) (Chile).") and name known States.
 * @example
 * readRecommendingStates("Ratify OP-CAT (Venezuela (Bolivarian Republic of)) (France);").states;
 * // ["Venezuela (Bolivarian Republic of)", "France"]
 */
export function readRecommendingStates(text: string, tailFallback = true): { states: string[]; unknown: string[] } {
  const states: string[] = [];
  const unknown: string[] = [];
  for (const g of topLevelGroups(text)) {
    if (!AFTER_GROUP.test(text.slice(g.end, g.end + 8))) continue;
    const read = stateGroups.get(g.inner);
    if (!read) continue;
    for (const s of read.states) if (!states.includes(s)) states.push(s);
    unknown.push(...read.unknown);
  }
  if (states.length === 0 && tailFallback) {
    // Missing parentheses: "Ratify the Convention - France;" or "...; France." (never "... in France").
    const tail = /[-–—,;:]\s*((?:[\p{L}'’.-]+\s+){0,5}[\p{L}'’.-]+)\s*[;.]?\s*$/u.exec(text);
    if (tail?.[1]) {
      const words = tail[1].split(/\s+/);
      for (let k = Math.min(words.length, 6); k >= 1; k--) {
        const info = findState(words.slice(words.length - k).join(" "));
        if (info) {
          states.push(info.name);
          break;
        }
      }
    }
  }
  return { states, unknown };
}

/**
 * Split a matrix recommendation cell into paragraph id, text, recommending States and the
 * "Source of position" line.
 * @example
 * readRecommendationCell("117.1 Ratify OP-CAT (France);\nSource of position: A/HRC/34/10/Add.1 - Para. 3");
 */
export function readRecommendationCell(cell: string, tailFallback = true): RecommendationCell {
  let paragraphId: string | null = null;
  let positionSource: string | null = null;
  let positionSourceParagraph: string | null = null;
  const kept: string[] = [];
  for (const line of lines(cell)) {
    const src = readSourceOfPosition(line);
    if (src) {
      positionSource = src.symbol ?? positionSource;
      positionSourceParagraph = src.paragraph ?? positionSourceParagraph;
      continue;
    }
    if (paragraphId === null && kept.length === 0) {
      const id = readIdPrefix(line);
      if (id) {
        paragraphId = id.id;
        if (id.rest) kept.push(id.rest);
        continue;
      }
    }
    kept.push(line);
  }
  const text = kept.join("\n");
  const { states, unknown } = readRecommendingStates(text, tailFallback);
  return { paragraphId, text, recommendingStates: states, unknownStates: unknown, positionSource, positionSourceParagraph };
}
