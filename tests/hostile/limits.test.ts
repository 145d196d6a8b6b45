import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { parseCsv } from "../../src/ingest/csv.js";
import { parseDocx } from "../../src/ingest/docx.js";
import { Limits, resolveLimits } from "../../src/ingest/options.js";
import { parseXlsx } from "../../src/ingest/xlsx.js";
import { badDir, root } from "./manifest.js";

// Every limit is configurable, and reaching one gives a limit-exceeded diagnostic that names the option.
const fixture = (name: string) => new Uint8Array(readFileSync(join(root, "fixtures", name)));
const bad = (name: string) => new Uint8Array(readFileSync(join(badDir, name)));
const limitOf = (r: { diagnostics: { code: string; message: string; severity: string }[] }) => r.diagnostics.find((d) => d.code === "limit-exceeded");

describe("limits (src/ingest/options.ts)", () => {
  test("defaults", () => {
    expect(resolveLimits()).toEqual({ maxRows: 2_000_000, maxCellLength: 100_000, maxBytes: 512 * 1024 * 1024, maxZipEntries: 10_000, maxCells: 20_000_000, maxDepth: 256, maxPages: 2000, maxSeconds: 120 });
    expect(() => Limits.parse({ maxRows: 0 })).toThrow();
  });

  test("maxBytes: the size of a file", () => {
    const csv = fixture("upr-info.csv");
    const r = parseCsv(csv, { file: "u.csv", limits: { maxBytes: 1000 } });
    expect(limitOf(r)).toMatchObject({ severity: "error", message: expect.stringMatching(/over the 1000-byte limit \(limits\.maxBytes\)/) });
    expect(r.recommendations).toEqual([]);
  });

  test("maxBytes: what a .docx or .xlsx expands to, declared or real", async () => {
    const docx = parseDocx(fixture("ohchr-g1-en.docx"), { file: "g1.docx", limits: { maxBytes: 50_000 } });
    expect(limitOf(docx)?.message).toMatch(/declares \d+ bytes once expanded, more than 50000 \(limits\.maxBytes\)/);
    const xlsx = await parseXlsx(fixture("ohchr-en.xlsx"), { file: "en.xlsx", limits: { maxBytes: 11_000 } });
    expect(limitOf(xlsx)?.message).toMatch(/limits\.maxBytes/);
    // Within the limit, the same files read fully.
    expect(parseDocx(fixture("ohchr-g1-en.docx"), { file: "g1.docx" }).recommendations.length).toBeGreaterThan(50);
  });

  test("maxRows: the rest of a table is counted, reported once, not read", () => {
    const r = parseCsv(fixture("upr-info.csv"), { file: "u.csv", limits: { maxRows: 10 } });
    expect(limitOf(r)).toMatchObject({ severity: "error", message: expect.stringMatching(/More than 10 rows.*limits\.maxRows/) });
    const s = r.sources[0]!;
    expect(s.rows).toBe(47);
    expect(s.rowCounts.skipped).toBeGreaterThanOrEqual(37);
  });

  test("maxCellLength: a longer cell is cut and reported", () => {
    const r = parseCsv(`Recommendation\r\n117.1 ${"Ratify the protocol ".repeat(20)}(Denmark);\r\n`, { file: "c.csv", limits: { maxCellLength: 50 } });
    expect(limitOf(r)).toMatchObject({ severity: "warning", message: expect.stringMatching(/limits\.maxCellLength/) });
    expect(r.recommendations[0]!.text.length).toBeLessThanOrEqual(50);
  });

  test("maxZipEntries", async () => {
    const r = await parseXlsx(fixture("ohchr-en.xlsx"), { file: "en.xlsx", limits: { maxZipEntries: 3 } });
    expect(limitOf(r)?.message).toMatch(/entries, more than 3 \(limits\.maxZipEntries\)/);
  });

  test("maxCells: sparse rows and merged areas", async () => {
    const far = await parseXlsx(bad("xlsx-far-cells.xlsx"), { file: "far.xlsx" });
    expect(limitOf(far)?.message).toMatch(/more than 20000000 cells.*limits\.maxCells/);
    const merged = await parseXlsx(fixture("ohchr-en.xlsx"), { file: "en.xlsx", limits: { maxCells: 100 } });
    expect(limitOf(merged)?.message).toMatch(/limits\.maxCells/);
    const docx = parseDocx(fixture("ohchr-g1-en.docx"), { file: "g1.docx", limits: { maxCells: 100 } });
    expect(limitOf(docx)?.message).toMatch(/more than 100 cells \(limits\.maxCells\)/);
  });

  test("maxDepth: XML nesting", async () => {
    const docx = parseDocx(fixture("ohchr-g1-en.docx"), { file: "g1.docx", limits: { maxDepth: 5 } });
    expect(limitOf(docx)?.message).toMatch(/more than 5 deep \(limits\.maxDepth\)/);
    const xlsx = await parseXlsx(fixture("ohchr-en.xlsx"), { file: "en.xlsx", limits: { maxDepth: 3 } });
    expect(limitOf(xlsx)?.message).toMatch(/limits\.maxDepth/);
    // Real documents are far below the default.
    expect(parseDocx(fixture("ohchr-g1-en.docx"), { file: "g1.docx", limits: { maxDepth: 40 } }).diagnostics.some((d) => d.code === "limit-exceeded")).toBe(false);
  });
});
