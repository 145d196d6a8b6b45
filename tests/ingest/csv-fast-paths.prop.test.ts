import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, test } from "vitest";
import { guessNewline, parseCsv, readCsvInto } from "../../src/ingest/csv.js";
import { TableSink, type RowSink } from "../../src/ingest/tables.js";
import { requireRecommendations } from "../../src/ingest/guard.js";
import { resolveParseOptions } from "../../src/ingest/options.js";
import { findUnclean } from "../../src/internal/text.js";

// parseCsv's shortcuts must not change a result: the line break is guessed by our own scan instead of
// papaparse's, and records whose text holds nothing to clean skip the per-cell check.

const runs = Number(process.env.PROP_RUNS ?? 300);

/** papaparse's own guess (what it uses when no newline is given). */
const papaNewline = (text: string) => Papa.parse<string[]>(text, { delimiter: ",", preview: 1 }).meta.linebreak;

describe("guessNewline", () => {
  test("agrees with papaparse on texts of quotes and line breaks", () => {
    const text = fc.string({ unit: fc.constantFrom("a", " ", ",", '"', '""', "\r", "\n", "\r\n"), minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(text, (t) => {
        expect(guessNewline(t)).toBe(papaNewline(t));
      }),
      { numRuns: runs * 20 },
    );
  });

  test("agrees with papaparse around its 1 MiB limit", () => {
    const M = 1 << 20;
    for (const tail of ['"\n\n"\r\r', '\n"\r\n\r\n"', '"\r\n', '\r"\n"', '"\r\r\r\r']) {
      for (const k of [-3, -2, -1, 0, 1, 2]) {
        const t = `${"ab\r\n".repeat(5)}${"x".repeat(M - 20 + k)}${tail}${"q\r\n".repeat(30)}`;
        expect(guessNewline(t), `${JSON.stringify(tail)} ${k}`).toBe(papaNewline(t));
      }
    }
  });
});

describe("records without anything to clean", () => {
  test("findUnclean finds what cleanCell would change", () => {
    expect(findUnclean("Ratify the OP-CAT (Ghana)", 0)).toBe(-1);
    expect(findUnclean("a  b", 0)).toBe(1);
    expect(findUnclean("a b ", 0)).toBe(-1);
    expect(findUnclean("a&amp;b", 0)).toBe(1);
    expect(findUnclean("ab\u00a0", 1)).toBe(2);
    expect(findUnclean("a\rb", 2)).toBe(-1);
  });

  // A reference reading that cleans every cell: the same records, none of them said to be plain.
  function everyCellCleaned(text: string): ReturnType<typeof parseCsv> {
    const opts = resolveParseOptions({ file: "t.csv" });
    const sink = new TableSink(opts);
    const uncleaned: RowSink = { table: (t) => sink.table(t), row: (r) => sink.row(r, false), note: (d) => sink.note(d) };
    readCsvInto(text, opts, uncleaned);
    return requireRecommendations(sink.finish(), "t.csv");
  }

  test("give the same result as cleaning every cell", () => {
    const piece = fc.constantFrom("Ratify", " ", "  ", ",", '"', '""', "\r", "\n", "\r\n", "&amp;", "&", "\u00a0", "\u200b", "\t", "Supported", "Noted", "(France)");
    const cell = fc.string({ unit: piece, maxLength: 6 });
    const header = "Recommendation,Position,Recommending State";
    const csv = fc.tuple(
      fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 8 }),
      fc.constantFrom("\r\n", "\n", "\r"),
      fc.boolean(),
      fc.boolean(),
    ).map(([rows, nl, quoteAll, trailing]) => {
      const q = (v: string) => (quoteAll ? `"${v.replace(/"/g, '""')}"` : v);
      return `${header}${nl}${rows.map((r) => r.map(q).join(",")).join(nl)}${trailing ? nl : ""}`;
    });
    fc.assert(
      fc.property(csv, (text) => {
        const result = parseCsv(text, { file: "t.csv" });
        expect(result).toEqual(everyCellCleaned(text));
      }),
      { numRuns: runs * 3 },
    );
  });
});
