// Classification speed: 100,000 recommendations (the corpus rows replicated, labels removed so that
// every task runs), model load included. Measured twice: classify() in one thread, and split over
// worker threads (one per core, at most 2) with the results sent back. Prints figures; asserts nothing.
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import type { Recommendation } from "../../src/schema/recommendation.js";
import { readMatrixFile } from "../../src/node/index.js";

const corpus = fileURLToPath(new URL("../../../shared/corpus/", import.meta.url));
const fixtures = fileURLToPath(new URL("../../fixtures/", import.meta.url));
const N = 100_000;

async function inputs(from: number, to: number, say: (s: string) => void): Promise<Recommendation[]> {
  const files: string[] = [];
  if (existsSync(corpus)) {
    for (const d of ["upr-info", "ohchr-matrices"]) for (const f of readdirSync(join(corpus, d)).sort()) if (/\.(csv|docx)$/.test(f)) files.push(join(corpus, d, f));
  } else {
    say("corpus absent (../shared/corpus): replicating the fixtures instead");
    if (existsSync(fixtures)) for (const f of readdirSync(fixtures).sort()) if (/\.(csv|docx|xlsx)$/.test(f)) files.push(join(fixtures, f));
  }
  const source: Recommendation[] = [];
  for (const f of files) source.push(...(await readMatrixFile(f)).recommendations);
  const out: Recommendation[] = [];
  if (source.length === 0) return out;
  for (let i = from; i < to; i++) {
    const r = source[i % source.length]!;
    out.push({ ...r, themes: [], affectedPersons: [], sdgs: [], issues: [], actionCategory: null, cluster: null });
  }
  return out;
}

function countLabels(recs: readonly Recommendation[]): number {
  return recs.reduce((n, r) => n + r.themes.length + r.affectedPersons.length + r.sdgs.length + r.issues.length + (r.actionCategory ? 1 : 0), 0);
}

// A worker: read its share of the input, say ready, then on "go" load the models, classify, send back.
if (!isMainThread && (workerData as { classifyBench?: boolean } | null)?.classifyBench) {
  const { from, to } = workerData as { from: number; to: number };
  const input = await inputs(from, to, () => {});
  parentPort!.postMessage({ ready: true });
  parentPort!.once("message", async () => {
    const { classify } = await import("../../src/classify/classify.js");
    const { recommendations } = classify(input);
    parentPort!.postMessage({ recommendations });
  });
}

export async function run(): Promise<void> {
  const input = await inputs(0, N, (s) => console.log(s));
  if (input.length === 0) {
    console.log("no recommendations to classify");
    return;
  }
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  // Model load included: the modules holding the committed weights are imported here.
  const { classify } = await import("../../src/classify/classify.js");
  const { defaultModels } = await import("../../src/classify/models.js");
  defaultModels();
  const load = performance.now() - t0;
  const result = classify(input);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  console.log(
    `classify(), one thread: ${N} recommendations in ${(wall / 1000).toFixed(2)} s wall (${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU), model load ${load.toFixed(0)} ms, ${Math.round(N / (wall / 1000))} recs/s, ${countLabels(result.recommendations)} labels`,
  );

  const threads = Math.min(2, availableParallelism());
  if (threads < 2) return;
  const share = Math.ceil(N / threads);
  // This file again, in each worker, through tsx's ESM loader (as src/node/process-files.ts does).
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm/api").replace(/\.cjs$/, ".mjs")).href;
  const code = `import(${JSON.stringify(tsx)}).then((api) => api.register()).then(() => import(${JSON.stringify(import.meta.url)}));`;
  const workers = Array.from(
    { length: threads },
    (_, i) => new Worker(code, { eval: true, workerData: { classifyBench: true, from: i * share, to: Math.min(N, (i + 1) * share) } }),
  );
  await Promise.all(workers.map((w) => new Promise<void>((resolve) => w.once("message", () => resolve()))));
  const t1 = performance.now();
  const parts = await Promise.all(
    workers.map(
      (w) =>
        new Promise<Recommendation[]>((resolve, reject) => {
          w.once("message", (m: { recommendations: Recommendation[] }) => resolve(m.recommendations));
          w.once("error", reject);
          w.postMessage("go");
        }),
    ),
  );
  const wall2 = performance.now() - t1;
  await Promise.all(workers.map((w) => w.terminate()));
  const all = parts.flat();
  console.log(
    `classify() in ${threads} worker threads (model load in each, results sent back): ${all.length} recommendations in ${(wall2 / 1000).toFixed(2)} s wall, ${Math.round(all.length / (wall2 / 1000))} recs/s, ${countLabels(all)} labels`,
  );
}
