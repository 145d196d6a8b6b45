// The ledger is a list of events, only ever appended to; everything else (current status, history,
// conflicts) is derived from it, so no answer is ever overwritten.
import type { StatusClaim, StatusEvent, TrackedState } from "../schema/status.js";
import { reportFingerprint } from "./event.js";

// Code-point order: the same result on every machine, whatever its locale.
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Order events as the ledger reads them: by the date the update refers to, then by recording time,
 * then by id (so that the order never depends on file order).
 * @example
 * [...events].sort(compareEvents);
 */
export function compareEvents(a: StatusEvent, b: StatusEvent): number {
  return cmp(a.date, b.date) || cmp(a.recordedAt, b.recordedAt) || cmp(a.eventId, b.eventId);
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
  for (const g of groups.values()) g.sort(compareEvents);
  return groups;
}

// A conflict lives in the trailing run of status events from one export round: different reporters
// (latest answer of each) giving different statuses. Any later status from outside the round settles it.
function conflictsOf(ordered: readonly StatusEvent[]): StatusClaim[] {
  const withStatus = ordered.filter((e) => e.status !== null);
  const last = withStatus.at(-1);
  const round = last?.source.round;
  if (!last || !round) return [];
  const perReporter = new Map<string, StatusEvent>();
  for (let i = withStatus.length - 1; i >= 0; i--) {
    const e = withStatus[i]!;
    if (e.source.round !== round) break;
    const who = e.source.reporter ?? "";
    if (!perReporter.has(who)) perReporter.set(who, e);
  }
  const claims = [...perReporter.values()];
  if (new Set(claims.map((e) => e.status)).size < 2) return [];
  return claims
    .sort(compareEvents)
    .map((e) => ({ status: e.status!, reporter: e.source.reporter, date: e.date, eventId: e.eventId, file: e.source.file, row: e.source.row }));
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
      if (e.status !== state.status) state.since = e.date;
      state.status = e.status;
      state.statusRaw = e.statusRaw;
    }
    if (e.lead !== null) state.lead = e.lead;
    if (e.institutions.length > 0) state.institutions = [...e.institutions];
    if (e.action !== null) state.actions.push({ date: e.date, text: e.action, by: e.source.reporter });
    for (const x of e.evidence) if (!state.evidence.includes(x)) state.evidence.push(x);
    for (const x of e.indicators) if (!state.indicators.includes(x)) state.indicators.push(x);
    if (state.lastUpdate === null || e.date > state.lastUpdate) state.lastUpdate = e.date;
  }
  if (state.lead !== null && !state.institutions.includes(state.lead)) state.institutions.unshift(state.lead);
  state.conflicts = conflictsOf(ordered);
  return state;
}

/**
 * Derive the current state of every recommendation that has events: latest status (by update date,
 * then recording time), lead and institutions, all actions, evidence and indicators, and any open
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
  return events.filter((e) => e.recommendation === key).sort(compareEvents);
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
