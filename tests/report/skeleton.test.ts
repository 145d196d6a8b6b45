// The skeleton outline (pure) and the Word documents written from it, read back from word/document.xml.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  allocateWords,
  buildSkeletonOutline,
  compressIds,
  formatReferences,
  mergeSmallClusters,
  MIN_CLUSTER_WORDS,
  NATIONAL_WORD_LIMIT,
  subsectionLetter,
} from "../../src/report/skeleton.js";
import { formatCount } from "../../src/report/numbers.js";
import { buildReport } from "../../src/report/model.js";
import { writeSkeletonDocx } from "../../src/docx/skeleton.js";
import { parseDocx, readDocxContent } from "../../src/ingest/docx.js";
import { currentStates } from "../../src/track/ledger.js";
import { MatrixError } from "../../src/errors/matrix-error.js";
import { sampleEvents } from "../../docs/examples/generate.js";
import { handRecs, handStates, headings, readDocxBlocks, rec, sampleRecs, type DocxBlock } from "./helpers.js";

describe("word budgets and references", () => {
  test("allocateWords splits a total exactly, proportionally, in tens", () => {
    expect(allocateWords(100, [1, 1, 1], 10)).toEqual([40, 30, 30]);
    expect(allocateWords(10_700, [600, 900, 1000, 6400, 900, 500, 400])).toEqual([600, 900, 1000, 6400, 900, 500, 400]);
    expect(allocateWords(1000, [0, 0])).toEqual([500, 500]);
    expect(allocateWords(1000, [])).toEqual([]);
  });

  test("property: the parts always add up to the total and are never negative", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 50_000 }), fc.array(fc.nat(1000), { minLength: 1, maxLength: 60 }), (total, weights) => {
        const parts = allocateWords(total, weights);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        expect(parts.every((p) => p >= 0)).toBe(true);
      }),
    );
  });

  test("compressIds writes ranges as national reports do", () => {
    expect(compressIds(["115.4", "115.3", "115.5", "115.1", "115.9", "115.10"])).toBe("115.1, 115.3–5, 115.9–10");
    expect(compressIds(["186.28", "row-12", "186.28"])).toBe("186.28, row-12");
    expect(compressIds(["60.1.5", "60.1.6", "60.2.1"])).toBe("60.1.5–6, 60.2.1");
  });

  test("formatReferences groups by document symbol", () => {
    const refs = formatReferences([
      rec({ id: "115.2", text: "a", documentSymbol: "A/HRC/28/15" }),
      rec({ id: "115.1", text: "b", documentSymbol: "A/HRC/28/15" }),
      rec({ id: "28.2", text: "c", documentSymbol: "A/HRC/40/6" }),
      rec({ id: "row-3", text: "d", paragraphId: null, documentSymbol: null }),
    ]);
    expect(refs).toBe("115.1–2 (A/HRC/28/15); 28.2 (A/HRC/40/6); row-3");
  });

  test("subsection letters go on after Z", () => {
    expect([0, 25, 26, 27, 51, 52].map(subsectionLetter)).toEqual(["A", "Z", "AA", "AB", "AZ", "BA"]);
  });

  test("thousands separators by language", () => {
    expect([formatCount(10_700, "en"), formatCount(10_700, "fr"), formatCount(10_700, "es"), formatCount(400, "en")]).toEqual(["10,700", "10\u00a0700", "10.700", "400"]);
  });

  test("property: merged clusters keep every recommendation, budgets add up and reach the minimum", async () => {
    const report = buildReport(await sampleRecs());
    const groups = report.clusters.map((g) => ({ cluster: g.cluster, rows: g.items }));
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 12_000 }), fc.integer({ min: 0, max: 600 }), (total, min) => {
        const { blocks, words } = mergeSmallClusters(groups, total, min);
        expect(words.reduce((a, b) => a + b, 0)).toBe(total);
        expect(blocks.flatMap((b) => b.rows.map((r) => r.key)).sort()).toEqual(report.clusters.flatMap((g) => g.items.map((r) => r.key)).sort());
        if (blocks.length > 1) expect(Math.min(...words)).toBeGreaterThanOrEqual(min);
      }),
      { numRuns: 60 },
    );
  });
});

describe("national-report outline (hand-built, 3rd-cycle recommendations: a 4th-cycle review)", () => {
  const recs = handRecs();
  const outline = buildSkeletonOutline(recs, { states: handStates(recs) });

  test("the 4th-cycle structure, budgets adding up to 10,700 words, each section naming what it follows", () => {
    expect(outline.rules).toEqual({ reviewCycle: 4, title: "titleCycle4", titleNote: null, fourthCycle: true });
    expect(outline.title).toBe("National report submitted pursuant to Human Rights Council resolutions 5/1 and 16/21");
    expect(outline.sections.map((s) => [s.id, s.basis])).toEqual([
      ["methodology", "dec17-119-A"],
      ["developments", "dec17-119-B"],
      ["followUp", "dec17-119-D"],
      ["implementation", "dec17-119-CD"],
      ["achievements", "dec17-119-E"],
      ["priorities", "dec17-119-F"],
      ["capacity", "dec17-119-G"],
    ]);
    expect(outline.sections.reduce((n, s) => n + s.words, 0)).toBe(NATIONAL_WORD_LIMIT);
    for (const s of outline.sections) if (s.subsections.length) expect(s.subsections.reduce((n, x) => n + x.words, 0), s.id).toBe(s.words);
    expect(outline.sections[0]!.subsections.map((s) => s.id)).toEqual(["preparation", "consultation"]);
    expect(outline.sections[2]!.subsections.map((s) => s.id)).toEqual(["mechanism", "plan", "sdgs", "otherMechanisms"]);
    expect(outline.budget.rows[2]!.basis).toBe("HRC decision 17/119, section D; High Commissioner's letters (4th cycle)");
  });

  test("clusters hold supported and noted recommendations with their references; small clusters are merged", () => {
    const impl = outline.sections[3]!;
    expect(impl.subsections.map((s) => s.title)).toEqual([
      "International obligations and cooperation with human rights mechanisms",
      "Right to life, liberty and security of the person, and prohibition of torture",
      "Women's rights and gender equality",
      "Voluntary pledges and commitments",
    ]);
    const first = impl.subsections[0]!;
    expect(first.blocks.filter((b) => b.kind === "references")).toEqual([
      { kind: "references", text: "Recommendations 120.1–3 (A/HRC/40/1)" },
      { kind: "references", text: "Noted: 120.4 (A/HRC/40/1)" },
    ]);
    expect(impl.subsections[1]!.blocks).toContainEqual({ kind: "references", text: "SDGs: 16 Peace, justice and strong institutions" });
    expect(impl.subsections.flatMap((s) => s.ids).sort()).toEqual(recs.map((r) => r.id).sort());
    const tight = buildSkeletonOutline(recs, { wordLimit: 2000 }).sections[3]!.subsections.filter((s) => s.id.startsWith("cluster"));
    expect(tight.length).toBeLessThan(3);
    expect(tight.every((s) => s.words >= MIN_CLUSTER_WORDS)).toBe(true);
  });

  test("the SDG subsection lists the goals found; the other-mechanisms one leaves rows to fill", () => {
    const sdgs = outline.sections[2]!.subsections[2]!;
    const table = sdgs.blocks.find((b) => b.kind === "table") as Extract<(typeof sdgs.blocks)[number], { kind: "table" }>;
    expect(table.rows[0]!.cells[0]).toBe("16 Peace, justice and strong institutions");
    const other = outline.sections[2]!.subsections[3]!.blocks.find((b) => b.kind === "table") as Extract<(typeof sdgs.blocks)[number], { kind: "table" }>;
    expect(other.rows.every((r) => r.placeholder.every(Boolean))).toBe(true);
  });

  test("working notes carry the status and actions recorded", () => {
    const notes = outline.sections[3]!.subsections[0]!.blocks.find((b) => b.kind === "notes") as { items: string[] };
    expect(notes.items[0]).toBe(
      "120.1 (A/HRC/40/1) – Supported – Fully implemented (since 2024-05-01) – Lead institution: Ministry of Foreign Affairs – 2024-02-01: Instrument of ratification deposited. “Ratify the Optional Protocol to the Convention against Torture (Denmark);”",
    );
  });

  test("title page: known facts filled, the rest left as placeholders", () => {
    const f = Object.fromEntries(outline.fields.map((x) => [x.label, x.value]));
    expect(f).toMatchObject({
      "State under review": "Utopia",
      Review: "4th cycle",
      "Recommendations reported on": "3rd cycle: A/HRC/40/1",
      "Document symbol": null,
      "Date of submission": null,
    });
    expect(outline.masthead.map((m) => m.text)).toEqual(["United Nations", "General Assembly", "Distr.: General", "Original: English", "Human Rights Council", "Working Group on the Universal Periodic Review"]);
  });

  test("a custom word limit is split the same way and the guide says which limit is official", () => {
    const o = buildSkeletonOutline(recs, { wordLimit: 8000 });
    expect(o.sections.reduce((n, s) => n + s.words, 0)).toBe(8000);
    expect(o.guide.lines[0]).toBe("Length set for this skeleton: 8,000 words (the official limit is 10,700); annexes and endnotes are not counted.");
  });

  test("options are checked once: a bad one is a MatrixError, not a TypeError", () => {
    const bad = [{ lang: "de" }, { kind: "annual" }, { wordLimit: 10 }, { states: {} }, { clusters: { clusters: [] } }];
    for (const o of bad) {
      const err = (() => {
        try {
          buildSkeletonOutline(recs, o as never);
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(err, JSON.stringify(o)).toBeInstanceOf(MatrixError);
      expect((err as MatrixError).code).toBe("invalid-options");
    }
    expect(() => buildReport(recs, { lang: "de" } as never)).toThrow(MatrixError);
  });
});

function tableAfter(blocks: readonly DocxBlock[], heading: string): string[][] {
  const i = blocks.findIndex((b) => b.kind === "p" && b.text === heading);
  const t = blocks.slice(i).find((b) => b.kind === "table");
  return t && t.kind === "table" ? t.rows : [];
}

describe("national-report DOCX of the sample (Kenya, 2nd-cycle recommendations: a 3rd-cycle review)", async () => {
  const recs = await sampleRecs();
  const states = currentStates(sampleEvents(recs));
  const bytes = await writeSkeletonDocx(recs, { states });
  const blocks = readDocxBlocks(bytes);

  test("headings: the six sections of decision 17/119, 10-15 plain-language clusters, the annex", () => {
    expect(headings(blocks, "Heading1")).toEqual([
      "I. Methodology and consultation process",
      "II. Developments since the previous review: normative and institutional framework",
      "III. Implementation of recommendations from the previous review",
      "IV. Achievements, best practices, challenges and constraints",
      "V. Key national priorities, initiatives and commitments",
      "VI. Expectations in terms of capacity-building and requests for technical assistance",
      "Annex",
    ]);
    const h2 = headings(blocks, "Heading2");
    expect(h2[0]).toBe("A. International obligations and cooperation with human rights mechanisms");
    const clusters = h2.filter((h) => /^[A-Z]\. /.test(h) && !h.endsWith("Voluntary pledges and commitments"));
    expect(clusters.length).toBeGreaterThanOrEqual(10);
    expect(clusters.length).toBeLessThanOrEqual(15);
    expect(clusters.every((h) => !/\b[A-H]\d{1,2}\b/.test(h))).toBe(true); // no UHRI codes in headings
    expect(h2).toContain("Matrix of recommendations and their implementation");
    expect(headings(blocks, "Title")).toEqual(["National report submitted in accordance with paragraph 5 of the annex to Human Rights Council resolution 16/21"]);
  });

  test("the word budget table names what each section follows and adds up to 10,700", () => {
    const rows = tableAfter(blocks, "Word budget (proposal)");
    expect(rows[0]).toEqual(["Section", "Follows", "Words"]);
    expect(rows[1]).toEqual(["I. Methodology and consultation process", "HRC decision 17/119, section A", "700"]);
    const words = rows.slice(1, -1).map((r) => Number(r[2]!.replace(/,/g, "")));
    expect(words).toHaveLength(6);
    expect(words.reduce((a, b) => a + b, 0)).toBe(10_700);
    expect(rows.at(-1)).toEqual(["Total (annexes and endnotes not counted)", "", "10,700"]);
  });

  test("placeholders are bracketed and highlighted; title-page gaps too", () => {
    const ph = blocks.filter((b) => b.kind === "p" && b.highlighted);
    expect(ph.length).toBeGreaterThan(10);
    expect(ph.every((b) => b.kind === "p" && /^\[.*\]$/.test(b.text))).toBe(true);
    expect(tableAfter(blocks, "Working Group on the Universal Periodic Review")[0]).toEqual(["Document symbol", "[to be completed]"]);
  });

  test("the annex matrix: OHCHR header, a theme row per matrix theme, every paragraph id exactly once", () => {
    const rows = tableAfter(blocks, "Matrix of recommendations and their implementation");
    expect(rows[0]).toEqual(["Recommendation", "Position", "Full list of themes", "Assessment/comments on level of implementation"]);
    const body = rows.slice(1);
    expect(body.filter((r) => r.length === 1).every((r) => r[0]!.startsWith("Theme: "))).toBe(true);
    const ids = body.filter((r) => r.length === 4).map((r) => r[0]!.split(" ")[0]!);
    expect(ids.sort()).toEqual(recs.map((r) => r.id).sort());
    const r28 = body.find((r) => r[0]!.startsWith("142.28 "))!;
    expect(r28[1]).toBe("Supported");
    expect(r28[3]).toContain("Lead institution: Ministry of Justice");
  });

  test("upr-matrix reads the annex back as an OHCHR matrix with the same positions", () => {
    const back = parseDocx(bytes, { file: "national-report.docx" });
    const annex = back.sources.find((s) => s.layout === "ohchr-matrix");
    expect(annex).toBeDefined();
    const byId = new Map(back.recommendations.filter((r) => r.place.sheet === annex!.sheet).map((r) => [r.id, r]));
    expect(byId.size).toBe(recs.length);
    for (const r of recs) expect(byId.get(r.id)?.position, r.id).toBe(r.position);
    expect(readDocxContent(bytes).tables.length).toBeGreaterThanOrEqual(4);
  });

  test("deterministic: the same input gives the same bytes", async () => {
    expect(Buffer.from(await writeSkeletonDocx(recs, { states })).equals(Buffer.from(bytes))).toBe(true);
  });
});

describe("mid-term DOCX", async () => {
  const recs = await sampleRecs();
  const states = currentStates(sampleEvents(recs));

  test("a Government document on accepted recommendations: no UN masthead, timing and scope in the guide", async () => {
    const outline = buildSkeletonOutline(recs, { states, kind: "mid-term" });
    expect(outline.sections.reduce((n, s) => n + s.words, 0)).toBe(4500);
    expect(outline.masthead).toEqual([{ text: "Government of Kenya", placeholder: true }]);
    expect(outline.guide.lines.slice(0, 3).join(" ")).toMatch(/Government document .* no UN symbol or masthead.*about two years after the adoption.*resolution 16\/21/);
    const blocks = readDocxBlocks(await writeSkeletonDocx(recs, { states, kind: "mid-term" }));
    expect(blocks.some((b) => b.kind === "p" && /United Nations|General Assembly/.test(b.text))).toBe(false);
    expect(headings(blocks, "Heading1")).toEqual([
      "I. Introduction and methodology",
      "II. Implementation of accepted recommendations",
      "III. Noted recommendations: developments and reconsideration",
      "IV. Challenges, next steps and needs for technical or capacity-building assistance",
      "Annex",
    ]);
    expect(headings(blocks, "Title")[0]).toBe("Voluntary mid-term report on the implementation of the recommendations accepted in the 2nd cycle of the Universal Periodic Review");
    const first = tableAfter(blocks, "A. International obligations and cooperation with human rights mechanisms");
    expect(first[0]).toEqual(["Recommendation", "Status", "Measures taken", "Responsible institution", "Challenges and next steps"]);
    const notNoted = recs.filter((r) => r.position !== "noted").length;
    const statusRows = blocks.filter((b): b is Extract<DocxBlock, { kind: "table" }> => b.kind === "table" && b.rows[0]?.[1] === "Status").flatMap((t) => t.rows.slice(1));
    expect(statusRows).toHaveLength(notNoted);
    expect(statusRows.every((r) => r[4] === "[Challenges and next steps]")).toBe(true);
    expect(blocks.some((b) => b.kind === "p" && b.text === "[Say whether the State now accepts any of these recommendations, and why.]")).toBe(true);
  });
});
