// Starting a ledger: who is responsible for what (an assignment table the mechanism keeps), and the
// statuses and institutions a home-made tracking sheet already holds.
import Papa from "papaparse";
import * as z from "zod";
import { resolveOptions } from "../errors/matrix-error.js";
import type { Diagnostic } from "../schema/diagnostic.js";
import type { Recommendation } from "../schema/recommendation.js";
import { recommendationKey, recommendationKeys } from "../schema/key.js";
import type { StatusEvent } from "../schema/status.js";
import { fold } from "../internal/text.js";
import { createEvent } from "./event.js";
import { statusOf, statusLabels, wordingToKeep } from "./status-words.js";

/** One line of an assignment table: which recommendations go to which institutions. */
export interface AssignmentRule {
  /**
   * A recommendation key ("Kenya|2|142.28"), paragraph id ("142.28"), cluster or theme code ("D23"),
   * cluster name ("Death penalty"), theme group letter ("D") or "*" for everything else.
   */
  match: string;
  lead: string;
  supporting: string[];
  /** 1-based row in the assignment file. */
  row: number;
}

const MATCH = new Set(["match", "recommendation", "recommendations", "key", "id", "theme", "cluster", "code", "recomendacion", "recommandation", "theme code", "tema"]);
const LEAD = new Set(["lead", "lead institution", "institution", "chef de file", "institution chef de file", "institucion principal", "lider", "responsable"]);
const SUPPORTING = new Set(["supporting", "supporting institutions", "institutions", "other institutions", "institutions associees", "instituciones de apoyo", "apoyo"]);

/**
 * Read an assignment table (CSV: `match,lead,supporting`; supporting institutions separated by ";").
 * @example
 * const { rules } = parseAssignments("match,lead,supporting\nD23,Ministry of Justice,Police; Prisons\n*,Ministry of Foreign Affairs,\n");
 */
export function parseAssignments(text: string, file = "assignments.csv"): { rules: AssignmentRule[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ""), { delimiter: "", delimitersToGuess: [",", ";", "\t"], skipEmptyLines: false });
  const rows = parsed.data;
  const header = (rows[0] ?? []).map((h) => fold(h));
  const col = (names: Set<string>) => header.findIndex((h) => names.has(h));
  const m = col(MATCH);
  const l = col(LEAD);
  const s = col(SUPPORTING);
  if (m < 0 || l < 0) {
    diagnostics.push({
      code: "missing-column",
      severity: "error",
      message: `An assignment table needs a "match" column and a "lead" column (found: ${(rows[0] ?? []).map((h) => `"${h}"`).join(", ") || "nothing"}).`,
      place: { file, row: 1 },
      expected: ["match", "lead", "supporting"],
    });
    return { rules: [], diagnostics };
  }
  const rules: AssignmentRule[] = [];
  rows.forEach((cells, i) => {
    if (i === 0 || cells.every((c) => !c.trim())) return;
    const match = (cells[m] ?? "").trim();
    const lead = (cells[l] ?? "").trim();
    if (!match || !lead) {
      diagnostics.push({ code: "invalid-field", severity: "warning", message: `Row ${i + 1} has no ${match ? "lead institution" : "match value"}; skipped.`, place: { file, row: i + 1, column: (match ? l : m) + 1 } });
      return;
    }
    const supporting = s >= 0 ? (cells[s] ?? "").split(/[;\n]/).map((x) => x.trim()).filter((x) => x && x !== lead) : [];
    rules.push({ match, lead, supporting: [...new Set(supporting)], row: i + 1 });
  });
  return { rules, diagnostics };
}

// Lower is more specific: a rule naming the recommendation beats its cluster, which beats its group.
function specificity(rule: AssignmentRule, rec: Recommendation, key: string): number | null {
  const m = rule.match;
  if (m === key || m === recommendationKey(rec)) return 0;
  if (m === rec.id || (rec.paragraphId !== null && m === rec.paragraphId)) return 1;
  const code = rec.cluster?.code?.toUpperCase() ?? null;
  if (code !== null && m.toUpperCase() === code) return 2;
  if (rec.cluster && fold(m) === fold(rec.cluster.name)) return 2;
  if (code !== null && fold(m) === fold(`${rec.cluster!.code} ${rec.cluster!.name}`)) return 2;
  if (rec.themes.some((t) => (t.code !== null && t.code.toUpperCase() === m.toUpperCase()) || fold(t.name) === fold(m))) return 3;
  if (/^[A-Z]$/i.test(m) && code !== null && code.startsWith(m.toUpperCase())) return 4;
  if (m === "*") return 5;
  return null;
}

/**
 * The lead and supporting institutions each recommendation gets from assignment rules: the most
 * specific rules win, and rules of equal specificity add their institutions up.
 * @example
 * assignInstitutions(recommendations, rules).get("Kenya|2|142.28"); // { lead: "Ministry of Justice", institutions: ["Ministry of Justice", "Police"] }
 */
export function assignInstitutions(
  recommendations: readonly Recommendation[],
  rules: readonly AssignmentRule[],
  file = "assignments.csv",
): { assignments: Map<string, { lead: string; institutions: string[] }>; diagnostics: Diagnostic[] } {
  const assignments = new Map<string, { lead: string; institutions: string[] }>();
  const used = new Set<AssignmentRule>();
  const { keys } = recommendationKeys(recommendations);
  for (const [i, rec] of recommendations.entries()) {
    const key = keys[i]!;
    if (assignments.has(key)) continue;
    let best: AssignmentRule[] = [];
    let bestLevel = Infinity;
    for (const rule of rules) {
      const level = specificity(rule, rec, key);
      if (level === null || level > bestLevel) continue;
      if (level < bestLevel) best = [];
      bestLevel = level;
      best.push(rule);
    }
    if (best.length === 0) continue;
    for (const r of best) used.add(r);
    const lead = best[0]!.lead;
    const institutions = [lead];
    for (const r of best) for (const n of [r.lead, ...r.supporting]) if (!institutions.includes(n)) institutions.push(n);
    assignments.set(key, { lead, institutions });
  }
  const diagnostics: Diagnostic[] = rules
    .filter((r) => !used.has(r))
    .map((r) => ({
      code: "unknown-recommendation" as const,
      severity: "warning" as const,
      message: `"${r.match}" matches no recommendation (or only ones a more specific rule assigns).`,
      place: { file, row: r.row, column: 1 },
      actual: r.match,
    }));
  return { assignments, diagnostics };
}

/** Options for `initialEvents`. */
export const InitialEventsOptions = z.object({
  /** ISO date-time stamped on the events. */
  recordedAt: z.iso.datetime(),
  /** The date the initial statuses refer to (YYYY-MM-DD). */
  date: z.iso.date(),
  /** Lead and institutions by key, as `assignInstitutions` gives them. */
  assignments: z.custom<ReadonlyMap<string, { lead: string; institutions: string[] }>>((v) => v instanceof Map).optional(),
});
export type InitialEventsOptions = z.input<typeof InitialEventsOptions>;

/**
 * A `key-collision` warning for each key that two different recommendations would share, naming the
 * key each is tracked under.
 * @example
 * keyCollisionDiagnostics(recommendations)[0]?.message; // '"121.1" names 2 different recommendations …'
 */
export function keyCollisionDiagnostics(recommendations: readonly Recommendation[]): Diagnostic[] {
  return recommendationKeys(recommendations).collisions.map((c) => {
    const first = c.members[0]!;
    const short = (t: string) => (t.length > 60 ? `${t.slice(0, 59)}…` : t);
    return {
      code: "key-collision" as const,
      severity: "warning" as const,
      message: `"${first.id}" names ${c.members.length} different recommendations (${c.key.startsWith("||") ? "no State or cycle" : `key ${c.key}`}): ${c.members.map((m) => `"${short(m.text)}" is tracked as ${m.key}`).join("; ")}. Give each file its State and cycle (or check that ids such as 121.10 were not read as numbers) for keys of their own.`,
      place: first.place,
      actual: c.key,
    };
  });
}

/**
 * The first events of a ledger: each recommendation's assignment, and the status, institutions and
 * assessment its source sheet already gives. Unknown status words become `unknown-status` diagnostics
 * at their cell, and are kept in the event's `statusRaw`. A recommendation listed twice gives two
 * events (nothing is dropped), with `status-conflict` when their statuses differ.
 * @example
 * const { events, diagnostics } = initialEvents(recommendations, { recordedAt: new Date().toISOString(), date: "2025-03-01" });
 */
export function initialEvents(recommendations: readonly Recommendation[], options: InitialEventsOptions): { events: StatusEvent[]; diagnostics: Diagnostic[] } {
  const opts = resolveOptions(InitialEventsOptions, options, "initialEvents");
  const events: StatusEvent[] = [];
  const diagnostics: Diagnostic[] = keyCollisionDiagnostics(recommendations);
  // A recommendation listed twice (a copied row) keeps both answers; differing statuses are reported.
  const firstStatus = new Map<string, { raw: string | null; row: number | undefined }>();
  const { keys } = recommendationKeys(recommendations);
  for (const [i, rec] of recommendations.entries()) {
    const key = keys[i]!;
    const raw = rec.status?.trim() || null;
    const status = raw ? statusOf(raw, rec.position) : null;
    const first = firstStatus.get(key);
    if (!first) firstStatus.set(key, { raw, row: rec.place.row });
    else if (raw && first.raw && statusOf(first.raw, rec.position) !== status) {
      diagnostics.push({
        code: "status-conflict",
        severity: "warning",
        message: `${rec.id} is listed twice with different statuses ("${first.raw}" in row ${first.row}, "${raw}" here); both are recorded. Settle it with "upr-matrix track update".`,
        place: { ...rec.place, field: "status" },
        actual: `${first.raw} / ${raw}`,
      });
    }
    if (raw && !status) {
      diagnostics.push({
        code: "unknown-status",
        severity: "warning",
        message: `Status "${raw}" of ${rec.id} is not a known status; kept as written, status not set.`,
        place: { ...rec.place, field: "status" },
        actual: raw,
        expected: statusLabels("en"),
      });
    }
    const assigned = first ? undefined : opts.assignments?.get(key);
    const institutions = assigned?.institutions ?? rec.institutions;
    const lead = assigned?.lead ?? rec.institutions[0] ?? null;
    const action = rec.assessment?.trim() || null;
    if (!raw && institutions.length === 0 && !action) continue;
    events.push(
      createEvent(
        {
          recommendation: key,
          status,
          statusRaw: wordingToKeep(raw, status),
          date: opts.date,
          institutions,
          lead,
          action,
          source: { reporter: null, file: rec.place.file ?? null, sheet: rec.place.sheet ?? null, row: rec.place.row || null, round: null },
        },
        { recordedAt: opts.recordedAt },
      ),
    );
  }
  return { events, diagnostics };
}

/**
 * Find the recommendation a person means: its key (see `recommendationKeys`), or its paragraph id (or
 * unqualified key) when only one recommendation has it; otherwise the candidate keys.
 * @example
 * findRecommendation(recommendations, "142.28").recommendation?.id; // "142.28"
 * findRecommendation(recommendations, "121.1").candidates; // ["||121.1@kenya.csv", "||121.1@uganda.csv"]
 */
export function findRecommendation(recommendations: readonly Recommendation[], ref: string): { recommendation: Recommendation | null; candidates: string[] } {
  const r = ref.trim();
  const { keys } = recommendationKeys(recommendations);
  const exact = keys.indexOf(r);
  if (exact >= 0) return { recommendation: recommendations[exact]!, candidates: [r] };
  // A number, or a key that two recommendations would share: only when it names one of them.
  const id = r.replace(/\.$/, "");
  const hits = recommendations.flatMap((rec, i) => (rec.id === id || rec.paragraphId === id || recommendationKey(rec) === r ? [i] : []));
  const candidates = [...new Set(hits.map((i) => keys[i]!))];
  return { recommendation: candidates.length === 1 ? recommendations[hits[0]!]! : null, candidates };
}
