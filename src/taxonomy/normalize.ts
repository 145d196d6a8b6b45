// Matching keys for the taxonomy lookups. Internal to src/taxonomy (and scripts/build-taxonomy.ts).

const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING = /[\u0300-\u036f]/g;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const QUOTES = /[\u2018\u2019\u201a\u201b\u2032\u02bc`\u00b4]/g;
const DQUOTES = /[\u201c\u201d\u201e\u2033\u00ab\u00bb]/g;
const DASHES = /[\u2010-\u2015\u2212\ufe58\ufe63\uff0d]/g;
// Punctuation and bullets that carry no meaning at either end of a label ("- women", "2.1.", "Theme:").
const EDGES = /^[\s\-•·*.,;:]+|[\s\-•·*.,;:]+$/g;

/**
 * The matching key of a label: lower case, accents stripped, any whitespace (NBSP included)
 * collapsed, "&" read as "and", ";" as ",", curly quotes and dashes folded, no spaces around
 * "/" and "-", and punctuation trimmed at both ends.
 * @example
 * normalizeKey(" - Business &\u00a0Human Rights "); // "business and human rights"
 */
export function normalizeKey(label: string): string {
  let s = label;
  // Most labels are ASCII: skip the Unicode folding for them.
  if (NON_ASCII.test(s)) {
    s = s
      .normalize("NFKD")
      .replace(COMBINING, "")
      .replace(INVISIBLE, "")
      .replace(/œ/g, "oe")
      .replace(/Œ/g, "OE")
      .replace(/æ/g, "ae")
      .replace(/Æ/g, "AE")
      .replace(QUOTES, "'")
      .replace(DQUOTES, '"')
      .replace(DASHES, "-");
  }
  return s
    .toLowerCase()
    .replace(/`/g, "'")
    .replace(/&/g, " and ")
    .replace(/;/g, ",")
    .replace(/\s+/g, " ")
    .replace(/ ?([/-]) ?/g, "$1")
    .replace(/ ,/g, ",")
    .replace(EDGES, "");
}
