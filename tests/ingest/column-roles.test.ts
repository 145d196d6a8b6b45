import { describe, expect, test } from "vitest";
import { parseCsv } from "../../src/ingest/csv.js";
import { readIdCode } from "../../src/ingest/cell.js";

const csv = (rows: string[][], d = ";") => new TextEncoder().encode(`\ufeff${rows.map((r) => r.join(d)).join("\r\n")}\r\n`);

describe("UPR Info's own export (SuR;Rgrp;Org;Recommendation;RS;Rgrp;Org;...)", () => {
  const rows = [
    ["SuR", "Rgrp", "Org", "Recommendation", "RS", "Rgrp", "Org", "Response", "Action", "Issue", "Session"],
    ["Andorra", "WEOG", "OIF", "Ratify the Convention on Cybercrime", "Georgia", "EEG", "", "Supported", "5", "International instruments", "22"],
    ["Andorra", "WEOG", "OIF", "Continue to strengthen its social plans", "Venezuela", "GRULAC", "OAS, OEI, ACS", "Supported", "2", "Development,Right to food", "22"],
    ["Kenya", "Africa", "AU, Commonwealth", "Abolish the death penalty", "France", "WEOG", "EU, OIF", "Noted", "5", "Death penalty", "22"],
  ];
  test("RS is the recommending State; each Rgrp/Org kept under the State it follows; a note says so", () => {
    const r = parseCsv(csv(rows), { file: "export.csv" });
    expect(r.sources[0]!.layout).toBe("upr-info");
    expect(r.recommendations.map((x) => [x.stateUnderReview, x.recommendingStates, x.position, x.session, x.cycle])).toEqual([
      ["Andorra", ["Georgia"], "supported", 22, 2],
      ["Andorra", ["Venezuela (Bolivarian Republic of)"], "supported", 22, 2],
      ["Kenya", ["France"], "noted", 22, 2],
    ]);
    expect(r.recommendations[2]!.extra).toEqual([
      { column: "SuR-Rgrp", value: "Africa" }, { column: "SuR-Org", value: "AU, Commonwealth" },
      { column: "RS-Rgrp", value: "WEOG" }, { column: "RS-Org", value: "EU, OIF" },
    ]);
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toEqual([["column-roles", "info"]]);
  });
});

describe("national trackers", () => {
  test("recommendation codes: prefixes and part suffixes", () => {
    expect(readIdCode("R144.44P1")).toEqual({ paragraphId: "144.44", part: "1", prefix: "R" });
    expect(readIdCode("REC-144.44")).toEqual({ paragraphId: "144.44", part: null, prefix: "REC-" });
    expect(readIdCode("144.44 (b)")).toEqual({ paragraphId: "144.44", part: "b", prefix: "" });
    expect(readIdCode("144.44 partie 2")).toEqual({ paragraphId: "144.44", part: "2", prefix: "" });
    expect(readIdCode("60.1.5")).toEqual({ paragraphId: "60.1.5", part: null, prefix: "" });
    for (const no of ["18", "A12", "Theme 3", "2019-2020"]) expect(readIdCode(no), no).toBeNull();
  });

  test("a 'Pays' column that changes from row to row is the recommending State; codes are ids; parts are recommendations of their own", () => {
    const r = parseCsv(csv([
      ["Code", "Recommandation", "Pays", "Réponse"],
      ["R144.1", "Ratifier la Convention", "France", "Acceptée"],
      ["R144.2P1", "Adopter le code de l’enfant", "Mali", "Acceptée"],
      ["R144.2P2", "Abolir les châtiments corporels", "Mali", "Notée"],
      ["R144.3", "Renforcer la Commission nationale", "Maroc", "Acceptée"],
    ]), { file: "suivi.csv", stateUnderReview: "Sénégal" });
    expect(r.recommendations.map((x) => [x.id, x.paragraphId, x.recommendingStates, x.stateUnderReview, x.position])).toEqual([
      ["144.1", "144.1", ["France"], "Sénégal", "supported"],
      ["144.2-P1", "144.2", ["Mali"], "Sénégal", "supported"],
      ["144.2-P2", "144.2", ["Mali"], "Sénégal", "noted"],
      ["144.3", "144.3", ["Morocco"], "Sénégal", "supported"],
    ]);
    expect(r.recommendations[1]!.extra).toEqual([{ column: "Code", value: "R144.2P1" }]);
    const notes = r.diagnostics.filter((d) => d.code === "column-roles").map((d) => d.message);
    expect(notes).toHaveLength(2);
    expect(notes[0]).toMatch(/"Pays" names 3 different States .*read as the recommending State/);
    expect(notes[1]).toMatch(/"Code" holds recommendation codes .*read as the paragraph id/);
    expect(r.diagnostics.filter((d) => d.severity !== "info")).toEqual([]);
  });

  test("a 'Pays' column naming one State is the State under review; explicit columns are never second-guessed", () => {
    const rows = [["N°", "Recommandation", "Pays"], ["1", "Ratifier la Convention (France)", "Sénégal"], ["2", "Abolir la peine de mort (Mali)", "Sénégal"]];
    const r = parseCsv(csv(rows), { file: "a.csv" });
    expect(r.recommendations.map((x) => x.stateUnderReview)).toEqual(["Senegal", "Senegal"]);
    expect(r.diagnostics.filter((d) => d.code === "column-roles")).toEqual([]);
    const given = parseCsv(csv([["Code", "Recommandation", "Pays"], ["R1.1", "Ratifier", "France"], ["R1.2", "Abolir", "Mali"]]), { file: "b.csv", columns: { text: "B", stateUnderReview: "Pays" } });
    expect(given.recommendations.map((x) => x.stateUnderReview)).toEqual(["France", "Mali"]);
    expect(given.diagnostics.filter((d) => d.code === "column-roles")).toEqual([]);
  });
});
