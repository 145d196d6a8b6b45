import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { buildStats, ReportStats, statusKeyOf } from "../../src/report/stats.js";
import { clusterAssigner, groupByCluster } from "../../src/report/clusters.js";
import { groupByTheme, primaryThemeOf, themeTitle } from "../../src/report/themes.js";
import { buildReport } from "../../src/report/model.js";
import { handRecs, handStates, rec, sampleRecs } from "./helpers.js";

describe("buildStats on hand-built recommendations", () => {
  const recs = handRecs();
  const stats = buildStats(recs, handStates(recs));

  test("validates against its zod schema", () => {
    expect(() => ReportStats.parse(stats)).not.toThrow();
  });

  test("counts positions, every position present", () => {
    expect(stats.total).toBe(8);
    expect(stats.byPosition).toEqual({ supported: 4, "partially-supported": 1, noted: 3, pending: 0, unknown: 0 });
  });

  test("plain-language clusters from the themes, in report order, each listing the paragraph ids it covers", () => {
    expect(stats.clusters.map((c) => [c.name, c.total, c.byPosition.supported, c.byPosition.noted, c.ids])).toEqual([
      ["International obligations and cooperation with human rights mechanisms", 4, 3, 1, ["120.1", "120.2", "120.3", "120.4"]],
      ["Right to life, liberty and security of the person, and prohibition of torture", 2, 0, 2, ["120.10", "120.11"]],
      ["Women's rights and gender equality", 2, 1, 0, ["120.20", "120.21"]],
    ]);
    expect(stats.clusters[1]!.sdgs).toEqual([16]);
    expect(stats.sdgs).toEqual([{ goal: 16, count: 1, supported: 0, noted: 1, clusters: ["Right to life, liberty and security of the person, and prohibition of torture"] }]);
    expect(stats.topLevels.map((t) => [t.code, t.total])).toEqual([["A", 4], ["D", 2], ["F", 2]]);
    expect(stats.topLevels[0]!.name).toBe("General framework of implementation");
  });

  test("counts statuses from the ledger, falling back to the source's own status wording", () => {
    expect(stats.byStatus).toEqual({
      "fully-implemented": 1,
      "partially-implemented": 1,
      "in-progress": 2, // 120.20 from the ledger, 120.21 from its "ongoing" status cell
      "not-started": 1,
      "noted-no-action": 1,
      "not-applicable": 0,
      untracked: 2,
    });
    expect(stats.tracked).toBe(6);
    expect(stats.asOf).toBe("2024-06-30");
    expect(statusKeyOf(undefined, { status: "Pleinement mise en œuvre", position: "supported" })).toBe("fully-implemented");
    expect(statusKeyOf(undefined, { status: "whatever", position: "supported" })).toBe("untracked");
  });

  test("implementation rate: fully or partially implemented among assessed, only with enough coverage", () => {
    const s = stats.implementation.supported;
    expect([s.total, s.assessed, s.done, s.coverage, s.rated]).toEqual([5, 5, 2, 1, true]);
    expect(s.rate).toBe(0.4); // 120.1 fully + 120.2 partially, of 5
    expect(s.fullRate).toBe(0.2);
    // Noted: 1 of 3 assessed (coverage 33%): below MIN_RATE_COVERAGE, counts but no rate.
    const n = stats.implementation.noted;
    expect([n.total, n.assessed, n.done, n.rated, n.rate]).toEqual([3, 1, 0, false, null]);
    // Without the ledger only 120.21's own "ongoing" is assessed: 1 of 5, no rate.
    const bare = buildStats(recs).implementation.supported;
    expect([bare.assessed, bare.coverage, bare.rate]).toEqual([1, 0.2, null]);
    expect(buildStats(recs.filter((r) => r.id !== "120.21")).implementation.supported.coverage).toBe(0);
  });

  test("themes of the full list count each recommendation once per theme", () => {
    expect(stats.themes.map((t) => [t.code, t.count, t.supported, t.noted])).toEqual([
      ["A12", 5, 3, 2],
      ["D23", 2, 0, 2],
      ["F13", 2, 2, 0],
    ]);
  });

  test("recommending States with their regional group; joint recommendations count once per group", () => {
    const byName = new Map(stats.recommendingStates.map((s) => [s.name, s]));
    expect(byName.get("France")).toMatchObject({ group: "WEOG", count: 1, supported: 1 });
    expect(byName.get("Ghana")?.group).toBe("African");
    expect(byName.get("European Union")?.group).toBe("other");
    expect(byName.get("Atlantis")?.group).toBe("unknown");
    const groups = Object.fromEntries(stats.regionalGroups.map((g) => [g.group, g.count]));
    expect(groups).toEqual({ African: 1, "Asia-Pacific": 1, GRULAC: 2, WEOG: 4, other: 1, unknown: 1 });
  });

  test("action categories and institutions", () => {
    expect(stats.actionCategories.map((c) => [c.category, c.count])).toEqual([[3, 1], [5, 3], [null, 4]]);
    const gender = stats.institutions.find((i) => i.name === "Ministry of Gender")!;
    expect([gender.total, gender.lead, gender.byStatus["in-progress"]]).toEqual([1, 1, 1]);
    expect(stats.institutions.find((i) => i.name === "Parliament")).toMatchObject({ total: 1, lead: 0 });
  });

  test("same input, same output (no dependence on Map or locale order)", () => {
    expect(JSON.stringify(buildStats([...recs].reverse(), handStates(recs)).byStatus)).toBe(JSON.stringify(stats.byStatus));
    expect(JSON.stringify(buildStats(recs, handStates(recs)))).toBe(JSON.stringify(stats));
  });
});

describe("primary themes (the matrix layouts)", () => {
  test("a recommendation without a theme row falls back to its first theme, then to none", () => {
    expect(primaryThemeOf(rec({ id: "1", text: "x", themes: [{ code: "D23", name: "Death penalty", source: "matrix" }] })).key).toBe("code:D23");
    const none = primaryThemeOf(rec({ id: "2", text: "y" }));
    expect(none.key).toBe("");
    expect(themeTitle(none, "fr")).toBe("Sans thème");
  });

  test("numbered 2014 themes sort by number, v1 codes hierarchically, uncoded labels by their v1 code", () => {
    const mk = (code: string | null, name: string) => rec({ id: name, text: name, cluster: { code, name } });
    const order = groupByTheme(
      [mk("10.1", "Right to life"), mk("2.1", "Acceptance of international norms"), mk("A5", "Human rights education"), mk("A12", "Acceptance of international norms"), mk(null, "Death penalty"), rec({ id: "z", text: "z" })],
      (r) => r,
    ).map((g) => g.theme.name);
    expect(order.indexOf("Acceptance of international norms")).toBeLessThan(order.indexOf("Human rights education"));
    expect(order[order.length - 1]).toBe("");
    expect(order.indexOf("Death penalty")).toBeGreaterThan(order.indexOf("Human rights education"));
  });

  test("plain clusters: one per recommendation, French names, no theme last", () => {
    const assign = clusterAssigner({ lang: "fr" });
    const mk = (code: string | null, name: string) => rec({ id: name, text: name, cluster: { code, name } });
    const groups = groupByCluster([rec({ id: "z", text: "z" }), mk(null, "Human trafficking & contemporary forms of slavery"), mk("F31", "Children: definition; general principles; protection")], (r) => r, assign);
    expect(groups.map((g) => g.cluster.name)).toEqual(["Traite des personnes et formes contemporaines d'esclavage", "Droits de l'enfant", "Sans thème"]);
  });
});

describe("on the bundled sample matrix (Kenya, 179 recommendations)", async () => {
  const recs = await sampleRecs();
  const expected = JSON.parse(readFileSync(new URL("../../fixtures/sample/ohchr-matrix-en.expected.json", import.meta.url), "utf8")) as {
    recommendations: number;
    positions: Record<string, number>;
    sectionRows: number;
  };

  test("totals match the fixture's expected figures", () => {
    const stats = buildStats(recs);
    expect(stats.total).toBe(expected.recommendations);
    expect(stats.byPosition).toEqual(expected.positions);
    expect(stats.clusters.reduce((n, c) => n + c.total, 0)).toBe(expected.recommendations);
    // Theme rows repeat a theme for its noted block: fewer clusters than theme rows.
    // 37 matrix themes become 14 plain-language clusters (Slovenia's reports used 12 and 14).
    expect(stats.clusters.length).toBeGreaterThanOrEqual(10);
    expect(stats.clusters.length).toBeLessThanOrEqual(15);
    expect(stats.clusters.every((c) => c.origin === "default")).toBe(true);
    expect(stats.clusters.flatMap((c) => c.ids).sort()).toEqual(recs.map((r) => r.paragraphId ?? r.id).sort());
  });

  test("every recommendation is in exactly one cluster of the report", () => {
    const report = buildReport(recs);
    const keys = report.clusters.flatMap((g) => g.items.map((r) => r.key));
    expect(keys.length).toBe(recs.length);
    expect(new Set(keys).size).toBe(recs.length);
  });
});
