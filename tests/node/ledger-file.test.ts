import { appendFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { appendLedgerFile, jsonlLedgerStore, readLedgerFile } from "../../src/node/index.js";
import { createEvent } from "../../src/track/event.js";
import { recordEvents } from "../../src/track/store.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "upr-ledger-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ev = (n: number, extra: Partial<Parameters<typeof createEvent>[0]> = {}) =>
  createEvent({ recommendation: `Kenya|2|142.${n}`, status: "in-progress", date: "2025-03-01", action: `step ${n}`, ...extra }, { recordedAt: `2025-03-01T10:00:${String(n % 60).padStart(2, "0")}.000Z` });

describe("JSON Lines ledger file", () => {
  test("appends whole lines and reads every event back, in file order", async () => {
    const path = join(dir, "basic.jsonl");
    await appendLedgerFile(path, [ev(1), ev(2)]);
    await appendLedgerFile(path, [ev(3)]);
    const text = await readFile(path, "utf8");
    expect(text.split("\n")).toHaveLength(4); // three lines and the final newline
    expect(text.endsWith("\n")).toBe(true);
    const { events, diagnostics } = await readLedgerFile(path);
    expect(diagnostics).toEqual([]);
    expect(events.map((e) => e.recommendation)).toEqual(["Kenya|2|142.1", "Kenya|2|142.2", "Kenya|2|142.3"]);
    expect(events[0]).toEqual(ev(1));
  });

  test("a torn last line is reported with its line number and skipped; complete events survive", async () => {
    const path = join(dir, "torn.jsonl");
    await appendLedgerFile(path, [ev(1), ev(2)]);
    const whole = JSON.stringify(ev(3));
    await appendFile(path, whole.slice(0, Math.floor(whole.length / 2)));
    const { events, diagnostics } = await readLedgerFile(path);
    expect(events.map((e) => e.eventId)).toEqual([ev(1).eventId, ev(2).eventId]);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "ledger-torn-line", severity: "warning", place: { file: path, line: 3 } });
    expect(diagnostics[0]!.message).toMatch(/last line/);
  });

  test("the next append after a torn line starts on a new line, so the torn fragment never swallows it", async () => {
    const path = join(dir, "repair.jsonl");
    await appendLedgerFile(path, [ev(1)]);
    await appendFile(path, JSON.stringify(ev(2)).slice(0, 40));
    await appendLedgerFile(path, [ev(4), ev(5)]);
    const { events, diagnostics } = await readLedgerFile(path);
    expect(events.map((e) => e.eventId)).toEqual([ev(1).eventId, ev(4).eventId, ev(5).eventId]);
    expect(diagnostics.map((d) => [d.code, d.place?.line])).toEqual([["ledger-torn-line", 2]]);
    expect(diagnostics[0]!.message).toMatch(/Line 2 is incomplete/);
  });

  test("a line that is JSON but not an event is an error with its line and field; others are kept", async () => {
    const path = join(dir, "invalid.jsonl");
    const bad = { ...ev(2), date: "1 March" };
    await writeFile(path, `${JSON.stringify(ev(1))}\n${JSON.stringify(bad)}\n\n${JSON.stringify(ev(3))}\r\n`);
    const { events, diagnostics } = await readLedgerFile(path);
    expect(events).toHaveLength(2);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "ledger-invalid-event", severity: "error", place: { line: 2, field: "date" } });
  });

  test("an event written twice is read once, with one info diagnostic", async () => {
    const path = join(dir, "dup.jsonl");
    await appendLedgerFile(path, [ev(1), ev(2)]);
    await appendLedgerFile(path, [ev(1)]);
    const { events, diagnostics } = await readLedgerFile(path);
    expect(events).toHaveLength(2);
    expect(diagnostics).toMatchObject([{ code: "ledger-duplicate-event", severity: "info", place: { line: 3 } }]);
  });

  test("a missing file is a file-error, or an empty ledger with missingOk", async () => {
    const path = join(dir, "nope.jsonl");
    expect((await readLedgerFile(path)).diagnostics).toMatchObject([{ code: "file-error", severity: "error" }]);
    expect(await readLedgerFile(path, { missingOk: true })).toEqual({ events: [], diagnostics: [] });
  });

  test("many concurrent appends from one process: every line whole, every event there", async () => {
    const path = join(dir, "concurrent.jsonl");
    const batches = Array.from({ length: 40 }, (_, i) => [ev(i * 3), ev(i * 3 + 1, { action: "y".repeat(70_000) }), ev(i * 3 + 2)]);
    await Promise.all(batches.map((b) => appendLedgerFile(path, b)));
    const { events, diagnostics } = await readLedgerFile(path);
    expect(diagnostics).toEqual([]);
    expect(new Set(events.map((e) => e.eventId))).toEqual(new Set(batches.flat().map((e) => e.eventId)));
    // Batches are never interleaved: the three events of a batch sit on consecutive lines.
    const order = events.map((e) => Number(e.recommendation.split(".").pop()));
    for (let i = 0; i < order.length; i += 3) expect([order[i]! % 3, order[i + 1]! % 3, order[i + 2]! % 3]).toEqual([0, 1, 2]);
  });

  test("a lock left by a dead process is broken; the append goes through", async () => {
    const path = join(dir, "stale.jsonl");
    // pid 2^22+1 is above Linux's pid_max default and so not running; the host is this one.
    const { hostname } = await import("node:os");
    await writeFile(`${path}.lock`, `4194305 ${hostname()} 2020-01-01T00:00:00.000Z\n`);
    await appendLedgerFile(path, [ev(1)], { lockTimeoutMs: 2000 });
    expect((await readLedgerFile(path)).events).toHaveLength(1);
    await expect(readFile(`${path}.lock`)).rejects.toThrow(); // released
  });

  test("a live lock makes the append wait, then fail with a clear message after the timeout", async () => {
    const path = join(dir, "busy.jsonl");
    const { hostname } = await import("node:os");
    await writeFile(`${path}.lock`, `${process.pid} ${hostname()} ${new Date().toISOString()}\n`);
    await expect(appendLedgerFile(path, [ev(1)], { lockTimeoutMs: 150 })).rejects.toThrow(/locked by another process/);
    await rm(`${path}.lock`);
  });

  test("as a LedgerStore: recordEvents leaves out what is already there", async () => {
    const store = jsonlLedgerStore(join(dir, "store.jsonl"));
    expect((await recordEvents(store, [ev(1), ev(2)])).added).toHaveLength(2);
    const again = await recordEvents(store, [ev(2), ev(3)]);
    expect(again.added.map((e) => e.eventId)).toEqual([ev(3).eventId]);
    expect(again.duplicateIds).toHaveLength(1);
    expect((await store.read()).events).toHaveLength(3);
  });
});
