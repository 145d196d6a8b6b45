// Groups of persons named in a vocabulary. The persons model speaks v1 names (the only labelled
// persons are in coded lists); the crosswalk names them in the list's generation, and what current
// lists do that v1 lists did not is added: they name the duty bearers ("Public officials") on every
// recommendation to the State (DOMAIN-DETAIL §2.7), and have groups of their own (Roma, civil society,
// children in vulnerable situations), found by keywords.
import type { PersonLabel, Vocabulary } from "../schema/recommendation.js";
import { mapTerm, nameIn, type CrosswalkLink, type Term } from "../taxonomy/index.js";
import { lookUpTerm } from "../taxonomy/vocabularies.js";
import { KeywordMatcher } from "./keywords.js";
import type { ScoredLabel } from "./predict.js";

/** Groups current lists name that v1 had no group for: person concept (crosswalk row) → phrases. */
export const CURRENT_PERSON_KEYWORDS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ["roma", ["roma", "sinti", "travellers", "gypsies", "gitanos", "gens du voyage"]],
  ["civil-society", ["civil society", "non governmental organization*", "non governmental organisation*", "ngo", "ngos", "sociedad civil", "societe civile"]],
  ["children-vulnerable", ["street children", "children in street situations", "unaccompanied", "separated children", "institutionalized children", "institutionalised children", "children in alternative care", "ninos de la calle", "enfants des rues"]],
];

/** The confidence given to the duty bearers of current lists: a convention, not a reading of the text. */
export const DUTY_BEARERS_CONFIDENCE = 0.8;

let matcher: KeywordMatcher | undefined;

function named(concept: string, vocabulary: Vocabulary): Term | undefined {
  return nameIn(concept, vocabulary, "person");
}

// Without evidence (null), the label has no `evidence` key (classify's `evidence: false`).
function label(t: Term, confidence: number, evidence: string[] | null): PersonLabel {
  if (!evidence) return { code: t.key, name: t.name, source: "classifier", confidence, vocabulary: t.vocabulary };
  return { code: t.key, name: t.name, source: "classifier", confidence, evidence, vocabulary: t.vocabulary };
}

// The persons model's label (a v1 name) → its first link in a vocabulary, or null when it names no
// group there; looked up once per label (the taxonomy is fixed), not once per recommendation.
const links = new Map<Vocabulary, Map<string, CrosswalkLink | null>>();
function linkOf(label: string, vocabulary: Vocabulary): CrosswalkLink | null {
  let byLabel = links.get(vocabulary);
  if (!byLabel) links.set(vocabulary, (byLabel = new Map()));
  let link = byLabel.get(label);
  if (link === undefined) {
    const v1 = lookUpTerm(label, { kind: "person", vocabulary: "coded" });
    // v1 "General" names no group: current lists have only the duty bearers for it.
    link = !v1 || (vocabulary === "cycle4" && v1.key === "general") ? null : (mapTerm(v1, vocabulary)[0] ?? null);
    byLabel.set(label, link);
  }
  return link;
}

/**
 * The groups of persons of a recommendation in a vocabulary, from the persons model's labels (v1
 * names) and, for the current lists, their own conventions; strongest first, at most `max`. With
 * `explain` false the labels carry no evidence (none is built).
 * @example
 * personsIn([{ label: "Women", confidence: 0.9, evidence: ['keyword "women"'] }], "cycle4", ["women"], 6).map((p) => p.name);
 * // ["Public officials", "Women & girls"]
 */
export function personsIn(scored: readonly ScoredLabel[], vocabulary: Vocabulary, tokens: readonly string[], max: number, explain = true): PersonLabel[] {
  const out: PersonLabel[] = [];
  const seen = new Set<string>();
  const push = (p: PersonLabel) => {
    if (seen.has(p.code!) || out.length >= max) return;
    seen.add(p.code!);
    out.push(p);
  };
  const current = vocabulary === "cycle4";
  if (current) {
    const duty = named("public-officials", vocabulary);
    if (duty) push(label(duty, DUTY_BEARERS_CONFIDENCE, explain ? ["current lists name the duty bearers on recommendations to the State"] : null));
  }
  for (const s of scored) {
    const link = linkOf(s.label, vocabulary);
    if (!link) continue;
    push(label(link.to, Math.round(Math.min(s.confidence, link.confidence === 1 ? 1 : Math.max(link.confidence, s.confidence * 0.9)) * 1000) / 1000, explain ? s.evidence : null));
  }
  if (vocabulary === "cycle4" || vocabulary === "cycle3") {
    matcher ??= new KeywordMatcher(CURRENT_PERSON_KEYWORDS);
    for (const [concept, phrases] of matcher.match(tokens)) {
      const t = named(concept, vocabulary);
      if (t) push(label(t, 0.7, explain ? phrases.map((p) => `keyword "${p}"`) : null));
    }
  }
  return out;
}
