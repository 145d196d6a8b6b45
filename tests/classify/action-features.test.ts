import { describe, expect, test } from "vitest";
import { actionFeatures } from "../../src/classify/action-features.js";
import { actionCategoryByRules, parseAction } from "../../src/classify/action-rules.js";
import { actionInput } from "../../src/classify/inputs.js";
import { analyzeText, textVector } from "../../src/classify/features.js";

describe("parseAction", () => {
  test("gives the rules' decision and where the deciding verb stands", () => {
    const p = parseAction("Continue and strengthen efforts to combat trafficking");
    expect(p.result).toEqual(actionCategoryByRules("Continue and strengthen efforts to combat trafficking"));
    expect(p.tokens[p.start]).toBe("continue");
    expect(p.tokens[p.at]).toBe("strengthen");
    expect(p.verbLevel).toBe(4);
    expect(parseAction("Adopt all necessary measures").adjust).toBe("soften");
    expect(parseAction("Improve women's rights by amending the family code").adjust).toBe("means5");
  });
  test("no known verb: no decision, no verb", () => {
    const p = parseAction("Zebras");
    expect(p.result).toBeNull();
    expect(p.at).toBe(-1);
  });
});

describe("actionFeatures", () => {
  test("the rule, the lead verb's level with its object, specific means, later verbs", () => {
    const names = actionFeatures(parseAction("Continue and strengthen efforts to combat trafficking, including by amending the Penal Code and to establish a commission")).names;
    expect(names[0]).toBe("#r:5");
    expect(names).toEqual(expect.arrayContaining(["#a:rule 5 means5", "#a:verbs 2 4", "#a:o4 efforts", "#a:means 4 5", "#a:later 4 5", "v>strengthen:penal"]));
  });
  test("the object phrase stops at a preposition and skips articles", () => {
    const names = actionFeatures(parseAction("Develop a national strategy to combat trafficking")).names.filter((n) => n.startsWith("#a:o"));
    expect(names).toEqual(["#a:o5 national", "#a:o5 strategy"]);
  });
  test("a text without a known verb has only the rule feature", () => {
    expect(actionFeatures(parseAction("Zebras"))).toEqual({ names: ["#r:none"], values: [1] });
  });
});

describe("actionInput", () => {
  test("the shared text features first, unchanged, then the action features", () => {
    const a = analyzeText("Ratify OP-CAT (France);");
    const base = textVector(a);
    const { x, rule } = actionInput("Ratify OP-CAT (France);", a);
    expect(rule?.category).toBe(5);
    expect(x.names.slice(0, base.names.length)).toEqual(base.names);
    expect(x.values.slice(0, base.values.length)).toEqual(base.values);
    expect(x.names.slice(base.names.length)[0]).toBe("#r:5");
  });
});
