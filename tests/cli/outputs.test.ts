// What the commands write: a failed write is exit 2 and never "Wrote ..." (D4), an output never
// overwrites an input (D5), and every file (outputs, the register, workbooks, reports) is written whole
// or not at all (D12): on a full disk the previous file stays as it was.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { Writable } from "node:stream";
import { afterEach, describe, expect, test, vi } from "vitest";
import { run } from "../../src/cli/run.js";
import { disk } from "../node/full-disk.js";
import { ROOT, tempDir } from "./built.js";
import { Capture, runCli } from "./run-cli.js";

vi.mock("node:fs/promises", async (original) => (await import("../node/full-disk.js")).mockFs(await original()));
afterEach(() => disk.reset());

const CSV = join(ROOT, "fixtures", "upr-info.csv");
const DOCX = join(ROOT, "fixtures", "sample", "ohchr-matrix-en.docx");
const NOW = { UPR_MATRIX_NOW: "2025-05-01T08:00:00Z" };

/** A tracking folder for the sample matrix, with one update recorded. */
async function trackingFolder(name: string): Promise<string> {
  const dir = join(tempDir(name), "tracking");
  expect((await runCli(["track", "init", DOCX, "--dir", dir], { env: NOW })).code).toBe(0);
  expect((await runCli(["track", "update", "142.28", "--status", "in progress", "--dir", dir], { env: NOW })).code).toBe(0);
  return dir;
}

describe.skipIf(!existsSync("/dev/full"))("a write that fails is exit 2, never a success (D4)", () => {
  test("--out /dev/full: every command that writes says it could not, exit 2, no 'Wrote' and no summary", async () => {
    const dir = await trackingFolder("full-device");
    const runs = {
      "parse json": ["parse", CSV, "--out", "/dev/full"],
      "parse jsonl --json": ["--json", "parse", CSV, "--format", "jsonl", "--out", "/dev/full"],
      "parse summary": ["parse", CSV, "--format", "summary", "--out", "/dev/full"],
      "classify jsonl --json": ["--json", "classify", CSV, "--format", "jsonl", "--out", "/dev/full"],
      "classify summary": ["classify", CSV, "--format", "summary", "--out", "/dev/full"],
      report: ["report", CSV, "--format", "html", "--out", "/dev/full"],
      skeleton: ["skeleton", DOCX, "--out", "/dev/full"],
      "track status": ["track", "status", "--dir", dir, "--out", "/dev/full"],
    };
    for (const [name, args] of Object.entries(runs)) {
      const r = await runCli(args);
      expect([name, r.code], r.stderr).toEqual([name, 2]);
      expect(r.stderr, name).toContain("upr-matrix: Cannot write /dev/full: ENOSPC");
      expect(r.stderr, name).not.toMatch(/Wrote|"summary"|^(?:parse|classify): /m);
    }
  });

  test("stdout that fails (a full disk behind `>`) is exit 2 too", async () => {
    for (const args of [["parse", CSV], ["parse", CSV, "--format", "jsonl"], ["report", CSV]]) {
      const failing = new Writable({ write: (_chunk, _enc, done) => done(Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" })) });
      failing.on("error", () => undefined);
      const stderr = new Capture();
      const code = await run(["--jobs", "1", ...args], { stdout: failing, stderr, env: {} });
      expect([args.join(" "), code, stderr.text]).toEqual([args.join(" "), 2, "upr-matrix: Cannot write to stdout: ENOSPC: no space left on device, write\n"]);
    }
  });
});

describe("an output never overwrites an input (D5)", () => {
  test("every command with --out refuses a path that is one of its inputs, however it is spelled; the input is intact", async () => {
    const dir = await trackingFolder("out-is-input");
    const inputs = tempDir("inputs");
    const csv = join(inputs, "in.csv");
    copyFileSync(CSV, csv);
    const docx = join(inputs, "matrix.docx");
    copyFileSync(DOCX, docx);
    symlinkSync("in.csv", join(inputs, "link.csv"));
    const ledger = join(dir, "ledger.jsonl");
    const before = new Map([csv, docx, ledger, join(dir, "recommendations.json")].map((f) => [f, readFileSync(f)]));
    const runs = [
      ["parse", csv, "--out", csv],
      ["parse", join(inputs, "link.csv"), "--out", join(inputs, "..", basename(inputs), "in.csv")],
      ["parse", inputs, "--format", "jsonl", "--out", csv],
      ["classify", csv, "--only", "action", "--out", csv],
      ["report", csv, "--out", csv],
      ["report", docx, "--ledger", ledger, "--format", "json", "--out", ledger],
      ["skeleton", docx, "--out", docx],
      ["track", "status", "--dir", dir, "--out", ledger],
      ["track", "status", "--dir", dir, "--format", "json", "--out", join(dir, "recommendations.json")],
    ];
    for (const args of runs) {
      const r = await runCli(args);
      expect([args.join(" "), r.code]).toEqual([args.join(" "), 2]);
      expect(r.stderr).toMatch(/^upr-matrix: Will not write .+: it is one of the files this command reads\. Choose another output\.\n$/m);
    }
    for (const [file, bytes] of before) expect(readFileSync(file).equals(bytes), file).toBe(true);
  });

  test("--out beside the inputs, or a new file, is written as before", async () => {
    const dir = tempDir("out-beside");
    const csv = join(dir, "in.csv");
    copyFileSync(CSV, csv);
    const r = await runCli(["parse", csv, "--format", "jsonl", "--out", join(dir, "in.jsonl")]);
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, "in.jsonl"), "utf8").split("\n").length).toBe(47);
  });
});

describe("a full disk leaves every file as it was (D12)", () => {
  test("parse, report, track init --force and track export: exit 2, the previous files intact, no temporary file left", async () => {
    const dir = await trackingFolder("full-disk");
    const out = join(tempDir("full-disk-out"), "exports");
    mkdirSync(out);
    const previous = {
      [join(out, "all.json")]: "previous parse output\n",
      [join(out, "report.xlsx")]: "previous report\n",
      [join(out, "unassigned.xlsx")]: "previous workbook\n",
    };
    for (const [f, text] of Object.entries(previous)) writeFileSync(f, text);
    const register = join(dir, "recommendations.json");
    const registerBefore = readFileSync(register, "utf8");
    const runs = [
      ["parse", CSV, "--out", join(out, "all.json")],
      ["report", DOCX, "--format", "xlsx", "--out", join(out, "report.xlsx")],
      ["track", "init", CSV, "--dir", dir, "--force"],
      ["track", "export", "--dir", dir, "--out", out],
    ];
    for (const args of runs) {
      disk.fullAfter(100);
      const r = await runCli(args, { env: NOW });
      expect([args.slice(0, 2).join(" "), r.code]).toEqual([args.slice(0, 2).join(" "), 2]);
      expect(r.stderr).toMatch(/upr-matrix: Cannot write .+: ENOSPC/);
      expect(r.stderr).not.toMatch(/^Wrote|^Tracking /m);
    }
    for (const [f, text] of Object.entries(previous)) expect(readFileSync(f, "utf8"), f).toBe(text);
    expect(readFileSync(register, "utf8")).toBe(registerBefore);
    expect(readdirSync(out).sort()).toEqual(["all.json", "report.xlsx", "unassigned.xlsx"]);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    // The folder still works.
    disk.reset();
    const status = await runCli(["track", "status", "--dir", dir, "--format", "json"]);
    expect(status.code).toBe(0);
    expect(JSON.parse(status.stdout).groups.at(-1)).toMatchObject({ group: "total", total: 179 });
  });
});
