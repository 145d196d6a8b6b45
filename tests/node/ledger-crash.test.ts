import { fileURLToPath } from "node:url";
import { spawn } from "node:child_process";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";
import { afterAll, beforeAll, expect, test } from "vitest";
import { readLedgerFile } from "../../src/node/ledger-file.js";

// Writers are killed with SIGKILL at random moments, several at once, many times; then the ledger
// must load with every event a writer had acknowledged (its append had resolved).
// Rounds run until the time budget is spent (at least MIN_ROUNDS), so the test stays under ~20 s on a
// loaded machine, where starting a process can take a second.
const MIN_ROUNDS = 8;
const MAX_ROUNDS = 30;
const BUDGET_MS = 9_000;
const WRITERS = 3;

let dir: string;
let writerJs: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "upr-crash-"));
  writerJs = join(dir, "writer.mjs");
  // Plain node starts in ~50 ms; tsx would take ten times longer per process.
  await build({ entryPoints: [fileURLToPath(new URL("./ledger-crash-writer.ts", import.meta.url))], bundle: true, platform: "node", format: "esm", outfile: writerJs, logLevel: "silent" });
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sizeOf = async (path: string) => (await stat(path).catch(() => null))?.size ?? 0;

/** Run a writer and SIGKILL it `kill` ms after its first acknowledged append, or once `kill()` resolves; resolve with its acknowledged event ids. */
function runWriter(ledger: string, name: string, kill: number | (() => Promise<void>), chunkBytes?: number, big = false): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const args = [writerJs, ledger, name, String(chunkBytes ?? 0), ...(big ? ["big"] : [])];
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString("utf8");
      // A timed kill counts from the first acknowledged append, so that every writer gets work done
      // even on a loaded machine (where starting and the first append can take longer than 200 ms).
      if (timer === undefined && typeof kill === "number" && out.includes("\nack ")) timer = setTimeout(() => child.kill("SIGKILL"), kill);
      if (timer === undefined && typeof kill !== "number" && out.startsWith("ready\n")) {
        timer = setTimeout(() => undefined, 0);
        void kill().then(() => child.kill("SIGKILL"));
      }
    });
    child.stderr.on("data", (d: Buffer) => (err += d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (signal !== "SIGKILL") return reject(new Error(`writer ${name} ended by itself (code ${code}): ${err}`));
      // Only whole "ack" lines count: a line cut by the kill was never fully acknowledged.
      resolve(out.split("\n").slice(0, -1).filter((l) => l.startsWith("ack ")).map((l) => l.slice(4)));
    });
  });
}

test("writers killed mid-append: every acknowledged event survives, the ledger always loads", async () => {
  const ledger = join(dir, "ledger.jsonl");
  const acked = new Set<string>();
  let forcedTears = 0;
  let rounds = 0;
  const start = Date.now();
  for (let round = 0; round < MAX_ROUNDS && (round < MIN_ROUNDS || Date.now() - start < BUDGET_MS); round++) {
    rounds++;
    if (round % 6 === 0) {
      // A certain tear: a lone writer appends a 2 MB event in 64-byte pieces and is killed as soon as
      // the file starts growing. The writers of the next rounds must not lose anything to it.
      const before = await sizeOf(ledger);
      const grown = async () => {
        while ((await sizeOf(ledger)) < before + 10_000) await new Promise((r) => setTimeout(r, 2));
      };
      for (const id of await runWriter(ledger, `r${round}big`, grown, 64, true)) acked.add(id);
      forcedTears++;
    }
    // Writer 0 writes each append in 64-byte pieces, as a file system without atomic appends would.
    const runs = Array.from({ length: WRITERS }, (_, w) => runWriter(ledger, `r${round}w${w}`, Math.floor(Math.random() * 200), w === 0 ? 64 : undefined));
    for (const ids of await Promise.all(runs)) for (const id of ids) acked.add(id);
    if (round % 5 === 4) {
      // The ledger loads between crashes too, while a torn line may sit at its end.
      const mid = await readLedgerFile(ledger, { missingOk: true });
      expect(mid.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      expect(acked.size).toBeLessThanOrEqual(mid.events.length);
    }
  }
  const { events, diagnostics } = await readLedgerFile(ledger);
  const ids = new Set(events.map((e) => e.eventId));
  const lost = [...acked].filter((id) => !ids.has(id));
  const torn = diagnostics.filter((d) => d.code === "ledger-torn-line").length;
  console.log(`[ledger-crash] ${rounds} rounds, ${rounds * WRITERS + forcedTears} writers killed (${forcedTears} of them certainly mid-line); ${acked.size} events acknowledged, ${events.length} in the ledger, ${torn} torn line(s) skipped, ${lost.length} lost`);
  expect(acked.size).toBeGreaterThanOrEqual(rounds * WRITERS); // every timed writer got work done before being killed
  expect(torn).toBeGreaterThanOrEqual(forcedTears); // and some were killed in the middle of a line
  expect(lost).toEqual([]);
  expect(diagnostics.filter((d) => d.code !== "ledger-torn-line")).toEqual([]);
  // Events written but not acknowledged (killed between fsync and the ack) are complete events too.
  for (const e of events) expect(e.recommendation.startsWith("Crashland|4|r")).toBe(true);
}, 60_000);
