// How far two threads can beat one on this machine, whatever our design: the same work in one worker
// thread, then in two at once (each the same amount, no messages between them), for a tight arithmetic
// loop, parseCsv on an in-memory UPR Info export, and classify() on its recommendations, all from the
// built package (dist/). The scaling of each (2 × one-thread time / two-thread time) bounds what the
// batch and classify workers can reach here. Prints figures; asserts nothing.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import { ensureDistBuilt } from "../lib/built.js";

const corpus = fileURLToPath(new URL("../../../shared/corpus/upr-info/", import.meta.url));
const fixture = fileURLToPath(new URL("../../fixtures/upr-info.csv", import.meta.url));
const dist = (entry: string) => pathToFileURL(fileURLToPath(new URL(`../../dist/${entry}.js`, import.meta.url))).href;
const ROUNDS = Number(process.env.UPR_BENCH_RUNS ?? 3);

// A worker (plain JavaScript): prepares its work and runs it once (so that the timed run is compiled
// code, not the compiler working on the other core), says ready, then on "go" runs it again and answers
// with the time it took.
const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
(async () => {
  const { kind, text, reps, index, classify: classifyUrl } = workerData;
  const { parseCsv } = await import(index);
  let work;
  if (kind === "arithmetic") {
    work = () => { let x = 0; for (let i = 0; i < reps * 2e7; i++) x = (x * 31 + i) | 0; return x; };
  } else if (kind === "parse") {
    work = () => { let n = 0; for (let r = 0; r < reps; r++) n += parseCsv(text).recommendations.length; return n; };
  } else {
    const { classify, defaultModels } = await import(classifyUrl);
    defaultModels();
    const recs = parseCsv(text).recommendations.map((r) => ({ ...r, themes: [], affectedPersons: [], sdgs: [], issues: [], actionCategory: null, cluster: null }));
    classify(recs.slice(0, 200));
    work = () => { let n = 0; for (let r = 0; r < reps; r++) n += classify(recs, { evidence: false }).recommendations.length; return n; };
  }
  work();
  parentPort.postMessage("ready");
  parentPort.once("message", () => {
    const t0 = performance.now();
    work();
    parentPort.postMessage(performance.now() - t0);
  });
})();`;

async function timed(threads: number, data: Record<string, unknown>): Promise<number> {
  const workers = Array.from({ length: threads }, () => new Worker(WORKER, { eval: true, workerData: data }));
  await Promise.all(workers.map((w) => new Promise((resolve, reject) => (w.once("message", resolve), w.once("error", reject)))));
  const t0 = performance.now();
  await Promise.all(workers.map((w) => new Promise((resolve, reject) => (w.once("message", resolve), w.once("error", reject), w.postMessage("go")))));
  const wall = performance.now() - t0;
  await Promise.all(workers.map((w) => w.terminate()));
  return wall;
}

function exportText(): { text: string; from: string } {
  if (existsSync(corpus)) {
    const f = readdirSync(corpus).sort().find((n) => n.endsWith(".csv"));
    if (f) return { text: readFileSync(join(corpus, f), "utf8"), from: `../shared/corpus/upr-info/${f}` };
  }
  return { text: readFileSync(fixture, "utf8"), from: "fixtures/upr-info.csv (corpus absent)" };
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return `${s[0]!.toFixed(2)} / ${s[Math.floor(s.length / 2)]!.toFixed(2)} / ${s.at(-1)!.toFixed(2)}x`;
};

export async function run(): Promise<void> {
  if (availableParallelism() < 2) {
    console.log("one core: nothing to compare");
    return;
  }
  if (!ensureDistBuilt("building dist/ (npm run build)...")) throw new Error("npm run build failed");
  const { text, from } = exportText();
  console.log(`${availableParallelism()} cores; the same work in 1 thread, then in 2 at once, ${ROUNDS} rounds; parse and classify read ${from}`);
  const kinds = [
    { kind: "arithmetic", reps: 20 },
    { kind: "parse", reps: Math.max(1, Math.round(10_000_000 / text.length)) },
    { kind: "classify", reps: 6 },
  ];
  for (const { kind, reps } of kinds) {
    const data = { kind, text, reps, index: dist("index"), classify: dist("classify") };
    const scaling: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      const one = await timed(1, data);
      const two = await timed(2, data);
      scaling.push((2 * one) / two);
    }
    console.log(`${kind.padEnd(10)} two threads against one, min / median / max: ${stats(scaling)} (2.00x would be perfect)`);
  }
}
