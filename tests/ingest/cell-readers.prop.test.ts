import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { readRecommendationCell } from "../../src/ingest/cell.js";
import { textCell } from "../../src/ingest/cell-readers.js";
import { cleanCell } from "../../src/internal/text.js";

const runs = Number(process.env.PROP_RUNS ?? 300);

// textCell skips readRecommendationCell's id and source-line reading on one-line cells: it must read
// every cleaned cell the same.
describe("textCell", () => {
  test("reads a cleaned cell as readRecommendationCell does", () => {
    const piece = fc.constantFrom(
      "Ratify", "Strengthen", "further", "Source of position: A/HRC/34/10/Add.1 - Para. 3", "source de la position", "Fuente de la posición:",
      "sourced", "117.1 ", "186.28.", "(France)", "(Venezuela (Bolivarian Republic of))", "(CEDAW)", " - Chile", "; ", " and ", "Peru", "\n", " ", "(", ")", "s", "F", "\u00a0", "é",
    );
    const cell = fc.string({ unit: piece, maxLength: 8 }).map(cleanCell);
    fc.assert(
      fc.property(cell, fc.boolean(), (c, tail) => {
        expect(textCell(c, tail)).toEqual(readRecommendationCell(c, tail));
      }),
      { numRuns: runs * 5 },
    );
  });
});
