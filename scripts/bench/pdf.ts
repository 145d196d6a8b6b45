// Working Group report speed (target: a 26-page report read in under 2 s). Times the built package
// (dist/, built first when older than src/), three ways, on the corpus's reports (or the fixtures):
// - the CLI as a user runs it (`upr-matrix parse report.pdf`: Node start, the worker thread that reads
//   the PDF, pdf.js loading, reading) — wall time, best of 3;
// - parseWgReport in one process: the first call (pdf.js loaded) and then best of 5, wall and CPU time
//   (CPU time is what other load on the machine does not inflate);
// - the same with the addendum.
// Prints figures; asserts nothing. Timings on a shared machine are noisy: compare within one run.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { ensureDistBuilt } from "../lib/built.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const corpus = fileURLToPath(new URL("../../../shared/corpus/wg-reports/", import.meta.url));
const fixtures = join(ROOT, "fixtures", "wg-reports");
const TARGET_MS = 2000;
// Printed by the CLI process at exit: its CPU time, all threads (the PDF worker included).
const CPU_HOOK = `data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("CPU "+(u.user+u.system)+"\\n")})`;

type Parse = (bytes: Uint8Array, options: { file: string; addendum?: { bytes: Uint8Array; file: string } }) => Promise<{ recommendations: unknown[] }>;

function pairs(): { report: string; addendum: string; label: string }[] {
  if (existsSync(corpus)) {
    return [
      { report: "g1012049.pdf", addendum: "g1012465.pdf", label: "A/HRC/14/15 (cycle 1)" },
      { report: "g1423930.pdf", addendum: "g1504261.pdf", label: "A/HRC/28/15 (cycle 2)" },
      { report: "g1934994.pdf", addendum: "g2004192.pdf", label: "A/HRC/43/15 (cycle 3)" },
    ].map((p) => ({ ...p, report: join(corpus, p.report), addendum: join(corpus, p.addendum) }));
  }
  console.log("corpus absent (../shared/corpus): timing the fixtures instead");
  return [{ report: join(fixtures, "wg-report-es.pdf"), addendum: join(fixtures, "wg-report-es-add1.pdf"), label: "A/HRC/60/8 (fixture)" }];
}

async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number; cpu: number }> {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = await f();
  const used = process.cpuUsage(c);
  return { value, ms: performance.now() - t, cpu: (used.user + used.system) / 1000 };
}

async function best<T>(n: number, f: () => Promise<T>): Promise<{ value: T; ms: number; cpu: number }> {
  let b: { value: T; ms: number; cpu: number } | null = null;
  for (let i = 0; i < n; i++) {
    const r = await timed(f);
    if (!b || r.ms < b.ms) b = r;
  }
  return b!;
}

const pagesOf = (bytes: Uint8Array) => (new TextDecoder("latin1").decode(bytes).match(/\/Type\s*\/Page(?!s)\b/g) ?? []).length;

export async function run(): Promise<void> {
  if (!ensureDistBuilt("Building dist/ for the benchmark...")) return;
  console.log(`load average ${loadavg().map((l) => l.toFixed(1)).join(" ")} on this machine (figures are noisy when it is high)`);
  const { parseWgReport } = (await import(pathToFileURL(join(ROOT, "dist", "pdf.js")).href)) as { parseWgReport: Parse };
  const cli = join(ROOT, "dist", "cli.js");
  let first = true;
  for (const p of pairs()) {
    const bytes = new Uint8Array(readFileSync(p.report));
    const add = { bytes: new Uint8Array(readFileSync(p.addendum)), file: p.addendum };
    // The CLI, as a user runs it; its CPU time (all threads) printed by a hook at exit.
    let cliMs = Infinity;
    let cliCpu = Infinity;
    let cliRecs = "";
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const r = spawnSync(process.execPath, ["--import", CPU_HOOK, cli, "parse", p.report, "--format", "summary"], { encoding: "utf8" });
      cliMs = Math.min(cliMs, performance.now() - t);
      const cpu = /CPU (\d+)/.exec(r.stderr)?.[1];
      if (cpu) cliCpu = Math.min(cliCpu, Number(cpu) / 1000);
      cliRecs = /(\d+) recommendations from/.exec(r.stdout)?.[1] ?? "?";
    }
    const cold = first ? await timed(() => parseWgReport(bytes, { file: p.report })) : null;
    first = false;
    const warm = await best(5, () => parseWgReport(bytes, { file: p.report }));
    const withAdd = await best(3, () => parseWgReport(bytes, { file: p.report, addendum: add }));
    console.log(`${p.label}: ${pagesOf(bytes)} pages, ${warm.value.recommendations.length} recommendations (CLI: ${cliRecs})`);
    console.log(`  upr-matrix parse (CLI, worker thread)   ${cliMs.toFixed(0).padStart(6)} ms  cpu ${cliCpu.toFixed(0).padStart(6)} ms  (target ${TARGET_MS} ms: wall ${cliMs < TARGET_MS ? "under" : "over"}, cpu ${cliCpu < TARGET_MS ? "under" : "over"})`);
    if (cold) console.log(`  parseWgReport, first call (pdf.js load) ${cold.ms.toFixed(0).padStart(6)} ms  cpu ${cold.cpu.toFixed(0).padStart(6)} ms`);
    console.log(`  parseWgReport, best of 5               ${warm.ms.toFixed(0).padStart(6)} ms  cpu ${warm.cpu.toFixed(0).padStart(6)} ms`);
    console.log(`  with the addendum (${pagesOf(add.bytes)} pages), best of 3   ${withAdd.ms.toFixed(0).padStart(6)} ms  cpu ${withAdd.cpu.toFixed(0).padStart(6)} ms`);
  }
}
