// What the first page and the introduction of a Working Group report (or its addendum) say about it:
// symbol, State under review, sessions, language. English, French and Spanish, as the UN prints them:
//   "Report of the Working Group on the Universal Periodic Review / Slovenia" ... "held its twentieth session"
//   "Rapport du Groupe de travail sur l'Examen périodique universel / Slovénie" ... "a tenu sa trente-quatrième session"
//   "Informe del Grupo de Trabajo sobre el Examen Periódico Universal / Colombia" ... "celebró su 16º período de sesiones"
import type { Language } from "../schema/source.js";
import { fold } from "../internal/text.js";
import { findState } from "../taxonomy/index.js";
import type { DocLine } from "./lines.js";

/** What a report's masthead and introduction say. */
export interface Masthead {
  /** "A/HRC/28/15" or "A/HRC/28/15/Add.1". */
  symbol: string | null;
  kind: "report" | "addendum" | null;
  language: Language | null;
  /** The State's canonical name (taxonomy), or the name as written when it is not a known State. */
  stateUnderReview: string | null;
  /** Session of the Human Rights Council (from the symbol). */
  hrcSession: number | null;
  /** Session of the Working Group, the review's session ("held its twentieth session"). */
  session: number | null;
  /** The title lines as printed, for `sources[].title`. */
  title: string | null;
  /** The symbol was read as ".../A" and taken for ".../Add.1" (a text-layer quirk of some addenda). */
  symbolRepaired: boolean;
}

const SYMBOL = /\bA\s*\/\s*HRC\s*\/\s*(\d{1,3})\s*\/\s*(\d{1,3})(\s*\/\s*(?:Add\s*\.\s*\d+|A)\b)?/i;
const TITLE = /^(?:report of the working group on the universal periodic review|rapport du groupe de travail sur l['’ ]?\s?examen periodique universel|informe del grupo de trabajo sobre el examen periodico universal)/;
const TITLE_START = /^(?:report of the working group|rapport du groupe de travail|informe del grupo de trabajo)\b/;
const ADDENDUM = /^(?:addendum|additif|adicion)$/;

const UNITS: Record<string, number> = {
  // English
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30, fortieth: 40, fiftieth: 50, sixtieth: 60,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
  // French
  premier: 1, premiere: 1, deuxieme: 2, seconde: 2, troisieme: 3, quatrieme: 4, cinquieme: 5, sixieme: 6,
  septieme: 7, huitieme: 8, neuvieme: 9, dixieme: 10, onzieme: 11, douzieme: 12, treizieme: 13, quatorzieme: 14,
  quinzieme: 15, seizieme: 16, vingtieme: 20, trentieme: 30, quarantieme: 40, cinquantieme: 50, soixantieme: 60,
  unieme: 1, dix: 10, vingt: 20, trente: 30, quarante: 40, cinquante: 50, soixante: 60,
  // Spanish
  primer: 1, primero: 1, segundo: 2, tercer: 3, tercero: 3, cuarto: 4, quinto: 5, sexto: 6, septimo: 7, octavo: 8,
  noveno: 9, decimo: 10, undecimo: 11, duodecimo: 12, decimotercero: 13, decimocuarto: 14, decimoquinto: 15,
  decimosexto: 16, decimoseptimo: 17, decimoctavo: 18, decimonoveno: 19, vigesimo: 20, trigesimo: 30,
  cuadragesimo: 40, quincuagesimo: 50, sexagesimo: 60,
};

/**
 * A session number written as digits ("34th", "34e", "34º") or as an ordinal in words, in English,
 * French or Spanish ("twentieth", "trente-quatrième", "quarante et unième", "vigésimo primer").
 * @example
 * readOrdinal("forty-eighth"); // 48
 */
export function readOrdinal(text: string): number | null {
  const digits = /^\s*(\d{1,3})/.exec(text);
  if (digits) return Number(digits[1]);
  let total = 0;
  for (const word of fold(text).split(/[\s-]+/)) {
    if (word === "et" || word === "y" || word === "and") continue;
    const n = UNITS[word];
    if (n === undefined) return total || null;
    total += n;
  }
  return total || null;
}

function symbolOf(text: string): { symbol: string; repaired: boolean } | null {
  const m = SYMBOL.exec(text);
  if (!m) return null;
  const suffix = (m[3] ?? "").replace(/\s+/g, "");
  if (/^\/A$/i.test(suffix)) return { symbol: `A/HRC/${m[1]}/${m[2]}/Add.1`, repaired: true };
  return { symbol: `A/HRC/${m[1]}/${m[2]}${suffix.replace(/^\/add\./i, "/Add.")}`, repaired: false };
}

const SESSION = [
  /\bheld its ([\w-]+(?:[ -][\w-]+)?) session\b/i,
  /\ba tenu sa ([\p{L}\d-]+(?: et [\p{L}-]+)?) session\b/iu,
  /\bcelebr[oó] su ([\p{L}\dºª°.-]+(?: [\p{L}]+)?) per[ií]odo de sesiones\b/iu,
];
const REVIEWED = [
  /\bthe review of (.+?) was held\b/i,
  /\bl['’]examen concernant (?:la |le |les |l['’])?(.+?) a eu lieu\b/i,
  /\bel examen de (.+?) se (?:llev[oó] a cabo|celebr[oó])\b/i,
];

/** A State named by a line: its canonical name, or null. */
function stateNamed(text: string): string | null {
  const t = text.replace(/[*†]+$/, "").trim();
  return findState(t)?.name ?? findState(t.replace(/^(?:the|la|le|les|l['’]|el)\s+/i, ""))?.name ?? null;
}

/**
 * Read a Working Group report's (or addendum's) masthead from its first page, and the Working Group's
 * session and the State from the introduction ("held its twentieth session", "The review of Slovenia was
 * held ..."), in English, French or Spanish.
 * @example
 * readMasthead(lines).symbol; // "A/HRC/28/15"
 */
export function readMasthead(lines: readonly DocLine[]): Masthead {
  const firstPage = lines[0]?.page;
  const head = firstPage === undefined ? lines.slice(0, 60) : lines.filter((l) => l.page === firstPage);
  const info: Masthead = { symbol: null, kind: null, language: null, stateUnderReview: null, hrcSession: null, session: null, title: null, symbolRepaired: false };
  for (const l of head) {
    const s = symbolOf(l.text);
    if (s) {
      info.symbol = s.symbol;
      info.symbolRepaired = s.repaired;
      break;
    }
  }
  const titleAt = head.findIndex((l) => TITLE_START.test(fold(l.text)));
  if (titleAt >= 0) {
    // The title may wrap ("... Universal Periodic" / "Review*"); the State comes on the next line.
    let end = titleAt;
    let title = head[titleAt]!.text;
    while (!TITLE.test(fold(title)) && end + 1 < head.length && end - titleAt < 2) title = `${title} ${head[++end]!.text}`;
    const t = fold(title);
    info.language = t.startsWith("report") ? "en" : t.startsWith("rapport") ? "fr" : "es";
    const titleLines = [title.replace(/\*+/g, "").trim()];
    for (let i = end + 1; i < Math.min(head.length, end + 4); i++) {
      const text = head[i]!.text;
      if (ADDENDUM.test(fold(text))) {
        info.kind = "addendum";
        continue;
      }
      const state = stateNamed(text) ?? (head[i + 1] ? stateNamed(`${text} ${head[i + 1]!.text}`) : null);
      if (state) {
        info.stateUnderReview = state;
        titleLines.push(text.replace(/\*+$/, ""));
        break;
      }
    }
    info.title = titleLines.join(": ");
  }
  if (head.some((l) => ADDENDUM.test(fold(l.text))) || /\/Add\./.test(info.symbol ?? "")) info.kind = "addendum";
  else if (titleAt >= 0) info.kind = "report";
  if (info.symbol) info.hrcSession = Number(/A\/HRC\/(\d+)/.exec(info.symbol)![1]);
  // The introduction (paragraph 1, on the first pages): the Working Group's session and the State.
  const intro = lines.slice(0, 400).map((l) => l.text).join(" ");
  for (const re of SESSION) {
    const m = re.exec(intro);
    if (m?.[1]) {
      info.session = readOrdinal(m[1]);
      if (info.session) break;
    }
  }
  if (!info.stateUnderReview) {
    for (const re of REVIEWED) {
      const m = re.exec(intro);
      const state = m?.[1] ? stateNamed(m[1]) : null;
      if (state) {
        info.stateUnderReview = state;
        break;
      }
    }
  }
  if (!info.language) {
    const f = fold(intro.slice(0, 3000));
    info.language = /\b(the|and|of)\b/.test(f) && !/\b(les|des|los|del)\b/.test(f) ? "en" : /\b(les|des|du)\b/.test(f) ? "fr" : /\b(los|del|las)\b/.test(f) ? "es" : null;
  }
  return info;
}
