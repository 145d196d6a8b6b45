// The labelled data behind the classifier: reads ../shared/corpus (UPR Info exports, OHCHR matrices)
// with the project's own readers, and the committed split (src/classify/models/split.json).
// Shared by scripts/train-split.ts, scripts/train-models.ts and scripts/eval.ts.
import { findState } from "../../src/taxonomy/index.js";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Recommendation } from "../../src/schema/recommendation.js";
import { readMatrixFile } from "../../src/node/index.js";
import Papa from "papaparse";

export const corpusDir = fileURLToPath(new URL("../../../shared/corpus/", import.meta.url));
export const hasCorpus = existsSync(join(corpusDir, "CATALOG.md"));
export const modelsDir = fileURLToPath(new URL("../../src/classify/models/", import.meta.url));
export const splitFile = join(modelsDir, "split.json");

/** The committed split: which States and sessions are held out. */
export interface Split {
  note: string;
  seed: number;
  /** States under review whose UPR Info rows are never trained on (the test split). */
  testStates: string[];
  /** States used to tune thresholds and settings (never in the test figures, never in training). */
  validationStates: string[];
  /** Sessions held out from training for every State. */
  heldOutSessions: number[];
  /** The matrix States, evaluated leave-one-State-out (each fold trains on the others). */
  matrixFolds: string[][];
  /** Files read, with their row counts, for the record. */
  files: Record<string, number>;
}

export interface Corpus {
  /** UPR Info re-exports, sessions 1-17 and voluntary pledges. */
  uprInfo: Recommendation[];
  /** UPR Info's original export of sessions 22-24 (upr-info-2018/). */
  uprInfo2018: Recommendation[];
  /** OHCHR matrices with coded or numbered themes, persons, and SDGs (China 2018). */
  matrices: Recommendation[];
  /** The cluster heading (cycle4 name) of four more States' lists, as their one theme; the State set from the file name. */
  clusters: Recommendation[];
  /** Spain's 4th-cycle recommendations in Spanish with OHCHR's SDG goals (UHRI export). */
  spainSdgs: { id: string; text: string; goals: number[] }[];
  files: Record<string, number>;
}

// The States of the cluster files (their rows name no State under review).
const CLUSTER_STATES: Readonly<Record<string, string>> = {
  "United-States_UPR36.csv": "United States",
  "Denmark_UPR38.csv": "Denmark",
  "Namibia_UPR38.csv": "Namibia",
  "Paraguay_UPR38.csv": "Paraguay",
};

/** Read every labelled file of the corpus (sorted by name, so the order is stable). */
export async function loadCorpus(): Promise<Corpus> {
  const files: Record<string, number> = {};
  const read = async (sub: string, ext: RegExp, state?: (file: string) => string): Promise<Recommendation[]> => {
    const dir = join(corpusDir, sub);
    const out: Recommendation[] = [];
    for (const f of readdirSync(dir).filter((f) => ext.test(f)).sort()) {
      const r = await readMatrixFile(join(dir, f));
      files[`${sub}/${f}`] = r.recommendations.length;
      const sur = state?.(f);
      out.push(...(sur ? r.recommendations.map((x) => ({ ...x, stateUnderReview: sur })) : r.recommendations));
    }
    return out;
  };
  const uprInfo = await read("upr-info", /\.csv$/);
  const uprInfo2018 = await read("upr-info-2018", /\.csv$/);
  const matrices = await read("ohchr-matrices", /\.docx$/);
  const clusters = await read("uhri-clusters-3rd-cycle", /\.csv$/, (f) => {
    const name = CLUSTER_STATES[f];
    if (!name) throw new Error(`no State for ${f}`);
    return findState(name)?.name ?? name;
  });
  const spainFile = join(corpusDir, "es-spain-upr4/spain_upr4_recommendations_es.csv");
  const spainSdgs = Papa.parse<{ paragraph: string; text: string; sdg_goals: string }>(readFileSync(spainFile, "utf8"), { header: true, skipEmptyLines: true }).data.map((r) => ({
    id: r.paragraph,
    text: r.text,
    goals: (r.sdg_goals ?? "").split(/[;,\s]+/).filter(Boolean).map(Number).filter((g) => g >= 1 && g <= 17),
  }));
  files["es-spain-upr4/spain_upr4_recommendations_es.csv"] = spainSdgs.length;
  return { uprInfo, uprInfo2018, matrices, clusters, spainSdgs, files };
}

/** The committed split, or null when it has not been generated yet. */
export function readSplit(): Split | null {
  if (!existsSync(splitFile)) return null;
  const split = JSON.parse(readFileSync(splitFile, "utf8")) as Split;
  // Names in the file may be older spellings ("Iran"): compare under the taxonomy's canonical names.
  const canon = (names: string[]) => names.map((n) => findState(n)?.name ?? n);
  return { ...split, testStates: canon(split.testStates), validationStates: canon(split.validationStates), matrixFolds: split.matrixFolds.map(canon) };
}

/** Which part of the split a UPR Info row falls in. */
export type Part = "train" | "validation" | "test-states" | "test-sessions" | "test-both" | "validation-sessions";

/** The part of the split a UPR Info row belongs to. */
export function partOf(split: Split, r: Recommendation): Part {
  const state = r.stateUnderReview ?? "";
  const heldSession = r.session !== null && split.heldOutSessions.includes(r.session);
  if (split.testStates.includes(state)) return heldSession ? "test-both" : "test-states";
  if (split.validationStates.includes(state)) return heldSession ? "validation-sessions" : "validation";
  return heldSession ? "test-sessions" : "train";
}
