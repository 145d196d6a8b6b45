// The ledger is a list of events, only ever appended to; everything else (current status, history,
// conflicts) is derived from it, so no answer is ever overwritten.
import type { Diagnostic } from "../schema/diagnostic.js";
import type { StatusClaim, StatusEvent, TrackedState } from "../schema/status.js";
import { reportFingerprint } from "./event.js";

// Code-point order: the same result on every machine, whatever its locale.
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * How many days after the day it was recorded an update may be dated. A later date is refused at
 * input (`checkUpdateDate`); one already in a ledger counts as this many days after its recording
 * day, so that a typo (2205 for 2025) cannot pin a status for ever.
 */
export const FUTURE_DAYS_ALLOWED = 1;

/**
 * A date plus a number of days (YYYY-MM-DD, UTC).
 * @example
 * addDays("2025-06-30", 1); // "2025-07-01"
 */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

// Recording day → the latest date an event recorded that day may count as (few distinct days).
const latestDates = new Map<string, string>();

/**
 * The date an event counts as in the ledger's order: its date, or, when that is further ahead of its
 * recording day than `FUTURE_DAYS_ALLOWED`, the recording day plus those days.
 * @example
 * effectiveDate({ date: "2205-06-30", recordedAt: "2025-07-01T09:00:00.000Z" }); // "2025-07-02"
 */
export function effectiveDate(e: Pick<StatusEvent, "date" | "recordedAt">): string {
  // Nearly every event is dated on or before its recording day: no date arithmetic for those.
  if (e.date.length === 10 && e.recordedAt.startsWith(e.date)) return e.date;
  const day = e.recordedAt.slice(0, 10);
  if (e.date <= day) return e.date;
  let latest = latestDates.get(day);
  if (latest === undefined) {
    if (latestDates.size > 10_000) latestDates.clear();
    latestDates.set(day, (latest = addDays(day, FUTURE_DAYS_ALLOWED)));
  }
  return e.date > latest ? latest : e.date;
}

/**
 * Say why a date cannot be an update's date, or null when it can: at most `FUTURE_DAYS_ALLOWED`
 * days after `today` (an update reports what was done, so it cannot be dated ahead).
 * @example
 * checkUpdateDate("2205-06-30", "2025-07-01"); // "2205-06-30 is in the future (today is 2025-07-01)"
 * checkUpdateDate("2025-06-30", "2025-07-01"); // null
 */
export function checkUpdateDate(date: string, today: string): string | null {
  return date > addDays(today, FUTURE_DAYS_ALLOWED) ? `${date} is in the future (today is ${today})` : null;
}

/**
 * A warning when events of a ledger are dated further ahead of their recording day than
 * `FUTURE_DAYS_ALLOWED` (written before such dates were refused, or by another program): each counts
 * as of its recording day plus those days (see `effectiveDate`). Empty when there are none.
 * @example
 * futureDatedDiagnostics(events, "upr-tracking/ledger.jsonl")[0]?.message;
 */
export function futureDatedDiagnostics(events: readonly StatusEvent[], file: string): Diagnostic[] {
  const ahead = events.filter((e) => effectiveDate(e) !== e.date);
  if (ahead.length === 0) return [];
  const e = ahead[0]!;
  return [
    {
      code: "invalid-field",
      severity: "warning",
      message: `${ahead.length} event(s) are dated after the day they were recorded (first: ${e.recommendation} dated ${e.date}, recorded ${e.recordedAt.slice(0, 10)}); each counts as of ${FUTURE_DAYS_ALLOWED} day(s) after it was recorded.`,
      place: { file, field: "date" },
      actual: e.date,
    },
  ];
}

/**
 * The one order of the ledger, used for the current status and for conflicts alike: by the date the
 * update refers to (see `effectiveDate`), then recording time, then source file and row (two rows of
 * one workbook: the lower row first), then id, so that the order never depends on file order.
 * @example
 * [...events].sort(compareEvents);
 */
export function compareEvents(a: StatusEvent, b: StatusEvent): number {
  return cmp(effectiveDate(a), effectiveDate(b)) || compareTies(a, b);
}

const compareTies = (a: StatusEvent, b: StatusEvent) =>
  cmp(a.recordedAt, b.recordedAt) || cmp(a.source.file ?? "", b.source.file ?? "") || (a.source.row ?? 0) - (b.source.row ?? 0) || cmp(a.eventId, b.eventId);

// In place, in the order of compareEvents, each effective date computed once.
function sortEvents(events: StatusEvent[]): StatusEvent[] {
  const keyed = events.map((e) => ({ e, d: effectiveDate(e) }));
  keyed.sort((x, y) => cmp(x.d, y.d) || compareTies(x.e, y.e));
  keyed.forEach((k, i) => (events[i] = k.e));
  return events;
}

/**
 * Events grouped by recommendation key, each group in ledger order.
 * @example
 * eventsByRecommendation(events).get("Kenya|2|142.28")?.length; // 3
 */
export function eventsByRecommendation(events: readonly StatusEvent[]): Map<string, StatusEvent[]> {
  const groups = new Map<string, StatusEvent[]>();
  for (const e of events) {
    const g = groups.get(e.recommendation);
    if (g) g.push(e);
    else groups.set(e.recommendation, [e]);
  }
  for (const g of groups.values()) sortEvents(g);
  return groups;
}

// Conflicts follow the same order as the status. The last status event decides: from outside an
// export round (a `track update`, an init), it is the status and there is no conflict; from a round,
// each reporter's latest answers in that round are the claims (several when one import gave one
// reporter two rows), and if they differ the recommendation is in conflict. A status from outside the
// round settles it only by coming after every claim, which makes it the last status event.
function conflictsOf(ordered: readonly StatusEvent[]): StatusClaim[] {
  const withStatus = ordered.filter((e) => e.status !== null);
  const round = withStatus.at(-1)?.source.round;
  if (!round) return [];
  const latest = new Map<string, StatusEvent[]>();
  for (const e of withStatus) {
    if (e.source.round !== round) continue;
    const who = e.source.reporter ?? "";
    const prev = latest.get(who)?.[0];
    // Answers given together (same date and import) are all the reporter's latest.
    if (prev && effectiveDate(prev) === effectiveDate(e) && prev.recordedAt === e.recordedAt) latest.get(who)!.push(e);
    else latest.set(who, [e]);
  }
  const claims = [...latest.values()].flat();
  if (new Set(claims.map((e) => e.status)).size < 2) return [];
  return claims
    .sort(compareEvents)
    .map((e) => ({ status: e.status!, reporter: e.source.reporter, date: e.date, eventId: e.eventId, file: e.source.file, row: e.source.row }));
}

/**
 * The status event that keeps `event` from being a recommendation's current status: the last status
 * event after it in the ledger's order, or null when `event` is current (or gives no status).
 * @example
 * const later = supersededBy(ledger, update);
 * if (later) console.log(`not current: ${later.date} says ${later.status}`);
 */
export function supersededBy(events: readonly StatusEvent[], event: StatusEvent): StatusEvent | null {
  if (event.status === null) return null;
  let last: StatusEvent | null = null;
  for (const e of events) {
    if (e.recommendation !== event.recommendation || e.status === null || e.eventId === event.eventId) continue;
    if (compareEvents(e, event) > 0 && (last === null || compareEvents(e, last) > 0)) last = e;
  }
  return last;
}

function stateOf(key: string, ordered: readonly StatusEvent[]): TrackedState {
  const state: TrackedState = {
    recommendation: key,
    status: null,
    statusRaw: null,
    since: null,
    lead: null,
    institutions: [],
    actions: [],
    evidence: [],
    indicators: [],
    lastUpdate: null,
    events: ordered.length,
    conflicts: [],
  };
  for (const e of ordered) {
    if (e.status !== null) {
      // "since" is when the status last changed, not when it was last repeated.
      if (e.status !== state.status) state.since = effectiveDate(e);
      state.status = e.status;
      state.statusRaw = e.statusRaw;
    }
    if (e.lead !== null) state.lead = e.lead;
    if (e.institutions.length > 0) state.institutions = [...e.institutions];
    if (e.action !== null) state.actions.push({ date: e.date, text: e.action, by: e.source.reporter });
    for (const x of e.evidence) if (!state.evidence.includes(x)) state.evidence.push(x);
    for (const x of e.indicators) if (!state.indicators.includes(x)) state.indicators.push(x);
  }
  // In ledger order, the last event has the latest date.
  if (ordered.length > 0) state.lastUpdate = effectiveDate(ordered.at(-1)!);
  if (state.lead !== null && !state.institutions.includes(state.lead)) state.institutions.unshift(state.lead);
  state.conflicts = conflictsOf(ordered);
  return state;
}

/**
 * Derive the current state of every recommendation that has events: latest status (in the order of
 * `compareEvents`), lead and institutions, all actions, evidence and indicators, and any open
 * status conflict. Pure: the same events in any order give the same states.
 * @example
 * const states = currentStates(events);
 * states.get("Kenya|2|142.28")?.status; // "in-progress"
 */
export function currentStates(events: readonly StatusEvent[]): Map<string, TrackedState> {
  const states = new Map<string, TrackedState>();
  const groups = eventsByRecommendation(events);
  for (const key of [...groups.keys()].sort(cmp)) states.set(key, stateOf(key, groups.get(key)!));
  return states;
}

/**
 * The events of one recommendation, oldest first.
 * @example
 * historyOf(events, "Kenya|2|142.28").map((e) => e.status); // ["not-started", "in-progress"]
 */
export function historyOf(events: readonly StatusEvent[], key: string): StatusEvent[] {
  return sortEvents(events.filter((e) => e.recommendation === key));
}

/** The result of adding events to a ledger. */
export interface AppendPlan {
  /** Events to write: new ids and new answers only. */
  added: StatusEvent[];
  /** Events whose id is already in the ledger (written before). */
  duplicateIds: StatusEvent[];
  /** Events giving the same answer as one already recorded (a workbook imported twice). */
  sameAnswers: StatusEvent[];
}

/**
 * Decide which of `incoming` to append to `ledger`: an event already there (same id), or repeating an
 * answer already recorded from the same reporter and export round, is left out.
 * @example
 * const { added } = planAppend(ledger, incoming);
 * await store.append(added);
 */
export function planAppend(ledger: readonly StatusEvent[], incoming: readonly StatusEvent[]): AppendPlan {
  const ids = new Set(ledger.map((e) => e.eventId));
  const answers = new Set(ledger.filter((e) => e.source.round !== null).map(reportFingerprint));
  const plan: AppendPlan = { added: [], duplicateIds: [], sameAnswers: [] };
  for (const e of incoming) {
    if (ids.has(e.eventId)) {
      plan.duplicateIds.push(e);
      continue;
    }
    if (e.source.round !== null) {
      const fp = reportFingerprint(e);
      if (answers.has(fp)) {
        plan.sameAnswers.push(e);
        continue;
      }
      answers.add(fp);
    }
    ids.add(e.eventId);
    plan.added.push(e);
  }
  return plan;
}
