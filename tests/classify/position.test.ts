import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { readPosition } from "../../src/classify/position.js";

const FIXTURES = fileURLToPath(new URL("../../fixtures/", import.meta.url));

// Every position wording the fixtures carry, with the value their expected.json promises.
const fromFixtures: [string, string, string][] = [];
if (existsSync(FIXTURES)) {
  for (const f of readdirSync(FIXTURES).filter((f) => f.endsWith(".expected.json")).sort()) {
    const wordings = (JSON.parse(readFileSync(join(FIXTURES, f), "utf8")) as { positionWordings?: Record<string, string> }).positionWordings ?? {};
    for (const [raw, want] of Object.entries(wordings)) fromFixtures.push([f, raw, want]);
  }
}

describe("readPosition on every fixture wording", () => {
  test("the fixtures carry wordings in English, French and Spanish", () => {
    expect(fromFixtures.length).toBeGreaterThanOrEqual(15);
    const raws = fromFixtures.map(([, r]) => r);
    for (const w of ["Supported", "Noted", "Soutenue", "Notée", "Apoyada", "Se toma nota"]) expect(raws).toContain(w);
  });
  test.each(fromFixtures)("%s: %s → %s", (_file, raw, want) => {
    expect(readPosition(raw).position).toBe(want);
  });
});

// Addendum and report wordings beyond the matrices (DOMAIN-DETAIL §2.6, UPR Info's response manual).
const MORE: ReadonlyArray<readonly [string, string]> = [
  ["enjoy the support of Slovenia", "supported"],
  ["did not enjoy the support of Slovenia and were noted", "noted"],
  ["does not enjoy the support", "noted"],
  ["is not in a position to accept", "noted"],
  ["Accepted in part", "partially-supported"],
  ["supports the first part and notes the rest", "partially-supported"],
  ["Soutenue partiellement", "partially-supported"],
  ["Aceptada parcialmente", "partially-supported"],
  ["Cuentan con el apoyo de Bolivia", "supported"],
  ["No cuenta con el apoyo", "noted"],
  ["ont recueilli l'adhésion du Sénégal", "supported"],
  ["n'ont pas recueilli l'appui", "noted"],
  ["Rechazada", "noted"],
  ["Prend note", "noted"],
  ["Recomendación anotada", "noted"],
  ["Takes note", "noted"],
  ["Accepted and already implemented", "supported"],
];

describe("readPosition on addendum and report wordings", () => {
  test.each(MORE)("%s → %s", (raw, want) => {
    expect(readPosition(raw).position).toBe(want);
  });
  test("unknown wording stays unknown with no evidence", () => {
    expect(readPosition("Unterstützt")).toEqual({ position: "unknown", evidence: [] });
  });
});
