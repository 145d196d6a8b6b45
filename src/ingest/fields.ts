import * as z from "zod";
import { fold } from "../internal/text.js";
import type { Language } from "../schema/source.js";

/** The recommendation fields a source column can be read into. */
export const Field = z.enum([
  "id", "text", "recommendingStates", "stateUnderReview", "position", "themes", "cluster",
  "affectedPersons", "sdgs", "actionCategory", "issues", "session", "cycle", "documentSymbol",
  "assessment", "status", "institutions",
]);
export type Field = z.infer<typeof Field>;

type Lang = Language | "any";

// Header wordings (folded) → field, with the language they reveal. Seen in OHCHR matrices, UHRI and
// UPR Info exports, and in national tracking sheets; French and Spanish forms follow UN usage.
const HEADERS: ReadonlyArray<readonly [Field, Lang, readonly string[]]> = [
  ["id", "en", ["paragraph", "para", "paragraph number", "para no", "no", "number", "rec no", "recommendation no",
    "recommendation number", "ref", "reference", "id", "recommendation id"]],
  ["id", "fr", ["n", "numero", "no de la recommandation", "n de la recommandation", "numero de la recommandation", "paragraphe"]],
  ["id", "es", ["numero de recomendacion", "n de recomendacion", "no de recomendacion", "parrafo"]],
  ["text", "en", ["recommendation", "recommendations", "recommendation text", "text", "recommendation and recommending state",
    "recommendation and recommending states", "recommendations received"]],
  ["text", "fr", ["recommandation", "recommandations", "texte", "texte de la recommandation",
    "recommandation et etat recommandant"]],
  ["text", "es", ["recomendacion", "recomendaciones", "texto", "texto de la recomendacion", "recomendacion y estado recomendante"]],
  ["recommendingStates", "en", ["recommending state", "recommending states", "recommending state s", "from",
    "upr reccomending states", "upr recommending states", "recommending country", "recommending countries", "source state"]],
  ["recommendingStates", "fr", ["etat recommandant", "etats recommandants", "etat s recommandant s", "pays recommandant",
    "pays recommandants", "etat auteur de la recommandation"]],
  ["recommendingStates", "es", ["estado recomendante", "estados recomendantes", "estado s recomendante s",
    "pais recomendante", "estado que recomienda", "paises recomendantes"]],
  ["stateUnderReview", "en", ["to", "state under review", "sur", "countries concerned", "country concerned", "country",
    "state reviewed", "reviewed state"]],
  ["stateUnderReview", "fr", ["etat examine", "pays examine", "etat sous examen", "pays"]],
  ["stateUnderReview", "es", ["estado examinado", "pais examinado", "pais"]],
  ["position", "en", ["position", "positions", "response", "upr position", "position of the state under review",
    "state response", "response of the state", "decision", "position of the state"]],
  ["position", "fr", ["reponse", "position de l etat", "position de l etat examine", "reponse de l etat"]],
  ["position", "es", ["posicion", "respuesta", "posicion del estado", "posicion del estado examinado", "respuesta del estado"]],
  ["themes", "en", ["full list of themes", "themes", "theme s", "human rights themes and groups of persons",
    "human rights themes", "full list of rights affected persons", "full list of rights", "uhri themes"]],
  ["themes", "fr", ["liste complete des themes", "themes", "themes relatifs aux droits de l homme"]],
  ["themes", "es", ["lista completa de temas", "temas", "temas de derechos humanos"]],
  ["cluster", "en", ["theme", "cluster", "thematic cluster", "right or area", "primary theme", "thematic area"]],
  ["cluster", "fr", ["theme", "groupe thematique", "domaine"]],
  ["cluster", "es", ["tema", "grupo tematico", "eje tematico", "area tematica"]],
  ["affectedPersons", "en", ["affected persons", "groups of persons", "affected groups"]],
  ["affectedPersons", "fr", ["personnes concernees", "groupes de personnes"]],
  ["affectedPersons", "es", ["personas afectadas", "grupos de personas"]],
  ["sdgs", "en", ["sdgs", "sdg", "relevant sdgs", "sustainable development goals"]],
  ["sdgs", "fr", ["odd", "objectifs de developpement durable"]],
  ["sdgs", "es", ["ods", "objetivos de desarrollo sostenible"]],
  ["actionCategory", "en", ["action", "action category"]],
  ["actionCategory", "fr", ["categorie d action"]],
  ["actionCategory", "es", ["categoria de accion"]],
  ["issues", "en", ["issue", "issues", "upr info issues"]],
  ["session", "en", ["session", "upr session", "wg session"]],
  ["session", "es", ["sesion", "periodo de sesiones"]],
  ["cycle", "en", ["cycle", "upr cycle"]],
  ["cycle", "es", ["ciclo"]],
  ["documentSymbol", "en", ["document symbol", "symbol", "document"]],
  ["documentSymbol", "fr", ["cote", "cote du document"]],
  ["documentSymbol", "es", ["signatura", "simbolo del documento"]],
  ["assessment", "en", ["assessment comments on level of implementation", "assessment", "comments", "comment",
    "assessment comments", "remarks", "observations", "notes", "actions taken"]],
  ["assessment", "fr", ["evaluation commentaires sur le niveau de mise en oeuvre", "commentaires", "evaluation",
    "observations", "mesures prises"]],
  ["assessment", "es", ["evaluacion comentarios sobre el nivel de aplicacion", "comentarios", "observaciones",
    "evaluacion", "medidas adoptadas"]],
  ["status", "en", ["status", "implementation status", "level of implementation", "status of implementation", "progress"]],
  ["status", "fr", ["etat de mise en oeuvre", "statut", "niveau de mise en oeuvre", "etat d avancement"]],
  ["status", "es", ["situacion", "estado de implementacion", "estado de aplicacion", "nivel de aplicacion", "avance"]],
  ["institutions", "en", ["responsible institution", "responsible institutions", "lead institution", "institution",
    "institutions", "ministry", "responsible ministry", "responsible", "lead agency", "responsible agency"]],
  ["institutions", "fr", ["institution responsable", "institutions responsables", "ministere", "ministere responsable",
    "responsable", "institution chef de file", "ministere chef de file", "chef de file"]],
  ["institutions", "es", ["institucion responsable", "instituciones responsables", "entidad responsable", "ministerio",
    "responsable"]],
];

let index: Map<string, { field: Field; lang: Lang }> | undefined;

function headerIndex(): Map<string, { field: Field; lang: Lang }> {
  if (index) return index;
  index = new Map();
  for (const [field, lang, words] of HEADERS) {
    for (const w of words) if (!index.has(w)) index.set(w, { field, lang });
  }
  return index;
}

/** A header cell read as a field, with the language its wording reveals. */
export interface HeaderMatch {
  field: Field;
  language: Language | null;
}

/**
 * Read a header cell as a recommendation field, by exact wording first and then by keywords.
 * @example
 * matchHeader("Recommandation")?.field; // "text"
 */
export function matchHeader(header: string): HeaderMatch | undefined {
  const key = fold(header).replace(/\s*\*+$/, "");
  if (!key || key.length > 120) return undefined;
  const exact = headerIndex().get(key);
  if (exact) return { field: exact.field, language: exact.lang === "any" ? null : exact.lang };
  // Keyword fallbacks for the many home-made variants ("Recommendation (full text)", "Status 2024").
  const rules: ReadonlyArray<readonly [RegExp, Field]> = [
    [/^(recommendations?|recommandations?|recomendacion(es)?)\b(?!.*\b(state|etat|estado|id|no|number)\b)/, "text"],
    [/\b(recommending|recommandant|recomendante)\b/, "recommendingStates"],
    [/\b(state under review|etat examine|estado examinado)\b/, "stateUnderReview"],
    [/\b(position|response|reponse|respuesta|posicion)\b/, "position"],
    [/\b(implementation|mise en oeuvre|aplicacion|implementacion)\b.*\b(status|etat|estado|level|niveau|nivel)\b|\bstatus\b/, "status"],
    [/\b(assessment|comments?|commentaires?|comentarios?|observa)/, "assessment"],
    [/\b(institutions?|ministr|responsible|responsable|entidad)/, "institutions"],
    [/\bthemes\b|\btemas\b/, "themes"],
    [/\b(affected persons|groups of persons|personnes|personas)\b/, "affectedPersons"],
    [/\bsdgs?\b|\bodd\b|\bods\b/, "sdgs"],
  ];
  for (const [re, field] of rules) if (re.test(key)) return { field, language: null };
  return undefined;
}

/** Fields a user sees listed when a layout cannot be recognised. */
export const EXPECTED_COLUMNS = [
  "Recommendation (text, required)", "Paragraph / No.", "Recommending State", "State under review",
  "Position / Response", "Full list of themes", "Theme (cluster)", "Affected persons", "SDGs", "Action category",
  "Issues", "Session", "Cycle", "Document symbol", "Assessment / comments", "Status", "Responsible institution",
] as const;
