// `upr-matrix report` and `upr-matrix skeleton`, run in-process through run(argv, io), and the
// committed samples in docs/examples/ checked against what the code now generates.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, test } from "vitest";
import { runCli } from "../cli/run-cli.js";
import { DOCX_EXAMPLES, EXAMPLES, examplesDir, generateExamples, TEXT_EXAMPLES } from "../../docs/examples/generate.js";
import { headings, readDocxBlocks, sampleFile } from "./helpers.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const ledger = join(examplesDir, EXAMPLES.ledger);
const tmp = mkdtempSync(join(tmpdir(), "upr-report-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(args);

describe("upr-matrix report / skeleton", () => {
  test("report --format md prints the sample report (the committed docs/examples/report.md)", async () => {
    const r = await cli("report", sampleFile, "--ledger", ledger, "--format", "md");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(readFileSync(join(examplesDir, EXAMPLES.md), "utf8"));
  });

  test("report --format xlsx --lang fr writes the workbook; binary formats need --out", async () => {
    const out = join(tmp, "matrice.xlsx");
    const r = await cli("report", sampleFile, "--ledger", ledger, "--format", "xlsx", "--lang", "fr", "--out", out);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("Wrote the XLSX report on 179 recommendations");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["Matrice", "Synthèse"]);
    const noOut = await cli("report", sampleFile, "--format", "docx");
    expect([noOut.code, noOut.stderr]).toEqual([2, "upr-matrix: --format docx writes a binary file: give --out PATH.\n"]);
  });

  test("skeleton --mid-term writes the mid-term skeleton", async () => {
    const out = join(tmp, "mid.docx");
    const r = await cli("skeleton", sampleFile, "--ledger", ledger, "--mid-term", "--out", out);
    expect(r.code).toBe(0);
    expect(headings(readDocxBlocks(new Uint8Array(readFileSync(out))), "Heading1")[0]).toBe("I. Introduction and methodology");
  });

  test("usage errors: one line, exit 2, never a stack trace", async () => {
    const several = await cli("skeleton", sampleFile, join(root, "fixtures/upr-info.csv"), "--out", join(tmp, "x.docx"));
    expect(several.code).toBe(2);
    expect(several.stderr).toMatch(/^upr-matrix: A skeleton covers one review, and the files hold \d+: Kenya, cycle 2 \(179\);.*Choose one with --state and --cycle\.\n$/);
    const missing = await cli("report", sampleFile, "--ledger", join(tmp, "nope.jsonl"));
    expect([missing.code, missing.stderr.trim()]).toEqual([2, `upr-matrix: ${join(tmp, "nope.jsonl")}: No such ledger file.`]);
    const lang = await cli("report", sampleFile, "--lang", "de");
    expect([lang.code, lang.stderr.trim()]).toEqual([2, 'upr-matrix: --lang must be en, fr or es, not "de".']);
  });

  test("a damaged ledger: complete events still count, the bad line is reported, exit 1", async () => {
    const bad = join(tmp, "bad.jsonl");
    const lines = readFileSync(ledger, "utf8").trimEnd().split("\n");
    writeFileSync(bad, `${lines.slice(0, 20).join("\n")}\n{"eventId":"x","recommendation":""}\n${lines.slice(20).join("\n")}\n{"eventId":"torn`);
    const r = await cli("report", sampleFile, "--ledger", bad, "--format", "json");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("ledger-invalid-event");
    expect(r.stderr).toContain("ledger-torn-line");
    const json = JSON.parse(r.stdout) as { stats: { tracked: number } };
    expect(json.stats.tracked).toBe(168);
  });
});

describe("docs/examples", () => {
  test("the committed samples are what the code generates now (run `npx tsx docs/examples/generate.ts`)", async () => {
    const dir = mkdtempSync(join(tmp, "examples-"));
    const fresh = await generateExamples(dir);
    for (const k of TEXT_EXAMPLES) {
      expect(readFileSync(fresh[k], "utf8"), EXAMPLES[k]).toBe(readFileSync(join(examplesDir, EXAMPLES[k]), "utf8"));
    }
    for (const k of DOCX_EXAMPLES) {
      const a = readDocxBlocks(new Uint8Array(readFileSync(fresh[k])));
      const b = readDocxBlocks(new Uint8Array(readFileSync(join(examplesDir, EXAMPLES[k]))));
      expect(a, EXAMPLES[k]).toEqual(b);
    }
  });
});
