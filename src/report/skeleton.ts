// The outline of a national report (or a voluntary mid-term report) as data: title-page fields,
// sections with word budgets that add up to the limit, cluster subsections referencing each
// recommendation by paragraph number and document symbol, placeholders for the writer, working notes
// from the ledger, and the annex matrix. src/docx/skeleton.ts turns it into Word.
import type { Recommendation } from "../schema/recommendation.js";
import type { Language } from "../schema/source.js";
import { messagesFor } from "../i18n/index.js";
import { buildReport, clusterTitle, type Report, type ReportOptions, type ReportRow } from "./model.js";
import { positionGroup } from "./stats.js";
import { skeletonLabelsFor, type SectionId } from "./skeleton-labels.js";

/** National report (Guidance Note, 10,700 words) or voluntary mid-term report. */
export type SkeletonKind = "national" | "mid-term";

/** Options of the skeleton builders. */
export interface SkeletonOptions extends ReportOptions {
  kind?: SkeletonKind;
  /** Words for the whole body, annexes excluded (default 10,700 national, 4,500 mid-term). */
  wordLimit?: number;
}

/** The 3rd-cycle Guidance Note limit for national reports (annexes not counted). */
export const NATIONAL_WORD_LIMIT = 10_700;
/** A suggested length for mid-term reports: no official limit exists. */
export const MID_TERM_WORDS = 4_500;

/** A piece of a section's body. */
export type SkeletonBlock =
  | { kind: "text"; text: string }
  /** Text for the writer to replace: rendered in [brackets], highlighted. */
  | { kind: "placeholder"; text: string }
  | { kind: "budget"; words: number }
  /** "Recommendations 115.1, 115.3–5 (A/HRC/28/15)". */
  | { kind: "references"; text: string }
  /** Working notes from the ledger, to be deleted before submission. */
  | { kind: "notes"; title: string; items: string[] }
  | { kind: "table"; header: string[]; rows: { cells: string[]; placeholder: boolean[] }[] };

/** A cluster (or the voluntary pledges) inside a section. */
export interface SkeletonSubsection {
  id: string;
  letter: string;
  title: string;
  words: number;
  blocks: SkeletonBlock[];
  /** recommendationKey of every recommendation referenced here. */
  keys: string[];
}

/** A numbered section of the report. */
export interface SkeletonSection {
  id: SectionId;
  number: string;
  title: string;
  /** Word budget of the whole section, its subsections included. */
  words: number;
  blocks: SkeletonBlock[];
  subsections: SkeletonSubsection[];
}

/** Everything the Word skeleton holds. */
export interface SkeletonOutline {
  kind: SkeletonKind;
  lang: Language;
  wordLimit: number;
  /** True for the national report, whose limit is the Guidance Note's. */
  official: boolean;
  masthead: string[];
  title: string;
  subject: string | null;
  /** Title-page fields; null values are placeholders for the writer. */
  fields: { label: string; value: string | null }[];
  guide: { title: string; lines: string[] };
  budget: { rows: { number: string; title: string; words: number }[]; total: number; title: string; header: [string, string]; totalLabel: string };
  sections: SkeletonSection[];
  annex: { title: string; subtitle: string; note: string; report: Report };
}

const ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/**
 * Letters for subsections: A ... Z, then AA, AB ...
 * @example
 * subsectionLetter(27); // "AB"
 */
export function subsectionLetter(i: number): string {
  let n = i;
  let s = "";
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

/**
 * Split a total into integer parts proportional to weights (largest remainder), in units of `unit`
 * words when the total is a multiple of it, so that the parts always add up to the total exactly.
 * @example
 * allocateWords(100, [1, 1, 1], 10); // [40, 30, 30]
 */
export function allocateWords(total: number, weights: readonly number[], unit = 10): number[] {
  if (weights.length === 0) return [];
  const u = unit > 1 && total % unit === 0 ? unit : 1;
  const units = Math.round(total / u);
  const w = weights.map((x) => (Number.isFinite(x) && x > 0 ? x : 0));
  const sum = w.reduce((a, b) => a + b, 0);
  const share = sum > 0 ? w.map((x) => (x / sum) * units) : w.map(() => units / w.length);
  const parts = share.map(Math.floor);
  let left = units - parts.reduce((a, b) => a + b, 0);
  const order = share.map((s, i) => ({ i, r: s - Math.floor(s) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) parts[order[k]!.i]!++;
  return parts.map((p) => p * u);
}

// "115.3" → ["115.", 3]; ids without a trailing number are listed as they are.
function splitId(id: string): [string, number] | null {
  const m = /^(.*?)(\d+)$/.exec(id);
  return m ? [m[1]!, Number(m[2])] : null;
}

function compareIds(a: string, b: string): number {
  const x = a.split(/(\d+)/);
  const y = b.split(/(\d+)/);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    const d = /^\d+$/.test(p) && /^\d+$/.test(q) ? Number(p) - Number(q) : p < q ? -1 : 1;
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

/**
 * Compress paragraph ids into the ranges national reports use: "115.1, 115.3–5, 115.9".
 * @example
 * compressIds(["115.4", "115.3", "115.5", "115.1"]); // "115.1, 115.3–5"
 */
export function compressIds(ids: readonly string[]): string {
  const sorted = [...new Set(ids)].sort(compareIds);
  const out: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    const first = sorted[i]!;
    const head = splitId(first);
    let j = i;
    if (head) {
      while (j + 1 < sorted.length) {
        const next = splitId(sorted[j + 1]!);
        if (!next || next[0] !== head[0] || next[1] !== head[1] + (j + 1 - i)) break;
        j++;
      }
    }
    out.push(j > i ? `${first}–${splitId(sorted[j]!)![1]}` : first);
    i = j + 1;
  }
  return out.join(", ");
}

/**
 * Reference recommendations by paragraph number and document symbol, grouped by symbol:
 * "115.1, 115.3–5 (A/HRC/28/15); 28.212 (A/HRC/40/6)".
 * @example
 * formatReferences(recs); // "115.1, 115.3–5 (A/HRC/28/15)"
 */
export function formatReferences(recs: readonly Pick<Recommendation, "id" | "paragraphId" | "documentSymbol">[]): string {
  const bySymbol = new Map<string, string[]>();
  for (const r of recs) {
    const k = r.documentSymbol ?? "";
    const list = bySymbol.get(k) ?? [];
    list.push(r.paragraphId ?? r.id);
    bySymbol.set(k, list);
  }
  return [...bySymbol].map(([sym, ids]) => `${compressIds(ids)}${sym ? ` (${sym})` : ""}`).join("; ");
}

function excerpt(text: string, words = 14): string {
  const w = text.split(/\s+/).filter(Boolean);
  return w.length <= words ? text : `${w.slice(0, words).join(" ")}…`;
}

function noteItem(row: ReportRow, lang: Language): string {
  const L = messagesFor(lang);
  const SL = skeletonLabelsFor(lang);
  const r = row.rec;
  const s = row.state;
  const parts = [`${r.paragraphId ?? r.id}${r.documentSymbol ? ` (${r.documentSymbol})` : ""}`, L.position[r.position]];
  // The ledger's status with its date, else the source file's own status (row.status), else "no status".
  parts.push(s?.status ? `${L.status[s.status]}${s.since ? ` (${L.matrix.since} ${s.since})` : ""}` : row.status !== "untracked" ? L.status[row.status] : SL.noRecord);
  if (s?.lead) parts.push(`${L.matrix.lead}${L.colon}${s.lead}`);
  for (const a of s?.actions ?? []) parts.push(`${a.date}: ${a.text}`);
  return `${parts.join(" – ")}. “${excerpt(r.text)}”`;
}

function midTermRow(row: ReportRow, lang: Language): { cells: string[]; placeholder: boolean[] } {
  const L = messagesFor(lang);
  const SL = skeletonLabelsFor(lang);
  const r = row.rec;
  const s = row.state;
  const rec = `${r.paragraphId ?? r.id}${r.documentSymbol ? ` (${r.documentSymbol})` : ""}\n${excerpt(r.text, 20)}`;
  const status = s?.status ? `${L.status[s.status]}${s.since ? ` (${s.since})` : ""}` : row.status !== "untracked" ? L.status[row.status] : "";
  const measures = (s?.actions ?? []).map((a) => `${a.date}: ${a.text}`).join("\n");
  const inst = [s?.lead, ...(s?.institutions ?? []).filter((i) => i !== s?.lead), ...(s ? [] : r.institutions)].filter(Boolean).join("; ");
  const cells = [rec, status || SL.midTable.status, measures || SL.midTable.measures, inst || SL.midTable.institution, SL.midTable.challenges];
  return { cells, placeholder: [false, !status, !measures, !inst, true] };
}

interface SectionPlan {
  id: SectionId;
  weight: number;
}

const NATIONAL: readonly SectionPlan[] = [
  { id: "methodology", weight: 800 },
  { id: "developments", weight: 1500 },
  { id: "implementation", weight: 5400 },
  { id: "noted", weight: 800 },
  { id: "achievements", weight: 1200 },
  { id: "priorities", weight: 600 },
  { id: "capacity", weight: 400 },
];
const PLEDGES_SHARE = 300 / 5400;

const MID_TERM: readonly SectionPlan[] = [
  { id: "midIntro", weight: 500 },
  { id: "midImplementation", weight: 3000 },
  { id: "midNoted", weight: 400 },
  { id: "midChallenges", weight: 600 },
];

/**
 * Build the outline of a national report (sections after HRC decision 17/119 and the 3rd-cycle
 * Guidance Note, 10,700 words) or of a voluntary mid-term report, from recommendations and their
 * ledger states.
 * @example
 * const outline = buildSkeletonOutline(recommendations, { states, lang: "fr", kind: "national" });
 * outline.sections.reduce((n, s) => n + s.words, 0); // 10700
 */
export function buildSkeletonOutline(recommendations: readonly Recommendation[], options: SkeletonOptions = {}): SkeletonOutline {
  const kind = options.kind ?? "national";
  const lang = options.lang ?? "en";
  const L = messagesFor(lang);
  const SL = skeletonLabelsFor(lang);
  const report = buildReport(recommendations, options);
  const national = kind === "national";
  const wordLimit = Math.max(100, Math.round(options.wordLimit ?? (national ? NATIONAL_WORD_LIMIT : MID_TERM_WORDS)));
  const plan = national ? NATIONAL : MID_TERM;
  const words = allocateWords(wordLimit, plan.map((p) => p.weight));
  const { meta } = report;

  // Supported (and pending or unstated) recommendations go to the implementation section; noted ones to their own.
  const implClusters = report.clusters
    .map((g) => ({ cluster: g.cluster, rows: g.items.filter((r) => positionGroup(r.rec.position) !== "noted") }))
    .filter((g) => g.rows.length > 0);
  const notedClusters = report.clusters
    .map((g) => ({ cluster: g.cluster, rows: g.items.filter((r) => positionGroup(r.rec.position) === "noted") }))
    .filter((g) => g.rows.length > 0);

  const sections: SkeletonSection[] = plan.map((p, i) => {
    const section: SkeletonSection = {
      id: p.id,
      number: ROMAN[i]!,
      title: SL.sections[p.id],
      words: words[i]!,
      blocks: [],
      subsections: [],
    };
    if (p.id === "implementation" || p.id === "midImplementation") {
      const pledges = national ? Math.round((section.words * PLEDGES_SHARE) / 10) * 10 : 0;
      const clusterWords = allocateWords(section.words - pledges, implClusters.map((g) => g.rows.length));
      section.blocks.push({ kind: "placeholder", text: SL.prompts[p.id] });
      implClusters.forEach((g, k) => {
        const title = clusterTitle(g.cluster, lang);
        const blocks: SkeletonBlock[] = [
          { kind: "references", text: SL.references(formatReferences(g.rows.map((r) => r.rec))) },
          { kind: "budget", words: clusterWords[k]! },
          { kind: "placeholder", text: national ? SL.clusterPrompt : SL.midClusterPrompt },
        ];
        if (national) blocks.push({ kind: "notes", title: SL.notesTitle, items: g.rows.map((r) => noteItem(r, lang)) });
        else
          blocks.push({
            kind: "table",
            header: [SL.midTable.recommendation, SL.midTable.status, SL.midTable.measures, SL.midTable.institution, SL.midTable.challenges],
            rows: g.rows.map((r) => midTermRow(r, lang)),
          });
        section.subsections.push({
          id: `cluster-${k + 1}`,
          letter: subsectionLetter(k),
          title,
          words: clusterWords[k]!,
          blocks,
          keys: g.rows.map((r) => r.key),
        });
      });
      if (implClusters.length === 0) section.blocks.push({ kind: "budget", words: section.words - pledges });
      if (national) {
        section.subsections.push({
          id: "pledges",
          letter: subsectionLetter(implClusters.length),
          title: SL.sections.pledges,
          words: pledges,
          blocks: [
            { kind: "budget", words: pledges },
            { kind: "placeholder", text: SL.prompts.pledges },
          ],
          keys: [],
        });
      }
      return section;
    }
    section.blocks.push({ kind: "budget", words: section.words }, { kind: "placeholder", text: SL.prompts[p.id] });
    if (p.id === "noted" || p.id === "midNoted") {
      for (const g of notedClusters) {
        section.blocks.push({ kind: "references", text: SL.notedIn(clusterTitle(g.cluster, lang), formatReferences(g.rows.map((r) => r.rec))) });
      }
      if (notedClusters.length === 0) section.blocks.push({ kind: "text", text: L.report.none });
      const rows = notedClusters.flatMap((g) => g.rows);
      if (rows.length) section.blocks.push({ kind: "notes", title: SL.notesTitle, items: rows.map((r) => noteItem(r, lang)) });
    }
    return section;
  });

  const cycle = meta.cycle;
  const symbols = meta.documentSymbols.join(", ");
  const reportedOn = cycle || symbols ? [cycle ? L.cycle(cycle) : null, symbols || null].filter(Boolean).join(": ") : null;
  const fields: { label: string; value: string | null }[] = national
    ? [
        { label: SL.fields.symbol, value: null },
        { label: SL.fields.session, value: null },
        { label: SL.fields.dates, value: null },
        { label: SL.fields.state, value: meta.stateUnderReview },
        { label: SL.fields.review, value: cycle ? L.cycle(cycle + 1) : null },
        { label: SL.fields.reportedOn, value: reportedOn },
        { label: SL.fields.language, value: SL.languageName },
        { label: SL.fields.submitted, value: null },
      ]
    : [
        { label: SL.fields.state, value: meta.stateUnderReview },
        { label: SL.fields.reportedOn, value: reportedOn },
        { label: SL.fields.language, value: SL.languageName },
        { label: SL.fields.preparedBy, value: null },
        { label: SL.fields.submitted, value: null },
      ];

  return {
    kind,
    lang,
    wordLimit,
    official: national,
    masthead: national ? [SL.un, SL.generalAssembly, SL.hrc, SL.workingGroup] : [SL.un, SL.hrc, SL.workingGroup],
    title: national ? SL.nationalTitle : SL.midTermTitle(cycle ? L.cycle(cycle) : `[${SL.toComplete}]`),
    subject: meta.stateUnderReview,
    fields,
    guide: { title: SL.guideTitle, lines: SL.guide(wordLimit, national) },
    budget: {
      title: SL.budgetTitle,
      header: [SL.budgetSection, SL.budgetWords],
      totalLabel: SL.budgetTotal,
      rows: sections.map((s) => ({ number: s.number, title: s.title, words: s.words })),
      total: sections.reduce((n, s) => n + s.words, 0),
    },
    sections,
    annex: { title: SL.annexTitle, subtitle: SL.annexSubtitle, note: SL.annexNote, report },
  };
}
