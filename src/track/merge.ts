// Returned workbooks → events. A row becomes an event only when a person changed something since the
// export; different statuses from different institutions in one round become conflicts, never
// overwrites: every answer is kept in the ledger.
import * as z from "zod";
import { resolveOptions } from "../errors/matrix-error.js";
import type { Diagnostic } from "../schema/diagnostic.js";
import type { Place } from "../schema/place.js";
import type { ExtraField, Recommendation } from "../schema/recommendation.js";
import { recommendationKeys } from "../schema/key.js";
import type { Status, StatusEvent, TrackedState } from "../schema/status.js";
import { createEvent, dateOf, splitList } from "./event.js";
import { checkUpdateDate, currentStates, eventsByRecommendation, planAppend } from "./ledger.js";
import { statusOf, statusLabel, statusLabels, wordingToKeep } from "./status-words.js";
import type { EditableColumn, TrackColumn, TrackWorkbookMeta } from "./workbook.js";

/** A cell as read back: its text, and its date when the spreadsheet stored a real date. */
export interface ReturnedCell {
  text: string;
  column: number;
  /** A1 reference, e.g. "J7". */
  cell?: string;
  /** YYYY-MM-DD when the cell held a date value. */
  date?: string;
}

/** One data row of a returned workbook, cells by the column their header names. */
export interface ReturnedRow {
  row: number;
  cells: Partial<Record<TrackColumn, ReturnedCell>>;
  /** Non-empty cells of columns people added, by their header (or column letter when it has none). */
  extra?: { column: string; cell: ReturnedCell }[];
}

/** A returned workbook, as `readTrackWorkbook` reads it. */
export interface ReturnedWorkbook {
  file: string;
  /** The data sheet, or null when none was found. */
  sheet: string | null;
  /** The export's own description, or null when the hidden sheet is gone (a copied workbook). */
  meta: TrackWorkbookMeta | null;
  /** The editable cells as exported, by recommendation key; null with `meta`. */
  snapshot: ReadonlyMap<string, Partial<Record<EditableColumn, string>>> | null;
  rows: ReturnedRow[];
  /** Headers of columns people added: their text is kept with the answers (`extra`). */
  ignoredColumns: string[];
}

/** What the merge needs to know: the recommendations tracked, the ledger so far, and the clock. */
export const MergeContext = z.object({
  recommendations: z.array(z.custom<Recommendation>()),
  events: z.array(z.custom<StatusEvent>()),
  /** ISO date-time stamped on new events; its day is "today" for dates in the future. */
  recordedAt: z.iso.datetime(),
  /** YYYY-MM-DD used when a row gives no date. */
  today: z.iso.date(),
});
export type MergeContext = z.input<typeof MergeContext>;

/** How the rows of one workbook were used: the parts add up to `rows`. */
export interface MergeSummary {
  file: string;
  target: string | null;
  rows: number;
  blank: number;
  unchanged: number;
  /** Rows that gave a new event. */
  changed: number;
  /** Rows whose answer was already in the ledger (the workbook was imported before). */
  alreadyRecorded: number;
  /** Rows that name no known recommendation. */
  unknown: number;
}

/** The result of merging returned workbooks. */
export interface MergeResult {
  /** New events to append: every changed row, each once. */
  events: StatusEvent[];
  diagnostics: Diagnostic[];
  summaries: MergeSummary[];
}

const DAY_FIRST = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/;
const YEAR_FIRST = /^(\d{4})[./-](\d{1,2})[./-](\d{1,2})(?:[T ].*)?$/;

/**
 * Read the date people type: ISO (2025-03-01), year first with slashes, or day first (01/03/2025,
 * 1.3.2025). Null when it is not a real calendar date.
 * @example
 * parseUpdateDate("01/03/2025"); // "2025-03-01"
 */
export function parseUpdateDate(text: string): string | null {
  const t = text.trim();
  let y: number, m: number, d: number;
  const yf = YEAR_FIRST.exec(t);
  const df = DAY_FIRST.exec(t);
  if (yf) [y, m, d] = [Number(yf[1]), Number(yf[2]), Number(yf[3])];
  else if (df) [d, m, y] = [Number(df[1]), Number(df[2]), Number(df[3])];
  else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

const text = (c: ReturnedCell | undefined) => c?.text.trim() ?? "";

function placeOf(wb: ReturnedWorkbook, row: number, c: ReturnedCell | undefined, field?: string): Place {
  const p: Place = { file: wb.file, row };
  if (wb.sheet) p.sheet = wb.sheet;
  if (c) {
    p.column = c.column;
    if (c.cell) p.cell = c.cell;
  }
  if (field) p.field = field;
  return p;
}

function reporterOf(meta: TrackWorkbookMeta | null, person: string, file: string): string {
  // Without the export's metadata, the file name is all that says who answered.
  if (!meta) return person || (file.split(/[\\/]/).pop() ?? file);
  if (meta.by === "institution") return person ? `${meta.target} (${person})` : meta.target;
  return person || meta.target;
}

const sameStatus = (a: string, b: string, position: Recommendation["position"]) => {
  if (a === b) return true;
  const x = statusOf(a, position);
  return x !== null && x === statusOf(b, position);
};

/**
 * Turn returned update workbooks into new ledger events. Rows may be re-sorted, columns added,
 * statuses typed in other words or languages and rows left blank. Each row whose status, action,
 * evidence or indicators changed since the export becomes one event; unknown status words give
 * `unknown-status` (the wording is kept in the event); rows naming no recommendation give
 * `unknown-recommendation`; answers already in the ledger are not repeated; institutions giving
 * different statuses in one round give `status-conflict`, and both answers are kept.
 * @example
 * const { events, diagnostics } = mergeReturnedWorkbooks([returned], { recommendations, events: ledger, recordedAt, today: "2025-06-30" });
 */
export function mergeReturnedWorkbooks(workbooks: readonly ReturnedWorkbook[], options: MergeContext): MergeResult {
  const context = resolveOptions(MergeContext, options, "mergeReturnedWorkbooks");
  const recordedDay = dateOf(context.recordedAt);
  const byKey = new Map<string, Recommendation>();
  const byId = new Map<string, string[]>();
  const { keys } = recommendationKeys(context.recommendations);
  for (const [i, rec] of context.recommendations.entries()) {
    const key = keys[i]!;
    if (byKey.has(key)) continue;
    byKey.set(key, rec);
    const ids = byId.get(rec.id);
    if (ids) ids.push(key);
    else byId.set(rec.id, [key]);
  }
  const states = currentStates(context.events);
  const diagnostics: Diagnostic[] = [];
  const summaries: MergeSummary[] = [];
  const candidates: StatusEvent[] = [];
  const placeOfEvent = new Map<StatusEvent, Place>();
  const summaryOfEvent = new Map<StatusEvent, MergeSummary>();
  // Notes already kept from added columns, per recommendation: a re-read workbook adds none again.
  const notesKept = new Map<string, Set<string>>();
  for (const e of context.events) for (const x of e.extra ?? []) notesKept.set(e.recommendation, (notesKept.get(e.recommendation) ?? new Set()).add(`${x.column}\u0000${x.value}`));

  for (const wb of workbooks) {
    const summary: MergeSummary = { file: wb.file, target: wb.meta?.target ?? null, rows: wb.rows.length, blank: 0, unchanged: 0, changed: 0, alreadyRecorded: 0, unknown: 0 };
    summaries.push(summary);
    const firstRowOf = new Map<string, number>();
    let rowsWithNotes = 0;
    const snapshotIds = new Map<string, string[]>();
    for (const key of wb.snapshot?.keys() ?? []) {
      const id = byKey.get(key)?.id;
      if (id) snapshotIds.set(id, [...(snapshotIds.get(id) ?? []), key]);
    }
    for (const r of wb.rows) {
      const c = r.cells;
      const keyText = text(c.key);
      const idText = text(c.id).replace(/\.$/, "");
      const answered = (["status", "date", "action", "evidence", "indicators", "reportedBy"] as const).some((f) => text(c[f]) !== "") || (r.extra?.length ?? 0) > 0;
      if (!keyText && !idText && !answered) {
        summary.blank++;
        continue;
      }
      // The key column is protected; the paragraph id is the fallback when a person pasted rows elsewhere.
      let key: string | null = keyText && byKey.has(keyText) ? keyText : null;
      if (!key && idText) {
        const inWorkbook = snapshotIds.get(idText);
        const everywhere = byId.get(idText);
        key = inWorkbook?.length === 1 ? inWorkbook[0]! : everywhere?.length === 1 ? everywhere[0]! : null;
      }
      if (!key) {
        summary.unknown++;
        const ref = keyText || idText;
        diagnostics.push({
          code: "unknown-recommendation",
          severity: "warning",
          message: ref
            ? `Row ${r.row} names "${ref}", which is not a tracked recommendation; its answers are not recorded.`
            : `Row ${r.row} has answers but no key or number to say which recommendation they are for; not recorded.`,
          place: placeOf(wb, r.row, keyText ? c.key : c.id),
          ...(ref ? { actual: ref } : {}),
        });
        continue;
      }
      const rec = byKey.get(key)!;
      const state: TrackedState | undefined = states.get(key);
      const snap = wb.snapshot?.get(key) ?? null;
      if (firstRowOf.has(key)) {
        diagnostics.push({
          code: "duplicate-id",
          severity: "warning",
          message: `${rec.id} appears again in row ${r.row} (first in row ${firstRowOf.get(key)}); both rows are read.`,
          place: placeOf(wb, r.row, c.key ?? c.id),
          actual: rec.id,
        });
      } else firstRowOf.set(key, r.row);

      // Status: a claim only when it differs from what was sent out.
      const statusText = text(c.status);
      const before = snap ? (snap.status ?? "").trim() : state?.status ? statusLabel(state.status) : "";
      let status: Status | null = null;
      let statusRaw: string | null = null;
      let statusChanged = false;
      if (statusText && !sameStatus(statusText, before, rec.position)) {
        statusChanged = true;
        status = statusOf(statusText, rec.position);
        statusRaw = status ? wordingToKeep(statusText, status) : statusText;
        if (!status) {
          diagnostics.push({
            code: "unknown-status",
            severity: "warning",
            message: `Status "${statusText}" for ${rec.id} is not a known status; the answer is kept as written, the status is not changed.`,
            place: placeOf(wb, r.row, c.status, "status"),
            actual: statusText,
            expected: statusLabels(wb.meta?.lang ?? "en"),
          });
        }
      }
      const actionText = text(c.action);
      const previousAction = snap ? (snap.action ?? "").trim() : (state?.actions.at(-1)?.text ?? "");
      const action = actionText && actionText !== previousAction ? actionText : null;
      const newItems = (field: "evidence" | "indicators") => {
        const before = snap ? splitList(snap[field]) : (state?.[field] ?? []);
        return splitList(text(c[field])).filter((x) => !before.includes(x));
      };
      const evidence = newItems("evidence");
      const indicators = newItems("indicators");
      // With a snapshot, a repeated answer is recognised whole (planAppend); without, notes already kept are left out.
      const kept = wb.snapshot ? undefined : notesKept.get(key);
      const extra: ExtraField[] = (r.extra ?? []).map((x) => ({ column: x.column, value: x.cell.text.trim() })).filter((x) => x.value && !kept?.has(`${x.column}\u0000${x.value}`));
      if (extra.length > 0) rowsWithNotes++;
      if (!statusChanged && !action && evidence.length === 0 && indicators.length === 0 && extra.length === 0) {
        summary.unchanged++;
        continue;
      }
      let date = context.today;
      const dateCell = c.date;
      const typed = dateCell?.date ?? (text(dateCell) ? parseUpdateDate(text(dateCell)) : null);
      const future = typed ? checkUpdateDate(typed, recordedDay) : null;
      if (typed && !future) date = typed;
      else if (text(dateCell) || dateCell?.date) {
        const shown = text(dateCell) || typed!;
        diagnostics.push({
          code: "invalid-field",
          severity: "warning",
          message: future
            ? `The date of update ${future}; the update is dated ${context.today}.`
            : `"${shown}" is not a date (YYYY-MM-DD or DD/MM/YYYY); the update is dated ${context.today}.`,
          place: placeOf(wb, r.row, dateCell, "date"),
          actual: shown,
        });
      }
      const event = createEvent(
        {
          recommendation: key,
          status,
          statusRaw,
          date,
          action,
          evidence,
          indicators,
          extra,
          source: { reporter: reporterOf(wb.meta, text(c.reportedBy), wb.file), file: wb.file, sheet: wb.sheet, row: r.row, round: wb.meta?.round ?? null },
        },
        { recordedAt: context.recordedAt },
      );
      candidates.push(event);
      placeOfEvent.set(event, placeOf(wb, r.row, statusChanged ? c.status : (c.action ?? c.key)));
      summaryOfEvent.set(event, summary);
    }
    if (rowsWithNotes > 0) {
      diagnostics.push({
        code: "added-column",
        severity: "info",
        message: `Columns added to this workbook (${wb.ignoredColumns.map((h) => `"${h}"`).join(", ") || "without a header"}): their text in ${rowsWithNotes} row(s) is kept with the answers.`,
        place: placeOf(wb, 1, undefined),
        actual: wb.ignoredColumns.join("; "),
      });
    }
  }

  const plan = planAppend(context.events, candidates);
  for (const e of plan.added) summaryOfEvent.get(e)!.changed++;
  for (const e of [...plan.duplicateIds, ...plan.sameAnswers]) summaryOfEvent.get(e)!.alreadyRecorded++;

  // Look at the ledger as it will be once the new events are in, for the recommendations they touch.
  const added = new Set(plan.added.map((e) => e.eventId));
  const touched = new Set(plan.added.filter((e) => e.status !== null).map((e) => e.recommendation));
  const after = eventsByRecommendation([...context.events, ...plan.added].filter((e) => touched.has(e.recommendation)));
  for (const [key, ordered] of after) {
    const last = ordered.findLast((e) => e.status !== null)!;
    // An answer older than a status already in the ledger does not become current: say so. (Answers of
    // this import that disagree with each other are conflicts, reported below.)
    for (const e of ordered) {
      if (!added.has(e.eventId) || e.status === null || last.recordedAt === e.recordedAt || last.status === e.status) continue;
      diagnostics.push({
        code: "update-not-current",
        severity: "warning",
        message: `${byKey.get(key)?.id ?? key}: "${statusLabel(e.status)}" (dated ${e.date}) is recorded, but the status stays "${statusLabel(last.status!)}" from a later update (${last.date}${last.source.reporter ? `, ${last.source.reporter}` : ""}).`,
        place: placeOfEvent.get(e)!,
        actual: e.date,
      });
    }
    const s = currentStates(ordered).get(key)!;
    if (s.conflicts.length === 0 || !s.conflicts.some((cl) => added.has(cl.eventId))) continue;
    const first = plan.added.find((e) => e.recommendation === key && s.conflicts.some((cl) => cl.eventId === e.eventId))!;
    const oneReporter = new Set(s.conflicts.map((cl) => cl.reporter)).size === 1;
    const claims = s.conflicts.map((cl) => `${oneReporter ? "" : `${cl.reporter ?? "unknown"}: `}${statusLabel(cl.status)}${cl.file ? ` (${cl.file}${cl.row ? ` row ${cl.row}` : ""})` : ""}`);
    diagnostics.push({
      code: "status-conflict",
      severity: "warning",
      message: oneReporter
        ? `${byKey.get(key)?.id ?? key}: ${s.conflicts[0]!.reporter ?? "one reporter"} gives different statuses in one workbook — ${claims.join("; ")}. Both answers are kept; settle it with "upr-matrix track update".`
        : `${byKey.get(key)?.id ?? key}: institutions disagree — ${claims.join("; ")}. Both answers are kept; settle it with "upr-matrix track update".`,
      place: placeOfEvent.get(first)!,
      actual: s.conflicts.map((cl) => cl.status).join(" / "),
    });
  }
  return { events: plan.added, diagnostics, summaries };
}
