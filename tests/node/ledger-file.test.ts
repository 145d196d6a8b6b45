import { fileURLToPath } from "node:url";
import { appendFile, chmod, mkdir, mkdtemp, readFile, rm, utimes, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { MatrixError } from "../../src/errors/matrix-error.js";
import { appendLedgerFile, jsonlLedgerStore, readLedgerFile, updateLedgerFile } from "../../src/node/index.js";
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

  test("a missing file is an unreadable-input error, or an empty ledger with missingOk", async () => {
    const path = join(dir, "nope.jsonl");
    await expect(readLedgerFile(path)).rejects.toMatchObject({ code: "unreadable-input", message: `${path}: No such ledger file.` });
    expect(await readLedgerFile(path, { missingOk: true })).toMatchObject({ events: [], diagnostics: [] });
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

  test("the counts say how every non-blank line was used", async () => {
    const path = join(dir, "counts.jsonl");
    await writeFile(path, `${JSON.stringify(ev(1))}\n\n${JSON.stringify(ev(1))}\n{"eventId":"x"}\n${JSON.stringify(ev(2)).slice(0, 50)}`);
    const { counts } = await readLedgerFile(path);
    expect(counts).toEqual({ lines: 4, events: 1, duplicates: 1, torn: 1, invalid: 1, tooLong: 0 });
  });
});

const expectMatrixError = async (p: Promise<unknown>, code: string, message: RegExp) => {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(MatrixError);
  expect((e as MatrixError).code).toBe(code);
  expect((e as MatrixError).message).toMatch(message);
  expect((e as MatrixError).message).not.toMatch(/\n/);
};

describe("files that are not a ledger, or one re-saved by an editor", () => {
  const good = () => `${JSON.stringify(ev(1))}\n${JSON.stringify(ev(2))}\n`;

  test("D17: a byte-order mark is ignored; CRLF line ends too", async () => {
    const path = join(dir, "bom.jsonl");
    await writeFile(path, `\ufeff${good().replace(/\n/g, "\r\n")}`);
    const { events, diagnostics } = await readLedgerFile(path);
    expect(diagnostics).toEqual([]);
    expect(events.map((e) => e.eventId)).toEqual([ev(1).eventId, ev(2).eventId]);
    await appendLedgerFile(path, [ev(3)]);
    expect((await readLedgerFile(path)).events).toHaveLength(3);
  });

  test("D17: a UTF-16 ledger (with or without BOM) is refused as a whole, and nothing is appended to it", async () => {
    for (const [name, bytes] of [
      ["utf16le-bom.jsonl", Buffer.from(`\ufeff${good()}`, "utf16le")],
      ["utf16le.jsonl", Buffer.from(good(), "utf16le")],
      ["utf16be-bom.jsonl", Buffer.from(`\ufeff${good()}`, "utf16le").swap16()],
    ] as const) {
      const path = join(dir, name);
      await writeFile(path, bytes);
      await expectMatrixError(readLedgerFile(path), "not-a-ledger", /is not a tracking ledger: it (is saved as UTF-16|holds NUL bytes)/);
      await expectMatrixError(appendLedgerFile(path, [ev(3)]), "not-a-ledger", /UTF-16/);
      expect(Buffer.compare(await readFile(path), bytes)).toBe(0);
    }
  });

  test("T2: a matrix, the register or a folder given as the ledger: one line, code not-a-ledger", async () => {
    const csv = join(dir, "matrix.csv");
    await writeFile(csv, "Recommendation,Position\r\n" + Array.from({ length: 500 }, (_, i) => `"121.${i} Do it (Ghana);",Supported`).join("\r\n"));
    await expectMatrixError(readLedgerFile(csv), "not-a-ledger", /matrix\.csv is not a tracking ledger: its first line is not an event \(it reads: Recommendation,Position\)\.$/);
    const register = join(dir, "recommendations.json");
    await writeFile(register, JSON.stringify({ recommendations: [{ id: "1" }], diagnostics: [], sources: [] }, null, 2));
    await expectMatrixError(readLedgerFile(register), "not-a-ledger", /its first lines are not events \(they read: \{ … "recommendations": \[\)\.$/);
    const docx = fileURLToPath(new URL("../../fixtures/sample/ohchr-matrix-en.docx", import.meta.url));
    await expectMatrixError(readLedgerFile(docx), "not-a-ledger", /is not a tracking ledger/);
    const folder = join(dir, "a-folder");
    await mkdir(folder);
    await expectMatrixError(readLedgerFile(folder), "not-a-ledger", /is a folder, not a ledger file/);
    await expectMatrixError(readLedgerFile("/dev/zero"), "not-a-ledger", /not a regular file/);
  });

  test("D18: a ledger that cannot be read is an error, never an empty ledger", async () => {
    // A path through a file cannot be read (as root too): ENOTDIR.
    await writeFile(join(dir, "plain-file"), "x");
    await expectMatrixError(readLedgerFile(join(dir, "plain-file", "ledger.jsonl"), { missingOk: true }), "unreadable-input", /plain-file\/ledger\.jsonl: Cannot read the ledger: ENOTDIR/);
    if (process.getuid?.() === 0) return; // root reads any file: no permission test
    const path = join(dir, "locked-away.jsonl");
    await writeFile(path, good());
    await chmod(path, 0o000);
    await expectMatrixError(readLedgerFile(path, { missingOk: true }), "unreadable-input", /locked-away\.jsonl: Permission denied\.$/);
    await chmod(path, 0o600);
  });

  test("a ledger whose first append was cut before its id is still a ledger", async () => {
    const path = join(dir, "cut-first.jsonl");
    await writeFile(path, `{"ev\n${good()}`);
    const { events, diagnostics } = await readLedgerFile(path);
    expect(events).toHaveLength(2);
    expect(diagnostics.map((d) => [d.code, d.place?.line])).toEqual([["ledger-torn-line", 1]]);
  });

  test("bytes that are not UTF-8 in the middle are an error for that line; a last line cut inside a character is a torn line", async () => {
    const path = join(dir, "latin1.jsonl");
    const latin = Buffer.from(JSON.stringify(ev(2, { action: "Créé" })), "latin1");
    const whole = Buffer.from(JSON.stringify(ev(3, { action: "é".repeat(10) })), "utf8");
    await writeFile(path, Buffer.concat([Buffer.from(`${JSON.stringify(ev(1))}\n`), latin, Buffer.from("\n"), whole.subarray(0, whole.length - 20)]));
    const { events, diagnostics } = await readLedgerFile(path);
    expect(events.map((e) => e.eventId)).toEqual([ev(1).eventId]);
    expect(diagnostics.map((d) => [d.code, d.severity, d.place?.line])).toEqual([["ledger-invalid-event", "error", 2], ["ledger-torn-line", "warning", 3]]);
  });

  test("many damaged lines are listed up to a bound, then counted in one diagnostic", async () => {
    const path = join(dir, "flood.jsonl");
    await writeFile(path, `${JSON.stringify(ev(1))}\n${"not json\n".repeat(500)}`);
    const { events, diagnostics, counts } = await readLedgerFile(path);
    expect(events).toHaveLength(1);
    expect(counts.torn).toBe(500);
    expect(diagnostics).toHaveLength(21);
    expect(diagnostics.at(-1)).toMatchObject({ code: "ledger-torn-line", message: "480 more line(s) like the ones above (from line 22) were skipped.", place: { line: 22 } });
  });
});

describe("D21: a huge line", () => {
  test("a line over the bound is reported alone, by line number, without being held in memory; every other event is read", async () => {
    const path = join(dir, "huge.jsonl");
    const big = JSON.stringify(ev(2, { action: "x".repeat(3_000_000) }));
    await writeFile(path, `${JSON.stringify(ev(1))}\n${big}\n${JSON.stringify(ev(3))}\n`);
    const { events, diagnostics, counts } = await readLedgerFile(path, { maxLineBytes: 1_000_000 });
    expect(events.map((e) => e.eventId)).toEqual([ev(1).eventId, ev(3).eventId]);
    expect(counts.tooLong).toBe(1);
    expect(diagnostics).toMatchObject([{ code: "limit-exceeded", severity: "error", place: { line: 2 } }]);
    expect(diagnostics[0]!.message).toBe(`Line 2 is ${big.length} bytes long, over the 1000000-byte bound for one event; skipped. Every other event is read.`);
    // Under the default bound (64 MiB) the same line is an ordinary event.
    expect((await readLedgerFile(path)).events).toHaveLength(3);
  });
});

describe("D13 and locks", () => {
  test("two imports of one workbook at once record it once: the decision is made under the lock", async () => {
    const path = join(dir, "d13.jsonl");
    const answer = (second: number) =>
      createEvent({ recommendation: "Kenya|2|142.23", status: "in-progress", date: "2025-07-01", source: { reporter: "Ministry of Justice", file: "mj.xlsx", row: 2, round: "r1" } }, { recordedAt: `2025-07-01T09:00:0${second}.000Z` });
    const runs = await Promise.all([1, 2, 3, 4, 5].map((i) => recordEvents(jsonlLedgerStore(path), [answer(i)])));
    expect(runs.map((r) => r.added.length).reduce((a, b) => a + b)).toBe(1);
    expect((await readLedgerFile(path)).events).toHaveLength(1);
  });

  test("updateLedgerFile decides on the ledger as it is under the lock", async () => {
    const path = join(dir, "update.jsonl");
    await appendLedgerFile(path, [ev(1)]);
    const seen = await updateLedgerFile(path, ({ events }) => ({ append: [ev(2)], result: events.length }));
    expect(seen).toBe(1);
    expect((await readLedgerFile(path)).events).toHaveLength(2);
  });

  test("a lock held by a live process on this host is never broken for its age: the writer waits, then says who holds it", async () => {
    const path = join(dir, "slow-owner.jsonl");
    await writeFile(`${path}.lock`, `${process.pid} ${hostname()} 2020-01-01T00:00:00.000Z\n`);
    const old = new Date(Date.now() - 3_600_000);
    await utimes(`${path}.lock`, old, old);
    await expectMatrixError(appendLedgerFile(path, [ev(1)], { lockTimeoutMs: 300, staleLockMs: 100 }), "ledger-locked", new RegExp(`locked by another process \\(pid ${process.pid} on `));
    await rm(`${path}.lock`);
  });

  test("a lock from another host is broken only when its owner stopped refreshing it", async () => {
    const path = join(dir, "other-host.jsonl");
    await writeFile(`${path}.lock`, "12345 some-other-host 2020-01-01T00:00:00.000Z\n");
    await expectMatrixError(appendLedgerFile(path, [ev(1)], { lockTimeoutMs: 300, staleLockMs: 5_000 }), "ledger-locked", /pid 12345 on some-other-host/);
    const old = new Date(Date.now() - 60_000);
    await utimes(`${path}.lock`, old, old);
    await appendLedgerFile(path, [ev(1)], { lockTimeoutMs: 2_000, staleLockMs: 5_000 });
    expect((await readLedgerFile(path)).events).toHaveLength(1);
  });
});
