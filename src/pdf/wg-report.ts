// The recommendations of a Working Group report, read from its text lines (PDF, Word or text): the
// section "Conclusions and/or recommendations" (FR "Conclusions et/ou recommandations", ES "Conclusiones
// y/o recomendaciones"), its numbered paragraphs ("115. The recommendations listed below will be examined
// ...") and their recommendations ("115.1 Ratify ... (Croatia);", or "1.", "2." under one paragraph in
// 1st-cycle reports). Pure: the same code reads a PDF's lines in Node or in a browser.
import * as z from "zod";
import type { Diagnostic } from "../schema/diagnostic.js";
import type { Place } from "../schema/place.js";
import type { Recommendation } from "../schema/recommendation.js";
import type { ParseResult } from "../schema/result.js";
import { Format, type Source } from "../schema/source.js";
import { readPosition, type PositionReading } from "../classify/position.js";
import { resolveOptions } from "../errors/matrix-error.js";
import { readRecommendingStates } from "../ingest/cell.js";
import { cycleOfSession } from "../ingest/title.js";
import { fold } from "../internal/text.js";
import { findState } from "../taxonomy/index.js";
import { bodyLines, bodySize, joinLines, Vocabulary } from "./body.js";
import type { DocLine } from "./lines.js";
import { isSectionHeading } from "./heading.js";
import { readMasthead } from "./masthead.js";

/** Options of readWgReport. */
export const WgReportOptions = z.object({
  /** Name shown in places and sources. */
  file: z.string().default("input"),
  /** What the lines were read from. */
  format: Format.default("pdf"),
  /** Use these when the report does not say (or says it differently). */
  stateUnderReview: z.string().optional(),
  cycle: z.int().positive().optional(),
  session: z.int().positive().optional(),
});
export type WgReportOptions = z.input<typeof WgReportOptions>;

// The next part of the report: "III. Voluntary pledges and commitments", "Annex", "Annexe", "Anexo".
const NEXT_PART = /^(?:[ivx]+ \p{L}.{0,120}|annexe?(?: [ivx\d]+)?|anexo(?: [ivx\d]+)?)$/u;
const ITEM = /^(\d{1,3})\.(\d{1,3})\.?(?=\s|$)\s*/;
const NUMBERED = /^(\d{1,3})\.(?=\s|$)\s*/;

interface Paragraph {
  n: number;
  lines: DocLine[];
  x?: number;
  items: Item[];
  /** Items numbered "1.", "2." (1st cycle) rather than "115.1". */
  flat: boolean;
}

interface Item {
  n: number;
  lines: DocLine[];
  /** The rest of the first line, after the number. */
  first: string;
}

/** Where a line is, for places. */
function placeOf(file: string, l: DocLine): Place {
  return l.page !== undefined ? { file, page: l.page, line: l.line } : { file, line: l.line };
}

/** Is this a recommendation's first line rather than the next paragraph (both "112." after "111." with item 111)? */
function startsItem(p: Paragraph, l: DocLine, n: number): boolean {
  const lastItem = p.items[p.items.length - 1]?.n ?? 0;
  const nextItem = n === lastItem + 1 && (p.flat || p.items.length === 0);
  const nextPara = n === p.n + 1;
  if (nextItem && nextPara) {
    // Indentation decides when known (items are indented under their paragraph); else the item.
    if (l.x !== undefined && p.x !== undefined) return l.x > p.x + 4;
    return true;
  }
  if (nextItem && p.items.length === 0) {
    // A first item "1." only after an introduction that announces a list.
    const intro = p.lines.map((x) => x.text).join(" ");
    return /[:：]\s*$/.test(intro) || (l.x !== undefined && p.x !== undefined && l.x > p.x + 4) || /\b(?:below|following|ci-apr[eè]s|suivantes|a continuaci[oó]n|siguientes)\b/i.test(intro);
  }
  return nextItem;
}

/** The intro of a paragraph without its number, up to the list. */
function introText(p: Paragraph, vocabulary: Vocabulary): string {
  const texts = p.lines.map((l, i) => (i === 0 ? l.text.replace(NUMBERED, "") : l.text));
  return joinLines(texts, vocabulary);
}

/**
 * Read the recommendations of a Working Group report from its text lines. Every recommendation gets its
 * paragraph id ("115.12"; "111.3" for the third "3." under paragraph 111 of a 1st-cycle report), its
 * text joined across line and page breaks (running headers, footers, footnote marks and line-end
 * hyphens removed), its recommending States (canonical names, as the matrix reader gives them), the
 * State under review, cycle, session and symbol from the first page, its place (page and line), and the
 * position the report states for its paragraph ("enjoy the support of" → supported, "will be examined"
 * → pending, "did not enjoy the support" → noted; French and Spanish wordings too).
 * @example
 * const { recommendations, diagnostics } = readWgReport(lines, { file: "A_HRC_28_15.pdf" });
 */
export function readWgReport(lines: readonly DocLine[], options: WgReportOptions = {}): ParseResult {
  const opts = resolveOptions(WgReportOptions, options, "readWgReport");
  const file = opts.file;
  const diagnostics: Diagnostic[] = [];
  const masthead = readMasthead(lines);
  const body = bodyLines(lines);
  const vocabulary = new Vocabulary(body.map((l) => l.text));
  const size = bodySize(lines);

  // The section heading (not its entry in the table of contents), and where the section ends.
  let start = -1;
  for (let i = 0; i < body.length; i++) if (isSectionHeading(body[i]!.text)) start = i;
  if (start < 0) {
    let d: Diagnostic;
    if (masthead.kind === "addendum") {
      d = { code: "no-recommendations", severity: "error", message: `This is the addendum ${masthead.symbol ?? ""} (the State's positions), not the report itself: give it as the report's addendum (--addendum).`.replace(/\s+\(/, " ("), place: { file } };
    } else if (masthead.kind === null && opts.format === "pdf") {
      // Not a report at all: a matrix saved as PDF, a national report, a letter...
      d = { code: "unsupported-format", severity: "error", message: `This PDF is not a report of the Working Group on the Universal Periodic Review (it has no "Conclusions and/or recommendations" section). upr-matrix reads Working Group reports as PDF, and matrices as .docx, .xlsx or .csv: get the Word version of a matrix from OHCHR, or convert the PDF to .docx (e.g. in Word) and check the table.`, place: { file } };
    } else {
      d = { code: "no-recommendations", severity: "error", message: `No "Conclusions and/or recommendations" section found (French "Conclusions et/ou recommandations", Spanish "Conclusiones y/o recomendaciones"): is this a report of the Working Group on the Universal Periodic Review?`, place: { file } };
    }
    return { recommendations: [], diagnostics: [d], sources: [] };
  }
  let end = body.length;
  for (let i = start + 1; i < body.length; i++) {
    const l = body[i]!;
    const bigger = size === null || l.size === undefined || l.size > size + 0.5;
    if (bigger && NEXT_PART.test(fold(l.text)) && !NUMBERED.test(l.text) && !/[;:]$/.test(l.text)) {
      end = i;
      break;
    }
  }

  // Numbered paragraphs and their recommendations.
  const paragraphs: Paragraph[] = [];
  const loose: DocLine[] = [];
  for (const l of body.slice(start + 1, end)) {
    const p = paragraphs[paragraphs.length - 1];
    const item = ITEM.exec(l.text);
    if (item) {
      const [pn, k] = [Number(item[1]), Number(item[2])];
      const last = p?.items[p.items.length - 1]?.n ?? 0;
      if (p && p.n === pn && !p.flat && k > last) {
        p.items.push({ n: k, lines: [l], first: l.text.slice(item[0].length) });
        continue;
      }
      if (!p || pn > p.n) {
        // Items without their paragraph's introduction (it was lost, or never printed).
        paragraphs.push({ n: pn, lines: [], items: [{ n: k, lines: [l], first: l.text.slice(item[0].length) }], flat: false });
        continue;
      }
    }
    const numbered = NUMBERED.exec(l.text);
    if (numbered) {
      const n = Number(numbered[1]);
      if (p && startsItem(p, l, n)) {
        p.flat = true;
        p.items.push({ n, lines: [l], first: l.text.slice(numbered[0].length) });
        continue;
      }
      if (!p || n === p.n + 1) {
        paragraphs.push({ n, lines: [l], items: [], flat: false, ...(l.x !== undefined ? { x: l.x } : {}) });
        continue;
      }
    }
    const target = p?.items[p.items.length - 1] ?? p;
    if (target) target.lines.push(l);
    else loose.push(l);
  }

  const state = opts.stateUnderReview ? (findState(opts.stateUnderReview)?.name ?? opts.stateUnderReview) : masthead.stateUnderReview;
  const session = opts.session ?? masthead.session;
  const cycle = opts.cycle ?? (session ? cycleOfSession(session) : null);
  const symbol = masthead.symbol ? masthead.symbol.replace(/\/Add\.\d+$/i, "") : null;
  const recommendations: Recommendation[] = [];
  let sections = 0;
  for (const p of paragraphs) {
    sections++;
    const intro = p.lines.length ? introText(p, vocabulary) : "";
    const reading: PositionReading = p.items.length && intro ? readPosition(intro) : { position: "unknown", evidence: [] };
    if (p.items.length && intro && reading.position === "unknown") {
      diagnostics.push({
        code: "unknown-position", severity: "warning",
        message: `Paragraph ${p.n} does not say whether its recommendations enjoy the support of the State or will be examined; their position is unknown until an addendum gives it.`,
        place: placeOf(file, p.lines[0]!), actual: intro.slice(0, 200),
      });
    }
    let last = 0;
    for (const it of p.items) {
      const id = `${p.n}.${it.n}`;
      const at = placeOf(file, it.lines[0]!);
      if (it.n !== last + 1) {
        diagnostics.push({ code: "id-gap", severity: "warning", message: `Recommendation ${id} follows ${last ? `${p.n}.${last}` : `paragraph ${p.n}`}: ${it.n - last - 1 === 1 ? `${p.n}.${last + 1} is` : `${p.n}.${last + 1} to ${p.n}.${it.n - 1} are`} missing.`, place: at, actual: id });
      }
      last = it.n;
      const text = joinLines([it.first, ...it.lines.slice(1).map((l) => l.text)], vocabulary);
      const states = readRecommendingStates(text, false);
      for (const u of states.unknown) {
        diagnostics.push({ code: "unknown-state", severity: "info", message: `"${u}" looks like a recommending State but is not in the list of States; kept as written.`, place: at, actual: u });
      }
      if (!text) diagnostics.push({ code: "empty-text", severity: "error", message: `Recommendation ${id} has no text.`, place: at });
      recommendations.push({
        id, paragraphId: id, text, recommendingStates: states.states,
        stateUnderReview: state, cycle, session, documentSymbol: symbol,
        position: reading.position,
        positionRaw: reading.position === "unknown" ? null : intro.replace(/\s*:\s*$/, "").slice(0, 300),
        positionSource: reading.position === "unknown" ? null : symbol,
        positionSourceParagraph: reading.position === "unknown" ? null : String(p.n),
        cluster: null, themes: [], affectedPersons: [], sdgs: [], issues: [], actionCategory: null,
        assessment: null, status: null, institutions: [],
        extra: p.flat ? [{ column: "number in the report", value: `${it.n}.` }] : [],
        place: at,
      });
    }
  }
  if (loose.length) {
    diagnostics.push({ code: "unparsed-row", severity: "warning", message: `${loose.length} line(s) after the heading and before the first numbered paragraph were not read: "${loose[0]!.text.slice(0, 120)}".`, place: placeOf(file, loose[0]!), actual: loose.map((l) => l.text).join(" ").slice(0, 200) });
  }
  if (recommendations.length === 0) {
    diagnostics.push({ code: "no-recommendations", severity: "error", message: `The section "${body[start]!.text}" holds no numbered recommendation ("115.1 ...", or "1. ..." under a paragraph).`, place: placeOf(file, body[start]!) });
  }
  if (masthead.symbolRepaired) {
    diagnostics.push({ code: "invalid-field", severity: "info", message: `The symbol reads "${masthead.symbol!.replace(/Add\.1$/, "A")}" in the text layer; read as ${masthead.symbol}.`, place: { file, ...(lines[0]?.page ? { page: lines[0].page } : {}) } });
  }
  if (!state) diagnostics.push(missing(file, "stateUnderReview", "The State under review could not be read from the first page or the introduction; pass it as an option."));
  if (!symbol) diagnostics.push(missing(file, "documentSymbol", "The document symbol (A/HRC/..) could not be read from the first page."));
  if (!session) diagnostics.push(missing(file, "session", `The Working Group's session ("held its ... session") could not be read from the introduction; cycle and session are unknown.`));

  const source: Source = {
    file, format: opts.format, layout: "wg-report", language: masthead.language,
    rows: sections + recommendations.length + (loose.length ? 1 : 0), recommendations: recommendations.length,
    rowCounts: { header: 0, title: 0, section: sections, blank: 0, continuation: 0, skipped: loose.length ? 1 : 0, recommendation: recommendations.length },
    columns: [], title: masthead.title ?? null, stateUnderReview: state, cycle, session,
  };
  return { recommendations, diagnostics, sources: [source] };
}

function missing(file: string, field: string, message: string): Diagnostic {
  return { code: "invalid-field", severity: "warning", message, place: { file, field } };
}
