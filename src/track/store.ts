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

/**
 * A place to keep the ledger. `append` must be durable when it resolves and must never change or drop
 * events already stored; concurrent appends must not corrupt each other.
 */
export interface LedgerStore {
  read(): Promise<LedgerRead>;
  append(events: readonly StatusEvent[]): Promise<void>;
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
  };
}

/**
 * Read the store, leave out events already recorded (see `planAppend`), append the rest.
 * @example
 * const { added } = await recordEvents(store, events);
 */
export async function recordEvents(store: LedgerStore, incoming: readonly StatusEvent[]): Promise<AppendPlan & { diagnostics: Diagnostic[] }> {
  const { events, diagnostics } = await store.read();
  const plan = planAppend(events, incoming);
  if (plan.added.length > 0) await store.append(plan.added);
  return { ...plan, diagnostics };
}
