// Plain-language clusters: the default map covers every theme of every UHRI generation and every UPR Info
// issue; a user's cluster map (CSV or JSON) is read with ids before themes, codes as prefixes and names of
// any generation; the report, the statistics, the skeleton and the tracking workbooks all use it.
import { describe, expect, test } from "vitest";
import { THEMES, ISSUES } from "../../src/taxonomy/index.js";
import { clusterAssigner, defaultClusterOfTheme } from "../../src/report/clusters.js";
import { parseClusterMap } from "../../src/report/cluster-map.js";
import { buildReport } from "../../src/report/model.js";
import { buildStats } from "../../src/report/stats.js";
import { buildSkeletonOutline } from "../../src/report/skeleton.js";
import { ISSUE_CLUSTERS } from "../../src/report/default-clusters.js";
import { planTrackExport } from "../../src/track/workbook.js";
import { progressBy } from "../../src/track/progress.js";
import { MatrixError } from "../../src/errors/matrix-error.js";
import { handRecs, rec, sampleRecs } from "./helpers.js";

describe("the default cluster map", () => {
  test("every UHRI theme of every generation has a plain-language cluster (none falls to 'other')", () => {
    const other = THEMES.filter((t) => defaultClusterOfTheme(t.code, t.name) === "other").map((t) => `${t.taxonomy} ${t.code ?? ""} ${t.name}`);
    expect(other).toEqual([]);
  });

  test("every UPR Info issue has a cluster, 'General' and 'Other' excepted", () => {
    expect(ISSUES.filter((i) => !ISSUE_CLUSTERS[i.code]).map((i) => i.code)).toEqual([]);
  });

  test("the same subject in three generations lands in the same cluster", () => {
    const a = defaultClusterOfTheme("D27", "Prohibition of slavery, trafficking");
    expect(defaultClusterOfTheme(null, "Human trafficking & contemporary forms of slavery")).toBe(a);
    expect(defaultClusterOfTheme("12.7", "Prohibition of slavery, trafficking")).toBe(a);
    expect(a).toBe("trafficking");
    expect(defaultClusterOfTheme(null, "Sexual & gender-based violence")).toBe("women");
    expect(defaultClusterOfTheme(null, "National Mechanisms for Implementation, Reporting and Follow-up (NMIRF)")).toBe("national-framework");
  });

  test("real matrices give 10-15 clusters (Slovenia's reports: 12 and 14)", async () => {
    expect(buildStats(await sampleRecs()).clusters.length).toBe(14);
  });
});

describe("a user's cluster map", () => {
  const csv = "cluster,theme or paragraph\nInternational commitments,A1\nInternational commitments,120.4\nDeath penalty and torture,Death penalty\nWomen,F1\n";

  test("CSV: one row per entry, ids recognised, header skipped", () => {
    const { map, diagnostics } = parseClusterMap(csv, "my-clusters.csv");
    expect(map.clusters).toEqual([
      { name: "International commitments", themes: ["A1"], ids: ["120.4"] },
      { name: "Death penalty and torture", themes: ["Death penalty"], ids: [] },
      { name: "Women", themes: ["F1"], ids: [] },
    ]);
    expect(map.source).toBe("my-clusters.csv");
    expect(diagnostics).toEqual([]);
  });

  test("JSON: an object of lists or a list of clusters", () => {
    const a = parseClusterMap('{"Justice": ["D5", "142.33", "Rule of law & impunity"], "Children": ["F3; 142.1"]}', "c.json").map;
    expect(a.clusters).toEqual([
      { name: "Justice", themes: ["D5", "Rule of law & impunity"], ids: ["142.33"] },
      { name: "Children", themes: ["F3"], ids: ["142.1"] },
    ]);
    const b = parseClusterMap('{"clusters":[{"name":"Justice","themes":["D5"]}]}', "c.json").map;
    expect(b.clusters[0]).toEqual({ name: "Justice", themes: ["D5"], ids: [] });
  });

  test("what cannot be used is said clearly", () => {
    expect(() => parseClusterMap("{ not json", "c.json")).toThrow(MatrixError);
    expect(() => parseClusterMap("cluster,theme\n", "c.csv")).toThrow(/no usable cluster map/);
    const { diagnostics } = parseClusterMap("Justice,D5\nOdd,Not a theme at all\nEmpty\n", "c.csv");
    expect(diagnostics.map((d) => d.code)).toEqual(["invalid-field", "unknown-theme"]);
    expect(diagnostics[0]!.place).toEqual({ file: "c.csv", row: 3 });
  });

  test("ids win over themes, v1 codes take their sub-themes, names match every generation; the rest falls back", () => {
    const { map } = parseClusterMap(csv, "my-clusters.csv");
    const assign = clusterAssigner({ map });
    const recs = handRecs();
    const names = Object.fromEntries(recs.map((r) => [r.id, assign(r).name]));
    expect(names).toMatchObject({
      "120.1": "International commitments", // A12, under A1
      "120.4": "International commitments", // by id
      "120.10": "Death penalty and torture", // by name
      "120.20": "Women", // F13, under F1
    });
    const other = rec({ id: "9.9", text: "x", cluster: { code: null, name: "Human trafficking & contemporary forms of slavery" } });
    expect(assign(other)).toMatchObject({ origin: "default", name: "Trafficking in persons and contemporary forms of slavery" });
    expect(assign.fallback.has("9.9")).toBe(true);
    const g = clusterAssigner({ map: parseClusterMap("Death,Death penalty\n", "m.csv").map });
    expect(g(rec({ id: "1", text: "x", cluster: { code: null, name: "Death penalty" } })).name).toBe("Death");
  });

  test("the report, the statistics, the skeleton and the tracking workbooks use it", () => {
    const { map } = parseClusterMap(csv, "my-clusters.csv");
    const recs = handRecs();
    const report = buildReport(recs, { clusters: map, lang: "fr" });
    expect(report.clusters.map((g) => g.cluster.name)).toEqual(["International commitments", "Death penalty and torture", "Women"]);
    expect(report.stats.clusterMap).toEqual({ source: "my-clusters.csv", fallback: 0 });
    const skeleton = buildSkeletonOutline(recs, { clusters: map });
    expect(skeleton.sections.find((s) => s.id === "implementation")!.subsections.map((s) => s.title)[0]).toBe("International commitments");
    const assign = clusterAssigner({ map });
    const plans = planTrackExport(recs, new Map(), { by: "cluster", round: "r", exportedAt: "2025-01-01T00:00:00.000Z", clusterOf: (r) => assign(r).name });
    expect(plans.map((p) => p.meta.target)).toEqual(["Death penalty and torture", "International commitments", "Women"]);
    expect(plans[0]!.rows[0]!.values.cluster).toBe("Death penalty and torture");
    expect(progressBy(recs, new Map(), "cluster", { clusterOf: (r) => assign(r).name }).map((g) => g.group)).toEqual(["Death penalty and torture", "International commitments", "Women", "total"]);
  });
});
