// The outline of a national report (or a voluntary mid-term report) as data: title page, writer's guide,
// sections with the text each follows and a word budget adding up to the limit, plain-language cluster
// subsections citing every recommendation by paragraph number and document symbol, SDG links,
// placeholders, working notes from the ledger, and the annex matrix. The structure follows the cycle of
// the review being prepared (cycles.ts); docs/report.md maps every section to its source.
// src/docx/skeleton.ts turns it into Word.
import * as z from "zod";
import type { Recommendation } from "../schema/recommendation.js";
import type { Language } from "../schema/source.js";
import { resolveOptions } from "../errors/matrix-error.js";
import { messagesFor, type Messages } from "../i18n/index.js";
import type { BasisId, SectionId } from "../i18n/types.js";
import type { ClusterRef } from "./clusters.js";
import { reviewRules, type ReviewRules } from "./cycles.js";
import { buildReportResolved, ReportOptions, type Report, type ReportRow } from "./model.js";
import { formatCount } from "./numbers.js";
import { formatReferences, sdgGoalsOf, sdgList } from "./references.js";
import { positionGroup } from "./stats.js";

export { compressIds, formatReferences } from "./references.js";

/** National report or voluntary mid-term report. */
export const SkeletonKind = z.enum(["national", "mid-term"]);
export type SkeletonKind = z.infer<typeof SkeletonKind>;

/** The official limit for national reports: 10,700 words, annexes and endnotes not counted. */
export const NATIONAL_WORD_LIMIT = 10_700;
/** upr-matrix's suggested length for mid-term reports: no official limit exists. */
export const MID_TERM_WORDS = 4_500;
/** Below this budget a cluster gets no useful paragraph: it is merged with a related cluster. */
export const MIN_CLUSTER_WORDS = 150;

/** Options of the skeleton builders: the report's, plus the kind, word limit and minimum cluster budget. */
export const SkeletonOptions = ReportOptions.extend({
  kind: SkeletonKind.default("national"),
  /** Words for the body, annexes and endnotes excluded (default 10,700 national, 4,500 mid-term). */
  wordLimit: z.int().min(100).max(1_000_000).optional(),
  /** Clusters whose budget would fall below this are merged with a related one (default 150). */
  minClusterWords: z.int().min(0).max(100_000).default(MIN_CLUSTER_WORDS),
});
export type SkeletonOptions = z.input<typeof SkeletonOptions>;
export type ResolvedSkeletonOptions = z.output<typeof SkeletonOptions>;

/** A piece of a section's body. */
export type SkeletonBlock =
  | { kind: "text"; text: string }
  /** Small grey line: what the section follows. */
  | { kind: "basis"; text: string }
  /** Text for the writer to replace: rendered in [brackets], highlighted. */
  | { kind: "placeholder"; text: string }
  | { kind: "budget"; words: number }
  /** "Recommendations 115.1, 115.3–5 (A/HRC/28/15)", "SDGs: 5 Gender equality". */
  | { kind: "references"; text: string }
  /** Working notes from the ledger, to be deleted before submission. */
  | { kind: "notes"; title: string; items: string[] }
  | { kind: "table"; header: string[]; widths: number[]; rows: { cells: string[]; placeholder: boolean[] }[] };

/** A subsection: a cluster, the voluntary pledges, or a fixed topic (national mechanism, plan...). */
export interface SkeletonSubsection {
  id: string;
  letter: string;
  title: string;
  words: number;
  basis: BasisId | null;
  blocks: SkeletonBlock[];
  /** recommendationKey of every recommendation cited here. */
  keys: string[];
  /** Paragraph ids (or generated ids) of every recommendation cited here. */
  ids: string[];
  /** The clusters merged into this subsection (one unless small clusters were merged). */
  clusters: ClusterRef[];
}

/** A numbered section. */
export interface SkeletonSection {
  id: SectionId;
  number: string;
  title: string;
  basis: BasisId;
  /** Word budget of the whole section, its subsections included. */
  words: number;
  blocks: SkeletonBlock[];
  subsections: SkeletonSubsection[];
}

/** A masthead line; placeholders are for the writer to replace. */
export interface MastheadLine {
  text: string;
  placeholder: boolean;
}

/** Everything the Word skeleton holds. */
export interface SkeletonOutline {
  kind: SkeletonKind;
  lang: Language;
  wordLimit: number;
  /** The national report's limit is the official one; the mid-term length is a suggestion. */
  official: boolean;
  /** The rules followed (review cycle, title formula, 4th-cycle structure). */
  rules: ReviewRules;
  /** UN masthead (national report) or the Government's name (mid-term report). */
  masthead: MastheadLine[];
  title: string;
  subject: string | null;
  /** Title-page fields; null values are placeholders for the writer. */
  fields: { label: string; value: string | null }[];
  guide: { title: string; lines: string[] };
  budget: { title: string; header: [string, string, string]; rows: { number: string; title: string; basis: string; words: number }[]; total: number; totalLabel: string; note: string };
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

/** A cluster (or several merged) with the rows it covers. */
interface ClusterBlock {
  clusters: ClusterRef[];
  rows: ReportRow[];
  weight: number;
}

// Noted recommendations need fewer words than supported ones (developments, a change of position).
const weightOf = (rows: readonly ReportRow[]) => rows.reduce((n, r) => n + (positionGroup(r.rec.position) === "noted" ? 0.5 : 1), 0);

/**
 * Merge clusters whose budget would fall below `min` words into a related cluster (same family of the
 * default map, else the nearest in report order), smallest first, until every budget reaches `min` or one
 * cluster is left. Returns the blocks with their budgets, which add up to `total`.
 * @example
 * mergeSmallClusters(blocks, 5000, 150).map((b) => b.clusters.length); // [1, 2, 1, ...]
 */
export function mergeSmallClusters(groups: readonly { cluster: ClusterRef; rows: ReportRow[] }[], total: number, min: number): { blocks: ClusterBlock[]; words: number[] } {
  const blocks: ClusterBlock[] = groups.map((g) => ({ clusters: [g.cluster], rows: [...g.rows], weight: weightOf(g.rows) }));
  let words = allocateWords(total, blocks.map((b) => b.weight));
  while (blocks.length > 1) {
    let i = 0;
    for (let k = 1; k < blocks.length; k++) if (words[k]! < words[i]! || (words[k] === words[i] && blocks[k]!.weight < blocks[i]!.weight)) i = k;
    if (words[i]! >= min) break;
    const family = blocks[i]!.clusters[0]!.family;
    const distance = (k: number) => Math.abs(k - i) + (family !== null && blocks[k]!.clusters[0]!.family === family ? 0 : 1000);
    let j = -1;
    for (let k = 0; k < blocks.length; k++) if (k !== i && (j === -1 || distance(k) < distance(j) || (distance(k) === distance(j) && blocks[k]!.weight < blocks[j]!.weight))) j = k;
    const into = blocks[j]!;
    const from = blocks[i]!;
    // Keep report order inside the merged block.
    into.clusters = j < i ? [...into.clusters, ...from.clusters] : [...from.clusters, ...into.clusters];
    into.rows = j < i ? [...into.rows, ...from.rows] : [...from.rows, ...into.rows];
    into.weight += from.weight;
    blocks.splice(i, 1);
    words = allocateWords(total, blocks.map((b) => b.weight));
  }
  return { blocks, words };
}

function excerpt(text: string, words = 14): string {
  const w = text.split(/\s+/).filter(Boolean);
  return w.length <= words ? text : `${w.slice(0, words).join(" ")}…`;
}

const refOf = (r: Recommendation) => `${r.paragraphId ?? r.id}${r.documentSymbol ? ` (${r.documentSymbol})` : ""}`;

function noteItem(row: ReportRow, L: Messages): string {
  const r = row.rec;
  const s = row.state;
  const parts = [refOf(r), L.position[r.position]];
  // The ledger's status with its date, else the source file's own status (row.status), else "no status".
  parts.push(s?.status ? `${L.status[s.status]}${s.since ? ` (${L.matrix.since} ${s.since})` : ""}` : row.status !== "untracked" ? L.status[row.status] : L.skeleton.noRecord);
  if (s?.lead) parts.push(`${L.matrix.lead}${L.colon}${s.lead}`);
  for (const a of s?.actions ?? []) parts.push(`${a.date}: ${a.text}`);
  if (r.sdgs.length) parts.push(L.skeleton.sdgLine(sdgGoalsOf([r]).join(", ")));
  return `${parts.join(" – ")}. “${excerpt(r.text)}”`;
}

function midTermRow(row: ReportRow, L: Messages): { cells: string[]; placeholder: boolean[] } {
  const SL = L.skeleton;
  const r = row.rec;
  const s = row.state;
  const goals = sdgGoalsOf([r]);
  const rec = `${refOf(r)}\n${excerpt(r.text, 20)}${goals.length ? `\n${SL.sdgLine(goals.join(", "))}` : ""}`;
  const status = s?.status ? `${L.status[s.status]}${s.since ? ` (${s.since})` : ""}` : row.status !== "untracked" ? L.status[row.status] : "";
  const measures = (s?.actions ?? []).map((a) => `${a.date}: ${a.text}`).join("\n");
  const inst = [s?.lead, ...(s?.institutions ?? []).filter((i) => i !== s?.lead), ...(s ? [] : r.institutions)].filter(Boolean).join("; ");
  const cells = [rec, status || SL.midTable.status, measures || SL.midTable.measures, inst || SL.midTable.institution, SL.midTable.challenges];
  return { cells, placeholder: [false, !status, !measures, !inst, true] };
}

interface Plan {
  id: SectionId;
  basis: BasisId;
  weight: number;
  subsections?: { id: SectionId; basis: BasisId; weight: number }[];
}

// Budgets are upr-matrix's proposal (the guide box and the budget table say so). Practice puts most
// words into the implementation clusters (about 85% in A/HRC/WG.6/48/SVN/1).
const NATIONAL_4: readonly Plan[] = [
  {
    id: "methodology",
    basis: "dec17-119-A",
    weight: 600,
    subsections: [
      { id: "preparation", basis: "dec17-119-A", weight: 300 },
      { id: "consultation", basis: "hc-letters-4", weight: 300 },
    ],
  },
  { id: "developments", basis: "dec17-119-B", weight: 900 },
  {
    id: "followUp",
    basis: "dec17-119-D",
    weight: 1000,
    subsections: [
      { id: "mechanism", basis: "hc-letters-4", weight: 300 },
      { id: "plan", basis: "hc-letters-4", weight: 300 },
      { id: "sdgs", basis: "hc-letters-4", weight: 250 },
      { id: "otherMechanisms", basis: "hc-letters-4", weight: 150 },
    ],
  },
  { id: "implementation", basis: "dec17-119-CD", weight: 6400 },
  { id: "achievements", basis: "dec17-119-E", weight: 900 },
  { id: "priorities", basis: "dec17-119-F", weight: 500 },
  { id: "capacity", basis: "dec17-119-G", weight: 400 },
];
const NATIONAL_17_119: readonly Plan[] = [
  { id: "methodology", basis: "dec17-119-A", weight: 700 },
  { id: "developments", basis: "dec17-119-B", weight: 1200 },
  { id: "implementation", basis: "dec17-119-CD", weight: 6900 },
  { id: "achievements", basis: "dec17-119-E", weight: 1000 },
  { id: "priorities", basis: "dec17-119-F", weight: 500 },
  { id: "capacity", basis: "dec17-119-G", weight: 400 },
];
const MID_TERM: readonly Plan[] = [
  { id: "midIntro", basis: "res16-21-mid", weight: 500 },
  { id: "midImplementation", basis: "hc-letters-mid", weight: 3000 },
  { id: "midNoted", basis: "upr-info-mid", weight: 400 },
  { id: "midChallenges", basis: "hc-letters-mid", weight: 600 },
];
const PLEDGES_WORDS = 300;

/**
 * Build the outline of a national report (the structure of the review's cycle: HRC decision 17/119 and,
 * for 4th-cycle reviews and later, the High Commissioner's asks) or of a voluntary mid-term report (a
 * Government document on accepted recommendations), from recommendations and their ledger states.
 * Throws `MatrixError("invalid-options")` for options it cannot use.
 * @example
 * const outline = buildSkeletonOutline(recommendations, { states, lang: "fr", kind: "national" });
 * outline.sections.reduce((n, s) => n + s.words, 0); // 10700
 */
export function buildSkeletonOutline(recommendations: readonly Recommendation[], options: SkeletonOptions = {}): SkeletonOutline {
  return buildSkeletonOutlineResolved(recommendations, resolveOptions(SkeletonOptions, options, "buildSkeletonOutline"));
}

/** buildSkeletonOutline with options already resolved. */
export function buildSkeletonOutlineResolved(recommendations: readonly Recommendation[], opts: ResolvedSkeletonOptions): SkeletonOutline {
  const { kind, lang } = opts;
  const L = messagesFor(lang);
  const SL = L.skeleton;
  const report = buildReportResolved(recommendations, opts);
  const { meta, stats } = report;
  const national = kind === "national";
  const rules = reviewRules(meta.cycle);
  const wordLimit = opts.wordLimit ?? (national ? NATIONAL_WORD_LIMIT : MID_TERM_WORDS);
  const plan = national ? (rules.fourthCycle ? NATIONAL_4 : NATIONAL_17_119) : MID_TERM;
  const words = allocateWords(wordLimit, plan.map((p) => p.weight));
  const count = (n: number) => formatCount(n, lang);

  const noted = (r: ReportRow) => positionGroup(r.rec.position) === "noted";
  const clusterGroups = (filter: (r: ReportRow) => boolean) =>
    report.clusters.map((g) => ({ cluster: g.cluster, rows: g.items.filter(filter) })).filter((g) => g.rows.length > 0);
  const joinNames = (clusters: readonly ClusterRef[]) => clusters.map((c) => c.name).join(lang === "fr" ? "\u00a0; " : "; ");

  function clusterSubsections(blocks: ClusterBlock[], budgets: number[]): SkeletonSubsection[] {
    return blocks.map((b, k) => {
      const recs = b.rows.map((r) => r.rec);
      const supported = b.rows.filter((r) => !noted(r));
      const notedRows = b.rows.filter(noted);
      const goals = sdgGoalsOf(recs);
      const out: SkeletonBlock[] = [];
      if (supported.length) out.push({ kind: "references", text: SL.references(formatReferences(supported.map((r) => r.rec))) });
      if (notedRows.length) out.push({ kind: "references", text: SL.notedReferences(formatReferences(notedRows.map((r) => r.rec))) });
      if (goals.length) out.push({ kind: "references", text: SL.sdgLine(sdgList(goals, lang)) });
      out.push({ kind: "budget", words: budgets[k]! });
      if (national) {
        if (supported.length) out.push({ kind: "placeholder", text: SL.clusterPrompt });
        if (notedRows.length) out.push({ kind: "placeholder", text: SL.clusterNotedPrompt });
        if (rules.fourthCycle) out.push({ kind: "placeholder", text: SL.clusterLinksPrompt });
        out.push({ kind: "notes", title: SL.notesTitle, items: b.rows.map((r) => noteItem(r, L)) });
      } else {
        out.push({ kind: "placeholder", text: SL.midClusterPrompt });
        const t = SL.midTable;
        out.push({ kind: "table", header: [t.recommendation, t.status, t.measures, t.institution, t.challenges], widths: [2.6, 1.7, 2.3, 1.6, 1.8], rows: b.rows.map((r) => midTermRow(r, L)) });
      }
      return {
        id: `cluster-${k + 1}`,
        letter: subsectionLetter(k),
        title: joinNames(b.clusters),
        words: budgets[k]!,
        basis: null,
        blocks: out,
        keys: b.rows.map((r) => r.key),
        ids: b.rows.map((r) => r.rec.paragraphId ?? r.rec.id),
        clusters: b.clusters,
      };
    });
  }

  function fixedSubsection(id: SectionId, basis: BasisId, words: number, index: number): SkeletonSubsection {
    const blocks: SkeletonBlock[] = [{ kind: "budget", words }, { kind: "placeholder", text: SL.prompts[id] }];
    if (id === "sdgs") {
      const t = SL.sdgTable;
      if (stats.sdgs.length) {
        blocks.push({
          kind: "table",
          // Counts in columns of their own: a narrow column of "3 (supported ...: 3; noted: 0)" cut words in two.
          header: [t.goal, t.clusters, L.report.supportedGroup, L.report.notedGroup],
          widths: [3, 4.6, 1.4, 1],
          rows: stats.sdgs.map((s) => ({
            cells: [sdgList([s.goal], lang), s.clusters.join("; "), String(s.supported), String(s.noted)],
            placeholder: [false, false, false, false],
          })),
        });
      } else blocks.push({ kind: "placeholder", text: SL.sdgNone });
    }
    if (id === "otherMechanisms") {
      const t = SL.otherMechanismsTable;
      const row = { cells: [SL.toComplete, SL.otherMechanismsRow, SL.toComplete], placeholder: [true, true, true] };
      blocks.push({ kind: "table", header: [t.recommendation, t.mechanism, t.link], widths: [3, 3, 4], rows: [row, row, row] });
    }
    return { id, letter: subsectionLetter(index), title: SL.sections[id], words, basis, blocks, keys: [], ids: [], clusters: [] };
  }

  const sections: SkeletonSection[] = plan.map((p, i) => {
    const section: SkeletonSection = { id: p.id, number: ROMAN[i]!, title: SL.sections[p.id], basis: p.basis, words: words[i]!, blocks: [], subsections: [] };
    if (p.subsections) {
      const parts = allocateWords(section.words, p.subsections.map((s) => s.weight));
      section.subsections = p.subsections.map((s, k) => fixedSubsection(s.id, s.basis, parts[k]!, k));
      return section;
    }
    if (p.id === "implementation" || p.id === "midImplementation") {
      const pledges = national ? Math.min(PLEDGES_WORDS, Math.round(section.words / 20) * 10) : 0;
      const groups = clusterGroups(national ? () => true : (r) => !noted(r));
      section.blocks.push({ kind: "placeholder", text: SL.prompts[p.id] });
      const { blocks, words: budgets } = mergeSmallClusters(groups, section.words - pledges, opts.minClusterWords);
      section.subsections = clusterSubsections(blocks, budgets);
      if (groups.length === 0) section.blocks.push({ kind: "budget", words: section.words - pledges }, { kind: "text", text: L.report.none });
      if (national) {
        section.subsections.push({
          id: "pledges",
          letter: subsectionLetter(section.subsections.length),
          title: SL.sections.pledges,
          words: pledges,
          basis: "dec17-119-CD",
          blocks: [
            { kind: "budget", words: pledges },
            { kind: "placeholder", text: SL.prompts.pledges },
          ],
          keys: [],
          ids: [],
          clusters: [],
        });
      }
      return section;
    }
    section.blocks.push({ kind: "budget", words: section.words }, { kind: "placeholder", text: SL.prompts[p.id] });
    if (p.id === "midNoted") {
      const groups = clusterGroups(noted);
      for (const g of groups) section.blocks.push({ kind: "references", text: SL.notedIn(g.cluster.name, formatReferences(g.rows.map((r) => r.rec))) });
      if (groups.length === 0) section.blocks.push({ kind: "text", text: L.report.none });
      else {
        section.blocks.push({ kind: "placeholder", text: SL.reconsiderPrompt });
        section.blocks.push({ kind: "notes", title: SL.notesTitle, items: groups.flatMap((g) => g.rows.map((r) => noteItem(r, L))) });
      }
    }
    return section;
  });

  const state = meta.stateName;
  const cycle = meta.cycle;
  const symbols = meta.documentSymbols.join(", ");
  const reportedOn = cycle || symbols ? [cycle ? L.cycle(cycle) : null, symbols || null].filter(Boolean).join(L.colon) : null;
  const fields: { label: string; value: string | null }[] = national
    ? [
        { label: SL.fields.symbol, value: null },
        { label: SL.fields.session, value: null },
        { label: SL.fields.dates, value: null },
        { label: SL.fields.state, value: state },
        { label: SL.fields.review, value: rules.reviewCycle ? L.cycle(rules.reviewCycle) : null },
        { label: SL.fields.reportedOn, value: reportedOn },
        { label: SL.fields.language, value: SL.languageName },
        { label: SL.fields.submitted, value: null },
      ]
    : [
        { label: SL.fields.state, value: state },
        { label: SL.fields.review, value: cycle ? L.cycle(cycle) : null },
        { label: SL.fields.reportedOn, value: reportedOn },
        { label: SL.fields.adopted, value: null },
        { label: SL.fields.period, value: null },
        { label: SL.fields.preparedBy, value: null },
        { label: SL.fields.sentTo, value: SL.ohchr },
        { label: SL.fields.submitted, value: null },
      ];

  const G = SL.guide;
  const limitLine = national
    ? wordLimit === NATIONAL_WORD_LIMIT
      ? G.nationalLimit(count(wordLimit))
      : G.customLimit(count(wordLimit), count(NATIONAL_WORD_LIMIT))
    : G.midLimit(count(wordLimit));
  const titleNote =
    rules.titleNote === "unknown" ? G.formulaUnknownCycle : rules.titleNote === "latest" ? G.formulaLatest(L.cycle(rules.reviewCycle!)) : null;
  const guide = national
    ? [limitLine, G.proposal, ...(titleNote ? [titleNote] : []), G.placeholders, G.notes, G.cite, G.clusters, G.endnotes, ...(rules.fourthCycle ? [G.sdgs] : []), G.sources]
    : [G.midGovernment, G.midTiming, G.midScope, limitLine, G.proposal, G.placeholders, G.cite, G.clusters, G.endnotes, G.sources];

  const masthead: MastheadLine[] = national
    ? [SL.un, SL.generalAssembly, SL.distribution, SL.original(SL.languageName), SL.hrc, SL.workingGroup].map((text) => ({ text, placeholder: false }))
    : [{ text: SL.government(state ?? `[${SL.fields.state}]`), placeholder: true }];

  return {
    kind,
    lang,
    wordLimit,
    official: national,
    rules,
    masthead,
    title: national ? SL[rules.title] : SL.midTermTitle(cycle ? L.cycle(cycle) : `[${SL.toComplete}]`),
    subject: state,
    fields,
    guide: { title: SL.guideTitle, lines: guide },
    budget: {
      title: SL.budgetTitle,
      header: [SL.budgetSection, SL.budgetBasis, SL.budgetWords],
      totalLabel: SL.budgetTotal,
      rows: sections.map((s) => ({ number: s.number, title: s.title, basis: SL.basis[s.basis], words: s.words })),
      total: sections.reduce((n, s) => n + s.words, 0),
      note: SL.budgetNote,
    },
    sections,
    annex: { title: SL.annexTitle, subtitle: SL.annexSubtitle, note: SL.annexNote, report },
  };
}
