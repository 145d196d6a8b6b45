import { fileURLToPath } from "node:url";
import ExcelJS from "exceljs";
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, test } from "vitest";
import { parseCsv } from "../../src/ingest/csv.js";
import { parseXlsx } from "../../src/ingest/xlsx.js";
import { renderRecommendationsCsv, SOURCE_COLUMN } from "../../src/report/csv.js";
import type { Recommendation } from "../../src/schema/recommendation.js";
import { findState, STATES, THEMES, PERSONS, ISSUES } from "../../src/taxonomy/index.js";
import { writeRecommendationsXlsx } from "../../src/xlsx/recommendations.js";

// For generated matrices: parse, write the recommendations as CSV or XLSX with upr-matrix's exports,
// parse again, and get the same recommendations. The one intended change: a cell that a spreadsheet
// would run as a formula comes back with the apostrophe the export put in front of it.

const WORDS = ["ratify", "the", "optional", "protocol", "ensure", "access", "to", "justice", "for", "women", "children", "migrants", "strengthen", "national", "human", "rights", "institution", "adopt", "measures", "against", "violence", "éducation", "niñas", "«accès»", "d’Ivoire", "and", "in", "line", "with", "Paris", "Principles", "100%", "so-called", "__proto__", "constructor"];
const KNOWN_STATES = STATES.map((s) => s.name).filter((n) => !/[,;()]/.test(n)).slice(0, 60);
const CODED_THEMES = THEMES.filter((t) => t.taxonomy === "uhri-v1-coded" && t.code && /^[A-H]\d{1,2}$/.test(t.code)).slice(0, 80);
const POSITIONS = ["Supported", "Noted", "Accepted", "Supported/Noted", "Soutenue", "Notée", "Apoyada", "Se toma nota", "Pending", "Supported in part", "Maybe later", ""];
const HOSTILE = ['=HYPERLINK("http://attacker.example","x")', "+cmd|' /C calc'!A0", "-2+3", "@SUM(1+1)", "\t=1+1", '<script>alert("x")</script>', "a, b; c | d", 'quote " inside', "line one\nline two", "Theme: A12 Acceptance of international norms", "Supported", "__proto__", "constructor", "toString", "  padded  "];

const sentence = fc.array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 12 }).map((w) => {
  const s = w.join(" ");
  return s.charAt(0).toUpperCase() + s.slice(1);
});
const freeText = fc.oneof(
  { weight: 3, arbitrary: sentence },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constant("") },
);

interface Row {
  id: string;
  text: string;
  states: string[];
  position: string;
  themes: string[];
  persons: string[];
  issues: string[];
  action: string;
  assessment: string;
  status: string;
  note: string;
}

const rowArb: fc.Arbitrary<Row> = fc.record({
  id: fc.oneof({ weight: 5, arbitrary: fc.tuple(fc.integer({ min: 100, max: 190 }), fc.integer({ min: 1, max: 300 }), fc.boolean()).map(([a, b, dot]) => `${a}.${b}${dot ? "." : ""}`) }, { weight: 1, arbitrary: fc.constant("") }),
  text: sentence,
  states: fc.uniqueArray(fc.constantFrom(...KNOWN_STATES), { maxLength: 3 }),
  position: fc.constantFrom(...POSITIONS),
  themes: fc.uniqueArray(fc.constantFrom(...CODED_THEMES.map((t) => `${t.code} ${t.name}`)), { maxLength: 3 }),
  persons: fc.uniqueArray(fc.constantFrom(...PERSONS.map((p) => p.name).filter((n) => !/[,;()]/.test(n))), { maxLength: 2 }),
  issues: fc.uniqueArray(fc.constantFrom(...ISSUES.map((i) => i.name).filter((n) => !/[,;]/.test(n))), { maxLength: 2 }),
  action: fc.constantFrom("", "1", "2", "3", "4", "5"),
  assessment: freeText,
  status: fc.constantFrom("", "Not started", "In progress", "Fully implemented", "=1+1"),
  note: freeText,
});

const COLUMNS = {
  id: "Paragraph",
  text: "Recommendation",
  states: "Recommending State",
  position: "Response",
  themes: "Full list of themes",
  persons: "Affected persons",
  issues: "Issues",
  action: "Action category",
  assessment: "Assessment",
  status: "Implementation status",
  note: "Notes for the ministry",
} as const;
type Column = keyof typeof COLUMNS;

interface Matrix {
  columns: Column[];
  rows: Row[];
  /** Indexes before which a theme row or a blank row is inserted. */
  breaks: { at: number; kind: "theme" | "blank" }[];
  theme: string;
}

const matrixArb: fc.Arbitrary<Matrix> = fc.record({
  columns: fc.shuffledSubarray(["id", "states", "position", "themes", "persons", "issues", "action", "assessment", "status", "note"] as Column[]).map((c) => ["text", ...c] as Column[]),
  rows: fc.array(rowArb, { minLength: 1, maxLength: 12 }),
  breaks: fc.array(fc.record({ at: fc.nat({ max: 12 }), kind: fc.constantFrom("theme" as const, "blank" as const) }), { maxLength: 3 }),
  theme: fc.constantFrom(...CODED_THEMES.map((t) => `${t.code} ${t.name}`)),
});

function cellsOf(m: Matrix): string[][] {
  const out: string[][] = [m.columns.map((c) => COLUMNS[c])];
  m.rows.forEach((r, i) => {
    for (const b of m.breaks.filter((x) => x.at === i)) out.push(m.columns.map(() => (b.kind === "theme" ? `Theme: ${m.theme}` : "")));
    out.push(
      m.columns.map((c) => {
        switch (c) {
          case "text":
            return `${m.columns.includes("id") ? "" : r.id ? `${r.id} ` : ""}${r.text}${r.states.length && !m.columns.includes("states") ? ` (${r.states.join(") (")});` : ""}`;
          case "states":
            return r.states.join(", ");
          case "themes":
            return r.themes.join("\n");
          case "persons":
            return r.persons.join("\n");
          case "issues":
            return r.issues.join(", ");
          default:
            return r[c];
        }
      }),
    );
  });
  return out;
}

function toCsv(cells: string[][]): string {
  const q = (v: string) => (/[",\r\n]/.test(v) || v !== v.trim() ? `"${v.replace(/"/g, '""')}"` : v);
  return `${cells.map((r) => r.map(q).join(",")).join("\r\n")}\r\n`;
}

async function toXlsx(cells: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Matrix");
  for (const r of cells) ws.addRow(r.map((v) => (v === "" ? null : v)));
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The apostrophe the exports put before text a spreadsheet would run as a formula. */
const quoted = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

/** What a recommendation must keep through an export and a new parse (its place and row-based id change). */
function comparable(r: Recommendation, afterExport: boolean) {
  const q = afterExport ? quoted : (s: string) => s;
  return {
    id: r.paragraphId === null ? null : r.id,
    paragraphId: r.paragraphId,
    text: afterExport ? r.text : q(r.text),
    recommendingStates: r.recommendingStates,
    // A State under review read from a title is kept as written, from a column it takes the canonical
    // name (tests/hostile/interpret-findings.test.ts): compared by the State it names.
    stateUnderReview: r.stateUnderReview === null ? null : (findState(r.stateUnderReview)?.name ?? r.stateUnderReview),
    cycle: r.cycle,
    session: r.session,
    documentSymbol: r.documentSymbol,
    position: r.position,
    positionRaw: r.positionRaw,
    positionSource: r.positionSource,
    positionSourceParagraph: r.positionSourceParagraph,
    cluster: r.cluster,
    themes: r.themes.map((t) => [t.code, t.name]),
    affectedPersons: r.affectedPersons.map((p) => p.name),
    sdgs: r.sdgs.map((s) => s.goal),
    issues: r.issues.map((i) => i.name),
    actionCategory: r.actionCategory?.category ?? null,
    assessment: r.assessment,
    status: r.status,
    institutions: r.institutions,
    extra: r.extra.filter((x) => x.column !== SOURCE_COLUMN).map((x) => [x.column, x.value]),
  };
}

/** p1 as it must come back: cells starting like a formula gain the export's apostrophe. */
function expectedAfterExport(r: Recommendation) {
  const c = comparable(r, false);
  return {
    ...c,
    text: quoted(r.text),
    positionRaw: r.positionRaw === null ? null : quoted(r.positionRaw),
    assessment: r.assessment === null ? null : quoted(r.assessment),
    status: r.status === null ? null : quoted(r.status),
    institutions: r.institutions.map((x, i) => (i === 0 ? quoted(x) : x)),
    extra: c.extra.map(([k, v]) => [k, quoted(v!)]),
  };
}

describe("parse → export → parse keeps the recommendations", () => {
  test("CSV", () => {
    fc.assert(
      fc.property(matrixArb, (m) => {
        const first = parseCsv(toCsv(cellsOf(m)), { file: "generated.csv" });
        const exported = renderRecommendationsCsv(first.recommendations);
        const second = parseCsv(new TextEncoder().encode(exported), { file: "exported.csv" });
        expect(second.recommendations.map((r) => comparable(r, true))).toEqual(first.recommendations.map(expectedAfterExport));
        // The export itself holds no cell that a spreadsheet would run.
        for (const row of Papa.parse<string[]>(exported.replace(/^\ufeff/, ""), { header: false }).data) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
      }),
      { numRuns: Number(process.env.PROP_RUNS ?? 150) },
    );
  });

  test("XLSX", async () => {
    await fc.assert(
      fc.asyncProperty(matrixArb, async (m) => {
        const first = await parseXlsx(await toXlsx(cellsOf(m)), { file: "generated.xlsx" });
        const second = await parseXlsx(await writeRecommendationsXlsx(first.recommendations), { file: "exported.xlsx" });
        expect(second.recommendations.map((r) => comparable(r, true))).toEqual(first.recommendations.map(expectedAfterExport));
      }),
      { numRuns: Math.ceil(Number(process.env.PROP_RUNS ?? 150) / 4) },
    );
  });

  test("the fixtures survive the round trip too", async () => {
    const { readdirSync } = await import("node:fs");
    const dir = new URL("../../fixtures/", import.meta.url);
    const files = readdirSync(dir).filter((f) => /\.(csv|xlsx|docx)$/.test(f));
    expect(files.length).toBeGreaterThan(0);
    const { readMatrixFile } = await import("../../src/node/index.js");
    for (const f of files) {
      const first = await readMatrixFile(fileURLToPath(new URL(f, dir)), { file: f });
      const csv = parseCsv(renderRecommendationsCsv(first.recommendations), { file: "exported.csv" });
      expect(csv.recommendations.map((r) => comparable(r, true)), f).toEqual(first.recommendations.map(expectedAfterExport));
    }
  });
});
