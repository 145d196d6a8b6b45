// Every file of fixtures/bad through the four commands a user runs on a file (parse, classify, track
// import, report), in-process through the CLI's run(): a result and one line per problem, never a stack
// trace or a hang, the exit code the manifest promises, and a time bound generous enough for a loaded CI
// machine (`UPR_MATRIX_TIMES=1` prints the time of every run; docs/security.md gives the figures).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { run } from "../../src/cli/run.js";
import { readTrackWorkbook } from "../../src/ingest/track-workbook.js";
import { badDir, badFixtures } from "./manifest.js";

/** Each command on each fixture must finish within this: the slowest took 5.6 s on a 2-core machine at load 10-14 (docs/security.md). */
const BOUND_MS = 30_000;

const fixtures = badFixtures();
const times: { file: string; command: string; ms: number }[] = [];

/** A stream that keeps what is written to it. */
function capture(): { stream: Writable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  return { stream, text: () => chunks.join("") };
}

async function cli(args: string[]): Promise<{ code: number; stderr: string; ms: number }> {
  const out = capture();
  const err = capture();
  const t0 = performance.now();
  const code = await run(["--jobs", "1", "--no-progress", ...args], { stdout: out.stream, stderr: err.stream, isTTY: false, env: { NO_COLOR: "1", UPR_MATRIX_NOW: "2026-01-15T09:00:00Z" } });
  return { code, stderr: err.text(), ms: performance.now() - t0 };
}

// A line the CLI prints on stderr: "<place>: <severity> <code>: <message>", or a note of its own.
const DIAGNOSTIC = /^(?:.+?: )?(?:error|warning|info) [a-z0-9-]+: \S/;
const NOTE = /^(?:[a-z][a-z-]*: \S|\s{2}\S|\S+: \d+ recommendations?\b|Recorded|Would record|Wrote|Tracking|Read)/;

function oneLinePerProblem(stderr: string, label: string): void {
  expect(stderr, `${label}: no stack trace`).not.toMatch(/^\s+at |node:internal|\bat .+\(.+:\d+:\d+\)/m);
  for (const line of stderr.split("\n").filter(Boolean)) {
    expect(line.length, `${label}: ${line.slice(0, 80)}`).toBeLessThan(2000);
    expect(DIAGNOSTIC.test(line) || NOTE.test(line), `${label}: unexpected line ${JSON.stringify(line.slice(0, 200))}`).toBe(true);
  }
}

let work = "";
let project = "";

beforeAll(async () => {
  // A tracking folder for `track import` (imports are dry runs: the ledger is never changed).
  work = mkdtempSync(join(tmpdir(), "upr-bad-commands-"));
  project = join(work, "tracking");
  const init = await cli(["track", "init", join(badDir, "..", "ohchr-en.xlsx"), "--dir", project]);
  expect(init.code, init.stderr).toBe(0);
}, 120_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("every bad fixture through parse, classify, track import and report", () => {
  for (const f of fixtures) {
    test(f.file, { timeout: 4 * BOUND_MS + 10_000 }, async () => {
      const path = join(badDir, f.file);
      for (const [command, args] of [
        ["parse", ["parse", path, "--format", "jsonl"]],
        ["classify", ["classify", path, "--format", "jsonl"]],
        ["report", ["report", path, "--format", "md"]],
      ] as const) {
        const r = await cli([...args]);
        times.push({ file: f.file, command, ms: r.ms });
        oneLinePerProblem(r.stderr, `${command} ${f.file}`);
        expect(r.code, `${command} ${f.file}: ${r.stderr.slice(0, 300)}`).toBe(f.exit);
        expect(r.ms, `${command} ${f.file}`).toBeLessThan(BOUND_MS);
      }
      const r = await cli(["track", "import", path, "--dir", project, "--dry-run"]);
      times.push({ file: f.file, command: "track import", ms: r.ms });
      oneLinePerProblem(r.stderr, `track import ${f.file}`);
      // What the reader says decides the exit code: not a workbook (skipped) 0, unreadable 2, errors 1.
      let expected = 0;
      if (f.file.endsWith(".xlsx")) {
        const read = await readTrackWorkbook(new Uint8Array(readFileSync(path)), f.file);
        expected = read.workbook === null ? 2 : read.diagnostics.some((d) => d.severity === "error") ? 1 : 0;
      }
      expect(r.code, `track import ${f.file}: ${r.stderr.slice(0, 300)}`).toBe(expected);
      expect(r.ms, `track import ${f.file}`).toBeLessThan(BOUND_MS);
    });
  }

  test("times", () => {
    const slowest = [...times].sort((a, b) => b.ms - a.ms).slice(0, 5);
    if (process.env.UPR_MATRIX_TIMES) for (const t of times) console.log(`${t.command.padEnd(12)} ${t.file.padEnd(40)} ${Math.round(t.ms)} ms`);
    console.log(`slowest: ${slowest.map((t) => `${t.command} ${t.file} ${Math.round(t.ms)} ms`).join("; ")}`);
    expect(times.length).toBe(fixtures.length * 4);
  });
});
