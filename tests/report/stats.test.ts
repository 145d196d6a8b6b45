import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { buildStats, ReportStats, statusKeyOf } from "../../src/report/stats.js";
import { clusterOf, groupByCluster } from "../../src/report/clusters.js";
import { buildReport, clusterTitle } from "../../src/report/model.js";
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

  test("merges a theme's supported and noted blocks into one cluster, in UHRI order", () => {
    expect(stats.clusters.map((c) => [c.code, c.total, c.byPosition.supported, c.byPosition.noted])).toEqual([
      ["A12", 4, 3, 1],
      ["D23", 2, 0, 2],
      ["F13", 2, 1, 0],
    ]);
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

  test("implementation rate: fully or partially implemented among assessed, per position group", () => {
    const s = stats.implementation.supported;
    expect([s.total, s.assessed]).toEqual([5, 5]);
    expect(s.rate).toBe(0.4); // 120.1 fully + 120.2 partially, of 5
    expect(s.fullRate).toBe(0.2);
    const n = stats.implementation.noted;
    expect([n.total, n.assessed, n.rate]).toEqual([3, 1, 0]);
    expect(buildStats(recs).implementation.supported.rate).toBe(0); // 120.21's own "ongoing" is assessed
    expect(buildStats(recs.filter((r) => r.id !== "120.21")).implementation.supported.rate).toBeNull();
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

describe("clusters", () => {
  test("a recommendation without a cluster row falls back to its first theme, then to none", () => {
    expect(clusterOf(rec({ id: "1", text: "x", themes: [{ code: "D23", name: "Death penalty", source: "matrix" }] })).key).toBe("code:D23");
    const none = clusterOf(rec({ id: "2", text: "y" }));
    expect(none.key).toBe("");
    expect(clusterTitle(none, "fr")).toBe("Sans thème");
  });

  test("numbered 2014 themes sort by number, v1 codes hierarchically, uncoded labels by their v1 code", () => {
    const mk = (code: string | null, name: string) => rec({ id: name, text: name, cluster: { code, name } });
    const order = groupByCluster(
      [mk("10.1", "Right to life"), mk("2.1", "Acceptance of international norms"), mk("A5", "Human rights education"), mk("A12", "Acceptance of international norms"), mk(null, "Death penalty"), rec({ id: "z", text: "z" })],
      (r) => r,
    ).map((g) => g.cluster.name);
    expect(order.indexOf("Acceptance of international norms")).toBeLessThan(order.indexOf("Human rights education"));
    expect(order[order.length - 1]).toBe("");
    expect(order.indexOf("Death penalty")).toBeGreaterThan(order.indexOf("Human rights education"));
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
    expect(stats.clusters.length).toBeLessThanOrEqual(expected.sectionRows);
    expect(stats.clusters.every((c) => c.top !== null)).toBe(true);
  });

  test("every recommendation is in exactly one cluster of the report", () => {
    const report = buildReport(recs);
    const keys = report.clusters.flatMap((g) => g.items.map((r) => r.key));
    expect(keys.length).toBe(recs.length);
    expect(new Set(keys).size).toBe(recs.length);
  });
});
