// Tracking at the scale where it used to break (issue 14, D21): the register of 800,000 recommendations
// (one JSON.stringify gave "Invalid string length") and a ledger holding one 600 MB line (read as one
// string, it failed whole). Heavy (about 2 GB and a few minutes): run only when named.
//   npm run bench -- track-scale
import { fileURLToPath } from "node:url";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import { appendLedgerFile, readLedgerFile, readMatrixFile, readRegisterFile, writeRegisterFile } from "../../src/node/index.js";
import type { ParseResult } from "../../src/schema/result.js";
import { initialEvents } from "../../src/track/assign.js";
import { createEvent } from "../../src/track/event.js";

const N = 800_000;
const sample = fileURLToPath(new URL("../../fixtures/sample/ohchr-matrix-en.docx", import.meta.url));
const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
const step = async <T>(what: string, f: () => Promise<T> | T): Promise<T> => {
  const t = performance.now();
  const out = await f();
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(`${what}: ${((performance.now() - t) / 1000).toFixed(1)} s (peak RSS so far ${mb(peak)})`);
  return out;
};

export async function run(): Promise<void> {
  if (!process.argv.includes("track-scale")) {
    console.log("skipped: heavy; run it by name (npm run bench -- track-scale)");
    clearInterval(sampler);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), "upr-bench-scale-"));
  try {
    const base = (await readMatrixFile(sample)).recommendations;
    const result: ParseResult = await step(`${N} recommendations built from the sample's ${base.length}`, () => ({
      recommendations: Array.from({ length: N }, (_, i) => {
        const r = base[i % base.length]!;
        const id = `${100 + Math.floor(i / 1000)}.${(i % 1000) + 1}`;
        return { ...r, id, paragraphId: id, institutions: [`Institution ${i % 40}`], place: { file: "big.csv", row: i + 2 } };
      }),
      diagnostics: [],
      sources: [],
    }));
    await step("before: one JSON.stringify of the register", () => {
      try {
        JSON.stringify(result, null, 2);
        console.log("  (it fitted in one string on this machine)");
      } catch (e) {
        console.log(`  fails: ${(e as Error).message}`);
      }
    });
    const register = join(dir, "recommendations.json");
    await step("writeRegisterFile", () => writeRegisterFile(register, result));
    console.log(`  register: ${mb(statSync(register).size)}`);
    const back = await step("readRegisterFile", () => readRegisterFile(register));
    console.log(`  read back ${back.recommendations.length} recommendations`);
    const init = await step("initialEvents", () => initialEvents(back.recommendations, { recordedAt: "2025-05-01T08:00:00.000Z", date: "2025-05-01" }));
    const ledger = join(dir, "ledger.jsonl");
    await step(`appendLedgerFile of ${init.events.length} events`, () => appendLedgerFile(ledger, init.events));
    console.log(`  ledger: ${mb(statSync(ledger).size)}`);
    const read = await step("readLedgerFile", () => readLedgerFile(ledger));
    console.log(`  ${read.events.length} events, ${read.diagnostics.length} diagnostics`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // A ledger with one line of 600 MB between two events, written in pieces.
  const dir2 = mkdtempSync(join(tmpdir(), "upr-bench-scale-"));
  try {
    const path = join(dir2, "ledger.jsonl");
    const ev = (n: number) => JSON.stringify(createEvent({ recommendation: `Kenya|4|142.${n}`, status: "in-progress", date: "2025-06-01" }, { recordedAt: "2025-06-01T09:00:00.000Z" }));
    await step("write a ledger with one 600 MB line", async () => {
      const out = createWriteStream(path);
      out.write(`${ev(1)}\n`);
      const chunk = "x".repeat(1 << 20);
      out.write('{"eventId":"ev-0000000000000000","recommendation":"Kenya|4|142.2","action":"');
      for (let i = 0; i < 600; i++) if (!out.write(chunk)) await once(out, "drain");
      out.write(`"}\n${ev(3)}\n`);
      out.end();
      await once(out, "finish");
    });
    peak = 0;
    const read = await step("readLedgerFile (default bound 64 MiB a line)", () => readLedgerFile(path));
    console.log(`  ${read.events.length} events; ${read.diagnostics.map((d) => `${d.code} at line ${d.place?.line}`).join(", ")}`);
  } finally {
    rmSync(dir2, { recursive: true, force: true });
    clearInterval(sampler);
  }
}
