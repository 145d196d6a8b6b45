import { fold } from "../internal/text.js";

// "II. Conclusions and/or recommendations" (folded: "ii conclusions and or recommendations"); a table of
// contents line carries page numbers after it and does not match.
const HEADING = /^(?:[ivx]+ )?(?:conclusions and or recommendations|conclusions et ou recommandations|conclusiones y o recomendaciones)$/;

/**
 * Is this line the heading of a report's recommendations section ("II. Conclusions and/or
 * recommendations", "Conclusions et/ou recommandations", "Conclusiones y/o recomendaciones")? A table of
 * contents line, with its paragraph and page numbers, is not.
 * @example
 * isSectionHeading("II. Conclusions and/or recommendations"); // true
 */
export function isSectionHeading(text: string): boolean {
  // A footnote mark glued to the heading in a text export ("recommendations1", "recomendaciones**").
  return HEADING.test(fold(text).replace(/(?<=[a-z])\d{1,2}$/, ""));
}
