// The labelled data behind the classifier: reads ../shared/corpus (UPR Info exports, OHCHR matrices)
// with the project's own readers, and the committed split (src/classify/models/split.json).
// Shared by scripts/train-split.ts, scripts/train-models.ts and scripts/eval.ts.
import { findState } from "../../src/taxonomy/index.js";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Recommendation } from "../../src/schema/recommendation.js";
import { readMatrixFile } from "../../src/node/index.js";

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
  uprInfo: Recommendation[];
  matrices: Recommendation[];
  files: Record<string, number>;
}

/** Read every labelled file of the corpus (sorted by name, so the order is stable). */
export async function loadCorpus(): Promise<Corpus> {
  const files: Record<string, number> = {};
  const read = async (sub: string, ext: RegExp): Promise<Recommendation[]> => {
    const dir = join(corpusDir, sub);
    const out: Recommendation[] = [];
    for (const f of readdirSync(dir).filter((f) => ext.test(f)).sort()) {
      const r = await readMatrixFile(join(dir, f));
      files[`${sub}/${f}`] = r.recommendations.length;
      out.push(...r.recommendations);
    }
    return out;
  };
  const uprInfo = await read("upr-info", /\.csv$/);
  const matrices = await read("ohchr-matrices", /\.docx$/);
  return { uprInfo, matrices, files };
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
