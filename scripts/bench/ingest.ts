// Parse speed on the real corpus (when present) and on the bundled fixtures.
import { fileURLToPath } from "node:url";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { parseMatrix } from "../../src/index.js";
import { parseCsv } from "../../src/ingest/csv.js";
import { decodeText } from "../../src/ingest/decode.js";

const corpus = fileURLToPath(new URL("../../../shared/corpus/", import.meta.url));

async function time<T>(f: () => Promise<T> | T): Promise<[T, number]> {
  const t = performance.now();
  const r = await f();
  return [r, performance.now() - t];
}

export async function run(): Promise<void> {
  const files: string[] = [];
  if (existsSync(corpus)) {
    for (const d of ["ohchr-matrices", "upr-info"]) for (const f of readdirSync(join(corpus, d))) if (/\.(docx|csv)$/.test(f)) files.push(join(corpus, d, f));
  } else console.log("corpus absent (../shared/corpus): timing the fixtures only");
  const fixtures = join(fileURLToPath(new URL("../../fixtures/", import.meta.url)));
  if (existsSync(fixtures)) for (const f of readdirSync(fixtures)) if (/\.(docx|xlsx|csv)$/.test(f)) files.push(join(fixtures, f));
  let total = 0;
  let recs = 0;
  for (const f of files) {
    const bytes = new Uint8Array(readFileSync(f));
    const [r, ms] = await time(() => parseMatrix(bytes, { file: f }));
    total += ms;
    recs += r.recommendations.length;
    console.log(`${f.split("/").pop()!.padEnd(52)} ${String(r.recommendations.length).padStart(6)} recs ${ms.toFixed(0).padStart(6)} ms`);
  }
  console.log(`all: ${recs} recommendations in ${total.toFixed(0)} ms (${Math.round(recs / (total / 1000))} recs/s)`);

  // The CSV pipeline against papaparse's raw parse of the same text, in the same run: alternating, so that
  // both see the same machine (JIT warm-up, other load). Each pair gives a ratio; on a shared machine the
  // median of the pairs moves less than the best times do.
  const csv = files.filter((f) => f.endsWith(".csv"));
  if (csv.length) {
    const texts = csv.map((f) => decodeText(new Uint8Array(readFileSync(f))).text);
    const pairs = Number(process.env.BENCH_PAIRS ?? 9);
    let raw = Infinity;
    let ours = Infinity;
    const ratios: number[] = [];
    for (let k = 0; k < pairs; k++) {
      const r = (await time(() => { for (const t of texts) Papa.parse(t, { delimiter: "" }); }))[1];
      const o = (await time(() => { for (const t of texts) parseCsv(t); }))[1];
      raw = Math.min(raw, r);
      ours = Math.min(ours, o);
      ratios.push(o / r);
    }
    ratios.sort((a, b) => a - b);
    const median = ratios[ratios.length >> 1]!;
    console.log(`CSV: papaparse raw ${raw.toFixed(0)} ms, upr-matrix parseCsv ${ours.toFixed(0)} ms (best of ${pairs} each), ratio of the bests ${(ours / raw).toFixed(2)}x, median ratio of ${pairs} pairs ${median.toFixed(2)}x`);
  }
}
