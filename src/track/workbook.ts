// The per-institution update workbook, as data: which rows and columns go out, in which language,
// with which instructions; and how its header reads back whatever language or order it comes in.
// Writing and reading the .xlsx itself is in src/xlsx/track-workbook.ts.
import { groupBy, sortBy } from "lodash-es";
import * as z from "zod";
import { resolveOptions } from "../errors/matrix-error.js";
import type { Recommendation } from "../schema/recommendation.js";
import type { Position } from "../schema/recommendation.js";
import { compareParagraphIds } from "../schema/key.js";
import { Language } from "../schema/source.js";
import type { TrackedState } from "../schema/status.js";
import { fold } from "../internal/text.js";
import { messagesFor } from "../i18n/index.js";
import { clusterLabeler, institutionsOf, trackedItems, type TrackedItem } from "./progress.js";
import { statusLabel, statusLabels } from "./status-words.js";

/** Version tag written into every exported workbook. */
export const TRACK_WORKBOOK_FORMAT = "upr-matrix-track/1";

/** One workbook per institution (a recommendation goes to its lead and each supporting institution) or per cluster. */
export const ExportBy = z.enum(["institution", "cluster"]);
export type ExportBy = z.infer<typeof ExportBy>;

/** The columns of the data sheet, in order. */
export const TRACK_COLUMNS = [
  "key", "id", "cluster", "text", "states", "position", "lead", "institutions", "previous",
  "status", "date", "action", "evidence", "indicators", "reportedBy",
] as const;
export type TrackColumn = (typeof TRACK_COLUMNS)[number];

/** The columns people fill in; every other column is protected. */
export const EDITABLE_COLUMNS = ["status", "date", "action", "evidence", "indicators", "reportedBy"] as const;
export type EditableColumn = (typeof EDITABLE_COLUMNS)[number];

/** Column headers in each language (from src/i18n). */
export const COLUMN_LABELS: Readonly<Record<Language, Readonly<Record<TrackColumn, string>>>> = {
  en: messagesFor("en").trackColumns,
  fr: messagesFor("fr").trackColumns,
  es: messagesFor("es").trackColumns,
};

const POSITION_LABELS: Readonly<Record<Language, Readonly<Record<Position, string>>>> = {
  en: messagesFor("en").position,
  fr: messagesFor("fr").position,
  es: messagesFor("es").position,
};

// Extra header wordings people (or older exports) use for the same columns.
const HEADER_SYNONYMS: Readonly<Partial<Record<TrackColumn, readonly string[]>>> = {
  key: ["recommendation key", "clef", "id key"],
  // Older exports headed the cluster column "Theme" / "Thème" / "Tema".
  cluster: ["theme", "cluster", "tema", "groupe thematique", "grupo tematico"],
  id: ["id", "paragraph", "no", "number", "numero", "n", "n o", "recommendation no", "ref", "reference"],
  status: ["implementation status", "status of implementation", "statut de mise en oeuvre", "etat", "estado de implementacion", "estado de aplicacion", "situacion"],
  date: ["date", "fecha", "date of update", "date de mise a jour", "fecha de actualizacion", "as of", "updated"],
  action: ["actions taken", "action", "actions", "measures taken", "comments", "comment", "mesures", "commentaires", "medidas", "acciones", "comentarios", "assessment"],
  evidence: ["evidence", "sources", "links", "documents", "justificatifs", "preuves", "pruebas", "fuentes", "enlaces"],
  indicators: ["indicator", "sdg indicators", "indicateur", "indicador"],
  reportedBy: ["reported by", "focal point", "contact", "name", "point focal", "nom", "punto focal", "nombre"],
};

const headerKey = (text: string) => fold(text.replace(/\([^)]*\)/g, " "));

const HEADER_LOOKUP: ReadonlyMap<string, TrackColumn> = (() => {
  const m = new Map<string, TrackColumn>();
  for (const lang of Object.values(COLUMN_LABELS)) for (const c of TRACK_COLUMNS) m.set(headerKey(lang[c]), c);
  for (const c of TRACK_COLUMNS) for (const s of HEADER_SYNONYMS[c] ?? []) if (!m.has(headerKey(s))) m.set(headerKey(s), c);
  return m;
})();

/**
 * Which column of the update workbook a header names, in English, French or Spanish; null for a
 * column the library did not write (people add their own; those are ignored).
 * @example
 * matchTrackHeader("Statut"); // "status"
 * matchTrackHeader("Fecha de actualización (AAAA-MM-DD)"); // "date"
 */
export function matchTrackHeader(text: string): TrackColumn | null {
  return HEADER_LOOKUP.get(headerKey(text)) ?? null;
}

/** What an exported workbook says about itself (kept in a hidden sheet). */
export interface TrackWorkbookMeta {
  format: string;
  /** The export round: every workbook of one `track export` run shares it. */
  round: string;
  exportedAt: string;
  by: ExportBy;
  /** The institution or cluster the workbook is for. */
  target: string;
  lang: Language;
}

/** One recommendation row, every cell as text (already safe for a spreadsheet). */
export interface TrackRow {
  key: string;
  position: Position;
  values: Record<TrackColumn, string>;
}

/** One workbook to write. */
export interface TrackWorkbookPlan {
  /** A file name made from the target: "ministry-of-justice.xlsx". */
  fileName: string;
  meta: TrackWorkbookMeta;
  rows: TrackRow[];
  /** The drop-down values of the status column. */
  statusOptions: string[];
  /** Lines of the instructions sheet. */
  instructions: string[];
}

/** Options for `planTrackExport`. */
export const TrackExportOptions = z.object({
  by: ExportBy.default("institution"),
  lang: Language.default("en"),
  /** The export round: every workbook of one `track export` run shares it. */
  round: z.string().min(1),
  /** ISO date-time of the export. */
  exportedAt: z.iso.datetime(),
  /** Export only these institutions (or clusters); all by default. */
  only: z.array(z.string()).optional(),
  /**
   * The cluster a recommendation is filed under (for `by: "cluster"` and the cluster column): the report's
   * plain-language clusters, e.g. `(rec) => clusterAssigner({ map, lang })(rec).name`. Default: the matrix theme.
   */
  clusterOf: z.custom<(rec: Recommendation) => string>((v) => typeof v === "function", { message: "expected a function (rec) => cluster name" }).optional(),
});
export type TrackExportOptions = z.input<typeof TrackExportOptions>;

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A file name for a target: ASCII, lower case, dashes; never empty.
 * @example
 * fileSlug("Ministère de la Justice"); // "ministere-de-la-justice"
 */
export function fileSlug(target: string): string {
  const s = fold(target).replace(/'/g, "").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60).replace(/-+$/, "");
  return s || "workbook";
}

function previousUpdate(state: TrackedState | undefined): string {
  const last = state?.actions.at(-1);
  if (!last) return "";
  return `${last.date}${last.by ? ` (${last.by})` : ""}: ${last.text}`;
}

/**
 * Plan the update workbooks of one export round: one per institution (each recommendation goes to
 * its lead and every supporting institution; unassigned ones to "(unassigned)") or one per cluster,
 * rows in cluster then paragraph order, current status filled in.
 * @example
 * const plans = planTrackExport(recommendations, currentStates(events), { round: "2025-06-01T09-00-00Z", exportedAt: "2025-06-01T09:00:00.000Z" });
 * plans.map((p) => p.fileName); // ["ministry-of-health.xlsx", "ministry-of-justice.xlsx", ...]
 */
export function planTrackExport(
  recommendations: readonly Recommendation[],
  states: ReadonlyMap<string, TrackedState>,
  options: TrackExportOptions,
): TrackWorkbookPlan[] {
  const { by, lang, round, exportedAt, only: onlyNames, clusterOf = clusterLabeler(recommendations) } = resolveOptions(TrackExportOptions, options, "planTrackExport");
  const targetsOf = (it: TrackedItem) => {
    const targets = by === "cluster" ? [clusterOf(it.rec)] : institutionsOf(it.rec, it.state);
    return targets.length ? targets : ["(unassigned)"];
  };
  const groups = groupBy(
    trackedItems(recommendations, states).flatMap((it) => targetsOf(it).map((target) => ({ target, it }))),
    "target",
  );
  // A name given exactly selects that target; otherwise case, accents and punctuation are ignored.
  let only: Set<string> | null = null;
  if (onlyNames?.length) {
    only = new Set();
    for (const o of onlyNames) {
      const exact = Object.hasOwn(groups, o.trim()) ? [o.trim()] : Object.keys(groups).filter((t) => fold(t) === fold(o));
      for (const t of exact) only.add(t);
    }
  }
  const names = new Set<string>();
  const plans: TrackWorkbookPlan[] = [];
  for (const target of sortBy(Object.keys(groups))) {
    if (only && !only.has(target)) continue;
    const items = groups[target]!.map((m) => m.it).sort((a, b) => cmp(clusterOf(a.rec), clusterOf(b.rec)) || compareParagraphIds(a.rec.id, b.rec.id) || cmp(a.key, b.key));
    let base = (by === "cluster" ? "cluster-" : "") + fileSlug(target);
    for (let n = 2; names.has(base); n++) base = `${fileSlug(target)}-${n}`;
    names.add(base);
    const meta: TrackWorkbookMeta = { format: TRACK_WORKBOOK_FORMAT, round, exportedAt, by, target, lang };
    const rows = items.map(({ rec, key, state }): TrackRow => {
      const institutions = institutionsOf(rec, state);
      const lead = state?.lead ?? institutions[0] ?? "";
      return {
        key,
        position: rec.position,
        values: {
          key,
          id: rec.id,
          cluster: clusterOf(rec),
          text: rec.text,
          states: rec.recommendingStates.join("; "),
          position: POSITION_LABELS[lang][rec.position],
          lead,
          institutions: institutions.filter((i) => i !== lead).join("; "),
          previous: previousUpdate(state),
          status: state?.status ? statusLabel(state.status, lang) : "",
          date: "",
          action: "",
          evidence: "",
          indicators: "",
          reportedBy: "",
        },
      };
    });
    plans.push({ fileName: `${base}.xlsx`, meta, rows, statusOptions: statusLabels(lang), instructions: instructionLines(meta, rows.length) });
  }
  return plans;
}

const INSTRUCTIONS: Readonly<Record<Language, (m: TrackWorkbookMeta, n: number) => string[]>> = {
  en: (m, n) => [
    `UPR recommendations: implementation update for ${m.target}`,
    `Exported on ${m.exportedAt.slice(0, 10)} (round ${m.round}); ${n} recommendation(s) on the sheet "${dataSheetName(m.lang)}".`,
    "",
    "How to fill in this workbook",
    `1. ${COLUMN_LABELS.en.status}: choose from the drop-down list. It shows the last status recorded; change it only if the situation changed.`,
    `   ${statusLabels("en").join(" | ")}`,
    "   Not started: no action yet. In progress: action under way. Partially implemented: some parts done. Fully implemented: done.",
    "   Not applicable: the recommendation does not apply. Noted - no action: a noted recommendation on which no action is planned.",
    `2. ${COLUMN_LABELS.en.action}: what your institution did since the previous update (laws, policies, budgets, programmes).`,
    `3. ${COLUMN_LABELS.en.evidence}: links or document references, one per line.`,
    `4. ${COLUMN_LABELS.en.indicators}: SDG indicator codes (e.g. 16.3.1) or national indicators, one per line.`,
    `5. ${COLUMN_LABELS.en.date}: the date your update refers to; leave blank for the date the file is read back.`,
    `6. ${COLUMN_LABELS.en.reportedBy}: the name of the person who answered.`,
    "Grey columns are protected. You may sort and filter the rows.",
    "You may add columns for your notes: their text is kept with your answers.",
    "Do not delete the Key column: it identifies each recommendation. Return the file by e-mail as it is (.xlsx).",
  ],
  fr: (m, n) => [
    `Recommandations de l'EPU : point sur la mise en œuvre pour ${m.target}`,
    `Exporté le ${m.exportedAt.slice(0, 10)} (cycle de collecte ${m.round}) ; ${n} recommandation(s) dans la feuille « ${dataSheetName(m.lang)} ».`,
    "",
    "Comment remplir ce classeur",
    `1. ${COLUMN_LABELS.fr.status} : choisissez dans la liste déroulante. Elle indique le dernier statut enregistré ; ne le changez que si la situation a changé.`,
    `   ${statusLabels("fr").join(" | ")}`,
    `2. ${COLUMN_LABELS.fr.action} : ce que votre institution a fait depuis la dernière mise à jour (lois, politiques, budgets, programmes).`,
    `3. ${COLUMN_LABELS.fr.evidence} : liens ou références de documents, un par ligne.`,
    `4. ${COLUMN_LABELS.fr.indicators} : codes d'indicateurs ODD (par ex. 16.3.1) ou indicateurs nationaux, un par ligne.`,
    `5. ${COLUMN_LABELS.fr.date} : la date à laquelle se rapporte votre réponse ; laissez vide pour la date de relecture du fichier.`,
    `6. ${COLUMN_LABELS.fr.reportedBy} : le nom de la personne qui a répondu.`,
    "Les colonnes grises sont protégées. Vous pouvez trier et filtrer les lignes.",
    "Vous pouvez ajouter des colonnes pour vos notes : leur texte est conservé avec vos réponses.",
    "Ne supprimez pas la colonne Clé : elle identifie chaque recommandation. Renvoyez le fichier tel quel (.xlsx).",
  ],
  es: (m, n) => [
    `Recomendaciones del EPU: actualización sobre la aplicación para ${m.target}`,
    `Exportado el ${m.exportedAt.slice(0, 10)} (ronda ${m.round}); ${n} recomendación(es) en la hoja «${dataSheetName(m.lang)}».`,
    "",
    "Cómo completar este libro",
    `1. ${COLUMN_LABELS.es.status}: elija en la lista desplegable. Muestra el último estado registrado; cámbielo solo si la situación cambió.`,
    `   ${statusLabels("es").join(" | ")}`,
    `2. ${COLUMN_LABELS.es.action}: lo que su institución hizo desde la actualización anterior (leyes, políticas, presupuestos, programas).`,
    `3. ${COLUMN_LABELS.es.evidence}: enlaces o referencias de documentos, uno por línea.`,
    `4. ${COLUMN_LABELS.es.indicators}: códigos de indicadores ODS (p. ej. 16.3.1) o indicadores nacionales, uno por línea.`,
    `5. ${COLUMN_LABELS.es.date}: la fecha a la que se refiere su respuesta; déjela en blanco para la fecha en que se lee el archivo.`,
    `6. ${COLUMN_LABELS.es.reportedBy}: el nombre de la persona que respondió.`,
    "Las columnas grises están protegidas. Puede ordenar y filtrar las filas.",
    "Puede añadir columnas para sus notas: su texto se conserva con sus respuestas.",
    "No borre la columna Clave: identifica cada recomendación. Devuelva el archivo tal cual (.xlsx).",
  ],
};

/**
 * The instructions sheet: English first, then the workbook's language when it is French or Spanish.
 * @example
 * instructionLines(meta, 12)[0]; // "UPR recommendations: implementation update for Ministry of Justice"
 */
export function instructionLines(meta: TrackWorkbookMeta, rows: number): string[] {
  const en = INSTRUCTIONS.en(meta, rows);
  return meta.lang === "en" ? en : [...en, "", "", ...INSTRUCTIONS[meta.lang](meta, rows)];
}

/**
 * The name of the data sheet in a language.
 * @example
 * dataSheetName("fr"); // "Recommandations"
 */
export function dataSheetName(lang: Language): string {
  return { en: "Recommendations", fr: "Recommandations", es: "Recomendaciones" }[lang];
}
