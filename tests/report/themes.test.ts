// Theme sections in code order: numbered UHRI codes ("2", "2.1", "12.4") by the paragraph-id order of
// src/schema/key.ts, which is numeric segment by segment with a missing segment first.
import { shuffle } from "lodash-es";
import { describe, expect, test } from "vitest";
import { compareParagraphIds } from "../../src/schema/key.js";
import { groupByTheme } from "../../src/report/themes.js";
import { THEMES } from "../../src/taxonomy/index.js";
import { rec } from "./helpers.js";

// The rule spelled out on numbers, to check the shared comparer against.
function byNumbers(a: string, b: string): number {
  const x = a.split(".").map(Number);
  const y = b.split(".").map(Number);
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? -1) - (y[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}

const numbered = THEMES.filter((t) => /^\d+(\.\d+)*$/.test(t.code ?? "")).map((t) => t.code!);

describe("numbered theme codes", () => {
  test("compareParagraphIds orders dotted codes by their numbers, segment by segment", () => {
    const codes = [...numbered, "2", "2.1", "2.10", "2.9", "12.4", "12", "1.2.3", "1.2"];
    expect(numbered.length).toBeGreaterThan(40);
    for (const a of codes) for (const b of codes) expect(Math.sign(compareParagraphIds(a, b)), `${a} vs ${b}`).toBe(Math.sign(byNumbers(a, b)));
  });

  test("theme sections of a numbered matrix come in code order within each letter group, whatever the row order", () => {
    const themes = THEMES.filter((t) => numbered.includes(t.code!));
    const recs = shuffle(themes).map((t, i) => rec({ id: `${i + 1}.1`, text: t.name, cluster: { code: t.code!, name: t.name }, themes: [{ code: t.code!, name: t.name, source: "matrix" }] }));
    const groups = groupByTheme(recs, (r) => r);
    expect(groups).toHaveLength(new Set(themes.map((t) => t.code)).size);
    let compared = 0;
    for (let i = 1; i < groups.length; i++) {
      const [a, b] = [groups[i - 1]!.theme, groups[i]!.theme];
      if (a.top !== b.top) continue;
      compared++;
      expect(byNumbers(a.code!, b.code!), `${a.code} before ${b.code}`).toBeLessThan(0);
    }
    expect(compared).toBeGreaterThan(numbered.length / 2);
  });
});
