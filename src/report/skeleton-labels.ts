// Fixed wording of the national-report and mid-term skeletons in English, French and Spanish.
// Section titles follow HRC decision 17/119 (sections A-G) as summarised in docs/report.md; the exact
// headings of OHCHR's 3rd-cycle Guidance Note were not available and are not claimed here.
import type { Language } from "../schema/source.js";

/** Section identifiers of both skeletons. */
export type SectionId =
  | "methodology"
  | "developments"
  | "implementation"
  | "pledges"
  | "noted"
  | "achievements"
  | "priorities"
  | "capacity"
  | "midIntro"
  | "midImplementation"
  | "midNoted"
  | "midChallenges";

/** The fixed wording of a skeleton in one language. */
export interface SkeletonLabels {
  un: string;
  generalAssembly: string;
  hrc: string;
  workingGroup: string;
  nationalTitle: string;
  midTermTitle: (cycle: string) => string;
  fields: {
    symbol: string;
    session: string;
    dates: string;
    state: string;
    review: string;
    reportedOn: string;
    language: string;
    submitted: string;
    preparedBy: string;
  };
  languageName: string;
  toComplete: string;
  guideTitle: string;
  guide: (limit: number, official: boolean) => string[];
  budgetTitle: string;
  budgetSection: string;
  budgetWords: string;
  budgetTotal: string;
  aboutWords: (n: number) => string;
  sections: Record<SectionId, string>;
  prompts: Record<SectionId, string>;
  clusterPrompt: string;
  midClusterPrompt: string;
  references: (list: string) => string;
  notedIn: (cluster: string, list: string) => string;
  notesTitle: string;
  noRecord: string;
  midTable: { recommendation: string; status: string; measures: string; institution: string; challenges: string };
  annexTitle: string;
  annexSubtitle: string;
  annexNote: string;
}

const EN: SkeletonLabels = {
  un: "United Nations",
  generalAssembly: "General Assembly",
  hrc: "Human Rights Council",
  workingGroup: "Working Group on the Universal Periodic Review",
  nationalTitle: "National report submitted in accordance with paragraph 5 of the annex to Human Rights Council resolution 16/21",
  midTermTitle: (c) => `Voluntary mid-term report on the implementation of the recommendations received in the ${c} of the Universal Periodic Review`,
  fields: {
    symbol: "Document symbol",
    session: "Working Group session",
    dates: "Dates of the session",
    state: "State under review",
    review: "Review",
    reportedOn: "Recommendations reported on",
    language: "Original language",
    submitted: "Date of submission",
    preparedBy: "Prepared by",
  },
  languageName: "English",
  toComplete: "to be completed",
  guideTitle: "How to use this skeleton (delete this box before submission)",
  guide: (limit, official) => [
    official
      ? `The national report may not exceed ${formatCount(limit, "en")} words; annexes such as the matrix below are not counted (OHCHR Guidance Note, third cycle). The budgets per section add up to that limit.`
      : `Suggested length: about ${formatCount(limit, "en")} words (no official limit is set for mid-term reports); annexes are not counted.`,
    "Text in [square brackets, highlighted] is for you to replace.",
    "Shaded working notes list each recommendation with the status and actions recorded in the ledger: use them to write, then delete them.",
    "Cite each recommendation by its paragraph number and the document symbol of the Working Group report, and report cluster by cluster on both supported and noted recommendations.",
  ],
  budgetTitle: "Word budget",
  budgetSection: "Section",
  budgetWords: "Words",
  budgetTotal: "Total (annexes not counted)",
  aboutWords: (n) => `Word budget: about ${formatCount(n, "en")} words.`,
  sections: {
    methodology: "Methodology and consultation process",
    developments: "Developments since the previous review: normative and institutional framework",
    implementation: "Implementation of supported recommendations and voluntary pledges",
    pledges: "Voluntary pledges and commitments",
    noted: "Recommendations that were noted",
    achievements: "Achievements, best practices, challenges and constraints",
    priorities: "Key national priorities, initiatives and commitments",
    capacity: "Expectations in terms of capacity-building and requests for technical assistance",
    midIntro: "Introduction and methodology",
    midImplementation: "Implementation of supported recommendations",
    midNoted: "Recommendations that were noted",
    midChallenges: "Challenges, next steps and technical assistance needs",
  },
  prompts: {
    methodology: "Describe how the report was prepared: the national mechanism for implementation, reporting and follow-up, the ministries involved, the consultations held with the national human rights institution and civil society (dates, participants), and any mid-term report submitted.",
    developments: "Describe the changes since the previous review in the constitution, legislation, policies, case law and institutions (including the national human rights institution), and in the scope of international obligations (ratifications, withdrawn reservations).",
    implementation: "Introduce the clusters below and how recommendations are numbered in this report.",
    pledges: "List the voluntary pledges and commitments made at the previous review and what was done to honour each one.",
    noted: "Describe developments concerning the recommendations the State noted, cluster by cluster, and any change in its position.",
    achievements: "Describe the main achievements and best practices since the previous review, and the challenges and constraints met in implementing the recommendations.",
    priorities: "State the key national priorities, initiatives and commitments to overcome these challenges and improve the situation on the ground.",
    capacity: "State the capacity-building and technical assistance the State expects or requests, and the support received since the previous review.",
    midIntro: "Describe the purpose of this voluntary mid-term report, the period covered, how information was collected from ministries and who was consulted.",
    midImplementation: "Introduce the clusters below.",
    midNoted: "Describe any developments concerning the recommendations the State noted.",
    midChallenges: "Describe the main challenges, the next steps until the next review and the technical assistance needed.",
  },
  clusterPrompt: "Describe the measures taken to implement these recommendations since the previous review (laws, policies, institutions, budgets, results and data), citing each recommendation by its number.",
  midClusterPrompt: "Summarise progress in this cluster; complete the table.",
  references: (list) => `Recommendations ${list}`,
  notedIn: (cluster, list) => `${cluster}: recommendations ${list}`,
  notesTitle: "Recorded in the ledger (working notes: delete before submission)",
  noRecord: "no status recorded",
  midTable: {
    recommendation: "Recommendation",
    status: "Status",
    measures: "Measures taken",
    institution: "Responsible institution",
    challenges: "Challenges and next steps",
  },
  annexTitle: "Annex",
  annexSubtitle: "Matrix of recommendations and their implementation",
  annexNote: "Recommendations clustered by theme, with the position of the State and the assessment recorded. Annexes do not count towards the word limit.",
};

const FR: SkeletonLabels = {
  un: "Nations Unies",
  generalAssembly: "Assemblée générale",
  hrc: "Conseil des droits de l'homme",
  workingGroup: "Groupe de travail sur l'Examen périodique universel",
  nationalTitle: "Rapport national présenté conformément au paragraphe 5 de l'annexe à la résolution 16/21 du Conseil des droits de l'homme",
  midTermTitle: (c) => `Rapport volontaire à mi-parcours sur la mise en œuvre des recommandations reçues lors du ${c} de l'Examen périodique universel`,
  fields: {
    symbol: "Cote du document",
    session: "Session du Groupe de travail",
    dates: "Dates de la session",
    state: "État examiné",
    review: "Examen",
    reportedOn: "Recommandations faisant l'objet du rapport",
    language: "Langue originale",
    submitted: "Date de soumission",
    preparedBy: "Établi par",
  },
  languageName: "français",
  toComplete: "à compléter",
  guideTitle: "Mode d'emploi de ce canevas (supprimer cet encadré avant la soumission)",
  guide: (limit, official) => [
    official
      ? `Le rapport national ne peut dépasser ${formatCount(limit, "fr")} mots ; les annexes, telles que la matrice ci-dessous, ne sont pas comptées (note d'orientation du HCDH, troisième cycle). Les budgets par section totalisent cette limite.`
      : `Longueur suggérée : environ ${formatCount(limit, "fr")} mots (aucune limite officielle pour les rapports à mi-parcours) ; les annexes ne sont pas comptées.`,
    "Le texte [entre crochets, surligné] est à remplacer.",
    "Les notes de travail grisées donnent pour chaque recommandation l'état et les mesures enregistrés dans le registre : utilisez-les pour rédiger, puis supprimez-les.",
    "Citez chaque recommandation par son numéro de paragraphe et la cote du rapport du Groupe de travail, et rendez compte groupe thématique par groupe thématique des recommandations soutenues comme de celles dont il a été pris note.",
  ],
  budgetTitle: "Budget de mots",
  budgetSection: "Section",
  budgetWords: "Mots",
  budgetTotal: "Total (annexes non comptées)",
  aboutWords: (n) => `Budget : environ ${formatCount(n, "fr")} mots.`,
  sections: {
    methodology: "Méthodologie et processus de consultation",
    developments: "Évolution depuis l'examen précédent : cadre normatif et institutionnel",
    implementation: "Mise en œuvre des recommandations soutenues et des engagements volontaires",
    pledges: "Engagements volontaires",
    noted: "Recommandations dont il a été pris note",
    achievements: "Réalisations, meilleures pratiques, difficultés et contraintes",
    priorities: "Priorités, initiatives et engagements nationaux",
    capacity: "Attentes en matière de renforcement des capacités et demandes d'assistance technique",
    midIntro: "Introduction et méthodologie",
    midImplementation: "Mise en œuvre des recommandations soutenues",
    midNoted: "Recommandations dont il a été pris note",
    midChallenges: "Difficultés, prochaines étapes et besoins d'assistance technique",
  },
  prompts: {
    methodology: "Décrire l'élaboration du rapport : le mécanisme national de mise en œuvre, d'établissement de rapports et de suivi, les ministères associés, les consultations menées avec l'institution nationale des droits de l'homme et la société civile (dates, participants), et tout rapport à mi-parcours soumis.",
    developments: "Décrire l'évolution depuis l'examen précédent de la Constitution, de la législation, des politiques, de la jurisprudence et des institutions (dont l'institution nationale des droits de l'homme), et de l'étendue des obligations internationales (ratifications, réserves retirées).",
    implementation: "Présenter les groupes thématiques ci-dessous et la numérotation des recommandations dans ce rapport.",
    pledges: "Énumérer les engagements volontaires pris lors de l'examen précédent et les mesures prises pour honorer chacun d'eux.",
    noted: "Décrire l'évolution concernant les recommandations dont l'État a pris note, groupe par groupe, et tout changement de position.",
    achievements: "Décrire les principales réalisations et meilleures pratiques depuis l'examen précédent, ainsi que les difficultés et contraintes rencontrées dans la mise en œuvre des recommandations.",
    priorities: "Indiquer les priorités, initiatives et engagements nationaux pour surmonter ces difficultés et améliorer la situation sur le terrain.",
    capacity: "Indiquer le renforcement des capacités et l'assistance technique que l'État attend ou demande, et l'appui reçu depuis l'examen précédent.",
    midIntro: "Décrire l'objet de ce rapport volontaire à mi-parcours, la période couverte, la collecte des informations auprès des ministères et les personnes consultées.",
    midImplementation: "Présenter les groupes thématiques ci-dessous.",
    midNoted: "Décrire toute évolution concernant les recommandations dont l'État a pris note.",
    midChallenges: "Décrire les principales difficultés, les prochaines étapes jusqu'au prochain examen et l'assistance technique nécessaire.",
  },
  clusterPrompt: "Décrire les mesures prises pour mettre en œuvre ces recommandations depuis l'examen précédent (lois, politiques, institutions, budgets, résultats et données), en citant chaque recommandation par son numéro.",
  midClusterPrompt: "Résumer les progrès dans ce groupe thématique ; compléter le tableau.",
  references: (list) => `Recommandations ${list}`,
  notedIn: (cluster, list) => `${cluster}\u00a0: recommandations ${list}`,
  notesTitle: "Enregistré dans le registre (notes de travail : à supprimer avant la soumission)",
  noRecord: "aucun état enregistré",
  midTable: {
    recommendation: "Recommandation",
    status: "État",
    measures: "Mesures prises",
    institution: "Institution responsable",
    challenges: "Difficultés et prochaines étapes",
  },
  annexTitle: "Annexe",
  annexSubtitle: "Matrice des recommandations et de leur mise en œuvre",
  annexNote: "Recommandations regroupées par thème, avec la position de l'État et l'évaluation enregistrée. Les annexes ne sont pas comptées dans la limite de mots.",
};

const ES: SkeletonLabels = {
  un: "Naciones Unidas",
  generalAssembly: "Asamblea General",
  hrc: "Consejo de Derechos Humanos",
  workingGroup: "Grupo de Trabajo sobre el Examen Periódico Universal",
  nationalTitle: "Informe nacional presentado con arreglo al párrafo 5 del anexo de la resolución 16/21 del Consejo de Derechos Humanos",
  midTermTitle: (c) => `Informe voluntario de mitad de período sobre la aplicación de las recomendaciones recibidas en el ${c} del Examen Periódico Universal`,
  fields: {
    symbol: "Signatura del documento",
    session: "Período de sesiones del Grupo de Trabajo",
    dates: "Fechas del período de sesiones",
    state: "Estado examinado",
    review: "Examen",
    reportedOn: "Recomendaciones objeto del informe",
    language: "Idioma original",
    submitted: "Fecha de presentación",
    preparedBy: "Preparado por",
  },
  languageName: "español",
  toComplete: "por completar",
  guideTitle: "Cómo usar este esquema (suprimir este recuadro antes de la presentación)",
  guide: (limit, official) => [
    official
      ? `El informe nacional no puede superar las ${formatCount(limit, "es")} palabras; los anexos, como la matriz siguiente, no se cuentan (nota orientativa del ACNUDH, tercer ciclo). Los presupuestos por sección suman ese límite.`
      : `Extensión sugerida: unas ${formatCount(limit, "es")} palabras (no hay límite oficial para los informes de mitad de período); los anexos no se cuentan.`,
    "El texto [entre corchetes, resaltado] debe sustituirse.",
    "Las notas de trabajo sombreadas indican para cada recomendación el estado y las medidas registrados: úselas para redactar y luego suprímalas.",
    "Cite cada recomendación por su número de párrafo y la signatura del informe del Grupo de Trabajo, e informe grupo temático por grupo temático sobre las recomendaciones apoyadas y las anotadas.",
  ],
  budgetTitle: "Presupuesto de palabras",
  budgetSection: "Sección",
  budgetWords: "Palabras",
  budgetTotal: "Total (sin contar los anexos)",
  aboutWords: (n) => `Presupuesto: unas ${formatCount(n, "es")} palabras.`,
  sections: {
    methodology: "Metodología y proceso de consulta",
    developments: "Novedades desde el examen anterior: marco normativo e institucional",
    implementation: "Aplicación de las recomendaciones apoyadas y de los compromisos voluntarios",
    pledges: "Promesas y compromisos voluntarios",
    noted: "Recomendaciones de las que se tomó nota",
    achievements: "Logros, mejores prácticas, retos y limitaciones",
    priorities: "Prioridades, iniciativas y compromisos nacionales",
    capacity: "Expectativas en materia de fomento de la capacidad y solicitudes de asistencia técnica",
    midIntro: "Introducción y metodología",
    midImplementation: "Aplicación de las recomendaciones apoyadas",
    midNoted: "Recomendaciones de las que se tomó nota",
    midChallenges: "Retos, próximos pasos y necesidades de asistencia técnica",
  },
  prompts: {
    methodology: "Describa cómo se preparó el informe: el mecanismo nacional de aplicación, presentación de informes y seguimiento, los ministerios participantes, las consultas con la institución nacional de derechos humanos y la sociedad civil (fechas, participantes) y cualquier informe de mitad de período presentado.",
    developments: "Describa los cambios desde el examen anterior en la Constitución, la legislación, las políticas, la jurisprudencia y las instituciones (incluida la institución nacional de derechos humanos), y en el alcance de las obligaciones internacionales (ratificaciones, reservas retiradas).",
    implementation: "Presente los grupos temáticos siguientes y la numeración de las recomendaciones en este informe.",
    pledges: "Enumere las promesas y compromisos voluntarios asumidos en el examen anterior y lo hecho para cumplir cada uno.",
    noted: "Describa la evolución relativa a las recomendaciones de las que el Estado tomó nota, grupo por grupo, y cualquier cambio de posición.",
    achievements: "Describa los principales logros y mejores prácticas desde el examen anterior, y los retos y limitaciones encontrados al aplicar las recomendaciones.",
    priorities: "Indique las prioridades, iniciativas y compromisos nacionales para superar esos retos y mejorar la situación sobre el terreno.",
    capacity: "Indique el fomento de la capacidad y la asistencia técnica que el Estado espera o solicita, y el apoyo recibido desde el examen anterior.",
    midIntro: "Describa el propósito de este informe voluntario de mitad de período, el período abarcado, cómo se reunió la información de los ministerios y a quién se consultó.",
    midImplementation: "Presente los grupos temáticos siguientes.",
    midNoted: "Describa cualquier novedad relativa a las recomendaciones de las que el Estado tomó nota.",
    midChallenges: "Describa los principales retos, los próximos pasos hasta el próximo examen y la asistencia técnica necesaria.",
  },
  clusterPrompt: "Describa las medidas adoptadas para aplicar estas recomendaciones desde el examen anterior (leyes, políticas, instituciones, presupuestos, resultados y datos), citando cada recomendación por su número.",
  midClusterPrompt: "Resuma los avances en este grupo temático; complete el cuadro.",
  references: (list) => `Recomendaciones ${list}`,
  notedIn: (cluster, list) => `${cluster}: recomendaciones ${list}`,
  notesTitle: "Registrado en el registro (notas de trabajo: suprimir antes de la presentación)",
  noRecord: "sin estado registrado",
  midTable: {
    recommendation: "Recomendación",
    status: "Estado",
    measures: "Medidas adoptadas",
    institution: "Institución responsable",
    challenges: "Retos y próximos pasos",
  },
  annexTitle: "Anexo",
  annexSubtitle: "Matriz de las recomendaciones y de su aplicación",
  annexNote: "Recomendaciones agrupadas por tema, con la posición del Estado y la evaluación registrada. Los anexos no se cuentan en el límite de palabras.",
};

const LABELS: Record<Language, SkeletonLabels> = { en: EN, fr: FR, es: ES };

const THOUSANDS: Record<Language, string> = { en: ",", fr: "\u00a0", es: "." };

/**
 * A whole number with the language's thousands separator ("10,700", "10 700", "10.700").
 * @example
 * formatCount(10700, "fr"); // "10\u00a0700"
 */
export function formatCount(n: number, lang: Language): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, THOUSANDS[lang]);
}

/**
 * The fixed wording of the skeletons in English, French or Spanish.
 * @example
 * skeletonLabelsFor("es").sections.methodology; // "Metodología y proceso de consulta"
 */
export function skeletonLabelsFor(lang: Language): SkeletonLabels {
  return LABELS[lang];
}
