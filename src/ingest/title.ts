import { cleanLine } from "../internal/text.js";

/** What a matrix title ("UPR of Slovenia (2nd Cycle – 20th session)") says about the review. */
export interface TitleInfo {
  stateUnderReview: string | null;
  cycle: number | null;
  session: number | null;
}

const WORD_ORDINALS = new Map<string, number>([
  ["first", 1], ["second", 2], ["third", 3], ["fourth", 4], ["fifth", 5],
  ["premier", 1], ["deuxieme", 2], ["second", 2], ["troisieme", 3], ["quatrieme", 4],
  ["primer", 1], ["primero", 1], ["segundo", 2], ["tercer", 3], ["tercero", 3], ["cuarto", 4],
]);

const ORD = String.raw`(?:st|nd|rd|th|e|er|re|eme|ème|ᵉ|º|°|o|a|\.º|\.°)?`;
const STATE = String.raw`(?:UPR|EPU|Universal Periodic Review|Examen périodique universel|Examen Periódico Universal)\s+(?:of|de la|de l['’]|du|des|de|del)\s*(.+?)`;
const CYCLE_NUM = new RegExp(String.raw`(\d)\s*${ORD}\s*(?:cycle|ciclo)`, "i");
const CYCLE_WORD = /\b(first|second|third|fourth|fifth|premier|deuxi[eè]me|troisi[eè]me|quatri[eè]me|primer|primero|segundo|tercer|tercero|cuarto)\s+(?:cycle|ciclo)/i;
const CYCLE_AFTER = /\b(?:cycle|ciclo)\s+(\d)\b/i;
const SESSION = new RegExp(String.raw`(\d{1,2})\s*${ORD}\s*(?:session|sesi[oó]n|per[ií]odo de sesiones)`, "i");
const SESSION_AFTER = /\b(?:session|sesi[oó]n)\s+(\d{1,2})\b/i;

function fold(s: string): string {
  return s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/**
 * Read the State under review, cycle and session from a matrix title or page header.
 * @example
 * readTitle("UPR of Slovenia (2nd Cycle – 20th session) Thematic list of recommendations");
 * // { stateUnderReview: "Slovenia", cycle: 2, session: 20 }
 */
export function readTitle(text: string): TitleInfo {
  const t = cleanLine(text.replace(/\n/g, " "));
  const info: TitleInfo = { stateUnderReview: null, cycle: null, session: null };
  // The State name ends at the "(" that opens the cycle, or at " - Second Cycle", or at the end.
  const state = new RegExp(`${STATE}\\s*(?:\\(\\s*(?=\\d|[A-Za-z]+\\s+(?:cycle|ciclo))|[-–—,]\\s*(?=\\w+\\s+(?:cycle|ciclo))|\\bthematic\\b|\\bliste\\b|\\blista\\b|$)`, "i").exec(t);
  if (state?.[1]) info.stateUnderReview = state[1].replace(/[\s,–—-]+$/, "").trim() || null;
  const c = CYCLE_NUM.exec(t) ?? CYCLE_AFTER.exec(t);
  if (c?.[1]) info.cycle = Number(c[1]);
  else {
    const w = CYCLE_WORD.exec(t);
    if (w?.[1]) info.cycle = WORD_ORDINALS.get(fold(w[1])) ?? null;
  }
  const s = SESSION.exec(t) ?? SESSION_AFTER.exec(t);
  if (s?.[1]) info.session = Number(s[1]);
  return info;
}

/** The UPR cycle a Working Group session belongs to (sessions 1-12, 13-26, 27-40, 41-54, ...). */
export function cycleOfSession(session: number): number | null {
  if (!Number.isInteger(session) || session < 1) return null;
  if (session <= 12) return 1;
  return 2 + Math.floor((session - 13) / 14);
}
