// Every theme and person label of the real lists in the corpus is a term of its file's vocabulary and
// maps to every other vocabulary; each file's vocabulary is detected. Skipped without ../shared/corpus.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { readMatrixFile } from "../../src/node/index.js";
import { detectVocabulary, findTerm, mapTerm, type TermKind, type Vocabulary } from "../../src/taxonomy/index.js";
import { corpusDir, hasCorpus, noticeIfAbsent } from "./corpus.js";

noticeIfAbsent("vocabulary tests over the real lists");

const IDS: Vocabulary[] = ["cycle4", "cycle3", "coded", "numbered"];

const FILES: [string, Vocabulary][] = [
  ["ohchr-matrices/China_2013_matrix.docx", "coded"],
  ["ohchr-matrices/China_2018_matrix.docx", "coded"],
  ["ohchr-matrices/UPR20__Slovenia_ThematicListRecommendations_E.docx", "coded"],
  ["ohchr-matrices/EgyptMatriceRecommendations.docx", "numbered"],
  ...(hasCorpus ? readdirSync(join(corpusDir, "uhri-clusters-3rd-cycle")).filter((f) => f.endsWith(".csv")).sort() : []).map(
    (f): [string, Vocabulary] => [`uhri-clusters-3rd-cycle/${f}`, "cycle4"],
  ),
];

describe.skipIf(!hasCorpus)("vocabularies on the real lists", () => {
  test.each(FILES)("%s: detected as %s; every theme and person label maps to every vocabulary", async (file, expected) => {
    const { recommendations } = await readMatrixFile(join(corpusDir, file));
    expect(recommendations.length).toBeGreaterThan(100);
    const themes = recommendations.flatMap((r) => [...r.themes, ...(r.cluster ? [r.cluster] : [])]);
    const persons = recommendations.flatMap((r) => r.affectedPersons.map((p) => p.name));
    expect(themes.length).toBeGreaterThan(100);
    const guess = detectVocabulary(themes);
    expect(guess.vocabulary).toBe(expected);
    expect(guess.unknown).toBe(0);

    const check = (label: string | { code: string | null; name: string }, kind: TermKind) => {
      // SDG codes in a themes column ("S16 SDG 16 - ...") are goals: the reader moves them to sdgs.
      const term = findTerm(label, { kind, vocabulary: expected });
      expect(term, `${file}: ${JSON.stringify(label)}`).toBeDefined();
      for (const to of IDS) expect(mapTerm(term!, to).length, `${JSON.stringify(label)} → ${to}`).toBeGreaterThan(0);
    };
    for (const t of new Map(themes.map((t) => [`${t.code} ${t.name}`, t])).values()) check(t, "theme");
    for (const p of new Set(persons)) check(p, "person");
  });
});
