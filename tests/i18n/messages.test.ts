// Every enum value has a label in each language, labels are distinct within a list, and the wordings
// written into files read back (positions through readPosition, statuses through normalizeStatus).
import { describe, expect, test } from "vitest";
import { allMessages, BASIS_IDS, CLUSTER_IDS, messagesFor } from "../../src/i18n/index.js";
import { Position } from "../../src/schema/recommendation.js";
import { Language } from "../../src/schema/source.js";
import { Status } from "../../src/schema/status.js";
import { TRACK_COLUMNS, COLUMN_LABELS, matchTrackHeader } from "../../src/track/workbook.js";
import { normalizeStatus, STATUS_LABELS } from "../../src/track/status-words.js";
import { readPosition } from "../../src/classify/position.js";
import { STATUS_KEYS, POSITION_KEYS } from "../../src/report/order.js";

const SECTION_IDS = Object.keys(messagesFor("en").skeleton.sections);

describe.each(Language.options)("labels in %s", (lang) => {
  const m = messagesFor(lang);

  test("every position, status, workbook column, cluster, basis and section has a non-empty label", () => {
    const lists: [string, readonly string[], Record<string, string>][] = [
      ["position", Position.options, m.position],
      ["status", [...Status.options, "untracked"], m.status],
      ["column", TRACK_COLUMNS, m.trackColumns],
      ["cluster", CLUSTER_IDS, m.clusters],
      ["basis", BASIS_IDS, m.skeleton.basis],
      ["section", SECTION_IDS, m.skeleton.sections],
      ["prompt", SECTION_IDS, m.skeleton.prompts],
    ];
    for (const [what, keys, labels] of lists) {
      for (const k of keys) expect(labels[k]?.trim(), `${lang} ${what} ${k}`).toBeTruthy();
      expect(Object.keys(labels).sort(), `${lang} ${what}: no extra keys`).toEqual([...keys].sort());
      expect(new Set(keys.map((k) => labels[k])).size, `${lang} ${what}: labels are distinct`).toBe(keys.length);
    }
    expect(STATUS_KEYS).toHaveLength(Status.options.length + 1);
    expect([...POSITION_KEYS].sort()).toEqual([...Position.options].sort());
  });

  test("the report's position labels read back as the same position", () => {
    for (const p of Position.options.filter((p) => p !== "unknown")) expect(readPosition(m.position[p]).position, m.position[p]).toBe(p);
  });

  test("status labels read back, and the tracking workbook uses the same ones", () => {
    for (const s of Status.options) {
      expect(normalizeStatus(m.status[s]), m.status[s]).toBe(s);
      expect(STATUS_LABELS[lang][s]).toBe(m.status[s]);
    }
  });

  test("workbook column headers read back in any language", () => {
    for (const c of TRACK_COLUMNS) {
      expect(COLUMN_LABELS[lang][c]).toBe(m.trackColumns[c]);
      expect(matchTrackHeader(m.trackColumns[c])).toBe(c);
    }
  });

  test("French text uses no-break spaces before colons and semicolons", () => {
    if (lang !== "fr") return;
    const strings: string[] = [];
    const walk = (v: unknown) => {
      if (typeof v === "string") strings.push(v);
      else if (typeof v === "function") strings.push(String((v as (...a: unknown[]) => unknown)("X", "Y", 1, 2, 3)));
      else if (v && typeof v === "object") Object.values(v).forEach(walk);
    };
    walk(m);
    for (const s of strings) expect(s, s).not.toMatch(/ [:;]/);
  });
});

test("one source: the report and the workbook say the same thing for a position", () => {
  for (const m of Object.values(allMessages())) expect(m.position["partially-supported"]).not.toBe("");
  expect(messagesFor("fr").position["partially-supported"]).toBe("Acceptée en partie");
});
