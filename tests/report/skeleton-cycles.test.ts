// The skeletons against the rules of the cycle of the review they prepare, in English, French and Spanish,
// for both kinds, read back from the Word file as a reader sees it: the title formula, the masthead, the
// section headings, the annex layout, and every paragraph id cited in the body and in the annex.
// The expectations are written out here from the real national reports (corpus/national-reports:
// A/HRC/WG.6/7/SVN/1, /20/SVN/1, /34/SVN/1, /48/SVN/1; the UN's French A/HRC/WG.6/7/ITA/1), not computed.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import type { Recommendation } from "../../src/schema/recommendation.js";
import type { Language } from "../../src/schema/source.js";
import { parseMatrix } from "../../src/ingest/parse-matrix.js";
import { writeSkeletonDocx } from "../../src/docx/skeleton.js";
import { messagesFor } from "../../src/i18n/index.js";
import { currentStates } from "../../src/track/ledger.js";
import { sampleEvents } from "../../docs/examples/generate.js";
import { headings, readDocxBlocks, sampleRecs, type DocxBlock } from "./helpers.js";

const TITLES: Record<Language, Record<"c1" | "c23" | "c4", string>> = {
  en: {
    c1: "National report submitted in accordance with paragraph 15 (a) of the annex to Human Rights Council resolution 5/1",
    c23: "National report submitted in accordance with paragraph 5 of the annex to Human Rights Council resolution 16/21",
    c4: "National report submitted pursuant to Human Rights Council resolutions 5/1 and 16/21",
  },
  fr: {
    c1: "Rapport national présenté conformément au paragraphe 15 a) de l'annexe à la résolution 5/1 du Conseil des droits de l'homme",
    c23: "Rapport national présenté conformément au paragraphe 5 de l'annexe à la résolution 16/21 du Conseil des droits de l'homme",
    c4: "Rapport national présenté en application des résolutions 5/1 et 16/21 du Conseil des droits de l'homme",
  },
  es: {
    c1: "Informe nacional presentado con arreglo al párrafo 15 a) del anexo de la resolución 5/1 del Consejo de Derechos Humanos",
    c23: "Informe nacional presentado con arreglo al párrafo 5 del anexo de la resolución 16/21 del Consejo de Derechos Humanos",
    c4: "Informe nacional presentado en virtud de las resoluciones 5/1 y 16/21 del Consejo de Derechos Humanos",
  },
};

// Decision 17/119 A-G; for 4th-cycle reviews, D becomes the follow-up section of the HC letters.
const NATIONAL: Record<Language, { c4: string[]; c23: string[]; annex: string }> = {
  en: {
    c4: [
      "I. Methodology and consultation process",
      "II. Developments since the previous review: normative and institutional framework",
      "III. Follow-up to the previous review",
      "IV. Implementation of recommendations from the previous review",
      "V. Achievements, best practices, challenges and constraints",
      "VI. Key national priorities, initiatives and commitments",
      "VII. Expectations in terms of capacity-building and requests for technical assistance",
    ],
    c23: [
      "I. Methodology and consultation process",
      "II. Developments since the previous review: normative and institutional framework",
      "III. Implementation of recommendations from the previous review",
      "IV. Achievements, best practices, challenges and constraints",
      "V. Key national priorities, initiatives and commitments",
      "VI. Expectations in terms of capacity-building and requests for technical assistance",
    ],
    annex: "Annex",
  },
  fr: {
    c4: [
      "I. Méthodologie et procédures de consultation",
      "II. Évolution depuis l'examen précédent\u00a0: cadre normatif et institutionnel",
      "III. Suite donnée à l'examen précédent",
      "IV. Mise en œuvre des recommandations issues de l'examen précédent",
      "V. Réalisations, meilleures pratiques, difficultés et contraintes",
      "VI. Priorités, initiatives et engagements nationaux",
      "VII. Attentes en matière de renforcement des capacités et demandes d'assistance technique",
    ],
    c23: [
      "I. Méthodologie et procédures de consultation",
      "II. Évolution depuis l'examen précédent\u00a0: cadre normatif et institutionnel",
      "III. Mise en œuvre des recommandations issues de l'examen précédent",
      "IV. Réalisations, meilleures pratiques, difficultés et contraintes",
      "V. Priorités, initiatives et engagements nationaux",
      "VI. Attentes en matière de renforcement des capacités et demandes d'assistance technique",
    ],
    annex: "Annexe",
  },
  es: {
    c4: [
      "I. Metodología y proceso de consulta",
      "II. Novedades desde el examen anterior: marco normativo e institucional",
      "III. Seguimiento del examen anterior",
      "IV. Aplicación de las recomendaciones del examen anterior",
      "V. Logros, mejores prácticas, retos y limitaciones",
      "VI. Prioridades, iniciativas y compromisos nacionales",
      "VII. Expectativas en materia de fomento de la capacidad y solicitudes de asistencia técnica",
    ],
    c23: [
      "I. Metodología y proceso de consulta",
      "II. Novedades desde el examen anterior: marco normativo e institucional",
      "III. Aplicación de las recomendaciones del examen anterior",
      "IV. Logros, mejores prácticas, retos y limitaciones",
      "V. Prioridades, iniciativas y compromisos nacionales",
      "VI. Expectativas en materia de fomento de la capacidad y solicitudes de asistencia técnica",
    ],
    annex: "Anexo",
  },
};

const MID_TERM: Record<Language, { title: (cycle: string) => string; headings: string[] }> = {
  en: {
    title: (c) => `Voluntary mid-term report on the implementation of the recommendations accepted in the ${c} of the Universal Periodic Review`,
    headings: [
      "I. Introduction and methodology",
      "II. Implementation of accepted recommendations",
      "III. Noted recommendations: developments and reconsideration",
      "IV. Challenges, next steps and needs for technical or capacity-building assistance",
    ],
  },
  fr: {
    title: (c) => `Rapport volontaire à mi-parcours sur la mise en œuvre des recommandations acceptées lors du ${c} de l'Examen périodique universel`,
    headings: [
      "I. Introduction et méthodologie",
      "II. Mise en œuvre des recommandations acceptées",
      "III. Recommandations dont il a été pris note\u00a0: évolution et réexamen",
      "IV. Difficultés, prochaines étapes et besoins d'assistance technique ou de renforcement des capacités",
    ],
  },
  es: {
    title: (c) => `Informe voluntario de mitad de período sobre la aplicación de las recomendaciones aceptadas en el ${c} del Examen Periódico Universal`,
    headings: [
      "I. Introducción y metodología",
      "II. Aplicación de las recomendaciones aceptadas",
      "III. Recomendaciones de las que se tomó nota: novedades y reconsideración",
      "IV. Retos, próximos pasos y necesidades de asistencia técnica o de fomento de la capacidad",
    ],
  },
};

const MASTHEAD: Record<Language, string[]> = {
  en: ["United Nations", "General Assembly", "Human Rights Council", "Working Group on the Universal Periodic Review"],
  fr: ["Nations Unies", "Assemblée générale", "Conseil des droits de l'homme", "Groupe de travail sur l'Examen périodique universel"],
  es: ["Naciones Unidas", "Asamblea General", "Consejo de Derechos Humanos", "Grupo de Trabajo sobre el Examen Periódico Universal"],
};

const CYCLE_NAMES: Record<Language, string[]> = {
  en: ["1st cycle", "2nd cycle", "3rd cycle", "4th cycle"],
  fr: ["premier cycle", "deuxième cycle", "troisième cycle", "quatrième cycle"],
  es: ["primer ciclo", "segundo ciclo", "tercer ciclo", "cuarto ciclo"],
};

const paragraphs = (blocks: readonly DocxBlock[]) => blocks.flatMap((b) => (b.kind === "p" ? [b.text] : []));

function expand(list: string): string[] {
  return list.split(/, |; /).flatMap((part) => {
    const p = part.trim().replace(/ \(A\/HRC\/[^)]+\)$/, "");
    const m = /^(\d+)\.(\d+)(?:–(\d+))?$/.exec(p);
    if (!m) return [p];
    const [from, to] = [Number(m[2]), Number(m[3] ?? m[2])];
    return Array.from({ length: to - from + 1 }, (_, i) => `${m[1]}.${from + i}`);
  });
}

/** Paragraph ids cited in the body: the cluster reference lines and the mid-term noted-section lines. */
function citedIds(blocks: readonly DocxBlock[], lang: Language): string[] {
  const SL = messagesFor(lang).skeleton;
  const prefixes = [SL.references(""), SL.notedReferences("")];
  const [notedBefore, notedAfter] = SL.notedIn("\u0000", "\u0001").split("\u0000")[1]!.split("\u0001");
  const ids: string[] = [];
  for (const t of paragraphs(blocks)) {
    const prefix = prefixes.find((p) => t.startsWith(p) && /^(\d|row-)/.test(t.slice(p.length)));
    if (prefix) ids.push(...expand(t.slice(prefix.length)));
    else if (notedBefore && t.includes(notedBefore) && notedAfter === "") ids.push(...expand(t.slice(t.indexOf(notedBefore) + notedBefore.length)));
  }
  return ids;
}

/** Paragraph ids in the annex matrix, one per recommendation row. */
function annexIds(blocks: readonly DocxBlock[]): string[] {
  const annex = [...blocks].reverse().find((b) => b.kind === "table") as Extract<DocxBlock, { kind: "table" }>;
  return annex.rows.slice(1).filter((r) => r.length > 1).map((r) => r[0]!.split(" ")[0]!);
}

const withCycle = (recs: readonly Recommendation[], cycle: number | null) => recs.map((r) => ({ ...r, cycle }));
const g3File = fileURLToPath(new URL("../../fixtures/ohchr-g3-en.docx", import.meta.url));

describe("skeletons follow the cycle of the review they prepare", async () => {
  const g3 = (await parseMatrix(new Uint8Array(readFileSync(g3File)), { file: "ohchr-g3-en.docx" })).recommendations;
  const sample = await sampleRecs();

  // Recommendations of cycle N are reported on for the review of cycle N + 1.
  const CASES: { cycle: number | null; title: "c1" | "c23" | "c4"; structure: "c4" | "c23"; note: "latest" | "unknown" | null }[] = [
    { cycle: 1, title: "c23", structure: "c23", note: null },
    { cycle: 2, title: "c23", structure: "c23", note: null },
    { cycle: 3, title: "c4", structure: "c4", note: null },
    { cycle: 4, title: "c4", structure: "c4", note: "latest" },
    { cycle: null, title: "c4", structure: "c4", note: "unknown" },
  ];

  describe.each(["en", "fr", "es"] as const)("national report in %s", (lang) => {
    test.each(CASES)("recommendations of cycle $cycle", async ({ cycle, title, structure, note }) => {
      const recs = withCycle(g3, cycle);
      const blocks = readDocxBlocks(await writeSkeletonDocx(recs, { lang }));
      expect(headings(blocks, "Title")).toEqual([TITLES[lang][title]]);
      expect(headings(blocks, "Heading1")).toEqual([...NATIONAL[lang][structure], NATIONAL[lang].annex]);
      const text = paragraphs(blocks);
      for (const line of MASTHEAD[lang]) expect(text, line).toContain(line);
      const guide = (blocks.find((b) => b.kind === "table" && b.rows[0]?.[0]?.startsWith(messagesFor(lang).skeleton.guideTitle)) as Extract<DocxBlock, { kind: "table" }>).rows[0]![0]!;
      const G = messagesFor(lang).skeleton.guide;
      if (note === "latest") expect(guide).toContain(G.formulaLatest(messagesFor(lang).cycle(5)));
      if (note === "unknown") expect(guide).toContain(G.formulaUnknownCycle);
      if (note === null) expect(guide).not.toContain(G.formulaUnknownCycle.slice(0, 30));
      // Every recommendation cited in the body and listed once in the annex.
      const ids = recs.map((r) => r.id).sort();
      expect([...new Set(citedIds(blocks, lang))].sort()).toEqual(ids);
      expect(annexIds(blocks).sort()).toEqual(ids);
      // 4th-cycle lists: the annex has the Relevant SDGs column.
      const annexHeader = ([...blocks].reverse().find((b) => b.kind === "table") as Extract<DocxBlock, { kind: "table" }>).rows[0]!;
      const M = messagesFor(lang).matrix;
      expect(annexHeader).toEqual(cycle !== null && cycle >= 4 ? [M.recommendationG3, M.positionG3, M.themesG3, M.sdgsG3, M.assessment] : [M.recommendation, M.position, M.themes, M.assessment]);
    });
  });

  describe.each(["en", "fr", "es"] as const)("mid-term report in %s", (lang) => {
    test.each([2, 3, 4])("recommendations of cycle %i: a Government document on accepted recommendations", async (cycle) => {
      const recs = withCycle(g3, cycle);
      const blocks = readDocxBlocks(await writeSkeletonDocx(recs, { lang, kind: "mid-term" }));
      expect(headings(blocks, "Title")).toEqual([MID_TERM[lang].title(CYCLE_NAMES[lang][cycle - 1]!)]);
      expect(headings(blocks, "Heading1")).toEqual([...MID_TERM[lang].headings, NATIONAL[lang].annex]);
      // No UN masthead line; the Government's name (a placeholder) heads the page.
      const text = paragraphs(blocks);
      for (const line of MASTHEAD[lang]) expect(text).not.toContain(line);
      expect(text[0]).toMatch(/^\[(Government of|Gouvernement de|Gobierno de) /);
      // Accepted recommendations in the clusters' tables, noted ones in section III: every id cited.
      const tables = blocks.filter((b): b is Extract<DocxBlock, { kind: "table" }> => b.kind === "table" && b.rows[0]?.[1] === messagesFor(lang).skeleton.midTable.status);
      const inTables = tables.flatMap((t) => t.rows.slice(1).map((r) => r[0]!.split(" ")[0]!));
      expect(inTables.sort()).toEqual(recs.filter((r) => r.position !== "noted").map((r) => r.id).sort());
      expect([...new Set(citedIds(blocks, lang))].sort()).toEqual(recs.map((r) => r.id).sort());
      expect(annexIds(blocks).sort()).toEqual(recs.map((r) => r.id).sort());
    });
  });

  test.each(["en", "fr", "es"] as const)("the sample (179 recommendations) in %s: every paragraph id in body and annex, both kinds", async (lang) => {
    const states = currentStates(sampleEvents(sample));
    const ids = sample.map((r) => r.id).sort();
    for (const kind of ["national", "mid-term"] as const) {
      const blocks = readDocxBlocks(await writeSkeletonDocx(sample, { lang, kind, states }));
      expect([...new Set(citedIds(blocks, lang))].sort(), kind).toEqual(ids);
      expect(annexIds(blocks).sort(), kind).toEqual(ids);
    }
  });
});
