import { readdirSync } from "node:fs";
import { join } from "node:path";
import { readMatrixFile } from "/work/wt-classify/src/node/index.js";
import { defaultModels } from "/work/wt-classify/src/classify/models.js";
import { analyzeText } from "/work/wt-classify/src/classify/features.js";
import { votes } from "/work/wt-classify/src/classify/neighbours.js";
const corpus = "/work/shared/corpus/";
const files: string[] = [];
for (const d of ["upr-info", "ohchr-matrices"]) for (const f of readdirSync(join(corpus, d)).sort()) if (/\.(csv|docx)$/.test(f)) files.push(join(corpus, d, f));
const texts: string[] = [];
for (const f of files) for (const r of (await readMatrixFile(f)).recommendations) texts.push(r.text);
const ix = defaultModels().neighbours;
const fs = texts.slice(0, 20000).map((t) => analyzeText(t).features);
for (let rep = 0; rep < 3; rep++) {
  const t0 = performance.now();
  let n = 0;
  for (const f of fs) n += votes(ix, f, "cycle4").all.nearest.length;
  console.log(((performance.now() - t0) * 1000 / fs.length).toFixed(1), "µs/text", n);
}
// breakdown
{
  const n = ix.docs.length; const acc = new Float64Array(n); const touched = new Int32Array(n);
  const maxDf = Math.max(2, Math.floor(n * 0.05));
  let tA = 0, tB = 0, tC = 0, cnt = 0;
  for (let rep = 0; rep < 2; rep++) { tA = tB = tC = 0;
  for (const features of fs) {
    const t0 = performance.now();
    let qn = 0, count = 0;
    for (const f of features) { if (f.charCodeAt(0) === 94) continue; const i = ix.ids.get(f); if (i === undefined) continue; const w2 = ix.idf2[i]!; qn += w2; const p = ix.postings[i]!; if (p.length > maxDf) continue; for (let j = 0; j < p.length; j++) { const d = p[j]!; if (acc[d] === 0) touched[count++] = d; acc[d]! += w2; } }
    const t1 = performance.now();
    const q = Math.sqrt(qn) || 1; let best = 0;
    for (let t = 0; t < count; t++) { const d = touched[t]!; const s = acc[d]! / (q * ix.norm[d]!); acc[d] = 0; if (s > best) best = s; }
    cnt += best > 0 ? 1 : 0;
    const t2 = performance.now();
    tA += t1 - t0; tB += t2 - t1;
  }
  console.log("accum", (tA * 1000 / fs.length).toFixed(1), "scan", (tB * 1000 / fs.length).toFixed(1)); }
}
{
  const flat = fs.map((f) => f.map((s) => { Number(s); return s; }));
  for (const [name, set] of [["orig", fs], ["flat", flat], ["orig", fs]] as const) {
    const t0 = performance.now(); let x = 0;
    for (let r = 0; r < 3; r++) for (const features of set) for (const f of features) { const i = ix.ids.get(f); if (i !== undefined) x += i; }
    console.log(name, "lookups", ((performance.now() - t0) * 1000 / fs.length / 3).toFixed(2), "µs/text", x);
  }
  // accumulate only, ids known
  const ids = fs.map((f) => f.filter((s) => s.charCodeAt(0) !== 94).map((s) => ix.ids.get(s)).filter((i) => i !== undefined) as number[]);
  const n = ix.docs.length; const acc = new Float64Array(n); const touched = new Int32Array(n); const maxDf = 109;
  const t0 = performance.now(); let tot = 0;
  for (let r = 0; r < 3; r++) for (const list of ids) { let count = 0; for (const i of list) { const w2 = ix.idf2[i]!; const p = ix.postings[i]!; if (p.length > maxDf) continue; for (let j = 0; j < p.length; j++) { const d = p[j]!; if (acc[d] === 0) touched[count++] = d; acc[d]! += w2; } } for (let t = 0; t < count; t++) acc[touched[t]!] = 0; tot += count; }
  console.log("accum only", ((performance.now() - t0) * 1000 / fs.length / 3).toFixed(2), tot);
}
{
  const { votes: v2 } = await import("/work/wt-classify/src/classify/neighbours.js");
  // time tally-free: call votes and measure only: use internal? approximate by head missing
  for (let rep = 0; rep < 2; rep++) {
    const t0 = performance.now();
    for (const f of fs) v2(ix, f, "nohead");
    console.log("votes with empty head", ((performance.now() - t0) * 1000 / fs.length).toFixed(1));
  }
}
