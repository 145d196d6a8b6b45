import { execFile } from "node:child_process";
import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { runCli } from "../cli/run-cli.js";
import { badDir, badFixtures, builtCli, type BadFixture } from "./manifest.js";

// The CLI contract over every file of fixtures/bad/: `upr-matrix parse` exits as the manifest says (1 read
// with errors, 2 unreadable; 0 for awkward inputs it reads correctly), prints one line per problem on stderr
// and never a stack trace, and ends within a time limit.
//
// The built CLI reads the whole folder once as a process, through its worker threads (human lines: one
// per problem, no stack trace); then run(argv, io) reads the files in-process, grouped by expected exit
// code, with --json. A group's exit code, the
// unreadable count of the JSON summary and the diagnostics the CLI attributes to each file pin every file's
// own outcome: exit 0 for a group means no file had an error; exit 2 with `unreadable` equal to the group's
// size means every file was unreadable; exit 1 with `unreadable` 0 and an error attributed to each file
// means each would exit 1 alone.
const fixtures = badFixtures();
const TIME_LIMIT_MS = 60_000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  killed: boolean;
}

function runProcess(cli: string, args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [cli, ...args], { timeout: TIME_LIMIT_MS, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, NO_COLOR: "1", UPR_MATRIX_DEBUG: "" } }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
      resolve({ code, stdout, stderr, killed: Boolean(error?.killed) });
    });
  });
}

let cli = "";

interface Group {
  name: string;
  files: BadFixture[];
  exit: number;
  args: string[];
  pending?: string;
  /** The CLI outcome is already right for a pending fixture (only its data is not). */
  cliOk?: boolean;
  json?: Run;
}

let folder: Run | undefined;

const pendingOf = (f: BadFixture) => f.pendingFix?.fix;
const groups: Group[] = [
  { name: "read cleanly", files: fixtures.filter((f) => f.exit === 0 && !f.pendingFix), exit: 0, args: [] },
  { name: "read with errors", files: fixtures.filter((f) => f.exit === 1 && !f.pendingFix), exit: 1, args: [] },
  { name: "unreadable", files: fixtures.filter((f) => f.exit === 2 && !f.pendingFix), exit: 2, args: [] },
  { name: "awkward, with --strict", files: fixtures.filter((f) => f.strictExit && !f.pendingFix), exit: 1, args: ["--strict"] },
];
// Fixtures waiting for a fix elsewhere are read apart, so that they do not hide the others' outcome.
for (const fix of new Set(fixtures.map(pendingOf).filter((x): x is string => x !== undefined))) {
  const files = fixtures.filter((f) => pendingOf(f) === fix);
  groups.push({ name: `pending: ${fix}`, files, exit: files[0]!.exit, args: [], pending: fix, cliOk: files.every((f) => f.pendingFix?.cliOk) });
}

beforeAll(async () => {
  cli = await builtCli();
  // In this process and thread (--jobs 1): no worker threads to start; the folder run goes through the workers.
  for (const g of groups) {
    const run = await runCli(["--verbose", "--json", "--jobs", "1", "parse", ...g.args, ...g.files.map((f) => join(badDir, f.file))]);
    g.json = { ...run, killed: false };
  }
  // The folder run after the groups, not beside them: its time limit catches a hang, not the two runs
  // sharing a machine's cores (88 files take ~35 s alone at load 11, over 60 s beside the groups).
  folder = await runProcess(cli, ["--verbose", "parse", badDir]);
}, 4 * TIME_LIMIT_MS);

afterAll(() => {
  if (cli.includes(".tmp")) rmSync(dirname(cli), { recursive: true, force: true });
});

// A diagnostic line: "<place>: <severity> <code>: <message>". Other lines are the CLI's notes: per file
// ("<file>: 3 recommendations in 12 ms") or for the run ("parse: ...", "upr-matrix: ...").
const DIAGNOSTIC = /^(?:.+?: )?(?:error|warning|info) [a-z0-9-]+: \S/;
const NOTE = /^(?:[a-z][a-z-]*: \S|.+: \d+ recommendations?\b)/;
const STACK = /^\s+at |node:internal|\bat .+\(.+:\d+:\d+\)|^\w*Error: /m;

interface JsonLine {
  code?: string;
  severity?: string;
  place?: { file?: string };
  summary?: { files: number; unreadable: number };
}

function sane(run: Run | undefined, label: string): string[] {
  expect(run, "the CLI ran").toBeDefined();
  expect(run!.killed, `${label} did not finish in ${TIME_LIMIT_MS} ms`).toBe(false);
  expect(run!.stderr).not.toMatch(STACK);
  return run!.stderr.split("\n").filter((l) => l !== "");
}

const jsonLines = (run: Run | undefined, label: string) => sane(run, label).map((l) => JSON.parse(l) as JsonLine);

describe("upr-matrix parse <bad files>", () => {
  test("every fixture is in one group", () => {
    expect(groups.filter((g) => !g.args.length).reduce((n, g) => n + g.files.length, 0)).toBe(fixtures.length);
  });

  test(`the whole folder (${fixtures.length} files): one line per problem, no stack trace, exit 2`, () => {
    const lines = sane(folder, "the folder");
    for (const line of lines) expect(DIAGNOSTIC.test(line) || NOTE.test(line), `not a one-line message: ${JSON.stringify(line.slice(0, 200))}`).toBe(true);
    // The same diagnostics as the --json runs of the groups (which hold every file once).
    const total = groups.filter((g) => !g.args.length).reduce((n, g) => n + jsonLines(g.json, g.name).filter((j) => j.code !== undefined).length, 0);
    expect(lines.filter((l) => DIAGNOSTIC.test(l)).length, "one human line per diagnostic").toBe(total);
    for (const f of fixtures) expect(folder!.stderr, f.file).toContain(f.file);
    expect(folder!.code).toBe(2);
  });

  for (const g of groups) {
    if (g.files.length === 0) continue;
    const run = g.pending && !g.cliOk ? test.fails : test;
    run(`${g.files.length} file(s) ${g.name}: exit ${g.exit}, each file's outcome`, () => {
      const json = jsonLines(g.json, g.name);
      const diagnostics = json.filter((j) => j.code !== undefined);
      expect(g.json!.code, g.json!.stderr.slice(0, 400)).toBe(g.exit);
      const summary = json.find((j) => j.summary)?.summary;
      expect(summary, "the --json summary line").toBeDefined();
      expect(summary!.files).toBe(g.files.length);
      expect(summary!.unreadable).toBe(g.exit === 2 ? g.files.length : 0);
      for (const f of g.files) {
        const mine = diagnostics.filter((d) => d.place?.file === join(badDir, f.file));
        for (const code of f.codes) expect(mine.map((d) => d.code), `${f.file} reports ${code}`).toContain(code);
        const worst = mine.some((d) => d.severity === "error") ? 1 : mine.some((d) => d.severity === "warning") ? 0.5 : 0;
        if (g.args.includes("--strict")) expect(worst, `${f.file} has a warning or error`).toBeGreaterThan(0);
        else if (g.exit === 0) expect(worst, `${f.file} has no error`).toBeLessThan(1);
        else expect(worst, `${f.file} has an error`).toBe(1);
      }
      // Readable groups still print the JSON document.
      if (g.exit !== 2) expect(() => JSON.parse(g.json!.stdout)).not.toThrow();
    });
  }
});
