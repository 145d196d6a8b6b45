// `upr-matrix` run in-process through run(argv, io) on the fixtures: help, version, formats, outputs,
// globs, exit codes, the terminal (colours, progress bar), and a folder mixing formats with damaged
// files. The process itself (exit codes, EPIPE, worker threads, a real terminal) is in process.test.ts.
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { mergeResults } from "../../src/ingest/result.js";
import { readMatrixFile } from "../../src/node/read-file.js";
import { Diagnostic } from "../../src/schema/diagnostic.js";
import { Recommendation } from "../../src/schema/recommendation.js";
import { ROOT, tempDir } from "./built.js";
import { runCli as cli } from "./run-cli.js";

const FIXTURES = join(ROOT, "fixtures");
const hasFixtures = existsSync(join(FIXTURES, "upr-info.csv"));
const TOP = hasFixtures ? readdirSync(FIXTURES).filter((f) => /\.(csv|xlsx|docx)$/.test(f)).sort().map((f) => `fixtures/${f}`) : [];

const jsonLines = (text: string) =>
  text
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe("help and version", () => {
  test("--version prints the package version", async () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string };
    const r = await cli(["--version"]);
    expect(r.code).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  test("every command's --help shows examples", async () => {
    // The root help's "Commands:" section; command groups (track) show their subcommands' examples.
    const commandsOf = (help: string) => {
      const section = help.split(/\nCommands:\n/)[1]?.split(/\n\n/)[0] ?? "";
      return [...section.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1]!).filter((c) => c !== "help");
    };
    const root = await cli(["--help"]);
    expect(root.code).toBe(0);
    expect(root.stdout).toContain("Examples:");
    const queue = commandsOf(root.stdout).map((c) => [c]);
    expect(queue.map((c) => c[0])).toContain("parse");
    const missing: string[] = [];
    while (queue.length) {
      const path = queue.shift()!;
      const r = await cli([...path, "--help"]);
      expect(r.code, path.join(" ")).toBe(0);
      if (!r.stdout.includes("Examples:")) missing.push(path.join(" "));
    }
    expect(missing).toEqual([]);
  });

  test("a usage error is one line on stderr, exit code 2, no stack trace", async () => {
    for (const args of [["parse", "fixtures/upr-info.csv", "--format", "xml"], ["--jobs", "lots", "parse", "fixtures/upr-info.csv"], ["--jobs", "0", "parse", "fixtures/upr-info.csv"], ["parse"], ["no-such-command"]]) {
      const r = await cli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).not.toMatch(/^\s+at /m);
      expect(r.stdout).toBe("");
    }
  });
});

describe.skipIf(!hasFixtures)("parse", () => {
  test("--format json is the library's result, byte for byte, for several files", async () => {
    const r = await cli(["parse", ...TOP]);
    const expected = mergeResults(await Promise.all(TOP.map((f) => readMatrixFile(f))));
    expect(r.stdout).toBe(`${JSON.stringify(expected, null, 2)}\n`);
    expect(r.code).toBe(expected.diagnostics.some((d) => d.severity === "error") ? 1 : 0);
  });

  test("--format jsonl: one valid recommendation per line", async () => {
    const one = await cli(["parse", ...TOP, "fixtures/sample", "--format", "jsonl"]);
    const recs = jsonLines(one.stdout);
    expect(recs.length).toBeGreaterThan(500);
    for (const rec of recs) Recommendation.parse(rec);
  });

  test("--format summary: one block per source, then totals", async () => {
    const r = await cli(["parse", "fixtures/upr-info.csv", "fixtures/ohchr-g1-en.docx", "--format", "summary"]);
    expect(r.stdout).toMatch(/^fixtures\/upr-info\.csv: upr-info \(en\)\n {2}\d+ rows: \d+ recommendations/m);
    expect(r.stdout).toMatch(/^fixtures\/ohchr-g1-en\.docx \[Table 1\]: ohchr-matrix/m);
    expect(r.stdout).toMatch(/^Total: \d+ recommendations from 2 file\(s\)/m);
  });

  test("--out FILE writes what stdout would get; --out FOLDER/ one output per input", async () => {
    const dir = tempDir("out");
    const merged = join(dir, "all.json");
    const toFile = await cli(["parse", "fixtures/upr-info.csv", "fixtures/ohchr-fr.docx", "--out", merged]);
    const toStdout = await cli(["parse", "fixtures/upr-info.csv", "fixtures/ohchr-fr.docx"]);
    expect(toFile.stdout).toBe("");
    expect(readFileSync(merged, "utf8")).toBe(toStdout.stdout);

    const folder = join(dir, "each") + "/";
    const each = await cli(["parse", "fixtures/upr-info.csv", "fixtures/ohchr-fr.docx", "fixtures/sample/ohchr-matrix-en.docx", "--format", "jsonl", "--out", folder]);
    expect(each.code).toBe(0);
    // Named below the inputs' common folder, input extension kept.
    expect(readdirSync(folder).sort()).toEqual(["ohchr-fr.docx.jsonl", "sample", "upr-info.csv.jsonl"]);
    const fr = jsonLines(readFileSync(join(folder, "ohchr-fr.docx.jsonl"), "utf8"));
    expect(fr.length).toBe((await readMatrixFile("fixtures/ohchr-fr.docx")).recommendations.length);
    expect(existsSync(join(folder, "sample", "ohchr-matrix-en.docx.jsonl"))).toBe(true);
  });

  test("glob patterns are expanded; a pattern matching nothing is an error", async () => {
    const r = await cli(["parse", "fixtures/*.csv", "--format", "summary"]);
    expect(r.code).not.toBe(2);
    const files = [...r.stdout.matchAll(/^(\S+\.csv): /gm)].map((m) => m[1]);
    expect(files).toEqual(TOP.filter((f) => f.endsWith(".csv")));
    const none = await cli(["parse", "fixtures/*.nothing"]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('No file matches "fixtures/*.nothing"');
    const some = await cli(["parse", "fixtures/upr-info.csv", "nowhere/*.csv"]);
    expect(some.code).toBe(2);
    expect(some.stderr).toContain("nowhere/*.csv: error file-error: No file matches this pattern.");
  });

  test("exit codes: 0 clean, 1 errors in the input, 2 unreadable; --strict counts warnings", async () => {
    const dir = tempDir("exit");
    const clean = join(dir, "clean.csv");
    writeFileSync(clean, "Recommendation,Position\nRatify the Optional Protocol to the Convention against Torture,Supported\n");
    const withError = join(dir, "error.csv");
    writeFileSync(withError, 'Recommendation,Position\nRatify the Convention,Supported\n"Unclosed quote,Noted\n');
    const withWarning = join(dir, "warning.csv");
    writeFileSync(withWarning, "Recommendation,Position\nRatify the Convention,Maybe later\n");
    const empty = join(dir, "empty.csv");
    writeFileSync(empty, "");
    expect((await cli(["parse", clean])).code).toBe(0);
    expect((await cli(["parse", withError])).code).toBe(1);
    expect((await cli(["parse", withWarning])).code).toBe(0);
    expect((await cli(["parse", withWarning, "--strict"])).code).toBe(1);
    expect((await cli(["parse", empty])).code).toBe(2);
    expect((await cli(["parse", join(dir, "missing.csv")])).code).toBe(2);
  });

  test("--json: diagnostics as JSON lines with their place, then the summary; --quiet keeps only errors", async () => {
    const dir = tempDir("json");
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, 'Recommendation,Position\nRatify the Convention,Supported\nRatify the Covenant,Maybe later\n"Unclosed quote,Noted\n');
    const r = await cli(["--json", "parse", bad]);
    expect(r.code).toBe(1);
    const lines = jsonLines(r.stderr);
    const summary = lines.pop() as { summary: { files: number; recommendations: number; errors: number; warnings: number; unreadable: number } };
    // The unclosed quote runs to the end of the file: that row is read as a third recommendation (without
    // an id, it cannot continue the one before), and the quote error points at it.
    expect(summary.summary).toMatchObject({ files: 1, recommendations: 3, errors: 1, warnings: 1, unreadable: 0 });
    const diags = lines.map((l) => Diagnostic.parse(l));
    expect(diags.find((d) => d.code === "unknown-position")?.place).toMatchObject({ file: bad, row: 3, line: 3, column: 2, cell: "B3" });
    expect(diags.find((d) => d.code === "csv-quotes")?.place).toMatchObject({ file: bad, row: 4, line: 4 });

    const quiet = await cli(["--quiet", "parse", bad]);
    expect(quiet.stderr.trim().split("\n")).toEqual([expect.stringContaining("error csv-quotes")]);
  });

  test("no colours and no progress bar when stderr is not a terminal", async () => {
    const r = await cli(["parse", ...TOP, "--format", "summary"]);
    expect(r.stderr).not.toMatch(/\u001b\[/);
    expect(r.stderr).not.toContain("\r");
    expect(r.stderr).toMatch(/^parse: \d+ files, [\d,]+ recommendations, \d+ errors?, \d+ warnings? in \d+\.\d s/m);
  });

  test("on a terminal: a progress bar cleared before the summary, colours; neither with --quiet, --no-progress, NO_COLOR or CI", async () => {
    const tty = { columns: 60 };
    const args = ["parse", ...TOP, "--format", "summary"];
    const r = await cli(args, { tty });
    // The bar's line is erased ("\r" + erase line) before the summary, which is coloured.
    expect(r.stderr).toContain("\r\u001b[2K");
    expect(r.stderr).toMatch(/\u001b\[3[123]mparse: \d+ files/);
    // Any bar drawn fits the terminal: one line, or "\r" could not redraw it.
    for (const bar of r.stderr.matchAll(/\[[#-]{24}\][^\r\n]*/g)) expect(bar[0].replace(/\u001b\[[\d;]*m/g, "").length).toBeLessThan(60);
    for (const [extra, env] of [[["--no-progress"], {}], [[], { CI: "true" }]] as const) {
      const plain = await cli([...extra, ...args], { tty, env });
      expect(plain.stderr, extra.join(" ")).not.toContain("\r");
    }
    const quiet = await cli(["--quiet", ...args], { tty });
    expect(quiet.stderr).not.toContain("\r");
    expect(quiet.stderr).not.toContain("parse: ");
    for (const [extra, env] of [[["--no-color"], {}], [[], { NO_COLOR: "1" }]] as const) {
      expect((await cli([...extra, ...args], { tty, env })).stderr, extra.join(" ")).not.toMatch(/\u001b\[3\dm/);
    }
  });

  test("a folder mixing formats and damaged files: every good file is read, each bad one reported, exit 2", async () => {
    const dir = tempDir("mixed");
    mkdirSync(join(dir, "sub"));
    const good = ["upr-info.csv", "ohchr-g1-en.docx", "ohchr-es.xlsx", "uhri-export.xlsx", "user-sheet-utf16.csv"];
    for (const f of good) copyFileSync(join(FIXTURES, f), join(dir, f === "ohchr-es.xlsx" ? `sub/${f}` : f));
    writeFileSync(join(dir, "truncated.docx"), readFileSync(join(FIXTURES, "ohchr-fr.docx")).subarray(0, 4000));
    writeFileSync(join(dir, "empty.csv"), "");
    writeFileSync(join(dir, "sub", "random.xlsx"), Uint8Array.from({ length: 3000 }, (_, i) => (i * 7919) % 251));
    writeFileSync(join(dir, "sub", "notes.txt"), "Just some notes about the review.\n");
    writeFileSync(join(dir, "ignored.json"), "{}"); // not a matrix extension: not picked up from a folder

    const r = await cli(["--json", "--verbose", "parse", dir, "--format", "jsonl"]);
    expect(r.code).toBe(2);
    const lines = jsonLines(r.stderr);
    const files = lines.filter((l) => "file" in l).map((l) => l.file as { path: string; recommendations: number; unreadable: boolean; errors: number });
    expect(files.map((f) => f.path.slice(dir.length + 1))).toEqual(["empty.csv", "ohchr-g1-en.docx", "sub/notes.txt", "sub/ohchr-es.xlsx", "sub/random.xlsx", "truncated.docx", "uhri-export.xlsx", "upr-info.csv", "user-sheet-utf16.csv"]);
    const byName = new Map(files.map((f) => [f.path.slice(dir.length + 1), f]));
    for (const f of ["empty.csv", "sub/random.xlsx", "truncated.docx"]) expect(byName.get(f)?.unreadable, f).toBe(true);
    // Every good file gave what the library gives it alone.
    let expected = 0;
    for (const f of good) {
      const alone = await readMatrixFile(join(dir, f === "ohchr-es.xlsx" ? `sub/${f}` : f));
      expect(byName.get(f === "ohchr-es.xlsx" ? `sub/${f}` : f)?.recommendations, f).toBe(alone.recommendations.length);
      expected += alone.recommendations.length;
    }
    expect(jsonLines(r.stdout).length).toBe(expected);
    const errors = lines.filter((l) => "code" in l).map((l) => Diagnostic.parse(l)).filter((d) => d.severity === "error");
    expect(errors.find((d) => d.place?.file?.endsWith("truncated.docx"))?.code).toBe("corrupt-file");
    expect(errors.find((d) => d.place?.file?.endsWith("empty.csv"))?.code).toBe("empty-file");
    const summary = lines.at(-1) as { summary: { files: number; unreadable: number; recommendations: number } };
    expect(summary.summary).toMatchObject({ files: 9, recommendations: expected });
    expect(summary.summary.unreadable).toBeGreaterThanOrEqual(3);
  });

  test("--stream-above: a workbook read in parts gives the same recommendations, merged cells included", async () => {
    const whole = await cli(["parse", "fixtures/ohchr-en.xlsx", "--format", "jsonl"]);
    const streamed = await cli(["--json", "parse", "fixtures/ohchr-en.xlsx", "--format", "jsonl", "--stream-above", "1kB"]);
    expect(streamed.stdout).toBe(whole.stdout);
  });
});
