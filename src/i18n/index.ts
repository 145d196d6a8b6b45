// The one source of wordings in English, French and Spanish: positions, statuses, the tracking
// workbook's columns, reports, the filled matrix and the skeletons. Browser-safe data.
import type { Language } from "../schema/source.js";
import { en } from "./en.js";
import { es } from "./es.js";
import { fr } from "./fr.js";
import type { Messages } from "./types.js";
import { findState } from "../taxonomy/index.js";
import { STATE_NAMES } from "./state-names.js";

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

/**
 * A State's name in a language, as the UN writes it ("Sénégal", "Türkiye", "Reino Unido de Gran Bretaña e
 * Irlanda del Norte"), found through any of its names; names the taxonomy does not know are kept as given.
 * @example
 * stateName("Kenya", "es"); // "Kenya"
 * stateName("Turkey", "fr"); // "Türkiye"
 * stateName("Czech Republic", "fr"); // "Tchéquie"
 */
export function stateName(name: string, lang: Language): string {
  const known = findState(name);
  if (!known) return name;
  return lang === "en" ? known.name : (STATE_NAMES[known.name]?.[lang] ?? name);
}
