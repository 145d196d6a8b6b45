// The check shared by tests/classify/feature-ids.test.ts and its corpus version.
import { expect } from "vitest";
import { verbWords } from "../../src/classify/action-features.js";
import { parseAction } from "../../src/classify/action-rules.js";
import { textFeatureIds, verbWordIds, verbWordIdsAt } from "../../src/classify/feature-ids.js";
import { analyzeText } from "../../src/classify/features.js";
import type { SharedIndex } from "../../src/classify/models.js";

/** textFeatureIds and verbWordIds against the string features of the same text. */
export function expectSameFeatures(index: Pick<SharedIndex, "ids" | "names" | "tables">, text: string): void {
  const a = analyzeText(text);
  const got = textFeatureIds(index.tables, a.tokens);
  const known = a.features.filter((f) => index.ids.has(f));
  expect(got.ids.map((id) => index.names[id]), text).toEqual(known);
  expect(got.leads, text).toBe(known.filter((f) => f.startsWith("^")).length);
  expect(got.plain, text).toBe(a.features.filter((f) => !f.startsWith("^")).length);
  expect(got.unigrams, text).toBe(a.features.filter((f) => !f.startsWith("^") && !f.includes(" ")).length);
  const parse = parseAction(a);
  const vw = verbWords(parse);
  if (!vw) return;
  const expected = [...vw.words].map((w) => index.ids.get(`v>${vw.verb}:${w}`) ?? -1);
  expect(verbWordIds(index.tables, vw.verb, vw.words), text).toEqual(expected);
  if (parse.tokens === a.tokens) expect(verbWordIdsAt(index.tables, got, parse.at), text).toEqual(expected);
}

