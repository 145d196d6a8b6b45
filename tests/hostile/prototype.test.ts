import { join } from "node:path";
import { afterEach, describe, expect, test } from "vitest";
import { parseCsv } from "../../src/ingest/csv.js";
import { parseColumnMapping } from "../../src/ingest/options.js";
import { parseXlsx } from "../../src/ingest/xlsx.js";
import { readMatrixFile } from "../../src/node/index.js";
import { buildRecommendationTable } from "../../src/report/csv.js";
import { writeRecommendationsXlsx } from "../../src/xlsx/recommendations.js";
import { badDir } from "./manifest.js";

// Keys that come from files (headers, theme and cluster names, States, institutions, sheet and zip entry
// names) never reach an object's prototype: Object.prototype is unchanged after reading, exporting,
// reporting and tracking them, and each value lands where it belongs.
const PROTO_NAMES = ["__proto__", "constructor", "prototype", "toString", "hasOwnProperty", "valueOf", "__defineGetter__"];
const before = Object.getOwnPropertyNames(Object.prototype).sort();

afterEach(() => {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(before);
  expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  expect(typeof ({} as { toString: unknown }).toString).toBe("function");
});

const csv = [
  ["Recommendation", "Position", "Themes", "Recommending State", "Responsible institution", ...PROTO_NAMES].join(","),
  ...PROTO_NAMES.map((n, i) => [`117.${i + 1} Ratify OP-CAT (Denmark);`, "Supported", n, n, n, ...PROTO_NAMES.map((m) => `${n}/${m}`)].join(",")),
  `117.99 "JSON" (France);,Noted,"{""__proto__"":{""polluted"":true}}",France,"{""constructor"":{""prototype"":{""polluted"":true}}}",${PROTO_NAMES.map(() => "x").join(",")}`,
].join("\r\n");

describe("names from files stay data", () => {
  test("CSV headers, themes, States and institutions named like Object.prototype members", () => {
    const r = parseCsv(csv, { file: "proto.csv" });
    expect(r.recommendations).toHaveLength(PROTO_NAMES.length + 1);
    PROTO_NAMES.forEach((n, i) => {
      const rec = r.recommendations[i]!;
      expect(rec.themes.map((t) => t.name)).toEqual([n]);
      expect(rec.institutions).toEqual([n]);
      expect(rec.extra.map((x) => [x.column, x.value])).toEqual(PROTO_NAMES.map((m) => [m, `${n}/${m}`]));
      expect(Object.getPrototypeOf(rec)).toBe(Object.prototype);
    });
    expect(r.sources[0]!.columns.map((c) => c.header).slice(5)).toEqual(PROTO_NAMES);
  });

  test("the exports put each value under its own column", async () => {
    const r = parseCsv(csv, { file: "proto.csv" });
    const table = buildRecommendationTable(r.recommendations);
    for (const n of PROTO_NAMES) expect(table.header).toContain(n);
    const col = table.header.indexOf("constructor");
    expect(table.rows[0]![col]).toBe("__proto__/constructor");
    const back = await parseXlsx(await writeRecommendationsXlsx(r.recommendations), { file: "back.xlsx" });
    expect(back.recommendations[0]!.extra.find((x) => x.column === "prototype")?.value).toBe("__proto__/prototype");
  });

  test("a column mapping cannot name a prototype key", () => {
    for (const n of PROTO_NAMES) expect(() => parseColumnMapping(`${n}=B`)).toThrow(/Unknown field/);
  });

  test("XLSX sheets and DOCX zip entries with prototype names", async () => {
    const x = await readMatrixFile(join(badDir, "xlsx-proto-names.xlsx"), { file: "x.xlsx" });
    expect(x.sources.map((s) => s.sheet)).toEqual(["__proto__", "constructor"]);
    const d = await readMatrixFile(join(badDir, "docx-proto-parts.docx"), { file: "d.docx" });
    expect(d.diagnostics.map((x) => x.code)).toContain("unknown-layout");
  });

  test("reports and tracking group by names like __proto__ without losing or mixing them", async () => {
    const r = parseCsv(csv, { file: "proto.csv" });
    const recs = r.recommendations.map((rec, i) => ({ ...rec, cluster: { code: null, name: PROTO_NAMES[i % PROTO_NAMES.length]! } }));
    const { buildReport } = await import("../../src/report/model.js");
    const report = buildReport(recs);
    expect(JSON.stringify(report)).toContain("hasOwnProperty");
    const { groupByCluster } = await import("../../src/report/clusters.js");
    const groups = groupByCluster(recs, (x) => x);
    expect(groups.reduce((n, g) => n + g.items.length, 0)).toBe(recs.length);
    const { planTrackExport } = await import("../../src/track/workbook.js");
    const plans = planTrackExport(recs, new Map(), { round: "r1", exportedAt: "2025-01-01T00:00:00.000Z" });
    const names = plans.map((p) => p.fileName);
    expect(new Set(names).size).toBe(names.length);
    expect(plans.reduce((n, p) => n + p.rows.length, 0)).toBeGreaterThanOrEqual(recs.length);
  });
});
