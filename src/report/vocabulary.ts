// Theme and group-of-persons names in one vocabulary per output: the file's own (detected from the themes
// it gives) or the one asked for, so that a report, a workbook or a skeleton never mixes "A12 Acceptance of
// international norms" with "Ratification of & accession to international instruments". Names are mapped
// through the crosswalk of src/taxonomy; a label the crosswalk does not know is shown as given.
import type { ThemeLabel, PersonLabel, Recommendation, Vocabulary } from "../schema/recommendation.js";
import { detectVocabulary, lookUpTerm, termIn, type Term } from "../taxonomy/vocabularies.js";

/** Display names in one vocabulary. */
export interface Namer {
  /** The vocabulary names are shown in; null when no theme of the input is known (names as given). */
  vocabulary: Vocabulary | null;
  theme(t: Pick<ThemeLabel, "code" | "name"> & { vocabulary?: Vocabulary | undefined }): { code: string | null; name: string };
  person(p: Pick<PersonLabel, "name"> & { vocabulary?: Vocabulary | undefined }): string;
}

const codeOf = (t: Term) => (t.vocabulary === "coded" || t.vocabulary === "numbered" ? t.key : null);

/**
 * A namer for some recommendations: in `vocabulary` when given, else in the vocabulary their given themes
 * are written in (detectVocabulary); results are memoised per label.
 * @example
 * const names = namerFor(recommendations, "cycle4");
 * names.theme({ code: "A12", name: "Acceptance of international norms" }).name; // "Ratification of & accession to international instruments"
 */
export function namerFor(recommendations: readonly Pick<Recommendation, "themes" | "cluster">[], vocabulary?: Vocabulary | null): Namer {
  let target = vocabulary ?? null;
  if (!target) {
    const given: { code: string | null; name: string }[] = [];
    for (const r of recommendations) {
      if (r.cluster) given.push(r.cluster);
      for (const t of r.themes) if (t.source === "matrix") given.push(t);
      if (given.length > 5000) break; // enough to tell
    }
    // Only labels one vocabulary alone has decide: when every label is shared (coded and cycle3 name many
    // themes alike), names stay as the file gives them.
    const guess = detectVocabulary(given);
    target = guess.vocabulary && guess.distinctive[guess.vocabulary] > 0 ? guess.vocabulary : null;
  }
  const themes = new Map<string, { code: string | null; name: string }>();
  const persons = new Map<string, string>();
  return {
    vocabulary: target,
    theme(t) {
      if (!target || t.vocabulary === target) return { code: t.code, name: t.name };
      const k = `${t.code ?? ""}\u0000${t.name}`;
      let hit = themes.get(k);
      if (!hit) {
        // A name the target vocabulary has too (coded and cycle3 share many) is kept as written.
        const own = lookUpTerm(t.name, { vocabulary: target });
        const term = own ? undefined : lookUpTerm({ code: t.code, name: t.name });
        const to = term && term.vocabulary !== target ? termIn(term, target) : undefined;
        // The uncoded vocabularies print no codes: a kept name loses the v1 code readers gave it.
        const uncoded = target === "cycle4" || target === "cycle3";
        // A kept name takes the target's code: "Acceptance of international norms" is A12 in coded, 2.1 in numbered.
        // Asked for a vocabulary, its own spelling ("... and alternative care", not "... & alternative care").
        hit = to ? { code: codeOf(to), name: to.name } : own ? { code: codeOf(own), name: vocabulary ? own.name : t.name } : { code: uncoded && term ? null : t.code, name: t.name };
        themes.set(k, hit);
      }
      return hit;
    },
    person(p) {
      if (!target || p.vocabulary === target) return p.name;
      let hit = persons.get(p.name);
      if (hit === undefined) {
        const own = lookUpTerm(p.name, { kind: "person", vocabulary: target });
        const term = own ? undefined : lookUpTerm(p.name, { kind: "person" });
        hit = term && term.vocabulary !== target ? (termIn(term, target)?.name ?? p.name) : p.name;
        persons.set(p.name, hit);
      }
      return hit;
    },
  };
}
