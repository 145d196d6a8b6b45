// fold() takes a shortcut for ASCII text (nearly every recommendation): it must give what the full
// Unicode path gives. The reference below is that path, written out.
import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { fold } from "../../src/internal/text.js";

function unicodeFold(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/œ/g, "oe")
    .replace(/æ/g, "ae")
    .replace(/&/g, " and ")
    .replace(/[’‘`´]/g, "'")
    .replace(/[^\p{L}\p{N}']+/gu, " ")
    .trim();
}

describe("fold", () => {
  test("the ASCII shortcut equals the Unicode path on any ASCII text", () => {
    const ascii = fc.string({ unit: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)), maxLength: 60 });
    fc.assert(fc.property(ascii, (s) => fold(s) === unicodeFold(s)), { numRuns: 5000, seed: 20261129 });
  });

  test("examples: case, ampersand, backtick, punctuation runs", () => {
    expect(fold("Women & Girls")).toBe("women and girls");
    expect(fold("`Quoted`  -- (OP-CAT);")).toBe("'quoted' op cat");
    expect(fold("Côte d’Ivoire & Œuvre")).toBe("cote d'ivoire and oeuvre");
  });
});
