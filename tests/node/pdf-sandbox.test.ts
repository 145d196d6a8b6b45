// The PDF worker kept idle between reads: when it fails later (pdf.js rejecting a promise after its read
// was answered), the caller's process must not see an unhandled 'error' event, and the next PDF must go
// to a new worker rather than wait for the time limit on a dead one. The worker is a stand-in here: the
// failure cannot be provoked on demand in pdf.js.
import { EventEmitter } from "node:events";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { expect, test, vi } from "vitest";

class FakeWorker extends EventEmitter {
  terminated = false;
  ref(): void {}
  unref(): void {}
  terminate(): Promise<number> {
    this.terminated = true;
    return Promise.resolve(1);
  }
  postMessage(m: { id: number; file: string }): void {
    setImmediate(() => this.emit("message", { id: m.id, text: { lines: [], pages: 1, diagnostics: [] } }));
  }
}

const spawned: FakeWorker[] = [];
vi.mock("../../src/node/spawn-worker.js", () => ({
  spawnWorker: () => {
    const w = new FakeWorker();
    spawned.push(w);
    return w;
  },
}));

const { extractPdfTextIsolated } = await import("../../src/node/pdf-sandbox.js");
const pdf = readFileSync(fileURLToPath(new URL("../../fixtures/wg-reports/wg-report-fr.pdf", import.meta.url)));

test("an idle worker that fails later is dropped: no unhandled error, the next PDF gets a new worker", async () => {
  expect((await extractPdfTextIsolated(pdf, { file: "a.pdf", limits: {} })).pages).toBe(1);
  expect(await extractPdfTextIsolated(pdf, { file: "b.pdf", limits: {} })).toMatchObject({ pages: 1 });
  expect(spawned).toHaveLength(1); // a worker that read cleanly serves the next PDF
  // Before: no listener was left on the idle worker, so this threw in the caller's thread.
  expect(() => spawned[0]!.emit("error", new Error("Unexpected stray rejection"))).not.toThrow();
  spawned[0]!.emit("exit", 1);
  expect(spawned[0]!.terminated).toBe(true);
  expect(await extractPdfTextIsolated(pdf, { file: "c.pdf", limits: {} })).toMatchObject({ pages: 1, diagnostics: [] });
  expect(spawned).toHaveLength(2);
});
