// `upr-matrix classify`, run in-process through run(argv, io).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { tempDir } from "../cli/built.js";
import { runCli as cli } from "../cli/run-cli.js";
import type { ParseResult } from "../../src/schema/result.js";
import { classify } from "../../src/classify/classify.js";
import { readMatrixFile } from "../../src/node/index.js";

describe("upr-matrix classify", () => {
  test("JSON out: inferred labels marked classifier, given ones kept; exit 0", async () => {
    const r = await cli(["--quiet", "classify", "fixtures/upr-info.csv"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as ParseResult;
    expect(out.recommendations.length).toBe(46);
    expect(out.recommendations.every((x) => x.themes.length > 0 && x.themes.every((t) => t.source === "classifier"))).toBe(true);
    expect(out.recommendations.every((x) => x.actionCategory?.source === "matrix")).toBe(true);
    expect(out.sources[0]).toMatchObject({ layout: "upr-info" });
  });

  test("--vocabulary names inferred themes, persons and SDGs in the vocabulary asked for; a file's own labels decide for it", async () => {
    for (const [vocabulary, name] of [["cycle4", "Ratification of & accession to international instruments"], ["cycle3", "Acceptance of international norms"], ["coded", "Acceptance of international norms"]] as const) {
      const r = await cli(["--quiet", "classify", "fixtures/upr-info.csv", "--only", "themes,persons,sdgs", "--vocabulary", vocabulary]);
      expect(r.code).toBe(0);
      const out = JSON.parse(r.stdout) as ParseResult;
      const themes = out.recommendations.flatMap((x) => x.themes);
      expect(themes.every((t) => t.vocabulary === vocabulary), vocabulary).toBe(true);
      expect(themes.map((t) => t.name)).toContain(name);
      if (vocabulary === "coded") expect(themes.find((t) => t.name === name)?.code).toBe("A12");
      expect(out.recommendations.flatMap((x) => x.affectedPersons).every((p) => p.vocabulary === vocabulary)).toBe(true);
    }
    // A coded matrix keeps its vocabulary whatever is asked: its themes stay, the missing ones are coded.
    const g1 = await cli(["--quiet", "classify", "fixtures/ohchr-g1-en.docx", "--only", "sdgs,persons", "--vocabulary", "cycle4"]);
    const out = JSON.parse(g1.stdout) as ParseResult;
    expect(out.recommendations.flatMap((x) => x.sdgs).filter((s) => s.source === "classifier").every((s) => s.vocabulary === "coded")).toBe(true);
    const bad = await cli(["classify", "fixtures/upr-info.csv", "--vocabulary", "uhri"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--vocabulary must be cycle4, cycle3 or coded, not "uhri"/);
  });

  test("--no-evidence: the same labels without evidence", async () => {
    const full = JSON.parse((await cli(["--quiet", "classify", "fixtures/upr-info.csv"])).stdout) as ParseResult;
    const r = await cli(["--quiet", "classify", "fixtures/upr-info.csv", "--no-evidence"]);
    expect(r.code).toBe(0);
    const bare = JSON.parse(r.stdout) as ParseResult;
    const labels = (out: ParseResult) => out.recommendations.flatMap((x) => [...x.themes, ...x.affectedPersons, ...x.sdgs, ...x.issues].map((l) => [l.name, l.confidence ?? null, l.evidence ?? null]));
    expect(labels(bare)).toEqual(labels(full).map(([name, confidence]) => [name, confidence, null]));
    expect(labels(full).filter(([, , evidence]) => evidence !== null).length).toBeGreaterThan(46);
  });

  test("JSON and JSON Lines stream file by file (nothing kept): the bytes of classify() over the whole input; a folder gets one output per input", async () => {
    const files = ["fixtures/upr-info.csv", "fixtures/ohchr-g1-en.docx"];
    const recs = [];
    for (const f of files) recs.push(...(await readMatrixFile(f)).recommendations);
    const expected = classify(recs).recommendations;
    for (const jobs of ["1", "2"]) {
      const lines = await cli(["--json", "--jobs", jobs, "classify", ...files, "--format", "jsonl"]);
      expect(lines.code).toBe(0);
      expect(lines.stdout).toBe(expected.map((r) => `${JSON.stringify(r)}\n`).join(""));
      // The end-of-batch summary line, as parse prints it.
      expect(lines.stderr).toMatch(/^\{"summary":\{"command":"classify","files":2,"recommendations":104,/m);
      const doc = JSON.parse((await cli(["--quiet", "--jobs", jobs, "classify", ...files])).stdout) as ParseResult;
      expect(doc.recommendations).toEqual(expected);
    }
    const folder = join(tempDir("classify-folder"), "each") + "/";
    const each = await cli(["--quiet", "classify", ...files, "--format", "jsonl", "--out", folder]);
    expect(each.code).toBe(0);
    expect(readdirSync(folder).sort()).toEqual(["ohchr-g1-en.docx.jsonl", "upr-info.csv.jsonl"]);
    expect(readFileSync(join(folder, "upr-info.csv.jsonl"), "utf8").trim().split("\n")).toHaveLength(46);
  });

  test("--only and --format summary", async () => {
    const r = await cli(["classify", "fixtures/ohchr-g1-en.docx", "--only", "action,issues", "--format", "summary"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/58 recommendations classified/);
    expect(r.stdout).toMatch(/action category: {2}58 inferred/);
    expect(r.stdout).toMatch(/SDG goals: {8}0 inferred/);
  });

  test("--addendum fills positions from a paragraph list", async () => {
    const dir = tempDir("classify-addendum");
    const csv = join(dir, "sheet.csv");
    writeFileSync(csv, "Recommendation,Position\n\"117.1 Ratify OP-CAT (France);\",\n\"117.2 Abolish the death penalty (Chile);\",\n");
    const add = join(dir, "add1.txt");
    writeFileSync(add, "The following recommendations enjoy the support of Uganda: 117.1\nThe following recommendations did not enjoy the support of Uganda and are noted: 117.2\n");
    const r = await cli(["classify", csv, "--addendum", add, "--addendum-symbol", "A/HRC/34/10/Add.1", "--only", "themes"]);
    expect(r.stderr).toMatch(/2 recommendation\(s\) filled/);
    const out = JSON.parse(r.stdout) as ParseResult;
    expect(out.recommendations.map((x) => [x.id, x.position, x.positionSource])).toEqual([
      ["117.1", "supported", "A/HRC/34/10/Add.1"],
      ["117.2", "noted", "A/HRC/34/10/Add.1"],
    ]);
  });

  test("usage errors exit 2 with one line, no stack trace", async () => {
    for (const args of [["classify", "fixtures/upr-info.csv", "--only", "colours"], ["classify", "fixtures/upr-info.csv", "--threshold", "2"], ["classify", "fixtures/upr-info.csv", "--addendum", "missing.txt"]]) {
      const r = await cli(args);
      expect(r.code, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(/^upr-matrix: /);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
  });
});
