// Parse speed on the real corpus (when present) and on the bundled fixtures.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Papa from "papaparse";
import { parseMatrix } from "../../src/index.js";
import { parseCsv } from "../../src/ingest/csv.js";
import { decodeText } from "../../src/ingest/decode.js";

const corpus = new URL("../../../shared/corpus/", import.meta.url).pathname;

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
  const fixtures = join(new URL("../../fixtures/", import.meta.url).pathname);
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

  // The CSV pipeline against papaparse's raw parse of the same text, in the same run.
  const csv = files.filter((f) => f.endsWith(".csv"));
  if (csv.length) {
    const texts = csv.map((f) => decodeText(new Uint8Array(readFileSync(f))).text);
    // Best of 5, alternating, so that both sides see the same machine (JIT warm-up, other load).
    let raw = Infinity;
    let ours = Infinity;
    for (let k = 0; k < 5; k++) {
      raw = Math.min(raw, (await time(() => { for (const t of texts) Papa.parse(t, { delimiter: "" }); }))[1]);
      ours = Math.min(ours, (await time(() => { for (const t of texts) parseCsv(t); }))[1]);
    }
    console.log(`CSV: papaparse raw ${raw.toFixed(0)} ms, upr-matrix parseCsv ${ours.toFixed(0)} ms, ratio ${(ours / raw).toFixed(2)}x (best of 5 each)`);
  }
}
