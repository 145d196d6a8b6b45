import { readFileSync } from "node:fs";
import { extractPdfText } from "../src/pdf/extract.js";
import { readWgReport } from "../src/pdf/wg-report.js";
import { applyAddendum } from "../src/pdf/addendum.js";
const [rf, af] = process.argv.slice(2) as [string, string];
const rl = (await extractPdfText(new Uint8Array(readFileSync(rf)))).lines;
const al = (await extractPdfText(new Uint8Array(readFileSync(af)))).lines;
const { result, reading } = applyAddendum(readWgReport(rl, { file: rf }), al, af);
const c: Record<string, number> = {};
for (const r of result.recommendations) { const k = `${r.position} ${r.positionSource} ${r.positionSourceParagraph}`; c[k] = (c[k] ?? 0) + 1; }
console.log(reading.symbol, reading.applied, c);
for (const d of result.diagnostics) console.log(d.code, d.severity, d.message.slice(0, 200), JSON.stringify(d.place));
if (process.argv[4]) for (const r of result.recommendations) console.log(r.id, r.position, r.positionRaw?.slice(0, 60));
