import { readFileSync } from "node:fs";
import { extractPdfText } from "../src/pdf/extract.js";
import { readWgReport } from "../src/pdf/wg-report.js";
import { readMatrixFile } from "../src/node/read-file.js";
const text = await extractPdfText(new Uint8Array(readFileSync("/work/shared/corpus/wg-reports/g1423930.pdf")));
const r = readWgReport(text.lines);
const m = await readMatrixFile("/work/shared/corpus/ohchr-matrices/UPR20__Slovenia_ThematicListRecommendations_E.docx");
const byId = new Map(m.recommendations.map((x) => [x.id, x]));
const ws = (s: string) => s.replace(/\s+/g, " ").trim();
const nows = (s: string) => s.replace(/\s+/g, "");
let eq = 0, eq2 = 0, st = 0;
for (const x of r.recommendations) {
  const y = byId.get(x.id)!;
  if (ws(x.text) === ws(y.text)) eq++; else console.log("DIFF", x.id, "\n  R:", x.text, "\n  M:", y.text);
  if (nows(x.text) === nows(y.text)) eq2++;
  if (JSON.stringify(x.recommendingStates) === JSON.stringify(y.recommendingStates)) st++; else console.log("STATES", x.id, x.recommendingStates, y.recommendingStates);
}
console.log(r.recommendations.length, m.recommendations.length, "ws-equal", eq, "nows-equal", eq2, "states", st);
