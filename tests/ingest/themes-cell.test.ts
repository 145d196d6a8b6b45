import { describe, expect, test } from "vitest";
import { readThemeHeader, readThemesCell } from "../../src/ingest/themes-cell.js";

describe("Full list of themes", () => {
  test("G1: coded themes then affected persons", () => {
    const r = readThemesCell("A12 Acceptance of international norms\nD23 Death penalty\nAffected persons:\n- general\n- women");
    expect(r.themes.map((t) => t.code)).toEqual(["A12", "D23"]);
    expect(r.persons.map((p) => p.name.toLowerCase())).toEqual(["general", "women"]);
    expect(r.unknownThemes).toEqual([]);
  });

  test("G2: labels, SDGs and persons", () => {
    const r = readThemesCell("- Acceptance of international norms\n- Enforced disappearances\nSDGs:\n- 16 - PEACE, JUSTICE AND STRONG INSTITUTIONS\nAffected persons:\n- Disappeared persons");
    expect(r.themes.map((t) => t.name)).toEqual(["Acceptance of international norms", "Enforced disappearances"]);
    expect(r.themes[0]!.code).toBe("A12");
    expect(r.sdgs.map((s) => s.goal)).toEqual([16]);
    expect(r.persons.map((p) => p.name)).toEqual(["Disappeared persons"]);
  });

  test("China 2018: SDG codes in the themes list go to sdgs", () => {
    const r = readThemesCell("A12 Acceptance of international norms\nS16 SDG 16 - peace, justice and strong institutions\nS04 SDG 4 \u00a0- education");
    expect(r.themes.map((t) => t.code)).toEqual(["A12"]);
    expect(r.sdgs.map((s) => s.goal)).toEqual([16, 4]);
  });

  test("Egypt 2014: numbered themes run together, persons run together", () => {
    const r = readThemesCell("5.1. Constitutional & legislative framework14.4. Right to peaceful assembly\nAffected persons:\n- general- judiciary");
    expect(r.themes.map((t) => t.code)).toEqual(["5.1", "14.4"]);
    expect(r.persons.map((p) => p.name.toLowerCase())).toEqual(["general", "judiciary"]);
  });

  test("French and Spanish section labels", () => {
    expect(readThemesCell("A12 Acceptation des normes internationales\nPersonnes concernées :\n- femmes").persons).toHaveLength(1);
    expect(readThemesCell("A12 Aceptación de las normas internacionales\nPersonas afectadas:\n- mujeres").persons).toHaveLength(1);
  });
});

describe("theme header rows", () => {
  test.each([
    ["Theme: A12 Acceptance of international norms", "A12", "Acceptance of international norms"],
    ["Theme: Ratification of & accession to international instruments", "A12", "Ratification of & accession to international instruments"],
    ["Right or area: 2.1. Acceptance of international norms", "2.1", "Acceptance of international norms"],
    ["Thème : D23 Peine de mort", "D23", "Peine de mort"],
    ["Tema: D23 Pena de muerte", "D23", "Pena de muerte"],
  ])("%s", (text, code, name) => {
    expect(readThemeHeader(text)).toEqual({ code, name });
  });

  test("not a theme row", () => {
    expect(readThemeHeader("117.1 Ratify the Convention")).toBeNull();
  });
});
