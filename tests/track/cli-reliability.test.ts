// `upr-matrix track` (and `report --ledger`) in the situations of issue 14, run in-process with run():
// a settlement dated before a claim (T1), colliding keys (D3), future dates (D6), concurrent imports
// (D13), ledgers that are not ledgers or cannot be read (T2, D17, D18), the register written a line
// at a time (D21).
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { run } from "../../src/cli/run.js";
import { appendLedgerFile, readLedgerFile } from "../../src/node/ledger-file.js";
import { createEvent } from "../../src/track/event.js";

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "upr-track-rel-"));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** Run the CLI in this process at a pinned time; stdout, stderr and the exit code. */
async function cli(now: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const sink = (add: (s: string) => void) =>
    new Writable({
      write(chunk: Buffer, _enc, done) {
        add(chunk.toString("utf8"));
        done();
      },
    });
  const code = await run(["--jobs", "1", "--no-progress", ...args], {
    stdout: sink((s) => (stdout += s)),
    stderr: sink((s) => (stderr += s)),
    env: { UPR_MATRIX_NOW: now },
    isTTY: false,
    now: () => new Date(now),
  });
  return { code, stdout, stderr };
}

const csv = (rows: string[]) => `Recommendation,Position\r\n${rows.map((r) => `${r}\r\n`).join("")}`;
const KENYA = csv(['"121.1 Ratify OP-CAT (Ghana);",Supported', '"121.2 Abolish the death penalty (France);",Noted', '"121.3 Strengthen the national human rights institution (Chile);",Supported']);
const UGANDA = csv(['"121.1 Adopt a law on domestic violence (Chile);",Supported', '"121.2 Ensure free primary education (Peru);",Supported']);

async function answer(file: string, out: string, answers: [id: string, status: string, date?: string][]): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet("Recommendations")!;
  for (let r = 2; r <= ws.rowCount; r++) {
    const hit = answers.find(([id]) => ws.getRow(r).getCell(2).value === id);
    if (!hit) continue;
    ws.getRow(r).getCell(10).value = hit[1];
    if (hit[2]) ws.getRow(r).getCell(11).value = hit[2];
  }
  await writeFile(out, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

describe("T1 and D6: a status that does not become current is never silent", () => {
  test("a settlement dated before one of the claims keeps the conflict open and says so; dated after, it settles it", async () => {
    const dir = join(tmp, "t1");
    await mkdir(dir);
    await writeFile(join(tmp, "kenya.csv"), KENYA);
    await writeFile(join(tmp, "assign.csv"), "match,lead,supporting\n*,Ministry of Justice,National Police Service\n");
    expect((await cli("2025-05-01T08:00:00Z", "track", "init", join(tmp, "kenya.csv"), "--dir", dir, "--assign", join(tmp, "assign.csv"))).code).toBe(0);
    expect((await cli("2025-06-01T09:00:00Z", "track", "export", "--dir", dir)).code).toBe(0);
    const out = join(dir, "exports", "20250601T090000Z");
    // Justice dates its answer; the Police leave the date blank, so theirs is dated the import day.
    await answer(join(out, "ministry-of-justice.xlsx"), join(tmp, "mj.xlsx"), [["121.1", "Fully implemented", "2025-06-20"]]);
    await answer(join(out, "national-police-service.xlsx"), join(tmp, "police.xlsx"), [["121.1", "In progress"]]);
    const imp = await cli("2025-06-30T12:00:00Z", "track", "import", join(tmp, "mj.xlsx"), join(tmp, "police.xlsx"), "--dir", dir);
    expect(imp.stderr).toMatch(/warning status-conflict: 121\.1: institutions disagree/);

    const early = await cli("2025-07-02T09:00:00Z", "track", "update", "121.1", "--status", "fully implemented", "--date", "2025-06-25", "--by", "NMIRF", "--dir", dir);
    expect(early.code).toBe(0);
    expect(early.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/warning update-not-current: 121\.1: "Fully implemented" \(dated 2025-06-25\) is recorded, but the status stays "In progress" from a later update \(2025-06-30, National Police Service\); the conflict stays open\. To make it current, record it again with --date 2025-06-30 or later\.$/),
      "Recorded 121.1 → Fully implemented (2025-06-25): not the current status (see the warning above).",
    ]);
    const status = JSON.parse((await cli("2025-07-02T09:00:00Z", "track", "status", "--dir", dir, "--format", "json")).stdout);
    expect(status.conflicts).toHaveLength(1); // not "settled" by an update that is not current
    expect(status.groups.at(-1).byStatus["in-progress"]).toBe(1);

    const settle = await cli("2025-07-02T09:00:00Z", "track", "update", "121.1", "--status", "fully implemented", "--by", "NMIRF", "--dir", dir);
    expect(settle.stderr).toBe("Recorded 121.1 → Fully implemented (2025-07-02). The open conflict is settled.\n");
    const after = JSON.parse((await cli("2025-07-02T09:00:00Z", "track", "status", "--dir", dir, "--format", "json")).stdout);
    expect([after.conflicts, after.groups.at(-1).byStatus["fully-implemented"]]).toEqual([[], 1]);
  }, 60_000);

  test("D6: a future --date is refused in one line; a 2205 date already in a ledger is reported and cannot pin the status", async () => {
    const dir = join(tmp, "d6");
    await writeFile(join(tmp, "kenya.csv"), KENYA);
    expect((await cli("2025-05-01T08:00:00Z", "track", "init", join(tmp, "kenya.csv"), "--dir", dir)).code).toBe(0);
    const refused = await cli("2025-07-01T09:00:00Z", "track", "update", "121.2", "--status", "fully implemented", "--date", "2205-06-30", "--dir", dir);
    expect([refused.code, refused.stderr]).toEqual([2, "upr-matrix: --date 2205-06-30 is in the future (today is 2025-07-01): an update reports what was done, so it cannot be dated ahead.\n"]);
    // As an earlier version let it in:
    await appendLedgerFile(join(dir, "ledger.jsonl"), [createEvent({ recommendation: "||121.2", status: "fully-implemented", date: "2205-06-30", source: { reporter: "typo" } }, { recordedAt: "2025-07-01T09:00:00.000Z" })]);
    const next = await cli("2025-07-03T09:00:00Z", "track", "update", "121.2", "--status", "in progress", "--by", "NMIRF", "--dir", dir);
    expect(next.stderr).toMatch(/warning invalid-field: 1 event\(s\) are dated after the day they were recorded \(first: \|\|121\.2 dated 2205-06-30, recorded 2025-07-01\); each counts as of 1 day\(s\) after it was recorded\./);
    expect(next.stderr).toMatch(/Recorded 121\.2 → In progress \(2025-07-03\)\.\n$/);
    const h = JSON.parse((await cli("2025-07-03T09:00:00Z", "track", "history", "121.2", "--dir", dir, "--format", "json")).stdout);
    expect(h.state.status).toBe("in-progress");
  }, 60_000);
});

describe("D3: colliding keys", () => {
  test("two sheets without State or cycle: init reports each collision; a bare number is ambiguous; a key reaches one", async () => {
    const dir = join(tmp, "d3");
    await writeFile(join(tmp, "kenya.csv"), KENYA);
    await writeFile(join(tmp, "uganda.csv"), UGANDA);
    const init = await cli("2025-05-01T08:00:00Z", "track", "init", join(tmp, "kenya.csv"), join(tmp, "uganda.csv"), "--dir", dir);
    expect(init.code).toBe(0);
    expect(init.stderr.match(/warning key-collision/g)).toHaveLength(2);
    expect(init.stderr).toContain("Tracking 5 recommendations");
    const ambiguous = await cli("2025-07-01T09:00:00Z", "track", "update", "121.1", "--status", "fully implemented", "--dir", dir);
    expect([ambiguous.code, ambiguous.stderr]).toEqual([2, 'upr-matrix: "121.1" is ambiguous: ||121.1@kenya.csv, ||121.1@uganda.csv. Give the full key.\n']);
    const one = await cli("2025-07-01T09:00:00Z", "track", "update", "||121.1@uganda.csv", "--status", "fully implemented", "--dir", dir);
    expect(one.stderr).toBe("Recorded 121.1 → Fully implemented (2025-07-01).\n");
    const status = JSON.parse((await cli("2025-07-01T09:00:00Z", "track", "status", "--dir", dir, "--format", "json")).stdout);
    expect(status.groups.at(-1)).toMatchObject({ total: 5, byStatus: { "fully-implemented": 1, none: 4 } });
    // The register is written a line per recommendation (D21) and stays one JSON document.
    const register = await readFile(join(dir, "recommendations.json"), "utf8");
    expect(register.startsWith('{"recommendations":[\n')).toBe(true);
    expect(JSON.parse(register).recommendations).toHaveLength(5);
  }, 60_000);
});

describe("D13: concurrent imports", () => {
  test("five imports of one workbook at once record its answer once", async () => {
    const dir = join(tmp, "d13");
    await writeFile(join(tmp, "kenya.csv"), KENYA);
    await writeFile(join(tmp, "assign.csv"), "match,lead,supporting\n*,Ministry of Justice,\n");
    await cli("2025-05-01T08:00:00Z", "track", "init", join(tmp, "kenya.csv"), "--dir", dir, "--assign", join(tmp, "assign.csv"));
    await cli("2025-06-01T09:00:00Z", "track", "export", "--dir", dir);
    await answer(join(dir, "exports", "20250601T090000Z", "ministry-of-justice.xlsx"), join(tmp, "mj13.xlsx"), [["121.3", "In progress"]]);
    const runs = await Promise.all([1, 2, 3, 4, 5].map((i) => cli(`2025-07-01T09:00:0${i}Z`, "--quiet", "track", "import", join(tmp, "mj13.xlsx"), "--dir", dir)));
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0, 0, 0]);
    const { events } = await readLedgerFile(join(dir, "ledger.jsonl"));
    expect(events.filter((e) => e.recommendation === "||121.3" && e.status === "in-progress")).toHaveLength(1);
  }, 60_000);
});

describe("T2, D17, D18: ledgers that are not ledgers, or cannot be read", () => {
  test("report --ledger given the matrix, the register or a folder: one line, exit 1", async () => {
    await writeFile(join(tmp, "kenya.csv"), KENYA);
    const dir = join(tmp, "t2");
    await cli("2025-05-01T08:00:00Z", "track", "init", join(tmp, "kenya.csv"), "--dir", dir);
    for (const [ledger, why] of [
      [join(tmp, "kenya.csv"), /kenya\.csv is not a tracking ledger: its first line is not an event \(it reads: Recommendation,Position\)\.\n$/],
      [join(dir, "recommendations.json"), /recommendations\.json is not a tracking ledger: its first line is not an event/],
      [dir, /t2 is a folder, not a ledger file/],
    ] as const) {
      const r = await cli("2025-07-01T09:00:00Z", "report", join(tmp, "kenya.csv"), "--ledger", ledger, "--format", "md");
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr.split("\n")).toHaveLength(2);
      expect(r.stderr).toMatch(why);
    }
  }, 60_000);

  test("a ledger re-saved as UTF-16 is refused (exit 1) and nothing is appended to it; an unreadable one stops export (exit 2)", async () => {
    await writeFile(join(tmp, "kenya.csv"), KENYA);
    const dir = join(tmp, "d17");
    await cli("2025-05-01T08:00:00Z", "track", "init", join(tmp, "kenya.csv"), "--dir", dir);
    await cli("2025-05-02T08:00:00Z", "track", "update", "121.1", "--status", "in progress", "--dir", dir);
    const ledger = join(dir, "ledger.jsonl");
    const utf16 = Buffer.from(`\ufeff${await readFile(ledger, "utf8")}`, "utf16le");
    await writeFile(ledger, utf16);
    for (const args of [["status"], ["update", "121.1", "--status", "fully implemented"]]) {
      const r = await cli("2025-07-01T09:00:00Z", "track", ...args, "--dir", dir);
      expect([r.code, r.stderr]).toEqual([1, `upr-matrix: ${ledger} is not a tracking ledger: it is saved as UTF-16; save it as UTF-8.\n`]);
    }
    expect(Buffer.compare(await readFile(ledger), utf16)).toBe(0);
    // A ledger that cannot be read as one stops the export: no workbook without assignments or history goes out.
    await rm(ledger);
    await mkdir(ledger);
    const folder = await cli("2025-07-01T09:00:00Z", "track", "export", "--dir", dir, "--out", join(tmp, "d18-out"));
    expect([folder.code, folder.stderr]).toEqual([1, `upr-matrix: ${ledger} is a folder, not a ledger file (give the ledger.jsonl inside a tracking folder).\n`]);
    expect(await readdir(tmp)).not.toContain("d18-out");
    await rm(ledger, { recursive: true });
    if (process.getuid?.() === 0) return; // root reads any file: no permission test
    await writeFile(ledger, "");
    await chmod(ledger, 0o000);
    const exp = await cli("2025-07-01T09:00:00Z", "track", "export", "--dir", dir, "--out", join(tmp, "d18-out"));
    expect([exp.code, exp.stderr]).toEqual([2, `upr-matrix: ${ledger}: Permission denied.\n`]);
    expect(await readdir(tmp)).not.toContain("d18-out"); // no workbook without assignments or history goes out
    await chmod(ledger, 0o600);
  }, 60_000);
});
