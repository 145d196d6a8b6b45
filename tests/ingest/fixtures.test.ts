import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { readMatrixFile } from "../../src/node/index.js";
import { ParseResult } from "../../src/schema/result.js";
import { findState } from "../../src/taxonomy/index.js";

// Each fixture has a <name>.expected.json written by scripts/make-fixtures.ts from the data it wrote.
interface Expected {
  file: string;
  layout: string;
  language: string;
  stateUnderReview: string | null;
  cycle: number | null;
  session: number | null;
  rows: number;
  headerRows: number;
  titleRows: number;
  sectionRows: number;
  blankRows: number;
  continuationRows: number;
  badRows: number;
  recommendations: number;
  ids: string[];
  positions: Record<string, number>;
  positionWordings: Record<string, string>;
  recommendingStates: Record<string, string[]>;
  themes: Record<string, string[]>;
  diagnostics: string[];
}

const root = fileURLToPath(new URL("../../fixtures/", import.meta.url));
const cases: [string, Expected][] = [];
for (const dir of [root, join(root, "sample")]) {
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir).filter((n) => n.endsWith(".expected.json")).sort()) {
    const exp = JSON.parse(readFileSync(join(dir, f), "utf8")) as Expected;
    cases.push([join(dir, exp.file), exp]);
  }
}

describe.skipIf(cases.length === 0)("fixtures", () => {
  for (const [path, want] of cases) {
    describe(want.file, () => {
      test("contract, counts, ids, positions, nothing lost", async () => {
        const r = await readMatrixFile(path, { file: want.file });
        ParseResult.parse(r);
        expect(r.recommendations).toHaveLength(want.recommendations);

        // Every row accounted for: rows read = recommendations + diagnosed rows + header/title/theme rows.
        // (Expected figures cover the recommendations table; other sheets, such as instructions, are checked for balance only.)
        const c = { header: 0, title: 0, section: 0, blank: 0, continuation: 0, skipped: 0, recommendation: 0 };
        let rows = 0;
        for (const s of r.sources) {
          const k = s.rowCounts;
          expect(k.header + k.title + k.section + k.blank + k.continuation + k.skipped + k.recommendation, s.sheet).toBe(s.rows);
          if (s.layout === "unknown") continue;
          rows += s.rows;
          for (const key of Object.keys(c) as (keyof typeof c)[]) c[key] += k[key];
        }
        expect(rows).toBe(want.rows);
        expect(c).toMatchObject({ header: want.headerRows, section: want.sectionRows, blank: want.blankRows, continuation: want.continuationRows, recommendation: want.recommendations });
        expect(c.title + c.skipped).toBe(want.titleRows + want.badRows);

        // Paragraph ids: 99% recall, 100% precision (in file order here, which is stricter).
        if (want.ids.length) {
          const found = r.recommendations.map((x) => x.paragraphId).filter((x): x is string => x !== null);
          const truth = new Set(want.ids);
          expect(found.filter((id) => truth.has(id)).length / truth.size).toBeGreaterThanOrEqual(0.99);
          expect(found.every((id) => truth.has(id))).toBe(true);
        }

        const positions: Record<string, number> = {};
        for (const x of r.recommendations) positions[x.position] = (positions[x.position] ?? 0) + 1;
        for (const [k, v] of Object.entries(want.positions)) expect(positions[k] ?? 0, k).toBe(v);
        for (const x of r.recommendations) {
          if (x.positionRaw && want.positionWordings[x.positionRaw]) expect(x.position, x.positionRaw).toBe(want.positionWordings[x.positionRaw]);
        }

        // Every diagnostic the fixture was built to trigger is there, and no warning or error besides.
        const all = new Set(r.diagnostics.map((d) => d.code));
        for (const code of want.diagnostics) expect([...all], code).toContain(code);
        const serious = new Set(r.diagnostics.filter((d) => d.severity !== "info").map((d) => d.code));
        for (const code of serious) expect(want.diagnostics, code).toContain(code);
        for (const d of r.diagnostics) expect(d.place?.file).toBe(want.file);

        const src = r.sources.find((s) => s.recommendations > 0)!;
        expect(src.layout).toBe(want.layout);
        expect(src.language).toBe(want.language);
        if (want.stateUnderReview && want.layout === "ohchr-matrix") expect(r.recommendations[0]!.stateUnderReview).toBeTruthy();
        if (want.cycle) expect(r.recommendations.every((x) => x.cycle === want.cycle)).toBe(true);
      });

      test("recommending States and themes of the tricky rows", async () => {
        const r = await readMatrixFile(path, { file: want.file });
        const byId = new Map(r.recommendations.map((x) => [x.paragraphId ?? x.id, x]));
        for (const [id, states] of Object.entries(want.recommendingStates ?? {})) {
          const rec = byId.get(id);
          expect(rec, id).toBeDefined();
          // States come out under their canonical name ("Allemagne" → the entry for Germany).
          expect(rec!.recommendingStates, id).toEqual(states.map((s) => findState(s)?.name ?? s));
        }
        for (const [id, themes] of Object.entries(want.themes ?? {})) {
          const rec = byId.get(id);
          expect(rec, id).toBeDefined();
          const got = [...rec!.themes.flatMap((t) => [t.code, t.name]), ...rec!.issues.map((i) => i.name)];
          for (const t of themes) expect(got, `${id} ${t}`).toContain(t);
        }
      });
    });
  }
});
