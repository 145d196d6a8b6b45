// The four vocabularies and the crosswalk (src/taxonomy/vocabularies.ts): lookups in any generation,
// mappings between every pair, detection of a file's vocabulary.
import { describe, expect, test } from "vitest";
import {
  LINK_CONFIDENCE,
  VOCABULARIES,
  conceptOf,
  detectVocabulary,
  findTerm,
  mapTerm,
  nameIn,
  termByKey,
  termIn,
  vocabularyTerms,
  type TermKind,
  type Vocabulary,
} from "../../src/taxonomy/index.js";

const IDS: Vocabulary[] = ["cycle4", "cycle3", "coded", "numbered"];
const KINDS: TermKind[] = ["theme", "person"];

describe("vocabularies", () => {
  test("four vocabularies, most recent first", () => {
    expect(VOCABULARIES.map((v) => v.id)).toEqual(IDS);
  });

  test.each(KINDS)("%s: every term of every vocabulary maps to every other vocabulary", (kind) => {
    for (const from of IDS) {
      const terms = vocabularyTerms(from, kind).filter((t) => t.level !== 1); // v1 group letters are groups, not themes
      expect(terms.length).toBeGreaterThan(10);
      for (const t of terms) {
        for (const to of IDS) {
          const links = mapTerm(t, to);
          expect(links.length, `${from} ${t.key} → ${to}`).toBeGreaterThan(0);
          for (const l of links) {
            expect(l.to.vocabulary).toBe(to);
            expect(l.confidence).toBeGreaterThan(0);
            expect(l.confidence).toBeLessThanOrEqual(1);
            expect(l.source.length).toBeGreaterThan(0);
          }
          // Strongest first.
          expect(links.map((l) => l.confidence)).toEqual([...links.map((l) => l.confidence)].sort((a, b) => b - a));
          if (links.length > 1) expect(links.every((l) => l.kind === "split")).toBe(true);
        }
      }
    }
  });

  test.each(KINDS)("%s: keys are unique, names and aliases find their term, terms are frozen", (kind) => {
    for (const v of IDS) {
      const terms = vocabularyTerms(v, kind);
      expect(new Set(terms.map((t) => t.key)).size).toBe(terms.length);
      for (const t of terms) {
        expect(Object.isFrozen(t)).toBe(true);
        expect(termByKey(v, t.key, kind)).toBe(t);
        if (v === "cycle4" || v === "cycle3" || kind === "person") {
          for (const label of [t.name, ...t.aliases]) expect(findTerm(label, { kind, vocabulary: v })?.key, label).toBe(t.key);
        }
        expect(t.sources.length).toBeGreaterThan(0);
      }
    }
  });

  test("cycle4 and cycle3 themes share their concept keys; a concept is named in each vocabulary", () => {
    for (const t of vocabularyTerms("cycle4")) {
      expect(conceptOf(t)).toBe(t.key);
      for (const v of IDS) expect(nameIn(t.key, v), `${t.key} in ${v}`).toBeDefined();
    }
  });
});

describe("findTerm", () => {
  test("labels of every generation, in the forms matrices print", () => {
    expect(findTerm("Theme: A12 Acceptance of international norms")).toMatchObject({ vocabulary: "coded", key: "A12" });
    expect(findTerm("a12")).toMatchObject({ vocabulary: "coded", key: "A12" });
    expect(findTerm("Right or area: 2.1. Acceptance of international norms")).toMatchObject({ vocabulary: "numbered", key: "2.1" });
    expect(findTerm("- Ratification of & accession to international instruments")).toMatchObject({ vocabulary: "cycle4", key: "ratification" });
    expect(findTerm("Acceptance of international norms")).toMatchObject({ vocabulary: "cycle3", key: "ratification" });
    expect(findTerm("National Mechanisms for Reporting & Follow-up (NMRF)")).toMatchObject({ vocabulary: "cycle4", key: "nmirf" });
    expect(findTerm("Nothing of the sort")).toBeUndefined();
  });

  test("a code a reader added to an uncoded label does not make it coded", () => {
    expect(findTerm({ code: "A12", name: "Ratification of & accession to international instruments" })).toMatchObject({ vocabulary: "cycle4" });
    expect(findTerm({ code: "A12", name: "Acceptance of international norms" })).toMatchObject({ vocabulary: "coded" });
  });

  test("in a given vocabulary", () => {
    expect(findTerm("Right to health", { vocabulary: "cycle3" })).toMatchObject({ vocabulary: "cycle3", key: "health" });
    expect(findTerm("Right to health", { vocabulary: "coded" })?.key).toBe("E4");
    // v1 names a level-2 and a level-3 code alike: the name finds the specific one.
    expect(findTerm("Equality & non-discrimination", { vocabulary: "coded" })?.key).toBe("B31");
  });

  test("groups of persons", () => {
    expect(findTerm("- women", { kind: "person", vocabulary: "coded" })).toMatchObject({ key: "women", name: "Women" });
    expect(findTerm("Women & girls", { kind: "person" })).toMatchObject({ vocabulary: "cycle4", key: "women" });
    expect(findTerm("Migrant workers", { kind: "person", vocabulary: "numbered" })?.key).toBe("migrants");
  });
});

describe("mapTerm", () => {
  test("renamed one-to-one between cycle3 and cycle4", () => {
    const links = mapTerm(findTerm("Acceptance of international norms", { vocabulary: "cycle3" })!, "cycle4");
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ kind: "one-to-one", confidence: LINK_CONFIDENCE.renamed, basis: ["renamed", "same"] });
    expect(links[0]!.to.name).toBe("Ratification of & accession to international instruments");
  });

  test("split: one current theme covers several v1 codes", () => {
    const links = mapTerm(findTerm("Labour rights and right to work")!, "coded");
    expect(links.map((l) => l.to.key)).toEqual(["E31", "E3", "E32", "E33"]);
    expect(links.every((l) => l.kind === "split")).toBe(true);
  });

  test("merged: several v1 codes map to one current theme", () => {
    for (const code of ["A51", "A53", "A54"]) {
      const [link, ...rest] = mapTerm(termByKey("coded", code)!, "cycle4");
      expect(rest).toHaveLength(0);
      expect(link).toMatchObject({ kind: "merged" });
      expect(link!.to.name).toBe("Human rights education, trainings & awareness raising");
    }
  });

  test("the strongest link first, and termIn gives it", () => {
    const a12 = termByKey("coded", "A12")!;
    expect(mapTerm(a12, "cycle4").map((l) => l.to.key)).toEqual(["ratification", "reservations"]);
    expect(termIn(a12, "cycle4")?.key).toBe("ratification");
    expect(termIn(termByKey("numbered", "29.2")!, "cycle4")?.key).toBe("gender-based-violence");
    expect(termIn(findTerm("Domestic violence", { vocabulary: "cycle3" })!, "cycle4")?.name).toBe("Sexual & gender-based violence");
  });

  test("groups of persons across generations", () => {
    const women = findTerm("Women", { kind: "person", vocabulary: "coded" })!;
    expect(termIn(women, "cycle4")?.name).toBe("Women & girls");
    const general = findTerm("General", { kind: "person", vocabulary: "coded" })!;
    expect(mapTerm(general, "cycle4")[0]).toMatchObject({ confidence: LINK_CONFIDENCE.nearest });
    expect(termIn(general, "cycle4")?.name).toBe("Public officials");
    expect(termIn(findTerm("Judiciary", { kind: "person", vocabulary: "numbered" })!, "cycle4")?.name).toBe("Judges, lawyers and prosecutors");
  });

  test("a term maps to itself in its own vocabulary", () => {
    const t = findTerm("Death penalty")!;
    expect(mapTerm(t, t.vocabulary)).toEqual([expect.objectContaining({ to: t, kind: "one-to-one", confidence: 1 })]);
  });
});

describe("detectVocabulary", () => {
  test("codes written in the label decide", () => {
    expect(detectVocabulary(["Theme: A12 Acceptance of international norms", "D23 Death penalty"]).vocabulary).toBe("coded");
    expect(detectVocabulary(["Right or area: 2.1. Acceptance of international norms"]).vocabulary).toBe("numbered");
  });

  test("names only one generation has decide; shared names count for all", () => {
    expect(detectVocabulary([{ code: "A12", name: "Ratification of & accession to international instruments" }, { code: "B31", name: "Equality & non-discrimination" }]).vocabulary).toBe("cycle4");
    const c3 = detectVocabulary([
      { code: "A12", name: "Acceptance of international norms" },
      { code: "E3", name: "Right to work and to just & favorable conditions of work & labour rights" },
    ]);
    expect(c3.vocabulary).toBe("cycle3");
    expect(c3.distinctive.cycle3).toBe(1);
    expect(detectVocabulary(["Right to health", "Right to education"]).vocabulary).toBe("cycle4");
  });

  test("persons", () => {
    expect(detectVocabulary(["Women & girls", "Public officials"], "person").vocabulary).toBe("cycle4");
    expect(detectVocabulary(["general", "women"], "person").vocabulary).toBe("coded");
  });

  test("nothing known", () => {
    expect(detectVocabulary(["Something else"])).toMatchObject({ vocabulary: null, unknown: 1 });
    expect(detectVocabulary([]).vocabulary).toBeNull();
  });
});
