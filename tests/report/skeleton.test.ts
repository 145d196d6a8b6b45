// The skeleton outline (pure) and the Word documents written from it, read back from word/document.xml.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import {
  allocateWords,
  buildSkeletonOutline,
  compressIds,
  formatReferences,
  NATIONAL_WORD_LIMIT,
  subsectionLetter,
} from "../../src/report/skeleton.js";
import { formatCount } from "../../src/report/skeleton-labels.js";
import { writeSkeletonDocx } from "../../src/docx/skeleton.js";
import { parseDocx } from "../../src/ingest/docx.js";
import { readDocxContent } from "../../src/ingest/docx.js";
import { currentStates } from "../../src/track/ledger.js";
import { sampleEvents } from "../../docs/examples/generate.js";
import { handRecs, handStates, headings, readDocxBlocks, rec, sampleRecs, type DocxBlock } from "./helpers.js";

describe("word budgets and references", () => {
  test("allocateWords splits a total exactly, proportionally, in tens", () => {
    expect(allocateWords(100, [1, 1, 1], 10)).toEqual([40, 30, 30]);
    expect(allocateWords(10_700, [800, 1500, 5400, 800, 1200, 600, 400])).toEqual([800, 1500, 5400, 800, 1200, 600, 400]);
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
});

describe("national-report outline", () => {
  const recs = handRecs();
  const outline = buildSkeletonOutline(recs, { states: handStates(recs) });

  test("sections after HRC decision 17/119, budgets adding up to 10,700 words", () => {
    expect(outline.sections.map((s) => `${s.number}. ${s.title}`)).toEqual([
      "I. Methodology and consultation process",
      "II. Developments since the previous review: normative and institutional framework",
      "III. Implementation of supported recommendations and voluntary pledges",
      "IV. Recommendations that were noted",
      "V. Achievements, best practices, challenges and constraints",
      "VI. Key national priorities, initiatives and commitments",
      "VII. Expectations in terms of capacity-building and requests for technical assistance",
    ]);
    expect(outline.sections.reduce((n, s) => n + s.words, 0)).toBe(NATIONAL_WORD_LIMIT);
    expect(outline.budget.total).toBe(NATIONAL_WORD_LIMIT);
    const impl = outline.sections[2]!;
    expect(impl.subsections.reduce((n, s) => n + s.words, 0)).toBe(impl.words);
  });

  test("supported recommendations cluster by cluster in III, noted ones in IV: each exactly once", () => {
    const impl = outline.sections[2]!;
    expect(impl.subsections.map((s) => `${s.letter}. ${s.title}`)).toEqual([
      "A. A12 Acceptance of international norms",
      "B. F13 Violence against women",
      "C. Voluntary pledges and commitments",
    ]);
    expect(impl.subsections[0]!.blocks[0]).toEqual({ kind: "references", text: "Recommendations 120.1–3 (A/HRC/40/1)" });
    const inIII = impl.subsections.flatMap((s) => s.keys);
    expect(inIII.sort()).toEqual(recs.filter((r) => r.position !== "noted").map((r) => `Utopia|3|${r.id}`).sort());
    const noted = outline.sections[3]!.blocks.filter((b) => b.kind === "references").map((b) => (b as { text: string }).text);
    expect(noted).toEqual(["A12 Acceptance of international norms: recommendations 120.4 (A/HRC/40/1)", "D23 Death penalty: recommendations 120.10–11 (A/HRC/40/1)"]);
  });

  test("working notes carry the status and actions recorded", () => {
    const notes = outline.sections[2]!.subsections[0]!.blocks.find((b) => b.kind === "notes") as { items: string[] };
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
  });

  test("a custom word limit is split the same way", () => {
    const o = buildSkeletonOutline(recs, { wordLimit: 8000 });
    expect(o.sections.reduce((n, s) => n + s.words, 0)).toBe(8000);
  });
});

function tableAfter(blocks: readonly DocxBlock[], heading: string): string[][] {
  const i = blocks.findIndex((b) => b.kind === "p" && b.text === heading);
  const t = blocks.slice(i).find((b) => b.kind === "table");
  return t && t.kind === "table" ? t.rows : [];
}

describe("national-report DOCX of the sample (Kenya, 179 recommendations)", async () => {
  const recs = await sampleRecs();
  const states = currentStates(sampleEvents(recs));
  const bytes = await writeSkeletonDocx(recs, { states });
  const blocks = readDocxBlocks(bytes);

  test("headings: the seven sections, one subsection per cluster with supported recommendations, and the annex", () => {
    expect(headings(blocks, "Heading1")).toEqual([
      "I. Methodology and consultation process",
      "II. Developments since the previous review: normative and institutional framework",
      "III. Implementation of supported recommendations and voluntary pledges",
      "IV. Recommendations that were noted",
      "V. Achievements, best practices, challenges and constraints",
      "VI. Key national priorities, initiatives and commitments",
      "VII. Expectations in terms of capacity-building and requests for technical assistance",
      "Annex",
    ]);
    const h2 = headings(blocks, "Heading2");
    expect(h2[0]).toBe("A. A12 Acceptance of international norms");
    expect(h2).toContain("Matrix of recommendations and their implementation");
    expect(h2.filter((h) => /^[A-Z]+\. /.test(h)).at(-1)).toMatch(/Voluntary pledges and commitments$/);
    expect(headings(blocks, "Title")).toEqual(["National report submitted in accordance with paragraph 5 of the annex to Human Rights Council resolution 16/21"]);
  });

  test("the word budget table adds up to 10,700", () => {
    const rows = tableAfter(blocks, "Word budget");
    expect(rows[0]).toEqual(["Section", "Words"]);
    const words = rows.slice(1, -1).map((r) => Number(r[1]!.replace(/,/g, "")));
    expect(words).toHaveLength(7);
    expect(words.reduce((a, b) => a + b, 0)).toBe(10_700);
    expect(rows.at(-1)).toEqual(["Total (annexes not counted)", "10,700"]);
  });

  test("placeholders are bracketed and highlighted; title-page gaps too", () => {
    const ph = blocks.filter((b) => b.kind === "p" && b.highlighted);
    expect(ph.length).toBeGreaterThan(10);
    expect(ph.every((b) => b.kind === "p" && /^\[.*\]$/.test(b.text))).toBe(true);
    expect(tableAfter(blocks, "United Nations")[0]).toEqual(["Document symbol", "[to be completed]"]);
  });

  test("every recommendation is referenced in the body by paragraph number and document symbol", () => {
    const refs = blocks.filter((b) => b.kind === "p" && /^Recommendations \d|: recommendations \d/.test(b.text)).map((b) => (b as { text: string }).text);
    expect(refs.every((r) => r.endsWith("(A/HRC/29/10)"))).toBe(true);
    const expand = (list: string) =>
      list.split(", ").flatMap((part) => {
        const m = /^(\d+)\.(\d+)(?:–(\d+))?$/.exec(part.trim())!;
        const [from, to] = [Number(m[2]), Number(m[3] ?? m[2])];
        return Array.from({ length: to - from + 1 }, (_, i) => `${m[1]}.${from + i}`);
      });
    const ids = refs.flatMap((r) => expand(r.replace(/^.*[Rr]ecommendations /, "").replace(/ \(A\/HRC\/29\/10\)$/, "")));
    expect(ids.sort()).toEqual(recs.map((r) => r.id).sort());
  });

  test("the annex matrix: OHCHR header, a theme row per cluster, every paragraph id exactly once", () => {
    const rows = tableAfter(blocks, "Matrix of recommendations and their implementation");
    expect(rows[0]).toEqual(["Recommendation", "Position", "Full list of themes", "Assessment/comments on level of implementation"]);
    const body = rows.slice(1);
    const themeRows = body.filter((r) => r.length === 1);
    expect(themeRows.every((r) => r[0]!.startsWith("Theme: "))).toBe(true);
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

describe("mid-term DOCX and other languages", async () => {
  const recs = await sampleRecs();
  const states = currentStates(sampleEvents(recs));

  test("mid-term: four sections, a status table per cluster, budgets adding up to the suggested length", async () => {
    const outline = buildSkeletonOutline(recs, { states, kind: "mid-term" });
    expect(outline.sections.reduce((n, s) => n + s.words, 0)).toBe(4500);
    const blocks = readDocxBlocks(await writeSkeletonDocx(recs, { states, kind: "mid-term" }));
    expect(headings(blocks, "Heading1")).toEqual([
      "I. Introduction and methodology",
      "II. Implementation of supported recommendations",
      "III. Recommendations that were noted",
      "IV. Challenges, next steps and technical assistance needs",
      "Annex",
    ]);
    expect(headings(blocks, "Title")[0]).toBe("Voluntary mid-term report on the implementation of the recommendations received in the 2nd cycle of the Universal Periodic Review");
    const first = tableAfter(blocks, "A. A12 Acceptance of international norms");
    expect(first[0]).toEqual(["Recommendation", "Status", "Measures taken", "Responsible institution", "Challenges and next steps"]);
    const notNoted = recs.filter((r) => r.position !== "noted").length;
    const statusRows = blocks.filter((b): b is Extract<DocxBlock, { kind: "table" }> => b.kind === "table" && b.rows[0]?.[1] === "Status").flatMap((t) => t.rows.slice(1));
    expect(statusRows).toHaveLength(notNoted);
    expect(statusRows.every((r) => r[4] === "[Challenges and next steps]")).toBe(true);
  });

  test("French and Spanish headings and fixed labels", async () => {
    const fr = readDocxBlocks(await writeSkeletonDocx(recs, { states, lang: "fr" }));
    expect(headings(fr, "Heading1").slice(0, 2)).toEqual(["I. Méthodologie et processus de consultation", "II. Évolution depuis l'examen précédent : cadre normatif et institutionnel"]);
    expect(headings(fr, "Title")[0]).toBe("Rapport national présenté conformément au paragraphe 5 de l'annexe à la résolution 16/21 du Conseil des droits de l'homme");
    expect(tableAfter(fr, "Matrice des recommandations et de leur mise en œuvre")[0]![0]).toBe("Recommandation");
    const es = readDocxBlocks(await writeSkeletonDocx(recs, { states, lang: "es", kind: "mid-term" }));
    expect(headings(es, "Heading1")[1]).toBe("II. Aplicación de las recomendaciones apoyadas");
    expect(headings(es, "Heading1").at(-1)).toBe("Anexo");
  });
});
