// Positions given as paragraph lists in a State's addendum (A/HRC/../Add.1) or in the Working Group
// report: "The following recommendations enjoy the support of Slovenia: 117.1-117.45, 117.50",
// cycle-2 bare numbers "accepts the recommendations 1–5, 14–16", cycle-4 shorthand "140.82-85, 87",
// "140.120, 209" and the stray "140.35. 140.36" (DOMAIN-DETAIL §1.3, §8).
import type { Diagnostic } from "../schema/diagnostic.js";
import type { Position, Recommendation } from "../schema/recommendation.js";
import { cleanLine } from "../internal/text.js";
import { readPosition } from "./position.js";

/** Positions read from an addendum: recommendation id → position, with the words that decided. */
export interface AddendumPositions {
  positions: Map<string, Position>;
  /** id → the wording that gave its position, e.g. "enjoy the support of Slovenia". */
  evidence: Map<string, string>;
  diagnostics: Diagnostic[];
}

export interface AddendumOptions {
  /** Paragraph of the Working Group report for bare numbers ("115" turns "18" into "115.18"). */
  paragraph?: string;
  /** File name for the diagnostics' places. */
  file?: string;
}

// A list of ids right after "recommendations", "Nos." or a colon.
const LIST_START = /(?:\brecommendations?|\brecommandations?|\brecomendaci(?:o|ó)n(?:es)?|\bn(?:o|os|°|º)\.|\bnumbers?|\b(?:supports?|supported|accepts?|accepted|notes|noted|rejects?|rejected|soutient|accepte|apoya|acepta)|:)\s*(?=\d)/giu;
const ID = String.raw`\d{1,3}(?:\.\d{1,3})?(?!\d)`;
const ITEM = new RegExp(String.raw`^(${ID})(?:(?:\s*[-–—]\s*|\s+(?:to|à|a|al)\s+)(${ID}))?`, "u");
const SEPARATOR = /^(?:\s*(?:,|;|\band\b|\bet\b|\by\b|\.(?=\s*\d))\s*)+/;
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
    for (;;) {
      const item = ITEM.exec(sentence.slice(at));
      if (!item) break;
      const got = expand(item[1]!, item[2], last, paragraph);
      if (typeof got === "string") bad(`Skipped ${got} in "${sentence.slice(at, at + item[0].length)}".`);
      else ids.push(...got);
      at += item[0].length;
      end = at;
      const sep = SEPARATOR.exec(sentence.slice(at));
      if (!sep) break;
      at += sep[0].length;
    }
    if (ids.length) runs.push({ start: (m.index ?? 0) + m[0].length, end, ids });
  }
  return runs;
}

/**
 * Read the positions an addendum gives as lists of recommendation ids, paragraph by paragraph and
 * sentence by sentence: each list takes the position worded before it ("enjoy the support of",
 * "accepts", "notes", "did not enjoy the support", in English, French or Spanish). Bare numbers get
 * `options.paragraph` when given ("18" → "115.18"), else the paragraph of the previous full id in
 * the list ("140.82-85, 87" → 140.87), else stay bare.
 * @example
 * readAddendumPositions("The following recommendations enjoy the support of Slovenia: 117.1-117.3, 117.5").positions;
 * // Map { "117.1" => "supported", "117.2" => "supported", "117.3" => "supported", "117.5" => "supported" }
 */
export function readAddendumPositions(text: string, options: AddendumOptions = {}): AddendumPositions {
  const positions = new Map<string, Position>();
  const evidence = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  lines.forEach((raw, li) => {
    const line = cleanLine(raw);
    if (!line) return;
    const place = { ...(options.file ? { file: options.file } : {}), line: li + 1 };
    // Sentences: a full stop followed by a capital letter ("... 117.45. Slovenia notes ...").
    for (const sentence of line.split(/(?<=[.;])\s+(?=\p{Lu})/u)) {
      const runs = readRuns(sentence, options.paragraph, (message) =>
        diagnostics.push({ code: "invalid-field", severity: "warning", message, place, actual: sentence.slice(0, 200) }),
      );
      let previous: { position: Position; words: string } | null = null;
      let from = 0;
      for (const run of runs) {
        const lead = sentence.slice(from, run.start);
        // "Slovenia notes that the following ... enjoy its support": "notes that" is not a position.
        const reading = readPosition(lead.replace(/\d+(?:\.\d+)*/g, " ").replace(/\b(?:notes?|noted|takes? note|prend note|toma nota) (?:that|que|of the fact)\b/gi, " "));
        let decided: { position: Position; words: string } | null =
          reading.position === "unknown" ? previous : { position: reading.position, words: reading.evidence.join(", ") };
        from = run.end;
        if (!decided) {
          diagnostics.push({
            code: "unknown-position",
            severity: "warning",
            message: `No position wording before the list ${run.ids.slice(0, 3).join(", ")}${run.ids.length > 3 ? ", ..." : ""}: "${cleanLine(lead).slice(0, 120)}".`,
            place,
            actual: sentence.slice(0, 200),
          });
          continue;
        }
        previous = decided;
        for (const id of run.ids) {
          const before = positions.get(id);
          if (before && before !== decided.position) {
            diagnostics.push({
              code: "conflicting-position",
              severity: "warning",
              message: `Recommendation ${id} is listed as ${before} and as ${decided.position}; read as partially-supported.`,
              place,
              actual: id,
            });
            positions.set(id, "partially-supported");
            evidence.set(id, `${evidence.get(id)}; ${decided.words}`);
          } else if (!before) {
            positions.set(id, decided.position);
            evidence.set(id, decided.words);
          }
        }
        decided = null;
      }
    }
  });
  return { positions, evidence, diagnostics };
}

export interface ApplyOptions {
  /** The addendum symbol to record as `positionSource`, e.g. "A/HRC/43/15/Add.1". */
  source?: string;
  /** Also replace positions the file gave (default: only fill `unknown` and `pending`). */
  overwrite?: boolean;
}

/**
 * Give recommendations without a position (`unknown` or `pending`) the position an addendum lists for
 * their id. A bare number ("18") matches the recommendation "115.18" when the recommendations share
 * one paragraph. Ids the addendum lists that match no recommendation are reported.
 * @example
 * const { recommendations } = applyAddendumPositions(recs, readAddendumPositions(text).positions, { source: "A/HRC/43/15/Add.1" });
 */
export function applyAddendumPositions(
  recommendations: readonly Recommendation[],
  positions: ReadonlyMap<string, Position>,
  options: ApplyOptions = {},
): { recommendations: Recommendation[]; applied: number; diagnostics: Diagnostic[] } {
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
    return {
      ...r,
      position: positions.get(key)!,
      positionRaw: r.positionRaw ?? `listed in ${options.source ?? "the addendum"}`,
      positionSource: options.source ?? r.positionSource,
    };
  });
  const diagnostics: Diagnostic[] = [];
  const unused = [...positions.keys()].filter((k) => !used.has(k));
  if (unused.length) {
    diagnostics.push({
      code: "unknown-recommendation",
      severity: "warning",
      message: `${unused.length} id(s) listed in the addendum match no recommendation: ${unused.slice(0, 10).join(", ")}${unused.length > 10 ? ", ..." : ""}.`,
      actual: unused.slice(0, 50).join(", "),
    });
  }
  return { recommendations: out, applied, diagnostics };
}
