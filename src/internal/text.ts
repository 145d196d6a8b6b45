// Text helpers shared by the pipeline stages. Never exported from the package.

const SPACES = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\t\f\v]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;

/** Collapse runs of spaces (non-breaking ones included) inside a line; keep line breaks. */
export function cleanLine(s: string): string {
  return s.replace(INVISIBLE, "").replace(SPACES, " ").replace(/ {2,}/g, " ").trim();
}

const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-f]{1,6})|(amp|nbsp|lt|gt|quot|apos));/gi;
const NAMED: Record<string, string> = { amp: "&", nbsp: " ", lt: "<", gt: ">", quot: '"', apos: "'" };

/** HTML entities left in exported text by web databases ("&#40;Unknown&#41;", "&nbsp;"). */
export function decodeEntities(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(ENTITY, (m, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name.toLowerCase()] ?? m;
    const code = dec ? Number(dec) : Number.parseInt(hex ?? "", 16);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : m;
  });
}

/**
 * The characters cleanCell() changes or drops besides a cell's outer spaces: entities, line breaks, the
 * spaces it folds, the invisible characters it drops (trim() drops the others matched here).
 */
export const NEEDS_CLEANING = /[\t-\r\u00a0\u1680\u2000-\u200d\u2028\u2029\u202f\u205f\u2060\u3000\ufeff\u00ad&]/;

// The same characters, and the first space of a double space (one character per match, see findUnclean).
const UNCLEAN = new RegExp(`${NEEDS_CLEANING.source}| (?= )`, "g");

/**
 * The offset of the first character at or after `from` that cleanCell() would change (a double space
 * counts from its first space), or -1: text without any is clean but for spaces at its ends. One scan
 * of a whole CSV text costs less than one per cell.
 */
export function findUnclean(text: string, from: number): number {
  UNCLEAN.lastIndex = from;
  return UNCLEAN.test(text) ? UNCLEAN.lastIndex - 1 : -1;
}

// The characters alone, line feeds and carriage returns aside: a class alone scans faster than with the
// double space as an alternative, and indexOf finds double spaces faster still.
const UNCLEAN_CHAR_IN_LINE = new RegExp(NEEDS_CLEANING.source.replace("\\t-\\r", "\\t\\v\\f"), "g");

/**
 * findUnclean, line breaks and double spaces aside: a CSV reader that counts the lines of each record
 * tells the records that span lines apart, and looks for double spaces apart (by indexOf).
 * @example
 * findUncleanCharBesidesBreaks("a  b\r\nc&amp;", 0); // 7
 */
export function findUncleanCharBesidesBreaks(text: string, from: number): number {
  UNCLEAN_CHAR_IN_LINE.lastIndex = from;
  return UNCLEAN_CHAR_IN_LINE.test(text) ? UNCLEAN_CHAR_IN_LINE.lastIndex - 1 : -1;
}

/** Normalise whitespace of a multi-line cell: each line cleaned, blank lines dropped. */
export function cleanCell(s: string): string {
  if (!s) return "";
  const lines = decodeEntities(s).replace(/\r\n?/g, "\n").split("\n");
  let out = "";
  for (const line of lines) {
    const c = cleanLine(line);
    if (c) out = out ? `${out}\n${c}` : c;
  }
  return out;
}

/** The lines of a cleaned cell. */
export function lines(s: string): string[] {
  return s ? s.split("\n") : [];
}

const ASCII = /^[\x00-\x7f]*$/;

/** A matching key: lower case, accents and punctuation folded, "&" read as "and". */
export function fold(s: string): string {
  // Nearly all recommendations are plain ASCII: the same steps without Unicode normalisation and
  // property classes, which cost four times as much (classify folds every text).
  if (ASCII.test(s)) {
    return s
      .toLowerCase()
      .replace(/&/g, " and ")
      .replace(/`/g, "'")
      .replace(/[^a-z0-9']+/g, " ")
      .trim();
  }
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/&/g, " and ")
    .replace(/[’‘`´]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, " ")
    .trim();
}
