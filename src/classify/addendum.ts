// Positions given in a State's addendum (A/HRC/../Add.1) or in the Working Group report, as paragraph
// lists: "The following recommendations enjoy the support of Slovenia: 117.1-117.45, 117.50",
// cycle-2 bare numbers "accepts the recommendations 1–5, 14–16", cycle-4 shorthand "140.82-85, 87",
// "140.120, 209" and the stray "140.35. 140.36" (DOMAIN-DETAIL §1.3, §8); or, in 1st-cycle addenda,
// one numbered answer per recommendation: "5., 6., 7. The Government accepts these recommendations."
import * as z from "zod";
import { resolveOptions } from "../errors/matrix-error.js";
import type { Diagnostic } from "../schema/diagnostic.js";
import type { Place } from "../schema/place.js";
import type { Position, Recommendation } from "../schema/recommendation.js";
import { cleanLine } from "../internal/text.js";
import { readPosition } from "./position.js";

/** A paragraph of an addendum's text, with where it is. */
export interface AddendumParagraph {
  text: string;
  place?: Place;
}

/** Positions read from an addendum: recommendation id → position, with the words that decided. */
export interface AddendumPositions {
  positions: Map<string, Position>;
  /** id → the wording that gave its position, e.g. "enjoy the support of Slovenia". */
  evidence: Map<string, string>;
  /** id → the number of the addendum paragraph that lists it ("3"), when the paragraph is numbered. */
  paragraphs: Map<string, string>;
  /** id → where the addendum lists it. */
  places: Map<string, Place>;
  diagnostics: Diagnostic[];
}

/** Options of readAddendumPositions. */
export const AddendumOptions = z.object({
  /** Paragraph of the Working Group report for bare numbers ("115" turns "18" into "115.18"). */
  paragraph: z.string().optional(),
  /** File name for the diagnostics' places. */
  file: z.string().optional(),
});
export type AddendumOptions = z.input<typeof AddendumOptions>;

// A list of ids right after "recommendations" (maybe "Nos."), a position verb, or a colon.
const LIST_START = /(?:\brecommendations?(?:\s+n(?:o|os|°|º)s?\.)?|\brecommandations?(?:\s+n(?:o|os|°|º)s?\.?)?|\brecomendaci(?:o|ó)n(?:es)?(?:\s+n(?:o|os|°|º)s?\.?)?|\bnumbers?|\b(?:supports?|supported|accepts?|accepted|notes|noted|rejects?|rejected|soutient|accepte|apoya|acepta)|:)\s*(?=\d)/giu;
const ID = String.raw`\d{1,3}(?:\.\d{1,3})?(?!\d)`;
const ITEM = new RegExp(String.raw`^(${ID})(?:(?:\s*[-–—]\s*|\s+(?:to|à|a|al)\s+)(${ID}))?`, "u");
const SEPARATOR = /^(?:\s*(?:,|;|\band\b|\bet\b|\by\b|\.(?=\s*\d))\s*)+/;
// "accepts 142 recommendations", "accepte 9 des 16 recommandations": a count, not an id.
const COUNT = /^\s+(?:recommendations?|recommandations?|recomendaciones?|of(?: the)? \d|des \d|de (?:las|los) \d)/i;
// "Recommandation 122.2 : ..." at the head of an explanation: the id it is about, not a position list.
const CAPTION = /^\s*(?:rec(?:ommendations?|ommandations?|omendaci(?:o|ó)n(?:es)?)?|recs)\.?\s*$/i;
// "See recommendation 24.", "voir la recommandation 3", "véase la recomendación 5": a reference, not a list.
const REFERENCE = /\b(?:see|voir|v[eé]ase|ver|cf)\b[^.;:]{0,60}$/i;
const MAX_RANGE = 1000;

interface Run {
  start: number;
  end: number;
  ids: string[];
}

function expand(from: string, to: string | undefined, last: { paragraph: string | null }, paragraph: string | undefined): string[] | string {
  const qualify = (s: string): [string | null, number] => {
    const dot = s.indexOf(".");
    if (dot >= 0) {
      last.paragraph = s.slice(0, dot);
      return [last.paragraph, Number(s.slice(dot + 1))];
    }
    return [last.paragraph ?? paragraph ?? null, Number(s)];
  };
  const [p1, a] = qualify(from);
  if (to === undefined) return [p1 === null ? String(a) : `${p1}.${a}`];
  const [p2, b] = to.includes(".") ? qualify(to) : [p1, Number(to)];
  if (p1 !== p2) return `a range across paragraphs (${from}-${to})`;
  if (b < a || b - a > MAX_RANGE) return `an impossible range (${from}-${to})`;
  const out: string[] = [];
  for (let i = a; i <= b; i++) out.push(p1 === null ? String(i) : `${p1}.${i}`);
  return out;
}

function readRuns(sentence: string, paragraph: string | undefined, bad: (message: string) => void): Run[] {
  const runs: Run[] = [];
  for (const m of sentence.matchAll(LIST_START)) {
    let at = (m.index ?? 0) + m[0].length;
    if (runs.length && at < runs[runs.length - 1]!.end) continue;
    const ids: string[] = [];
    const last = { paragraph: null as string | null };
    let end = at;
    let items = 0;
    let dotted = false;
    for (;;) {
      const item = ITEM.exec(sentence.slice(at));
      if (!item || COUNT.test(sentence.slice(at + item[0].length))) break;
      items++;
      dotted ||= item[0].includes(".");
      const got = expand(item[1]!, item[2], last, paragraph);
      if (typeof got === "string") bad(`Skipped ${got} in "${sentence.slice(at, at + item[0].length)}".`);
      else ids.push(...got);
      at += item[0].length;
      end = at;
      const sep = SEPARATOR.exec(sentence.slice(at));
      if (!sep) break;
      at += sep[0].length;
    }
    if (!ids.length) continue;
    // "... in three categories: 1. Accepted recommendations; 2. ...": a numbered label, not a list.
    if (m[0].startsWith(":") && items === 1 && !dotted && /^\.(?:\s+\p{Lu}|\s*$)/u.test(sentence.slice(end))) continue;
    runs.push({ start: (m.index ?? 0) + m[0].length, end, ids });
  }
  return runs;
}

// A 1st-cycle answer: "40., 41., 42., Slovenia accepts these recommendations ..." (numbers, then prose).
const ANSWER = /^((?:\d{1,3}\s*\.\s*,?\s*)+)(?=\p{L}|$)/u;
const MENTIONS = /\b(?:recommendations?|recommandations?|recomendaci(?:o|ó)n(?:es)?)\b/i;

/** Record one id's position, reporting a conflicting second listing. */
function record(out: AddendumPositions, id: string, position: Position, words: string, place: Place, paragraph: string | null): void {
  const before = out.positions.get(id);
  if (before && before !== position) {
    out.diagnostics.push({
      code: "conflicting-position",
      severity: "warning",
      message: `Recommendation ${id} is listed as ${before} and as ${position}; read as partially-supported.`,
      place,
      actual: id,
    });
    out.positions.set(id, "partially-supported");
    out.evidence.set(id, `${out.evidence.get(id)}; ${words}`);
  } else if (!before) {
    out.positions.set(id, position);
    out.evidence.set(id, words);
    out.places.set(id, place);
    if (paragraph) out.paragraphs.set(id, paragraph);
  }
}

/** The position of a 1st-cycle answer: its sentences that speak of "the recommendation(s)", together. */
function answerPosition(body: string): { position: Position; words: string } | null {
  const found: { position: Position; words: string }[] = [];
  for (const sentence of body.split(/(?<=[.;])\s+(?=\p{Lu})/u)) {
    if (!MENTIONS.test(sentence)) continue;
    const r = readPosition(sentence.replace(/\b(?:notes?|noted|takes? note|prend note|toma nota) (?:that|que|of the fact)\b/gi, " "));
    if (r.position === "supported" || r.position === "noted" || r.position === "partially-supported") found.push({ position: r.position, words: [...new Set(r.evidence)].join(", ") });
  }
  if (!found.length) return null;
  const kinds = new Set(found.map((f) => f.position));
  const position: Position = kinds.size === 1 ? found[0]!.position : "partially-supported";
  return { position, words: found.map((f) => f.words).join("; ") };
}

/**
 * Read the positions an addendum gives, paragraph by paragraph and sentence by sentence: each list of
 * ids takes the position worded before it ("enjoy the support of", "accepts", "notes", "did not enjoy the
 * support", in English, French or Spanish). Bare numbers get `options.paragraph` when given ("18" →
 * "115.18"), else the paragraph of the previous full id in the list ("140.82-85, 87" → 140.87), else stay
 * bare. Counts ("accepts 142 recommendations") and references ("See recommendation 24") are not lists.
 * An addendum without any such list (1st cycle) is read as numbered answers, one per recommendation
 * ("5., 6. Slovenia accepts these recommendations"; "84. Slovenia cannot accept the recommendation").
 * `text` is the addendum's text (each line a paragraph) or its paragraphs with their places.
 * @example
 * readAddendumPositions("The following recommendations enjoy the support of Slovenia: 117.1-117.3, 117.5").positions;
 * // Map { "117.1" => "supported", "117.2" => "supported", "117.3" => "supported", "117.5" => "supported" }
 */
export function readAddendumPositions(text: string | readonly AddendumParagraph[], optionsIn: AddendumOptions = {}): AddendumPositions {
  const options = resolveOptions(AddendumOptions, optionsIn, "readAddendumPositions");
  const out: AddendumPositions = { positions: new Map(), evidence: new Map(), paragraphs: new Map(), places: new Map(), diagnostics: [] };
  const file = options.file ? { file: options.file } : {};
  const paragraphs: readonly AddendumParagraph[] =
    typeof text === "string" ? text.replace(/\r\n?/g, "\n").split("\n").map((t, i) => ({ text: t, place: { ...file, line: i + 1 } })) : text;
  const answers: { numbers: number[]; body: string; place: Place; open: boolean }[] = [];
  for (const para of paragraphs) {
    const line = cleanLine(para.text);
    if (!line) continue;
    const place: Place = para.place ?? { ...file };
    const number = /^(\d{1,3})\.\s+(?=\p{Lu})/u.exec(line)?.[1] ?? null;
    // Numbered answers, kept aside in case the addendum has no list at all.
    const answer = ANSWER.exec(line);
    if (answer) {
      const numbers = [...answer[1]!.matchAll(/\d{1,3}/g)].map((n) => Number(n[0]));
      const body = line.slice(answer[0].length);
      const prev = answers[answers.length - 1];
      // "77., 78., 79., 82.," / "83., 85. decision by ...": the list goes on over the next line.
      if (prev?.open && (!body || /^\p{Ll}/u.test(body))) {
        prev.numbers.push(...numbers);
        prev.body = `${prev.body} ${body}`.trim();
        prev.open = /,\s*$/.test(answer[1]!);
      } else answers.push({ numbers, body, place, open: /,\s*$/.test(answer[1]!) });
    } else if (answers.length) {
      // A paragraph of the same answer ("Slovenia cannot accept the recommendation to ...").
      answers[answers.length - 1]!.body += ` ${line}`;
    }
    // Sentences: a full stop followed by a capital letter ("... 117.45. Slovenia notes ...").
    for (const sentence of line.split(/(?<=[.;])\s+(?=\p{Lu})/u)) {
      const runs = readRuns(sentence, options.paragraph, (message) =>
        out.diagnostics.push({ code: "invalid-field", severity: "warning", message, place, actual: sentence.slice(0, 200) }),
      );
      let previous: { position: Position; words: string } | null = null;
      let from = 0;
      for (const run of runs) {
        const lead = sentence.slice(from, run.start);
        const caption = from === 0 && CAPTION.test(lead);
        from = run.end;
        if (REFERENCE.test(lead) || caption) continue;
        // "Slovenia notes that the following ... enjoy its support": "notes that" is not a position.
        const reading = readPosition(lead.replace(/\d+(?:\.\d+)*/g, " ").replace(/\b(?:notes?|noted|takes? note|prend note|toma nota) (?:that|que|of the fact)\b/gi, " "));
        const decided: { position: Position; words: string } | null =
          reading.position === "unknown" ? previous : { position: reading.position, words: [...new Set(reading.evidence)].join(", ") };
        if (!decided) {
          out.diagnostics.push({
            code: "unknown-position",
            severity: "warning",
            message: `No position wording before the list ${run.ids.slice(0, 3).join(", ")}${run.ids.length > 3 ? ", ..." : ""}: "${cleanLine(lead).slice(0, 120)}".`,
            place,
            actual: sentence.slice(0, 200),
          });
          continue;
        }
        previous = decided;
        for (const id of run.ids) record(out, id, decided.position, decided.words, place, number);
      }
    }
  }
  if (out.positions.size === 0) {
    for (const a of answers) {
      const decided = answerPosition(a.body);
      const ids = a.numbers.map((n) => (options.paragraph ? `${options.paragraph}.${n}` : String(n)));
      if (!decided) {
        out.diagnostics.push({ code: "unknown-position", severity: "warning", message: `The answer to recommendation(s) ${ids.join(", ")} gives no position wording ("accepts", "cannot accept", "notes"...): "${a.body.slice(0, 120)}".`, place: a.place, actual: a.body.slice(0, 200) });
        continue;
      }
      for (const id of ids) record(out, id, decided.position, decided.words, a.place, String(a.numbers[0]));
    }
  }
  return out;
}

/** Options of applyAddendumPositions. */
export const ApplyOptions = z.object({
  /** The addendum symbol to record as `positionSource`, e.g. "A/HRC/43/15/Add.1". */
  source: z.string().optional(),
  /** Also replace positions the file gave (default: only fill `unknown` and `pending`). */
  overwrite: z.boolean().optional(),
});
export type ApplyOptions = z.input<typeof ApplyOptions>;

/**
 * Give recommendations without a position (`unknown` or `pending`, e.g. "will be examined" in the report)
 * the position an addendum lists for their id, with the addendum's wording (`positionRaw`), symbol and
 * paragraph. A bare number ("18") matches the recommendation "115.18" when the recommendations share one
 * paragraph. Ids the addendum lists that match no recommendation are reported.
 * @example
 * const { recommendations } = applyAddendumPositions(recs, readAddendumPositions(text), { source: "A/HRC/43/15/Add.1" });
 */
export function applyAddendumPositions(
  recommendations: readonly Recommendation[],
  read: AddendumPositions | ReadonlyMap<string, Position>,
  optionsIn: ApplyOptions = {},
): { recommendations: Recommendation[]; applied: number; diagnostics: Diagnostic[] } {
  const options = resolveOptions(ApplyOptions, optionsIn, "applyAddendumPositions");
  const positions = read instanceof Map ? read : (read as AddendumPositions).positions;
  const details = read instanceof Map ? null : (read as AddendumPositions);
  const paragraphs = new Set(recommendations.map((r) => (r.paragraphId ?? r.id).split(".")[0]));
  const onlyParagraph = paragraphs.size === 1 ? [...paragraphs][0]! : null;
  const used = new Set<string>();
  let applied = 0;
  const out = recommendations.map((r) => {
    const id = r.paragraphId ?? r.id;
    let key = positions.has(id) ? id : null;
    if (key === null && onlyParagraph !== null) {
      const bare = id.slice(id.indexOf(".") + 1);
      if (id.includes(".") && positions.has(bare)) key = bare;
    }
    if (key === null) return r;
    used.add(key);
    if (!options.overwrite && r.position !== "unknown" && r.position !== "pending") return r;
    applied++;
    const words = details?.evidence.get(key);
    return {
      ...r,
      position: positions.get(key)!,
      positionRaw: words || `listed in ${options.source ?? "the addendum"}`,
      positionSource: options.source ?? null,
      positionSourceParagraph: details?.paragraphs.get(key) ?? null,
    };
  });
  const diagnostics: Diagnostic[] = [];
  const unused = [...positions.keys()].filter((k) => !used.has(k));
  if (unused.length) {
    diagnostics.push({
      code: "unknown-recommendation",
      severity: "warning",
      message: `${unused.length} id(s) listed in the addendum match no recommendation: ${unused.slice(0, 10).join(", ")}${unused.length > 10 ? ", ..." : ""}.`,
      ...(details?.places.get(unused[0]!) ? { place: details.places.get(unused[0]!)! } : {}),
      actual: unused.slice(0, 50).join(", "),
    });
  }
  return { recommendations: out, applied, diagnostics };
}
