// The cell readers: pure functions of one cell's text, memoised (see Memo) and shared by all tables.
// Values they return may be shared between rows: copy whatever ends up inside a Recommendation.
import { readPosition, type PositionReading } from "../classify/position.js";
import { fold } from "../internal/text.js";
import { splitKnown } from "../internal/split.js";
import { findIssue, findPerson, findState, findTheme } from "../taxonomy/index.js";
import { readRecommendationCell, readRecommendingStates, type RecommendationCell } from "./cell.js";
import { matchHeader, type HeaderMatch } from "./fields.js";
import { Memo } from "./memo.js";
import { readThemesCell, type ThemesCell } from "./themes-cell.js";
import type { IssueLabel } from "../schema/recommendation.js";

// Short cells repeat across the first rows of many files (State names, "Accepted", issue lists).
const headers = new Memo((cell) => matchHeader(cell) ?? null);

/**
 * matchHeader, without folding long texts it would reject anyway: its folded key may hold at most 120
 * characters, and fold keeps every ASCII letter and digit. Header detection looks at every cell of the
 * first rows, recommendation texts included.
 * @example
 * headerMatch("Recommandation")?.field; // "text"
 */
export function headerMatch(cell: string): HeaderMatch | undefined {
  if (cell.length <= 120) return headers.get(cell) ?? undefined;
  let alnum = 0;
  for (let i = 0; i < cell.length; i++) {
    const c = cell.charCodeAt(i) | 32; // ASCII letters in lower case; digits stay digits
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      if (++alnum > 120) return undefined;
    }
  }
  return matchHeader(cell);
}

const positions = new Memo((raw) => ({ reading: readPosition(raw), raw }));

/**
 * A position cell read (memoised readPosition), with the wording as the memo keeps it: rows that say
 * the same keep that one string as `positionRaw`, not one each.
 * @example
 * positionCell("Supported").reading.position; // "supported"
 */
export function positionCell(raw: string): { reading: PositionReading; raw: string } {
  return positions.get(raw);
}

/**
 * A section row that announces a position instead of a theme ("Noted recommendations",
 * "Recomendaciones apoyadas"), else null.
 * @example
 * readPositionSection("Noted recommendations")?.position; // "noted"
 */
export function readPositionSection(text: string): PositionReading | null {
  if (text.length > 80 || !/\b(recommendations?|recommandations?|recomendaciones?)\b/i.test(text)) return null;
  const reading = readPosition(text);
  return reading.position === "unknown" ? null : reading;
}

const ORDINAL_WORDS = new Map([["first", 1], ["second", 2], ["third", 3], ["fourth", 4], ["fifth", 5]]);

/** A session or cycle number: a positive safe integer ("34", "34th", "third"), else null. */
function readInt(value: string): number | null {
  const m = /\d+/.exec(value);
  if (m) {
    const n = Number(m[0]);
    return Number.isSafeInteger(n) && n > 0 ? n : null;
  }
  return ORDINAL_WORDS.get(fold(value).split(" ")[0] ?? "") ?? null;
}

const ints = new Memo(readInt);

/**
 * A session or cycle cell: a positive safe integer ("34", "34th", "third"), else null.
 * @example
 * intCell("34th"); // 34
 */
export function intCell(value: string): number | null {
  // "26": most cells are a few digits, read without the memo.
  if (value.length <= 6) {
    let n = 0;
    for (let i = 0; i < value.length; i++) {
      const c = value.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return ints.get(value);
      n = n * 10 + c;
    }
    return n > 0 ? n : null;
  }
  return ints.get(value);
}

const stateNames = new Memo((cell) => findState(cell)?.name ?? cell);

/**
 * A State's canonical name, or the cell as written when it names no known State.
 * @example
 * stateName("Bolivia (Plurinational State of)"); // "Bolivia"
 */
export function stateName(cell: string): string {
  return stateNames.get(cell);
}

const statesLists = new Memo((value): readonly string[] => {
  if (/^\(?\s*(?:unknown|n\/?a|none|-+|inconnu|desconocido)\s*\)?$/i.test(value)) return EMPTY; // placeholders, not States
  return Object.freeze(splitKnown(value, /\s*(?:\n|;|,(?![^()]*\)))\s*/, (s) => findState(s) !== undefined, ", ").map((s) => findState(s)?.name ?? s));
});


/**
 * The States a recommending-States cell names (canonical names; unknown names kept as written), frozen
 * and shared by the rows that hold the same cell.
 * @example
 * statesCell("France; Chile"); // ["France", "Chile"]
 */
export function statesCell(value: string): readonly string[] {
  return statesLists.get(value);
}

const themesCells = new Memo((cell) =>
  readThemesCell(cell.includes("\n") ? cell : splitKnown(cell, /\s*;\s*/, (s) => findTheme(s) !== undefined).join("\n")),
);

/**
 * A themes cell read (one theme a line, or items separated by ";").
 * @example
 * themesCell("A12 Acceptance of international norms").themes[0]?.code; // "A12"
 */
export function themesCell(cell: string): ThemesCell {
  return themesCells.get(cell);
}

const personsCells = new Memo((cell): readonly (readonly [string, string])[] => {
  const out: [string, string][] = [];
  for (const name of splitKnown(cell.replace(/^(?:affected persons|groups of persons)\s*:\s*/i, ""), /\s*(?:\n|;|,(?![^()]*\)))\s*/, (s) => findPerson(s) !== undefined, ", ")) {
    const clean = name.replace(/^[-–•]\s*/, "");
    if (clean) out.push([clean, findPerson(clean)?.name ?? clean]);
  }
  return out;
});

/**
 * Persons named in a persons column: [as written (bullet removed), the taxonomy's name].
 * @example
 * personsCell("- children; women")[0]; // ["children", "Children"]
 */
export function personsCell(cell: string): readonly (readonly [string, string])[] {
  return personsCells.get(cell);
}

const sdgCells = new Memo((cell) => {
  const lines = cell.includes("\n") ? cell : cell.split(/\s*;\s*/).join("\n");
  const read = readThemesCell(lines, "sdgs").sdgs;
  const numbers = /^\s*$/.test(cell) ? [] : cell.split(/[^0-9]+/).filter(Boolean).map(Number);
  return { read, numbers };
});

/**
 * Goals in an SDG column: read as a themes cell, and the bare numbers for when that finds none.
 * @example
 * sdgCell("5, 16").numbers; // [5, 16]
 */
export function sdgCell(cell: string): { read: ThemesCell["sdgs"]; numbers: number[] } {
  return sdgCells.get(cell);
}

const issueName = new Memo((label): string | null => findIssue(label)?.name ?? null);
const issueNames = new Memo((cell): readonly string[] =>
  splitKnown(cell, /\s*[,;\n]\s*/, (s) => issueName.get(s) !== null, ",").map((name) => issueName.get(name) ?? name),
);

const issueLabels = new Memo((cell): readonly IssueLabel[] => Object.freeze(issueNames.get(cell).map((name) => Object.freeze({ name, source: "matrix" as const }))));

/**
 * The UPR Info issues an issues cell names (known names canonical, others kept as written), frozen and
 * shared by the rows that hold the same cell.
 * @example
 * issueLabelsCell("Torture")[0]?.source; // "matrix"
 */
export function issueLabelsCell(cell: string): readonly IssueLabel[] {
  return issueLabels.get(cell);
}

/** An action category cell's number (1 to 5), or null. */
function readActionCategory(cell: string): number | null {
  const n = /^\s*([1-5])\b/.exec(cell);
  return n ? Number(n[1]) : null;
}
// UPR Info's cells are one digit; longer ones (text) are not worth keeping.
const actionCategories = new Memo(readActionCategory);

/**
 * An action category cell's number (1 to 5), or null.
 * @example
 * actionCategoryCell("4"); // 4
 */
export function actionCategoryCell(cell: string): number | null {
  // "4": UPR Info's cells are one digit.
  if (cell.length === 1) {
    const c = cell.charCodeAt(0) - 48;
    return c >= 1 && c <= 5 ? c : null;
  }
  return cell.length <= 8 ? actionCategories.get(cell) : readActionCategory(cell);
}

/** A themes cell with nothing in it. */
export const NO_THEMES: ThemesCell = Object.freeze({ themes: [], persons: [], sdgs: [], unknownThemes: [] });



// A one-line text cell, cleaned, whose first character is printable ASCII but not a digit (a paragraph
// id), and that does not start as a "Source of position" / "Fuente de la posición" line does:
// readRecommendationCell (ingest/cell.ts) would find no id and no source line in it, only States. Most
// UPR Info and UHRI texts are such cells. Told by indexOf, which runs faster than a regular expression
// over a long text.
function isOneLineText(cell: string): boolean {
  const c = cell.charCodeAt(0);
  if (!(c > 32 && c < 127) || (c >= 48 && c <= 57)) return false;
  return !SOURCE_START.test(cell) && cell.indexOf("\n") < 0;
}
const SOURCE_START = /^(?:source|fuente)/i;

/** Shared and frozen: an empty list in a recommendation (copy it to add to it). */
export const EMPTY: readonly never[] = Object.freeze([]);

/**
 * readRecommendationCell, without its work on one-line cells (see isOneLineText). `tailFallback`: guess
 * States from the last words of the text (when there is no States column).
 * @example
 * textCell("117.1 Ratify OP-CAT (Denmark);", true).paragraphId; // "117.1"
 */
export function textCell(cell: string, tailFallback: boolean): RecommendationCell {
  if (!isOneLineText(cell)) return readRecommendationCell(cell, tailFallback);
  // Without "(" and without the guess from the last words, no States either.
  const { states, unknown } = tailFallback || cell.includes("(") ? readRecommendingStates(cell, tailFallback) : NO_STATES;
  return { paragraphId: null, text: cell, recommendingStates: states, unknownStates: unknown, positionSource: null, positionSourceParagraph: null };
}

const NO_STATES = { states: EMPTY as never[], unknown: EMPTY as never[] };
