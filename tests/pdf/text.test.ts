import { describe, expect, test } from "vitest";
import { bodyLines, joinLines, Vocabulary } from "../../src/pdf/body.js";
import { linesOfPage, linesOfParagraphs, linesOfText, type PdfTextItem } from "../../src/pdf/lines.js";
import { readMasthead, readOrdinal } from "../../src/pdf/masthead.js";

const item = (str: string, x: number, y: number, height = 10, width = str.length * 4.5): PdfTextItem => ({ str, x, y, width, height });

describe("linesOfPage: positioned text items into lines", () => {
  test("items on one baseline join left to right; a space where the gap is wide or a space item lies between", () => {
    const lines = linesOfPage([item("Sloven", 113, 494, 14, 40), item("ia", 153, 494, 14, 10), item("115.1", 142, 470, 10, 22), item(" ", 164, 470, 0, 2), item("Ratify", 166, 470), item("OP-CAT", 200, 470)], 13, 842);
    expect(lines.map((l) => [l.text, l.line, l.size])).toEqual([["Slovenia", 1, 14], ["115.1 Ratify OP-CAT", 2, 10]]);
    expect(lines[1]).toMatchObject({ page: 13, x: 142, y: 470, pageHeight: 842 });
  });

  test("a raised, smaller footnote mark is dropped; another superscript is kept glued; a footnote line stays a line", () => {
    const lines = linesOfPage([
      item("recommendations", 113, 633, 10, 80), item("1", 194, 637, 6, 3),
      item("the 2", 113, 600, 10, 20), item("nd", 134, 604, 6, 6), item("cycle", 144, 600, 10, 20),
      item("1", 105, 132, 6, 3), item("The serial numbers follow paragraph 115.", 113, 128, 9),
    ], 2);
    expect(lines.map((l) => l.text)).toEqual(["recommendations", "the 2nd cycle", "The serial numbers follow paragraph 115."]);
  });

  test("text files: pages split by form feeds, lines numbered per page; Word paragraphs are whole lines", () => {
    expect(linesOfText("A/HRC/28/15\n\n115.1 Ratify (Chile);\f16\n115.2 Abolish (France).").map((l) => [l.page, l.line, l.text])).toEqual([
      [1, 1, "A/HRC/28/15"], [1, 3, "115.1 Ratify (Chile);"], [2, 1, "16"], [2, 2, "115.2 Abolish (France)."],
    ]);
    expect(linesOfText("a\nb").map((l) => [l.page, l.line])).toEqual([[undefined, 1], [undefined, 2]]);
    expect(linesOfParagraphs(["II.\tConclusions", "", "115.1\u00a0Ratify"])).toEqual([{ text: "II. Conclusions", line: 1, whole: true }, { text: "115.1 Ratify", line: 3, whole: true }]);
  });
});

describe("bodyLines and joinLines: the running text", () => {
  test("running headers, page numbers, job numbers and footnotes (smaller type at a page's foot) are dropped", () => {
    const page = (p: number, ...texts: [string, number][]) => texts.map(([text, size], i) => ({ text, page: p, line: i + 1, size }));
    const lines = [
      ...page(13, ["A/HRC/28/15", 9], ["115.12 Ratify the Convention on Migrant Workers and Members of", 10], ["their Families (Egypt);", 10], ["** Conclusions and recommendations have not been edited.", 9], ["13", 9]),
      ...page(14, ["A/HRC/28/15", 9], ["115.13 Continue its efforts to ratify ICRMW (Indonesia);", 10], ["GE.14-23930", 9]),
    ];
    expect(bodyLines(lines).map((l) => l.text)).toEqual(["115.12 Ratify the Convention on Migrant Workers and Members of", "their Families (Egypt);", "115.13 Continue its efforts to ratify ICRMW (Indonesia);"]);
    // A text export: no sizes, a footnote at the page's end starts with its mark.
    const text = linesOfText("A/HRC/43/90\n121.3 Poursuivre ses efforts (Maroc) ;\n** Les conclusions et recommandations n'ont pas été revues.\n4\f");
    expect(bodyLines(text).map((l) => l.text)).toEqual(["121.3 Poursuivre ses efforts (Maroc) ;"]);
  });

  test("line-end hyphens: a compound keeps its hyphen, a word the document writes whole loses it; ranges and capitals join", () => {
    const v = new Vocabulary(["the international community", "same-sex couples"]);
    expect(joinLines(["ratify the inter-", "national convention"], v)).toBe("ratify the international convention");
    expect(joinLines(["equality for same-", "sex couples"], v)).toBe("equality for same-sex couples");
    expect(joinLines(["a non-", "discrimination law"], v)).toBe("a non-discrimination law");
    expect(joinLines(["its Inter-", "Ministerial Working Group"], v)).toBe("its Inter-Ministerial Working Group");
    expect(joinLines(["accepts the recommendations 1–5, 14–", "16, 20–23"], v)).toBe("accepts the recommendations 1–5, 14–16, 20–23");
    expect(joinLines(["the interactive dialogue/", "listed below"], v)).toBe("the interactive dialogue/listed below");
  });
});

describe("the masthead", () => {
  test("ordinals in words and digits, English, French and Spanish", () => {
    expect(["twentieth", "forty-eighth", "trente-quatrième", "quarante et unième", "soixante-dixième", "vigésimo primer", "tercer", "49º", "34th", "7e"].map(readOrdinal)).toEqual([20, 48, 34, 41, 70, 21, 3, 49, 34, 7]);
    expect(readOrdinal("next")).toBeNull();
  });

  test("symbol, State and sessions; an addendum's '.../A' text layer is read as Add.1", () => {
    const page1 = ["United Nations A/HRC/14/15/A", "Human Rights Council", "Report of the Working Group on the Universal Periodic", "Review*", "Slovenia", "Addendum"].map((text, i) => ({ text, page: 1, line: i + 1 }));
    const intro = [{ text: "1. The Working Group on the Universal Periodic Review held its seventh session from 8 to 19 February 2010.", page: 3, line: 4 }];
    expect(readMasthead([...page1, ...intro])).toMatchObject({ symbol: "A/HRC/14/15/Add.1", symbolRepaired: true, kind: "addendum", language: "en", stateUnderReview: "Slovenia", hrcSession: 14, session: 7 });
    const es = ["Naciones Unidas A/HRC/60/8", "Informe del Grupo de Trabajo sobre el Examen", "Periódico Universal*", "España"].map((text, i) => ({ text, page: 1, line: i + 1 }));
    expect(readMasthead([...es, { text: "1. El Grupo de Trabajo ... celebró su 49º período de sesiones del 28 de abril al 9 de mayo de 2025.", page: 3, line: 2 }])).toMatchObject({ symbol: "A/HRC/60/8", kind: "report", language: "es", stateUnderReview: "Spain", session: 49 });
  });
});
