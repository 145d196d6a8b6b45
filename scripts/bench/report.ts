// Report generation speed: every format for 10,000 recommendations (target: under 10 s in all).
// Built from the corpus's OHCHR matrices (or the bundled sample when the corpus is absent), replicated
// under one State so that the skeleton covers them all, with a made-up ledger for most of them.
import { fileURLToPath } from "node:url";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { cpus, loadavg } from "node:os";
import { parseMatrix } from "../../src/index.js";
import type { Recommendation } from "../../src/schema/recommendation.js";
import { currentStates } from "../../src/track/ledger.js";
import { buildReport } from "../../src/report/model.js";
import { buildStats } from "../../src/report/stats.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderHtml } from "../../src/report/html.js";
import { renderJson } from "../../src/report/json.js";
import { renderReportMatrix } from "../../src/xlsx/report-matrix.js";
import { writeSkeletonDocx } from "../../src/docx/skeleton.js";
import { sampleEvents } from "../../docs/examples/generate.js";

const corpus = fileURLToPath(new URL("../../../shared/corpus/ohchr-matrices/", import.meta.url));
const sample = fileURLToPath(new URL("../../fixtures/sample/ohchr-matrix-en.docx", import.meta.url));
const TARGET = 10_000;

async function sources(): Promise<{ recs: Recommendation[]; from: string }> {
  const files = existsSync(corpus) ? readdirSync(corpus).filter((f) => f.endsWith(".docx")).sort().map((f) => join(corpus, f)) : [sample];
  const recs: Recommendation[] = [];
  for (const f of files) recs.push(...(await parseMatrix(new Uint8Array(readFileSync(f)), { file: f })).recommendations);
  return { recs, from: existsSync(corpus) ? `${files.length} corpus matrices` : "the bundled sample (corpus absent)" };
}

// Wall time, and this process's CPU time (user + system), which other load on the machine does not inflate.
let cpuTotal = 0;
async function time<T>(label: string, f: () => Promise<T> | T, out: string[]): Promise<[T, number]> {
  const c = process.cpuUsage();
  const t = performance.now();
  const r = await f();
  const ms = performance.now() - t;
  const used = process.cpuUsage(c);
  const cpu = (used.user + used.system) / 1000;
  if (!label.startsWith("(")) cpuTotal += cpu;
  const size = typeof r === "string" ? r.length : r instanceof Uint8Array ? r.length : null;
  out.push(`${label.padEnd(32)} ${ms.toFixed(0).padStart(6)} ms  cpu ${cpu.toFixed(0).padStart(6)} ms${size !== null ? `  ${(size / 1024).toFixed(0).padStart(7)} KiB` : ""}`);
  return [r, ms];
}

export async function run(): Promise<void> {
  const { recs: base, from } = await sources();
  const recs: Recommendation[] = [];
  for (let i = 0; recs.length < TARGET; i++) {
    const r = base[i % base.length]!;
    const para = 100 + Math.floor(recs.length / 500);
    const id = `${para}.${(recs.length % 500) + 1}`;
    recs.push({ ...r, id, paragraphId: id, stateUnderReview: "Benchland", cycle: 3, documentSymbol: "A/HRC/99/1" });
  }
  const events = sampleEvents(recs);
  const states = currentStates(events);
  console.log(`${recs.length} recommendations (replicated from ${base.length} of ${from}), ${events.length} ledger events, ${states.size} tracked`);

  // Warm-up on a small slice so that module loading and JIT do not count against the first format.
  await renderReportMatrix(buildReport(recs.slice(0, 50), { states }));
  await writeSkeletonDocx(recs.slice(0, 50), { states });

  const lines: string[] = [];
  let total = 0;
  const add = ([, ms]: [unknown, number]) => (total += ms);
  await time("(stats alone, part of the next)", () => buildStats(recs, states), lines);
  const [report, built] = await time("build report (stats+groups)", () => buildReport(recs, { states }), lines);
  total += built;
  add(await time("markdown", () => renderMarkdown(report), lines));
  add(await time("html (3 SVG charts)", () => renderHtml(report), lines));
  add(await time("json", () => renderJson(report), lines));
  add(await time("xlsx matrix + summary", () => renderReportMatrix(report), lines));
  add(await time("docx national skeleton", () => writeSkeletonDocx(recs, { states }), lines));
  add(await time("docx mid-term skeleton", () => writeSkeletonDocx(recs, { states, kind: "mid-term" }), lines));
  for (const l of lines) console.log(l);
  console.log(`all formats for ${recs.length} recommendations: ${(total / 1000).toFixed(2)} s wall, ${(cpuTotal / 1000).toFixed(2)} s CPU (target < 10 s; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores)`);
}
