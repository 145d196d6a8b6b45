// The committed models, imported as data (browser-safe) and indexed on first use.
import actionData from "./models/action.json" with { type: "json" };
import issuesData from "./models/issues.json" with { type: "json" };
import personsData from "./models/persons.json" with { type: "json" };
import themesData from "./models/themes.json" with { type: "json" };
import { loadLinearModel, type LinearModel, type LinearModelData } from "./linear.js";

/** The four committed models. */
export interface Models {
  themes: LinearModel;
  persons: LinearModel;
  issues: LinearModel;
  action: LinearModel;
}

let cache: Models | undefined;
const indexes = new WeakMap<Models, Map<string, Int32Array>>();

/**
 * One lookup table for the four models: feature → its row in themes, persons, issues, action (-1 when
 * absent), so that classify() looks each text feature up once instead of four times.
 * @example
 * sharedIndex(defaultModels()).get("death penalty"); // Int32Array [row, row, row, row]
 */
export function sharedIndex(models: Models): Map<string, Int32Array> {
  let index = indexes.get(models);
  if (index) return index;
  index = new Map();
  const list = [models.themes, models.persons, models.issues, models.action];
  list.forEach((m, j) => {
    for (const [name, row] of m.rows) {
      let e = index!.get(name);
      if (!e) {
        e = new Int32Array(list.length).fill(-1);
        index!.set(name, e);
      }
      e[j] = row;
    }
  });
  indexes.set(models, index);
  return index;
}

/**
 * The committed models (src/classify/models/*.json), loaded once.
 * @example
 * defaultModels().themes.labels.length; // 94
 */
export function defaultModels(): Models {
  cache ??= {
    themes: loadLinearModel(themesData as LinearModelData),
    persons: loadLinearModel(personsData as LinearModelData),
    issues: loadLinearModel(issuesData as LinearModelData),
    action: loadLinearModel(actionData as LinearModelData),
  };
  return cache;
}
