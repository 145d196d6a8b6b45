// The text of each matrix column, shared by the XLSX matrix and the DOCX annex, in the OHCHR layout:
// Recommendation | Position | Full list of themes | Assessment/comments on level of implementation.
import type { Recommendation } from "../schema/recommendation.js";
import type { Language } from "../schema/source.js";
import { fold } from "../internal/text.js";
import { SDG_GOALS } from "../taxonomy/index.js";
import type { Messages as Labels } from "../i18n/index.js";
import type { ReportRow } from "./model.js";

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
export function themesCell(rec: Recommendation, L: Labels, lang: Language = "en"): string {
  const lines = rec.themes.map((t) => (t.code ? `${t.code} ${t.name}` : t.name));
  if (rec.affectedPersons.length) {
    lines.push(L.matrix.affectedPersons);
    for (const p of rec.affectedPersons) lines.push(`- ${p.name}`);
  }
  if (rec.sdgs.length) {
    lines.push(L.matrix.sdgs);
    for (const s of rec.sdgs) {
      const title = SDG_GOALS[s.goal - 1]?.[lang] ?? "";
      lines.push(`- ${s.target ?? s.goal} ${title}`.trimEnd());
    }
  }
  return lines.join("\n");
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
