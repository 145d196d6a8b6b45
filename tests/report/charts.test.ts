import { SaxesParser } from "saxes";
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { stackedBarChart, type StackedBarSpec } from "../../src/report/charts.js";

interface El {
  name: string;
  attributes: Record<string, string>;
  text: string;
}

/** Parse an SVG string (throws when it is not well-formed XML) into its elements. */
function elements(svg: string): El[] {
  const out: El[] = [];
  const stack: El[] = [];
  const p = new SaxesParser();
  p.on("opentag", (t) => {
    const el = { name: t.name, attributes: t.attributes as Record<string, string>, text: "" };
    out.push(el);
    stack.push(el);
  });
  p.on("text", (x) => {
    const top = stack[stack.length - 1];
    if (top) top.text += x;
  });
  p.on("closetag", () => stack.pop());
  p.write(svg).close();
  return out;
}

const spec: StackedBarSpec = {
  id: "c1",
  title: "Position by cluster",
  series: [
    { key: "supported", label: "Supported", color: "#0072B2" },
    { key: "noted", label: "Noted", color: "#E69F00" },
  ],
  rows: [
    { label: "A12 Acceptance of international norms", values: [12, 3] },
    { label: "D23 Death penalty", values: [0, 6] },
    { label: "F13 Violence against women", values: [30, 0] },
  ],
};

describe("stackedBarChart", () => {
  const svg = stackedBarChart(spec);
  const els = elements(svg);
  const segments = els.filter((e) => e.name === "rect" && e.attributes.class === "segment");

  test("is well-formed SVG with a title for assistive technology", () => {
    expect(els[0]!.name).toBe("svg");
    expect(els[0]!.attributes.xmlns).toBe("http://www.w3.org/2000/svg");
    expect(els[0]!.attributes.role).toBe("img");
    expect(els.find((e) => e.attributes.id === "c1-title")?.text).toBe("Position by cluster");
  });

  test("one segment per non-zero value, widths proportional to the values", () => {
    expect(segments.map((s) => [s.attributes["data-series"], s.attributes["data-value"]])).toEqual([
      ["supported", "12"],
      ["noted", "3"],
      ["noted", "6"],
      ["supported", "30"],
    ]);
    const w = segments.map((s) => Number(s.attributes.width));
    expect(w[0]! / w[3]!).toBeCloseTo(12 / 30, 2);
    expect(w[1]! / w[2]!).toBeCloseTo(3 / 6, 2);
    // Segments of one bar are contiguous.
    expect(Number(segments[1]!.attributes.x)).toBeCloseTo(Number(segments[0]!.attributes.x) + w[0]!, 1);
  });

  test("shows totals and a legend entry per series", () => {
    expect(els.filter((e) => e.attributes.class === "total").map((e) => e.text)).toEqual(["15", "6", "30"]);
    expect(els.filter((e) => e.name === "g" && e.attributes.class === "legend-item")).toHaveLength(2);
  });

  test("escapes labels and truncates long ones, keeping the full label as a tooltip", () => {
    const long = "X".repeat(200);
    const out = stackedBarChart({ ...spec, rows: [{ label: `<script>alert(1)</script> & ${long}`, values: [1, 1] }] });
    expect(out).not.toContain("<script>");
    const texts = elements(out).filter((e) => e.name === "text" && e.attributes["text-anchor"] === "end");
    expect(texts[0]!.text.endsWith("…")).toBe(true);
    expect(out).toContain(`&lt;script&gt;alert(1)&lt;/script&gt; &amp; ${long}`);
  });

  test("ignores negative, NaN and infinite values; says so when there are no rows", () => {
    const out = elements(stackedBarChart({ ...spec, rows: [{ label: "bad", values: [-3, Number.NaN] }, { label: "inf", values: [Infinity, 2] }] }));
    expect(out.filter((e) => e.attributes.class === "segment").map((e) => e.attributes["data-value"])).toEqual(["2"]);
    const empty = stackedBarChart({ ...spec, rows: [], emptyText: "None" });
    expect(elements(empty).some((e) => e.name === "text" && e.text === "None")).toBe(true);
  });

  test("deterministic: the same spec gives the same bytes", () => {
    expect(stackedBarChart(spec)).toBe(svg);
  });

  test("property: any non-negative data gives well-formed SVG whose bars fit the width", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.string({ maxLength: 40 }), fc.array(fc.nat(500), { minLength: 3, maxLength: 3 })), { maxLength: 30 }),
        fc.integer({ min: 200, max: 1400 }),
        (rows, width) => {
          const out = stackedBarChart({
            id: "p",
            title: "t",
            width,
            series: ["a", "b", "c"].map((k) => ({ key: k, label: k, color: "#123456" })),
            rows: rows.map(([label, values]) => ({ label, values })),
          });
          const parsed = elements(out);
          const w = Number(parsed[0]!.attributes.width);
          for (const s of parsed.filter((e) => e.attributes.class === "segment")) {
            expect(Number(s.attributes.x) + Number(s.attributes.width)).toBeLessThanOrEqual(w + 0.5);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
