import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { Status, TrackedState, type StatusEvent } from "../../src/schema/status.js";
import { createEvent, eventIdOf, type EventInput } from "../../src/track/event.js";
import { checkUpdateDate, compareEvents, currentStates, effectiveDate, historyOf, planAppend, supersededBy } from "../../src/track/ledger.js";
import { memoryLedgerStore, recordEvents } from "../../src/track/store.js";

const K = "Kenya|2|142.28";
let clock = 0;
const at = () => `2025-12-01T00:00:${String(clock++ % 60).padStart(2, "0")}.${String(Math.floor(clock / 60)).padStart(3, "0")}Z`;
const ev = (input: Partial<EventInput> & { date: string }) => createEvent({ recommendation: K, ...input }, { recordedAt: at() });

describe("events", () => {
  test("the id is a hash of the content: same content, same id; any change, another id", () => {
    const a = createEvent({ recommendation: K, status: "in-progress", date: "2025-01-01" }, { recordedAt: "2025-01-02T00:00:00.000Z" });
    const b = createEvent({ recommendation: K, status: "in-progress", date: "2025-01-01" }, { recordedAt: "2025-01-02T00:00:00.000Z" });
    const c = createEvent({ recommendation: K, status: "fully-implemented", date: "2025-01-01" }, { recordedAt: "2025-01-02T00:00:00.000Z" });
    expect(a.eventId).toBe(b.eventId);
    expect(a.eventId).not.toBe(c.eventId);
    expect(a.eventId).toMatch(/^ev-[0-9a-f]{16}$/);
    expect(eventIdOf(a)).toBe(a.eventId);
  });

  test("lists are trimmed and deduplicated; blanks become null", () => {
    const e = createEvent({ recommendation: K, date: "2025-01-01", evidence: [" a ", "a", ""], action: "  ", lead: " MoJ " }, { recordedAt: "2025-01-02T00:00:00.000Z" });
    expect(e.evidence).toEqual(["a"]);
    expect(e.action).toBeNull();
    expect(e.lead).toBe("MoJ");
    expect(e.source).toEqual({ reporter: null, file: null, sheet: null, row: null, round: null });
  });
});

describe("currentStates", () => {
  test("latest status by update date wins, whatever the recording order; since = when it last changed", () => {
    const events = [
      ev({ date: "2025-03-01", status: "in-progress", action: "Draft bill" }),
      ev({ date: "2025-01-01", status: "not-started", lead: "Ministry of Justice", institutions: ["Ministry of Justice", "Police"] }),
      ev({ date: "2025-05-01", status: "in-progress", evidence: ["https://parliament.example/bill-12"] }),
      ev({ date: "2025-04-01", action: "Bill tabled", indicators: ["16.3.1"] }),
    ];
    const s = currentStates(events).get(K)!;
    expect(TrackedState.parse(s)).toEqual(s);
    expect(s).toMatchObject({
      status: "in-progress",
      since: "2025-03-01",
      lead: "Ministry of Justice",
      institutions: ["Ministry of Justice", "Police"],
      evidence: ["https://parliament.example/bill-12"],
      indicators: ["16.3.1"],
      lastUpdate: "2025-05-01",
      events: 4,
      conflicts: [],
    });
    expect(s.actions.map((a) => a.text)).toEqual(["Draft bill", "Bill tabled"]);
    expect(historyOf(events, K).map((e) => e.date)).toEqual(["2025-01-01", "2025-03-01", "2025-04-01", "2025-05-01"]);
  });

  test("an empty institution list keeps the assignment; a new list replaces it; the lead is always listed", () => {
    const s = currentStates([
      ev({ date: "2025-01-01", institutions: ["A", "B"], lead: "A" }),
      ev({ date: "2025-02-01", status: "in-progress" }),
      ev({ date: "2025-03-01", lead: "C" }),
    ]).get(K)!;
    expect(s.lead).toBe("C");
    expect(s.institutions).toEqual(["C", "A", "B"]);
  });

  test("two institutions disagreeing in one export round is a conflict; a later update settles it", () => {
    const round = "20250601T000000Z";
    const justice = ev({ date: "2025-06-10", status: "fully-implemented", source: { reporter: "Ministry of Justice", file: "justice.xlsx", row: 5, round } });
    const police = ev({ date: "2025-06-12", status: "in-progress", source: { reporter: "Police", file: "police.xlsx", row: 9, round } });
    const open = currentStates([justice, police]).get(K)!;
    expect(open.status).toBe("in-progress"); // the latest, but flagged
    expect(open.conflicts.map((c) => [c.reporter, c.status, c.file, c.row])).toEqual([
      ["Ministry of Justice", "fully-implemented", "justice.xlsx", 5],
      ["Police", "in-progress", "police.xlsx", 9],
    ]);
    const settled = currentStates([justice, police, ev({ date: "2025-06-15", status: "partially-implemented", source: { reporter: "NMRF" } })]).get(K)!;
    expect(settled.conflicts).toEqual([]);
    expect(settled.status).toBe("partially-implemented");
  });

  test("no conflict when they agree, when one reporter changes its mind, or across rounds", () => {
    const r1 = "r1";
    const agree = [
      ev({ date: "2025-06-10", status: "in-progress", source: { reporter: "A", round: r1 } }),
      ev({ date: "2025-06-11", status: "in-progress", source: { reporter: "B", round: r1 } }),
    ];
    expect(currentStates(agree).get(K)!.conflicts).toEqual([]);
    const mind = [
      ev({ date: "2025-06-10", status: "in-progress", source: { reporter: "A", round: r1 } }),
      ev({ date: "2025-06-11", status: "fully-implemented", source: { reporter: "A", round: r1 } }),
    ];
    expect(currentStates(mind).get(K)!.conflicts).toEqual([]);
    const rounds = [
      ev({ date: "2025-06-10", status: "in-progress", source: { reporter: "A", round: "r1" } }),
      ev({ date: "2025-09-11", status: "fully-implemented", source: { reporter: "B", round: "r2" } }),
    ];
    expect(currentStates(rounds).get(K)!.conflicts).toEqual([]);
  });

  test("T1: a settlement dated before one of the claims does not settle the conflict, and says it is not current", () => {
    const round = "20250601T090000Z";
    // Justice dated its answer; the Police left the date blank, so it is dated the import day.
    const justice = ev({ date: "2025-06-20", status: "fully-implemented", source: { reporter: "Ministry of Justice", file: "mj.xlsx", row: 2, round } });
    const police = ev({ date: "2025-06-30", status: "in-progress", source: { reporter: "National Police Service", file: "police.xlsx", row: 2, round } });
    const settle = ev({ date: "2025-06-25", status: "fully-implemented", source: { reporter: "NMIRF" } });
    const s = currentStates([justice, police, settle]).get(K)!;
    // One order for both: the Police's answer is the latest, so the conflict stays open and visible.
    expect(s.status).toBe("in-progress");
    expect(s.conflicts.map((c) => c.reporter)).toEqual(["Ministry of Justice", "National Police Service"]);
    expect(supersededBy([justice, police, settle], settle)).toBe(police);
    // Dated on or after every claim, the settlement is current and the conflict is closed.
    const later = ev({ date: "2025-06-30", status: "fully-implemented", source: { reporter: "NMIRF" } });
    expect(currentStates([justice, police, settle, later]).get(K)).toMatchObject({ status: "fully-implemented", conflicts: [] });
    expect(supersededBy([justice, police, settle, later], later)).toBeNull();
  });

  test("D16: two rows of one workbook for one recommendation: ordered by row, and a conflict when they differ", () => {
    const round = "r1";
    const recordedAt = "2025-06-30T12:00:00.000Z";
    const row = (n: number, status: Status) => createEvent({ recommendation: K, date: "2025-06-30", status, source: { reporter: "Ministry of Justice", file: "mj.xlsx", row: n, round } }, { recordedAt });
    for (const [a, b] of [[row(2, "in-progress"), row(3, "partially-implemented")], [row(2, "partially-implemented"), row(3, "in-progress")]] as const) {
      const s = currentStates([b, a]).get(K)!;
      expect(s.status).toBe(b.status); // the lower row comes last, whatever the event ids
      expect(s.conflicts.map((c) => [c.row, c.status])).toEqual([[2, a.status], [3, b.status]]);
    }
    // The same reporter answering again later (another day) is a change of mind, not a conflict.
    const again = createEvent({ recommendation: K, date: "2025-07-05", status: "fully-implemented", source: { reporter: "Ministry of Justice", round } }, { recordedAt: "2025-07-05T12:00:00.000Z" });
    expect(currentStates([row(2, "in-progress"), row(3, "partially-implemented"), again]).get(K)).toMatchObject({ status: "fully-implemented", conflicts: [] });
  });

  test("D6: a date far ahead of its recording day counts as the next day, so it cannot pin a status for ever", () => {
    const typo = createEvent({ recommendation: K, date: "2205-06-30", status: "fully-implemented", source: { reporter: "typo" } }, { recordedAt: "2025-07-01T09:00:00.000Z" });
    const next = createEvent({ recommendation: K, date: "2025-07-03", status: "in-progress", source: { reporter: "NMIRF" } }, { recordedAt: "2025-07-03T09:00:00.000Z" });
    expect(effectiveDate(typo)).toBe("2025-07-02");
    expect(currentStates([typo, next]).get(K)).toMatchObject({ status: "in-progress", lastUpdate: "2025-07-03" });
    expect(supersededBy([typo, next], typo)).toBe(next);
    expect(historyOf([next, typo], K)).toEqual([typo, next]);
    // Input dates: up to one day ahead (time zones), not more.
    expect(checkUpdateDate("2025-07-02", "2025-07-01")).toBeNull();
    expect(checkUpdateDate("2205-06-30", "2025-07-01")).toBe("2205-06-30 is in the future (today is 2025-07-01)");
  });

  test("property: an open conflict always includes the current status; no conflict when the last status event has no round", () => {
    const arb = fc.array(
      fc.record({
        status: fc.constantFrom(...Status.options),
        day: fc.integer({ min: 1, max: 5 }),
        sec: fc.integer({ min: 0, max: 3 }),
        reporter: fc.constantFrom("A", "B", null),
        round: fc.constantFrom("r1", "r2", null),
        row: fc.integer({ min: 1, max: 4 }),
      }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(arb, (specs) => {
        const events = specs.map((s) =>
          createEvent({ recommendation: K, status: s.status, date: `2025-02-0${s.day}`, source: { reporter: s.reporter, round: s.round, file: "f.xlsx", row: s.row } }, { recordedAt: `2025-03-01T00:00:0${s.sec}.000Z` }),
        );
        const s = currentStates(events).get(K);
        if (!s) return;
        const last = [...events].sort(compareEvents).at(-1)!;
        expect(s.status).toBe(last.status);
        if (last.source.round === null) expect(s.conflicts).toEqual([]);
        if (s.conflicts.length) expect(s.conflicts.some((c) => c.eventId === last.eventId)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  test("property: the states do not depend on the order of the events", () => {
    const arbEvent = fc.record({
      rec: fc.constantFrom("S|1|1.1", "S|1|1.2", "S|1|1.3"),
      status: fc.option(fc.constantFrom(...Status.options), { nil: null }),
      day: fc.integer({ min: 1, max: 28 }),
      sec: fc.integer({ min: 0, max: 59 }),
      reporter: fc.constantFrom("A", "B", "C", null),
      round: fc.constantFrom("r1", "r2", null),
      action: fc.option(fc.constantFrom("x", "y"), { nil: null }),
      lead: fc.option(fc.constantFrom("A", "B"), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(arbEvent, { maxLength: 25 }), fc.infiniteStream(fc.nat()), (specs, rand) => {
        const events: StatusEvent[] = specs.map((s) =>
          createEvent(
            { recommendation: s.rec, status: s.status, date: `2025-02-${String(s.day).padStart(2, "0")}`, action: s.action, lead: s.lead, source: { reporter: s.reporter, round: s.round } },
            { recordedAt: `2025-03-01T00:00:${String(s.sec).padStart(2, "0")}.000Z` },
          ),
        );
        const shuffled = [...events];
        for (let i = shuffled.length - 1; i > 0; i--) {
          const j = rand.next().value! % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
        }
        expect(currentStates(shuffled)).toEqual(currentStates(events));
        // Nothing is lost: every event is counted in its recommendation's state.
        const total = [...currentStates(events).values()].reduce((n, s) => n + s.events, 0);
        expect(total).toBe(events.length);
      }),
      { numRuns: 200 },
    );
  });
});

describe("appending", () => {
  test("planAppend leaves out known ids and answers already recorded from the same reporter and round", () => {
    const round = "r1";
    const a = ev({ date: "2025-06-10", status: "in-progress", source: { reporter: "A", round, file: "a.xlsx", row: 3 } });
    const reimport = createEvent({ recommendation: K, date: "2025-06-20", status: "in-progress", source: { reporter: "A", round, file: "a (1).xlsx", row: 7 } }, { recordedAt: at() });
    const manual = ev({ date: "2025-06-10", status: "in-progress", source: { reporter: "A" } });
    const plan = planAppend([a], [a, reimport, manual]);
    expect(plan.duplicateIds).toEqual([a]);
    expect(plan.sameAnswers).toEqual([reimport]);
    expect(plan.added).toEqual([manual]); // a manual update is never merged away
  });

  test("memory store and recordEvents", async () => {
    const store = memoryLedgerStore();
    const e1 = ev({ date: "2025-01-01", status: "not-started" });
    expect((await recordEvents(store, [e1, e1])).added).toEqual([e1]);
    expect(store.events).toEqual([e1]);
  });
});
