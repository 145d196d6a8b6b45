// Fixed labels of every report in English, French and Spanish. The matrix headers and prefixes use the
// wordings src/ingest reads back (fields.ts, themes-cell.ts, cell.ts), so a written matrix re-parses.
// Status labels are the tracking drop-down's (src/track/status-words.ts), so reports and the workbooks
// sent to ministries use the same words. French and Spanish UN wordings are not verified against real
// OHCHR files (see docs/report.md).
import type { Language } from "../schema/source.js";
import type { Position } from "../schema/recommendation.js";
import type { Status } from "../schema/status.js";
import { STATUS_LABELS } from "../track/status-words.js";

/** A status as reported, or `untracked` when no ledger entry gives one. */
export type StatusKey = Status | "untracked";

/** Every status key, in the order reports show them (most advanced first). */
export const STATUS_KEYS: readonly StatusKey[] = [
  "fully-implemented",
  "partially-implemented",
  "in-progress",
  "not-started",
  "noted-no-action",
  "not-applicable",
  "untracked",
];

/** Every position, in the order reports show them. */
export const POSITION_KEYS: readonly Position[] = ["supported", "partially-supported", "noted", "pending", "unknown"];

/** The fixed wording of reports in one language. */
export interface Labels {
  position: Record<Position, string>;
  status: Record<StatusKey, string>;
  /** What separates a label from its value: ": ", or "\u00a0: " in French. */
  colon: string;
  /** Ordinal cycle, e.g. "2nd cycle". */
  cycle: (n: number) => string;
  unclustered: string;
  report: {
    title: (who: string) => string;
    severalStates: (n: number) => string;
    summary: string;
    total: string;
    count: string;
    share: string;
    asOf: string;
    sources: string;
    positionByCluster: string;
    statusByCluster: string;
    positionByTopLevel: string;
    implementation: string;
    implementationNote: string;
    group: string;
    assessed: string;
    rate: string;
    fullRate: string;
    themes: string;
    theme: string;
    cluster: string;
    topLevel: string;
    recommendingStates: string;
    state: string;
    regionalGroups: string;
    regionalGroup: string;
    regionalNote: string;
    actionCategories: string;
    actionCategory: string;
    actionCategoryNames: Record<1 | 2 | 3 | 4 | 5, string>;
    noCategory: string;
    institutions: string;
    institution: string;
    asLead: string;
    recommendations: string;
    none: string;
    other: string;
    unknownGroup: string;
    chartNote: string;
    supportedGroup: string;
    notedGroup: string;
    otherGroup: string;
    summaryLine: (total: number, supported: number, noted: number, other: number) => string;
    trackedLine: (tracked: number, total: number) => string;
    untrackedLine: string;
  };
  matrix: {
    recommendation: string;
    position: string;
    themes: string;
    assessment: string;
    status: string;
    lead: string;
    lastUpdate: string;
    key: string;
    themePrefix: string;
    affectedPersons: string;
    sdgs: string;
    sourceOfPosition: string;
    since: string;
    institutions: string;
    actions: string;
    evidence: string;
    indicators: string;
    sourceAssessment: string;
    sheetMatrix: string;
    sheetSummary: string;
    title: (who: string) => string;
  };
}

const ORDINAL_EN = (n: number) => {
  const t = n % 100;
  const s = t >= 11 && t <= 13 ? "th" : n % 10 === 1 ? "st" : n % 10 === 2 ? "nd" : n % 10 === 3 ? "rd" : "th";
  return `${n}${s}`;
};

const EN: Labels = {
  position: {
    supported: "Supported",
    "partially-supported": "Partially supported",
    noted: "Noted",
    pending: "Pending",
    unknown: "Position not stated",
  },
  status: { ...STATUS_LABELS.en, untracked: "Not assessed" },
  colon: ": ",
  cycle: (n) => `${ORDINAL_EN(n)} cycle`,
  unclustered: "Without theme",
  report: {
    title: (who) => `UPR recommendations: ${who}`,
    severalStates: (n) => `${n} States under review`,
    summary: "Summary",
    total: "Total",
    count: "Recommendations",
    share: "Share",
    asOf: "Status as of",
    sources: "Document symbols",
    positionByCluster: "Position by cluster",
    statusByCluster: "Implementation status by cluster",
    positionByTopLevel: "Position by thematic group",
    implementation: "Implementation of supported and noted recommendations",
    implementationNote:
      "Rate: fully or partially implemented, among the recommendations with an assessed status (not applicable excluded); UPR Info calls this share \"triggered action\".",
    group: "Recommendations",
    assessed: "Assessed",
    rate: "Implemented fully or partially",
    fullRate: "Fully implemented",
    themes: "Themes (full list)",
    theme: "Theme",
    cluster: "Cluster",
    topLevel: "Thematic group",
    recommendingStates: "Recommending States",
    state: "State",
    regionalGroups: "Regional groups of recommending States",
    regionalGroup: "Regional group",
    regionalNote:
      "A recommendation made jointly by States of several groups counts once for each group.",
    actionCategories: "Action categories (UPR Info)",
    actionCategory: "Action category",
    actionCategoryNames: {
      1: "1 Minimal action",
      2: "2 Continuing action",
      3: "3 Considering action",
      4: "4 General action",
      5: "5 Specific action",
    },
    noCategory: "Not classified",
    institutions: "Institutions",
    institution: "Institution",
    asLead: "As lead",
    recommendations: "Recommendations by cluster",
    none: "None",
    other: "Other (observer, organisation)",
    unknownGroup: "Not identified",
    chartNote: "Bars show numbers of recommendations.",
    supportedGroup: "Supported (incl. partially)",
    notedGroup: "Noted",
    otherGroup: "Pending or not stated",
    summaryLine: (t, s, n, o) =>
      `${t} recommendations: ${s} supported (including partially supported), ${n} noted${o ? `, ${o} pending or without a stated position` : ""}.`,
    trackedLine: (tr, t) => `${tr} of ${t} recommendations have an implementation status (from the ledger or the source file).`,
    untrackedLine: "No implementation status was given (no ledger, no status column).",
  },
  matrix: {
    recommendation: "Recommendation",
    position: "Position",
    themes: "Full list of themes",
    assessment: "Assessment/comments on level of implementation",
    status: "Implementation status",
    lead: "Lead institution",
    lastUpdate: "Last update",
    key: "Key",
    themePrefix: "Theme:",
    affectedPersons: "Affected persons:",
    sdgs: "SDGs:",
    sourceOfPosition: "Source of position:",
    since: "since",
    institutions: "Institutions",
    actions: "Actions",
    evidence: "Evidence",
    indicators: "Indicators",
    sourceAssessment: "Assessment in the source",
    sheetMatrix: "Matrix",
    sheetSummary: "Summary",
    title: (who) => `UPR of ${who}: Thematic list of recommendations`,
  },
};

const FR: Labels = {
  position: {
    supported: "Soutenue",
    "partially-supported": "Partiellement soutenue",
    noted: "Notée",
    pending: "En attente",
    unknown: "Position non indiquée",
  },
  status: { ...STATUS_LABELS.fr, untracked: "Non évaluée" },
  colon: "\u00a0: ",
  cycle: (n) => `${n}${n === 1 ? "er" : "e"} cycle`,
  unclustered: "Sans thème",
  report: {
    title: (who) => `Recommandations de l'EPU : ${who}`,
    severalStates: (n) => `${n} États examinés`,
    summary: "Résumé",
    total: "Total",
    count: "Recommandations",
    share: "Part",
    asOf: "État au",
    sources: "Cotes des documents",
    positionByCluster: "Position par groupe thématique",
    statusByCluster: "État de mise en œuvre par groupe thématique",
    positionByTopLevel: "Position par grand thème",
    implementation: "Mise en œuvre des recommandations soutenues et notées",
    implementationNote:
      "Taux : pleinement ou partiellement mises en œuvre, parmi les recommandations dont l'état a été évalué (hors « sans objet ») ; UPR Info parle d'« action engagée ».",
    group: "Recommandations",
    assessed: "Évaluées",
    rate: "Mises en œuvre pleinement ou partiellement",
    fullRate: "Pleinement mises en œuvre",
    themes: "Thèmes (liste complète)",
    theme: "Thème",
    cluster: "Groupe thématique",
    topLevel: "Grand thème",
    recommendingStates: "États recommandants",
    state: "État",
    regionalGroups: "Groupes régionaux des États recommandants",
    regionalGroup: "Groupe régional",
    regionalNote: "Une recommandation faite conjointement par des États de plusieurs groupes compte une fois pour chaque groupe.",
    actionCategories: "Catégories d'action (UPR Info)",
    actionCategory: "Catégorie d'action",
    actionCategoryNames: {
      1: "1 Action minimale",
      2: "2 Action continue",
      3: "3 Action envisagée",
      4: "4 Action générale",
      5: "5 Action spécifique",
    },
    noCategory: "Non classée",
    institutions: "Institutions",
    institution: "Institution",
    asLead: "Chef de file",
    recommendations: "Recommandations par groupe thématique",
    none: "Aucune",
    other: "Autre (observateur, organisation)",
    unknownGroup: "Non identifié",
    chartNote: "Les barres indiquent des nombres de recommandations.",
    supportedGroup: "Soutenues (y compris partiellement)",
    notedGroup: "Notées",
    otherGroup: "En attente ou sans position",
    summaryLine: (t, s, n, o) =>
      `${t} recommandations : ${s} soutenues (y compris partiellement), ${n} notées${o ? `, ${o} en attente ou sans position indiquée` : ""}.`,
    trackedLine: (tr, t) => `${tr} recommandations sur ${t} ont un état de mise en œuvre (registre ou fichier source).`,
    untrackedLine: "Aucun état de mise en œuvre n'a été fourni (ni registre, ni colonne d'état).",
  },
  matrix: {
    recommendation: "Recommandation",
    position: "Position de l'État",
    themes: "Liste complète des thèmes",
    assessment: "Évaluation/commentaires sur le niveau de mise en œuvre",
    status: "État de mise en œuvre",
    lead: "Institution chef de file",
    lastUpdate: "Dernière mise à jour",
    key: "Clé",
    themePrefix: "Thème :",
    affectedPersons: "Personnes concernées :",
    sdgs: "ODD :",
    sourceOfPosition: "Source de la position :",
    since: "depuis le",
    institutions: "Institutions",
    actions: "Mesures",
    evidence: "Justificatifs",
    indicators: "Indicateurs",
    sourceAssessment: "Évaluation dans la source",
    sheetMatrix: "Matrice",
    sheetSummary: "Synthèse",
    title: (who) => `EPU : ${who} – Liste thématique des recommandations`,
  },
};

const ES: Labels = {
  position: {
    supported: "Apoyada",
    "partially-supported": "Apoyada parcialmente",
    noted: "Anotada",
    pending: "Pendiente",
    unknown: "Posición no indicada",
  },
  status: { ...STATUS_LABELS.es, untracked: "Sin evaluar" },
  colon: ": ",
  cycle: (n) => `${n}.º ciclo`,
  unclustered: "Sin tema",
  report: {
    title: (who) => `Recomendaciones del EPU: ${who}`,
    severalStates: (n) => `${n} Estados examinados`,
    summary: "Resumen",
    total: "Total",
    count: "Recomendaciones",
    share: "Proporción",
    asOf: "Situación al",
    sources: "Signaturas de los documentos",
    positionByCluster: "Posición por grupo temático",
    statusByCluster: "Estado de aplicación por grupo temático",
    positionByTopLevel: "Posición por gran tema",
    implementation: "Aplicación de las recomendaciones apoyadas y anotadas",
    implementationNote:
      "Tasa: plena o parcialmente aplicadas, entre las recomendaciones con un estado evaluado (sin contar «no aplicable»); UPR Info lo llama «acción iniciada».",
    group: "Recomendaciones",
    assessed: "Evaluadas",
    rate: "Aplicadas plena o parcialmente",
    fullRate: "Plenamente aplicadas",
    themes: "Temas (lista completa)",
    theme: "Tema",
    cluster: "Grupo temático",
    topLevel: "Gran tema",
    recommendingStates: "Estados recomendantes",
    state: "Estado",
    regionalGroups: "Grupos regionales de los Estados recomendantes",
    regionalGroup: "Grupo regional",
    regionalNote: "Una recomendación formulada conjuntamente por Estados de varios grupos cuenta una vez para cada grupo.",
    actionCategories: "Categorías de acción (UPR Info)",
    actionCategory: "Categoría de acción",
    actionCategoryNames: {
      1: "1 Acción mínima",
      2: "2 Acción continua",
      3: "3 Acción a considerar",
      4: "4 Acción general",
      5: "5 Acción específica",
    },
    noCategory: "Sin clasificar",
    institutions: "Instituciones",
    institution: "Institución",
    asLead: "Como responsable principal",
    recommendations: "Recomendaciones por grupo temático",
    none: "Ninguna",
    other: "Otro (observador, organización)",
    unknownGroup: "No identificado",
    chartNote: "Las barras indican números de recomendaciones.",
    supportedGroup: "Apoyadas (incluso parcialmente)",
    notedGroup: "Anotadas",
    otherGroup: "Pendientes o sin posición",
    summaryLine: (t, s, n, o) =>
      `${t} recomendaciones: ${s} apoyadas (incluidas las apoyadas parcialmente), ${n} anotadas${o ? `, ${o} pendientes o sin posición indicada` : ""}.`,
    trackedLine: (tr, t) => `${tr} de ${t} recomendaciones tienen un estado de aplicación (registro o archivo fuente).`,
    untrackedLine: "No se facilitó ningún estado de aplicación (ni registro, ni columna de estado).",
  },
  matrix: {
    recommendation: "Recomendación",
    position: "Posición del Estado",
    themes: "Lista completa de temas",
    assessment: "Evaluación/comentarios sobre el nivel de aplicación",
    status: "Estado de aplicación",
    lead: "Institución responsable",
    lastUpdate: "Última actualización",
    key: "Clave",
    themePrefix: "Tema:",
    affectedPersons: "Personas afectadas:",
    sdgs: "ODS:",
    sourceOfPosition: "Fuente de la posición:",
    since: "desde",
    institutions: "Instituciones",
    actions: "Medidas",
    evidence: "Pruebas",
    indicators: "Indicadores",
    sourceAssessment: "Evaluación en la fuente",
    sheetMatrix: "Matriz",
    sheetSummary: "Resumen",
    title: (who) => `EPU: ${who} – Lista temática de recomendaciones`,
  },
};

const LABELS: Record<Language, Labels> = { en: EN, fr: FR, es: ES };

/**
 * The fixed wording of reports in English, French or Spanish.
 * @example
 * labelsFor("fr").position.noted; // "Notée"
 */
export function labelsFor(lang: Language): Labels {
  return LABELS[lang];
}
