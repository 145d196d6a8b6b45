// The built CLI on Working Group reports: `parse REPORT --addendum ADD1` and `reconcile MATRIX REPORT`.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { ParseResult } from "../../src/schema/result.js";
import { corpusDir, hasCorpus } from "../corpus/corpus.js";
import { cli, ensureBuilt, ROOT, tempDir } from "./built.js";

const WG = join(ROOT, "fixtures", "wg-reports");

beforeAll(async () => {
  await ensureBuilt();
}, 120_000);

describe("parse a Working Group report", () => {
  test("parse REPORT.pdf --addendum ADD1.txt --format json: the contract, positions from the addendum, places with pages", async () => {
    const r = await cli(["parse", join(WG, "wg-report-es.pdf"), "--addendum", join(WG, "wg-report-es-add1.txt"), "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const out = ParseResult.parse(JSON.parse(r.stdout));
    expect(out.sources[0]).toMatchObject({ format: "pdf", layout: "wg-report", language: "es", stateUnderReview: "Spain", cycle: 4, session: 49 });
    const counts: Record<string, number> = {};
    for (const x of out.recommendations) counts[x.position] = (counts[x.position] ?? 0) + 1;
    expect(counts).toEqual({ supported: 58, noted: 5, "partially-supported": 1 });
    expect(out.recommendations[62]).toMatchObject({ id: "50.63", position: "partially-supported", positionSource: "A/HRC/60/8/Add.1", positionSourceParagraph: "4" });
    expect(out.recommendations[0]!.place).toMatchObject({ page: expect.any(Number), line: expect.any(Number) });
    expect(r.stderr).toMatch(/positions of 64 recommendation\(s\)/);
  });

  test("an unreadable addendum is a usage error: one line, exit 2", async () => {
    const r = await cli(["parse", join(WG, "wg-report-es.pdf"), "--addendum", join(ROOT, "fixtures", "bad", "pdf-encrypted.pdf")]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/Cannot read the addendum .*password-protected/);
  });

  test.skipIf(process.platform === "win32")("an addendum that is a device or a folder is refused, not read: exit 2", async () => {
    for (const [path, why] of [["/dev/zero", /Not a regular file/], [WG, /folder/]] as const) {
      const r = await cli(["parse", join(WG, "wg-report-es.pdf"), "--addendum", path]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr.trim().split("\n")).toHaveLength(1);
      expect(r.stderr).toMatch(why);
    }
  });
});

describe("reconcile", () => {
  test("the same report as .docx and as PDF with its addendum agree: exit 0", async () => {
    const r = await cli(["reconcile", join(WG, "wg-report-fr.docx"), join(WG, "wg-report-fr.pdf"), "--addendum", join(WG, "wg-report-fr-add1.pdf")]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("texts equal (whitespace ignored): 30 of 30");
    expect(r.stdout).toContain("only in matrix: 0");
  });

  test("a recommendation removed and a text changed: one diagnostic each, with places, exit 1; --format json", async () => {
    const dir = tempDir("reconcile");
    const text = readFileSync(join(WG, "wg-report-fr.txt"), "utf8")
      .replace("Adopter une loi-cadre relative", "Adopter une loi relative")
      .replace(/122\.16 Poursuivre[^\n]*\n[^\n]*\n/, "");
    const left = join(dir, "edited.txt");
    writeFileSync(left, text);
    const r = await cli(["--json", "reconcile", left, join(WG, "wg-report-fr.pdf"), "--format", "json"]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { summary: { onlyRight: string[]; textDiffer: string[] }; diagnostics: { code: string; place?: { page?: number } }[] };
    expect(out.summary.onlyRight).toEqual(["122.16"]);
    expect(out.summary.textDiffer).toEqual(["122.11"]);
    const missing = out.diagnostics.find((d) => d.code === "missing-recommendation")!;
    expect(missing.place?.page).toEqual(expect.any(Number));
    expect(r.stderr.split("\n").filter((l) => l.includes('"text-mismatch"'))).toHaveLength(1);
  });

  test.skipIf(!hasCorpus)("Slovenia's 2nd-cycle matrix against its report and addendum", async () => {
    const c = (p: string) => join(corpusDir, p);
    const r = await cli(["reconcile", c("ohchr-matrices/UPR20__Slovenia_ThematicListRecommendations_E.docx"), c("wg-reports/g1423930.pdf"), "--addendum", c("wg-reports/g1504261.pdf")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("texts equal (whitespace ignored): 161 of 163; different: 2");
    expect(r.stdout).toContain("positions that disagree: 0");
    expect(r.stderr).toMatch(/row \d+: warning text-mismatch: Recommendation 115\.104/);
  });
});
