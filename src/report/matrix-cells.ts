// The text of each matrix column, shared by the XLSX matrix and the DOCX annex, in the OHCHR layout:
// Recommendation | Position | Full list of themes | Assessment/comments on level of implementation.
import type { Recommendation } from "../schema/recommendation.js";
import type { Language } from "../schema/source.js";
import { fold } from "../internal/text.js";
import { SDG_GOALS } from "../taxonomy/index.js";
import type { Messages as Labels } from "../i18n/index.js";
import type { ReportRow } from "./model.js";
import type { Namer } from "./vocabulary.js";

/**
 * The recommendation cell: paragraph id, text (naming the recommending States, added when the text
 * does not), and the "Source of position" line.
 * @example
 * recommendationCell(rec, messagesFor("en")); // "115.1 Take further steps ... (Croatia);\nSource of position: A/HRC/28/15/Add.1 - Para. 3"
 */
export function recommendationCell(rec: Recommendation, L: Labels): string {
  let text = rec.text;
  if (rec.recommendingStates.length > 0) {
    // Matrices name the States in the text ("... (France) (Germany);"); exports such as UPR Info's do not.
    const named = rec.recommendingStates.some((s) => text.includes(s));
    if (!named) {
      const folded = fold(text);
      if (!rec.recommendingStates.some((s) => folded.includes(fold(s)))) text = `${text} (${rec.recommendingStates.join(", ")})`;
    }
  }
  const id = rec.paragraphId ?? "";
  const lines = [id && !text.startsWith(id) ? `${id} ${text}` : text];
  if (rec.positionSource) {
    lines.push(`${L.matrix.sourceOfPosition} ${rec.positionSource}${rec.positionSourceParagraph ? ` - Para. ${rec.positionSourceParagraph}` : ""}`);
  }
  return lines.join("\n");
}

/**
 * The themes cell: one theme per line ("A12 Acceptance of international norms", or the bare name when
 * uncoded: a leading dash would read as a formula sign in a spreadsheet), then the affected persons
 * and SDG blocks.
 * @example
 * themesCell(rec, messagesFor("en")); // "A12 Acceptance of international norms\nAffected persons:\n- General"
 */
export function themesCell(rec: Recommendation, L: Labels, lang: Language = "en", layout: MatrixLayout = "themes", names?: Namer): string {
  const lines = rec.themes.map((given) => {
    const t = names ? names.theme(given) : given;
    return t.code ? `${t.code} ${t.name}` : t.name;
  });
  if (rec.affectedPersons.length) {
    lines.push(layout === "g3" ? L.matrix.groupsOfPersons : L.matrix.affectedPersons);
    for (const p of rec.affectedPersons) lines.push(`- ${names ? names.person(p) : p.name}`);
  }
  // 4th-cycle lists give the SDGs a column of their own (sdgsCell).
  if (rec.sdgs.length && layout === "themes") {
    lines.push(L.matrix.sdgs);
    for (const line of sdgLines(rec, lang)) lines.push(`- ${line}`);
  }
  return lines.join("\n");
}

function sdgLines(rec: Pick<Recommendation, "sdgs">, lang: Language): string[] {
  return rec.sdgs.map((s) => `${s.target ?? s.goal} ${SDG_GOALS[s.goal - 1]?.[lang] ?? ""}`.trimEnd());
}

/**
 * The "Relevant SDGs" cell of 4th-cycle lists: one goal (or target) per line with its short title.
 * @example
 * sdgsCell(rec, "en"); // "16 Peace, justice and strong institutions"
 */
export function sdgsCell(rec: Pick<Recommendation, "sdgs">, lang: Language): string {
  return sdgLines(rec, lang).join("\n");
}

/**
 * OHCHR's matrix layouts: the 2nd/3rd-cycle one (Recommendation | Position | Full list of themes |
 * Assessment, SDGs inside the themes cell) and the 4th-cycle one (G3: Recommendation and recommending
 * State | Position of the State under review | Human rights themes and groups of persons | Relevant
 * SDGs), to which the filled matrix adds the assessment column.
 */
export type MatrixLayout = "themes" | "g3";

/**
 * The layout of the list the recommendations come from: 4th-cycle lists (G3) for recommendations of the
 * 4th cycle and later.
 * @example
 * matrixLayoutFor(4); // "g3"
 */
export function matrixLayoutFor(cycle: number | null): MatrixLayout {
  return cycle !== null && cycle >= 4 ? "g3" : "themes";
}

/** One column of the matrix: header, share of the table width, and the cell of a row. */
export interface MatrixColumn {
  header: string;
  width: number;
  /** Smaller type (the themes list). */
  small?: boolean;
  cell: (row: ReportRow) => string;
}

/**
 * The columns of the filled matrix and of the skeletons' annex, in the layout's order.
 * @example
 * matrixColumns("g3", messagesFor("en"), "en").map((c) => c.header); // ["Recommendation and recommending State", ...]
 */
export function matrixColumns(layout: MatrixLayout, L: Labels, lang: Language, names?: Namer): MatrixColumn[] {
  const M = L.matrix;
  const position = (row: ReportRow) => L.position[row.rec.position];
  if (layout === "g3") {
    return [
      { header: M.recommendationG3, width: 0.33, cell: (r) => recommendationCell(r.rec, L) },
      { header: M.positionG3, width: 0.1, cell: position },
      { header: M.themesG3, width: 0.2, small: true, cell: (r) => themesCell(r.rec, L, lang, "g3", names) },
      { header: M.sdgsG3, width: 0.12, small: true, cell: (r) => sdgsCell(r.rec, lang) },
      { header: M.assessment, width: 0.25, cell: (r) => assessmentCell(r, L) },
    ];
  }
  return [
    { header: M.recommendation, width: 0.36, cell: (r) => recommendationCell(r.rec, L) },
    { header: M.position, width: 0.1, cell: position },
    { header: M.themes, width: 0.24, small: true, cell: (r) => themesCell(r.rec, L, lang, "themes", names) },
    { header: M.assessment, width: 0.3, cell: (r) => assessmentCell(r, L) },
  ];
}

/**
 * What the narrative reports show in their status column: the status (the ledger's, else the source's
 * recognised wording, else the source's wording as written), the lead institution and every recorded
 * action, so that nothing recorded is dropped when a status word was not recognised.
 * @example
 * statusLines(row, messagesFor("en")); // ["In progress (2024-03-01)", "Lead institution: Ministry of Justice", "2024-04-10: Bill tabled"]
 */
export function statusLines(row: ReportRow, L: Labels): string[] {
  const s = row.state;
  const lines: string[] = [];
  if (s?.status) lines.push(`${L.status[s.status]}${s.since ? ` (${s.since})` : ""}`);
  else if (row.status !== "untracked") lines.push(L.status[row.status]);
  else if (row.rec.status?.trim()) lines.push(`${L.matrix.statusAsTyped}${L.colon}${row.rec.status.trim()}`);
  if (s?.lead) lines.push(`${L.matrix.lead}${L.colon}${s.lead}`);
  for (const a of s?.actions ?? []) lines.push(`${a.date}: ${a.text}${a.by ? ` (${a.by})` : ""}`);
  return lines;
}

/**
 * The assessment cell, from the ledger: status and date, lead and other institutions, dated actions,
 * evidence, indicators; then whatever the source file itself said.
 * @example
 * assessmentCell(row, messagesFor("en")); // "In progress (since 2024-03-01)\nLead institution: Ministry of Justice\n..."
 */
export function assessmentCell(row: ReportRow, L: Labels): string {
  const lines: string[] = [];
  const s = row.state;
  if (s) {
    if (s.status) lines.push(`${L.status[s.status]}${s.since ? ` (${L.matrix.since} ${s.since})` : ""}`);
    if (s.lead) lines.push(`${L.matrix.lead}${L.colon}${s.lead}`);
    const others = s.institutions.filter((i) => i !== s.lead);
    if (others.length) lines.push(`${L.matrix.institutions}${L.colon}${others.join("; ")}`);
    if (s.actions.length) {
      lines.push(`${L.matrix.actions}${L.colon.trimEnd()}`);
      for (const a of s.actions) lines.push(`- ${a.date}: ${a.text}${a.by ? ` (${a.by})` : ""}`);
    }
    if (s.evidence.length) lines.push(`${L.matrix.evidence}${L.colon}${s.evidence.join("; ")}`);
    if (s.indicators.length) lines.push(`${L.matrix.indicators}${L.colon}${s.indicators.join("; ")}`);
  }
  const own = [row.rec.status, row.rec.assessment].filter((x): x is string => Boolean(x?.trim()));
  if (own.length) lines.push(s ? `${L.matrix.sourceAssessment}${L.colon}${own.join(" - ")}` : own.join("\n"));
  return lines.join("\n");
}
