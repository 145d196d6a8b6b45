import type { Recommendation } from "./recommendation.js";

/**
 * A recommendation's identity across files: State under review, cycle and paragraph id
 * ("Uganda|2|117.1"). Rows without a paragraph id fall back to their generated id.
 * @example
 * recommendationKey({ stateUnderReview: "Uganda", cycle: 2, id: "117.1" }); // "Uganda|2|117.1"
 */
export function recommendationKey(r: Pick<Recommendation, "stateUnderReview" | "cycle" | "id">): string {
  return `${r.stateUnderReview ?? ""}|${r.cycle ?? ""}|${r.id}`;
}
