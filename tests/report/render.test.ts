// Markdown (file snapshots under fixtures/report/), HTML and JSON renderers.
import { SaxesParser } from "saxes";
import { describe, expect, test } from "vitest";
import { buildReport } from "../../src/report/model.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderHtml } from "../../src/report/html.js";
import { ReportJson, renderJson } from "../../src/report/json.js";
import { currentStates } from "../../src/track/ledger.js";
import { sampleEvents } from "../../docs/examples/generate.js";
import { handRecs, handStates, sampleRecs } from "./helpers.js";

const recs = handRecs();
const states = handStates(recs);

describe("Markdown", () => {
  test("hand-built recommendations with a ledger (en)", async () => {
    await expect(renderMarkdown(buildReport(recs, { states }))).toMatchFileSnapshot("../../fixtures/report/hand-en.md");
  });

  test("French and Spanish labels", async () => {
    await expect(renderMarkdown(buildReport(recs, { states, lang: "fr" }))).toMatchFileSnapshot("../../fixtures/report/hand-fr.md");
    await expect(renderMarkdown(buildReport(recs, { states, lang: "es" }))).toMatchFileSnapshot("../../fixtures/report/hand-es.md");
  });

  test("without a ledger (nor a status column): no status tables", async () => {
    const md = renderMarkdown(buildReport(recs.filter((r) => !r.status)));
    expect(md).not.toContain("## Implementation status by cluster");
    await expect(md).toMatchFileSnapshot("../../fixtures/report/hand-no-ledger.md");
  });

  test("the sample matrix with the sample ledger", async () => {
    const sample = await sampleRecs();
    const md = renderMarkdown(buildReport(sample, { states: currentStates(sampleEvents(sample)) }));
    await expect(md).toMatchFileSnapshot("../../fixtures/report/sample-kenya.md");
  });

  test("text from files is escaped: pipes cannot break a table, HTML is inert", () => {
    const md = renderMarkdown(buildReport(recs, { states }));
    const line = md.split("\n").find((l) => l.startsWith("| 120.10"))!;
    expect(line).toContain("death penalty \\| in law");
    expect(line).not.toContain("<b>");
    // GFM: a pipe separates cells unless an odd number of backslashes precedes it.
    const separators = [...line.matchAll(/(\\*)\|/g)].filter((m) => m[1]!.length % 2 === 0).length;
    expect(separators).toBe(6); // five cells: #, recommendation, position, SDGs (the cluster has some), status
  });
});

describe("HTML", () => {
  const html = renderHtml(buildReport(recs, { states }));

  test("a standalone page: no script, no external resource, a CSP, the language set", () => {
    expect(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">")).toBe(true);
    expect(html).not.toMatch(/<script|src=|href=/i);
    expect(html).toContain("Content-Security-Policy");
    expect(renderHtml(buildReport(recs, { lang: "es" }))).toContain('<html lang="es">');
  });

  test("charts: position and status by cluster, and by letter group; no status chart without a ledger", () => {
    const ids = [...html.matchAll(/<svg [^>]*id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(["chart-position-by-cluster", "chart-status-by-cluster", "chart-position-by-top-level"]);
    const noLedger = renderHtml(buildReport(recs.filter((r) => !r.status)));
    expect([...noLedger.matchAll(/<svg /g)]).toHaveLength(2);
  });

  test("every SVG is well-formed XML and file text is escaped", () => {
    for (const m of html.matchAll(/<svg[\s\S]*?<\/svg>/g)) {
      expect(() => new SaxesParser().write(m[0]).close()).not.toThrow();
    }
    expect(html).not.toContain("<b>now</b>");
    expect(html).toContain("&lt;b&gt;now&lt;/b&gt;");
  });

  test("lists every recommendation once", () => {
    for (const r of recs) expect(html.split(`<td class="id">${r.id}<`).length - 1).toBe(1);
  });

  test("deterministic", () => {
    expect(renderHtml(buildReport(recs, { states }))).toBe(html);
  });
});

describe("JSON", () => {
  test("matches ReportJson and holds every recommendation once, with its status", () => {
    const json = JSON.parse(renderJson(buildReport(recs, { states }))) as unknown;
    const parsed = ReportJson.parse(json);
    const all = parsed.clusters.flatMap((c) => c.recommendations);
    expect(all.map((r) => r.id).sort()).toEqual(recs.map((r) => r.id).sort());
    const r1 = all.find((r) => r.id === "120.1")!;
    expect(r1).toMatchObject({ status: "fully-implemented", lead: "Ministry of Foreign Affairs", key: "Utopia|3|120.1" });
    expect(r1.actions[0]?.text).toBe("Instrument of ratification deposited");
    expect(all.find((r) => r.id === "120.21")).toMatchObject({ status: "in-progress", sourceAssessment: "ongoing" });
    expect(parsed.meta).toMatchObject({ stateUnderReview: "Utopia", cycle: 3, asOf: "2024-06-30", title: "UPR recommendations: Utopia, 3rd cycle" });
  });

  test("several States under review: no single State in the title", () => {
    const mixed = [...recs, { ...recs[0]!, id: "9.9", paragraphId: "9.9", stateUnderReview: "Erewhon" }];
    const report = buildReport(mixed);
    expect(report.meta.stateUnderReview).toBeNull();
    expect(report.meta.title).toBe("UPR recommendations: 2 States under review");
  });
});
