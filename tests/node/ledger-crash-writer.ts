// A writer process for tests/node/ledger-crash.test.ts: appends batches of events of random sizes
// (some large enough to take several write pages) until it is killed, and prints "ack <eventId>"
// after each append resolves — those events must be in the ledger whatever happens next.
import { appendLedgerFile } from "../../src/node/ledger-file.js";
import { createEvent } from "../../src/track/event.js";

const [path, writer, chunk, big] = process.argv.slice(2) as [string, string, string | undefined, string | undefined];
// With a chunk size, each append takes many write() calls, so a kill often cuts a line in half.
const options = Number(chunk) > 0 ? { chunkBytes: Number(chunk) } : {};
// Node takes ~100 ms to start: the test times its kills from here, when the writing starts.
process.stdout.write("ready\n");
for (let i = 0; ; i++) {
  const events = Array.from({ length: 1 + (i % 3) }, (_, k) =>
    createEvent(
      {
        recommendation: `Crashland|4|${writer}.${i}.${k}`,
        status: "in-progress",
        date: "2025-01-01",
        // "big": one 2 MB event, so that a kill while it is being written certainly cuts it.
        action: "x".repeat(big ? 2_000_000 : Math.floor(Math.random() ** 3 * 120_000)),
        source: { reporter: writer },
      },
      { recordedAt: new Date().toISOString() },
    ),
  );
  await appendLedgerFile(path, events, options);
  process.stdout.write(events.map((e) => `ack ${e.eventId}\n`).join(""));
}
