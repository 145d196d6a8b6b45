// The committed models, imported as data (browser-safe) and indexed on first use. Only the classify
// entry (src/classify.ts) imports this module: the core package carries no weights.
import actionData from "./models/action.json" with { type: "json" };
import issuesData from "./models/issues.json" with { type: "json" };
import neighboursData from "./models/neighbours.json" with { type: "json" };
import personsData from "./models/persons.json" with { type: "json" };
import themesCodedData from "./models/themes-coded.json" with { type: "json" };
import themesCycle4Data from "./models/themes-cycle4.json" with { type: "json" };
import { featureTables, type FeatureTables } from "./feature-ids.js";
import { loadLinearModel, type LinearModel, type LinearModelData } from "./linear.js";
import { loadNeighbours, type NeighbourIndex, type NeighbourIndexData } from "./neighbours.js";
import type { ThemeHead } from "./theme-rules.js";
import type { ThemeCombination } from "./themes.js";

/** A theme model of one head vocabulary: the linear model and how it is combined with neighbours and rules. */
export interface ThemeModel {
  linear: LinearModel;
  combination: ThemeCombination;
}

/** The committed models. */
export interface Models {
  /** One theme model per head: current names (cycle4, also read as cycle3) and v1 codes (coded, also read as numbered). */
  themes: Record<ThemeHead, ThemeModel>;
  persons: LinearModel;
  issues: LinearModel;
  action: LinearModel;
  /** Labelled recommendations of the training lists, for the themes' neighbour vote. */
  neighbours: NeighbourIndex;
}

/** The slot of each linear model in the shared index (see SharedIndex). */
export const MODEL_SLOT = { "themes-cycle4": 0, "themes-coded": 1, persons: 2, issues: 3, action: 4 } as const;
export const SLOTS = 5;

let cache: Models | undefined;

/**
 * The weights of the five linear models packed per feature, and each feature's id in the neighbour
 * index: feature f's weights in model m (slots in MODEL_SLOT) are
 * `cells[start[SLOTS * f + m]..start[SLOTS * f + m + 1])`, as (label, weight) pairs, so that classify()
 * looks each feature up once and reads its weights for every model from one stretch of memory.
 */
export interface SharedIndex {
  ids: Map<string, number>;
  /** Feature id → name. */
  names: string[];
  /** The text features of `ids` by token ids (feature-ids.ts). */
  tables: FeatureTables;
  start: Int32Array;
  cells: Float64Array;
  /** Bit m set: model m has a row for the feature (a row, even an empty one). */
  present: Uint8Array;
  /** The feature's id in the neighbour index, -1 when it has none (features of the index alone are in `ids` too). */
  neighbour: Int32Array;
}

const indexes = new WeakMap<Models, SharedIndex>();

function linearModels(models: Models): LinearModel[] {
  return [models.themes.cycle4.linear, models.themes.coded.linear, models.persons, models.issues, models.action];
}

/**
 * One lookup table for the linear models (see SharedIndex), built on first use.
 * @example
 * const ix = sharedIndex(defaultModels());
 * const f = ix.ids.get("death penalty"); // then ix.cells[ix.start[SLOTS * f]] is a themes label
 */
export function sharedIndex(models: Models): SharedIndex {
  const known = indexes.get(models);
  if (known) return known;
  const list = linearModels(models);
  const ids = new Map<string, number>();
  let total = 0;
  for (const m of list) {
    total += m.cells.length;
    for (const name of m.rows.keys()) if (!ids.has(name)) ids.set(name, ids.size);
  }
  for (const name of models.neighbours.ids.keys()) if (!ids.has(name)) ids.set(name, ids.size);
  const n = ids.size;
  const start = new Int32Array(n * list.length + 1);
  const cells = new Float64Array(total);
  const present = new Uint8Array(n);
  const neighbour = new Int32Array(n).fill(-1);
  for (const [name, i] of models.neighbours.ids) neighbour[ids.get(name)!] = i;
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
  const index = { ids, names: [...ids.keys()], tables: featureTables(ids), start, cells, present, neighbour };
  indexes.set(models, index);
  return index;
}

function themeModel(data: LinearModelData): ThemeModel {
  if (!data.themeCombination) throw new Error(`Not a theme model: ${data.task}`);
  return { linear: loadLinearModel(data), combination: data.themeCombination };
}

/**
 * The committed models (src/classify/models/*.json), loaded once.
 * @example
 * defaultModels().themes.cycle4.linear.labels.includes("ratification"); // true
 */
export function defaultModels(): Models {
  cache ??= {
    themes: { cycle4: themeModel(themesCycle4Data as LinearModelData), coded: themeModel(themesCodedData as LinearModelData) },
    persons: loadLinearModel(personsData as LinearModelData),
    issues: loadLinearModel(issuesData as LinearModelData),
    action: loadLinearModel(actionData as LinearModelData),
    neighbours: loadNeighbours(neighboursData as unknown as NeighbourIndexData),
  };
  return cache;
}
