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

/**
 * The weights of the four models packed per feature: feature f's weights in model m (0 themes,
 * 1 persons, 2 issues, 3 action) are `cells[start[4f + m]..start[4f + m + 1])`, as (label, weight)
 * pairs, so that classify() looks each feature up once and reads its weights for all four models from
 * one stretch of memory.
 */
export interface SharedIndex {
  ids: Map<string, number>;
  start: Int32Array;
  cells: Float64Array;
  /** Bit m set: model m has a row for the feature (a row, even an empty one). */
  present: Uint8Array;
}

const indexes = new WeakMap<Models, SharedIndex>();

/**
 * One lookup table for the four models (see SharedIndex), built on first use.
 * @example
 * const ix = sharedIndex(defaultModels());
 * const f = ix.ids.get("death penalty"); // then ix.cells[ix.start[4 * f]] is a themes label
 */
export function sharedIndex(models: Models): SharedIndex {
  const known = indexes.get(models);
  if (known) return known;
  const list = [models.themes, models.persons, models.issues, models.action];
  const ids = new Map<string, number>();
  let total = 0;
  for (const m of list) {
    total += m.cells.length;
    for (const name of m.rows.keys()) if (!ids.has(name)) ids.set(name, ids.size);
  }
  const n = ids.size;
  const start = new Int32Array(n * list.length + 1);
  const cells = new Float64Array(total);
  const present = new Uint8Array(n);
  let at = 0;
  let f = 0;
  for (const name of ids.keys()) {
    list.forEach((m, j) => {
      start[f * list.length + j] = at;
      const r = m.rows.get(name);
      if (r === undefined) return;
      present[f]! |= 1 << j;
      for (let k = m.start[r]!, end = m.start[r + 1]!; k < end; k++) cells[at++] = m.cells[k]!;
    });
    f++;
  }
  start[n * list.length] = at;
  const index = { ids, start, cells, present };
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
