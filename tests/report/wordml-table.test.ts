import { SaxesParser } from "saxes";
import { describe, expect, test } from "vitest";
import { wordTableXml, xmlText } from "../../src/report/wordml-table.js";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

describe("wordTableXml", () => {
  const xml = wordTableXml({
    widths: [4000, 1000, 2000],
    rows: [
      { header: true, cells: [{ text: "Recommendation", bold: true, fill: "D9E1F2" }, { text: "Position" }, { text: "Themes" }] },
      { keep: true, cells: [{ text: "Theme: A12 <Acceptance> & more", span: 3, bold: true }] },
      { cells: [{ text: "120.1 Ratify\nSource of position: A/HRC/40/1/Add.1", size: 18 }, { text: "Supported" }, { text: "Status", placeholder: true }] },
    ],
  });

  test("is well-formed XML once namespaced", () => {
    expect(() => new SaxesParser({ xmlns: true }).write(xml.replace("<w:tbl>", `<w:tbl ${W}>`)).close()).not.toThrow();
  });

  test("grid, spans, header and keep-together rows, shading", () => {
    expect(xml).toContain('<w:tblGrid><w:gridCol w:w="4000"/><w:gridCol w:w="1000"/><w:gridCol w:w="2000"/></w:tblGrid>');
    expect(xml).toContain('<w:tcW w:w="7000" w:type="dxa"/><w:gridSpan w:val="3"/>');
    expect(xml).toContain("<w:trPr><w:tblHeader/></w:trPr>");
    expect(xml).toContain("<w:trPr><w:cantSplit/></w:trPr>");
    expect(xml).toContain('<w:shd w:val="clear" w:color="auto" w:fill="D9E1F2"/>');
  });

  test("lines become line breaks inside one paragraph; placeholders are bracketed and highlighted", () => {
    expect(xml).toContain('<w:t xml:space="preserve">120.1 Ratify</w:t><w:br/><w:t xml:space="preserve">Source of position: A/HRC/40/1/Add.1</w:t>');
    expect(xml).toContain('<w:rPr><w:highlight w:val="yellow"/></w:rPr><w:t xml:space="preserve">[Status]</w:t>');
    expect(xml).toContain("Theme: A12 &lt;Acceptance&gt; &amp; more");
  });

  test("xmlText drops characters XML 1.0 cannot hold, keeps the rest", () => {
    expect(xmlText("a\u0001b\u000Bc\tç😀\uD800")).toBe("abc\tç😀");
  });
});
