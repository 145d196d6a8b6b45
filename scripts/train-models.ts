// Train the committed models (src/classify/models/*.json) from the labelled corpus, reproducibly:
// same corpus + same split + same code = byte-identical files. `npx tsx scripts/train-models.ts [task...]`
// with tasks among issues, action, themes, persons (default: all).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { LinearModelData } from "../src/classify/linear.js";
import {
  chooseCombination,
  PERSONS_TASK,
  prepareMultiTask,
  trainActionModel,
  trainIssueModel,
  trainMultiModel,
  type MultiTask,
} from "./classify/training.js";
import { hasCorpus, loadCorpus, modelsDir, partOf, readSplit } from "./classify/corpus.js";
import { HEADS, themeItems, trainThemeModel, WEAK_STEP } from "./classify/themes.js";
import type { NeighbourIndexData } from "../src/classify/neighbours.js";
import { uniq } from "lodash-es";

if (!hasCorpus) {
  console.log("corpus absent (../shared/corpus): nothing to train; the committed models stay as they are.");
  process.exit(0);
}
const split = readSplit();
if (!split) {
  console.log("No split yet: run `npx tsx scripts/train-split.ts` first.");
  process.exit(1);
}
const only = process.argv.slice(2);
const wanted = (t: string) => only.length === 0 || only.includes(t);
const t0 = performance.now();
const corpus = await loadCorpus();
// UPR Info's re-exports (sessions 1-17) and its original export of sessions 22-24 (session 24 held out).
const train = [...corpus.uprInfo, ...corpus.uprInfo2018].filter((r) => partOf(split, r) === "train");
const validation = [...corpus.uprInfo, ...corpus.uprInfo2018].filter((r) => partOf(split, r) === "validation");
console.log(`corpus: ${corpus.uprInfo.length} UPR Info rows (${train.length} train, ${validation.length} validation), ${corpus.matrices.length} matrix rows`);

function write(name: string, data: LinearModelData): void {
  const text = `${JSON.stringify(data)}\n`;
  writeFileSync(join(modelsDir, name), text);
  console.log(`${name}: ${data.labels.length} labels, ${data.features.length} features, ${(text.length / 1024).toFixed(0)} KiB (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
}

const uprInfoMeta = {
  trainedOn: `UPR Info exports (../shared/corpus/upr-info and upr-info-2018), rows of the 'train' part of src/classify/models/split.json: ${train.length} rows; States in testStates and validationStates and sessions ${split.heldOutSessions.join(", ")} never trained on`,
};
if (wanted("issues")) write("issues.json", trainIssueModel(train, validation, uprInfoMeta));
// The action model tunes nothing on the validation States, so it also learns from them; and from UPR
// Info's original export of sessions 22-24 (session 24 held out).
if (wanted("action")) {
  write(
    "action.json",
    trainActionModel([...train, ...validation], {
      trainedOn: `UPR Info exports (../shared/corpus/upr-info and upr-info-2018), rows of the 'train' and 'validation' parts of src/classify/models/split.json: ${train.length + validation.length} rows; States in testStates and sessions ${split.heldOutSessions.join(", ")} never trained on`,
    }),
  );
}

function multi(t: MultiTask, file: string): void {
  const prepared = prepareMultiTask(t, corpus.matrices, train);
  const { combination, f1 } = chooseCombination(t, prepared, prepared.strong);
  console.log(`${t.task}: leave-one-State-out choice ${JSON.stringify(combination)} (micro-F1 ${f1.toFixed(4)})`);
  write(
    file,
    trainMultiModel(t, prepared, prepared.strong, combination, {
      trainedOn: `OHCHR matrices (../shared/corpus/ohchr-matrices: ${Object.keys(corpus.files).filter((f) => f.startsWith("ohchr")).join(", ")}), ${prepared.strong.length} labelled rows, plus ${prepared.weak.length} UPR Info 'train' rows whose labels come from their issues (src/classify/issue-map.ts)`,
      combinationChosenBy: "leave-one-State-out over the matrix States (chooseCombination)",
      leaveOneStateOutMicroF1: Number(f1.toFixed(4)),
    }),
  );
}
if (wanted("themes")) {
  const weakRows = train;
  const { strong, weak } = themeItems(corpus.matrices, corpus.clusters, weakRows);
  const lists = Object.keys(corpus.files).filter((f) => f.startsWith("ohchr-matrices/") || f.startsWith("uhri-clusters"));
  const trainedOn = `OHCHR lists (../shared/corpus: ${lists.join(", ")}): ${strong.length} labelled recommendations of ${uniq(strong.map((i) => i.state)).length} States (the cluster lists' heading only), plus ${weak.length} UPR Info 'train' rows (every ${WEAK_STEP}th; upr-info and upr-info-2018) whose themes come from their issues (src/classify/issue-map.ts)`;
  let neighbours: NeighbourIndexData | null = null;
  for (const head of HEADS) {
    const { fold, combination, f1, top1 } = trainThemeModel(head, strong, weak, { trainedOn }, (m) => console.log(`  ${m} (${((performance.now() - t0) / 1000).toFixed(0)} s)`));
    console.log(`themes-${head}: leave-one-State-out choice ${JSON.stringify({ set: combination.set, primary: combination.primary })} (micro-F1 ${f1.toFixed(4)}, first theme ${top1.toFixed(4)})`);
    write(`themes-${head}.json`, {
      ...fold.linear,
      themeCombination: combination,
      meta: { ...fold.linear.meta, combinationChosenBy: "leave-one-State-out over every labelled State (scripts/classify/themes.ts chooseThemeCombination)", leaveOneStateOutMicroF1: Number(f1.toFixed(4)), leaveOneStateOutFirstTheme: Number(top1.toFixed(4)) },
    });
    neighbours = fold.neighboursData;
  }
  const data = { ...neighbours!, meta: { trainedOn, docs: neighbours!.docs.length } };
  const text = `${JSON.stringify(data)}\n`;
  writeFileSync(join(modelsDir, "neighbours.json"), text);
  console.log(`neighbours.json: ${data.docs.length} recommendations, ${data.features.length} features, ${(text.length / 1024).toFixed(0)} KiB`);
}
if (wanted("persons")) multi(PERSONS_TASK, "persons.json");
