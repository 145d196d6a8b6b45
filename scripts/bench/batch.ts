// The batch benchmark: the built CLI on a folder of ~350 generated files (mixed formats, ~300,000
// recommendations; scripts/make-batch-data.ts), run as a child process. Prints total time,
// recommendations per second, peak RSS of the whole process (main thread and worker threads) and the
// CSV pipeline's time against papaparse's raw parse of the same CSV text, measured in this run.
//   npm run bench -- batch            (UPR_BENCH_JOBS=1 to compare with one thread)
import { spawn } from "node:child_process";
import { ensureDistBuilt } from "../lib/built.js";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Papa from "papaparse";
import { parseCsv } from "../../src/ingest/csv.js";
import { decodeText } from "../../src/ingest/decode.js";
import { makeBatchData } from "../make-batch-data.js";

const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));
const TARGET = { seconds: 60, rssMb: 512, csvRatio: 2 };

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

interface CliRun {
  ms: number;
  code: number | null;
  /** Peak RSS seen in /proc (sampled every 20 ms) and reported by the process itself at exit. */
  peakKb: number;
  summary: { files: number; recommendations: number; errors: number; warnings: number; unreadable: number; maxRssMb?: number } | null;
  outBytes: number;
}

async function runCli(args: string[], out: string): Promise<CliRun> {
  const t = performance.now();
  const child = spawn(process.execPath, [join(ROOT, "dist", "cli.js"), ...args], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  let peakKb = 0;
  const timer = setInterval(() => (peakKb = Math.max(peakKb, vmHwmKb(child.pid!))), 20);
  const code = await new Promise<number | null>((resolve) => child.on("exit", (c) => resolve(c)));
  clearInterval(timer);
  const ms = performance.now() - t;
  const line = stderr.split("\n").filter((l) => l.startsWith('{"summary"')).pop();
  const summary = line ? (JSON.parse(line) as { summary: CliRun["summary"] }).summary : null;
  peakKb = Math.max(peakKb, (summary?.maxRssMb ?? 0) * 1024);
  return { ms, code, peakKb, summary, outBytes: existsSync(out) ? statSync(out).size : 0 };
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

export async function run(): Promise<void> {
  const dataDir = join(ROOT, "bench-data", "batch");
  let t = performance.now();
  const manifest = await makeBatchData(dataDir);
  const genS = (performance.now() - t) / 1000;
  console.log(`data: ${manifest.files} files, ${(manifest.bytes / 1e6).toFixed(1)} MB in ${dataDir} (${manifest.sources.corpus ? "corpus + fixtures" : "fixtures only"}; ready in ${genS.toFixed(1)} s)`);
  ensureBuilt();

  const jobs = process.env.UPR_BENCH_JOBS ?? "auto";
  const out = join(ROOT, "bench-data", "out", "batch.jsonl");
  const args = ["--json", "--jobs", jobs, "parse", dataDir, "--format", "jsonl", "--out", out];
  console.log(`run: node dist/cli.js ${args.join(" ").replace(ROOT + "/", "")}`);
  const r = await runCli(args, out);
  const s = r.summary;
  const recs = s?.recommendations ?? 0;
  const seconds = r.ms / 1000;
  const rssMb = r.peakKb / 1024;
  console.log(`files read: ${s?.files ?? "?"} (${s?.unreadable ?? "?"} unreadable, as planted), errors ${s?.errors ?? "?"}, warnings ${s?.warnings ?? "?"}, exit code ${r.code}`);
  console.log(`recommendations: ${recs.toLocaleString("en-US")} (${(r.outBytes / 1e6).toFixed(0)} MB of JSON Lines)`);
  console.log(`total time: ${seconds.toFixed(1)} s   [target < ${TARGET.seconds} s: ${mark(seconds < TARGET.seconds)}]`);
  console.log(`throughput: ${Math.round(recs / seconds).toLocaleString("en-US")} recommendations/s`);
  console.log(`peak RSS (main + worker threads): ${rssMb.toFixed(0)} MB   [target < ${TARGET.rssMb} MB: ${mark(rssMb < TARGET.rssMb)}]`);

  t = performance.now();
  const csv = walkCsv(join(dataDir, "csv"));
  const ratio = csvRatio(csv);
  console.log(`CSV: ${csv.length} files, ${ratio.rows.toLocaleString("en-US")} rows; papaparse raw ${ratio.raw.toFixed(0)} ms, upr-matrix parseCsv ${ratio.ours.toFixed(0)} ms, ratio ${(ratio.ours / ratio.raw).toFixed(2)}x   [target <= ${TARGET.csvRatio}x: ${mark(ratio.ours / ratio.raw <= TARGET.csvRatio)}]`);
}
