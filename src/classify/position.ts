import type { Position } from "../schema/recommendation.js";
import { fold } from "../internal/text.js";

/** A normalised position with the wording that decided it. */
export interface PositionReading {
  position: Position;
  /** The matched words, e.g. ["supported", "noted"] for "Supported/Noted". Empty when unknown. */
  evidence: string[];
}

// Folded (lower case, no accents) patterns. Order matters: partial and negated forms first.
const PARTIAL = [
  /\bpartial(?:ly)?\b/, /\bin part\b/, /\bpartly\b/, /\bfirst part\b/, /\bsecond part\b/,
  /\bpartiellement\b/, /\ben partie\b/, /\bparcial(?:mente)?\b/, /\ben parte\b/,
];
const NEGATED_SUPPORT = [
  /\b(?:did|does|do) not (?:enjoy|have|receive|obtain) (?:the |its )?support\b/, /\bnot enjoy(?:ing)? (?:the |its )?support\b/,
  /\bnot in a position to (?:accept|support)\b/, /\bno cuentan? con (?:el )?apoyo\b/,
  /\bn ?'?(?:ont|a) pas (?:recueilli|obtenu) (?:l'?)?(?:appui|adhesion|soutien)\b/, /\bne recueille(?:nt)? pas\b/,
  /\bnot (?:be )?(?:supported|accepted)\b/, /\bdoes not (?:support|accept)\b/, /\bdid not enjoy\b/,
  /\brejected?\b/, /\bnon (?:acceptee?s?|soutenue?s?|retenue?s?)\b/, /\brejetee?s?\b/,
  /\bno (?:aceptad[ao]s?|apoyad[ao]s?)\b/, /\brechazad[ao]s?\b/,
  /\bcan ?not (?:accept|support)\b/, /\bno (?:cuentan?|contaron|conto) con (?:el|su) (?:apoyo|respaldo)\b/,
];
const NOTED = [
  /\bnoted?\b/, /\bnotes\b/, /\btakes? note\b/, /\btaken note\b/, /\btook note\b/,
  /\bnotee?s?\b/, /\bprise? (?:en )?note\b/, /\bprend note\b/, /\bpris acte\b/,
  /\banotad[ao]s?\b/, /\btomad[ao] nota\b/, /\btoma nota\b/, /\btomo nota\b/, /\bse toma nota\b/,
];
const SUPPORTED = [
  /\bsupport(?:ed|s)?\b/, /\baccept(?:ed|s)?\b/, /\bvoluntary pledge\b/, /\benjoys? the support\b/,
  /\bsoutenue?s?\b/, /\bappuyee?s?\b/, /\bacceptee?s?\b/, /\bapprouvee?s?\b/, /\badhesion\b/,
  /\bapoyad[ao]s?\b/, /\baceptad[ao]s?\b/, /\bacepta\b/, /\bcuentan? con el apoyo\b/, /\brecueilli\b/, /\bapoya\b/,
  // Working Group reports: "cuentan con su aprobación/apoyo", "mostró su respaldo", "bénéficient du soutien".
  /\bcuentan? con su (?:apoyo|aprobacion|respaldo)\b/, /\bsu respaldo\b/, /\bbeneficient (?:du soutien|de l'?appui)\b/,
];
const PENDING = [
  /\bpending\b/, /\bdeferred\b/, /\bwill be examined\b/, /\bto be examined\b/, /\bunder consideration\b/,
  /\bconsider(?:ed)?\b/, /\ben attente\b/, /\bsera examinee\b/, /\ben cours d'examen\b/,
  /\bpendiente\b/, /\bsera examinad[ao]\b/, /\ben (?:examen|estudio)\b/,
  // "seront examinées par X, qui y répondra", "X examinará las recomendaciones ... y les dará respuesta".
  /\bseront examinees\b/, /\bexaminera\b/, /\bexaminara\b/, /\bseran examinad[ao]s\b/, /\brepondra\b/, /\bdara (?:su )?respuesta\b/,
];

function matches(text: string, patterns: RegExp[]): string[] {
  const found: string[] = [];
  for (const p of patterns) {
    const m = p.exec(text);
    if (m) found.push(m[0]);
  }
  return found;
}

/**
 * Normalise a position wording in English, French or Spanish.
 * "Supported/Noted" and "supported in part" are `partially-supported`; anything unrecognised is `unknown`.
 * @example
 * readPosition("Se toma nota").position; // "noted"
 */
export function readPosition(raw: string | null | undefined): PositionReading {
  const text = fold(raw ?? "").replace(/^[-–•*\s]+/, "");
  if (!text) return { position: "unknown", evidence: [] };
  let rest = text;
  const negated = matches(rest, NEGATED_SUPPORT);
  for (const n of negated) rest = rest.replace(n, " ");
  const noted = [...negated, ...matches(rest, NOTED)];
  const partial = matches(rest, PARTIAL);
  const supported = matches(rest, SUPPORTED);
  if (partial.length > 0 && (supported.length > 0 || noted.length > 0)) {
    return { position: "partially-supported", evidence: [...partial, ...supported, ...noted] };
  }
  if (supported.length > 0 && noted.length > 0) {
    return { position: "partially-supported", evidence: [...supported, ...noted] };
  }
  if (supported.length > 0) return { position: "supported", evidence: supported };
  if (noted.length > 0) return { position: "noted", evidence: noted };
  const pending = matches(rest, PENDING);
  if (pending.length > 0) return { position: "pending", evidence: pending };
  return { position: "unknown", evidence: [] };
}
