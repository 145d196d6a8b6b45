import { describe, expect, test } from "vitest";
import { readPosition } from "../../src/classify/position.js";

// Every wording seen in the corpus, the fixtures and UN practice, with its normalised value.
const CASES: ReadonlyArray<readonly [string, string]> = [
  ["Supported", "supported"], ["supported", "supported"], ["Accepted", "supported"], ["Accepts", "supported"],
  ["Supported (already implemented)", "supported"], ["Accepted and considered implemented", "supported"],
  ["Voluntary Pledge", "supported"], ["Noted", "noted"], ["noted", "noted"], ["Taken note", "noted"],
  ["Takes note", "noted"], ["Not accepted", "noted"], ["Rejected", "noted"], ["Not supported", "noted"],
  ["Supported/Noted", "partially-supported"], ["- Supported/Noted", "partially-supported"],
  ["Supported in part", "partially-supported"], ["Partially supported", "partially-supported"],
  ["Partially accepted", "partially-supported"], ["supports the first part and notes the rest", "partially-supported"],
  ["Accepted; Noted", "partially-supported"], ["Pending", "pending"], ["Will be examined", "pending"],
  ["Soutenue", "supported"], ["Soutenu", "supported"], ["Acceptée", "supported"], ["Appuyée", "supported"],
  ["Notée", "noted"], ["Prise en note", "noted"], ["Non acceptée", "noted"], ["Soutenue en partie", "partially-supported"],
  ["Partiellement acceptée", "partially-supported"], ["En attente", "pending"],
  ["Apoyada", "supported"], ["Aceptada", "supported"], ["Anotada", "noted"], ["Se toma nota", "noted"],
  ["Tomada nota", "noted"], ["No aceptada", "noted"], ["Apoyada parcialmente", "partially-supported"],
  ["Pendiente", "pending"],
  ["", "unknown"], ["Maybe", "unknown"], ["Unterstützt", "unknown"],
];

describe("readPosition", () => {
  test.each(CASES)("%s → %s", (raw, expected) => {
    expect(readPosition(raw).position).toBe(expected);
  });

  test("evidence quotes the words that decided", () => {
    expect(readPosition("Supported/Noted").evidence).toEqual(["supported", "noted"]);
    expect(readPosition("Gibberish").evidence).toEqual([]);
  });
});
