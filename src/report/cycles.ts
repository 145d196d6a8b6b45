// What a national report looks like for the review it is prepared for. A report on recommendations of
// cycle N is written for the review of cycle N + 1. The title formula is the one real national reports
// of that cycle carry (the corpus holds Slovenia's reports of all four cycles):
//   1st cycle: "... in accordance with paragraph 15 (a) of the annex to Human Rights Council resolution 5/1"
//              (A/HRC/WG.6/7/SVN/1, 2009);
//   2nd and 3rd cycles: "... in accordance with paragraph 5 of the annex to Human Rights Council resolution
//              16/21" (A/HRC/WG.6/20/SVN/1, 2014; A/HRC/WG.6/34/SVN/1, 2019);
//   4th cycle: "... pursuant to Human Rights Council resolutions 5/1 and 16/21" (A/HRC/WG.6/48/SVN/1, 2024).
// Later cycles' formula is not published yet: the 4th cycle's is used and the skeleton says so. The 4th
// cycle also brings the High Commissioner's asks (implementation plan with parliament, judiciary, NHRI,
// local and regional government and civil society; national mechanism; SDG and other-mechanism links).

/** The rules a national-report skeleton follows. */
export interface ReviewRules {
  /** The cycle of the review the report is written for, null when the recommendations' cycle is unknown. */
  reviewCycle: number | null;
  /** Which title formula: by the review's cycle (see above). */
  title: "titleCycle1" | "titleCycle23" | "titleCycle4";
  /** Why the formula may not be the review's own: a later cycle than any checked, or an unknown cycle. */
  titleNote: "latest" | "unknown" | null;
  /** The 4th-cycle structure: follow-up section (national mechanism, plan, SDGs, other mechanisms), consultation list. */
  fourthCycle: boolean;
}

/** The latest cycle whose national reports could be checked (A/HRC/WG.6/48/SVN/1). */
export const LATEST_CHECKED_CYCLE = 4;

/**
 * The rules of the national report that reports on recommendations of a cycle.
 * @example
 * reviewRules(3); // { reviewCycle: 4, title: "titleCycle4", titleNote: null, fourthCycle: true }
 * reviewRules(4).titleNote; // "latest": the 5th cycle's formula is not published yet
 */
export function reviewRules(recommendationsCycle: number | null): ReviewRules {
  if (recommendationsCycle === null) return { reviewCycle: null, title: "titleCycle4", titleNote: "unknown", fourthCycle: true };
  const reviewCycle = recommendationsCycle + 1;
  if (reviewCycle <= 1) return { reviewCycle, title: "titleCycle1", titleNote: null, fourthCycle: false };
  if (reviewCycle <= 3) return { reviewCycle, title: "titleCycle23", titleNote: null, fourthCycle: false };
  return { reviewCycle, title: "titleCycle4", titleNote: reviewCycle > LATEST_CHECKED_CYCLE ? "latest" : null, fourthCycle: true };
}
