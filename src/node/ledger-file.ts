// The default ledger store: a JSON Lines file, one event per line, only ever appended to.
//
// Crash and concurrency safety:
// - an append writes whole lines (one write() per 16 MiB of them) to a file opened with O_APPEND, then
//   fsyncs, so a killed process leaves at most one cut line at the end;
// - appenders take a lock file (hard-linked into place, so it exists only with its owner's pid and
//   host in it) around "read if asked, check the file ends with a newline, write, fsync"; a cut last
//   line is closed with a newline before the next event, so it can never swallow a later event;
// - a lock is broken only when its owner is surely gone: on this host, when its pid is not running
//   (never because it is old: a slow writer is waited for); from another host, when the owner has not
//   refreshed it (every 5 s while it holds it) for `staleLockMs`;
// - readers never need the lock: they skip a cut line (ledger-torn-line) and keep every complete one.
import { createReadStream } from "node:fs";
import { link, open, readFile, rename, stat, unlink, utimes, writeFile, type FileHandle } from "node:fs/promises";
import { hostname } from "node:os";
import * as z from "zod";
import { MatrixError, resolveOptions } from "../errors/matrix-error.js";
import { StatusEvent } from "../schema/status.js";
import { readLedgerLines, LedgerLinesOptions, type LedgerCounts } from "../track/ledger-lines.js";
import type { LedgerDecision, LedgerRead, LedgerStore } from "../track/store.js";

/** Options for appending to a ledger file. */
export const AppendOptions = z.object({
  /** Give up waiting for another process's lock after this long (ms). Default 10 000. */
  lockTimeoutMs: z.int().nonnegative().default(10_000),
  /** Break a lock from another host that its owner has not refreshed for this long (ms). Default 30 000. */
  staleLockMs: z.int().positive().default(30_000),
  /**
   * Testing only: split the write into pieces of this many bytes, as a file system without atomic
   * appends (or a power cut) would. The crash test uses it to produce torn lines on purpose.
   */
  chunkBytes: z.int().nonnegative().optional(),
});
export type AppendOptions = z.input<typeof AppendOptions>;
type Resolved = z.output<typeof AppendOptions>;

/** Options for reading a ledger file. */
export const ReadLedgerOptions = LedgerLinesOptions.omit({ file: true }).extend({
  /** A missing file reads as an empty ledger instead of an error. */
  missingOk: z.boolean().default(false),
});
export type ReadLedgerOptions = z.input<typeof ReadLedgerOptions>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** How often a lock's owner refreshes it (its modification time) while it holds it. */
const HEARTBEAT_MS = 5_000;
/** Bytes of whole lines per write() call. */
const WRITE_BYTES = 16 * 1024 * 1024;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** The lock's content when it may be broken, or null while its owner may still be working. */
async function lockIsStale(lockPath: string, staleMs: number): Promise<string | null> {
  let content: string;
  let age: number;
  try {
    content = await readFile(lockPath, "utf8");
    age = Date.now() - (await stat(lockPath)).mtimeMs;
  } catch {
    return null; // gone already: just retry
  }
  const m = /^(\d+) (\S+)/.exec(content);
  if (!m) return age > 2000 ? content : null; // not ours: written by hand or by an older version
  const [, pid, host] = m;
  if (host === hostname()) return alive(Number(pid)) ? null : content;
  return age > staleMs ? content : null;
}

// Move the stale lock aside atomically; if it turns out a fresh lock was taken meanwhile, put it back.
async function breakLock(lockPath: string, judged: string): Promise<void> {
  const aside = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}.stale`;
  try {
    await rename(lockPath, aside);
  } catch {
    return;
  }
  try {
    const moved = await readFile(aside, "utf8");
    if (moved !== judged) await link(aside, lockPath).catch(() => undefined);
  } finally {
    await unlink(aside).catch(() => undefined);
  }
}

interface Lock {
  /** Throws when the lock was broken by another process (it is no longer ours). */
  check(): Promise<void>;
  release(): Promise<void>;
}

async function acquireLock(lockPath: string, options: Resolved): Promise<Lock> {
  const deadline = Date.now() + options.lockTimeoutMs;
  let delay = 2;
  const me = `${process.pid} ${hostname()} ${new Date().toISOString()} ${Math.random().toString(36).slice(2)}\n`;
  for (;;) {
    // The lock appears with its owner already written in it (link is atomic and fails if the lock
    // exists), so a process killed while taking it never leaves an anonymous lock behind.
    const mine = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    await writeFile(mine, me);
    let taken = false;
    try {
      await link(mine, lockPath);
      taken = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    } finally {
      await unlink(mine).catch(() => undefined);
    }
    if (taken) {
      // Refreshed while held, so that writers on other hosts can tell a slow owner from a gone one.
      const heartbeat = setInterval(() => {
        const now = new Date();
        void utimes(lockPath, now, now).catch(() => undefined);
      }, HEARTBEAT_MS);
      heartbeat.unref();
      const ours = async () => (await readFile(lockPath, "utf8").catch(() => null)) === me;
      return {
        async check() {
          if (!(await ours())) {
            throw new MatrixError("ledger-locked", `The ledger lock ${lockPath} was taken over by another process while this one held it; nothing was written. Try again.`);
          }
        },
        async release() {
          clearInterval(heartbeat);
          // Remove only our own lock: if it was broken as stale, it may now belong to someone else.
          if (await ours()) await unlink(lockPath).catch(() => undefined);
        },
      };
    }
    const stale = await lockIsStale(lockPath, options.staleLockMs);
    if (stale !== null) {
      await breakLock(lockPath, stale);
      continue;
    }
    if (Date.now() > deadline) {
      const owner = /^(\d+) (\S+)/.exec((await readFile(lockPath, "utf8").catch(() => "")) ?? "");
      throw new MatrixError(
        "ledger-locked",
        `The ledger is locked by another process (${owner ? `pid ${owner[1]} on ${owner[2]}` : "unknown owner"}: ${lockPath}). Try again; if no upr-matrix process is running, delete that file.`,
      );
    }
    await sleep(delay + Math.random() * delay);
    delay = Math.min(delay * 2, 50);
  }
}

/** Why a file cannot be read as a ledger, as a MatrixError. */
function unreadable(path: string, e: unknown): MatrixError {
  if (e instanceof MatrixError) return e;
  const err = e as NodeJS.ErrnoException;
  const why = err.code === "ENOENT" ? "No such ledger file." : err.code === "EACCES" || err.code === "EPERM" ? "Permission denied." : `Cannot read the ledger: ${err.message.split("\n")[0]}`;
  return new MatrixError("unreadable-input", `${path}: ${why}`, [{ code: "file-error", severity: "error", message: why, place: { file: path } }]);
}

/**
 * Read a JSON Lines ledger file line by line (see `readLedgerLines`): every complete, valid event,
 * each id once, with diagnostics for damaged lines and counts of how each line was used. Throws
 * `MatrixError` when there is no ledger to read: `unreadable-input` (missing, unless `missingOk`;
 * permission denied) or `not-a-ledger` (a folder, a device, another kind of file, UTF-16).
 * @example
 * const { events, diagnostics } = await readLedgerFile("upr-tracking/ledger.jsonl", { missingOk: true });
 */
export async function readLedgerFile(path: string, options: ReadLedgerOptions = {}): Promise<LedgerRead & { counts: LedgerCounts }> {
  const { missingOk, ...lines } = resolveOptions(ReadLedgerOptions, options, "readLedgerFile");
  const empty = { events: [], diagnostics: [], counts: { lines: 0, events: 0, duplicates: 0, torn: 0, invalid: 0, tooLong: 0 } };
  let info;
  try {
    info = await stat(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT" && missingOk) return empty;
    throw unreadable(path, e);
  }
  if (info.isDirectory()) throw new MatrixError("not-a-ledger", `${path} is a folder, not a ledger file (give the ledger.jsonl inside a tracking folder).`);
  // A device or pipe (/dev/zero) would be read without end.
  if (!info.isFile()) throw new MatrixError("not-a-ledger", `${path} is not a regular file, so not a ledger.`);
  try {
    return await readLedgerLines(createReadStream(path, { highWaterMark: 1024 * 1024 }), { ...lines, file: path });
  } catch (e) {
    throw unreadable(path, e);
  }
}

// The first bytes of an existing file must be a ledger's: never append events to another file.
async function checkHead(fh: FileHandle, path: string): Promise<void> {
  const head = Buffer.alloc(4096);
  const { bytesRead } = await fh.read(head, 0, head.length, 0);
  if (bytesRead > 0) await readLedgerLines([head.subarray(0, bytesRead)], { file: path });
}

async function writeEvents(path: string, events: readonly StatusEvent[], options: Resolved, lock: Lock): Promise<void> {
  const fh = await open(path, "a+");
  try {
    const { size } = await fh.stat();
    let prefix = "";
    if (size > 0) {
      await checkHead(fh, path);
      const last = Buffer.alloc(1);
      await fh.read(last, 0, 1, size - 1);
      // A line cut by a crash: end it, so that it cannot swallow the events written now.
      if (last[0] !== 0x0a) prefix = "\n";
    }
    await lock.check();
    // Whole lines, a bounded amount at a time: never one string for the whole append.
    let batch: string[] = [prefix];
    let bytes = prefix.length;
    const flush = async () => {
      const data = Buffer.from(batch.join(""), "utf8");
      const piece = options.chunkBytes && options.chunkBytes > 0 ? options.chunkBytes : data.length;
      for (let written = 0; written < data.length; ) {
        const { bytesWritten } = await fh.write(data, written, Math.min(piece, data.length - written));
        written += bytesWritten;
      }
      batch = [];
      bytes = 0;
    };
    for (const e of events) {
      const line = `${JSON.stringify(e)}\n`;
      batch.push(line);
      bytes += line.length;
      if (bytes >= WRITE_BYTES) await flush();
    }
    if (bytes > 0) await flush();
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/**
 * Under the ledger's lock: read the file, let `decide` choose what to append, append it and fsync.
 * No other writer can append between the read and the write, so a decision (is this answer new?)
 * always holds on the ledger it is written to. Throws `MatrixError` when the file is not a ledger or
 * cannot be read, when the lock cannot be had (`ledger-locked`), and when the events are invalid.
 * @example
 * const added = await updateLedgerFile("upr-tracking/ledger.jsonl", ({ events }) => {
 *   const plan = planAppend(events, incoming);
 *   return { append: plan.added, result: plan.added.length };
 * });
 */
export async function updateLedgerFile<T>(path: string, decide: (ledger: LedgerRead) => LedgerDecision<T>, options: AppendOptions = {}): Promise<T> {
  const opts = resolveOptions(AppendOptions, options, "updateLedgerFile");
  const lock = await acquireLock(`${path}.lock`, opts);
  try {
    const { append, result } = decide(await readLedgerFile(path, { missingOk: true }));
    const valid = append.map((e) => StatusEvent.parse(e));
    if (valid.length > 0) await writeEvents(path, valid, opts, lock);
    return result;
  } finally {
    await lock.release();
  }
}

/**
 * Append events to a JSON Lines ledger file (created if missing) under its lock, then fsync; resolves
 * once the events are on disk. Throws when the events are invalid, the file is not a ledger, or it
 * cannot be written.
 * @example
 * await appendLedgerFile("upr-tracking/ledger.jsonl", [event]);
 */
export async function appendLedgerFile(path: string, events: readonly StatusEvent[], options: AppendOptions = {}): Promise<void> {
  const opts = resolveOptions(AppendOptions, options, "appendLedgerFile");
  if (events.length === 0) return;
  const valid = events.map((e) => StatusEvent.parse(e));
  const lock = await acquireLock(`${path}.lock`, opts);
  try {
    await writeEvents(path, valid, opts, lock);
  } finally {
    await lock.release();
  }
}

/**
 * The JSON Lines file as a `LedgerStore`: a missing file is an empty ledger; `update` decides and
 * appends under the file's lock.
 * @example
 * const store = jsonlLedgerStore("upr-tracking/ledger.jsonl");
 * await recordEvents(store, events);
 */
export function jsonlLedgerStore(path: string, options: AppendOptions = {}): LedgerStore {
  const opts = resolveOptions(AppendOptions, options, "jsonlLedgerStore"); // a bad option fails here, not at the first append
  return {
    read: () => readLedgerFile(path, { missingOk: true }),
    append: (events) => appendLedgerFile(path, events, opts),
    update: (decide) => updateLedgerFile(path, decide, opts),
  };
}
