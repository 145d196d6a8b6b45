// Tracking speed: deriving states from a large ledger, appending to and reading the JSON Lines file,
// and the workbook round trip on the sample matrix (fixtures/sample/ohchr-matrix-en.docx, 179
// recommendations). Printed, not asserted:   npm run bench -- track
import { fileURLToPath } from "node:url";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { appendLedgerFile, readLedgerFile, readMatrixFile } from "../../src/node/index.js";
import { recommendationKey } from "../../src/schema/key.js";
import { Status, type StatusEvent } from "../../src/schema/status.js";
import { createEvent } from "../../src/track/event.js";
import { currentStates } from "../../src/track/ledger.js";
import { mergeReturnedWorkbooks } from "../../src/track/merge.js";
import { planTrackExport } from "../../src/track/workbook.js";
import { readTrackWorkbook } from "../../src/index.js";
import { writeTrackWorkbook } from "../../src/xlsx.js";

const sample = fileURLToPath(new URL("../../fixtures/sample/ohchr-matrix-en.docx", import.meta.url));
const ms = (t: number) => `${(performance.now() - t).toFixed(0)} ms`;

export async function run(): Promise<void> {
  const { recommendations } = await readMatrixFile(sample);
  const keys = recommendations.map(recommendationKey);
  const N = 100_000;
  let t = performance.now();
  const events: StatusEvent[] = [];
  for (let i = 0; i < N; i++) {
    events.push(
      createEvent(
        {
          recommendation: keys[i % keys.length]!,
          status: i % 4 === 0 ? null : Status.options[i % Status.options.length]!,
          date: `20${23 + (i % 3)}-${String((i % 12) + 1).padStart(2, "0")}-15`,
          // The first pass assigns each recommendation to one of 7 institutions (so 7 workbooks go out).
          ...(i < keys.length ? { lead: `Institution ${i % 7}`, institutions: [`Institution ${i % 7}`] } : {}),
          action: i % 2 ? `Step ${i}: measures taken by the ministry, budget allocated, report published` : null,
          source: { reporter: `Institution ${i % 7}`, round: `r${i % 5}` },
        },
        { recordedAt: new Date(Date.UTC(2025, 0, 1) + i * 1000).toISOString() },
      ),
    );
  }
  console.log(`createEvent: ${N} events in ${ms(t)}`);
  t = performance.now();
  const states = currentStates(events);
  console.log(`currentStates: ${N} events → ${states.size} states in ${ms(t)}`);

  const dir = mkdtempSync(join(tmpdir(), "upr-bench-track-"));
  try {
    const path = join(dir, "ledger.jsonl");
    t = performance.now();
    await appendLedgerFile(path, events);
    console.log(`appendLedgerFile: ${N} events in one append (${(statSync(path).size / 1e6).toFixed(1)} MB) in ${ms(t)}`);
    t = performance.now();
    const read = await readLedgerFile(path);
    console.log(`readLedgerFile: ${read.events.length} events, ${read.diagnostics.length} diagnostics in ${ms(t)}`);
    const small = join(dir, "small.jsonl");
    t = performance.now();
    for (let i = 0; i < 500; i++) await appendLedgerFile(small, [events[i]!]);
    const each = (performance.now() - t) / 500;
    console.log(`appendLedgerFile: 500 single-event appends (lock + write + fsync each), ${each.toFixed(2)} ms per append`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  t = performance.now();
  const plans = planTrackExport(recommendations, states, { round: "bench", exportedAt: "2025-06-01T00:00:00.000Z" });
  const files = [];
  for (const p of plans) files.push({ name: p.fileName, bytes: await writeTrackWorkbook(p) });
  console.log(`export: ${plans.length} workbooks, ${plans.reduce((n, p) => n + p.rows.length, 0)} rows in ${ms(t)}`);
  t = performance.now();
  const returned = [];
  for (const f of files) returned.push((await readTrackWorkbook(f.bytes, f.name)).workbook!);
  const merged = mergeReturnedWorkbooks(returned, { recommendations, events, recordedAt: "2025-07-01T00:00:00.000Z", today: "2025-07-01" });
  console.log(`import: ${returned.length} workbooks read and merged against ${N} events in ${ms(t)} (${merged.events.length} new events: none changed)`);
}
