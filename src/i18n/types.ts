// The shape of every wording upr-matrix writes in English, French or Spanish: positions, statuses,
// the columns of the tracking workbook, report and matrix labels, and the skeletons' texts. One file per
// language (en.ts, fr.ts, es.ts) fills it; a missing key is a type error, and a test checks every enum.
import type { Language } from "../schema/source.js";
import type { Position } from "../schema/recommendation.js";
import type { Status } from "../schema/status.js";
import type { TrackColumn } from "../track/workbook.js";

/** A status as reported, or `untracked` when neither a ledger nor the source gives one. */
export type StatusKey = Status | "untracked";

/** The plain-language clusters of the default cluster map (src/report/default-clusters.ts). */
export const CLUSTER_IDS = [
  "international-obligations",
  "national-framework",
  "equality",
  "life-liberty-integrity",
  "justice",
  "freedoms-participation",
  "trafficking",
  "economic-social",
  "health",
  "education-culture",
  "development-environment-business",
  "women",
  "children",
  "disabilities",
  "minorities-indigenous",
  "migration",
  "other-groups",
  "other",
] as const;
export type ClusterId = (typeof CLUSTER_IDS)[number];

/** Section identifiers of both skeletons (national report and mid-term report). */
export type SectionId =
  | "methodology"
  | "preparation"
  | "consultation"
  | "developments"
  | "followUp"
  | "mechanism"
  | "plan"
  | "sdgs"
  | "otherMechanisms"
  | "implementation"
  | "pledges"
  | "achievements"
  | "priorities"
  | "capacity"
  | "midIntro"
  | "midImplementation"
  | "midNoted"
  | "midChallenges";

/** What a skeleton section follows, named in its budget table (see docs/report.md for the quotations). */
export const BASIS_IDS = [
  "dec17-119-A",
  "dec17-119-B",
  "dec17-119-CD",
  "dec17-119-D",
  "dec17-119-E",
  "dec17-119-F",
  "dec17-119-G",
  "hc-letters-4",
  "res16-21-mid",
  "hc-letters-mid",
  "upr-info-mid",
  "practice",
] as const;
export type BasisId = (typeof BASIS_IDS)[number];

/** Labels of reports (Markdown, HTML, JSON titles, the XLSX summary). */
export interface ReportMessages {
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
  implementationNote: (minCoverage: string) => string;
  group: string;
  assessed: string;
  coverage: string;
  /** Count of the fully or partially implemented. */
  done: string;
  rate: string;
  fullRate: string;
  notRated: string;
  themes: string;
  theme: string;
  clusters: string;
  implementationByCluster: string;
  cluster: string;
  clusterIds: string;
  clusterNote: string;
  userClusterNote: (file: string, fallback: number) => string;
  topLevel: string;
  recommendingStates: string;
  state: string;
  regionalGroups: string;
  regionalGroup: string;
  /** UN regional groups (the UN's Spanish page names them "Estados de África" ...). */
  groups: Record<"African" | "Asia-Pacific" | "EEG" | "GRULAC" | "WEOG", string>;
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
  sdgs: string;
  sdgGoal: string;
  summaryLine: (total: number, supported: number, noted: number, other: number) => string;
  trackedLine: (tracked: number, total: number) => string;
  untrackedLine: string;
  /** "Supported: 42.5% implemented fully or partially (assessed 120 of 146, coverage 82%)." */
  rateLine: (group: string, rate: string, assessed: number, total: number, coverage: string) => string;
  /** "Supported: 3 of 217 assessed (1%), 3 of them implemented fully or partially: too few for a rate." */
  countLine: (group: string, assessed: number, total: number, coverage: string, done: number) => string;
  namesNote: string;
}

/** Labels of the filled matrix (XLSX) and of the skeletons' annex. */
export interface MatrixMessages {
  recommendation: string;
  position: string;
  themes: string;
  assessment: string;
  /** 4th-cycle lists (G3): "Recommendation and recommending State" ... */
  recommendationG3: string;
  positionG3: string;
  themesG3: string;
  sdgsG3: string;
  /** The plain-language cluster column of the filled matrix (not read back as the matrix theme). */
  reportCluster: string;
  status: string;
  lead: string;
  lastUpdate: string;
  key: string;
  themePrefix: string;
  affectedPersons: string;
  groupsOfPersons: string;
  sdgs: string;
  sourceOfPosition: string;
  since: string;
  institutions: string;
  actions: string;
  evidence: string;
  indicators: string;
  statusAsTyped: string;
  sourceAssessment: string;
  sheetMatrix: string;
  sheetSummary: string;
  title: (who: string) => string;
}

/** The texts of the national-report and mid-term skeletons. */
export interface SkeletonMessages {
  un: string;
  generalAssembly: string;
  hrc: string;
  workingGroup: string;
  distribution: string;
  original: (language: string) => string;
  /** Title formulas, by the cycle of the review the report is written for. */
  titleCycle1: string;
  titleCycle23: string;
  titleCycle4: string;
  midTermTitle: (cycle: string) => string;
  government: (state: string) => string;
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
    adopted: string;
    period: string;
    sentTo: string;
  };
  ohchr: string;
  languageName: string;
  toComplete: string;
  guideTitle: string;
  guide: {
    nationalLimit: (limit: string) => string;
    customLimit: (limit: string, official: string) => string;
    midLimit: (limit: string) => string;
    proposal: string;
    placeholders: string;
    notes: string;
    cite: string;
    clusters: string;
    endnotes: string;
    sdgs: string;
    formulaLatest: (cycle: string) => string;
    formulaUnknownCycle: string;
    midGovernment: string;
    midTiming: string;
    midScope: string;
    sources: string;
  };
  budgetTitle: string;
  budgetSection: string;
  budgetBasis: string;
  budgetWords: string;
  basis: Record<BasisId, string>;
  budgetTotal: string;
  budgetNote: string;
  aboutWords: (n: string) => string;
  sections: Record<SectionId, string>;
  prompts: Record<SectionId, string>;
  clusterPrompt: string;
  clusterNotedPrompt: string;
  clusterLinksPrompt: string;
  midClusterPrompt: string;
  reconsiderPrompt: string;
  references: (list: string) => string;
  notedReferences: (list: string) => string;
  notedIn: (cluster: string, list: string) => string;
  sdgLine: (goals: string) => string;
  sdgNone: string;
  sdgTable: { goal: string; clusters: string };
  otherMechanismsTable: { recommendation: string; mechanism: string; link: string };
  otherMechanismsRow: string;
  notesTitle: string;
  noRecord: string;
  midTable: { recommendation: string; status: string; measures: string; institution: string; challenges: string };
  annexTitle: string;
  annexSubtitle: string;
  annexNote: string;
}

/** Every wording of one language. */
export interface Messages {
  lang: Language;
  position: Record<Position, string>;
  status: Record<StatusKey, string>;
  /** Headers of the tracking workbook's data sheet. */
  trackColumns: Record<TrackColumn, string>;
  /** What separates a label from its value: ": ", or "\u00a0: " in French. */
  colon: string;
  /** Ordinal cycle, e.g. "2nd cycle". */
  cycle: (n: number) => string;
  unclustered: string;
  /** UHRI v1 letter groups by letter (A, B, D, E, F, G, H, S). */
  topLevels: Record<"A" | "B" | "D" | "E" | "F" | "G" | "H" | "S", string>;
  /** Names of the default clusters. */
  clusters: Record<ClusterId, string>;
  report: ReportMessages;
  matrix: MatrixMessages;
  skeleton: SkeletonMessages;
}
