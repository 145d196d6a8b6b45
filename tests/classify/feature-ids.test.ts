// classify() takes a text's features as ids from token-id tables (feature-ids.ts); training builds
// them as strings (features.ts). Both must give the same features in the same order, else the
// committed weights would be read wrongly: checked here on hand-made texts (the corpus version is in
// tests/corpus/feature-ids.test.ts).
import { describe, expect, test } from "vitest";
import { featureTables, textFeatureIds } from "../../src/classify/feature-ids.js";
import { analyzeText } from "../../src/classify/features.js";
import { defaultModels, sharedIndex } from "../../src/classify/models.js";
import { PairMap } from "../../src/classify/pair-map.js";
import { expectSameFeatures } from "./same-features.js";

const TEXTS = [
  "Ratify the Optional Protocol to the Convention against Torture (France);",
  "117.4 Continue and strengthen efforts to combat trafficking in persons, in particular women and children (Chile) (Peru);",
  "Further and actively consider abolishing the death penalty, the death penalty and the death penalty",
  "That the Government should urgently adopt the 2015 law on the the of the and",
  "Ratifier la Convention internationale sur la protection des droits de tous les travailleurs migrants",
  "Adoptar medidas para garantizar la igualdad de género y eliminar la violencia contra la mujer",
  "Zzqx wwvv zzqx wwvv ratify zzqx",
  "a",
  "",
  "Develop a national plan of action, including by amending the Penal Code, and ratify ILO Convention No. 189",
];

describe("textFeatureIds", () => {
  const index = sharedIndex(defaultModels());

  test.each(TEXTS)("the string features, in order: %s", (text) => expectSameFeatures(index, text));

  test("each feature once, unknown words counted but not kept", () => {
    const ids = new Map(["^v:ratify", "^ratify", "ratify", "convention", "ratify the", "the convention"].map((n, i) => [n, i]));
    const names = [...ids.keys()];
    const tables = featureTables(ids);
    const small = { ids, names, tables };
    for (const text of ["Ratify the convention, ratify the convention", "Ratify the zzz convention zzz", "Qqq ratify the convention"]) expectSameFeatures(small, text);
    const got = textFeatureIds(tables, analyzeText("Ratify the zzz convention zzz").tokens);
    // ratify, zzz, convention, and the bigrams "ratify the", "the zzz", "zzz convention", "convention zzz".
    expect(got.plain).toBe(7);
    expect(got.ids.map((id) => names[id])).toEqual(["^ratify", "^v:ratify", "ratify", "ratify the", "convention"]);
  });

  test("a huge text of unknown words, then an ordinary one", () => {
    const huge = Array.from({ length: 30_000 }, (_, i) => `w${i.toString(36)}x`).join(" ");
    expectSameFeatures(index, huge);
    expectSameFeatures(index, TEXTS[1]!);
  });
});

describe("PairMap", () => {
  test("holds what a Map holds, through growth and clear", () => {
    const map = new PairMap(4);
    const ref = new Map<string, number>();
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) % 5000;
    for (let i = 0; i < 20_000; i++) {
      const [x, y] = [next(), next()];
      const added = map.add(x, y, i);
      expect(added).toBe(!ref.has(`${x},${y}`));
      if (added) ref.set(`${x},${y}`, i);
    }
    expect(map.size).toBe(ref.size);
    for (const [k, v] of ref) {
      const [x, y] = k.split(",").map(Number);
      expect(map.get(x!, y!)).toBe(v);
    }
    expect(map.get(5001, 3)).toBe(-1);
    map.clear();
    expect(map.size).toBe(0);
    expect(map.get(...(ref.keys().next().value!.split(",").map(Number) as [number, number]))).toBe(-1);
  });
});
