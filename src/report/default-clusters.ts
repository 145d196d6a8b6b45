// upr-matrix's default cluster map: 17 plain-language clusters (and "other themes") built from the UHRI
// themes, in the spirit of the clusters real national reports use (Slovenia's 2019 and 2024 reports:
// 12 and 14 clusters such as "International obligations", "Non-discrimination", "Gender equality",
// "Children", "Trafficking in human beings"). A theme of any generation is placed through its UHRI v1
// code (its own, its legacy code, or its parent), longest prefix first; UPR Info issues have their own
// table. Names in each language live in src/i18n.
import type { ClusterId } from "../i18n/types.js";

/** Clusters that may be merged with one another when one is too small for a useful paragraph. */
export type ClusterFamily = "framework" | "civil" | "esc" | "groups" | "other";

/** One default cluster: the v1 code prefixes it takes and the family it belongs to. */
export interface DefaultCluster {
  id: ClusterId;
  family: ClusterFamily;
  /** UHRI v1 code prefixes ("D2" takes D21, D23, D25...; a longer prefix elsewhere wins). */
  codes: readonly string[];
}

/** The default clusters, in the order reports show them. */
export const DEFAULT_CLUSTERS: readonly DefaultCluster[] = [
  { id: "international-obligations", family: "framework", codes: ["A1", "A2", "A3", "S17"] },
  { id: "national-framework", family: "framework", codes: ["A", "A4", "A5", "A6"] },
  { id: "equality", family: "civil", codes: ["B", "B3", "G2", "S10"] },
  { id: "life-liberty-integrity", family: "civil", codes: ["D2", "D3", "B8", "B9"] },
  { id: "justice", family: "civil", codes: ["D5", "B1", "B5", "S16"] },
  { id: "freedoms-participation", family: "civil", codes: ["D", "D1", "D4", "D6", "D7", "H1"] },
  { id: "trafficking", family: "civil", codes: ["D27"] },
  { id: "economic-social", family: "esc", codes: ["E", "E1", "E2", "E3", "E6", "S01", "S02", "S06", "S08"] },
  { id: "health", family: "esc", codes: ["E4", "H3", "S03"] },
  { id: "education-culture", family: "esc", codes: ["E5", "E7", "S04"] },
  { id: "development-environment-business", family: "esc", codes: ["B4", "B6", "B7", "S", "S07", "S09", "S11", "S12", "S13", "S14", "S15"] },
  { id: "women", family: "groups", codes: ["F1", "D29", "S05"] },
  { id: "children", family: "groups", codes: ["F3", "D8"] },
  { id: "disabilities", family: "groups", codes: ["F4"] },
  { id: "minorities-indigenous", family: "groups", codes: ["G1", "G3", "B2"] },
  { id: "migration", family: "groups", codes: ["G4", "G5", "G6"] },
  { id: "other-groups", family: "groups", codes: ["F", "G", "G9", "H", "H4"] },
  { id: "other", family: "other", codes: [] },
];

/**
 * Themes of the 2020 and 2024/25 lists that have no v1 equivalent (their parent would misplace them),
 * by folded name fragment.
 */
export const NAME_RULES: readonly (readonly [RegExp, ClusterId])[] = [
  [/gender[ -]based violence/, "women"],
  [/reproductive health/, "health"],
  [/2030 agenda/, "development-environment-business"],
  [/unilateral coercive/, "development-environment-business"],
  [/toxic|hazardous waste/, "development-environment-business"],
];

/** UPR Info issues (the tags of UPR Info exports, which carry no UHRI theme) to default clusters. */
export const ISSUE_CLUSTERS: Readonly<Record<string, ClusterId>> = {
  "asylum-seekers-refugees": "migration",
  "business-and-human-rights": "development-environment-business",
  "civil-society": "national-framework",
  corruption: "national-framework",
  "counter-terrorism": "life-liberty-integrity",
  "cp-rights-general": "freedoms-participation",
  "death-penalty": "life-liberty-integrity",
  detention: "life-liberty-integrity",
  development: "development-environment-business",
  disabilities: "disabilities",
  elections: "freedoms-participation",
  "enforced-disappearances": "life-liberty-integrity",
  environment: "development-environment-business",
  "esc-rights-general": "economic-social",
  "extrajudicial-executions": "life-liberty-integrity",
  "freedom-of-association-and-peaceful-assembly": "freedoms-participation",
  "freedom-of-movement": "freedoms-participation",
  "freedom-of-opinion-and-expression": "freedoms-participation",
  "freedom-of-religion-and-belief": "freedoms-participation",
  "freedom-of-the-press": "freedoms-participation",
  general: "other",
  "hiv-aids": "health",
  "human-rights-defenders": "freedoms-participation",
  "human-rights-education-and-training": "national-framework",
  "human-rights-violations-by-state-agents": "life-liberty-integrity",
  impunity: "justice",
  "indigenous-peoples": "minorities-indigenous",
  "internally-displaced-persons": "migration",
  "international-humanitarian-law": "justice",
  "international-instruments": "international-obligations",
  justice: "justice",
  labour: "economic-social",
  migrants: "migration",
  minorities: "minorities-indigenous",
  "national-plan-of-action": "national-framework",
  nhri: "national-framework",
  other: "other",
  poverty: "economic-social",
  "public-security": "life-liberty-integrity",
  "racial-discrimination": "equality",
  "right-to-education": "education-culture",
  "right-to-food": "economic-social",
  "right-to-health": "health",
  "right-to-housing": "economic-social",
  "right-to-land": "economic-social",
  "right-to-water": "economic-social",
  "rights-of-the-child": "children",
  "sexual-orientation-and-gender-identity": "equality",
  "special-procedures": "international-obligations",
  "technical-assistance-and-cooperation": "international-obligations",
  "torture-and-other-cid-treatment": "life-liberty-integrity",
  trafficking: "trafficking",
  "treaty-bodies": "international-obligations",
  "upr-process": "international-obligations",
  "women-s-rights": "women",
};

const BY_PREFIX: ReadonlyMap<string, ClusterId> = new Map(DEFAULT_CLUSTERS.flatMap((c) => c.codes.map((code) => [code, c.id] as const)));

/**
 * The default cluster of a UHRI v1 code: the cluster of its longest listed prefix.
 * @example
 * defaultClusterOfCode("D27"); // "trafficking"
 * defaultClusterOfCode("D25"); // "life-liberty-integrity"
 */
export function defaultClusterOfCode(code: string): ClusterId | null {
  const c = code.toUpperCase();
  for (let n = c.length; n > 0; n--) {
    const hit = BY_PREFIX.get(c.slice(0, n));
    if (hit) return hit;
  }
  return null;
}
