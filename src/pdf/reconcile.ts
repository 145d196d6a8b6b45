// Reconcile two readings of one review's recommendations, typically OHCHR's matrix and the Working Group
// report (with its addendum): recommendations missing on either side, texts that differ, positions that
// disagree, each a diagnostic with its place. Pure.
import * as z from "zod";
import { resolveOptions } from "../errors/matrix-error.js";
import type { Diagnostic } from "../schema/diagnostic.js";
import type { Recommendation } from "../schema/recommendation.js";
import type { ParseResult } from "../schema/result.js";

/** The counts behind the diagnostics. */
export interface ReconcileSummary {
  /** Recommendations on each side. */
  left: number;
  right: number;
  /** Ids on both sides. */
  matched: number;
  onlyLeft: string[];
  onlyRight: string[];
  /** Matched ids whose texts are equal once whitespace is ignored. */
  textEqual: number;
  textDiffer: string[];
  /** Matched ids where both sides give a position and the positions differ. */
  positionDiffer: string[];
  /** Matched ids with the same position but a different source paragraph (e.g. Add.1 para. 3 vs 4). */
  sourceDiffer: string[];
}

/** Options of reconcileRecommendations: the names of the two sides in messages. */
export const ReconcileOptions = z.object({
  /** Default "matrix". */
  left: z.string().optional(),
  /** Default "report". */
  right: z.string().optional(),
});
export type ReconcileOptions = z.input<typeof ReconcileOptions>;

/**
 * The text as compared: Unicode-normalised, typographic quotes and dashes made plain, and every space
 * removed (the matrix sometimes loses a space, "toarticle8", or adds one).
 * @example
 * textKey("Ratify  the OP‑CAT (France);") === textKey("Ratify the OP-CAT(France);"); // true
 */
export function textKey(text: string): string {
  return text.normalize("NFKC").replace(/[’‘`´]/g, "'").replace(/[“”«»]/g, '"').replace(/[‐-―−]/g, "-").replace(/\s+/g, "");
}

/** Where two texts part: a few words of each around the first difference. */
function firstDifference(a: string, b: string): [string, string] {
  const x = a.replace(/\s+/g, " ");
  const y = b.replace(/\s+/g, " ");
  let i = 0;
  while (i < x.length && i < y.length && x[i] === y[i]) i++;
  const from = Math.max(0, x.lastIndexOf(" ", Math.max(0, i - 20)));
  const cut = (s: string) => `${from > 0 ? "…" : ""}${s.slice(from, from + 60).trim()}${s.length > from + 60 ? "…" : ""}`;
  return [cut(x), cut(y)];
}

const decided = (r: Recommendation) => r.position !== "unknown" && r.position !== "pending";
const idOf = (r: Recommendation) => r.paragraphId ?? r.id;

/**
 * Compare two readings of one review by paragraph id: ids found on one side only (`missing-recommendation`,
 * at the place where the other side has it), texts that differ once whitespace is ignored
 * (`text-mismatch`, quoting where they part), positions that disagree (`position-mismatch`), and, as a
 * note, the same position cited from different paragraphs of the addendum.
 * @example
 * const { diagnostics, summary } = reconcileRecommendations(matrix, report, { left: "matrix", right: "report" });
 */
export function reconcileRecommendations(leftResult: ParseResult, rightResult: ParseResult, optionsIn: ReconcileOptions = {}): { diagnostics: Diagnostic[]; summary: ReconcileSummary } {
  const options = resolveOptions(ReconcileOptions, optionsIn, "reconcileRecommendations");
  const L = options.left ?? "matrix";
  const R = options.right ?? "report";
  const left = leftResult.recommendations.filter((r) => r.paragraphId);
  const right = rightResult.recommendations.filter((r) => r.paragraphId);
  const rightById = new Map(right.map((r) => [idOf(r), r]));
  const leftIds = new Set(left.map(idOf));
  const diagnostics: Diagnostic[] = [];
  const summary: ReconcileSummary = { left: left.length, right: right.length, matched: 0, onlyLeft: [], onlyRight: [], textEqual: 0, textDiffer: [], positionDiffer: [], sourceDiffer: [] };
  const states = (res: ParseResult) => new Set(res.recommendations.map((r) => r.stateUnderReview).filter(Boolean));
  const [ls, rs] = [states(leftResult), states(rightResult)];
  if (ls.size && rs.size && ![...ls].some((s) => rs.has(s))) {
    diagnostics.push({ code: "invalid-field", severity: "warning", message: `The ${L} is about ${[...ls].join(", ")}, the ${R} about ${[...rs].join(", ")}: check that both are from the same review.`, actual: [...rs].join(", ") });
  }
  for (const a of left) {
    const id = idOf(a);
    const b = rightById.get(id);
    if (!b) {
      summary.onlyLeft.push(id);
      diagnostics.push({ code: "missing-recommendation", severity: "warning", message: `Recommendation ${id} is in the ${L} but not in the ${R}.`, place: a.place, actual: id });
      continue;
    }
    summary.matched++;
    if (textKey(a.text) === textKey(b.text)) summary.textEqual++;
    else {
      summary.textDiffer.push(id);
      const [x, y] = firstDifference(a.text, b.text);
      diagnostics.push({ code: "text-mismatch", severity: "warning", message: `Recommendation ${id}: the texts differ. ${L}: "${x}"; ${R} (${placeText(b)}): "${y}".`, place: a.place, actual: a.text.slice(0, 500), expected: [b.text.slice(0, 500)] });
    }
    if (decided(a) && decided(b) && a.position !== b.position) {
      summary.positionDiffer.push(id);
      diagnostics.push({
        code: "position-mismatch", severity: "warning",
        message: `Recommendation ${id} is ${a.position} in the ${L}${cite(a)} but ${b.position} in the ${R}${cite(b)}.`,
        place: a.place, actual: a.position, expected: [b.position],
      });
    } else if (decided(a) && decided(b) && a.positionSource && a.positionSource === b.positionSource && a.positionSourceParagraph && b.positionSourceParagraph && a.positionSourceParagraph !== b.positionSourceParagraph) {
      summary.sourceDiffer.push(id);
      diagnostics.push({ code: "position-mismatch", severity: "info", message: `Recommendation ${id} is ${a.position} on both sides, but the ${L} cites ${a.positionSource} para. ${a.positionSourceParagraph} and the ${R} para. ${b.positionSourceParagraph}.`, place: a.place, actual: a.positionSourceParagraph, expected: [b.positionSourceParagraph] });
    }
  }
  for (const b of right) {
    const id = idOf(b);
    if (leftIds.has(id)) continue;
    summary.onlyRight.push(id);
    diagnostics.push({ code: "missing-recommendation", severity: "warning", message: `Recommendation ${id} is in the ${R} but not in the ${L}.`, place: b.place, actual: id });
  }
  return { diagnostics, summary };
}

function cite(r: Recommendation): string {
  return r.positionSource ? ` (${r.positionSource}${r.positionSourceParagraph ? `, para. ${r.positionSourceParagraph}` : ""})` : "";
}

function placeText(r: Recommendation): string {
  const p = r.place;
  if (p.page !== undefined) return `page ${p.page}, line ${p.line}`;
  if (p.row !== undefined) return `${p.sheet ? `${p.sheet}, ` : ""}row ${p.row}`;
  return p.line !== undefined ? `line ${p.line}` : (p.file ?? "");
}
