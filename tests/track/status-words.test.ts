import { describe, expect, test } from "vitest";
import { Status } from "../../src/schema/status.js";
import { normalizeStatus, statusLabel, statusLabels, STATUS_LABELS, wordingToKeep } from "../../src/track/status-words.js";

describe("status words", () => {
  test("every drop-down label, in every language, reads back as its status", () => {
    for (const lang of ["en", "fr", "es"] as const) {
      for (const s of Status.options) expect(normalizeStatus(STATUS_LABELS[lang][s])).toBe(s);
    }
  });

  test.each([
    ["En cours", "in-progress"],
    ["ongoing", "in-progress"],
    ["On-going", "in-progress"],
    ["done", "fully-implemented"],
    ["Implementada", "fully-implemented"],
    ["Implemented", "fully-implemented"],
    ["Completed", "fully-implemented"],
    ["mise en œuvre", "fully-implemented"],
    ["Mises en oeuvre", "fully-implemented"],
    ["Partiellement mise en œuvre", "partially-implemented"],
    ["partiellement mis en oeuvre", "partially-implemented"],
    ["Parcialmente implementadas", "partially-implemented"],
    ["partly implemented", "partially-implemented"],
    ["Non mise en œuvre", "not-started"],
    ["Not implemented", "not-started"],
    ["no iniciado", "not-started"],
    ["Sin iniciar", "not-started"],
    ["N/A", "not-applicable"],
    ["sans objet", "not-applicable"],
    ["No aplica", "not-applicable"],
    ["Noted", "noted-no-action"],
    ["  IN   PROGRESS ", "in-progress"],
    ["2 - In progress", "in-progress"],
    ["(4) Fully implemented", "fully-implemented"],
    ["in-progress", "in-progress"],
    ["fully-implemented", "fully-implemented"],
  ])("%j → %s", (word, status) => {
    expect(normalizeStatus(word)).toBe(status);
  });

  test("'no action' depends on the position: noted → noted-no-action, otherwise not started", () => {
    expect(normalizeStatus("No action", { position: "noted" })).toBe("noted-no-action");
    expect(normalizeStatus("No action", { position: "supported" })).toBe("not-started");
    expect(normalizeStatus("Aucune action", { position: "noted" })).toBe("noted-no-action");
    expect(normalizeStatus("sin acción")).toBe("not-started");
  });

  test("unknown wordings are null, never guessed", () => {
    for (const w of ["kinda", "", "   ", "see annex", "in progres maybe", "50%"]) expect(normalizeStatus(w)).toBeNull();
  });

  test("labels and the wording worth keeping", () => {
    expect(statusLabel("in-progress", "fr")).toBe("En cours");
    expect(statusLabels("es")).toHaveLength(Status.options.length);
    // Drop-down values must not contain commas: the list is written as a comma-separated formula.
    for (const lang of ["en", "fr", "es"] as const) for (const l of statusLabels(lang)) expect(l).not.toContain(",");
    expect(wordingToKeep("En cours", "in-progress")).toBe("En cours");
    expect(wordingToKeep("In progress", "in-progress")).toBeNull();
    expect(wordingToKeep("  ", null)).toBeNull();
    expect(wordingToKeep("kinda", null)).toBe("kinda");
  });
});
