import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { parseCsv } from "../../src/ingest/csv.js";
import { resolveParseOptions } from "../../src/ingest/options.js";
import { readTables } from "../../src/ingest/tables.js";
import type { ParseResult } from "../../src/schema/result.js";

// For generated rows: rows in = recommendations + diagnosed rows + header, title and theme rows. Every row
// a reader delivers is counted once in Source.rowCounts, and every row that is not a recommendation,
// header, title or theme row is named by a diagnostic (blank runs, continuations, unreadable rows).

const cell = fc.oneof(
  { weight: 4, arbitrary: fc.constant("") },
  { weight: 3, arbitrary: fc.constantFrom("Ratify the Optional Protocol (Denmark);", "Abolish the death penalty (France) (Germany);", "take measures to protect migrants", "ensure access to justice") },
  { weight: 3, arbitrary: fc.tuple(fc.integer({ min: 100, max: 130 }), fc.integer({ min: 1, max: 40 })).map(([a, b]) => `${a}.${b} Strengthen the national human rights institution (Ghana);`) },
  { weight: 2, arbitrary: fc.constantFrom("Supported", "Noted", "Accepted", "Soutenue", "Se toma nota", "Unterstützt", "Supported/Noted") },
  { weight: 2, arbitrary: fc.constantFrom("Recommendation", "Position", "Full list of themes", "Paragraph", "Response", "Assessment", "Recommending State", "Status") },
  { weight: 1, arbitrary: fc.constantFrom("Theme: A12 Acceptance of international norms", "Theme: D23 Death penalty", "Noted recommendations", "UPR of Uganda (2nd Cycle – 26th session)") },
  { weight: 1, arbitrary: fc.constantFrom("=1+1", "@SUM(A1)", "__proto__", "constructor", "  ", "\u00a0", "a\nb", 'say "hi"', "x;y,z|w") },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
);
const row = fc.oneof({ weight: 5, arbitrary: fc.array(cell, { minLength: 1, maxLength: 6 }) }, { weight: 1, arbitrary: fc.tuple(cell, fc.integer({ min: 2, max: 5 })).map(([c, n]) => Array<string>(n).fill(c)) });
const rows = fc.array(row, { minLength: 1, maxLength: 40 });

/** Every row accounted for, and the rows that are neither data nor structure named by diagnostics. */
function accounted(result: ParseResult, rowsIn: number): void {
  expect(result.sources).toHaveLength(1);
  const s = result.sources[0]!;
  const c = s.rowCounts;
  expect(s.rows).toBe(rowsIn);
  expect(c.header + c.title + c.section + c.blank + c.continuation + c.skipped + c.recommendation).toBe(s.rows);
  expect(c.recommendation).toBe(s.recommendations);
  expect(result.recommendations).toHaveLength(s.recommendations);

  const blankRuns = result.diagnostics.filter((d) => d.code === "blank-row");
  expect(blankRuns.reduce((n, d) => n + (d.place!.rowEnd ?? d.place!.row!) - d.place!.row! + 1, 0), "blank rows reported").toBe(c.blank);
  expect(result.diagnostics.filter((d) => d.code === "split-recommendation"), "continuations reported").toHaveLength(c.continuation);
  if (c.skipped > 0) {
    const unparsed = result.diagnostics.filter((d) => d.code === "unparsed-row").length;
    const tableLevel = result.diagnostics.some((d) => ["unknown-layout", "missing-column", "ignored-table", "limit-exceeded"].includes(d.code));
    expect(unparsed === c.skipped || tableLevel, `${c.skipped} skipped rows, ${unparsed} reported`).toBe(true);
  }
  // Each recommendation comes from its own row.
  const at = result.recommendations.map((r) => r.place.row);
  expect(new Set(at).size).toBe(at.length);
}

describe("rows in = recommendations + diagnosed rows + header rows", () => {
  test("tables (as XLSX sheets and DOCX tables reach the interpreter)", () => {
    fc.assert(
      fc.property(rows, (cells) => {
        const opts = resolveParseOptions({ file: "t.xlsx" });
        const result = readTables([{ file: "t.xlsx", format: "xlsx", sheet: "Sheet1", rows: cells.map((c, i) => ({ row: i + 1, cells: c })) }], opts);
        accounted(result, cells.length);
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 300) },
    );
  });

  test("CSV text: one row per record", () => {
    const q = (v: string) => (/[",;\t|\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v);
    fc.assert(
      fc.property(rows, (ragged) => {
        // Every line with the same number of fields, as exports write them: with ragged lines papaparse
        // can guess a delimiter that only occurs inside quotes (tests/hostile/interpret-findings.test.ts).
        // No ";", tab or "|" inside cells: papaparse may take one that only occurs inside quotes for the
        // delimiter (tests/hostile/interpret-findings.test.ts); this property is about counting records.
        const width = Math.max(...ragged.map((r) => r.length));
        const cells = ragged.map((r) => [...r, ...Array<string>(width - r.length).fill("")].map((c) => c.replace(/[;\t|]/g, " ")));
        // A blank last line is not counted as a row (tests/hostile/interpret-findings.test.ts).
        while (cells.length > 1 && cells[cells.length - 1]!.every((c) => c === "")) cells.pop();
        const text = `${cells.map((r) => r.map(q).join(",")).join("\r\n")}\r\n`;
        const result = parseCsv(text, { file: "t.csv" });
        if (text.trim() === "") {
          expect(result.diagnostics.map((d) => d.code)).toEqual(["empty-file"]);
          return;
        }
        accounted(result, cells.length);
        for (const r of result.recommendations) expect(r.place.line).toBeGreaterThanOrEqual(r.place.row!);
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 300) },
    );
  });

  test("a row limit counts the rest as skipped, with one error", () => {
    fc.assert(
      fc.property(rows, fc.integer({ min: 1, max: 10 }), (cells, maxRows) => {
        const opts = resolveParseOptions({ file: "t.xlsx", limits: { maxRows } });
        const result = readTables([{ file: "t.xlsx", format: "xlsx", sheet: "S", rows: cells.map((c, i) => ({ row: i + 1, cells: c })) }], opts);
        accounted(result, cells.length);
        const over = result.diagnostics.filter((d) => d.code === "limit-exceeded" && d.severity === "error");
        expect(over).toHaveLength(cells.length > maxRows ? 1 : 0);
        if (cells.length > maxRows) expect(result.sources[0]!.rowCounts.skipped).toBeGreaterThanOrEqual(cells.length - maxRows);
      }),
      { numRuns: Math.ceil(Number(process.env.PROP_RUNS ?? 300) / 3) },
    );
  });
});
