// The batch benchmark: the built CLI on a folder of ~350 generated files (mixed formats, ~300,000
// recommendations; scripts/make-batch-data.ts), run as a child process, one thread (`--jobs 1`) and
// two worker threads (`--jobs 2`) alternating, UPR_BENCH_RUNS times each (default 5), so that both see the
// same machine. Prints min/median/max of the time, the median ratio of the pairs, peak RSS of the whole
// process (main thread and worker threads), CPU time of the busiest threads (from /proc: on a shared
// machine the times move with the load, the CPU per thread much less), and the CSV pipeline's time
// against papaparse's raw parse of the same CSV text, measured in this run.
//   npm run bench -- batch            (UPR_BENCH_JOBS="1,auto" to compare other settings; UPR_BENCH_RUNS=9;
//                                      UPR_BENCH_COMMAND="classify --no-evidence" for parse + classify)
import { spawn } from "node:child_process";
import { availableParallelism, loadavg } from "node:os";
import { ensureDistBuilt } from "../lib/built.js";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { parseCsv } from "../../src/ingest/csv.js";
import { decodeText } from "../../src/ingest/decode.js";
import { makeBatchData } from "../make-batch-data.js";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
// Issue 16: parse < 6 s, parse + classify < 12 s (with 2 workers), peak RSS < 300 MB, CSV <= 2x papaparse.
const TARGET = { seconds: 6, classifySeconds: 12, rssMb: 300, csvRatio: 2 };

/** Build dist/ when it is missing or older than src/. */
function ensureBuilt(): void {
  if (!ensureDistBuilt("building dist/ (npm run build)...")) throw new Error("npm run build failed");
}

function vmHwmKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** CPU seconds (user + system) of each thread of a process, by thread id; the main thread's id is the pid. */
function threadCpu(pid: number, into: Map<number, number>): void {
  let tids: string[];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return;
  }
  for (const tid of tids) {
    try {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      into.set(Number(tid), (Number(f[11]) + Number(f[12])) / CLOCK_TICKS);
    } catch {
      // the thread ended between the listing and the read
    }
  }
}

const CLOCK_TICKS = 100;

interface CliRun {
  ms: number;
  code: number | null;
  /** Peak RSS seen in /proc (sampled every 20 ms) and reported by the process itself at exit. */
  peakKb: number;
  /** CPU seconds: the main thread, the other threads from the busiest, and all of them (last sample before exit). */
  cpu: { main: number; others: number[]; total: number };
  summary: { files: number; recommendations: number; errors: number; warnings: number; unreadable: number; maxRssMb?: number } | null;
  outBytes: number;
}

async function runCli(args: string[], out: string): Promise<CliRun> {
  const t = performance.now();
  const child = spawn(process.execPath, [join(ROOT, "dist", "cli.js"), ...args], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  let peakKb = 0;
  const threads = new Map<number, number>();
  const timer = setInterval(() => {
    peakKb = Math.max(peakKb, vmHwmKb(child.pid!));
    threadCpu(child.pid!, threads);
  }, 20);
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  clearInterval(timer);
  const ms = performance.now() - t;
  const line = stderr.split("\n").filter((l) => l.startsWith('{"summary"')).pop();
  const summary = line ? (JSON.parse(line) as { summary: CliRun["summary"] }).summary : null;
  peakKb = Math.max(peakKb, (summary?.maxRssMb ?? 0) * 1024);
  const main = threads.get(child.pid!) ?? 0;
  const others = [...threads].filter(([tid]) => tid !== child.pid).map(([, s]) => s).sort((a, b) => b - a);
  const cpu = { main, others, total: main + others.reduce((a, b) => a + b, 0) };
  return { ms, code, peakKb, cpu, summary, outBytes: existsSync(out) ? statSync(out).size : 0 };
}

function walkCsv(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walkCsv(p));
    else if (/\.(csv|tsv)$/.test(e.name)) out.push(p);
  }
  return out.sort();
}

/** Our CSV pipeline against papaparse's raw parse of the same texts, best of 5 runs each. */
function csvRatio(files: string[]): { raw: number; ours: number; rows: number } {
  const texts = files.map((f) => decodeText(new Uint8Array(readFileSync(f))).text);
  let raw = Infinity;
  let ours = Infinity;
  let rows = 0;
  for (let k = 0; k < 5; k++) {
    let t = performance.now();
    for (const s of texts) Papa.parse(s, { delimiter: "" });
    raw = Math.min(raw, performance.now() - t);
    t = performance.now();
    rows = 0;
    for (const s of texts) rows += parseCsv(s).recommendations.length;
    ours = Math.min(ours, performance.now() - t);
  }
  return { raw, ours, rows };
}

const mark = (ok: boolean) => (ok ? "ok" : "MISSED");

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
const spread = (xs: number[], digits = 1) => `${Math.min(...xs).toFixed(digits)} / ${median(xs).toFixed(digits)} / ${Math.max(...xs).toFixed(digits)}`;

export async function run(): Promise<void> {
  const dataDir = join(ROOT, "bench-data", "batch");
  let t = performance.now();
  const manifest = await makeBatchData(dataDir);
  const genS = (performance.now() - t) / 1000;
  console.log(`data: ${manifest.files} files, ${(manifest.bytes / 1e6).toFixed(1)} MB in ${dataDir} (${manifest.sources.corpus ? "corpus + fixtures" : "fixtures only"}; ready in ${genS.toFixed(1)} s)`);
  ensureBuilt();

  const settings = (process.env.UPR_BENCH_JOBS ?? "1,2").split(",");
  const runs = Number(process.env.UPR_BENCH_RUNS ?? 5);
  const out = join(ROOT, "bench-data", "out", "batch.jsonl");
  // UPR_BENCH_COMMAND="classify --no-evidence" times parse + classify (the command, then its flags).
  const [command = "parse", ...flags] = (process.env.UPR_BENCH_COMMAND ?? "parse").split(/\s+/).filter(Boolean);
  const argsOf = (jobs: string) => ["--json", "--jobs", jobs, command, dataDir, ...flags, "--format", "jsonl", "--out", out];
  const targetSeconds = command === "classify" ? TARGET.classifySeconds : TARGET.seconds;
  console.log(`run: node dist/cli.js ${argsOf(settings.join("|")).join(" ").replace(ROOT + "/", "")}, ${runs} times each, alternating (load average now ${loadavg().map((l) => l.toFixed(1)).join(", ")}, ${availableParallelism()} cores)`);
  const all = new Map<string, CliRun[]>(settings.map((j) => [j, []]));
  for (let k = 0; k < runs; k++) {
    for (const jobs of settings) {
      const r = await runCli(argsOf(jobs), out);
      all.get(jobs)!.push(r);
      const s = r.summary;
      console.log(`  --jobs ${jobs.padEnd(4)} ${(r.ms / 1000).toFixed(1).padStart(5)} s, ${(r.peakKb / 1024).toFixed(0)} MB, CPU main ${r.cpu.main.toFixed(1)} s, busiest others ${r.cpu.others.slice(0, 2).map((c) => c.toFixed(1)).join(" + ")} s, all threads ${r.cpu.total.toFixed(1)} s; ${s?.files ?? "?"} files, ${s?.recommendations ?? "?"} recommendations, ${s?.unreadable ?? "?"} unreadable, exit ${r.code}`);
    }
  }
  for (const [jobs, rs] of all) {
    const first = rs[0]!;
    const s = first.summary;
    const recs = s?.recommendations ?? 0;
    const seconds = rs.map((r) => r.ms / 1000);
    const rss = rs.map((r) => r.peakKb / 1024);
    console.log(`--jobs ${jobs}: ${s?.files ?? "?"} files (${s?.unreadable ?? "?"} unreadable, as planted), errors ${s?.errors ?? "?"}, warnings ${s?.warnings ?? "?"}; ${recs.toLocaleString("en-US")} recommendations (${(first.outBytes / 1e6).toFixed(0)} MB of JSON Lines)`);
    console.log(`  time min/median/max: ${spread(seconds)} s   [target < ${targetSeconds} s: ${mark(median(seconds) < targetSeconds)}]; ${Math.round(recs / median(seconds)).toLocaleString("en-US")} recommendations/s`);
    console.log(`  peak RSS (main + worker threads) min/median/max: ${spread(rss, 0)} MB   [target < ${TARGET.rssMb} MB: ${mark(Math.max(...rss) < TARGET.rssMb)}]`);
    console.log(`  CPU s min/median/max: all threads ${spread(rs.map((r) => r.cpu.total))}; main thread ${spread(rs.map((r) => r.cpu.main))}; busiest other thread ${spread(rs.map((r) => r.cpu.others[0] ?? 0))}, second ${spread(rs.map((r) => r.cpu.others[1] ?? 0))}`);
  }
  if (settings.length === 2) {
    const [a, b] = settings.map((j) => all.get(j)!);
    const ratios = a!.map((r, i) => r.ms / b![i]!.ms);
    console.log(`throughput of --jobs ${settings[1]} / --jobs ${settings[0]}, pair by pair: min/median/max ${spread(ratios, 2)}x   [target >= 1.7x: ${mark(median(ratios) >= 1.7)}]`);
  }

  t = performance.now();
  const csv = walkCsv(join(dataDir, "csv"));
  const ratio = csvRatio(csv);
  console.log(`CSV: ${csv.length} files, ${ratio.rows.toLocaleString("en-US")} rows; papaparse raw ${ratio.raw.toFixed(0)} ms, upr-matrix parseCsv ${ratio.ours.toFixed(0)} ms, ratio ${(ratio.ours / ratio.raw).toFixed(2)}x   [target <= ${TARGET.csvRatio}x: ${mark(ratio.ours / ratio.raw <= TARGET.csvRatio)}]`);
}
