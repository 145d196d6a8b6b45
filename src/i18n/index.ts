// The one source of wordings in English, French and Spanish: positions, statuses, the tracking
// workbook's columns, reports, the filled matrix and the skeletons. Browser-safe data.
import type { Language } from "../schema/source.js";
import { en } from "./en.js";
import { es } from "./es.js";
import { fr } from "./fr.js";
import type { Messages } from "./types.js";

export type { Messages, StatusKey } from "./types.js";
export { CLUSTER_IDS, BASIS_IDS } from "./types.js";

const MESSAGES: Readonly<Record<Language, Messages>> = { en, fr, es };

/**
 * Every wording of a language: positions, statuses, workbook columns, report and skeleton texts.
 * @example
 * messagesFor("fr").position.noted; // "Pris note"
 * messagesFor("es").status["in-progress"]; // "En curso"
 */
export function messagesFor(lang: Language): Messages {
  return MESSAGES[lang];
}

/**
 * The wordings of every language, keyed by language (for readers that accept any of them).
 * @example
 * Object.values(allMessages()).map((m) => m.position.supported); // ["Supported", "Acceptée", "Apoyada"]
 */
export function allMessages(): Readonly<Record<Language, Messages>> {
  return MESSAGES;
}
