// Status wordings people type in returned workbooks, in English, French and Spanish, mapped onto the
// canonical scale. The drop-down offers the labels; people still type their own words.
import * as z from "zod";
import { resolveOptions } from "../errors/matrix-error.js";
import { Position } from "../schema/recommendation.js";
import type { Language } from "../schema/source.js";
import { Status } from "../schema/status.js";
import { fold } from "../internal/text.js";
import { messagesFor } from "../i18n/index.js";

/** The label of each status in each language (from src/i18n): the drop-down values of exported workbooks. */
export const STATUS_LABELS: Readonly<Record<Language, Readonly<Record<Status, string>>>> = {
  en: messagesFor("en").status,
  fr: messagesFor("fr").status,
  es: messagesFor("es").status,
};

// Other wordings seen in trackers (DOMAIN-DETAIL §7.1: UPR Info MIA, State annexes, IMPACT OSS) and
// their everyday variants. "No action" is context dependent: see normalizeStatus.
const WORDS: Readonly<Record<Status, readonly string[]>> = {
  "not-started": [
    "not started", "not yet started", "not implemented", "not yet implemented", "no progress", "none", "nothing yet",
    "planned", "in preparation", "pending", "to do", "todo", "not begun",
    "non commencé", "pas commencé", "pas encore commencé", "non démarré", "non mis en œuvre", "non mise en œuvre",
    "pas mis en œuvre", "non réalisé", "pas encore", "prévu", "planifié", "en préparation", "en attente", "à faire",
    "no iniciado", "sin iniciar", "no comenzado", "no implementado", "no aplicado", "no cumplido", "no ejecutado",
    "pendiente", "planificado", "previsto", "en preparación", "por hacer",
  ],
  "in-progress": [
    "in progress", "ongoing", "on going", "on-going", "under way", "underway", "started", "in process",
    "in the process of implementation", "being implemented", "initiated", "work in progress", "wip",
    "en cours", "en cours de mise en œuvre", "en cours de réalisation", "en progrès", "commencé", "démarré", "entamé",
    "en curso", "en proceso", "en progreso", "en ejecución", "en marcha", "iniciado", "en implementación",
    "en proceso de implementación", "en trámite",
  ],
  "partially-implemented": [
    "partially implemented", "partly implemented", "partial", "partially", "partly", "partially done",
    "partially completed", "implemented in part", "partially met",
    "partiellement mis en œuvre", "partiellement mise en œuvre", "partiellement", "partiellement réalisé",
    "partiellement appliqué", "mis en œuvre en partie", "mise en œuvre partielle", "partielle",
    "parcialmente implementado", "implementado parcialmente", "parcialmente aplicado", "aplicado parcialmente",
    "parcialmente cumplido", "cumplido parcialmente", "parcial", "parcialmente", "parcialmente ejecutado",
  ],
  "fully-implemented": [
    "fully implemented", "implemented", "done", "completed", "complete", "finished", "achieved", "accomplished",
    "fully met", "met",
    "mis en œuvre", "pleinement mis en œuvre", "entièrement mis en œuvre", "totalement mis en œuvre", "réalisé",
    "terminé", "achevé", "accompli", "fait", "appliqué",
    "implementado", "plenamente implementado", "totalmente implementado", "completamente implementado", "cumplido",
    "completado", "aplicado", "finalizado", "ejecutado", "realizado", "terminado", "hecho",
  ],
  "not-applicable": [
    "not applicable", "n/a", "na", "n a", "not relevant", "irrelevant",
    "non applicable", "sans objet", "s/o", "so", "n/a", "ne s'applique pas",
    "no aplica", "no aplicable", "no procede", "no corresponde",
  ],
  "noted-no-action": [
    "noted - no action", "noted no action", "noted, no action", "noted", "no action planned",
    "notée - aucune action", "pris note - aucune action", "notée", "prise en note", "pris note", "aucune action prévue", "notée sans suite",
    "anotada - sin acción", "anotada - sin medidas", "se tomo nota - sin accion", "anotada", "se toma nota", "tomada nota", "sin acción prevista",
  ],
};

// Gender and number agreement (mise/mis/mises, implementada/implementado): fold long words to a stem.
function stem(word: string): string {
  if (word === "mise" || word === "mises") return "mis";
  if (word.length < 5) return word;
  return word.replace(/s$/, "").replace(/(ee|e|a|o)$/, "");
}

/**
 * A status wording reduced to a lookup key: folded, leading numbering and punctuation dropped, words stemmed.
 * @example
 * statusLookupKey("2 - Mises en œuvre"); // "mis en oeuvr"
 */
export function statusLookupKey(text: string): string {
  const f = fold(text.replace(/^\s*(?:\(?\d{1,2}[).:-]|\d{1,2}\s*[-–—]\s)\s*/, ""));
  return f.split(" ").filter(Boolean).map(stem).join(" ");
}

const AMBIGUOUS_NO_ACTION = new Set(["no action", "aucune action", "sans action", "sin accion", "ninguna accion"].map(statusLookupKey));

const LOOKUP: ReadonlyMap<string, Status> = (() => {
  const m = new Map<string, Status>();
  for (const status of Status.options) {
    m.set(statusLookupKey(status), status);
    for (const lang of Object.values(STATUS_LABELS)) m.set(statusLookupKey(lang[status]), status);
    for (const w of WORDS[status]) if (!m.has(statusLookupKey(w))) m.set(statusLookupKey(w), status);
  }
  return m;
})();

/** What normalizeStatus knows of the recommendation: its position, which decides what "no action" means. */
export const StatusContext = z.object({ position: Position.nullable().optional() });
export type StatusContext = z.input<typeof StatusContext>;

/**
 * Map a status as people write it ("En cours", "ongoing", "done", "Implementada") onto the canonical
 * scale; null when the wording is not recognised. "No action" means `noted-no-action` on a noted
 * recommendation and `not-started` otherwise.
 * @example
 * normalizeStatus("En cours"); // "in-progress"
 * normalizeStatus("Implementada"); // "fully-implemented"
 * normalizeStatus("no action", { position: "noted" }); // "noted-no-action"
 */
export function normalizeStatus(text: string, context: StatusContext = {}): Status | null {
  return statusOf(text, resolveOptions(StatusContext, context, "normalizeStatus").position ?? null);
}

/**
 * normalizeStatus without checking its context, for the package's own loops.
 * @example
 * statusOf("no action", "noted"); // "noted-no-action"
 */
export function statusOf(text: string, position: Position | null): Status | null {
  const key = statusLookupKey(text);
  if (!key) return null;
  if (AMBIGUOUS_NO_ACTION.has(key)) return position === "noted" ? "noted-no-action" : "not-started";
  return LOOKUP.get(key) ?? null;
}

/**
 * The label of a status in a language.
 * @example
 * statusLabel("in-progress", "fr"); // "En cours"
 */
export function statusLabel(status: Status, lang: Language = "en"): string {
  return STATUS_LABELS[lang][status];
}

/**
 * Every label a status list accepts in a language, for messages and drop-downs.
 * @example
 * statusLabels("es")[0]; // "No iniciada"
 */
export function statusLabels(lang: Language = "en"): string[] {
  return Status.options.map((s) => STATUS_LABELS[lang][s]);
}

/**
 * The wording to keep in an event's `statusRaw`: the text as typed, unless it is just the canonical
 * value or its label.
 * @example
 * wordingToKeep("En cours", "in-progress"); // "En cours"
 * wordingToKeep("In progress", "in-progress"); // null
 */
export function wordingToKeep(raw: string | null | undefined, status: Status | null): string | null {
  const t = raw?.trim();
  if (!t) return null;
  if (status !== null && (t === status || t === STATUS_LABELS.en[status])) return null;
  return t;
}
