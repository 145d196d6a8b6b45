// A Working Group report's addendum (A/HRC/../Add.1, the State's positions) read from its text lines
// (PDF, Word or text) and applied to the report's recommendations. Pure.
import * as z from "zod";
import { resolveOptions } from "../errors/matrix-error.js";
import type { Diagnostic } from "../schema/diagnostic.js";
import type { Place } from "../schema/place.js";
import type { ParseResult } from "../schema/result.js";
import { applyAddendumPositions, readAddendumPositions, type AddendumParagraph, type AddendumPositions } from "../classify/addendum.js";
import { bodyLines, bodySize, joinLines, Vocabulary } from "./body.js";
import type { DocLine } from "./lines.js";
import { readMasthead } from "./masthead.js";

// Where a new paragraph starts: a number ("3.", "40., 41.,"), "Rec. 18" / "Recs. 6–13", or an id on a
// line of its own ("122.14– 15", "122.11").
const PARAGRAPH_START = /^(?:\d{1,3}\.(?:\s|,|$)|recs?\.\s|\d{1,3}\.\d{1,3}(?:\s*[-–—]\s*\d{1,3})?$)/i;

function placeOf(file: string, l: DocLine): Place {
  return l.page !== undefined ? { file, page: l.page, line: l.line } : { file, line: l.line };
}

/**
 * The paragraphs of an addendum's body, each with the place of its first line: a paragraph starts at a
 * number, at "Rec(s).", at an id alone on its line, at a heading (larger type) or after a wider gap
 * between lines (a Word paragraph is one); its lines are joined across line and page breaks.
 * @example
 * addendumParagraphs(lines, "add1.pdf")[0]; // { text: "1. This document is the response of ...", place: { file: "add1.pdf", page: 2, line: 2 } }
 */
export function addendumParagraphs(lines: readonly DocLine[], file: string): AddendumParagraph[] {
  const body = bodyLines(lines);
  const vocabulary = new Vocabulary(body.map((l) => l.text));
  const size = bodySize(lines);
  const out: AddendumParagraph[] = [];
  let current: DocLine[] = [];
  const flush = () => {
    if (current.length) out.push({ text: joinLines(current.map((l) => l.text), vocabulary), place: placeOf(file, current[0]!) });
    current = [];
  };
  let prev: DocLine | undefined;
  for (const l of body) {
    const heading = size !== null && l.size !== undefined && l.size > size + 0.5;
    const wasHeading = prev !== undefined && size !== null && prev.size !== undefined && prev.size > size + 0.5;
    const gap = prev && l.page === prev.page && prev.y !== undefined && l.y !== undefined && prev.y - l.y > 1.5 * (l.size ?? 10);
    if (PARAGRAPH_START.test(l.text) || heading !== wasHeading || gap || l.whole || prev?.whole) flush();
    current.push(l);
    prev = l;
  }
  flush();
  return out;
}

/** Options of applyAddendum. */
export const ApplyAddendumOptions = z.object({
  /** The report's paragraph that bare numbers belong to (default: the recommendations' own, when one). */
  paragraph: z.string().optional(),
  /** The addendum's symbol (default: the one its first page gives). */
  symbol: z.string().optional(),
});
export type ApplyAddendumOptions = z.input<typeof ApplyAddendumOptions>;

/** What reading an addendum gave, beside the updated result. */
export interface AddendumReading {
  /** The addendum's symbol as printed (".../A" read as ".../Add.1"). */
  symbol: string | null;
  positions: AddendumPositions;
  /** Recommendations whose position the addendum gave. */
  applied: number;
}

/**
 * Apply an addendum's positions to a report's recommendations (those the report leaves pending or
 * unknown): each gets the addendum's wording, symbol and paragraph (`positionRaw`, `positionSource`,
 * `positionSourceParagraph`). Bare numbers ("accepts the recommendations 1–5") belong to the report's
 * paragraph when it has one (or `options.paragraph`); the symbol is the addendum's own (or
 * `options.symbol`). The addendum's diagnostics join the result's; an addendum of another report, or one
 * that lists no position, is reported.
 * @example
 * const { result } = applyAddendum(readWgReport(reportLines), addendumLines, "add1.pdf");
 */
export function applyAddendum(
  result: ParseResult,
  lines: readonly DocLine[],
  file: string,
  optionsIn: ApplyAddendumOptions = {},
): { result: ParseResult; reading: AddendumReading } {
  const options = resolveOptions(ApplyAddendumOptions, optionsIn, "applyAddendum");
  const masthead = readMasthead(lines);
  const recs = result.recommendations;
  const paragraphs = new Set(recs.map((r) => (r.paragraphId ?? r.id).split(".")[0]));
  const paragraph = options.paragraph ?? (paragraphs.size === 1 ? [...paragraphs][0] : undefined);
  const positions = readAddendumPositions(addendumParagraphs(lines, file), { file, ...(paragraph ? { paragraph } : {}) });
  const diagnostics: Diagnostic[] = [...positions.diagnostics];
  const reportSymbol = recs.find((r) => r.documentSymbol)?.documentSymbol ?? null;
  const symbol = options.symbol ?? masthead.symbol;
  if (symbol && reportSymbol && symbol.replace(/\/Add\.\d+$/i, "") !== reportSymbol) {
    diagnostics.push({ code: "invalid-field", severity: "warning", message: `The addendum ${symbol} is not an addendum of the report ${reportSymbol}: check that the two files belong together.`, place: { file, field: "documentSymbol" }, actual: symbol });
  }
  if (positions.positions.size === 0) {
    diagnostics.push({ code: "unknown-position", severity: "warning", message: `No position found in the addendum: no list of recommendations after "accepts", "supports", "notes", "enjoy the support of"... (or their French and Spanish wordings).`, place: { file } });
  }
  const applied = applyAddendumPositions(recs, positions, symbol ? { source: symbol } : {});
  diagnostics.push(...applied.diagnostics);
  return {
    result: { ...result, recommendations: applied.recommendations, diagnostics: [...result.diagnostics, ...diagnostics] },
    reading: { symbol, positions, applied: applied.applied },
  };
}
