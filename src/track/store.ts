// Where a ledger lives is the app's choice: a JSON Lines file (upr-matrix/node), a database, browser
// storage. The library only needs to read every event and append new ones.
import type { Diagnostic } from "../schema/diagnostic.js";
import type { StatusEvent } from "../schema/status.js";
import { type AppendPlan, planAppend } from "./ledger.js";

/** What reading a ledger gives: every complete event, and diagnostics for damaged records. */
export interface LedgerRead {
  events: StatusEvent[];
  diagnostics: Diagnostic[];
}

/** What a decision on a ledger gives: the events to append, and anything else the caller wants back. */
export interface LedgerDecision<T> {
  append: readonly StatusEvent[];
  result: T;
}

/**
 * A place to keep the ledger. `append` must be durable when it resolves and must never change or drop
 * events already stored; concurrent appends must not corrupt each other. `update`, when the store has
 * it, reads the ledger, lets `decide` choose what to append and appends it, with no other writer in
 * between (the JSON Lines file does it under its lock): two imports of one workbook at once then
 * record it once.
 */
export interface LedgerStore {
  read(): Promise<LedgerRead>;
  append(events: readonly StatusEvent[]): Promise<void>;
  update?<T>(decide: (ledger: LedgerRead) => LedgerDecision<T>): Promise<T>;
}

/**
 * A ledger kept in memory: for tests, browsers and apps that persist it themselves.
 * @example
 * const store = memoryLedgerStore();
 * await store.append([event]);
 * (await store.read()).events.length; // 1
 */
export function memoryLedgerStore(initial: readonly StatusEvent[] = []): LedgerStore & { readonly events: readonly StatusEvent[] } {
  const events = [...initial];
  return {
    get events() {
      return events;
    },
    async read() {
      return { events: [...events], diagnostics: [] };
    },
    async append(more) {
      events.push(...more);
    },
    // Nothing runs between the read and the push: one turn of the event loop.
    async update(decide) {
      const { append, result } = decide({ events: [...events], diagnostics: [] });
      events.push(...append);
      return result;
    },
  };
}

/**
 * Read the ledger, decide what to append, append it: in one step when the store can (`update`), so
 * that a decision is never made on a ledger another writer has changed since.
 * @example
 * const merged = await updateLedger(store, (ledger) => {
 *   const m = mergeReturnedWorkbooks(workbooks, { ...context, events: ledger.events });
 *   return { append: m.events, result: m };
 * });
 */
export async function updateLedger<T>(store: LedgerStore, decide: (ledger: LedgerRead) => LedgerDecision<T>): Promise<T> {
  if (store.update) return store.update(decide);
  const { append, result } = decide(await store.read());
  if (append.length > 0) await store.append(append);
  return result;
}

/**
 * Append the events not recorded yet (see `planAppend`), deciding on the ledger as it is when they are
 * written.
 * @example
 * const { added } = await recordEvents(store, events);
 */
export async function recordEvents(store: LedgerStore, incoming: readonly StatusEvent[]): Promise<AppendPlan & { diagnostics: Diagnostic[] }> {
  return updateLedger(store, ({ events, diagnostics }) => {
    const plan = planAppend(events, incoming);
    return { append: plan.added, result: { ...plan, diagnostics } };
  });
}
